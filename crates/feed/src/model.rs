//! The typed model of feed format 1, as `docs/feeds.md` defines it.
//!
//! These types only ever hold checked data: the one way to get a [`Feed`]
//! from outside bytes is the validator, which returns a [`ValidFeed`].

use std::fmt;
use std::ops::Deref;

use crate::locale::NumberStyle;
use crate::{Date, DateTime, Lang};

/// The feed format version this crate reads.
pub const FORMAT_VERSION: u32 = 1;

/// A text in the feed's locale, or a set of translations.
#[derive(Clone, Debug, PartialEq)]
pub enum Text {
    /// A plain string, in the feed's `locale`.
    Plain(String),
    /// Translations in the order the feed gave them: `(language code, text)`.
    Translations(Vec<(String, String)>),
}

impl Text {
    /// The text for a viewer reading `lang`, in a feed whose locale is
    /// `feed_locale`: `lang`, else the feed locale, else the first entry.
    pub fn get(&self, lang: Lang, feed_locale: Lang) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Translations(all) => {
                let find = |l: Lang| all.iter().find(|(code, _)| Lang::parse(code) == Some(l));
                find(lang).or_else(|| find(feed_locale)).or_else(|| all.first()).map(|(_, s)| s.as_str()).unwrap_or("")
            }
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

/// The word written after a number: a measure's, a figure's or an
/// indicator's `unit` (`docs/feeds.md`, "Unit"). Named so because [`Unit`]
/// is a caseload's place of service.
///
/// Each language holds either the word's plural forms (Russian
/// `[one, few, many]`, English `[singular, plural]`, any number for other
/// languages, in CLDR order) or one form, used as given for every number.
/// The validator guarantees the counts; the helpers stay total for values
/// built by hand (a count they do not expect takes the last form).
#[derive(Clone, Debug, PartialEq)]
pub enum UnitWord {
    /// A string or a list of forms, in the feed's `locale`.
    Plain(Vec<String>),
    /// Forms by language code, in the order the feed gave them.
    Translations(Vec<(String, Vec<String>)>),
}

/// How fine a [`Period`] is; all periods in one feed share one granularity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Granularity {
    /// `YYYY`
    Year,
    /// `YYYY-Qn`
    Quarter,
    /// `YYYY-MM`
    Month,
    /// `YYYY-MM-DD`
    Day,
}

/// A reporting period: a year, a quarter, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// A whole year.
    Year(i32),
    /// A quarter, 1 to 4.
    Quarter(i32, u8),
    /// A month, 1 to 12.
    Month(i32, u8),
    /// A calendar day.
    Day(Date),
}

impl Period {
    /// The granularity of this period.
    pub fn granularity(&self) -> Granularity {
        match self {
            Period::Year(_) => Granularity::Year,
            Period::Quarter(..) => Granularity::Quarter,
            Period::Month(..) => Granularity::Month,
            Period::Day(_) => Granularity::Day,
        }
    }

    /// The year the period falls in.
    pub fn year(&self) -> i32 {
        match *self {
            Period::Year(y) | Period::Quarter(y, _) | Period::Month(y, _) => y,
            Period::Day(d) => d.year(),
        }
    }

    /// Parses `YYYY`, `YYYY-Qn`, `YYYY-MM` or `YYYY-MM-DD`; `None` for anything
    /// else, including impossible months, quarters and days.
    pub fn parse(s: &str) -> Option<Period> {
        let bytes = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| bytes.get(r).and_then(decimal);
        let year = i32::try_from(digits(0..4)?).ok()?;
        match bytes.len() {
            4 => Some(Period::Year(year)),
            7 if bytes[4] == b'-' && bytes[5] == b'Q' => {
                let q = u8::try_from(digits(6..7)?).ok()?;
                (1..=4).contains(&q).then_some(Period::Quarter(year, q))
            }
            7 if bytes[4] == b'-' => {
                let m = u8::try_from(digits(5..7)?).ok()?;
                (1..=12).contains(&m).then_some(Period::Month(year, m))
            }
            10 => parse_date(s).map(Period::Day),
            _ => None,
        }
    }
}

impl fmt::Display for Period {
    /// Writes the period back in feed syntax (`2024-03`, `2024-Q1`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Period::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Period::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

/// Parses a strict `YYYY-MM-DD` date; `None` for other shapes and impossible days.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let shape_ok =
        b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    Date::from_ymd_opt(i32::try_from(decimal(&b[0..4])?).ok()?, decimal(&b[5..7])?, decimal(&b[8..10])?)
}

/// The value of a few ASCII digits (`None` for none, another byte, or more
/// than `u32` holds). Not `str::parse`: each integer type's parser is its own
/// few hundred bytes of wasm, and the callers have checked the shape anyway.
fn decimal(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u32, |n, &d| if d.is_ascii_digit() { n.checked_mul(10)?.checked_add(u32::from(d - b'0')) } else { None })
}

/// Parses an RFC 3339 date-time such as `2024-04-24T10:42:46+07:00`;
/// `None` for other shapes and impossible dates, times or offsets.
///
/// Accepts exactly what `chrono::DateTime::parse_from_rfc3339` accepts
/// (the tests compare the two), without chrono in the wasm bundle: `T`,
/// `t` or a space between date and time; any number of fractional digits
/// (nanoseconds kept); second `60` as a leap second; `Z`, `z` or `±HH:MM`
/// up to 23:59, the minus also as U+2212.
pub fn parse_date_time(s: &str) -> Option<DateTime> {
    let b = s.as_bytes();
    // YYYY-MM-DDTHH:MM:SS, then an optional fraction and the offset.
    const SHAPE: &[u8; 19] = b"0000-00-00T00:00:00";
    if b.len() < SHAPE.len() {
        return None;
    }
    for (i, (&c, &want)) in b.iter().zip(SHAPE).enumerate() {
        let ok = match (i, want) {
            (10, _) => matches!(c, b'T' | b't' | b' '),
            (_, b'0') => c.is_ascii_digit(),
            _ => c == want,
        };
        if !ok {
            return None;
        }
    }
    let two = |i: usize| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0');
    let year = two(0) * 100 + two(2);
    let date = Date::from_ymd_opt(i32::try_from(year).ok()?, two(5), two(8))?;
    // Second 60 is a leap second: chrono keeps it as 59 with a second's
    // worth of extra nanoseconds.
    let (second, mut nano) = match two(17) {
        60 => (59, 1_000_000_000),
        second => (second, 0),
    };
    let mut rest = &b[19..];
    if let Some((b'.', fraction)) = rest.split_first() {
        let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        // Nanoseconds are the first nine digits; later ones are dropped.
        let mut scaled = 0;
        for i in 0..9 {
            scaled = scaled * 10 + fraction.get(i).filter(|_| i < digits).map_or(0, |&c| u32::from(c - b'0'));
        }
        nano += scaled;
        rest = &fraction[digits..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        _ => {
            let (negative, hhmm) = match rest {
                [b'+', hhmm @ ..] => (false, hhmm),
                [b'-', hhmm @ ..] => (true, hhmm),
                // U+2212 MINUS SIGN, in UTF-8.
                [0xE2, 0x88, 0x92, hhmm @ ..] => (true, hhmm),
                _ => return None,
            };
            let [h1, h2, b':', m1, m2] = *hhmm else {
                return None;
            };
            if ![h1, h2, m1, m2].iter().all(u8::is_ascii_digit) || m1 > b'5' {
                return None;
            }
            let seconds =
                (i32::from(h1 - b'0') * 10 + i32::from(h2 - b'0')) * 3600 + (i32::from(m1 - b'0') * 10 + i32::from(m2 - b'0')) * 60;
            if negative {
                -seconds
            } else {
                seconds
            }
        }
    };
    // Impossible times and offsets of 24 hours and more are refused here.
    DateTime::from_parts_opt(date, two(11), two(14), second, nano, offset)
}

/// When the data was last updated: a full timestamp or a day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Updated {
    /// An RFC 3339 timestamp.
    DateTime(DateTime),
    /// A day.
    Date(Date),
}

impl Updated {
    /// The calendar day of the update, as the publisher wrote it.
    pub fn date(&self) -> Date {
        match self {
            Updated::DateTime(t) => t.date(),
            Updated::Date(d) => *d,
        }
    }
}

/// A reported number: finite, or `None` for "not reported" (drawn as a gap).
pub type Value = Option<f64>;

/// How a value is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// A plain count (the default).
    #[default]
    Count,
    /// Already a percentage: 30 means 30 %.
    Percent,
    /// Roubles.
    Rub,
    /// 100 is the baseline.
    Index,
    /// 1.0 is the baseline.
    Ratio,
}

impl Format {
    /// Every format, in the order of the docs.
    pub const ALL: [Format; 5] = [Format::Count, Format::Percent, Format::Rub, Format::Index, Format::Ratio];

    /// The name used in feeds.
    pub fn name(self) -> &'static str {
        match self {
            Format::Count => "count",
            Format::Percent => "percent",
            Format::Rub => "rub",
            Format::Index => "index",
            Format::Ratio => "ratio",
        }
    }
}

/// A headline figure, shown as a tile.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// What the figure counts.
    pub label: Text,
    /// The figure itself.
    pub value: Value,
    /// How to write it.
    pub format: Format,
    /// The unit, if any.
    pub unit: Option<UnitWord>,
    /// A qualifier ("more than", "about").
    pub note: Option<Text>,
    /// The whole this figure is a share of.
    pub of: Value,
}

/// The link or plain text under a source credit.
#[derive(Clone, Debug, PartialEq)]
pub enum SourceUrl {
    /// An `http` or `https` URL: may be made into a link.
    Link(String),
    /// Any other URL: shown as plain text, never linked.
    Plain(String),
}

/// Where the figures come from; shown as the credit line.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Who published the figures.
    pub name: Option<Text>,
    /// Where they were published.
    pub url: Option<SourceUrl>,
    /// When they were published.
    pub published: Option<Date>,
}

/// The three kinds of feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// People, families or cases served.
    Caseload,
    /// Honours and contests.
    Awards,
    /// Project results against baselines and targets.
    Outcomes,
}

impl Kind {
    /// The name used in feeds.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Caseload => "caseload",
            Kind::Awards => "awards",
            Kind::Outcomes => "outcomes",
        }
    }

    /// The views of this kind; the first is the default.
    pub fn views(self) -> &'static [View] {
        match self {
            Kind::Caseload => &[View::Trend, View::Ranking, View::Composition, View::PerCapita, View::Tiles],
            Kind::Awards => &[View::Breakdown, View::Podium, View::Roll, View::Tiles],
            Kind::Outcomes => &[View::Progress, View::BeforeAfter, View::Trajectory, View::Tiles],
        }
    }
}

/// A way of drawing a feed. Each kind has its own set (see [`Kind::views`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// Caseload: lines over periods.
    Trend,
    /// Caseload: bars by unit, latest period.
    Ranking,
    /// Caseload: stacked bars of categories.
    Composition,
    /// Caseload: ranking per 1 000 residents.
    PerCapita,
    /// Any kind: large-type figures.
    Tiles,
    /// Awards: counts by award type.
    Breakdown,
    /// Awards: contest places.
    Podium,
    /// Awards: the named recipients.
    Roll,
    /// Outcomes: bullet bars.
    Progress,
    /// Outcomes: paired bars.
    BeforeAfter,
    /// Outcomes: actuals against the line from baseline to target.
    Trajectory,
}

impl View {
    /// Every view.
    pub const ALL: [View; 11] = [
        View::Trend,
        View::Ranking,
        View::Composition,
        View::PerCapita,
        View::Tiles,
        View::Breakdown,
        View::Podium,
        View::Roll,
        View::Progress,
        View::BeforeAfter,
        View::Trajectory,
    ];

    /// The name used in feeds and in the `view` attribute.
    pub fn name(self) -> &'static str {
        match self {
            View::Trend => "trend",
            View::Ranking => "ranking",
            View::Composition => "composition",
            View::PerCapita => "per-capita",
            View::Tiles => "tiles",
            View::Breakdown => "breakdown",
            View::Podium => "podium",
            View::Roll => "roll",
            View::Progress => "progress",
            View::BeforeAfter => "before-after",
            View::Trajectory => "trajectory",
        }
    }

    /// The view named `name`, if any.
    pub fn parse(name: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == name)
    }
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A whole feed: the envelope and the body of its kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Feed {
    /// Format version (1).
    pub version: u32,
    /// Stable id, `[a-z0-9-]{1,64}`.
    pub id: Option<String>,
    /// Chart title.
    pub title: Text,
    /// Chart subtitle.
    pub subtitle: Option<Text>,
    /// Language of plain-string texts.
    pub locale: Lang,
    /// The credit line.
    pub source: Option<Source>,
    /// When the data was last updated.
    pub updated: Option<Updated>,
    /// Footnotes.
    pub notes: Vec<Text>,
    /// Headline figures.
    pub headline: Vec<Figure>,
    /// The author's preferred view.
    pub view: Option<View>,
    /// The kind-specific data.
    pub body: Body,
}

impl Feed {
    /// The kind of this feed.
    pub fn kind(&self) -> Kind {
        match self.body {
            Body::Caseload(_) => Kind::Caseload,
            Body::Awards(_) => Kind::Awards,
            Body::Outcomes(_) => Kind::Outcomes,
        }
    }

    /// The view to draw when a widget asks for `requested`: it if the kind
    /// has it, else the feed's preferred view, else the kind's first.
    pub fn resolve_view(&self, requested: Option<View>) -> View {
        let views = self.kind().views();
        requested.filter(|v| views.contains(v)).or(self.view.filter(|v| views.contains(v))).unwrap_or(views[0])
    }

    /// `text` in `lang`, falling back as [`Text::get`] says.
    pub fn text<'a>(&self, text: &'a Text, lang: Lang) -> &'a str {
        text.get(lang, self.locale)
    }

    /// `value` written for `lang` as `format` in `style`, then `unit` in the
    /// form that agrees with it, joined by a no-break space:
    /// `25 433 человека`, `21 семья`, `1,5 семьи`, `1,5 млн семей`,
    /// `1 family`, `1.5 families`. Every number shown with a feed's unit is
    /// written by this one helper. Without a unit (or with an empty one) it
    /// is [`crate::locale::format_value`] or [`crate::locale::format_compact`];
    /// a value that is not finite is `—` alone.
    pub fn value_with_unit(&self, value: f64, format: Format, style: NumberStyle, unit: Option<&UnitWord>, lang: Lang) -> String {
        crate::locale::value_with_unit(value, format, style, unit, lang, self.locale)
    }

    /// The form of `unit` alone that agrees with `value` written as `format`
    /// in `style`, for layouts that set the number and the word apart (a
    /// tile's large figure); [`Feed::value_with_unit`] writes both at once.
    pub fn unit_form<'a>(&self, unit: &'a UnitWord, value: f64, format: Format, style: NumberStyle, lang: Lang) -> &'a str {
        unit.form(value, format, style, lang, self.locale)
    }

    /// The form of `unit` for axis titles and table headers, where no
    /// number stands before it: «Получатели услуг, человек», "people".
    pub fn unit_heading<'a>(&self, unit: &'a UnitWord, lang: Lang) -> &'a str {
        unit.heading(lang, self.locale)
    }
}

/// The kind-specific part of a feed.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// `kind: caseload`
    Caseload(Caseload),
    /// `kind: awards`
    Awards(Awards),
    /// `kind: outcomes`
    Outcomes(Outcomes),
}

/// What a caseload counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Measure {
    /// What is measured ("Service recipients").
    pub label: Option<Text>,
    /// The unit ("people").
    pub unit: Option<UnitWord>,
    /// How values are written.
    pub format: Format,
}

/// A place that serves (a municipality, an institution).
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub label: Text,
    /// Residents, for the per-capita view.
    pub population: Option<f64>,
    /// A free grouping id ("south").
    pub group: Option<String>,
}

/// A split of the measure (service type, client group).
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub label: Text,
}

/// One reported value.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// When.
    pub period: Period,
    /// Where; `None` is the whole.
    pub unit: Option<String>,
    /// Which split; `None` is the whole.
    pub category: Option<String>,
    /// How many; `None` is not reported.
    pub value: Value,
}

/// A target line for a caseload.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// By when.
    pub period: Period,
    /// Where; `None` is the whole.
    pub unit: Option<String>,
    /// Which split; `None` is the whole.
    pub category: Option<String>,
    /// The target value.
    pub value: Value,
    /// What to call it.
    pub label: Option<Text>,
}

/// `kind: caseload` — people, families or cases served.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Caseload {
    /// What is counted.
    pub measure: Measure,
    /// Declared units.
    pub units: Vec<Unit>,
    /// Declared categories.
    pub categories: Vec<Category>,
    /// The values.
    pub records: Vec<Record>,
    /// Target lines.
    pub targets: Vec<Target>,
}

/// The event at which awards were given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Event {
    /// Its name.
    pub name: Option<Text>,
    /// Its day.
    pub date: Option<Date>,
    /// Where it was held.
    pub place: Option<Text>,
}

/// Level of an award.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// Federal.
    Federal,
    /// Regional.
    Regional,
    /// Municipal.
    Municipal,
    /// A department's own.
    Department,
    /// Anything else.
    Other,
}

impl Level {
    /// Every level.
    pub const ALL: [Level; 5] = [Level::Federal, Level::Regional, Level::Municipal, Level::Department, Level::Other];

    /// The name used in feeds.
    pub fn name(self) -> &'static str {
        match self {
            Level::Federal => "federal",
            Level::Regional => "regional",
            Level::Municipal => "municipal",
            Level::Department => "department",
            Level::Other => "other",
        }
    }
}

/// What sort of thing an award is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AwardCategory {
    /// A medal.
    Medal,
    /// An order.
    Order,
    /// A badge.
    Badge,
    /// A diploma.
    Diploma,
    /// A letter of thanks.
    Letter,
    /// A prize.
    Prize,
    /// Anything else.
    Other,
}

impl AwardCategory {
    /// Every category.
    pub const ALL: [AwardCategory; 7] = [
        AwardCategory::Medal,
        AwardCategory::Order,
        AwardCategory::Badge,
        AwardCategory::Diploma,
        AwardCategory::Letter,
        AwardCategory::Prize,
        AwardCategory::Other,
    ];

    /// The name used in feeds.
    pub fn name(self) -> &'static str {
        match self {
            AwardCategory::Medal => "medal",
            AwardCategory::Order => "order",
            AwardCategory::Badge => "badge",
            AwardCategory::Diploma => "diploma",
            AwardCategory::Letter => "letter",
            AwardCategory::Prize => "prize",
            AwardCategory::Other => "other",
        }
    }
}

/// A type of award.
#[derive(Clone, Debug, PartialEq)]
pub struct AwardType {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub label: Text,
    /// Who awards it.
    pub level: Level,
    /// What it is.
    pub category: AwardCategory,
}

/// A group of recipients (for splitting counts).
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub label: Text,
}

/// How many of one award were given (to one group).
#[derive(Clone, Debug, PartialEq)]
pub struct Grant {
    /// The award type; `None` is "not specified".
    pub award: Option<String>,
    /// The group, if split.
    pub group: Option<String>,
    /// How many.
    pub count: u64,
}

/// A named recipient.
#[derive(Clone, Debug, PartialEq)]
pub struct Recipient {
    /// The person's name.
    pub name: Text,
    /// Their role.
    pub role: Option<Text>,
    /// Their organisation.
    pub org: Option<Text>,
    /// Their city.
    pub city: Option<Text>,
    /// The award type they received.
    pub award: Option<String>,
}

/// One place in a contest.
#[derive(Clone, Debug, PartialEq)]
pub struct ContestPlace {
    /// 1, 2, 3 …
    pub place: u32,
    /// Who took it.
    pub name: Text,
    /// Their role.
    pub role: Option<Text>,
    /// Their organisation.
    pub org: Option<Text>,
    /// Their city.
    pub city: Option<Text>,
    /// Their project.
    pub project: Option<Text>,
    /// The prize.
    pub prize: Option<Text>,
}

/// A contest and its places.
#[derive(Clone, Debug, PartialEq)]
pub struct Contest {
    /// The contest's name.
    pub name: Option<Text>,
    /// Its year.
    pub year: Option<i32>,
    /// The places.
    pub places: Vec<ContestPlace>,
}

/// `kind: awards` — honours and contests.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Awards {
    /// The event.
    pub event: Option<Event>,
    /// Declared award types.
    pub award_types: Vec<AwardType>,
    /// Declared groups.
    pub groups: Vec<Group>,
    /// Counts.
    pub grants: Vec<Grant>,
    /// Named recipients.
    pub recipients: Vec<Recipient>,
    /// Contests.
    pub contests: Vec<Contest>,
}

/// Where a project stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Not started.
    Planned,
    /// Running.
    Active,
    /// Finished.
    Completed,
    /// Taken over by a ministry as a standing service.
    HandedOver,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 4] = [Status::Planned, Status::Active, Status::Completed, Status::HandedOver];

    /// The name used in feeds.
    pub fn name(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Active => "active",
            Status::Completed => "completed",
            Status::HandedOver => "handed-over",
        }
    }
}

/// Which way an indicator should move.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Higher is better.
    Increase,
    /// Lower is better.
    Decrease,
}

impl Direction {
    /// The name used in feeds.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
        }
    }
}

/// A value at a period (baseline, target or actual).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Observation {
    /// When.
    pub period: Period,
    /// The value; `None` is not reported.
    pub value: Value,
}

/// What a project set out to change.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    /// Unique within its project.
    pub id: String,
    /// Display name.
    pub label: Text,
    /// How values are written.
    pub format: Format,
    /// The unit, if any.
    pub unit: Option<UnitWord>,
    /// Which way is good.
    pub direction: Direction,
    /// Where it started.
    pub baseline: Option<Observation>,
    /// Where it should get to.
    pub target: Option<Observation>,
    /// Where it got to, over time.
    pub actual: Vec<Observation>,
}

/// A project and its indicators.
#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    /// Unique id.
    pub id: String,
    /// Display name.
    pub name: Text,
    /// Where it stands.
    pub status: Status,
    /// First period.
    pub start: Option<Period>,
    /// Last period.
    pub end: Option<Period>,
    /// Partners.
    pub partners: Vec<Text>,
    /// A short summary.
    pub summary: Option<Text>,
    /// Its indicators.
    pub indicators: Vec<Indicator>,
}

/// `kind: outcomes` — project results against baselines and targets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcomes {
    /// The projects.
    pub projects: Vec<Project>,
}

/// A feed that passed validation; the only kind of feed the chart code accepts.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidFeed {
    feed: Feed,
}

impl ValidFeed {
    /// Only the validator may vouch for a feed.
    pub(crate) fn new(feed: Feed) -> Self {
        ValidFeed { feed }
    }

    /// The checked feed.
    pub fn feed(&self) -> &Feed {
        &self.feed
    }

    /// The feed, for the validator's quick path (`validate::quick`), which
    /// puts in the records it checked itself.
    pub(crate) fn feed_mut(&mut self) -> &mut Feed {
        &mut self.feed
    }

    /// Shows the feed as a deck's slide does: `title` instead of its own,
    /// `note` first among its notes. In place, so that a slide costs no copy
    /// of the records; neither text is checked against anything, so the
    /// feed stays valid.
    pub fn retitle(&mut self, title: Option<Text>, note: Option<Text>) {
        if let Some(title) = title {
            self.feed.title = title;
        }
        if let Some(note) = note {
            self.feed.notes.insert(0, note);
        }
    }
}

impl Deref for ValidFeed {
    type Target = Feed;
    fn deref(&self) -> &Feed {
        &self.feed
    }
}

#[cfg(test)]
mod date_time_tests {
    use super::parse_date_time;
    use crate::DateTime;

    /// Ours as chrono's type, to compare the two parsers.
    fn to_chrono(t: DateTime) -> chrono::DateTime<chrono::FixedOffset> {
        let d = t.date();
        let date = chrono::NaiveDate::from_ymd_opt(d.year(), d.month(), d.day()).expect("our days are chrono's");
        let time = chrono::NaiveTime::from_hms_nano_opt(t.hour(), t.minute(), t.second(), t.nanosecond()).expect("our times are chrono's");
        let zone = chrono::FixedOffset::east_opt(t.offset_seconds()).expect("our offsets are chrono's");
        date.and_time(time).and_local_timezone(zone).single().expect("one instant at a fixed offset")
    }

    /// Ours and chrono's agree on `s`: both refuse it, or both give the same
    /// instant, offset and local date.
    fn agrees(s: &str) {
        use chrono::Datelike;
        let parsed = parse_date_time(s);
        let chrono = chrono::DateTime::parse_from_rfc3339(s).ok();
        let local_day = |t: chrono::DateTime<chrono::FixedOffset>| (t.year(), t.month(), t.day());
        assert_eq!(parsed.map(|t| (t.date().year(), t.date().month(), t.date().day())), chrono.map(local_day), "{s:?}");
        let ours = parsed.map(to_chrono);
        assert_eq!(ours, chrono, "{s:?}");
        assert_eq!(ours.map(|t| t.offset().local_minus_utc()), chrono.map(|t| t.offset().local_minus_utc()), "{s:?}");
    }

    #[test]
    fn accepts_what_rfc_3339_allows() {
        let t = parse_date_time("2024-04-24T10:42:46+07:00").expect("valid");
        assert_eq!(to_chrono(t).to_rfc3339(), "2024-04-24T10:42:46+07:00");
        for s in [
            "2024-04-24T10:42:46Z",
            "2024-04-24t10:42:46z",
            "2024-04-24 10:42:46Z",
            "2024-04-24T10:42:46.5Z",
            "2024-04-24T10:42:46.123456789123-03:30",
            "2024-04-24T10:42:46\u{2212}03:30",
            "2024-02-29T23:59:60+03:00",
            "2016-12-31T23:59:60.25Z",
            "0000-01-01T00:00:00+23:59",
            "9999-12-31T23:59:59-23:59",
        ] {
            assert!(parse_date_time(s).is_some(), "{s:?}");
            agrees(s);
        }
    }

    #[test]
    fn refuses_what_rfc_3339_does_not() {
        for s in [
            "",
            "2024-04-24",
            "2024-02-30T10:00:00Z",
            "2023-02-29T10:00:00Z",
            "2024-13-01T10:00:00Z",
            "2024-04-24T24:00:00Z",
            "2024-04-24T10:60:00Z",
            "2024-04-24T10:00:61Z",
            "2024-04-24T10:00:00",
            "2024-04-24T10:00:00.Z",
            "2024-04-24T10:00:00+24:00",
            "2024-04-24T10:00:00+05:60",
            "2024-04-24T10:00:00+0500",
            "2024-04-24T10:00:00+05",
            "2024-04-24T10:00:00Z ",
            "2024-04-24X10:00:00Z",
            "24-04-24T10:00:00Z",
            "+2024-04-24T10:00:00Z",
            "2024-04-24T10:00:00UTC",
            "2024-04-24T1:00:00Z",
            "30.06.2018",
        ] {
            assert!(parse_date_time(s).is_none(), "{s:?}");
            agrees(s);
        }
    }

    #[test]
    fn agrees_with_chrono_on_mutations() {
        // Every one-byte change, deletion and insertion of a few seeds,
        // with bytes that matter to the grammar.
        let alphabet = b"0123456789:-+.TtZz x\xe2";
        for seed in ["2024-04-24T10:42:46.5+07:00", "2016-12-31T23:59:60Z", "2000-02-29t00:00:00.000000000001-23:59"] {
            let bytes = seed.as_bytes();
            for i in 0..=bytes.len() {
                for &c in alphabet {
                    let mut replaced = bytes.to_vec();
                    if i < bytes.len() {
                        replaced[i] = c;
                    }
                    let mut inserted = bytes.to_vec();
                    inserted.insert(i, c);
                    for candidate in [replaced, inserted] {
                        if let Ok(s) = std::str::from_utf8(&candidate) {
                            agrees(s);
                        }
                    }
                }
                if i < bytes.len() {
                    let mut deleted = bytes.to_vec();
                    deleted.remove(i);
                    agrees(std::str::from_utf8(&deleted).expect("ASCII"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parser before `decimal`, through `str::parse`: the reference.
    fn parse_with_str_parse(s: &str) -> Option<Period> {
        let bytes = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| bytes.get(r.clone()).filter(|b| b.iter().all(u8::is_ascii_digit)).map(|_| &s[r]);
        let year: i32 = digits(0..4)?.parse().ok()?;
        match bytes.len() {
            4 => Some(Period::Year(year)),
            7 if bytes[4] == b'-' && bytes[5] == b'Q' => {
                let q: u8 = digits(6..7)?.parse().ok()?;
                (1..=4).contains(&q).then_some(Period::Quarter(year, q))
            }
            7 if bytes[4] == b'-' => {
                let m: u8 = digits(5..7)?.parse().ok()?;
                (1..=12).contains(&m).then_some(Period::Month(year, m))
            }
            10 => {
                let shape_ok =
                    bytes[4] == b'-' && bytes[7] == b'-' && bytes.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
                shape_ok
                    .then(|| chrono::NaiveDate::from_ymd_opt(s[0..4].parse().ok()?, s[5..7].parse().ok()?, s[8..10].parse().ok()?))
                    .flatten()
                    .map(|d| {
                        use chrono::Datelike;
                        Period::Day(Date::from_ymd_opt(d.year(), d.month(), d.day()).expect("chrono's days are ours"))
                    })
            }
            _ => None,
        }
    }

    #[test]
    fn periods_parse_as_with_str_parse() {
        let mut inputs = Vec::new();
        for year in ["0000", "0001", "1999", "2024", "9999", "+202", "-202", "20 4", "2a24", "٢٠٢٤"] {
            inputs.push(year.to_owned());
            for q in ["0", "1", "4", "5", "9", "+", "a"] {
                inputs.push(format!("{year}-Q{q}"));
            }
            for month in 0..=19 {
                inputs.push(format!("{year}-{month:02}"));
                for day in [0, 1, 9, 28, 29, 30, 31, 32, 39] {
                    inputs.push(format!("{year}-{month:02}-{day:02}"));
                }
                inputs.push(format!("{year}-{month:02}-+1"));
                inputs.push(format!("{year}-{month:02}- 1"));
            }
            inputs.extend(["-+1", "- 1", "-1", "+01", "-Q", "-Q10"].map(|tail| format!("{year}{tail}")));
        }
        inputs.extend(["", "2", "202", "20240", "2024-", "2024-1-01", "2024/01/01"].map(String::from));
        for input in &inputs {
            assert_eq!(Period::parse(input), parse_with_str_parse(input), "{input:?}");
        }
        assert_eq!(Period::parse("2024-02-29"), Date::from_ymd_opt(2024, 2, 29).map(Period::Day));
        assert_eq!(Period::parse("2023-02-29"), None);
    }
}
