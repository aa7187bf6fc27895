//! Calendar dates and times of day, as the feeds and the widgets need them.
//!
//! Ours rather than chrono's: chrono in the wasm bundle cost its code and its
//! ordinal/month-day tables (docs/size.md, "Stop 11"), and the project needs
//! only a little of it. The numbering and the range are chrono's (the tests
//! compare the two on every day of several centuries), so the charts' day
//! ordinals are what they were.

use std::fmt;

/// The first and last years chrono's `NaiveDate` accepts; kept, so that
/// every day it refused is still refused.
const MIN_YEAR: i32 = (i32::MIN >> 13) + 1;
const MAX_YEAR: i32 = (i32::MAX >> 13) - 1;

/// From the days counted from 1 March of year 0 to those counted as chrono
/// does (1 January of year 1 is day 1): March to December of year 0 (a leap
/// year) are 306 days.
const MARCH_0_TO_CE: i64 = 305;

/// Days in 400 Gregorian years: the calendar repeats after them.
const DAYS_PER_ERA: i64 = 146_097;

/// A day of the proleptic Gregorian calendar.
///
/// Packed in one `i32` (year, then month, then day, from the top bits down)
/// so that a [`crate::Period`] stays as small as it was, and so that the
/// derived order of the packed number is the order of the days.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(i32);

impl Date {
    /// The day `day` of month `month` (1 to 12) of `year`; `None` for a day
    /// the month does not have (29 February outside leap years, day 0, day
    /// 32, month 13) or a year beyond ±262 142, as chrono's `from_ymd_opt`.
    pub fn from_ymd_opt(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Month below 16 and day below 32: they fit their 4 and 5 bits.
        Some(Date((year << 9) | ((month as i32) << 5) | day as i32))
    }

    /// The year; negative before year 0 (1 BCE).
    pub fn year(&self) -> i32 {
        self.0 >> 9
    }

    /// The month, 1 to 12.
    pub fn month(&self) -> u32 {
        ((self.0 >> 5) & 0xF) as u32
    }

    /// The day of the month, from 1.
    pub fn day(&self) -> u32 {
        (self.0 & 0x1F) as u32
    }

    /// The day's number with 1 January of year 1 as day 1, as chrono's
    /// `Datelike::num_days_from_ce`: consecutive days are consecutive numbers.
    pub fn num_days_from_ce(&self) -> i32 {
        // Within ±262 142 years the count is within ±96 million: it fits.
        (days_from_march_0(self.year(), self.month(), self.day()) - MARCH_0_TO_CE) as i32
    }

    /// The day numbered `days` as [`Date::num_days_from_ce`] numbers them;
    /// `None` beyond the years [`Date::from_ymd_opt`] accepts.
    pub fn from_num_days_from_ce_opt(days: i32) -> Option<Date> {
        let (year, month, day) = civil_from_march_0(i64::from(days) + MARCH_0_TO_CE);
        Date::from_ymd_opt(i32::try_from(year).ok()?, month, day)
    }

    /// This day at `hour`:`minute`; `None` for an hour past 23 or a minute past 59.
    pub fn and_hm_opt(self, hour: u32, minute: u32) -> Option<DayTime> {
        (hour < 24 && minute < 60).then_some(DayTime { date: self, hour: hour as u8, minute: minute as u8 })
    }
}

impl fmt::Debug for Date {
    /// `2024-03-08`, as chrono writes a date (a sign and more digits beyond year 9999).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let year = self.year();
        if (0..=9999).contains(&year) {
            write!(f, "{year:04}-{:02}-{:02}", self.month(), self.day())
        } else {
            write!(f, "{year:+05}-{:02}-{:02}", self.month(), self.day())
        }
    }
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1 March of year 0 to the day given. Counting years from March
/// puts the leap day last, so the month lengths before a day follow one
/// pattern, `(153 m + 2) / 5` days for `m` months from March.
fn days_from_march_0(year: i32, month: u32, day: u32) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let months_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * months_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * DAYS_PER_ERA + day_of_era
}

/// The year, month and day of the day `days` after 1 March of year 0 (the
/// inverse of [`days_from_march_0`]).
fn civil_from_march_0(days: i64) -> (i64, u32, u32) {
    let era = days.div_euclid(DAYS_PER_ERA);
    let day_of_era = days.rem_euclid(DAYS_PER_ERA);
    // The leap days before `day_of_era` (one each 4 years, less each 100
    // years, more at 400) taken out, what is left is 365 days a year.
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / (DAYS_PER_ERA - 1)) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let months_from_march = (5 * day_of_year + 2) / 153;
    // In range by construction: day 1 to 31, month 1 to 12.
    let day = (day_of_year - (153 * months_from_march + 2) / 5 + 1) as u32;
    let month = (if months_from_march < 10 { months_from_march + 3 } else { months_from_march - 9 }) as u32;
    (era * 400 + year_of_era + i64::from(month <= 2), month, day)
}

/// A moment as an RFC 3339 timestamp gives it: the local date and time at a
/// fixed offset from UTC.
///
/// Two are equal when they are the same instant, whatever their offsets, as
/// chrono's `DateTime<FixedOffset>` compared.
#[derive(Clone, Copy, Debug)]
pub struct DateTime {
    date: Date,
    hour: u8,
    minute: u8,
    second: u8,
    nanosecond: u32,
    offset: i32,
}

impl DateTime {
    /// The local date and time with `offset` seconds east of UTC; `None` for
    /// an impossible time or an offset of a day or more. A leap second is
    /// second 59 with a second's worth of extra nanoseconds, as chrono has it.
    pub fn from_parts_opt(date: Date, hour: u32, minute: u32, second: u32, nanosecond: u32, offset: i32) -> Option<DateTime> {
        let time_ok = hour < 24 && minute < 60 && second < 60 && nanosecond < 2_000_000_000;
        let leap_ok = nanosecond < 1_000_000_000 || second == 59;
        let offset_ok = -86_400 < offset && offset < 86_400;
        (time_ok && leap_ok && offset_ok).then_some(DateTime {
            date,
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
            nanosecond,
            offset,
        })
    }

    /// The local date, as the publisher wrote it (chrono's `date_naive`).
    pub fn date(&self) -> Date {
        self.date
    }

    /// The local hour, 0 to 23.
    pub fn hour(&self) -> u32 {
        u32::from(self.hour)
    }

    /// The minute, 0 to 59.
    pub fn minute(&self) -> u32 {
        u32::from(self.minute)
    }

    /// The second, 0 to 59 (a leap second is 59; see [`DateTime::nanosecond`]).
    pub fn second(&self) -> u32 {
        u32::from(self.second)
    }

    /// The nanoseconds into the second; a billion and more in a leap second.
    pub fn nanosecond(&self) -> u32 {
        self.nanosecond
    }

    /// The offset from UTC in seconds, east positive.
    pub fn offset_seconds(&self) -> i32 {
        self.offset
    }

    /// The instant as seconds and nanoseconds, for comparing across offsets.
    fn instant(&self) -> (i64, u32) {
        let seconds = i64::from(self.date.num_days_from_ce()) * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset);
        (seconds, self.nanosecond)
    }
}

impl PartialEq for DateTime {
    fn eq(&self, other: &DateTime) -> bool {
        self.instant() == other.instant()
    }
}

impl Eq for DateTime {}

/// A local date and time to the minute: when the viewer last had fresh data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DayTime {
    date: Date,
    hour: u8,
    minute: u8,
}

impl DayTime {
    /// The date.
    pub fn date(&self) -> Date {
        self.date
    }

    /// The hour, 0 to 23.
    pub fn hour(&self) -> u32 {
        u32::from(self.hour)
    }

    /// The minute, 0 to 59.
    pub fn minute(&self) -> u32 {
        u32::from(self.minute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn numbers_days_as_chrono_does() {
        let first = chrono::NaiveDate::from_ymd_opt(-400, 1, 1).expect("in range").num_days_from_ce();
        let last = chrono::NaiveDate::from_ymd_opt(2500, 12, 31).expect("in range").num_days_from_ce();
        let mut previous = None;
        for n in first - 1..=last + 1 {
            let theirs = chrono::NaiveDate::from_num_days_from_ce_opt(n).expect("in range");
            let ours = Date::from_num_days_from_ce_opt(n).expect("in range");
            assert_eq!((ours.year(), ours.month(), ours.day()), (theirs.year(), theirs.month(), theirs.day()), "{n}");
            assert_eq!(ours.num_days_from_ce(), n, "{theirs:?}");
            assert_eq!(Date::from_ymd_opt(theirs.year(), theirs.month(), theirs.day()), Some(ours), "{theirs:?}");
            assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
            assert!(previous < Some(ours), "{theirs:?}");
            previous = Some(ours);
        }
    }

    #[test]
    fn refuses_the_days_chrono_refuses() {
        let years = (-401..=2501).chain([MIN_YEAR - 1, MIN_YEAR, MAX_YEAR, MAX_YEAR + 1, i32::MIN, i32::MAX]);
        for year in years {
            for month in [0, 1, 2, 3, 4, 6, 9, 11, 12, 13, 15, 16, 17, 255, u32::MAX] {
                for day in [0, 1, 28, 29, 30, 31, 32, 33, u32::MAX] {
                    let theirs = chrono::NaiveDate::from_ymd_opt(year, month, day);
                    let ours = Date::from_ymd_opt(year, month, day);
                    assert_eq!(ours.is_some(), theirs.is_some(), "{year}-{month}-{day}");
                    if let (Some(ours), Some(theirs)) = (ours, theirs) {
                        assert_eq!(ours.num_days_from_ce(), theirs.num_days_from_ce(), "{theirs:?}");
                    }
                }
            }
        }
        assert_eq!(Date::from_ymd_opt(2023, 2, 29), None);
        assert_eq!(Date::from_ymd_opt(1900, 2, 29), None);
        assert!(Date::from_ymd_opt(2000, 2, 29).is_some());
    }

    #[test]
    fn the_ends_of_the_range_are_chrono_s() {
        for n in [i32::MIN, i32::MIN + 1, -96_000_000, 95_000_000, i32::MAX - 365, i32::MAX - 364, i32::MAX] {
            let theirs = chrono::NaiveDate::from_num_days_from_ce_opt(n);
            let ours = Date::from_num_days_from_ce_opt(n);
            assert_eq!(ours.map(|d| (d.year(), d.month(), d.day())), theirs.map(|d| (d.year(), d.month(), d.day())), "{n}");
        }
        for (date, n) in [(chrono::NaiveDate::MIN, -1), (chrono::NaiveDate::MAX, 1)] {
            let ours = Date::from_ymd_opt(date.year(), date.month(), date.day()).expect("chrono's ends are ours");
            assert_eq!(ours.num_days_from_ce(), date.num_days_from_ce());
            assert_eq!(Date::from_num_days_from_ce_opt(date.num_days_from_ce() + n), None);
        }
    }

    #[test]
    fn times_of_day_are_checked() {
        let day = Date::from_ymd_opt(2026, 3, 12).expect("a day");
        let at = day.and_hm_opt(10, 40).expect("a time");
        assert_eq!((at.date(), at.hour(), at.minute()), (day, 10, 40));
        assert_eq!(day.and_hm_opt(24, 0), None);
        assert_eq!(day.and_hm_opt(23, 60), None);
    }

    #[test]
    fn date_times_are_equal_as_instants() {
        let day = Date::from_ymd_opt(2024, 4, 24).expect("a day");
        let here = DateTime::from_parts_opt(day, 10, 42, 46, 0, 7 * 3600).expect("valid");
        let utc = DateTime::from_parts_opt(day, 3, 42, 46, 0, 0).expect("valid");
        assert_eq!(here, utc);
        assert_ne!(here.date(), Date::from_ymd_opt(2024, 4, 23).expect("a day"));
        assert_ne!(here, DateTime::from_parts_opt(day, 3, 42, 46, 1, 0).expect("valid"));
        assert_eq!(DateTime::from_parts_opt(day, 10, 0, 0, 0, 86_400), None);
        assert_eq!(DateTime::from_parts_opt(day, 10, 0, 58, 1_000_000_000, 0), None);
        assert!(DateTime::from_parts_opt(day, 10, 0, 59, 1_999_999_999, 0).is_some());
    }
}
