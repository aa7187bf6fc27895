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
    /// The summary's opening for a bar chart (ranking, per capita).
    pub bar_chart: &'static str,
    /// The summary's opening for a stacked bar chart (composition).
    pub stacked_bar_chart: &'static str,
    /// The column of units (municipalities, institutions) in a table.
    pub unit: &'static str,
    /// The column of categories in a table.
    pub category: &'static str,
    /// The population column of a table.
    pub population: &'static str,
    /// A unit without a population, lower case: `нет данных о населении`.
    pub no_population: &'static str,
    /// The largest value, in a summary: `больше всего`.
    pub highest: &'static str,
    /// The smallest value, in a summary: `меньше всего`.
    pub lowest: &'static str,
    /// The largest part, in a summary: `крупнейшая категория`.
    pub largest_category: &'static str,
    /// "units" after a number, as [`Strings::series_forms`].
    pub unit_forms: [&'static str; 3],
    /// "categories" after a number, as above.
    pub category_forms: [&'static str; 3],
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
    stacked_bar_chart: "Диаграмма с накоплением",
    unit: "Территория",
    category: "Категория",
    population: "Население",
    no_population: "нет данных о населении",
    highest: "больше всего",
    lowest: "меньше всего",
    largest_category: "крупнейшая категория",
    unit_forms: ["территория", "территории", "территорий"],
    category_forms: ["категория", "категории", "категорий"],
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
    stacked_bar_chart: "Stacked bar chart",
    unit: "Area",
    category: "Category",
    population: "Population",
    no_population: "no population",
    highest: "highest",
    lowest: "lowest",
    largest_category: "largest category",
    unit_forms: ["area", "areas", "areas"],
    category_forms: ["category", "categories", "categories"],
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
