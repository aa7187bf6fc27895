//! The texts the widgets write themselves, in Russian and English.

use super::number::{format_change_in, format_difference, format_number, NBSP};
use super::period::{format_date, format_day_time};
use super::plural::{count_noun, Noun};
use crate::{AwardCategory, Lang, Level, Status};
use crate::{Date, DayTime, Format};

/// A text a widget writes itself. Labels and messages start with a capital
/// (`Всего`, `Загрузка данных…`); fragments meant to follow a number or a
/// comma are lower case (`нет данных`, `лучше цели`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Msg {
    /// While the feed is being fetched.
    Loading,
    /// The "data as of" line under a chart.
    DataAsOf(Date),
    /// Label before the credit line.
    Source,
    /// Heading of the footnotes.
    Notes,
    /// The viewer's message for a feed that breaks the contract (the details go to the console).
    FeedInvalid,
    /// The viewer's message for a feed over the size limit.
    FeedTooLarge,
    /// The feed could not be fetched; `status` is the HTTP status when there was one
    /// (a network or CORS failure has none; 0 is treated as none, as browsers report it so).
    NetworkError {
        /// HTTP status of the failed response.
        status: Option<u16>,
    },
    /// A refresh failed and the chart still shows the data fetched at this
    /// (local) time: `Данные на 12 марта, 10:40 — обновить не удалось`.
    Stale(DayTime),
    /// The end of a capped list of problems: `и ещё 1 234`, lower case.
    More(usize),
    /// Under a bar chart drawn with only its first `shown` of `total` rows
    /// (the largest values): the data table has more (not "all": past
    /// 1 000 rows, a table holds its first 1 000).
    LargestRowsShown {
        /// Rows drawn.
        shown: usize,
        /// Rows in the data.
        total: usize,
    },
    /// Under a bar chart of periods drawn with only the latest `shown` of
    /// `total`: the data table has more.
    LatestPeriodsShown {
        /// Periods drawn.
        shown: usize,
        /// Periods in the data.
        total: usize,
    },
    /// Under a line chart drawn, and tabulated, with only the `shown` of
    /// `total` series whose latest values are the largest.
    LargestSeriesShown {
        /// Series drawn.
        shown: usize,
        /// Series in the data.
        total: usize,
    },
    /// Under a stacked chart whose smallest `n` categories are drawn together as «Другое».
    OtherCategories(usize),
    /// After a data table cut short: `…и ещё 1 234 строки`.
    MoreRows(usize),
    /// In the caption of a long series' data table that holds only its
    /// latest `shown` of `total` rows: `Последние 1 000 строк из 4 175.`
    LatestRows {
        /// Rows in the table.
        shown: usize,
        /// Rows in the data.
        total: usize,
    },
    /// The button that fetches again.
    Retry,
    /// A value that was not reported (a gap), lower case: `нет данных`.
    NotReported,
    /// Sum of all parts.
    Total,
    /// The rest, outside the named parts.
    Other,
    /// A grant whose award type was not reported.
    OtherNotSpecified,
    /// Target of an indicator (legend, tooltip).
    Target,
    /// Baseline of an indicator.
    Baseline,
    /// Actual value of an indicator.
    Actual,
    /// Verdict fragment: the actual is better than the target.
    BetterThanTarget,
    /// Verdict fragment: the actual is exactly the target.
    TargetMet,
    /// Verdict fragment: the actual falls short of the target.
    WorseThanTarget,
    /// Verdict fragment: better than the baseline (no target set).
    BetterThanBaseline,
    /// Verdict fragment: worse than the baseline (no target set).
    WorseThanBaseline,
    /// Verdict fragment: the same as the baseline.
    NoChange,
    /// Verdict fragment, before the target's period: the actual is where the
    /// straight line from the baseline to the target is at its period.
    OnPlan,
    /// Verdict fragment before the target's period: ahead of that line by the amount that follows.
    AheadOfPlan,
    /// Verdict fragment before the target's period: behind that line by the amount that follows.
    BehindPlan,
    /// Column header: the period.
    Period,
    /// Column header: the value.
    Value,
    /// Caption of the data table (screen readers, the "show table" control).
    DataTable,
    /// The per-capita measure: `на 1 000 жителей`, lower case.
    PerThousandResidents,
    /// The downloads menu's button.
    Download,
    /// The downloads menu's items, one a line: the chart as a PNG picture,
    /// as an SVG drawing, the data table as a CSV file.
    DownloadItems,
    /// The button that shows the chart full-screen (in the slide medium).
    FullScreen,
    /// A widget given neither a feed URL nor an inline feed.
    NoFeed,
    /// The disclosure that lists every problem, for the page author.
    DetailsForAuthor,
    /// A project's status.
    Status(Status),
    /// An award level, as a group heading.
    Level(Level),
    /// A kind of award, as a group heading.
    AwardCategory(AwardCategory),
    /// Before the series a viewer hid in the legend: `Скрыто: А, Б`.
    Hidden,
    /// After a change, in a reading: `+5 % к предыдущему периоду`, lower case.
    FromPrevious,
}

/// `shown` things of `total` in `lang`: the words before, between and after
/// the two numbers, in Russian and in English (one formatting for the
/// notes that say what a chart or table left out).
fn shown_of(lang: Lang, (shown, noun): (usize, Noun), total: usize, ru: [&str; 3], en: [&str; 3]) -> String {
    let [before, between, after] = if lang == Lang::Ru { ru } else { en };
    format!("{before}{}{between}{}{after}", count_noun(shown as f64, noun, lang), format_number(total as f64, 0, lang))
}

impl Msg {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let ru = lang == Lang::Ru;
        let pick = |ru_text: &str, en_text: &str| if ru { ru_text } else { en_text }.to_owned();
        match *self {
            Msg::Loading => pick("Загрузка данных…", "Loading data…"),
            Msg::DataAsOf(date) => {
                let date = format_date(date, lang);
                if ru {
                    format!("Данные на {date}")
                } else {
                    format!("Data as of {date}")
                }
            }
            Msg::Source => pick("Источник", "Source"),
            Msg::Notes => pick("Примечания", "Notes"),
            Msg::FeedInvalid => {
                pick("Не удалось показать график: в данных есть ошибки", "The chart cannot be shown: the data contain errors")
            }
            Msg::FeedTooLarge => {
                pick("Не удалось показать график: файл данных слишком большой", "The chart cannot be shown: the data file is too large")
            }
            Msg::NetworkError { status: Some(code) } if code != 0 => {
                // Printed as u64, like the other integers: one integer printer in the bundle.
                let code = u64::from(code);
                if ru {
                    format!("Не удалось загрузить данные (ошибка {code})")
                } else {
                    format!("The data could not be loaded (error {code})")
                }
            }
            Msg::NetworkError { .. } => pick("Не удалось загрузить данные", "The data could not be loaded"),
            Msg::Stale(at) => {
                let at = format_day_time(at, lang);
                if ru {
                    format!("Данные на {at} — обновить не удалось")
                } else {
                    format!("Data as of {at} — could not update")
                }
            }
            Msg::More(n) => {
                let n = format_number(n as f64, 0, lang);
                if ru {
                    format!("и ещё {n}")
                } else {
                    format!("and {n} more")
                }
            }
            Msg::LargestRowsShown { shown, total } => shown_of(
                lang,
                (shown, Noun::Row),
                total,
                ["На графике — ", " из ", ", с наибольшими значениями; больше — в таблице данных."],
                ["The chart shows ", " of ", ", those with the largest values; the data table has more."],
            ),
            Msg::LatestPeriodsShown { shown, total } => shown_of(
                lang,
                (shown, Noun::Period),
                total,
                ["На графике — последние ", " из ", "; больше — в таблице данных."],
                ["The chart shows the latest ", " of ", "; the data table has more."],
            ),
            Msg::LargestSeriesShown { shown, total } => shown_of(
                lang,
                (shown, Noun::Series),
                total,
                ["На графике и в таблице — ", " из ", ", с наибольшими последними значениями."],
                ["The chart and the table show ", " of ", ", those with the largest latest values."],
            ),
            Msg::OtherCategories(n) => {
                let n = count_noun(n as f64, Noun::Category, lang);
                if ru {
                    format!("«Другое» — ещё {n} вместе.")
                } else {
                    format!("“Other” adds up {n} more.")
                }
            }
            Msg::MoreRows(n) => {
                if ru {
                    format!("…и ещё {}", count_noun(n as f64, Noun::Row, lang))
                } else {
                    format!("…and {} more {}", format_number(n as f64, 0, lang), if n == 1 { "row" } else { "rows" })
                }
            }
            Msg::LatestRows { shown, total } => {
                shown_of(lang, (shown, Noun::Row), total, ["Последние ", " из ", "."], ["The latest ", " of ", "."])
            }
            Msg::Retry => pick("Повторить", "Try again"),
            Msg::NotReported => pick("нет данных", "not reported"),
            Msg::Total => pick("Всего", "Total"),
            Msg::Other => pick("Другое", "Other"),
            Msg::OtherNotSpecified => pick("Другое / не указано", "Other / not specified"),
            Msg::Target => pick("Цель", "Target"),
            Msg::Baseline => pick("Базовое значение", "Baseline"),
            Msg::Actual => pick("Факт", "Actual"),
            Msg::BetterThanTarget => pick("лучше цели", "better than target"),
            Msg::TargetMet => pick("цель достигнута", "target met"),
            Msg::WorseThanTarget => pick("хуже цели", "worse than target"),
            Msg::BetterThanBaseline => pick("лучше базового значения", "better than baseline"),
            Msg::WorseThanBaseline => pick("хуже базового значения", "worse than baseline"),
            Msg::NoChange => pick("без изменений", "no change"),
            Msg::OnPlan => pick("идёт по плану", "on plan"),
            Msg::AheadOfPlan => pick("опережает план на", "ahead of plan by"),
            Msg::BehindPlan => pick("отстаёт от плана на", "behind plan by"),
            Msg::Period => pick("Период", "Period"),
            Msg::Value => pick("Значение", "Value"),
            Msg::DataTable => pick("Таблица данных", "Data table"),
            Msg::PerThousandResidents => {
                if ru {
                    format!("на 1{NBSP}000 жителей")
                } else {
                    "per 1,000 residents".to_owned()
                }
            }
            Msg::Download => pick("Скачать", "Download"),
            // Neuter, so it agrees with any number of series of any gender.
            Msg::Hidden => pick("Скрыто", "Hidden"),
            Msg::FromPrevious => pick("к предыдущему периоду", "from the previous period"),
            Msg::DownloadItems => pick("Рисунок PNG\nРисунок SVG\nТаблица CSV", "PNG image\nSVG image\nCSV table"),
            Msg::FullScreen => pick("На весь экран", "Full screen"),
            Msg::NoFeed => pick("Не указан источник данных (атрибут src)", "No data source given (the src attribute)"),
            Msg::DetailsForAuthor => pick("Подробности для автора страницы", "Details for the page author"),
            Msg::Status(status) => match status {
                Status::Planned => pick("Планируется", "Planned"),
                Status::Active => pick("Реализуется", "Active"),
                Status::Completed => pick("Завершён", "Completed"),
                Status::HandedOver => pick("Передан министерству", "Handed over to the ministry"),
            },
            Msg::Level(level) => match level {
                Level::Federal => pick("Федеральные", "Federal"),
                Level::Regional => pick("Региональные", "Regional"),
                Level::Municipal => pick("Муниципальные", "Municipal"),
                Level::Department => pick("Ведомственные", "Departmental"),
                Level::Other => pick("Другие", "Other"),
            },
            Msg::AwardCategory(category) => match category {
                AwardCategory::Medal => pick("Медали", "Medals"),
                AwardCategory::Order => pick("Ордена", "Orders"),
                AwardCategory::Badge => pick("Нагрудные знаки", "Badges"),
                AwardCategory::Diploma => pick("Почётные грамоты", "Diplomas"),
                AwardCategory::Letter => pick("Благодарственные письма", "Letters of thanks"),
                AwardCategory::Prize => pick("Премии", "Prizes"),
                AwardCategory::Other => pick("Другие", "Other"),
            },
        }
    }
}

/// How `value` compares with `reference` when `direction_is_increase` says which way is good:
/// `Some(true)` better, `Some(false)` worse, `None` the same.
fn better(value: f64, reference: f64, direction_is_increase: bool) -> Option<bool> {
    // A relative tolerance, so that 79.99999999 from a computed feed still meets a target of 80.
    if (value - reference).abs() <= 1e-9 * reference.abs().max(1.0) {
        return None;
    }
    Some((value > reference) == direction_is_increase)
}

/// An indicator's result in words, as the outcomes chart and tiles write it:
/// the change from the baseline, then the verdict:
/// `−30 %, лучше цели` / `−30 %, better than target`; `+5 %, хуже цели`;
/// `×2, цель достигнута`; `+9,3 п. п., отстаёт от плана на 2,4 п. п.`;
/// `Хуже базового значения` without a baseline change to show.
///
/// The verdict respects the calendar: `plan` is the value of the straight
/// line from the baseline to the target at the actual's period, given by the
/// caller while the target's period has not come; the actual is then judged
/// against the plan (`идёт по плану`, `опережает план на …`, `отстаёт от плана
/// на …`), and only from the target's period on against the `target`. With
/// neither, it is judged against the baseline. A change of a `percent`
/// indicator is written in percentage points, never as a percent of a percent.
///
/// `direction_is_increase` says which way is good. A value that is not finite
/// is `нет данных` / `not reported`; with nothing to compare the text is empty.
pub fn outcome_verdict(
    value: f64,
    baseline: Option<f64>,
    target: Option<f64>,
    plan: Option<f64>,
    format: Format,
    direction_is_increase: bool,
    lang: Lang,
) -> String {
    if !value.is_finite() {
        return Msg::NotReported.text(lang);
    }
    let baseline = baseline.filter(|b| b.is_finite());
    let target = target.filter(|t| t.is_finite());
    let change = baseline.map(|b| format_change_in(value, b, format, lang));
    let verdict = match (plan.filter(|p| p.is_finite()), target, baseline) {
        (Some(p), _, _) => {
            // One decimal place decides "on plan": what the reader could not tell apart is on plan.
            let gap = format_difference(value, p, format, lang);
            match better(value, p, direction_is_increase) {
                _ if gap.is_none() => Some(Msg::OnPlan.text(lang)),
                None => Some(Msg::OnPlan.text(lang)),
                Some(true) => gap.map(|g| format!("{} {g}", Msg::AheadOfPlan.text(lang))),
                Some(false) => gap.map(|g| format!("{} {g}", Msg::BehindPlan.text(lang))),
            }
        }
        (None, Some(t), _) => Some(
            match better(value, t, direction_is_increase) {
                Some(true) => Msg::BetterThanTarget,
                Some(false) => Msg::WorseThanTarget,
                None => Msg::TargetMet,
            }
            .text(lang),
        ),
        (None, None, Some(b)) => Some(
            match better(value, b, direction_is_increase) {
                Some(true) => Msg::BetterThanBaseline,
                Some(false) => Msg::WorseThanBaseline,
                None => Msg::NoChange,
            }
            .text(lang),
        ),
        (None, None, None) => None,
    };
    match (change, verdict) {
        (Some(c), Some(v)) => format!("{c}, {v}"),
        (None, Some(v)) => super::upper_first(&v),
        (Some(c), None) => c,
        (None, None) => String::new(),
    }
}
