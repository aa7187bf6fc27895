//! `breakdown`: horizontal bars of award counts by award type, split into
//! stacked segments by group.
//!
//! Counts come from `grants`; a feed with only `recipients` counts them one
//! each. A grant without `award` is "Другое / не указано", drawn last and
//! counted in the totals; a grant without `group` among grouped ones is a
//! segment of its own under the same words. Bars are sorted by count, the
//! largest first. Wide charts put the award labels in a column left of the
//! bars; narrow ones put each label above its bar.

use opeka_feed::collections::sorted_map::SortedMap;
use opeka_feed::locale::join;
use opeka_feed::locale::{count_noun, format_value, upper_first, Msg, Noun};
use opeka_feed::{Awards, Format};

use crate::parts::legend::Legend;
use crate::scale::LinearScale;
use crate::scene::{Align, Mark, Scene, Shape, TextRole};
use crate::table::DataTable;
use crate::text::clean;
use crate::theme::{MarkerShape, Rgb, TextSize};
use opeka_feed::locale::words as strings;

use super::texts::{award_label, award_meta, event_sentence, AwardTypes, Block};
use super::Context;
use crate::views::more::{draw_more, fill};

/// Below this inner width labels go above their bars.
const SIDE_BY_SIDE_MIN: f64 = 520.0;

/// A group: one stacked segment of every bar.
struct Segment {
    key: Option<String>,
    label: String,
    colour: Rgb,
    marker: MarkerShape,
}

/// One bar: an award type and its count per segment.
struct Row {
    key: Option<String>,
    label: String,
    level: Option<String>,
    category: Option<String>,
    meta: Option<String>,
    counts: Vec<u64>,
    total: u64,
}

/// The awards reduced to what the breakdown draws.
struct BreakdownData {
    rows: Vec<Row>,
    segments: Vec<Segment>,
    /// Whether the bars are split by group (and a legend is drawn).
    grouped: bool,
    total: u64,
}

fn breakdown_data(ctx: &Context, awards: &Awards) -> BreakdownData {
    // (award, group, count): grants, or each recipient once.
    let items: Vec<(Option<&str>, Option<&str>, u64)> = if awards.grants.is_empty() {
        awards.recipients.iter().map(|r| (r.award.as_deref(), None, 1)).collect()
    } else {
        awards.grants.iter().map(|g| (g.award.as_deref(), g.group.as_deref(), g.count)).collect()
    };
    // Ids looked up in indices built once: a scan of the types, groups or
    // items for each item or type is quadratic on 200 000 of them.
    let types = AwardTypes::of(awards);
    let groups = SortedMap::from_pairs(awards.groups.iter().enumerate().map(|(i, g)| (g.id.as_str(), i)).collect());
    let named = SortedMap::from_pairs(items.iter().enumerate().filter_map(|(i, &(_, g, _))| Some((g?, i))).collect());
    let awarded = SortedMap::from_pairs(items.iter().enumerate().filter_map(|(i, &(a, _, _))| Some((a?, i))).collect());
    // An award or group id that is not declared (the validator refuses it) counts as not specified.
    let award_key = |id: Option<&str>| types.get(id).map(|t| t.id.clone());
    let group_key = |id: Option<&str>| id.filter(|id| groups.contains_key(*id)).map(str::to_owned);

    let grouped = items.iter().any(|&(_, g, _)| group_key(g).is_some());
    let mut segments = Vec::new();
    if grouped {
        let mut keys: Vec<(Option<String>, String)> =
            awards.groups.iter().filter(|g| named.contains_key(g.id.as_str())).map(|g| (Some(g.id.clone()), ctx.text(&g.label))).collect();
        if items.iter().any(|&(_, g, _)| group_key(g).is_none()) {
            keys.push((None, Msg::OtherNotSpecified.text(ctx.lang)));
        }
        for (n, (key, label)) in keys.into_iter().enumerate() {
            segments.push(Segment { key, label, colour: ctx.style.series_colour(n), marker: ctx.style.series_marker(n) });
        }
    } else {
        segments.push(Segment {
            key: None,
            label: Msg::Total.text(ctx.lang),
            colour: ctx.style.series_colour(0),
            marker: ctx.style.series_marker(0),
        });
    }

    let mut keys: Vec<Option<String>> =
        awards.award_types.iter().filter(|t| awarded.contains_key(t.id.as_str())).map(|t| Some(t.id.clone())).collect();
    if items.iter().any(|&(a, _, _)| award_key(a).is_none()) {
        keys.push(None);
    }
    let mut rows: Vec<Row> = keys
        .into_iter()
        .map(|key| {
            let t = types.get(key.as_deref());
            Row {
                label: award_label(ctx, &types, key.as_deref()),
                level: t.map(|t| Msg::Level(t.level).text(ctx.lang)),
                category: t.map(|t| Msg::AwardCategory(t.category).text(ctx.lang)),
                meta: t.map(|t| award_meta(ctx.lang, t)),
                counts: vec![0; segments.len()],
                total: 0,
                key,
            }
        })
        .collect();
    // Each row and segment by key, found by binary search (`None` sorts first).
    // A row's key is a declared type's id (or `None`): borrowed from the feed, not the rows, which are counted into.
    let (row_of, row_none) = by_key(rows.iter().map(|r| types.get(r.key.as_deref()).map(|t| t.id.as_str())));
    let (segment_of, segment_none) = by_key(segments.iter().map(|s| s.key.as_deref()));
    let mut total = 0u64;
    for &(award, group, count) in &items {
        let award = award_key(award);
        let group = if grouped { group_key(group) } else { None };
        let Some(&r) = award.as_deref().map_or(row_none.as_ref(), |id| row_of.get(id)) else { continue };
        let row = &mut rows[r];
        let Some(&s) = group.as_deref().map_or(segment_none.as_ref(), |id| segment_of.get(id)) else { continue };
        row.counts[s] = row.counts[s].saturating_add(count);
        row.total = row.total.saturating_add(count);
        total = total.saturating_add(count);
    }
    // The largest first; "not specified" last whatever its count.
    opeka_feed::collections::order::sort_stable_by_key(&mut rows, |r| (r.key.is_none(), std::cmp::Reverse(r.total)));
    BreakdownData { rows, segments, grouped, total }
}

/// Where each key is in a list of keys: the ids by binary search, and
/// `None` apart (of repeated keys the first, as a scan finds it). Keyed by
/// `&str`, like the other id maps, so the bundle has one copy of the code.
fn by_key<'a>(keys: impl DoubleEndedIterator<Item = Option<&'a str>> + ExactSizeIterator) -> (SortedMap<&'a str, usize>, Option<usize>) {
    let mut none = None;
    let mut ids = Vec::new();
    for (i, key) in keys.enumerate().rev() {
        match key {
            Some(id) => ids.push((id, i)),
            None => none = Some(i),
        }
    }
    (SortedMap::from_pairs(ids), none)
}

fn count_text(n: u64, lang: opeka_feed::Lang) -> String {
    clean(&format_value(n as f64, Format::Count, lang))
}

/// A row laid out: its label lines and its heights.
struct RowLayout {
    label: Block,
    meta: Option<Block>,
    count: String,
    /// The row's height without the gap under it.
    height: f64,
}

/// Draws the breakdown view of an awards feed.
pub(crate) fn render_breakdown(ctx: &Context, awards: &Awards) -> Scene {
    let data = breakdown_data(ctx, awards);
    let words = strings(ctx.lang);
    let style = ctx.style;
    let mut frame = ctx.frame();
    // The readings tell every group, and which are hidden; the bars only the shown ones.
    let table = data_table(ctx, &data);
    let summary = summary(ctx, awards, &data, &frame.title);
    let data = without_hidden(ctx, data);
    let label_font = ctx.font(TextSize::Label);
    let small_font = ctx.font(TextSize::Small);
    let inner_w = ctx.width - 2.0 * frame.padding;
    let gap = style.gap();

    let legend = data
        .grouped
        .then(|| Legend::of_series(ctx, data.segments.iter().map(|s| (s.label.as_str(), s.colour, s.marker)), inner_w, label_font));
    let legend_h = legend.as_ref().map_or(0.0, |l| l.height() + gap);

    let side = inner_w >= SIDE_BY_SIDE_MIN;
    let label_w = if side { (inner_w * 0.38).clamp(120.0, 360.0).round() } else { inner_w };
    let bar_h = (label_font.line_height() * 1.3).round();
    let count_w = data.rows.iter().map(|r| label_font.width(ctx.measure, &count_text(r.total, ctx.lang))).fold(0.0, f64::max);
    let row_gap = if side { gap } else { (gap * 1.5).round() };
    let layouts: Vec<RowLayout> = data
        .rows
        .iter()
        .map(|row| {
            let label = Block::wrapped(ctx, &row.label, label_font, label_w, 2, false);
            let meta = row.meta.as_ref().map(|m| Block::wrapped(ctx, m, small_font, label_w, 1, true));
            let block = label.height() + meta.as_ref().map_or(0.0, Block::height);
            let height = if side { block.max(bar_h) } else { block + 2.0 + bar_h };
            RowLayout { label, meta, count: count_text(row.total, ctx.lang), height }
        })
        .collect();
    let rows_h: f64 = layouts.iter().map(|l| l.height + row_gap).sum();
    let content_h = if data.rows.is_empty() { 3.0 * label_font.line_height() } else { legend_h + rows_h };
    let natural = frame.chrome_height(style) + content_h;
    let first_row = layouts.first().map_or(label_font.line_height(), |l| l.height);
    let height = ctx.fit(&mut frame, natural, first_row);

    let mut canvas = ctx.canvas(height);
    'draw: {
        let canvas = &mut canvas;
        let area = frame.draw(canvas);
        if data.rows.is_empty() {
            canvas.message(words.no_data, area.x + area.w / 2.0, (area.y + area.bottom()) / 2.0 - label_font.size, area.w, label_font);
            break 'draw;
        }
        let mut y = area.y;
        if let Some(legend) = legend.as_ref().filter(|_| area.h >= legend_h + first_row) {
            legend.draw(canvas, area.x, y, style);
            y += legend_h;
        }
        // How many rows fit; when not all, room is kept for the note saying how many are left out.
        let note_h = small_font.line_height();
        let mut shown = 0;
        let mut bottom = y;
        for l in &layouts {
            if bottom + l.height > area.bottom() + 0.01 {
                break;
            }
            bottom += l.height + row_gap;
            shown += 1;
        }
        if shown < layouts.len() {
            while shown > 0 && y + layouts[..shown].iter().map(|l| l.height + row_gap).sum::<f64>() + note_h > area.bottom() + 0.01 {
                shown -= 1;
            }
        }
        // Spare height (a default-height canvas) spreads the rows a little.
        let used: f64 = layouts[..shown].iter().map(|l| l.height + row_gap).sum();
        let spare = if shown == layouts.len() { (area.bottom() - y - used).max(0.0) } else { 0.0 };
        let extra = (spare / shown.max(1) as f64).min(bar_h).floor();

        let bar_x0 = if side { area.x + label_w + 2.0 * gap } else { area.x };
        let bar_max_w = (area.right() - bar_x0 - count_w - gap / 2.0).max(1.0);
        let max_total = data.rows.iter().map(|r| r.total).max().unwrap_or(0).max(1) as f64;
        let x_scale = LinearScale::new(0.0, max_total, bar_x0, bar_max_w);
        let mut baseline: Option<(f64, f64)> = None;
        for (row, l) in data.rows.iter().zip(&layouts).take(shown) {
            let block_h = l.label.height() + l.meta.as_ref().map_or(0.0, Block::height);
            let (label_y, bar_y) = if side {
                let row_h = l.height;
                ((y + (row_h - block_h) / 2.0).round(), (y + (row_h - bar_h) / 2.0).round())
            } else {
                (y, y + block_h + 2.0)
            };
            let under = l.label.draw(canvas, area.x, label_y);
            if let Some(meta) = &l.meta {
                meta.draw(canvas, area.x, under);
            }
            // Segments, left to right, at cumulative positions so that they abut.
            let nonzero = row.counts.iter().filter(|&&c| c > 0).count();
            let mut cumulative = 0u64;
            let mut x_end = bar_x0;
            for (k, (segment, &count)) in data.segments.iter().zip(&row.counts).enumerate() {
                if count == 0 {
                    continue;
                }
                // Lengths stay exact in the scene; the writer rounds edges to pixels.
                let start = cumulative;
                let x0 = x_scale.px(cumulative as f64);
                cumulative = cumulative.saturating_add(count);
                let x1 = x_scale.px(cumulative as f64);
                let w = x1 - x0;
                // A hairline of background between abutting segments.
                // At least a pixel, so that a count of 1 among thousands still shows.
                let drawn_w = if nonzero > 1 && w > 3.0 { w - 1.0 } else { w.max(1.0) };
                canvas.rect(x0, bar_y, drawn_w, bar_h, segment.colour);
                if data.grouped && drawn_w >= 4.0 * style.marker_radius {
                    canvas.marker(segment.marker, x0 + drawn_w / 2.0, bar_y + bar_h / 2.0, style.marker_radius * 0.8, style.background);
                }
                let amount = count_noun(count as f64, Noun::Award, ctx.lang);
                let (series, label) = if data.grouped {
                    (segment.label.clone(), format!("{}, {}: {amount}", row.label, segment.label))
                } else {
                    (row.label.clone(), format!("{}: {amount}", row.label))
                };
                let mut mark = Mark::new(series, &row.label, label, Shape::Bar { x: x0, y: bar_y, w, h: bar_h, horizontal: true });
                mark.series_index = k;
                mark.value = Some(count as f64);
                mark.baseline = Some(start as f64);
                canvas.mark(mark);
                x_end = x1;
            }
            if side {
                baseline = Some((baseline.map_or(bar_y, |(top, _)| top), bar_y + bar_h));
            } else {
                // Stacked under their labels, each bar gets its own stretch of the zero line.
                canvas.vline(bar_x0 - 0.5, bar_y - 2.0, bar_y + bar_h + 2.0, 1.0, style.axis);
            }
            let count_x = x_end + gap / 2.0;
            let count_y = bar_y + ((bar_h - label_font.line_height()) / 2.0).round();
            let count_box = canvas.text(TextRole::Value, &l.count, count_x, count_y, label_font, style.foreground, Align::Start);
            if row.total == 0 {
                // Nothing drawn but the "0": the mark covers it.
                let x = count_box.map_or(count_x, |b| b.x);
                let label = format!("{}: {}", row.label, count_noun(0.0, Noun::Award, ctx.lang));
                let mut mark = Mark::new(&row.label, &row.label, label, Shape::Bar { x, y: bar_y, w: 0.0, h: bar_h, horizontal: true });
                mark.value = Some(0.0);
                mark.baseline = Some(0.0);
                canvas.mark(mark);
            }
            y += l.height + row_gap + extra;
        }
        // The zero line the bars grow from.
        if let Some((top, bottom)) = baseline {
            canvas.vline(bar_x0 - 0.5, top - 2.0, bottom + 2.0, 1.0, style.axis);
        }
        if shown < layouts.len() {
            draw_more(canvas, ctx, &area, y, layouts.len() - shown, Noun::AwardType);
        }
    }

    canvas.finish(&frame.title, summary, table)
}

/// `data` with the hidden groups' counts taken out of the bars and their
/// totals; the rows keep their order, so nothing jumps when a group hides.
fn without_hidden(ctx: &Context, mut data: BreakdownData) -> BreakdownData {
    if !data.grouped || ctx.hidden == 0 {
        return data;
    }
    for row in &mut data.rows {
        for (k, count) in row.counts.iter_mut().enumerate() {
            if ctx.is_hidden(k) {
                *count = 0;
            }
        }
        row.total = row.counts.iter().fold(0u64, |sum, &c| sum.saturating_add(c));
    }
    data
}

fn data_table(ctx: &Context, data: &BreakdownData) -> DataTable {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let mut columns = vec![words.award.to_owned(), words.level.to_owned(), words.award_category.to_owned()];
    if data.grouped {
        columns.extend(data.segments.iter().map(|s| s.label.clone()));
    }
    columns.push(Msg::Total.text(lang));
    let dash = || "—".to_owned();
    let mut rows: Vec<Vec<String>> = data
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![r.label.clone(), r.level.clone().unwrap_or_else(dash), r.category.clone().unwrap_or_else(dash)];
            if data.grouped {
                cells.extend(r.counts.iter().map(|&c| count_text(c, lang)));
            }
            cells.push(count_text(r.total, lang));
            cells
        })
        .collect();
    if !data.rows.is_empty() {
        let mut cells = vec![Msg::Total.text(lang), String::new(), String::new()];
        if data.grouped {
            cells.extend(
                (0..data.segments.len()).map(|s| count_text(data.rows.iter().fold(0u64, |sum, r| sum.saturating_add(r.counts[s])), lang)),
            );
        }
        cells.push(count_text(data.total, lang));
        rows.push(cells);
    }
    let note = if data.grouped { ctx.hidden_note(data.segments.iter().map(|s| s.label.as_str())) } else { String::new() };
    let caption = format!("{} ({}){note}", ctx.text(&ctx.feed.title), count_noun(data.total as f64, Noun::Award, lang));
    DataTable { caption, columns, rows, more_rows: 0 }
}

fn summary(ctx: &Context, awards: &Awards, data: &BreakdownData, title: &str) -> String {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let mut out = format!("{title}.");
    if let Some(event) = event_sentence(ctx, awards) {
        out.push_str(&format!(" {event}"));
    }
    if data.rows.is_empty() {
        out.push_str(&format!(" {}.", upper_first(words.no_data)));
        return out;
    }
    out.push_str(&format!(
        " {}: {}. {}.",
        words.bar_chart,
        count_noun((data.rows.len()) as f64, Noun::AwardType, lang),
        fill(words.total_count, &count_noun(data.total as f64, Noun::Award, lang)),
    ));
    let items: Vec<String> = data.rows.iter().map(|r| format!("{} — {}", r.label, count_text(r.total, lang))).collect();
    out.push_str(&format!(" {}: {}.", words.by_award, join(&items, "; ")));
    if data.grouped {
        let groups: Vec<String> = data
            .segments
            .iter()
            .enumerate()
            .map(|(s, seg)| {
                let n = data.rows.iter().fold(0u64, |sum, r| sum.saturating_add(r.counts[s]));
                format!("{} — {}", seg.label, count_text(n, lang))
            })
            .collect();
        out.push_str(&format!(" {}: {}.", words.by_group, join(&groups, "; ")));
        out.push_str(&ctx.hidden_note(data.segments.iter().map(|s| s.label.as_str())));
    }
    out
}
