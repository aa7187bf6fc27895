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
    /// The summary's opening for the tiles view.
    pub key_figures: &'static str,
    /// Between a share and its whole: `1 000 из 2 650 000`.
    pub of_whole: &'static str,
    /// The label of the awards total tile.
    pub awards_total: &'static str,
    /// Table column: what a headline figure counts.
    pub figure: &'static str,
    /// Table column: a figure's note.
    pub note: &'static str,
    /// Table column: a caseload category.
    pub category: &'static str,
    /// Table column: an award type.
    pub award: &'static str,
    /// Table column: how many.
    pub count: &'static str,
    /// Table column: a project.
    pub project: &'static str,
    /// Table column: an indicator.
    pub indicator: &'static str,
    /// Table column: an indicator's result in words.
    pub result: &'static str,
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
    key_figures: "Ключевые цифры",
    of_whole: "из",
    awards_total: "Всего наград",
    figure: "Показатель",
    note: "Примечание",
    category: "Категория",
    award: "Награда",
    count: "Количество",
    project: "Проект",
    indicator: "Показатель",
    result: "Результат",
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
    key_figures: "Key figures",
    of_whole: "of",
    awards_total: "Awards in total",
    figure: "Figure",
    note: "Note",
    category: "Category",
    award: "Award",
    count: "Count",
    project: "Project",
    indicator: "Indicator",
    result: "Result",
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
