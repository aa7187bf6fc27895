//! Axes: nice ticks and their labels for a value axis, and period ticks
//! that thin out to fit.

use opeka_feed::locale::{format_compact, format_value};
use opeka_feed::{Format, Granularity, Lang, Period};

use crate::measure::TextMeasure;
use crate::text::Font;

/// The ticks of a value axis: a domain widened to round numbers and the
/// round numbers in it.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueTicks {
    /// The bottom of the axis (the first tick).
    pub min: f64,
    /// The top of the axis (the last tick).
    pub max: f64,
    /// The distance between ticks.
    pub step: f64,
    /// The tick values, bottom to top.
    pub ticks: Vec<f64>,
}

/// Round ticks (1, 2, 2.5 or 5 times a power of ten apart) covering
/// `lo..=hi`, at most about `max_ticks` of them. With `whole`, the step is at
/// least 1 (counts of people do not come in halves).
pub fn nice_ticks(lo: f64, hi: f64, max_ticks: usize, whole: bool) -> ValueTicks {
    let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() { (lo.min(hi), lo.max(hi)) } else { (0.0, 1.0) };
    if hi - lo < f64::EPSILON * hi.abs().max(1.0) {
        // A flat line still gets an axis: around the value, or 0..1 at zero.
        if lo == 0.0 {
            hi = 1.0;
        } else if lo > 0.0 {
            lo = 0.0;
        } else {
            hi = 0.0;
        }
    }
    let intervals = max_ticks.max(2) - 1;
    let raw = (hi - lo) / intervals as f64;
    let magnitude = 10f64.powi(raw.log10().floor() as i32);
    let mut step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude);
    if whole && step < 1.0 {
        step = 1.0;
    }
    let first = (lo / step).floor();
    let last = (hi / step).ceil();
    let count = ((last - first) as usize).min(1000);
    // Ticks are computed from their index, not by adding steps, so that
    // 0.1 + 0.2 noise never reaches a label.
    let decimals = (-step.log10().floor()).max(0.0) as i32 + 1;
    let scale = 10f64.powi(decimals);
    let ticks: Vec<f64> = (0..=count).map(|i| (((first + i as f64) * step) * scale).round() / scale).collect();
    ValueTicks { min: ticks[0], max: ticks[ticks.len() - 1], step, ticks }
}

/// A period as a number on a line: consecutive periods of one granularity
/// are consecutive numbers (years, quarters, months or days).
pub fn period_ordinal(period: &Period) -> i64 {
    match *period {
        Period::Year(y) => i64::from(y),
        Period::Quarter(y, q) => i64::from(y) * 4 + i64::from(q) - 1,
        Period::Month(y, m) => i64::from(y) * 12 + i64::from(m) - 1,
        Period::Day(d) => i64::from(chrono::Datelike::num_days_from_ce(&d)),
    }
}

/// The period of `granularity` at `ordinal` (the inverse of [`period_ordinal`]).
pub fn period_at(granularity: Granularity, ordinal: i64) -> Option<Period> {
    let year = |o: i64, per: i64| i32::try_from(o.div_euclid(per)).ok();
    Some(match granularity {
        Granularity::Year => Period::Year(i32::try_from(ordinal).ok()?),
        Granularity::Quarter => Period::Quarter(year(ordinal, 4)?, ordinal.rem_euclid(4) as u8 + 1),
        Granularity::Month => Period::Month(year(ordinal, 12)?, ordinal.rem_euclid(12) as u8 + 1),
        Granularity::Day => Period::Day(chrono::NaiveDate::from_num_days_from_ce_opt(i32::try_from(ordinal).ok()?)?),
    })
}

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
        Granularity::Day => [1, 2, 7, 14]
            .map(Step::Every)
            .into_iter()
            .chain([1, 2, 3, 6].into_iter().chain(decades(12)).map(Step::Months))
            .collect(),
    }
}

fn tick_periods(granularity: Granularity, lo: i64, hi: i64, step: Step) -> Vec<Period> {
    match step {
        Step::Every(1) => (lo..=hi).filter_map(|o| period_at(granularity, o)).collect(),
        Step::Every(n) => {
            let start = lo + (n - lo.rem_euclid(n)) % n;
            (0..)
                .map(|i| start + i * n)
                .take_while(|&o| o <= hi)
                .filter_map(|o| period_at(granularity, o))
                .collect()
        }
        Step::Months(n) => {
            let (Some(Period::Day(a)), Some(Period::Day(b))) = (period_at(granularity, lo), period_at(granularity, hi)) else {
                return Vec::new();
            };
            let month = |d: chrono::NaiveDate| {
                use chrono::Datelike;
                i64::from(d.year()) * 12 + i64::from(d.month0())
            };
            let (first_month, last_month) = (month(a), month(b));
            let start = first_month + (n - first_month.rem_euclid(n)) % n;
            (0..)
                .map(|i| start + i * n)
                .take_while(|&m| m <= last_month)
                .filter_map(|m| {
                    let day = chrono::NaiveDate::from_ymd_opt(i32::try_from(m.div_euclid(12)).ok()?, m.rem_euclid(12) as u32 + 1, 1)?;
                    let o = i64::from(chrono::Datelike::num_days_from_ce(&day));
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
    fn nice_ticks_are_round() {
        let t = nice_ticks(0.0, 12_345.0, 6, true);
        assert_eq!(t.ticks, vec![0.0, 2500.0, 5000.0, 7500.0, 10_000.0, 12_500.0]);
        let t = nice_ticks(0.0, 0.7, 5, false);
        assert_eq!(t.ticks, vec![0.0, 0.2, 0.4, 0.6, 0.8]);
        let t = nice_ticks(0.0, 3.0, 8, true);
        assert_eq!(t.step, 1.0);
        let t = nice_ticks(5.0, 5.0, 5, true);
        assert_eq!(t.min, 0.0);
        assert!(t.max >= 5.0);
        let t = nice_ticks(95.0, 112.0, 5, false);
        assert!(t.min <= 95.0 && t.max >= 112.0 && t.ticks.len() <= 6, "{t:?}");
    }

    #[test]
    fn value_ticks_are_full_below_a_million_and_never_alike() {
        let ru = Lang::Ru;
        assert_eq!(value_tick_labels(&[0.0, 20_000.0], Format::Count, ru), vec!["0", "20\u{a0}000"]);
        assert_eq!(value_tick_labels(&[0.0, 1_500_000.0], Format::Count, ru), vec!["0", "1,5\u{a0}млн"]);
        let close = value_tick_labels(&[1_000_000.0, 1_000_200.0, 1_000_400.0], Format::Count, ru);
        assert_eq!(close[1], "1\u{a0}000\u{a0}200");
    }

    #[test]
    fn ordinals_round_trip() {
        for p in ["2016-01", "2018-12", "2019-Q4", "2020", "2024-02-29"] {
            let period = Period::parse(p).unwrap();
            assert_eq!(period_at(period.granularity(), period_ordinal(&period)), Some(period), "{p}");
        }
        assert_eq!(period_ordinal(&Period::parse("2017-01").unwrap()) - period_ordinal(&Period::parse("2016-12").unwrap()), 1);
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
        assert!(axis.ticks.iter().all(|t| matches!(t.period, Period::Day(d) if chrono::Datelike::day(&d) == 1)));
    }
}
