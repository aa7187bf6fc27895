//! The words the charts write themselves (table headings, summary
//! openings, notes), in Russian and English: with [`super::Msg`] and
//! [`super::Noun`] the one catalogue of interface text.

use crate::Lang;

/// Interface words in one language.
#[derive(Debug)]
pub struct Words {
    /// Before the update date: `данные на`.
    pub data_as_of: &'static str,
    /// A chart with nothing to show.
    pub no_data: &'static str,
    /// After a value summed over units some of which did not report.
    pub incomplete: &'static str,
    /// The summary's opening for a line chart.
    pub line_chart: &'static str,
    /// Latest values, in the summary.
    pub latest: &'static str,
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
    /// An indicator with a baseline or target but no actual values yet.
    pub no_actuals: &'static str,
    /// Before-after: the caption of the baseline bar.
    pub before: &'static str,
    /// Before-after: the caption of the latest actual's bar.
    pub after: &'static str,
    /// Trajectory: the legend entry of the dashed line from baseline to target.
    pub plan: &'static str,
    /// Outcomes table: the project column.
    pub project: &'static str,
    /// Outcomes table: the project status column.
    pub status: &'static str,
    /// Outcomes table: the indicator column.
    pub indicator: &'static str,
    /// Outcomes table: the latest actual column.
    pub latest_actual: &'static str,
    /// Outcomes table: the change from the baseline.
    pub change: &'static str,
    /// Outcomes table: the verdict column.
    pub verdict: &'static str,
    /// Trajectory: before the list of projects that have no indicators.
    pub without_indicators: &'static str,
    /// Summary opening of the `progress` view.
    pub progress_chart: &'static str,
    /// Summary opening of the `before-after` view.
    pub before_after_chart: &'static str,
    /// Summary opening of the `trajectory` view.
    pub trajectory_chart: &'static str,
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
    /// Table column: an award type.
    pub award: &'static str,
    /// Table column: how many.
    pub count: &'static str,
    /// Table column: an indicator's result in words.
    pub result: &'static str,
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
    /// The same on a slide, which has no data table to point at.
    pub more_not_shown: &'static str,
}

static RU: Words = Words {
    data_as_of: "данные на",
    no_data: "нет данных",
    incomplete: "(данные неполные)",
    line_chart: "Линейный график",
    latest: "последние значения",
    bar_chart: "Столбчатая диаграмма",
    stacked_bar_chart: "Диаграмма с накоплением",
    unit: "Территория",
    category: "Категория",
    population: "Население",
    no_population: "нет данных о населении",
    highest: "больше всего",
    lowest: "меньше всего",
    largest_category: "крупнейшая категория",
    no_actuals: "нет фактических данных",
    before: "Было",
    after: "Стало",
    plan: "План: от базового значения к цели",
    project: "Проект",
    status: "Статус",
    indicator: "Показатель",
    latest_actual: "Факт (последний)",
    change: "Изменение",
    verdict: "Итог",
    without_indicators: "Без показателей",
    progress_chart: "Выполнение показателей проектов",
    before_after_chart: "Показатели проектов: было и стало",
    trajectory_chart: "Показатели проектов по периодам против плана",
    key_figures: "Ключевые цифры",
    of_whole: "из",
    awards_total: "Всего наград",
    figure: "Показатель",
    note: "Примечание",
    award: "Награда",
    count: "Количество",
    result: "Результат",
    level: "Уровень",
    award_category: "Вид",
    contest: "Конкурс",
    year: "Год",
    place: "Место",
    name: "Имя",
    role: "Должность",
    organisation: "Организация",
    city: "Город",
    prize: "Приз",
    contest_places: "Призёры конкурсов",
    recipient_list: "Список награждённых",
    by_award: "По видам наград",
    by_group: "По группам",
    total_count: "Всего {n}",
    more_in_table: "…и ещё {n} (см. таблицу данных)",
    more_not_shown: "…и ещё {n}",
};

static EN: Words = Words {
    data_as_of: "data as of",
    no_data: "no data",
    incomplete: "(incomplete)",
    line_chart: "Line chart",
    latest: "latest values",
    bar_chart: "Bar chart",
    stacked_bar_chart: "Stacked bar chart",
    unit: "Area",
    category: "Category",
    population: "Population",
    no_population: "no population",
    highest: "highest",
    lowest: "lowest",
    largest_category: "largest category",
    no_actuals: "no actuals yet",
    before: "Before",
    after: "After",
    plan: "Plan: from baseline to target",
    project: "Project",
    status: "Status",
    indicator: "Indicator",
    latest_actual: "Latest actual",
    change: "Change",
    verdict: "Result",
    without_indicators: "No indicators",
    progress_chart: "Progress of project indicators",
    before_after_chart: "Project indicators before and after",
    trajectory_chart: "Project indicators over time against the plan",
    key_figures: "Key figures",
    of_whole: "of",
    awards_total: "Awards in total",
    figure: "Figure",
    note: "Note",
    award: "Award",
    count: "Count",
    result: "Result",
    level: "Level",
    award_category: "Type",
    contest: "Contest",
    year: "Year",
    place: "Place",
    name: "Name",
    role: "Role",
    organisation: "Organisation",
    city: "City",
    prize: "Prize",
    contest_places: "Contest winners",
    recipient_list: "List of recipients",
    by_award: "By award type",
    by_group: "By group",
    total_count: "{n} in total",
    more_in_table: "…and {n} not shown (see the data table)",
    more_not_shown: "…and {n} not shown",
};

/// The interface words for `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
}
