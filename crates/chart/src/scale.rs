//! Scales: how values, rows and periods become pixels. A view builds one
//! scale per axis and asks it for positions, rather than mapping with
//! closures of its own, so the maths of every chart is in one place.
//!
//! - [`LinearScale`]: a value domain onto a pixel range (reversed for a
//!   y axis, which grows upwards), built from [`nice_ticks`] when it has an
//!   axis.
//! - [`BandScale`]: rows or columns of equal pitch.
//! - [`PeriodScale`]: period ordinals ([`period_ordinal`]) onto x.

use opeka_feed::{Date, Granularity, Period};

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
    // With room for one interval only, any whole multiple of the magnitude
    // is round enough (0 and 60 000), where 1, 2, 2.5 and 5 would leave up
    // to half the axis empty (0 and 100 000 for values up to 52 000).
    let mut step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|&s| s >= raw * (1.0 - 1e-9)).unwrap_or(10.0 * magnitude);
    if intervals == 1 {
        step = (raw / magnitude - 1e-9).ceil() * magnitude;
    }
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
        Period::Day(d) => i64::from(d.num_days_from_ce()),
    }
}

/// The period of `granularity` at `ordinal` (the inverse of [`period_ordinal`]).
pub fn period_at(granularity: Granularity, ordinal: i64) -> Option<Period> {
    let year = |o: i64, per: i64| i32::try_from(o.div_euclid(per)).ok();
    Some(match granularity {
        Granularity::Year => Period::Year(i32::try_from(ordinal).ok()?),
        Granularity::Quarter => Period::Quarter(year(ordinal, 4)?, ordinal.rem_euclid(4) as u8 + 1),
        Granularity::Month => Period::Month(year(ordinal, 12)?, ordinal.rem_euclid(12) as u8 + 1),
        Granularity::Day => Period::Day(Date::from_num_days_from_ce_opt(i32::try_from(ordinal).ok()?)?),
    })
}

/// The value range of an axis over `values`: their extent, widened to take
/// in zero when `from_zero` (amounts are read from zero; indices and ratios
/// are not), or `0..1` when there are none.
pub fn value_domain(values: impl IntoIterator<Item = f64>, from_zero: bool) -> (f64, f64) {
    let (mut lo, mut hi) = values.into_iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !lo.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if from_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    (lo, hi)
}

/// A linear map from a value domain onto a pixel range.
#[derive(Clone, Debug, PartialEq)]
pub struct LinearScale {
    /// The value at `start`.
    lo: f64,
    /// The width of the domain (never zero).
    span: f64,
    /// The pixel the domain starts at.
    start: f64,
    /// The pixels the domain spans from `start`: negative for a y axis.
    extent: f64,
    /// Whether values outside the domain stop at its ends.
    clamp: bool,
    /// The axis ticks, when the scale was built from them.
    ticks: Vec<f64>,
}

impl LinearScale {
    /// `lo..=hi` onto the pixels `start..=start + extent` (a negative
    /// `extent` runs upwards, as a y axis does). A flat domain still maps:
    /// its value to `start`.
    pub fn new(lo: f64, hi: f64, start: f64, extent: f64) -> LinearScale {
        // The smallest positive width keeps a flat domain from dividing by zero.
        LinearScale { lo, span: (hi - lo).max(f64::MIN_POSITIVE), start, extent, clamp: false, ticks: Vec::new() }
    }

    /// The domain of `ticks` (first to last tick) onto the pixels
    /// `start..=start + extent`, keeping the ticks.
    pub fn from_ticks(ticks: ValueTicks, start: f64, extent: f64) -> LinearScale {
        LinearScale { ticks: ticks.ticks, ..LinearScale::new(ticks.min, ticks.max, start, extent) }
    }

    /// Round ticks ([`nice_ticks`]) covering `lo..=hi`, and the scale of
    /// their domain onto `start..=start + extent`.
    pub fn nice(lo: f64, hi: f64, max_ticks: usize, whole: bool, start: f64, extent: f64) -> LinearScale {
        LinearScale::from_ticks(nice_ticks(lo, hi, max_ticks, whole), start, extent)
    }

    /// A scale from zero to every value of `values` (both signs), onto
    /// `start..=start + extent`; a flat domain is widened to one unit so
    /// that its value stays at an end, not in the middle.
    pub fn from_zero(values: impl IntoIterator<Item = f64>, start: f64, extent: f64) -> LinearScale {
        let (lo, mut hi) = values.into_iter().fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
            hi = lo + 1.0;
        }
        LinearScale::new(lo, hi, start, extent)
    }

    /// The same scale, with values outside the domain stopping at its ends.
    pub fn clamped(self) -> LinearScale {
        LinearScale { clamp: true, ..self }
    }

    /// The pixel of `value`.
    pub fn px(&self, value: f64) -> f64 {
        let t = (value - self.lo) / self.span;
        let t = if self.clamp { t.clamp(0.0, 1.0) } else { t };
        self.start + t * self.extent
    }

    /// The ticks the scale was built from (empty for [`LinearScale::new`]).
    pub fn ticks(&self) -> &[f64] {
        &self.ticks
    }
}

/// `n` rows (or columns) of equal pitch from `start`: where band `i`
/// starts, its centre, and how thick what is drawn in it may be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandScale {
    start: f64,
    pitch: f64,
    n: usize,
}

impl BandScale {
    /// `n` bands sharing `length` pixels from `start`.
    pub fn new(n: usize, start: f64, length: f64) -> BandScale {
        BandScale { start, pitch: if n == 0 { 0.0 } else { length / n as f64 }, n }
    }

    /// `n` bands `pitch` pixels apart from `start`.
    pub fn with_pitch(n: usize, start: f64, pitch: f64) -> BandScale {
        BandScale { start, pitch, n }
    }

    /// The distance from one band to the next.
    pub fn pitch(&self) -> f64 {
        self.pitch
    }

    /// Where band `i` starts.
    pub fn start_of(&self, i: usize) -> f64 {
        self.start + i as f64 * self.pitch
    }

    /// The middle of band `i`.
    pub fn centre(&self, i: usize) -> f64 {
        self.start + self.pitch * (i as f64 + 0.5)
    }

    /// Where the last band ends.
    pub fn end(&self) -> f64 {
        self.start + self.pitch * self.n as f64
    }

    /// The thickness of what is drawn in a band: the pitch less `gap`, but
    /// at least 60 % of it (tight rows keep their bars), at most `max`, and
    /// never under a pixel.
    pub fn thickness(&self, gap: f64, max: f64) -> f64 {
        (self.pitch - gap).max(self.pitch * 0.6).min(max).max(1.0)
    }
}

/// Periods on a line: period ordinals ([`period_ordinal`]) from `first` to
/// `last` onto the pixels `x0..=x1`; a single period sits in the middle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PeriodScale {
    first: i64,
    last: i64,
    x0: f64,
    x1: f64,
}

impl PeriodScale {
    /// The ordinals `first..=last` onto `x0..=x1`.
    pub fn new(first: i64, last: i64, x0: f64, x1: f64) -> PeriodScale {
        PeriodScale { first, last, x0, x1 }
    }

    /// The scale spanning every ordinal of `ordinals`, or `None` when there are none.
    pub fn spanning(ordinals: impl IntoIterator<Item = i64>, x0: f64, x1: f64) -> Option<PeriodScale> {
        let (first, last) = ordinals.into_iter().fold((i64::MAX, i64::MIN), |(a, b), o| (a.min(o), b.max(o)));
        (first <= last).then_some(PeriodScale::new(first, last, x0, x1))
    }

    /// The x of ordinal `o`.
    pub fn px(&self, o: i64) -> f64 {
        if self.last == self.first {
            (self.x0 + self.x1) / 2.0
        } else {
            self.x0 + (o - self.first) as f64 / (self.last - self.first) as f64 * (self.x1 - self.x0)
        }
    }

    /// The first and last periods of `granularity` on the scale.
    pub fn periods(&self, granularity: Granularity) -> Option<(Period, Period)> {
        Some((period_at(granularity, self.first)?, period_at(granularity, self.last)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // One interval: a whole multiple of the magnitude, as near the top as it goes.
        assert_eq!(nice_ticks(0.0, 52_036.0, 2, true).ticks, vec![0.0, 60_000.0]);
        assert_eq!(nice_ticks(0.0, 95_000.0, 2, true).ticks, vec![0.0, 100_000.0]);
        assert_eq!(nice_ticks(0.0, 40_000.0, 2, true).ticks, vec![0.0, 40_000.0]);
        assert_eq!(nice_ticks(0.0, 0.7, 2, false).ticks, vec![0.0, 0.7]);
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
    fn linear_scales_map_domains_onto_ranges() {
        let x = LinearScale::new(0.0, 10.0, 100.0, 200.0);
        assert_eq!((x.px(0.0), x.px(5.0), x.px(10.0), x.px(-5.0)), (100.0, 200.0, 300.0, 0.0));
        assert!(x.ticks().is_empty());
        let clamped = x.clone().clamped();
        assert_eq!((clamped.px(-5.0), clamped.px(20.0)), (100.0, 300.0));
    }

    #[test]
    fn y_scales_run_upwards() {
        // A y axis: the bottom of the plot at 400, 300 pixels tall.
        let y = LinearScale::nice(3.0, 97.0, 6, true, 400.0, -300.0);
        assert_eq!(y.ticks(), &[0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!((y.px(0.0), y.px(50.0), y.px(100.0)), (400.0, 250.0, 100.0));
        // The same as the closure the views used: bottom - fraction * height.
        let v = 37.3;
        assert_eq!(y.px(v), 400.0 - (v - 0.0) / (100.0 - 0.0) * 300.0);
    }

    #[test]
    fn degenerate_domains_still_map() {
        let flat = LinearScale::new(5.0, 5.0, 10.0, 100.0);
        assert_eq!(flat.px(5.0), 10.0);
        assert_eq!(flat.clone().clamped().px(6.0), 110.0);
        let zero = LinearScale::from_zero([0.0], 0.0, 100.0);
        assert_eq!((zero.px(0.0), zero.px(1.0)), (0.0, 100.0));
        let negative = LinearScale::from_zero([-50.0, 150.0], 0.0, 200.0);
        assert_eq!((negative.px(-50.0), negative.px(0.0), negative.px(150.0)), (0.0, 50.0, 200.0));
        assert_eq!(value_domain([], true), (0.0, 1.0));
        assert_eq!(value_domain([3.0, 7.0], true), (0.0, 7.0));
        assert_eq!(value_domain([97.0, 112.0], false), (97.0, 112.0));
    }

    #[test]
    fn bands_share_their_range() {
        let rows = BandScale::new(4, 100.0, 200.0);
        assert_eq!((rows.pitch(), rows.start_of(1), rows.centre(1), rows.end()), (50.0, 150.0, 175.0, 300.0));
        assert_eq!(rows.thickness(10.0, 100.0), 40.0);
        assert_eq!(rows.thickness(40.0, 100.0), 30.0);
        assert_eq!(rows.thickness(10.0, 20.0), 20.0);
        let none = BandScale::new(0, 100.0, 200.0);
        assert_eq!((none.end(), none.thickness(4.0, 20.0)), (100.0, 1.0));
    }

    #[test]
    fn periods_map_onto_x() {
        let first = period_ordinal(&Period::parse("2016-01").unwrap());
        let last = period_ordinal(&Period::parse("2016-12").unwrap());
        let x = PeriodScale::spanning([last, first + 5, first], 10.0, 120.0).unwrap();
        assert_eq!((x.px(first), x.px(last), x.px(first + 1)), (10.0, 120.0, 20.0));
        let (a, b) = x.periods(Granularity::Month).unwrap();
        assert_eq!((a, b), (Period::parse("2016-01").unwrap(), Period::parse("2016-12").unwrap()));
        let single = PeriodScale::spanning([first], 10.0, 120.0).unwrap();
        assert_eq!(single.px(first), 65.0);
        assert!(PeriodScale::spanning([], 0.0, 1.0).is_none());
    }
}
