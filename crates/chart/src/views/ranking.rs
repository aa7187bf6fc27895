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
use opeka_feed::{Caseload, Format};

use crate::scene::Scene;
use crate::strings::{count_noun, strings};
use crate::table::DataTable;
use crate::text::clean;

use super::bars::{draw_bars, latest_period, row_label, sort_descending, with_suffix, BarRow, BarSeries, Bars, MeasureText, RowSums, Segment};
use super::trend::{capitalise, Cell};
use super::Context;

/// What the bars of a ranking stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RankBy {
    /// Units (the usual case).
    Unit,
    /// Categories, when no record names a unit.
    Category,
    /// The whole, when records name neither.
    Whole,
}

/// One ranked row before drawing.
pub(super) struct Ranked {
    /// Unit or category id (`None` for the whole).
    pub id: Option<String>,
    /// Its label, cleaned.
    pub label: String,
    /// Its sum in the latest period.
    pub cell: Cell,
}

/// Sums the latest period's records per unit (or category, or the whole),
/// in the feed's declared order.
pub(super) fn ranked_rows(ctx: &Context, caseload: &Caseload, measure: &MeasureText) -> (RankBy, Vec<Ranked>) {
    let words = strings(ctx.lang);
    let Some(latest) = latest_period(caseload) else { return (RankBy::Whole, Vec::new()) };
    let at_latest = || caseload.records.iter().filter(move |r| r.period == latest);
    if caseload.records.iter().any(|r| r.unit.is_some()) {
        let rows = caseload
            .units
            .iter()
            .filter(|u| caseload.records.iter().any(|r| r.unit.as_ref() == Some(&u.id)))
            .map(|u| {
                let mut sums = RowSums::default();
                at_latest().filter(|r| r.unit.as_ref() == Some(&u.id)).for_each(|r| sums.add(r));
                Ranked { id: Some(u.id.clone()), label: row_label(ctx, &u.label, &u.id), cell: sums.total() }
            })
            .collect();
        return (RankBy::Unit, rows);
    }
    if caseload.records.iter().any(|r| r.category.is_some()) {
        let rows = caseload
            .categories
            .iter()
            .filter(|c| caseload.records.iter().any(|r| r.category.as_ref() == Some(&c.id)))
            .map(|c| {
                let mut cell = Cell::default();
                at_latest().filter(|r| r.category.as_ref() == Some(&c.id)).for_each(|r| cell.add(r.value));
                Ranked { id: Some(c.id.clone()), label: row_label(ctx, &c.label, &c.id), cell }
            })
            .collect();
        return (RankBy::Category, rows);
    }
    let mut cell = Cell::default();
    at_latest().for_each(|r| cell.add(r.value));
    let label = measure.label.clone().unwrap_or_else(|| words.total.to_owned());
    (RankBy::Whole, vec![Ranked { id: None, label, cell }])
}

/// Draws the ranking view of a caseload feed.
pub(crate) fn render_ranking(ctx: &Context, caseload: &opeka_feed::Caseload) -> Scene {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let measure = MeasureText::of(ctx, caseload);
    let title = ctx.frame().title;
    let period = latest_period(caseload).map(|p| clean(&format_period(&p, lang))).unwrap_or_default();
    let (by, mut rows) = ranked_rows(ctx, caseload, &measure);
    sort_descending(&mut rows, |r| r.cell.value());

    let series_label = measure.label.clone().unwrap_or_else(|| words.total.to_owned());
    let bar_rows = rows
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
            None => BarRow {
                label: row.label.clone(),
                period: Some(period.clone()),
                segments: Vec::new(),
                end: words.not_reported.to_owned(),
                empty_mark: (series_label.clone(), format!("{}, {period}: {}", row.label, words.not_reported)),
            },
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
        empty_message: words.no_data.to_owned(),
    };

    let row_heading = match by {
        RankBy::Unit => words.unit,
        RankBy::Category | RankBy::Whole => words.category,
    };
    let table = DataTable {
        caption: match &axis_title {
            Some(axis) => format!("{title} ({axis})"),
            None => title.clone(),
        },
        columns: vec![row_heading.to_owned(), axis_title.clone().unwrap_or_else(|| words.total.to_owned())],
        rows: rows
            .iter()
            .map(|r| vec![r.label.clone(), r.cell.value().map_or_else(|| words.not_reported.to_owned(), |v| measure.number(v, lang))])
            .collect(),
    };
    let mut summary = ranking_summary(ctx, &title, by, &rows, &period, &|v| measure.value(v, lang), words.bar_chart);
    let reported: Vec<f64> = rows.iter().filter_map(|r| r.cell.value()).collect();
    if reported.len() > 1 {
        summary.push_str(&format!(" {}: {}.", words.total, measure.value(reported.iter().sum(), lang)));
    }
    draw_bars(ctx, &bars, summary, table)
}

/// "{title}. Столбчатая диаграмма: 10 территорий, июнь 2018. Больше всего —
/// A: …; меньше всего — B: …. Всего: …. Нет данных: C."
pub(super) fn ranking_summary(
    ctx: &Context,
    title: &str,
    by: RankBy,
    rows: &[Ranked],
    period: &str,
    value: &dyn Fn(f64) -> String,
    chart_kind: &str,
) -> String {
    let words = strings(ctx.lang);
    let drawn: Vec<(&str, f64)> = rows.iter().filter_map(|r| r.cell.value().map(|v| (r.label.as_str(), v))).collect();
    if rows.is_empty() {
        return format!("{title}. {}.", capitalise(words.no_data));
    }
    let count = match by {
        RankBy::Unit => format!("{}, ", count_noun(rows.len(), words.unit_forms, ctx.lang)),
        RankBy::Category => format!("{}, ", count_noun(rows.len(), words.category_forms, ctx.lang)),
        RankBy::Whole => String::new(),
    };
    let mut out = format!("{title}. {chart_kind}: {count}{period}.");
    if let (Some(first), Some(last)) = (drawn.first(), drawn.last()) {
        if drawn.len() == 1 {
            out.push_str(&format!(" {} — {}.", first.0, value(first.1)));
        } else {
            out.push_str(&format!(
                " {} — {}: {}; {} — {}: {}.",
                capitalise(words.highest),
                first.0,
                value(first.1),
                words.lowest,
                last.0,
                value(last.1)
            ));
        }
    }
    let missing: Vec<&str> = rows.iter().filter(|r| r.cell.value().is_none()).map(|r| r.label.as_str()).collect();
    if !missing.is_empty() {
        out.push_str(&format!(" {}: {}.", capitalise(words.not_reported), missing.join(", ")));
    }
    out
}
