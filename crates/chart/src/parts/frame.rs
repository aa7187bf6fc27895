//! The frame every view shares: title and subtitle above; notes, the credit
//! line ("Источник: …") and the update date below. It leaves the plot
//! rectangle between them to the view.

use opeka_feed::locale::join;
use opeka_feed::{Feed, Lang, SourceUrl};

use crate::canvas::Canvas;
use crate::measure::TextMeasure;
use crate::scene::{Align, TextRole};
use crate::text::{clean, end_cut, wrap, Font};
use crate::theme::{Style, TextSize};
use opeka_feed::locale::words as strings;
use opeka_feed::locale::Msg;

/// A rectangle on the canvas, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// The right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// The bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// One laid-out line of frame text.
#[derive(Clone, Debug, PartialEq)]
struct Line {
    text: String,
    font: Font,
    muted: bool,
    /// Which part of the frame the line belongs to, for [`Frame::fit`].
    part: Part,
    /// Extra space above this line (between blocks).
    space_before: f64,
}

/// The parts of a frame, in the order [`Frame::fit`] gives them up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Notes,
    Subtitle,
    Credit,
    Title,
}

impl Part {
    fn role(self) -> TextRole {
        match self {
            Part::Title => TextRole::Title,
            Part::Subtitle => TextRole::Subtitle,
            Part::Notes | Part::Credit => TextRole::Note,
        }
    }
}

/// The frame laid out for one width: the lines above and below the plot.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    header: Vec<Line>,
    footer: Vec<Line>,
    /// The padding around the whole chart.
    pub padding: f64,
    /// The chart width.
    pub width: f64,
    /// The chart title (cleaned, unwrapped), also the SVG `<title>`.
    pub title: String,
}

impl Frame {
    /// Lays out the frame of `feed` in `lang` for a chart `width` wide.
    pub fn layout(feed: &Feed, lang: Lang, width: f64, style: &Style, measure: &dyn TextMeasure) -> Frame {
        let padding = (12.0 * style.text_scale).round();
        let inner = (width - 2.0 * padding).max(1.0);
        let gap = style.gap();
        let title = clean(feed.text(&feed.title, lang));
        let mut header = Vec::new();
        let title_font = Font::bold(style.text_size(TextSize::Title, width));
        for text in wrap(measure, title_font, &title, inner, 3) {
            header.push(Line { text, font: title_font, muted: false, part: Part::Title, space_before: 0.0 });
        }
        if let Some(subtitle) = &feed.subtitle {
            let font = Font::regular(style.text_size(TextSize::Subtitle, width));
            for (i, text) in wrap(measure, font, &clean(feed.text(subtitle, lang)), inner, 2).into_iter().enumerate() {
                header.push(Line { text, font, muted: true, part: Part::Subtitle, space_before: if i == 0 { 2.0 } else { 0.0 } });
            }
        }

        let small = Font::regular(style.text_size(TextSize::Small, width));
        let mut footer = Vec::new();
        for note in &feed.notes {
            for (i, text) in wrap(measure, small, &clean(feed.text(note, lang)), inner, 3).into_iter().enumerate() {
                footer.push(Line { text, font: small, muted: true, part: Part::Notes, space_before: if i == 0 { 2.0 } else { 0.0 } });
            }
        }
        let credit = credit_line(feed, lang);
        if !credit.is_empty() {
            for (i, text) in wrap(measure, small, &credit, inner, 2).into_iter().enumerate() {
                footer.push(Line {
                    text,
                    font: small,
                    muted: true,
                    part: Part::Credit,
                    space_before: if i == 0 { gap / 2.0 } else { 0.0 },
                });
            }
        }
        Frame { header, footer, padding, width, title }
    }

    /// Adds a note of the chart's own — what it leaves out — after the
    /// feed's notes and before the credit.
    pub fn add_note(&mut self, note: &str, style: &Style, measure: &dyn TextMeasure) {
        let small = Font::regular(style.text_size(TextSize::Small, self.width));
        let inner = self.inner_width();
        let at = self.footer.iter().position(|l| l.part == Part::Credit).unwrap_or(self.footer.len());
        let lines = wrap(measure, small, note, inner, 3).into_iter().enumerate().map(|(i, text)| Line {
            text,
            font: small,
            muted: true,
            part: Part::Notes,
            space_before: if i == 0 { 2.0 } else { 0.0 },
        });
        self.footer.splice(at..at, lines);
    }

    /// The height of the title block, padding included.
    pub fn header_height(&self) -> f64 {
        self.padding + block_height(&self.header)
    }

    /// The height of the notes and credit block, padding included.
    pub fn footer_height(&self) -> f64 {
        let gap = if self.footer.is_empty() { 0.0 } else { self.padding / 2.0 };
        self.padding + gap + block_height(&self.footer)
    }

    /// Gives up frame lines until at least `view_height` pixels are left
    /// for the view on a canvas `height` tall: the last lines of notes
    /// first, then the subtitle's, the credit's, and the title's but its
    /// first. A text cut after a line ends that line in an ellipsis. Only
    /// an explicitly small height needs this; the data table and summary
    /// still carry everything.
    pub fn fit(&mut self, height: f64, style: &Style, view_height: f64, measure: &dyn TextMeasure) {
        let inner = self.inner_width();
        for part in [Part::Notes, Part::Subtitle, Part::Credit, Part::Title] {
            while self.chrome_height(style) + view_height > height {
                let header_pos = self.header.iter().rposition(|l| l.part == part);
                let footer_pos = self.footer.iter().rposition(|l| l.part == part);
                let (lines, i) = match (header_pos, footer_pos) {
                    (Some(0), _) if part == Part::Title => break,
                    (Some(i), _) => (&mut self.header, i),
                    (None, Some(i)) => (&mut self.footer, i),
                    (None, None) => break,
                };
                // A paragraph's first line has space above it; a line
                // without follows one of its own text, which now ends there.
                let continued = lines.remove(i).space_before == 0.0;
                if let Some(before) = i.checked_sub(1).and_then(|j| lines.get_mut(j)).filter(|_| continued) {
                    end_cut(measure, before.font, &mut before.text, inner);
                }
            }
        }
    }

    /// Draws the frame and returns the rectangle left for the view:
    /// inside the padding, between the header and the footer.
    pub fn draw(&self, canvas: &mut Canvas<'_>) -> Rect {
        let style = canvas.style;
        let colour = |muted: bool| if muted { style.muted } else { style.foreground };
        let mut y = self.padding;
        for line in &self.header {
            y += line.space_before;
            canvas.text(line.part.role(), &line.text, self.padding, y, line.font, colour(line.muted), Align::Start);
            y += line.font.line_height();
        }
        let top = y + style.gap();
        let mut y = canvas.height - self.padding - block_height(&self.footer);
        let bottom = y - if self.footer.is_empty() { 0.0 } else { self.padding / 2.0 };
        for line in &self.footer {
            y += line.space_before;
            canvas.text(line.part.role(), &line.text, self.padding, y, line.font, colour(line.muted), Align::Start);
            y += line.font.line_height();
        }
        Rect { x: self.padding, y: top, w: self.inner_width(), h: (bottom - top).max(0.0) }
    }

    /// The width lines are laid out in: the chart's inside its padding.
    fn inner_width(&self) -> f64 {
        (self.width - 2.0 * self.padding).max(1.0)
    }

    /// What [`Frame::chrome_height`] comes to once [`Frame::fit`] has given
    /// up all it can: the title's first line.
    pub fn least_chrome_height(&self, style: &Style) -> f64 {
        2.0 * self.padding + self.header.first().map_or(0.0, |l| l.font.line_height()) + style.gap()
    }

    /// The header and footer height together with the gap under the header:
    /// what a view adds its own content to for its natural height.
    pub fn chrome_height(&self, style: &Style) -> f64 {
        self.header_height() + style.gap() + self.footer_height()
    }
}

fn block_height(lines: &[Line]) -> f64 {
    lines.iter().map(|l| l.space_before + l.font.line_height()).sum()
}

/// "Источник: {name}, {published} · данные на {updated}", with what the feed has.
fn credit_line(feed: &Feed, lang: Lang) -> String {
    let words = strings(lang);
    let mut parts = Vec::new();
    if let Some(source) = &feed.source {
        let name = source.name.as_ref().map(|n| clean(feed.text(n, lang))).filter(|n| !n.is_empty()).or_else(|| {
            source.url.as_ref().map(|u| match u {
                SourceUrl::Link(s) | SourceUrl::Plain(s) => clean(s),
            })
        });
        let published = source.published.map(|d| clean(&opeka_feed::locale::format_date(d, lang)));
        match (name, published) {
            (Some(name), Some(date)) => parts.push(format!("{}: {name}, {date}", Msg::Source.text(lang))),
            (Some(name), None) => parts.push(format!("{}: {name}", Msg::Source.text(lang))),
            (None, Some(date)) => parts.push(format!("{}: {date}", Msg::Source.text(lang))),
            (None, None) => {}
        }
    }
    if let Some(updated) = &feed.updated {
        parts.push(format!("{} {}", words.data_as_of, clean(&opeka_feed::locale::format_date(updated.date(), lang))));
    }
    join(&parts, " · ")
}
