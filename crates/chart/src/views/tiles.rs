//! `tiles` (every kind): large-type figures for a page header or an
//! exhibition screen.
//!
//! The feed's `headline` figures, when it has any; otherwise figures derived
//! from the data: caseload — the total of each category in the latest
//! period; awards — the overall total and the count of each award type;
//! outcomes — one tile per indicator with its project's name, the latest
//! actual and its verdict against the target or baseline.
//!
//! Tiles flow in a grid of one column at 320 px up to four at 1920 px; tiles
//! in a row share its height. Type scales with the tile width and, when the
//! canvas has room to spare (a slide, an exhibition screen), grows to fill
//! it; when an explicit height is too small it shrinks, and rows that still
//! do not fit are left out (the table keeps them; the summary reads out the
//! first 50 tiles and counts the rest).

use opeka_feed::locale::join;
use opeka_feed::locale::{format_compact, format_period, format_value, Msg, Noun};
use opeka_feed::{Awards, Body, Caseload, Figure, Format, Lang, Outcomes, Period};

use crate::parts::axis::period_ordinal;
use crate::scene::{Align, Mark, Scene, Shape, TextRole};
use crate::table::DataTable;
use crate::text::{clean, ellipsize, wrap, Font, Quantity};
use crate::theme::{Rgb, Style, TextSize};
use opeka_feed::locale::words as strings;

use super::more::{more_text, SUMMARY_ITEMS};
use super::outcomes::Point;
use super::Context;
use super::MAX_SIDE;

/// The most columns, reached on wide canvases.
const MAX_COLUMNS: usize = 4;
/// The narrowest a tile gets before the grid drops a column (before the theme's text scale).
const MIN_TILE_WIDTH: f64 = 220.0;
/// Type scales tried when the canvas has room to spare or too little.
const MAX_SCALE: f64 = 2.5;
const MIN_SCALE: f64 = 0.6;
const SCALE_STEP: f64 = 0.05;
/// The most tiles a grid lays out: four columns of rows while those before
/// fit the largest canvas, each row as tall as a tile's padding above and
/// below (12 px at the smallest text scale, `Fonts::padding`) and its
/// figure's line (15 px: type of 12 px at least, `fit_number_text`).
const MOST_TILES: usize = MAX_COLUMNS * (MAX_SIDE as usize / (2 * 12 + 15) + 1);
/// A headline note of at most this many words and characters is a qualifier
/// written before the number ("более", "more than"); a longer one is a comment
/// written under the label ("почти каждый третий кузбассовец").
const QUALIFIER_WORDS: usize = 2;
const QUALIFIER_CHARS: usize = 20;

/// One tile's content, before layout.
#[derive(Clone, Debug, Default)]
struct Tile {
    /// A small line above the figure: the project, the period.
    kicker: Option<String>,
    /// A qualifier before the number.
    note: Option<String>,
    /// The figure; `None` is "not reported".
    value: Option<(f64, Format)>,
    /// The unit after the number.
    unit: Option<String>,
    /// The whole the figure is a share of, in words: `из 2 650 000 (38 %)`.
    of: Option<String>,
    /// What the figure counts.
    label: String,
    /// A verdict in bold under the label.
    remark: Option<String>,
    /// Secondary lines under everything (a comment; the target, the baseline).
    detail: Vec<String>,
    /// The mark's series.
    series: String,
    /// The mark's label: the tile in one readable line.
    mark_label: String,
    /// The tile's row in the data table.
    row: Vec<String>,
}

/// The tiles of a feed and the columns of their table.
struct TileSet<'a> {
    /// The tiles written so far, in order: all of them, or for an outcomes
    /// feed those a grid, the summary or the table has reached
    /// ([`TileSet::reach`]).
    tiles: Vec<Tile>,
    /// How many tiles there are.
    count: usize,
    columns: Vec<String>,
    /// Writes the tile at an index, for an outcomes feed: a register of
    /// 2 000 projects wrote 844 tiles' texts (the most the largest canvas
    /// can hold of any tiles), where its first grid lays out about 176
    /// (docs/performance.md, stop 55).
    write: Option<Box<dyn Fn(usize) -> Tile + 'a>>,
}

impl TileSet<'_> {
    /// A set of tiles all written.
    fn whole(tiles: Vec<Tile>, columns: Vec<String>) -> Self {
        TileSet { count: tiles.len(), tiles, columns, write: None }
    }

    /// Writes the tiles before index `end` that are not written yet.
    fn reach(&mut self, end: usize) {
        if let Some(write) = &self.write {
            while self.tiles.len() < end.min(self.count) {
                self.tiles.push(write(self.tiles.len()));
            }
        }
    }
}

/// A value written in full, cleaned for layout.
fn full(value: f64, format: Format, lang: Lang) -> String {
    clean(&format_value(value, format, lang))
}

/// `value unit`, or the value alone.
fn with_unit(value: &str, unit: Option<&str>) -> String {
    opeka_feed::locale::join_unit(value.to_owned(), unit.unwrap_or_default())
}

/// A non-empty cleaned text, or `None`.
fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

fn headline_tiles(ctx: &Context, figures: &[Figure]) -> TileSet<'static> {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let tiles = figures
        .iter()
        .map(|figure| {
            let label = ctx.text(&figure.label);
            let quantity = Quantity { format: figure.format, unit: figure.unit.clone(), locale: ctx.feed.locale };
            let unit = figure.value.and_then(|v| quantity.unit_for(v, lang));
            let note = figure.note.as_ref().and_then(|n| non_empty(ctx.text(n)));
            let is_qualifier = |n: &String| n.split(' ').count() <= QUALIFIER_WORDS && n.chars().count() <= QUALIFIER_CHARS;
            let (qualifier, comment) = match note {
                Some(n) if is_qualifier(&n) => (Some(n), None),
                other => (None, other),
            };
            let of = match (figure.value, figure.of) {
                (Some(v), Some(whole)) => {
                    let share = if whole > 0.0 && v >= 0.0 {
                        let percent = v / whole * 100.0;
                        let rounded = if percent >= 10.0 { percent.round() } else { (percent * 10.0).round() / 10.0 };
                        format!(" ({})", full(rounded, Format::Percent, lang))
                    } else {
                        String::new()
                    };
                    Some(format!("{} {}{share}", words.of_whole, full(whole, figure.format, lang)))
                }
                _ => None,
            };
            let value_text = figure.value.map(|v| full(v, figure.format, lang));
            let mut spoken = match &value_text {
                Some(v) => {
                    let quantity = with_unit(v, unit.as_deref());
                    let mut parts: Vec<&str> = Vec::new();
                    parts.extend(qualifier.as_deref());
                    parts.push(&quantity);
                    parts.push(&label);
                    join(&parts, " ")
                }
                None => format!("{label}: {}", Msg::NotReported.text(lang)),
            };
            if let Some(of) = &of {
                spoken = format!("{spoken} ({of})");
            }
            if let Some(comment) = &comment {
                spoken = format!("{spoken} — {comment}");
            }
            let value_cell = match &value_text {
                Some(v) => {
                    let with = with_unit(v, unit.as_deref());
                    let with = match &qualifier {
                        Some(q) => format!("{q} {with}"),
                        None => with,
                    };
                    match &of {
                        Some(of) => format!("{with} {of}"),
                        None => with,
                    }
                }
                None => Msg::NotReported.text(lang),
            };
            let row = vec![label.clone(), value_cell, comment.clone().unwrap_or_default()];
            Tile {
                note: qualifier,
                value: figure.value.map(|v| (v, figure.format)),
                unit,
                of,
                label: label.clone(),
                detail: comment.into_iter().collect(),
                series: label,
                mark_label: spoken,
                row,
                ..Tile::default()
            }
        })
        .collect();
    TileSet::whole(tiles, vec![words.figure.to_owned(), Msg::Value.text(lang), words.note.to_owned()])
}

/// The period (as its ordinal) whose records a caseload's tiles show, of
/// records given as their period and whether their value is reported: the
/// latest with a reported value, else the latest of any.
pub(crate) fn tiles_period(records: impl Iterator<Item = (Period, bool)>) -> Option<i64> {
    let (mut reported, mut any) = (None, None);
    for (period, is_reported) in records {
        let ordinal = Some(period_ordinal(&period));
        any = any.max(ordinal);
        if is_reported {
            reported = reported.max(ordinal);
        }
    }
    reported.or(any)
}

fn caseload_tiles(ctx: &Context, caseload: &Caseload) -> TileSet<'static> {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let columns = vec![words.category.to_owned(), Msg::Period.text(lang), Msg::Value.text(lang)];
    let records = &caseload.records;
    let Some(latest) = tiles_period(records.iter().map(|r| (r.period, r.value.is_some()))) else {
        return TileSet::whole(Vec::new(), columns);
    };
    let in_latest: Vec<_> = records.iter().filter(|r| period_ordinal(&r.period) == latest).collect();
    let Some(period) = in_latest.first().map(|r| r.period) else { return TileSet::whole(Vec::new(), columns) };
    let period_text = clean(&format_period(&period, lang));
    let by_category = records.iter().any(|r| r.category.is_some());
    let whole_label = match (by_category, &caseload.measure.label) {
        (false, Some(label)) => non_empty(ctx.text(label)).unwrap_or_else(|| Msg::Total.text(lang)),
        _ => Msg::Total.text(lang),
    };
    let mut keys: Vec<(Option<&str>, String)> = Vec::new();
    if by_category {
        keys.extend(caseload.categories.iter().map(|c| (Some(c.id.as_str()), ctx.text(&c.label))));
    }
    keys.push((None, whole_label));
    let format = caseload.measure.format;
    let quantity = Quantity { format, unit: caseload.measure.unit.clone(), locale: ctx.feed.locale };
    let mut tiles = Vec::new();
    // The latest records by category once, not a scan of them per category.
    let by_id = super::caseload::records_by(in_latest.iter().copied(), |r| r.category.as_deref());
    for (key, label) in keys {
        let cell: Vec<&opeka_feed::Record> = match key {
            _ if !by_category => in_latest.clone(),
            Some(id) => by_id.get(id).cloned().unwrap_or_default(),
            None => in_latest.iter().copied().filter(|r| r.category.is_none()).collect(),
        };
        if cell.is_empty() {
            continue;
        }
        let reported: Vec<f64> = cell.iter().filter_map(|r| r.value).collect();
        let value = (!reported.is_empty()).then(|| reported.iter().sum::<f64>());
        let incomplete = value.is_some() && reported.len() < cell.len();
        let value_text = match value {
            Some(v) => quantity.text(v, lang),
            None => Msg::NotReported.text(lang),
        };
        let unit = value.and_then(|v| quantity.unit_for(v, lang));
        let mut mark_label = format!("{label}, {period_text}: {value_text}");
        if incomplete {
            mark_label = format!("{mark_label} {}", words.incomplete);
        }
        tiles.push(Tile {
            kicker: Some(period_text.clone()),
            value: value.map(|v| (v, format)),
            unit,
            label: label.clone(),
            detail: incomplete.then(|| words.incomplete.to_owned()).into_iter().collect(),
            series: label.clone(),
            mark_label,
            row: vec![label, period_text.clone(), value_text],
            ..Tile::default()
        });
    }
    TileSet::whole(tiles, columns)
}

fn count_tile(label: String, count: f64, unit: Option<String>, lang: Lang) -> Tile {
    let value = full(count, Format::Count, lang);
    let spoken = with_unit(&value, unit.as_deref());
    Tile {
        value: Some((count, Format::Count)),
        unit,
        mark_label: format!("{label}: {spoken}"),
        row: vec![label.clone(), spoken],
        series: label.clone(),
        label,
        ..Tile::default()
    }
}

fn awards_tiles(ctx: &Context, awards: &Awards) -> TileSet<'static> {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let columns = vec![words.award.to_owned(), words.count.to_owned()];
    // Counts by award type id (`None`: not specified), from grants, else from the named recipients.
    let counted: Vec<(Option<&str>, f64)> = if !awards.grants.is_empty() {
        awards.grants.iter().map(|g| (g.award.as_deref(), g.count as f64)).collect()
    } else {
        awards.recipients.iter().map(|r| (r.award.as_deref(), 1.0)).collect()
    };
    if counted.is_empty() {
        // Contests only: one tile per contest, counting its places.
        let tiles = awards
            .contests
            .iter()
            .map(|contest| {
                let name = contest.name.as_ref().map(|n| ctx.text(n)).unwrap_or_default();
                let label = match (non_empty(name), contest.year) {
                    (Some(name), Some(year)) => format!("{name}, {year}"),
                    (Some(name), None) => name,
                    (None, Some(year)) => year.to_string(),
                    (None, None) => words.award.to_owned(),
                };
                let n = contest.places.len() as f64;
                count_tile(label, n, Some(Noun::Place.form(n, lang).to_owned()), lang)
            })
            .collect();
        return TileSet::whole(tiles, columns);
    }
    // (id, label, count, seen): every type that the grants or recipients name, even at zero.
    let mut types: Vec<(Option<&str>, String, f64, bool)> =
        awards.award_types.iter().map(|t| (Some(t.id.as_str()), ctx.text(&t.label), 0.0, false)).collect();
    types.push((None, Msg::OtherNotSpecified.text(lang), 0.0, false));
    let mut total = 0.0;
    // By id, not a scan of the types per grant or recipient.
    let declared = super::awards::AwardTypes::of(awards);
    for (award, count) in counted {
        total += count;
        // The validator guarantees a named award is declared; anything else counts as not specified.
        let i = declared.index(award).unwrap_or(types.len() - 1);
        types[i].2 += count;
        types[i].3 = true;
    }
    let present: Vec<(String, f64)> = types.into_iter().filter(|t| t.3).map(|(_, label, n, _)| (label, n)).collect();
    let mut tiles = Vec::new();
    if present.len() != 1 {
        tiles.push(count_tile(words.awards_total.to_owned(), total, None, lang));
    }
    tiles.extend(present.into_iter().map(|(label, n)| count_tile(label, n, None, lang)));
    TileSet::whole(tiles, columns)
}

fn outcomes_tiles<'a>(ctx: &'a Context, outcomes: &Outcomes) -> TileSet<'a> {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let columns = vec![
        words.project.to_owned(),
        words.indicator.to_owned(),
        Msg::Actual.text(lang),
        Msg::Baseline.text(lang),
        Msg::Target.text(lang),
        words.result.to_owned(),
    ];
    // A tile an indicator, from the rows the outcomes views read: the same
    // latest actual, values and verdict, each name and label cleaned once;
    // names and labels only for the tiles a grid can reach (no more than
    // the largest canvas holds) and the table's rows (a register of 4 000
    // wrote every tile's texts in its drawing task: docs/performance.md,
    // stop 46), and each tile as it is reached.
    let held = ctx.readings.held_rows();
    let data = super::outcomes::outcomes_data(ctx, outcomes, MOST_TILES.max(held));
    let count = data.rows.len();
    let write = move |i: usize| {
        let row = &data.rows[i];
        let name = &data.projects[row.project].name;
        let at = |p: Point| format!("{} ({})", row.value_text(p.value, lang), clean(&format_period(&p.period, lang)));
        let latest = row.latest();
        let verdict = latest.and_then(|_| non_empty(row.verdict(lang).0));
        let (target, baseline) = (row.target.map(at), row.baseline.map(at));
        let mut references = Vec::new();
        if let Some(t) = &target {
            references.push(format!("{}: {t}", Msg::Target.text(lang)));
        }
        if let Some(b) = &baseline {
            references.push(format!("{}: {b}", Msg::Baseline.text(lang)));
        }
        let references_text = non_empty(join(&references, " · "));
        let kicker = match latest {
            Some(p) => format!("{name} · {}", clean(&format_period(&p.period, lang))),
            None => name.clone(),
        };
        let actual_text = latest.map(at).unwrap_or_else(|| Msg::NotReported.text(lang));
        let label = &row.label;
        let mut mark_label = format!("{name}: {label}, {actual_text}");
        if let Some(v) = &verdict {
            mark_label = format!("{mark_label} — {v}");
        }
        if let Some(d) = &references_text {
            mark_label = format!("{mark_label}; {d}");
        }
        // Only a tabled tile has its row's cells (none, drawn unread).
        let row_cells = if i < held {
            vec![
                name.clone(),
                label.clone(),
                actual_text,
                baseline.unwrap_or_default(),
                target.unwrap_or_default(),
                verdict.clone().unwrap_or_default(),
            ]
        } else {
            Vec::new()
        };
        Tile {
            kicker: Some(kicker),
            value: latest.map(|p| (p.value, row.format)),
            unit: latest.and_then(|p| row.quantity.unit_for(p.value, lang)),
            label: label.clone(),
            remark: verdict,
            detail: references,
            series: name.clone(),
            mark_label,
            row: row_cells,
            ..Tile::default()
        }
    };
    TileSet { tiles: Vec::new(), count, columns, write: Some(Box::new(write)) }
}

fn tile_set<'a>(ctx: &'a Context) -> TileSet<'a> {
    if !ctx.feed.headline.is_empty() {
        return headline_tiles(ctx, &ctx.feed.headline);
    }
    match &ctx.feed.body {
        Body::Caseload(c) => caseload_tiles(ctx, c),
        Body::Awards(a) => awards_tiles(ctx, a),
        Body::Outcomes(o) => outcomes_tiles(ctx, o),
    }
}

/// What a placed text is drawn in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ink {
    Foreground,
    Muted,
}

/// A text placed inside a tile, relative to the tile's top left corner.
#[derive(Clone, Debug)]
struct Placed {
    dx: f64,
    dy: f64,
    text: String,
    font: Font,
    ink: Ink,
    role: TextRole,
}

/// A tile laid out at one width.
#[derive(Clone, Debug)]
struct TileLayout {
    texts: Vec<Placed>,
    height: f64,
    /// Whether the number had to be written short or smaller to fit, or its
    /// qualifier or unit to leave its line.
    squeezed: bool,
}

/// The fonts and padding of tiles `tile_w` wide at type scale `scale`.
#[derive(Clone, Copy, Debug)]
struct Fonts {
    number: Font,
    medium: Font,
    label: Font,
    small: Font,
    padding: f64,
}

impl Fonts {
    fn new(style: &Style, width: f64, tile_w: f64, scale: f64) -> Fonts {
        let number = ((tile_w * 0.17).clamp(28.0, 72.0) * scale).min(tile_w * 0.3).max(20.0).round();
        let label_min = style.text_size(TextSize::Subtitle, width);
        let label = (number * 0.3).clamp(label_min, 36.0 * style.text_scale).round();
        let small = (label * 0.85).round().max(style.text_size(TextSize::Small, width));
        let medium = (number * 0.45).round().max(label);
        Fonts {
            number: Font::bold(number),
            medium: Font::regular(medium),
            label: Font::regular(label),
            small: Font::regular(small),
            padding: (style.gap() * 1.5).round(),
        }
    }
}

/// The number as wide as fits: in full, else compact, else in a smaller
/// font, else ellipsized; and whether it had to give way.
fn fit_number(ctx: &Context, value: f64, format: Format, font: Font, width: f64) -> (String, Font, bool) {
    let (text, fitted) = fit_number_text(ctx, value, format, font, width);
    let squeezed = fitted != font || text != full(value, format, ctx.lang);
    (text, fitted, squeezed)
}

fn fit_number_text(ctx: &Context, value: f64, format: Format, font: Font, width: f64) -> (String, Font) {
    let full_text = full(value, format, ctx.lang);
    if font.width(ctx.measure, &full_text) <= width {
        return (full_text, font);
    }
    let compact = clean(&format_compact(value, format, ctx.lang));
    let text = if font.width(ctx.measure, &compact) < font.width(ctx.measure, &full_text) { compact } else { full_text };
    let w = font.width(ctx.measure, &text);
    if w <= width {
        return (text, font);
    }
    let smaller = Font::bold((font.size * width / w).floor().max(12.0));
    (ellipsize(ctx.measure, smaller, &text, width), smaller)
}

fn layout_tile(ctx: &Context, tile: &Tile, fonts: &Fonts, tile_w: f64) -> TileLayout {
    let pad = fonts.padding;
    let inner = (tile_w - 2.0 * pad).max(1.0);
    let block_gap = (fonts.label.size * 0.4).round();
    let mut texts = Vec::new();
    let mut y = pad;
    let mut blocks = 0usize;
    let mut squeezed = false;
    let mut start_block = |y: &mut f64| {
        if blocks > 0 {
            *y += block_gap;
        }
        blocks += 1;
    };
    let push_wrapped = |texts: &mut Vec<Placed>, y: &mut f64, text: &str, font: Font, ink: Ink, role: TextRole, max_lines: usize| {
        for line in wrap(ctx.measure, font, text, inner, max_lines) {
            texts.push(Placed { dx: pad, dy: *y, text: line, font, ink, role });
            *y += font.line_height();
        }
    };

    if let Some(kicker) = &tile.kicker {
        start_block(&mut y);
        push_wrapped(&mut texts, &mut y, kicker, fonts.small, Ink::Muted, TextRole::Label, 2);
    }

    start_block(&mut y);
    match tile.value {
        Some((value, format)) => {
            let (number, font, number_squeezed) = fit_number(ctx, value, format, fonts.number, inner);
            squeezed = number_squeezed;
            let medium = Font::regular(fonts.medium.size.min(font.size));
            let space = medium.width(ctx.measure, " ");
            let number_w = font.width(ctx.measure, &number);
            let note_w = tile.note.as_ref().map(|n| medium.width(ctx.measure, n) + space);
            let unit_w = tile.unit.as_ref().map(|u| medium.width(ctx.measure, u) + space);
            // Medium text sits on the number's baseline (0.95 em below the line top).
            let medium_dy = 0.95 * (font.size - medium.size);
            let one_line = note_w.unwrap_or(0.0) + number_w + unit_w.unwrap_or(0.0) <= inner;
            let mut x = pad;
            if let Some(note) = &tile.note {
                if one_line {
                    texts.push(Placed {
                        dx: x,
                        dy: y + medium_dy,
                        text: note.clone(),
                        font: medium,
                        ink: Ink::Foreground,
                        role: TextRole::Value,
                    });
                    x += note_w.unwrap_or(0.0);
                } else {
                    push_wrapped(&mut texts, &mut y, note, medium, Ink::Foreground, TextRole::Value, 2);
                }
            }
            texts.push(Placed { dx: x, dy: y, text: number, font, ink: Ink::Foreground, role: TextRole::Value });
            x += number_w;
            let unit_inline = unit_w.is_some_and(|w| x - pad + w <= inner);
            if let (Some(unit), true) = (&tile.unit, unit_inline) {
                texts.push(Placed {
                    dx: x + space,
                    dy: y + medium_dy,
                    text: unit.clone(),
                    font: medium,
                    ink: Ink::Foreground,
                    role: TextRole::Value,
                });
            }
            y += font.line_height();
            // Falling off the number's line counts as giving way too.
            squeezed |= (tile.note.is_some() && !one_line) || (tile.unit.is_some() && !unit_inline);
            if let (Some(unit), false) = (&tile.unit, unit_inline) {
                push_wrapped(&mut texts, &mut y, unit, fonts.label, Ink::Foreground, TextRole::Value, 2);
            }
        }
        None => push_wrapped(&mut texts, &mut y, &Msg::NotReported.text(ctx.lang), fonts.medium, Ink::Muted, TextRole::Value, 2),
    }
    if let Some(of) = &tile.of {
        push_wrapped(&mut texts, &mut y, of, fonts.label, Ink::Muted, TextRole::Note, 2);
    }
    if !tile.label.is_empty() {
        start_block(&mut y);
        push_wrapped(&mut texts, &mut y, &tile.label, fonts.label, Ink::Foreground, TextRole::Label, 4);
    }
    if let Some(remark) = &tile.remark {
        start_block(&mut y);
        push_wrapped(&mut texts, &mut y, remark, Font::bold(fonts.label.size), Ink::Foreground, TextRole::Value, 3);
    }
    if !tile.detail.is_empty() {
        start_block(&mut y);
        for detail in &tile.detail {
            push_wrapped(&mut texts, &mut y, detail, fonts.small, Ink::Muted, TextRole::Note, 3);
        }
    }
    TileLayout { texts, height: (y + pad).ceil(), squeezed }
}

/// The tiles laid out in rows at one type scale.
struct Grid {
    tile_w: f64,
    gap: f64,
    /// Each row's tiles (indices) and height.
    rows: Vec<(Vec<usize>, f64)>,
    layouts: Vec<TileLayout>,
}

impl Grid {
    fn height(&self) -> f64 {
        let rows: f64 = self.rows.iter().map(|(_, h)| h).sum();
        rows + self.gap * self.rows.len().saturating_sub(1) as f64
    }
}

/// How many columns `n` tiles take in `inner_w` pixels: as many as fit at
/// the smallest tile width, at most four, then balanced so that rows are as
/// even as they can be (5 tiles in 3 + 2, not 4 + 1).
fn column_count(n: usize, inner_w: f64, gap: f64, style: &Style) -> usize {
    let min_tile = MIN_TILE_WIDTH * style.text_scale;
    let fit = ((inner_w + gap) / (min_tile + gap)).floor().max(1.0) as usize;
    let columns = fit.clamp(1, MAX_COLUMNS).min(n.max(1));
    let rows = n.max(1).div_ceil(columns);
    n.max(1).div_ceil(rows)
}

/// The tiles laid out at type scale `scale`, row by row while the grid is
/// at most `limit` tall: a grid taller than that is not drawn whole, and
/// its rows past the limit never (an outcomes feed of 4 000 indicators laid
/// out every tile at each of nine scales, in a task of 1.9 s on the page,
/// docs/performance.md, stop 44).
fn grid(ctx: &Context, set: &mut TileSet<'_>, inner_w: f64, scale: f64, limit: f64) -> Grid {
    let gap = (ctx.style.gap() * 1.5).round();
    let columns = column_count(set.count, inner_w, gap, ctx.style);
    let tile_w = ((inner_w - gap * (columns - 1) as f64) / columns as f64).floor().max(1.0);
    let fonts = Fonts::new(ctx.style, ctx.width, tile_w, scale);
    let mut grid = Grid { tile_w, gap, rows: Vec::new(), layouts: Vec::new() };
    for start in (0..set.count).step_by(columns) {
        if grid.height() > limit {
            break;
        }
        let row: Vec<usize> = (start..(start + columns).min(set.count)).collect();
        set.reach(start + columns);
        grid.layouts.extend(row.iter().map(|&i| layout_tile(ctx, &set.tiles[i], &fonts, tile_w)));
        let height = grid.layouts[start..].iter().map(|l| l.height).fold(0.0, f64::max);
        grid.rows.push((row, height));
    }
    grid
}

/// `a` moved a fraction `t` of the way to `b`.
fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let channel = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round().clamp(0.0, 255.0) as u8;
    Rgb(channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
}

/// The fill of a tile: half-way from the background to the grid colour.
fn tile_fill(style: &Style) -> Rgb {
    mix(style.background, style.grid, 0.5)
}

/// Draws the tiles view of any feed.
pub(crate) fn render_tiles(ctx: &Context) -> Scene {
    let mut set = tile_set(ctx);
    let words = strings(ctx.lang);
    let style = ctx.style;
    let mut frame = ctx.frame();
    let inner_w = ctx.width - 2.0 * frame.padding;
    let message_font = ctx.font(TextSize::Subtitle);

    let base = grid(ctx, &mut set, inner_w, 1.0, ctx.height(f64::INFINITY));
    let natural = frame.chrome_height(style) + if set.count == 0 { 3.0 * message_font.line_height() } else { base.height() };
    let first_row_min = grid(ctx, &mut set, inner_w, MIN_SCALE, 0.0).rows.first().map_or(message_font.line_height(), |(_, h)| *h);
    let height = ctx.fit(&mut frame, natural, first_row_min.min(base.height().max(message_font.line_height())));
    let available = height - frame.chrome_height(style);

    // Grow the type to fill spare room; shrink it when squeezed.
    let mut chosen = base;
    if chosen.height() <= available {
        let mut scale = 1.0 + SCALE_STEP;
        while scale <= MAX_SCALE + 1e-9 {
            let bigger = grid(ctx, &mut set, inner_w, scale, available);
            // Bigger type is no gain if a number must then be cut short.
            let squeezes = bigger.layouts.iter().zip(&chosen.layouts).any(|(b, a)| b.squeezed && !a.squeezed);
            if bigger.height() > available || squeezes {
                break;
            }
            chosen = bigger;
            scale += SCALE_STEP;
        }
    } else if ctx.requested_height.is_some() {
        // Where even the smallest type leaves tiles out, it is the type:
        // laid out at once rather than at each size on the way down, which
        // was half a register's drawing (docs/performance.md, stop 47).
        // Where it fits, the largest type above it that fits. Without a
        // height asked for, only the largest canvas squeezes: the tiles past
        // it go to the table at any type, so the type stays as it is (the
        // smallest one drew a register's 4 000 tiles 16 more at 0.6 type,
        // in a second grid that was half its layout: stop 54).
        chosen = grid(ctx, &mut set, inner_w, MIN_SCALE, available);
        let mut scale = 1.0 - SCALE_STEP;
        while chosen.height() <= available && scale > MIN_SCALE + 1e-9 {
            let bigger = grid(ctx, &mut set, inner_w, scale, available);
            if bigger.height() <= available {
                chosen = bigger;
                break;
            }
            scale -= SCALE_STEP;
        }
    }

    let held = ctx.readings.held_rows().min(set.count);
    set.reach(held.max(SUMMARY_ITEMS));
    let table = DataTable {
        caption: frame.title.clone(),
        columns: set.columns.clone(),
        rows: set.tiles[..held].iter().map(|t| t.row.clone()).collect(),
        more_rows: set.count - held,
    };
    let summary = summary(ctx, &set, &frame.title);
    let fill = tile_fill(style);
    let accent = style.series_colour(0);

    let mut canvas = ctx.canvas(height);
    'draw: {
        let canvas = &mut canvas;
        let area = frame.draw(canvas);
        if set.count == 0 {
            let message = ellipsize(ctx.measure, message_font, words.no_data, area.w);
            let y = area.y + (area.h - message_font.line_height()).max(0.0) / 2.0;
            canvas.text(TextRole::Message, &message, area.x + area.w / 2.0, y, message_font, style.muted, Align::Middle);
            break 'draw;
        }
        let mut y = area.y + ((area.h - chosen.height()) / 2.0).max(0.0).floor();
        let accent_h = (3.0 * style.text_scale).round();
        for (row, row_h) in &chosen.rows {
            if y + row_h > area.bottom() + 0.01 {
                break; // rows that do not fit are left to the summary and table
            }
            for (column, &i) in row.iter().enumerate() {
                let x = area.x + column as f64 * (chosen.tile_w + chosen.gap);
                let tile = &set.tiles[i];
                canvas.rect(x, y, chosen.tile_w, *row_h, fill);
                canvas.rect(x, y, chosen.tile_w, accent_h, accent);
                for placed in &chosen.layouts[i].texts {
                    let colour = match placed.ink {
                        Ink::Foreground => style.foreground,
                        Ink::Muted => style.muted,
                    };
                    canvas.text(placed.role, &placed.text, x + placed.dx, y + placed.dy, placed.font, colour, Align::Start);
                }
                let mut mark = Mark::new(&tile.series, &tile.label, &tile.mark_label, Shape::Rect { x, y, w: chosen.tile_w, h: *row_h });
                mark.value = tile.value.map(|(v, _)| v);
                mark.unit = tile.unit.clone();
                canvas.mark(mark);
            }
            y += row_h + chosen.gap;
        }
    }

    canvas.finish(&frame.title, summary, table)
}

fn summary(ctx: &Context, set: &TileSet<'_>, title: &str) -> String {
    let words = strings(ctx.lang);
    if set.count == 0 {
        return format!("{title}. {}: {}.", words.key_figures, words.no_data);
    }
    // The first SUMMARY_ITEMS one by one, the rest counted.
    let items: Vec<&str> = set.tiles.iter().take(SUMMARY_ITEMS).map(|t| t.mark_label.as_str()).collect();
    let count = clean(&opeka_feed::locale::count_noun(set.count as f64, Noun::Indicator, ctx.lang));
    let mut out = format!("{title}. {} ({count}): {}.", words.key_figures, join(&items, "; "));
    if set.count > items.len() {
        out.push_str(&format!(" {}.", more_text(ctx, set.count - items.len(), Noun::Indicator)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Theme;

    #[test]
    fn tile_text_keeps_wcag_aa_contrast() {
        for theme in Theme::ALL {
            let s = theme.style();
            let fill = tile_fill(s);
            for (what, colour) in [("foreground", s.foreground), ("muted", s.muted)] {
                let ratio = colour.contrast(fill);
                assert!(ratio >= 4.5, "{theme} {what} on a tile: {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn columns_follow_the_width() {
        let s = Theme::Light.style();
        assert_eq!(column_count(4, 296.0, 12.0, s), 1);
        assert_eq!(column_count(4, 1896.0, 12.0, s), 4);
        assert_eq!(column_count(9, 1896.0, 12.0, s), 3, "9 tiles: 3 rows of 3, not 4 + 4 + 1");
        assert_eq!(column_count(5, 776.0, 12.0, s), 3);
        assert_eq!(column_count(2, 1896.0, 12.0, s), 2);
        assert_eq!(column_count(0, 800.0, 12.0, s), 1);
    }
}
