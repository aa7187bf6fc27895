//! Axes: nice ticks and their labels for a value axis, and period ticks
//! that thin out to fit.

use opeka_feed::locale::{format_compact, format_value};
use opeka_feed::{Date, Format, Granularity, Lang, Period};

use crate::canvas::Canvas;
use crate::measure::TextMeasure;
use crate::scene::{Align, TextRole};
use crate::text::Font;

use crate::scale::LinearScale;

// The scale maths lived here first; their public paths stay.
pub use crate::scale::{nice_ticks, period_at, period_ordinal, ValueTicks};

/// Value axis labels. Below a million they are written in full (`12 000`,
/// `250 000`): as short as the compact form and exact. From a million up
/// they are compact (`1,5 млн`), unless rounding would make two labels
/// alike, when they are written in full after all.
pub fn value_tick_labels(ticks: &[f64], format: Format, lang: Lang) -> Vec<String> {
    let largest = ticks.iter().fold(0.0f64, |m, t| m.max(t.abs()));
    let full = || ticks.iter().map(|&t| crate::text::clean(&format_value(t, format, lang))).collect();
    if largest < 1_000_000.0 {
        return full();
    }
    let compact: Vec<String> = ticks.iter().map(|&t| crate::text::clean(&format_compact(t, format, lang))).collect();
    let distinct = compact.windows(2).all(|w| w[0] != w[1]);
    if distinct {
        compact
    } else {
        full()
    }
}

/// Draws a value axis as grid lines across the plot from `left` to `right`,
/// one per tick of `y` (the zero line in the axis colour), each labelled
/// with its entry of `labels`, right-aligned `gap` before `left`.
pub(crate) fn draw_value_axis(canvas: &mut Canvas<'_>, y: &LinearScale, labels: &[String], left: f64, right: f64, gap: f64, font: Font) {
    let style = canvas.style;
    for (&t, label) in y.ticks().iter().zip(labels) {
        let y = y.px(t).round();
        let colour = if t == 0.0 { style.axis } else { style.grid };
        canvas.hline(left, right, y, 1.0, colour);
        canvas.text_if_free(TextRole::Axis, label, left - gap, y - font.line_height() / 2.0, font, style.muted, Align::End);
    }
}

/// One labelled tick of a period axis.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodTick {
    /// The period ticked.
    pub period: Period,
    /// Its position on the canvas.
    pub x: f64,
    /// The label, as `format_period_tick` writes it.
    pub label: String,
    /// The left edge of the label (kept inside the allowed span).
    pub label_x: f64,
    /// The width of the label.
    pub label_w: f64,
}

/// The ticks of a period axis, thinned until their labels fit side by side.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeriodAxis {
    /// The ticks, left to right.
    pub ticks: Vec<PeriodTick>,
}

/// How far apart period ticks are.
#[derive(Clone, Copy, Debug)]
enum Step {
    /// Every n-th period, on periods whose ordinal is a multiple of n (so
    /// quarterly ticks on a monthly axis fall on January, April, …).
    Every(i64),
    /// On a daily axis: the first day of every n-th month.
    Months(i64),
}

impl PeriodAxis {
    /// Lays out ticks for the periods `first..=last`, where `x_of` maps a
    /// period ordinal to a canvas x, and labels must stay in `span` (left,
    /// right). Tries ever sparser calendar-aligned steps until no two labels
    /// come closer than half the font size.
    pub fn layout(
        first: Period,
        last: Period,
        x_of: &dyn Fn(i64) -> f64,
        span: (f64, f64),
        font: Font,
        measure: &dyn TextMeasure,
        lang: Lang,
    ) -> PeriodAxis {
        let granularity = first.granularity();
        let (lo, hi) = (period_ordinal(&first), period_ordinal(&last));
        let gap = font.size * 0.5;
        // No label is narrower than about two digits: bounds the number of ticks tried.
        let most = ((span.1 - span.0) / (font.size * 1.5)).max(1.0);
        for step in steps(granularity) {
            let estimate = match step {
                Step::Every(n) => (hi - lo) / n,
                Step::Months(n) => (hi - lo) / (28 * n),
            };
            if estimate as f64 > most {
                continue;
            }
            let periods = tick_periods(granularity, lo, hi, step);
            if periods.is_empty() {
                continue;
            }
            let axis = PeriodAxis::label(&periods, x_of, span, font, measure, lang);
            let fits = axis.ticks.windows(2).all(|w| w[0].label_x + w[0].label_w + gap <= w[1].label_x);
            if fits {
                return axis;
            }
        }
        // Nothing fits (an extremely narrow plot): the first period alone.
        PeriodAxis::label(&[first], x_of, span, font, measure, lang)
    }

    /// Draws the ticks down from `bottom`, `tick_len` long, with their
    /// labels' tops at `label_top`.
    pub(crate) fn draw(&self, canvas: &mut Canvas<'_>, bottom: f64, tick_len: f64, label_top: f64, font: Font) {
        let style = canvas.style;
        for tick in &self.ticks {
            canvas.vline(tick.x, bottom, bottom + tick_len, 1.0, style.axis);
            canvas.text_if_free(TextRole::Axis, &tick.label, tick.label_x, label_top, font, style.muted, Align::Start);
        }
    }

    fn label(
        periods: &[Period],
        x_of: &dyn Fn(i64) -> f64,
        span: (f64, f64),
        font: Font,
        measure: &dyn TextMeasure,
        lang: Lang,
    ) -> PeriodAxis {
        let mut previous_year = None;
        let ticks = periods
            .iter()
            .map(|&period| {
                let with_year = previous_year != Some(period.year());
                previous_year = Some(period.year());
                let label = crate::text::clean(&opeka_feed::locale::format_period_tick(&period, with_year, lang));
                let label = crate::text::ellipsize(measure, font, &label, span.1 - span.0);
                let label_w = font.width(measure, &label);
                let x = x_of(period_ordinal(&period));
                let label_x = (x - label_w / 2.0).min(span.1 - label_w).max(span.0);
                PeriodTick { period, x, label, label_x, label_w }
            })
            .collect();
        PeriodAxis { ticks }
    }
}

fn steps(granularity: Granularity) -> Vec<Step> {
    let decades = |unit: i64| [1i64, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000].map(|k| k * unit);
    match granularity {
        Granularity::Year => decades(1).map(Step::Every).to_vec(),
        Granularity::Quarter => [1, 2].into_iter().chain(decades(4)).map(Step::Every).collect(),
        Granularity::Month => [1, 2, 3, 6].into_iter().chain(decades(12)).map(Step::Every).collect(),
        Granularity::Day => {
            [1, 2, 7, 14].map(Step::Every).into_iter().chain([1, 2, 3, 6].into_iter().chain(decades(12)).map(Step::Months)).collect()
        }
    }
}

fn tick_periods(granularity: Granularity, lo: i64, hi: i64, step: Step) -> Vec<Period> {
    match step {
        Step::Every(1) => (lo..=hi).filter_map(|o| period_at(granularity, o)).collect(),
        Step::Every(n) => {
            let start = lo + (n - lo.rem_euclid(n)) % n;
            (0..).map(|i| start + i * n).take_while(|&o| o <= hi).filter_map(|o| period_at(granularity, o)).collect()
        }
        Step::Months(n) => {
            let (Some(Period::Day(a)), Some(Period::Day(b))) = (period_at(granularity, lo), period_at(granularity, hi)) else {
                return Vec::new();
            };
            let month = |d: Date| i64::from(d.year()) * 12 + i64::from(d.month() - 1);
            let (first_month, last_month) = (month(a), month(b));
            let start = first_month + (n - first_month.rem_euclid(n)) % n;
            (0..)
                .map(|i| start + i * n)
                .take_while(|&m| m <= last_month)
                .filter_map(|m| {
                    let day = Date::from_ymd_opt(i32::try_from(m.div_euclid(12)).ok()?, m.rem_euclid(12) as u32 + 1, 1)?;
                    let o = i64::from(day.num_days_from_ce());
                    (lo..=hi).contains(&o).then_some(Period::Day(day))
                })
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::PtSansMetrics;

    #[test]
    fn value_ticks_are_full_below_a_million_and_never_alike() {
        let ru = Lang::Ru;
        assert_eq!(value_tick_labels(&[0.0, 20_000.0], Format::Count, ru), vec!["0", "20\u{a0}000"]);
        assert_eq!(value_tick_labels(&[0.0, 1_500_000.0], Format::Count, ru), vec!["0", "1,5\u{a0}млн"]);
        let close = value_tick_labels(&[1_000_000.0, 1_000_200.0, 1_000_400.0], Format::Count, ru);
        assert_eq!(close[1], "1\u{a0}000\u{a0}200");
    }

    #[test]
    fn period_ticks_thin_out_and_fit() {
        let first = Period::parse("2016-01").unwrap();
        let last = Period::parse("2018-06").unwrap();
        let (lo, hi) = (period_ordinal(&first) as f64, period_ordinal(&last) as f64);
        for width in [200.0, 400.0, 800.0, 1600.0] {
            let x_of = move |o: i64| 50.0 + (o as f64 - lo) / (hi - lo) * width;
            let font = Font::regular(13.0);
            let axis = PeriodAxis::layout(first, last, &x_of, (0.0, width + 100.0), font, &PtSansMetrics, Lang::Ru);
            assert!(!axis.ticks.is_empty());
            assert_eq!(axis.ticks[0].period.year(), 2016);
            for w in axis.ticks.windows(2) {
                assert!(w[0].label_x + w[0].label_w <= w[1].label_x, "{width}: {w:?}");
            }
        }
    }

    #[test]
    fn daily_axes_fall_back_to_months() {
        let first = Period::parse("2020-01-01").unwrap();
        let last = Period::parse("2023-12-31").unwrap();
        let (lo, hi) = (period_ordinal(&first) as f64, period_ordinal(&last) as f64);
        let x_of = move |o: i64| (o as f64 - lo) / (hi - lo) * 600.0;
        let axis = PeriodAxis::layout(first, last, &x_of, (0.0, 600.0), Font::regular(13.0), &PtSansMetrics, Lang::En);
        assert!(axis.ticks.len() >= 2 && axis.ticks.len() < 40, "{}", axis.ticks.len());
        assert!(axis.ticks.iter().all(|t| matches!(t.period, Period::Day(d) if d.day() == 1)));
    }
}
