//! `composition`: stacked horizontal bars of categories, one bar per unit in
//! the latest period, largest first; or, when no record names a unit, one
//! bar per period, earliest at the top.
//!
//! Each category keeps its colour and its marker, which is knocked out of
//! its segments (where they are wide enough) and of its legend swatch, so
//! that no meaning rides on colour alone; segments are parted by thin gaps
//! and carry their value where it fits, the bar its total at the end.
//!
//! A row's records without a category stand for its whole: they are drawn
//! (as "Всего") only for a row that has no category records. A `null`
//! category is left out of its bar and written "нет данных" in the table; a
//! row with nothing reported has no bar but "нет данных".

use opeka_feed::collections::sorted_map::SortedMap;
use opeka_feed::locale::Msg;
use opeka_feed::locale::{format_period, format_value, upper_first};
use opeka_feed::Format;

use crate::parts::bars::{draw_bars, drawn_rows, BarRow, BarSeries, Bars, Segment};
use crate::scene::Scene;
use crate::table::DataTable;
use crate::text::clean;
use opeka_feed::locale::words as strings;

use super::rows::{latest_period, named_ids, records_by, row_label, sort_descending, with_suffix, Cell, MeasureText, RowSums};
use super::Context;

/// The most categories a stacked bar tells apart by colour and marker;
/// beyond it the smallest are drawn together as «Другое». It also bounds
/// the table, which would otherwise have a cell for every unit and every
/// category (10¹⁰ for 100 000 of each).
const MAX_CATEGORIES: usize = 12;

/// The key of the folded categories: not a feed id (`[a-z0-9-]`), so it
/// meets no category.
const FOLDED: &str = "_other";

/// A bar before drawing.
struct Stack {
    label: String,
    sums: RowSums,
}

impl Stack {
    /// The cell of a series: a category's, or (`None`) the whole's when
    /// the row has no categories.
    fn cell(&self, key: &Option<String>) -> Option<Cell> {
        match key {
            Some(id) => self.sums.parts.get(id).copied(),
            None if !self.sums.by_parts() && self.sums.whole.reported + self.sums.whole.missing > 0 => Some(self.sums.whole),
            None => None,
        }
    }
}

/// Draws the composition view of a caseload feed.
pub(crate) fn render_composition(ctx: &Context, caseload: &opeka_feed::Caseload) -> Scene {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let measure = MeasureText::of(ctx, caseload);
    let title = ctx.frame().title;
    let latest = latest_period(caseload);
    let latest_text = latest.map(|p| clean(&format_period(&p, lang))).unwrap_or_default();
    let by_unit = caseload.records.iter().any(|r| r.unit.is_some());

    // Records grouped once, looked up per row: a scan of every record per
    // unit (or per day) is quadratic.
    let mut stacks: Vec<Stack> = if by_unit {
        let named = named_ids(caseload, |r| r.unit.as_deref());
        let latest_by_unit = records_by(caseload.records.iter().filter(|r| Some(r.period) == latest), |r| r.unit.as_deref());
        caseload
            .units
            .iter()
            .filter(|u| named.contains_key(u.id.as_str()))
            .map(|u| {
                let sums = RowSums::of(latest_by_unit.get(u.id.as_str()).map_or(&[], Vec::as_slice));
                Stack { label: row_label(ctx, &u.label, &u.id), sums }
            })
            .collect()
    } else {
        // Each period once, in order.
        let by_period =
            SortedMap::from_folded(caseload.records.iter().map(|r| (r.period, r)).collect(), |group: &mut Vec<_>, r| group.push(r));
        by_period.iter().map(|(p, records)| Stack { label: clean(&format_period(p, lang)), sums: RowSums::of(records) }).collect()
    };
    if by_unit {
        sort_descending(&mut stacks, |s| s.sums.total().value());
    }

    let folded = fold_categories(&mut stacks, &caseload.categories);

    // The series: categories in declared order, then the whole if any row falls back to it.
    let drawn: SortedMap<&str, usize> =
        SortedMap::from_pairs(stacks.iter().flat_map(|s| s.sums.parts.keys().map(|k| (k.as_str(), 0))).collect());
    let mut keys: Vec<(Option<String>, String)> = caseload
        .categories
        .iter()
        .filter(|c| drawn.contains_key(c.id.as_str()))
        .map(|c| (Some(c.id.clone()), row_label(ctx, &c.label, &c.id)))
        .collect();
    if folded > 0 {
        keys.push((Some(FOLDED.to_owned()), Msg::Other.text(lang)));
    }
    if stacks.iter().any(|s| s.cell(&None).is_some()) {
        let label = match (&measure.label, keys.is_empty()) {
            (Some(label), true) => label.clone(),
            _ => Msg::Total.text(lang),
        };
        keys.push((None, label));
    }
    let series: Vec<BarSeries> = keys
        .iter()
        .enumerate()
        .map(|(i, (_, label))| BarSeries { label: label.clone(), colour: ctx.style.series_colour(i), marker: ctx.style.series_marker(i) })
        .collect();

    let prefix =
        |stack: &Stack| if by_unit && !latest_text.is_empty() { format!("{}, {latest_text}", stack.label) } else { stack.label.clone() };
    let (drawn_range, cap_note) = drawn_rows(stacks.len(), !by_unit, lang);
    let rows: Vec<BarRow> = stacks[drawn_range]
        .iter()
        .map(|stack| {
            let segments: Vec<Segment> = keys
                .iter()
                .enumerate()
                .filter(|&(i, _)| !ctx.is_hidden(i))
                .filter_map(|(i, (key, label))| {
                    let cell = stack.cell(key)?;
                    let value = cell.value()?;
                    let mut mark = format!("{}, {label}: {}", prefix(stack), measure.value(value, lang));
                    if cell.missing > 0 {
                        mark = format!("{mark} {}", words.incomplete);
                    }
                    Some(Segment {
                        series: i,
                        value,
                        text: measure.number(value, lang),
                        mark,
                        unit: measure.quantity.unit_for(value, lang),
                    })
                })
                .collect();
            // With series hidden, the bar ends at what is shown, and so does its number.
            let shown = segments.iter().map(|s| s.value).sum::<f64>();
            let end = if ctx.hidden == 0 { stack.sums.total().value() } else { Some(shown) }.filter(|_| !segments.is_empty());
            BarRow {
                label: stack.label.clone(),
                period: if by_unit { Some(latest_text.clone()).filter(|p| !p.is_empty()) } else { Some(stack.label.clone()) },
                segments,
                end: end.map_or_else(|| Msg::NotReported.text(lang), |v| measure.number(v, lang)),
                empty_mark: (String::new(), format!("{}: {}", prefix(stack), Msg::NotReported.text(lang))),
            }
        })
        .collect();
    let axis_title = if by_unit && !latest_text.is_empty() { Some(with_suffix(measure.title(), &latest_text)) } else { measure.title() };
    let bars = Bars {
        series,
        rows,
        axis_title: axis_title.clone(),
        format: measure.format,
        whole: measure.format == Format::Count,
        footnote: (folded > 0).then(|| Msg::OtherCategories(folded).text(lang)),
        left_out: cap_note,
        empty_message: words.no_data.to_owned(),
    };

    let mut columns = vec![if by_unit { words.unit.to_owned() } else { Msg::Period.text(lang) }];
    columns.extend(keys.iter().map(|(_, label)| label.clone()));
    let with_total = keys.len() > 1;
    if with_total {
        columns.push(Msg::Total.text(lang));
    }
    let number = |cell: Option<Cell>| cell.and_then(|c| c.value()).map_or_else(|| Msg::NotReported.text(lang), |v| measure.number(v, lang));
    let table_rows = stacks
        .iter()
        .map(|stack| {
            let mut row = vec![stack.label.clone()];
            row.extend(keys.iter().map(|(key, _)| number(stack.cell(key))));
            if with_total {
                row.push(number(Some(stack.sums.total())));
            }
            row
        })
        .collect();
    let note = ctx.hidden_note(keys.iter().map(|(_, label)| label.as_str()));
    let table = DataTable {
        caption: match &axis_title {
            Some(axis) => format!("{title} ({axis}){note}"),
            None => format!("{title}{note}"),
        },
        columns,
        rows: table_rows,
        more_rows: 0,
    };
    let summary = composition_summary(ctx, &title, &stacks, &keys, by_unit, &latest_text, &measure) + &note;
    draw_bars(ctx, &bars, summary, table)
}

/// Folds every category but the `MAX_CATEGORIES - 1` largest (summed
/// over every row; of equal sums the one declared first stays) into
/// [`FOLDED`] in each row, and returns how many were folded: none when
/// they all fit.
fn fold_categories(stacks: &mut [Stack], declared: &[opeka_feed::Category]) -> usize {
    // Summed as a row's categories are (one copy of the map's code).
    let totals = SortedMap::from_folded(
        stacks.iter().flat_map(|s| s.sums.parts.iter().map(|(id, cell)| (id.clone(), cell.value()))).collect(),
        |total: &mut Cell, value| total.add(value),
    );
    if totals.len() <= MAX_CATEGORIES {
        return 0;
    }
    // By index into `declared`, as the trend ranks its lines (one copy of the sort).
    let mut ranked: Vec<(usize, Option<f64>)> =
        declared.iter().enumerate().filter_map(|(i, c)| Some((i, Some(totals.get(c.id.as_str())?.sum)))).collect();
    sort_descending(&mut ranked, |r| r.1);
    let kept = SortedMap::from_pairs(ranked.iter().take(MAX_CATEGORIES - 1).map(|r| (declared[r.0].id.as_str(), r.0)).collect());
    for stack in stacks.iter_mut() {
        let mut other = Cell::default();
        for (id, cell) in stack.sums.parts.iter() {
            if !kept.contains_key(id.as_str()) {
                other.merge(cell);
            }
        }
        stack.sums.parts.retain(|id, _| kept.contains_key(id.as_str()));
        if other.reported + other.missing > 0 {
            stack.sums.parts.insert(FOLDED.to_owned(), other);
        }
    }
    totals.len() - kept.len()
}

fn composition_summary(
    ctx: &Context,
    title: &str,
    stacks: &[Stack],
    keys: &[(Option<String>, String)],
    by_unit: bool,
    latest: &str,
    measure: &MeasureText,
) -> String {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    if stacks.is_empty() {
        return format!("{title}. {}.", upper_first(words.no_data));
    }
    let rows = if by_unit {
        format!("{}, {latest}", opeka_feed::locale::count_noun((stacks.len()) as f64, opeka_feed::locale::Noun::Territory, lang))
    } else {
        let span = match (stacks.first(), stacks.last()) {
            (Some(a), Some(b)) if stacks.len() > 1 => format!(" ({} — {})", a.label, b.label),
            _ => String::new(),
        };
        format!("{}{span}", opeka_feed::locale::count_noun((stacks.len()) as f64, opeka_feed::locale::Noun::Period, lang))
    };
    let mut out = format!(
        "{title}. {}: {rows}, {}.",
        words.stacked_bar_chart,
        opeka_feed::locale::count_noun((keys.len()) as f64, opeka_feed::locale::Noun::Category, lang)
    );
    let totals: Vec<(&str, f64)> = stacks.iter().filter_map(|s| s.sums.total().value().map(|v| (s.label.as_str(), v))).collect();
    if let Some((label, value)) = totals.iter().copied().reduce(|a, b| if b.1 > a.1 { b } else { a }) {
        out.push_str(&format!(" {} — {label}: {}.", upper_first(words.highest), measure.value(value, lang)));
    }
    // The largest category in the latest period: summed over the units, or the last period's bar.
    let latest_stacks: &[Stack] = if by_unit { stacks } else { stacks.last().map(std::slice::from_ref).unwrap_or_default() };
    let when = if by_unit { latest.to_owned() } else { stacks.last().map(|s| s.label.clone()).unwrap_or_default() };
    let by_key: Vec<(&str, f64)> = keys
        .iter()
        .map(|(key, label)| (label.as_str(), latest_stacks.iter().filter_map(|s| s.cell(key).and_then(|c| c.value())).sum::<f64>()))
        .collect();
    let all: f64 = by_key.iter().map(|k| k.1).sum();
    if keys.len() > 1 {
        if let Some((label, value)) = by_key.iter().copied().reduce(|a, b| if b.1 > a.1 { b } else { a }) {
            let share = if all > 0.0 {
                format!(" ({})", clean(&format_value((value / all * 100.0).round(), Format::Percent, lang)))
            } else {
                String::new()
            };
            out.push_str(&format!(" {} ({when}) — {label}: {}{share}.", upper_first(words.largest_category), measure.value(value, lang)));
        }
    }
    if by_unit && totals.len() > 1 {
        out.push_str(&format!(" {}: {}.", Msg::Total.text(lang), measure.value(totals.iter().map(|t| t.1).sum(), lang)));
    }
    out
}
