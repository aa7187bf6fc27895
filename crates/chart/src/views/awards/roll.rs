//! `roll`: the named recipients as a multi-column list.
//!
//! Each entry is the name in bold over a muted line of role · organisation
//! · city. When recipients carry an `award`, they are grouped by award
//! type (declared order, "Другое / не указано" last) under a heading per
//! type. Within a group, entries keep feed order and run down the columns
//! one after another, the columns balanced in height. The canvas grows
//! with the list; what a canvas cannot hold (an explicit height, or the
//! largest canvas) is counted in a note under the list, and every
//! recipient stays in the data table (as a ranking's: none drawn unread,
//! [`crate::Readings::held_rows`]). A feed without recipients lists
//! its contests' winners instead, under each contest's heading.

use opeka_feed::locale::join;
use opeka_feed::locale::Msg;
use opeka_feed::locale::{count_noun, format_value, upper_first, Noun};
use opeka_feed::{Awards, Format, Recipient};

use crate::scene::{Mark, Scene, Shape};
use crate::table::DataTable;
use crate::text::{clean, Font};
use crate::theme::TextSize;
use opeka_feed::locale::words as strings;

use super::podium::contest_texts;
use super::texts::{award_label, event_sentence, optional, AwardTypes, Block};
use super::Context;
use crate::views::more::draw_more;

/// The narrowest a column gets before the list drops a column.
const COLUMN_MIN_W: f64 = 200.0;
/// The most columns, so that lines stay short enough to scan.
const MAX_COLUMNS: usize = 6;

/// A recipient's texts.
#[derive(Clone)]
struct Entry {
    name: String,
    role: Option<String>,
    org: Option<String>,
    city: Option<String>,
}

impl Entry {
    fn of(ctx: &Context, r: &Recipient) -> Entry {
        Entry { name: ctx.text(&r.name), role: optional(ctx, &r.role), org: optional(ctx, &r.org), city: optional(ctx, &r.city) }
    }

    /// `role · org · city`
    fn details(&self) -> String {
        // A no-break space before each dot, so that no line starts with one.
        join(&[&self.role, &self.org, &self.city].into_iter().flatten().map(String::as_str).collect::<Vec<_>>(), "\u{A0}· ")
    }
}

/// Whom a group lists.
enum Members<'a> {
    /// A feed's recipients, written out only as they are laid out or put
    /// in the table: a roll of 30 000 names draws some 600 at 1 280 px,
    /// and a page's table shows 1 000. Writing out every one (their texts
    /// cleaned, five strings each) was most of such a roll's drawing.
    Recipients(Vec<&'a Recipient>),
    /// A contest's places, few, written out already.
    Places(Vec<Entry>),
}

/// The recipients of one award type (or all of them, without a heading).
/// The heading is also each entry's award: the table's last column.
struct Group<'a> {
    heading: Option<String>,
    members: Members<'a>,
}

impl Group<'_> {
    fn len(&self) -> usize {
        match &self.members {
            Members::Recipients(recipients) => recipients.len(),
            Members::Places(entries) => entries.len(),
        }
    }

    /// The entries in order, each written out as it is reached.
    fn entries<'s>(&'s self, ctx: &'s Context<'_>) -> impl Iterator<Item = Entry> + 's {
        (0..self.len()).filter_map(move |i| match &self.members {
            Members::Recipients(recipients) => recipients.get(i).map(|r| Entry::of(ctx, r)),
            Members::Places(entries) => entries.get(i).cloned(),
        })
    }
}

fn groups<'a>(ctx: &Context, awards: &'a Awards) -> Vec<Group<'a>> {
    if awards.recipients.is_empty() {
        return contest_groups(ctx, awards);
    }
    let types = AwardTypes::of(awards);
    let by_award = awards.recipients.iter().any(|r| types.get(r.award.as_deref()).is_some());
    if !by_award {
        return vec![Group { heading: None, members: Members::Recipients(awards.recipients.iter().collect()) }];
    }
    let mut keys: Vec<Option<&str>> = awards.award_types.iter().map(|t| Some(t.id.as_str())).collect();
    keys.push(None);
    // Recipients grouped by their award's key once, in their order, rather
    // than a scan of every recipient for each award type. A key is a type's
    // index (ids are unique in a valid feed); no type, or one not declared,
    // is the last key, `None`.
    let mut by_key: Vec<Vec<&Recipient>> = vec![Vec::new(); keys.len()];
    for r in &awards.recipients {
        let slot = types.index(r.award.as_deref()).unwrap_or(keys.len() - 1);
        by_key[slot].push(r);
    }
    keys.into_iter()
        .zip(by_key)
        .filter(|(_, recipients)| !recipients.is_empty())
        .map(|(key, recipients)| Group { heading: Some(award_label(ctx, &types, key)), members: Members::Recipients(recipients) })
        .collect()
}

/// A feed that names no recipients may still name its contests' winners:
/// they are then the roll, by contest and place, rather than "no data" under
/// a title that promises the honoured.
fn contest_groups<'a>(ctx: &Context, awards: &'a Awards) -> Vec<Group<'a>> {
    awards
        .contests
        .iter()
        .map(|contest| contest_texts(ctx, contest))
        .filter(|c| !c.places.is_empty())
        .map(|c| {
            let entries = c.places.into_iter().map(|p| Entry { name: p.name, role: p.role, org: p.org, city: p.city }).collect();
            Group { heading: Some(c.heading), members: Members::Places(entries) }
        })
        .collect()
}

/// An entry laid out for the column width.
struct EntryLayout {
    name: Block,
    details: Option<Block>,
    label: String,
    series: String,
    height: f64,
}

/// Where an entry goes within its group's block.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Slot {
    column: usize,
    y: f64,
}

/// Entries of `heights` (with the gap under each) run down at most
/// `columns` columns in order, balanced: the smallest height that lets
/// them fit, found by bisection. Returns each entry's slot and the height.
fn balance(heights: &[f64], columns: usize) -> (Vec<Slot>, f64) {
    let fill = |limit: f64| -> Option<(Vec<Slot>, f64)> {
        let mut slots = Vec::with_capacity(heights.len());
        let (mut column, mut y, mut tallest) = (0usize, 0.0f64, 0.0f64);
        for &h in heights {
            if y > 0.0 && y + h > limit + 1e-6 {
                column += 1;
                y = 0.0;
            }
            if column >= columns {
                return None;
            }
            slots.push(Slot { column, y });
            y += h;
            tallest = tallest.max(y);
        }
        Some((slots, tallest))
    };
    let total: f64 = heights.iter().sum();
    let tallest_entry = heights.iter().copied().fold(0.0, f64::max);
    let (mut lo, mut hi) = ((total / columns.max(1) as f64).max(tallest_entry), total.max(tallest_entry));
    if let Some(result) = fill(lo) {
        return result;
    }
    for _ in 0..40 {
        let mid = (lo + hi) / 2.0;
        if fill(mid).is_some() {
            hi = mid;
        } else {
            lo = mid;
        }
        if hi - lo < 0.5 {
            break;
        }
    }
    // One column of everything always fits `total`, so this falls back only on a float quirk.
    fill(hi).or_else(|| fill(f64::INFINITY)).unwrap_or_default()
}

/// Like [`balance`], but no column taller than `limit`: entries run down
/// each column until it is full. Returns the slots of those that fit.
fn fill_to(heights: &[f64], columns: usize, limit: f64) -> Vec<Slot> {
    let mut slots = Vec::new();
    let (mut column, mut y) = (0usize, 0.0f64);
    for &h in heights {
        if y + h > limit + 1e-6 {
            column += 1;
            y = 0.0;
            if column >= columns || h > limit + 1e-6 {
                break;
            }
        }
        slots.push(Slot { column, y });
        y += h;
    }
    slots
}

/// Draws the roll view of an awards feed.
pub(crate) fn render_roll(ctx: &Context, awards: &Awards) -> Scene {
    let words = strings(ctx.lang);
    let style = ctx.style;
    let mut frame = ctx.frame();
    let inner_w = ctx.width - 2.0 * frame.padding;
    let gap = style.gap();
    let label_font = ctx.font(TextSize::Label);
    let small_font = ctx.font(TextSize::Small);
    let name_font = Font::bold(label_font.size);
    let heading_font = Font::bold(ctx.font(TextSize::Subtitle).size);

    let groups = groups(ctx, awards);
    let col_gap = (gap * 2.0).round();
    let columns = (((inner_w + col_gap) / (COLUMN_MIN_W * style.text_scale + col_gap)).floor() as usize).clamp(1, MAX_COLUMNS);
    let col_w = ((inner_w - (columns - 1) as f64 * col_gap) / columns as f64).floor();
    let entry_gap = (gap * 0.75).round();
    let heading_gap = (gap * 0.5).round();
    let group_gap = (gap * 2.0).round();

    // Entries are laid out only while they might still fit: once those laid
    // out are taller, end to end, than every column of the largest canvas
    // together, no later one can be drawn (the columns fill in order), and
    // the canvas is at its largest either way. A roll of 10 000 names
    // measured and wrapped every one of them, in a task of 290 ms on the
    // page for the 590 it drew at 1 280 px (docs/performance.md, stop 42).
    let room = columns as f64 * ctx.height(f64::INFINITY);
    let mut laid_h = 0.0;
    let mut laid: Vec<(Option<Block>, Vec<EntryLayout>)> = Vec::with_capacity(groups.len());
    for g in &groups {
        let heading = g.heading.as_ref().map(|h| Block::wrapped(ctx, h, heading_font, inner_w, 2, false));
        let mut entries = Vec::new();
        for e in g.entries(ctx) {
            if laid_h > room {
                break;
            }
            let name = Block::wrapped(ctx, &e.name, name_font, col_w, 2, false);
            let details = e.details();
            let details = (!details.is_empty()).then(|| Block::wrapped(ctx, &details, small_font, col_w, 3, true));
            let height = name.height() + details.as_ref().map_or(0.0, Block::height);
            let mut label = e.name.clone();
            if details.is_some() {
                label = format!("{label} — {}", join(&[&e.role, &e.org, &e.city].into_iter().flatten().cloned().collect::<Vec<_>>(), ", "));
            }
            if let Some(award) = &g.heading {
                label = format!("{label}; {award}");
            }
            let series = g.heading.clone().unwrap_or_else(|| Msg::Total.text(ctx.lang));
            laid_h += height + entry_gap;
            entries.push(EntryLayout { name, details, label, series, height });
        }
        laid.push((heading, entries));
    }
    let balanced: Vec<(Vec<Slot>, f64)> =
        laid.iter().map(|(_, entries)| balance(&entries.iter().map(|e| e.height + entry_gap).collect::<Vec<_>>(), columns)).collect();
    let content_h: f64 = if laid.is_empty() {
        3.0 * label_font.line_height()
    } else {
        laid.iter()
            .zip(&balanced)
            .map(|((heading, _), (_, h))| heading.as_ref().map_or(0.0, |b| b.height() + heading_gap) + h + group_gap)
            .sum::<f64>()
            - group_gap
            - entry_gap
    };
    let natural = frame.chrome_height(style) + content_h;
    let height = ctx.fit(&mut frame, natural, name_font.line_height() + small_font.line_height());

    let table = data_table(ctx, &groups);
    let summary = summary(ctx, awards, &groups, &frame.title);

    let mut canvas = ctx.canvas(height);
    'draw: {
        let canvas = &mut canvas;
        let area = frame.draw(canvas);
        if laid.is_empty() {
            canvas.message(words.no_data, area.x + area.w / 2.0, (area.y + area.bottom()) / 2.0 - label_font.size, area.w, label_font);
            break 'draw;
        }
        let note_h = small_font.line_height();
        let total: usize = groups.iter().map(Group::len).sum();
        let mut drawn = 0usize;
        let mut y = area.y;
        let mut end = area.y;
        for (gi, ((heading, entries), (slots, block_h))) in laid.iter().zip(&balanced).enumerate() {
            let last = gi + 1 == laid.len();
            let heading_h = heading.as_ref().map_or(0.0, |b| b.height() + heading_gap);
            let whole = y + heading_h + block_h - entry_gap;
            let fits_whole = whole <= area.bottom() - if last { 0.0 } else { note_h + gap } + 0.01;
            // Otherwise the columns fill down to what is left above the note.
            let slots: Vec<Slot> = if fits_whole {
                slots.clone()
            } else {
                let limit = area.bottom() - note_h - gap - y - heading_h + entry_gap;
                fill_to(&entries.iter().map(|e| e.height + entry_gap).collect::<Vec<_>>(), columns, limit)
            };
            if slots.is_empty() {
                break;
            }
            if let Some(heading) = heading {
                let under = heading.draw(canvas, area.x, y);
                canvas.hline(area.x, area.right(), under + heading_gap / 2.0, 1.0, style.grid);
            }
            let top = y + heading_h;
            let mut bottom = top;
            for (entry, slot) in entries.iter().zip(&slots) {
                let x = area.x + slot.column as f64 * (col_w + col_gap);
                let ey = top + slot.y;
                let under = entry.name.draw(canvas, x, ey);
                if let Some(details) = &entry.details {
                    details.draw(canvas, x, under);
                }
                let name = join(&entry.name.lines, " ");
                canvas.mark(Mark::new(&entry.series, name, &entry.label, Shape::Rect { x, y: ey, w: col_w, h: entry.height }));
                bottom = bottom.max(ey + entry.height);
            }
            drawn += slots.len();
            end = bottom;
            if slots.len() < entries.len() {
                break;
            }
            y = end + group_gap;
        }
        if drawn < total {
            draw_more(canvas, ctx, &area, end + gap, total - drawn, Noun::Recipient);
        }
    }

    canvas.finish(&frame.title, summary, table)
}

fn data_table(ctx: &Context, groups: &[Group]) -> DataTable {
    let w = strings(ctx.lang);
    let with_award = groups.iter().any(|g| g.heading.is_some());
    let mut columns: Vec<String> = [w.name, w.role, w.organisation, w.city].map(str::to_owned).to_vec();
    if with_award {
        columns.push(w.award.to_owned());
    }
    let n: usize = groups.iter().map(Group::len).sum();
    // Drawn unread, none are written out; shown, the first MAX_ROWS (all
    // a page's table shows) and the rest counted; read (its CSV), every recipient.
    let held = n.min(ctx.readings.held_rows());
    let rows = groups
        .iter()
        .flat_map(|g| g.entries(ctx).map(move |e| (e, &g.heading)))
        .take(held)
        .map(|(e, award)| {
            let mut row = vec![e.name, e.role.unwrap_or_default(), e.org.unwrap_or_default(), e.city.unwrap_or_default()];
            if with_award {
                row.push(award.clone().unwrap_or_default());
            }
            row
        })
        .collect();
    DataTable {
        caption: format!("{} ({})", ctx.text(&ctx.feed.title), count_noun(n as f64, Noun::Recipient, ctx.lang)),
        columns,
        rows,
        more_rows: n - held,
    }
}

fn summary(ctx: &Context, awards: &Awards, groups: &[Group], title: &str) -> String {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let mut out = format!("{title}.");
    if let Some(event) = event_sentence(ctx, awards) {
        out.push_str(&format!(" {event}"));
    }
    let n: usize = groups.iter().map(Group::len).sum();
    if n == 0 {
        out.push_str(&format!(" {}.", upper_first(words.no_data)));
        return out;
    }
    out.push_str(&format!(" {}: {}.", words.recipient_list, count_noun(n as f64, Noun::Recipient, lang)));
    let items: Vec<String> = groups
        .iter()
        .filter_map(|g| g.heading.as_ref().map(|h| format!("{h} — {}", clean(&format_value(g.len() as f64, Format::Count, lang)))))
        .collect();
    if !items.is_empty() {
        out.push_str(&format!(" {}: {}.", words.by_award, join(&items, "; ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balance_keeps_order_and_evens_columns() {
        let heights = vec![10.0; 9];
        let (slots, h) = balance(&heights, 3);
        assert_eq!(h, 30.0);
        assert_eq!(slots.iter().map(|s| s.column).collect::<Vec<_>>(), vec![0, 0, 0, 1, 1, 1, 2, 2, 2]);
        let (slots, h) = balance(&[30.0, 10.0, 10.0, 10.0], 2);
        assert_eq!(h, 30.0);
        assert_eq!(slots[1].column, 1);
        let (slots, h) = balance(&[5.0], 4);
        assert_eq!((slots.len(), h), (1, 5.0));
    }

    #[test]
    fn fill_to_stops_when_columns_are_full() {
        let slots = fill_to(&[10.0; 10], 2, 35.0);
        assert_eq!(slots.len(), 6);
        assert!(fill_to(&[50.0], 2, 35.0).is_empty());
    }
}
