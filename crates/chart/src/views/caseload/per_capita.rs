//! `per-capita`: the ranking per 1 000 residents, `value / population × 1000`.
//!
//! Units are summed as in `ranking` (latest period, over categories). Only
//! units with a population above zero get a bar; the others are listed
//! under the chart ("Нет данных о населении: …") and in the table, whose
//! per-1 000 cell says so. A unit with a population but no reported value
//! is "нет данных", as in the ranking. A feed whose records name no unit
//! has nothing to divide: the chart says there are no population data.

use opeka_feed::collections::sorted_map::SortedMap;
use opeka_feed::locale::join;
use opeka_feed::locale::{format_number, format_period, upper_first, Msg};
use opeka_feed::Format;

use crate::parts::bars::{draw_bars, drawn_rows, BarRow, BarSeries, Bars, Segment};
use crate::scene::Scene;
use crate::table::DataTable;
use crate::text::clean;
use opeka_feed::locale::words as strings;

use super::rows::{latest_period, ranked_rows, ranking_summary, sort_descending, with_suffix, Cell, MeasureText, RankBy, Ranked};
use super::Context;

/// The most units without a population named in the footnote and the
/// summary; the table lists every one.
const MAX_NAMED: usize = 10;

/// Draws the per-capita view of a caseload feed.
pub(crate) fn render_per_capita(ctx: &Context, caseload: &opeka_feed::Caseload) -> Scene {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let measure = MeasureText::of(ctx, caseload);
    let title = ctx.frame().title;
    let per_thousand = clean(&Msg::PerThousandResidents.text(lang));
    let period = latest_period(caseload).map(|p| clean(&format_period(&p, lang))).unwrap_or_default();
    let (by, rows) = ranked_rows(ctx, caseload, &measure);
    let rows = if by == RankBy::Unit { rows } else { Vec::new() };

    // Split by whether a population is known; rates replace the sums.
    // By id, for a lookup per row rather than a scan of the units (ids are unique).
    let units = SortedMap::from_pairs(caseload.units.iter().enumerate().map(|(i, u)| (u.id.as_str(), i)).collect());
    let population = |row: &Ranked| {
        let id = row.id.as_ref()?;
        caseload.units[*units.get(id.as_str())?].population.filter(|p| p.is_finite() && *p > 0.0)
    };
    let mut rated: Vec<(Ranked, f64, Option<f64>)> = Vec::new();
    let mut unrated: Vec<Ranked> = Vec::new();
    for row in rows {
        match population(&row) {
            Some(p) => {
                let rate = row.cell.value().map(|v| v / p * 1000.0).filter(|r| r.is_finite());
                rated.push((row, p, rate));
            }
            None => unrated.push(row),
        }
    }
    sort_descending(&mut rated, |r| r.2);
    let largest = rated.iter().filter_map(|r| r.2).fold(0.0f64, |m, v| m.max(v.abs()));
    let decimals = if largest >= 100.0 { 0 } else { 1 };
    let rate_text = |v: f64| clean(&format_number(v, decimals, lang));
    let rate_value = |v: f64| format!("{} {per_thousand}", rate_text(v));

    let series_label = match &measure.label {
        Some(label) => format!("{label} {per_thousand}"),
        None => upper_first(&per_thousand),
    };
    let (drawn, cap_note) = drawn_rows(rated.len(), false, lang);
    let bar_rows = rated[drawn]
        .iter()
        .map(|(row, _, rate)| match rate {
            Some(rate) => {
                let count = row.cell.value().map(|v| format!(" ({})", measure.value(v, lang))).unwrap_or_default();
                let mut mark = format!("{}, {period}: {}{count}", row.label, rate_value(*rate));
                if row.cell.missing > 0 {
                    mark = format!("{mark} {}", words.incomplete);
                }
                BarRow {
                    label: row.label.clone(),
                    period: Some(period.clone()),
                    segments: vec![Segment { series: 0, value: *rate, text: String::new(), mark, unit: None }],
                    end: rate_text(*rate),
                    empty_mark: (String::new(), String::new()),
                }
            }
            None => BarRow::not_reported(&row.label, &period, &series_label, lang),
        })
        .collect();
    let axis_title = if period.is_empty() { series_label.clone() } else { format!("{series_label}, {period}") };
    // Named up to a few; the table lists them all.
    let unrated_labels: Vec<&str> = unrated.iter().take(MAX_NAMED).map(|r| r.label.as_str()).collect();
    let mut unrated_list = join(&unrated_labels, ", ");
    if unrated.len() > MAX_NAMED {
        unrated_list.push(' ');
        unrated_list.push_str(&Msg::More(unrated.len() - MAX_NAMED).text(lang));
    }
    let no_population = upper_first(words.no_population);
    let footnote = (!unrated.is_empty()).then(|| format!("{no_population}: {unrated_list}."));
    let bars = Bars {
        series: vec![BarSeries { label: series_label.clone(), colour: ctx.style.series_colour(0), marker: ctx.style.series_marker(0) }],
        rows: bar_rows,
        axis_title: Some(axis_title.clone()),
        format: Format::Count,
        whole: false,
        footnote,
        left_out: cap_note,
        empty_message: if unrated.is_empty() && by != RankBy::Unit { no_population.clone() } else { words.no_data.to_owned() },
    };

    let count_heading = with_suffix(Some(measure.title().unwrap_or_else(|| Msg::Total.text(lang))), &period);
    let count_text = |cell: &Cell| cell.value().map_or_else(|| Msg::NotReported.text(lang), |v| measure.number(v, lang));
    let mut table_rows: Vec<Vec<String>> = rated
        .iter()
        .map(|(row, p, rate)| {
            vec![
                row.label.clone(),
                clean(&format_number(*p, 0, lang)),
                count_text(&row.cell),
                rate.map_or_else(|| Msg::NotReported.text(lang), rate_text),
            ]
        })
        .collect();
    table_rows.extend(
        unrated
            .iter()
            .map(|row| vec![row.label.clone(), words.no_population.to_owned(), count_text(&row.cell), words.no_population.to_owned()]),
    );
    let table = DataTable {
        caption: format!("{title} ({axis_title})"),
        columns: vec![words.unit.to_owned(), words.population.to_owned(), count_heading, upper_first(&per_thousand)],
        rows: table_rows,
        more_rows: 0,
    };

    let ranked: Vec<Ranked> = rated
        .iter()
        .map(|(row, _, rate)| {
            let cell = match rate {
                Some(r) => Cell { sum: *r, reported: 1, missing: 0 },
                None => Cell::default(),
            };
            Ranked { id: row.id.clone(), label: row.label.clone(), cell }
        })
        .collect();
    let chart_kind = format!("{}, {per_thousand}", words.bar_chart);
    let mut summary = ranking_summary(ctx, &title, RankBy::Unit, &ranked, &period, &rate_value, &chart_kind);
    if !unrated.is_empty() {
        summary.push_str(&format!(" {no_population}: {unrated_list}."));
    }
    draw_bars(ctx, &bars, summary, table)
}
