//! `podium`: each contest's places as cards, ordered by place.
//!
//! A contest gets a heading (its name and year), then one card per place
//! in a grid of as many columns as the width holds (one at 320 px): a
//! large place numeral, "1 место"/"1st place" for screen readers and
//! readers alike, the name in bold, then role, organisation, city, project
//! and prize as wrapped lines. Cards in a grid row share its height.

use opeka_feed::locale::join;
use opeka_feed::locale::{count_noun, upper_first, Noun};
use opeka_feed::{Awards, Contest, ContestPlace};

use crate::canvas::Canvas;
use crate::scene::{Align, Mark, Scene, Shape, TextRole};
use crate::table::DataTable;
use crate::text::{ellipsize, Font};
use crate::theme::{Rgb, TextSize};
use opeka_feed::locale::words as strings;

use super::texts::{blocks_height, event_sentence, optional, place_text, Block};
use super::Context;
use crate::views::more::draw_more;

/// The narrowest a card gets before the grid drops a column.
const CARD_MIN_W: f64 = 220.0;
/// The most cards side by side.
const MAX_COLUMNS: usize = 4;

/// A contest place's texts, in the viewer's language.
pub(super) struct PlaceTexts {
    place: u32,
    pub name: String,
    pub role: Option<String>,
    pub org: Option<String>,
    pub city: Option<String>,
    project: Option<String>,
    prize: Option<String>,
}

impl PlaceTexts {
    fn of(ctx: &Context, p: &ContestPlace) -> PlaceTexts {
        PlaceTexts {
            place: p.place,
            name: ctx.text(&p.name),
            role: optional(ctx, &p.role),
            org: optional(ctx, &p.org),
            city: optional(ctx, &p.city),
            project: optional(ctx, &p.project),
            prize: optional(ctx, &p.prize),
        }
    }

    /// Everything about the place in one line: the mark's label and the summary's item.
    fn description(&self, ctx: &Context) -> String {
        let words = strings(ctx.lang);
        let who: Vec<&str> = [Some(&self.name), self.role.as_ref(), self.org.as_ref(), self.city.as_ref()]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .filter(|s| !s.is_empty())
            .collect();
        let mut out = format!("{}: {}", place_text(self.place, ctx.lang), join(&who, ", "));
        if let Some(project) = &self.project {
            out.push_str(&format!(". {}: {project}", words.project));
        }
        if let Some(prize) = &self.prize {
            out.push_str(&format!(". {}: {prize}", words.prize));
        }
        out
    }
}

/// A contest with its places sorted.
pub(super) struct ContestTexts {
    pub heading: String,
    year: Option<i32>,
    name: Option<String>,
    pub places: Vec<PlaceTexts>,
}

/// A contest's heading and its places' texts, sorted by place.
pub(super) fn contest_texts(ctx: &Context, contest: &Contest) -> ContestTexts {
    let name = optional(ctx, &contest.name);
    let heading = contest_heading(ctx, contest);
    let mut places: Vec<PlaceTexts> = contest.places.iter().map(|p| PlaceTexts::of(ctx, p)).collect();
    opeka_feed::collections::order::sort_stable_by_key(&mut places, |p| p.place);
    ContestTexts { heading, year: contest.year, name, places }
}

/// A contest's heading: its name and year, or "Конкурс" for want of a name.
fn contest_heading(ctx: &Context, contest: &Contest) -> String {
    match (optional(ctx, &contest.name), contest.year) {
        (Some(name), Some(year)) => format!("{name}, {year}"),
        (Some(name), None) => name,
        (None, Some(year)) => format!("{}, {year}", strings(ctx.lang).contest),
        (None, None) => strings(ctx.lang).contest.to_owned(),
    }
}

/// A card laid out for its column width.
struct Card {
    numeral: String,
    /// Who took the place.
    name: String,
    blocks: Vec<Block>,
    label: String,
    /// Content height (without the card's padding).
    content_h: f64,
}

/// A contest laid out: heading lines and cards in grid rows.
struct ContestLayout {
    heading: Block,
    cards: Vec<Card>,
    /// The height of each grid row of cards, padding included.
    row_heights: Vec<f64>,
}

/// Sizes shared by every card.
struct Metrics {
    columns: usize,
    card_w: f64,
    col_gap: f64,
    pad: f64,
    numeral_col: f64,
}

/// The type of the headings and cards, at a fraction of the theme's sizes.
struct CardFonts {
    label: Font,
    small: Font,
    heading: Font,
    name: Font,
    numeral: Font,
}

impl CardFonts {
    fn at(ctx: &Context, scale: f64) -> CardFonts {
        let scaled = |font: Font| Font { size: (font.size * scale).round(), ..font };
        let subtitle = ctx.font(TextSize::Subtitle).size;
        CardFonts {
            label: scaled(ctx.font(TextSize::Label)),
            small: scaled(ctx.font(TextSize::Small)),
            heading: scaled(Font::bold(subtitle)),
            name: scaled(Font::bold(subtitle)),
            numeral: scaled(Font::bold((36.0 * ctx.style.text_scale).round())),
        }
    }
}

/// The contests laid out in cards at one type scale.
struct Layout {
    fonts: CardFonts,
    metrics: Metrics,
    contests: Vec<ContestLayout>,
}

/// The type scales tried, largest first, when a canvas of fixed height (a
/// slide on a projector) cannot hold every place: smaller type fits more
/// cards in a row and shorter cards, and a missing place misleads more than
/// smaller type does.
const TYPE_SCALES: [f64; 5] = [1.0, 0.9, 0.8, 0.7, 0.6];

/// Draws the podium view of an awards feed.
pub(crate) fn render_podium(ctx: &Context, awards: &Awards) -> Scene {
    let words = strings(ctx.lang);
    let style = ctx.style;
    let mut frame = ctx.frame();
    let inner_w = ctx.width - 2.0 * frame.padding;
    let gap = style.gap();
    let heading_gap = gap;
    let contest_gap = 2.0 * gap;

    let contests: Vec<ContestTexts> = awards.contests.iter().map(|c| contest_texts(ctx, c)).collect();
    let mut layout = lay_out(ctx, &contests, inner_w, 1.0);
    let l = &layout;
    let content_h: f64 = if l.contests.is_empty() {
        3.0 * l.fonts.label.line_height()
    } else {
        l.contests
            .iter()
            .map(|c| {
                let cards: f64 = c.row_heights.iter().map(|h| h + l.metrics.col_gap).sum();
                let cards = if c.cards.is_empty() { l.fonts.label.line_height() } else { cards - l.metrics.col_gap };
                c.heading.height() + heading_gap + cards + contest_gap
            })
            .sum::<f64>()
            - contest_gap
    };
    let natural = frame.chrome_height(style) + content_h;
    let view_min = l
        .contests
        .first()
        .map_or(l.fonts.label.line_height(), |c| c.heading.height() + heading_gap + c.row_heights.first().copied().unwrap_or(0.0));
    let height = ctx.fit(&mut frame, natural, view_min);

    let table = data_table(ctx, &contests);
    let summary = summary(ctx, awards, &contests, &frame.title);

    let mut canvas = ctx.canvas(height);
    let area = frame.draw(&mut canvas);
    let small_font = ctx.font(TextSize::Small);
    let note_h = small_font.line_height();
    // Every row but the very last keeps room under it for the note saying what was left out.
    let reserve = note_h + gap;
    let gaps = Gaps { heading: heading_gap, contest: contest_gap, reserve };
    let mut shown = fit_rows(&layout, area.y, area.bottom(), &gaps);
    for &scale in &TYPE_SCALES[1..] {
        if shown.1 == 0 {
            break;
        }
        let smaller = lay_out(ctx, &contests, inner_w, scale);
        let fits = fit_rows(&smaller, area.y, area.bottom(), &gaps);
        if fits.1 < shown.1 {
            (layout, shown) = (smaller, fits);
        }
    }
    let (rows_shown, hidden) = shown;

    'draw: {
        let canvas = &mut canvas;
        let (fonts, m) = (&layout.fonts, &layout.metrics);
        if layout.contests.is_empty() {
            canvas.message(words.no_data, area.x + area.w / 2.0, (area.y + area.bottom()) / 2.0 - fonts.label.size, area.w, fonts.label);
            break 'draw;
        }
        let mut y = area.y;
        let mut end = area.y;
        for ((contest, l), rows) in contests.iter().zip(&layout.contests).zip(rows_shown) {
            let Some(rows) = rows else { continue };
            let mut row_y = l.heading.draw(canvas, area.x, y) + heading_gap;
            end = row_y;
            if l.cards.is_empty() {
                let text = ellipsize(ctx.measure, fonts.label, words.no_data, area.w);
                canvas.text(TextRole::Message, &text, area.x, row_y, fonts.label, style.muted, Align::Start);
                end = row_y + fonts.label.line_height();
            }
            for (cards, &row_h) in l.cards.chunks(m.columns).zip(&l.row_heights).take(rows) {
                for (i, card) in cards.iter().enumerate() {
                    let x = area.x + i as f64 * (m.card_w + m.col_gap);
                    draw_card(canvas, &layout, card, x, row_y, row_h, &contest.heading);
                }
                end = row_y + row_h;
                row_y = end + m.col_gap;
            }
            y = end + contest_gap;
        }
        if hidden > 0 {
            draw_more(canvas, ctx, &area, end + gap, hidden, Noun::Place);
        }
    }

    canvas.finish(&frame.title, summary, table)
}

/// Lays out every contest's heading and cards with the type at `scale`.
fn lay_out(ctx: &Context, contests: &[ContestTexts], inner_w: f64, scale: f64) -> Layout {
    let words = strings(ctx.lang);
    let style = ctx.style;
    let gap = style.gap();
    let fonts = CardFonts::at(ctx, scale);
    let most_places = contests.iter().map(|c| c.places.len()).max().unwrap_or(0).max(1);
    let col_gap = (gap * 1.5).round();
    let card_min_w = CARD_MIN_W * style.text_scale * scale;
    let columns = (((inner_w + col_gap) / (card_min_w + col_gap)).floor() as usize).clamp(1, MAX_COLUMNS.min(most_places));
    let card_w = ((inner_w - (columns - 1) as f64 * col_gap) / columns as f64).floor();
    let pad = (gap * 1.5).round();
    let widest_numeral = contests
        .iter()
        .flat_map(|c| c.places.iter())
        .map(|p| fonts.numeral.width(ctx.measure, &p.place.to_string()))
        .fold(fonts.numeral.width(ctx.measure, "1"), f64::max);
    let numeral_col = (widest_numeral + gap * 1.5).ceil().min(card_w * 0.4);
    let metrics = Metrics { columns, card_w, col_gap, pad, numeral_col };
    let text_w = (card_w - 2.0 * pad - numeral_col).max(1.0);
    let block_space = (gap / 2.0).round();

    let contests = contests
        .iter()
        .map(|c| {
            let heading = Block::wrapped(ctx, &c.heading, fonts.heading, inner_w, 3, false);
            let cards: Vec<Card> = c
                .places
                .iter()
                .map(|p| {
                    let mut blocks = vec![
                        Block::wrapped(ctx, &place_text(p.place, ctx.lang), fonts.small, text_w, 1, true),
                        Block::wrapped(ctx, &p.name, fonts.name, text_w, 3, false).spaced(2.0),
                    ];
                    let mut space = block_space;
                    for (text, lines) in [(&p.role, 3), (&p.org, 3), (&p.city, 1)] {
                        if let Some(text) = text {
                            blocks.push(Block::wrapped(ctx, text, fonts.label, text_w, lines, true).spaced(space));
                            space = 0.0;
                        }
                    }
                    if let Some(project) = &p.project {
                        let block = Block::wrapped(ctx, &format!("{}: {project}", words.project), fonts.label, text_w, 4, false);
                        blocks.push(block.spaced(block_space));
                    }
                    if let Some(prize) = &p.prize {
                        blocks.push(Block::wrapped(ctx, &format!("{}: {prize}", words.prize), fonts.label, text_w, 2, false));
                    }
                    let content_h = blocks_height(&blocks).max(fonts.numeral.line_height());
                    Card { numeral: p.place.to_string(), name: p.name.clone(), blocks, label: p.description(ctx), content_h }
                })
                .collect();
            let row_heights = cards.chunks(columns).map(|row| row.iter().map(|c| c.content_h).fold(0.0, f64::max) + 2.0 * pad).collect();
            ContestLayout { heading, cards, row_heights }
        })
        .collect();
    Layout { fonts, metrics, contests }
}

/// The vertical spaces between a podium's parts.
struct Gaps {
    /// Under a contest's heading.
    heading: f64,
    /// Between contests.
    contest: f64,
    /// Kept under every row but the last for the note on what was left out.
    reserve: f64,
}

/// How many card rows of each contest fit between `top` and `bottom` (`None`:
/// not even its heading and first row), and how many places are left out.
/// Contests follow one another; once a place is left out, so is everything after it.
fn fit_rows(layout: &Layout, top: f64, bottom: f64, gaps: &Gaps) -> (Vec<Option<usize>>, usize) {
    let empty_h = layout.fonts.label.line_height();
    let count = layout.contests.len();
    let mut y = top;
    let mut hidden = 0usize;
    let mut shown = Vec::with_capacity(count);
    for (ci, l) in layout.contests.iter().enumerate() {
        let last_contest = ci + 1 == count;
        let first_row = l.row_heights.first().copied().unwrap_or(empty_h);
        let only_row = last_contest && l.row_heights.len() <= 1;
        let limit = bottom - if only_row { 0.0 } else { gaps.reserve };
        if hidden > 0 || y + l.heading.height() + gaps.heading + first_row > limit + 0.01 {
            hidden += l.cards.len();
            shown.push(None);
            continue;
        }
        let mut row_y = y + l.heading.height() + gaps.heading;
        let mut end = row_y + if l.cards.is_empty() { empty_h } else { 0.0 };
        let mut rows = 0;
        for (r, &row_h) in l.row_heights.iter().enumerate() {
            let last_row = last_contest && r + 1 == l.row_heights.len();
            let limit = bottom - if last_row { 0.0 } else { gaps.reserve };
            if row_y + row_h > limit + 0.01 {
                hidden += l.cards.len() - r * layout.metrics.columns;
                break;
            }
            end = row_y + row_h;
            row_y = end + layout.metrics.col_gap;
            rows += 1;
        }
        shown.push(Some(rows));
        y = end + gaps.contest;
    }
    (shown, hidden)
}

/// One card: outline, numeral, text blocks; its mark covers it.
fn draw_card(canvas: &mut Canvas<'_>, layout: &Layout, card: &Card, x: f64, y: f64, h: f64, series: &str) {
    let (m, numeral_font) = (&layout.metrics, layout.fonts.numeral);
    let style = canvas.style;
    let border: Rgb = if style.text_scale > 1.0 { style.axis } else { style.grid };
    let (right, bottom) = (x + m.card_w, y + h);
    canvas.hline(x, right, y + 0.5, 1.0, border);
    canvas.hline(x, right, bottom - 0.5, 1.0, border);
    canvas.vline(x + 0.5, y, bottom, 1.0, border);
    canvas.vline(right - 0.5, y, bottom, 1.0, border);
    // An accent down the left edge, in the first series colour.
    canvas.rect(x, y, 4.0, h, style.series_colour(0));
    let inner_x = x + m.pad;
    canvas.text(
        TextRole::Value,
        &card.numeral,
        inner_x,
        y + m.pad - (numeral_font.size * 0.12).round(),
        numeral_font,
        style.foreground,
        Align::Start,
    );
    let mut ty = y + m.pad;
    for block in &card.blocks {
        ty = block.draw(canvas, inner_x + m.numeral_col, ty);
    }
    canvas.mark(Mark::new(series, &card.name, &card.label, Shape::Rect { x, y, w: m.card_w, h }));
}

fn data_table(ctx: &Context, contests: &[ContestTexts]) -> DataTable {
    let w = strings(ctx.lang);
    let columns = [w.contest, w.year, w.place, w.name, w.role, w.organisation, w.city, w.project, w.prize].map(str::to_owned).to_vec();
    let rows = contests
        .iter()
        .flat_map(|c| {
            c.places.iter().map(move |p| {
                let opt = |t: &Option<String>| t.clone().unwrap_or_default();
                vec![
                    opt(&c.name),
                    c.year.map(|y| y.to_string()).unwrap_or_default(),
                    p.place.to_string(),
                    p.name.clone(),
                    opt(&p.role),
                    opt(&p.org),
                    opt(&p.city),
                    opt(&p.project),
                    opt(&p.prize),
                ]
            })
        })
        .collect();
    DataTable { caption: ctx.text(&ctx.feed.title), columns, rows, more_rows: 0 }
}

fn summary(ctx: &Context, awards: &Awards, contests: &[ContestTexts], title: &str) -> String {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let mut out = format!("{title}.");
    if let Some(event) = event_sentence(ctx, awards) {
        out.push_str(&format!(" {event}"));
    }
    if contests.is_empty() {
        out.push_str(&format!(" {}.", upper_first(words.no_data)));
        return out;
    }
    let places: usize = contests.iter().map(|c| c.places.len()).sum();
    out.push_str(&format!(
        " {}: {}, {}.",
        words.contest_places,
        count_noun(contests.len() as f64, Noun::Contest, lang),
        count_noun(places as f64, Noun::Place, lang)
    ));
    for c in contests {
        let items: Vec<String> = c.places.iter().map(|p| p.description(ctx)).collect();
        if items.is_empty() {
            out.push_str(&format!(" {}: {}.", c.heading, words.no_data));
        } else {
            out.push_str(&format!(" {}: {}.", c.heading, join(&items, "; ")));
        }
    }
    out
}
