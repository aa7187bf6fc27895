//! The few words the charts write themselves, in Russian and English.

use opeka_feed::Lang;

/// Interface words in one language.
#[derive(Debug)]
pub struct Strings {
    /// Before the source name: `Источник`.
    pub source: &'static str,
    /// Before the update date: `данные на`.
    pub data_as_of: &'static str,
    /// A value not reported.
    pub no_data: &'static str,
    /// The placeholder for views not drawn yet.
    pub view_not_available: &'static str,
    /// The series of records without a category or unit.
    pub total: &'static str,
    /// The period column of a table.
    pub period: &'static str,
    /// A target line's default label.
    pub target: &'static str,
    /// After a value summed over units some of which did not report.
    pub incomplete: &'static str,
    /// The summary's opening for a line chart.
    pub line_chart: &'static str,
    /// Latest values, in the summary.
    pub latest: &'static str,
    /// "series" after a number: Russian one/few/many forms; English singular/plural in [0] and [2].
    pub series_forms: [&'static str; 3],
    /// "periods" after a number, as above.
    pub period_forms: [&'static str; 3],
    /// The summary's opening for a bar chart.
    pub bar_chart: &'static str,
    /// The award column of a table.
    pub award: &'static str,
    /// The award level column of a table.
    pub level: &'static str,
    /// The award category column of a table.
    pub award_category: &'static str,
    /// The contest column of a table.
    pub contest: &'static str,
    /// The year column of a table.
    pub year: &'static str,
    /// The place column of a table.
    pub place: &'static str,
    /// The name column of a table.
    pub name: &'static str,
    /// The role column of a table.
    pub role: &'static str,
    /// The organisation column of a table.
    pub organisation: &'static str,
    /// The city column of a table.
    pub city: &'static str,
    /// A contest project, in tables and before it on a card.
    pub project: &'static str,
    /// A contest prize, in tables and before it on a card.
    pub prize: &'static str,
    /// The summary's opening for contest places.
    pub contest_places: &'static str,
    /// The summary's opening for a list of recipients.
    pub recipient_list: &'static str,
    /// Counts by award type, in a summary.
    pub by_award: &'static str,
    /// Counts by group, in a summary.
    pub by_group: &'static str,
    /// An overall count: `{n}` is the number with its noun.
    pub total_count: &'static str,
    /// Under a list cut short by the canvas: `{n}` is the number with its noun.
    pub more_in_table: &'static str,
    /// "award types" after a number, as above.
    pub award_type_forms: [&'static str; 3],
}

static RU: Strings = Strings {
    source: "Источник",
    data_as_of: "данные на",
    no_data: "нет данных",
    view_not_available: "Этот вид диаграммы пока недоступен",
    total: "Всего",
    period: "Период",
    target: "Цель",
    incomplete: "(данные неполные)",
    line_chart: "Линейный график",
    latest: "последние значения",
    series_forms: ["ряд", "ряда", "рядов"],
    period_forms: ["период", "периода", "периодов"],
    bar_chart: "Столбчатая диаграмма",
    award: "Награда",
    level: "Уровень",
    award_category: "Вид",
    contest: "Конкурс",
    year: "Год",
    place: "Место",
    name: "Имя",
    role: "Должность",
    organisation: "Организация",
    city: "Город",
    project: "Проект",
    prize: "Приз",
    contest_places: "Призёры конкурсов",
    recipient_list: "Список награждённых",
    by_award: "По видам наград",
    by_group: "По группам",
    total_count: "Всего {n}",
    more_in_table: "…и ещё {n} (см. таблицу данных)",
    award_type_forms: ["вид награды", "вида наград", "видов наград"],
};

static EN: Strings = Strings {
    source: "Source",
    data_as_of: "data as of",
    no_data: "no data",
    view_not_available: "This view is not available yet",
    total: "Total",
    period: "Period",
    target: "Target",
    incomplete: "(incomplete)",
    line_chart: "Line chart",
    latest: "latest values",
    series_forms: ["series", "series", "series"],
    period_forms: ["period", "periods", "periods"],
    bar_chart: "Bar chart",
    award: "Award",
    level: "Level",
    award_category: "Type",
    contest: "Contest",
    year: "Year",
    place: "Place",
    name: "Name",
    role: "Role",
    organisation: "Organisation",
    city: "City",
    project: "Project",
    prize: "Prize",
    contest_places: "Contest winners",
    recipient_list: "List of recipients",
    by_award: "By award type",
    by_group: "By group",
    total_count: "{n} in total",
    more_in_table: "…and {n} not shown (see the data table)",
    award_type_forms: ["award type", "award types", "award types"],
};

/// The interface words for `lang`.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
}

/// `n` followed by the right form of a noun: `4 ряда`, `30 периодов`; `1 period`.
pub fn count_noun(n: usize, forms: [&str; 3], lang: Lang) -> String {
    let noun = match lang {
        Lang::Ru => opeka_feed::locale::plural_ru(n as f64, forms),
        Lang::En if n == 1 => forms[0],
        Lang::En => forms[2],
    };
    format!("{}\u{A0}{noun}", opeka_feed::locale::format_number(n as f64, 0, lang))
}
