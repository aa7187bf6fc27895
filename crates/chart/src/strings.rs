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
