//! `ranking`: one horizontal bar per unit for the latest period, largest first.
//!
//! A unit's value is the sum over its categories in the latest period (the
//! latest with any record); a record without a category stands for the
//! unit's whole and is used only when the unit has no category records
//! then. Records without a unit are left out. A unit that reported only
//! `null` (or nothing) in the latest period has no bar but "нет данных"
//! written where it would start, below the others.
//!
//! Fallback: when no record names a unit, the bars are the categories
//! instead (summed the same way); when none names a category either, one
//! bar for the whole, named by the measure.

use opeka_feed::locale::format_period;
use opeka_feed::locale::Msg;
use opeka_feed::Format;

use crate::parts::bars::{draw_bars, drawn_rows, BarRow, BarSeries, Bars, Segment};
use crate::scene::Scene;
use crate::table::DataTable;
use crate::text::clean;
use opeka_feed::locale::words as strings;

use super::rows::{latest_period, ranked_rows, ranking_summary, sort_descending, with_suffix, MeasureText, RankBy};
use super::Context;

/// Draws the ranking view of a caseload feed.
pub(crate) fn render_ranking(ctx: &Context, caseload: &opeka_feed::Caseload) -> Scene {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let measure = MeasureText::of(ctx, caseload);
    let title = ctx.frame().title;
    let period = latest_period(caseload).map(|p| clean(&format_period(&p, lang))).unwrap_or_default();
    let (by, mut rows) = ranked_rows(ctx, caseload, &measure);
    sort_descending(&mut rows, |r| r.cell.value());

    let series_label = measure.label.clone().unwrap_or_else(|| Msg::Total.text(lang));
    let (drawn, cap_note) = drawn_rows(rows.len(), false, lang);
    let bar_rows = rows[drawn]
        .iter()
        .map(|row| match row.cell.value() {
            Some(v) => {
                let mut mark = format!("{}, {period}: {}", row.label, measure.value(v, lang));
                if row.cell.missing > 0 {
                    mark = format!("{mark} {}", words.incomplete);
                }
                BarRow {
                    label: row.label.clone(),
                    period: Some(period.clone()),
                    segments: vec![Segment { series: 0, value: v, text: String::new(), mark, unit: measure.quantity.unit_for(v, lang) }],
                    end: measure.number(v, lang),
                    empty_mark: (String::new(), String::new()),
                }
            }
            None => BarRow::not_reported(&row.label, &period, &series_label, lang),
        })
        .collect();
    let axis_title = (!period.is_empty()).then(|| with_suffix(measure.title(), &period));
    let bars = Bars {
        series: vec![BarSeries { label: series_label, colour: ctx.style.series_colour(0), marker: ctx.style.series_marker(0) }],
        rows: bar_rows,
        axis_title: axis_title.clone(),
        format: measure.format,
        whole: measure.format == Format::Count,
        footnote: None,
        left_out: cap_note,
        empty_message: words.no_data.to_owned(),
    };

    let row_heading = match by {
        RankBy::Unit => words.unit,
        RankBy::Category | RankBy::Whole => words.category,
    };
    let held = rows.len().min(ctx.readings.held_rows());
    let table = DataTable {
        caption: match &axis_title {
            Some(axis) => format!("{title} ({axis})"),
            None => title.clone(),
        },
        columns: vec![row_heading.to_owned(), axis_title.clone().unwrap_or_else(|| Msg::Total.text(lang))],
        // Drawn unread, none are formatted; shown, the first MAX_ROWS (all
        // a page's table shows) and the rest counted; read (its CSV), every unit.
        rows: rows
            .iter()
            .take(held)
            .map(|r| vec![r.label.clone(), r.cell.value().map_or_else(|| Msg::NotReported.text(lang), |v| measure.number(v, lang))])
            .collect(),
        more_rows: rows.len() - held,
    };
    let mut summary = ranking_summary(ctx, &title, by, &rows, &period, &|v| measure.value(v, lang), words.bar_chart);
    let reported: Vec<f64> = rows.iter().filter_map(|r| r.cell.value()).collect();
    if reported.len() > 1 {
        summary.push_str(&format!(" {}: {}.", Msg::Total.text(lang), measure.value(reported.iter().sum(), lang)));
    }
    draw_bars(ctx, &bars, summary, table)
}
