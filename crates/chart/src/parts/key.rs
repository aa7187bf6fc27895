//! A key: what each shape of a chart means (a marker, a bar, a hatched
//! bar, a tick, a line, a dashed line), flowing into rows.

use crate::canvas::Canvas;
use crate::measure::TextMeasure;
use crate::scene::{Align, TextRole};
use crate::text::{ellipsize, Font};
use crate::theme::{MarkerShape, Rgb};

/// How a key entry is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Swatch {
    /// A point marker.
    Marker(MarkerShape, Rgb),
    /// A short bar.
    Bar(Rgb),
    /// An outlined, hatched bar (a target standing in for an actual).
    Hatched(Rgb),
    /// A vertical tick (a bullet chart's target).
    Tick(Rgb),
    /// A line with a marker on it.
    Line(MarkerShape, Rgb),
    /// A dashed line.
    Dashed(Rgb),
}

/// A key: what each shape means, in rows as wide as allowed.
#[derive(Clone, Debug)]
pub(crate) struct Key {
    placed: Vec<(Swatch, String, f64, usize)>,
    rows: usize,
    font: Font,
    swatch: f64,
}

impl Key {
    /// Lays out `entries` in rows no wider than `width`.
    pub fn layout(entries: &[(Swatch, String)], width: f64, font: Font, measure: &dyn TextMeasure) -> Key {
        let swatch = (font.size * 1.6).round();
        let label_gap = (font.size * 0.4).round();
        let entry_gap = (font.size * 1.2).round();
        let (mut x, mut row) = (0.0, 0usize);
        let mut placed = Vec::new();
        for (kind, label) in entries {
            let text = ellipsize(measure, font, label, (width - swatch - label_gap).max(0.0));
            let w = swatch + label_gap + font.width(measure, &text);
            if x > 0.0 && x + w > width {
                row += 1;
                x = 0.0;
            }
            placed.push((*kind, text, x, row));
            x += w + entry_gap;
        }
        let rows = if entries.is_empty() { 0 } else { row + 1 };
        Key { placed, rows, font, swatch }
    }

    fn row_height(&self) -> f64 {
        self.font.line_height() + (self.font.size * 0.3).round()
    }

    /// The height the key takes.
    pub fn height(&self) -> f64 {
        self.rows as f64 * self.row_height()
    }

    /// Draws the key with its top-left corner at `(x, y)`.
    pub fn draw(&self, canvas: &mut Canvas<'_>, x: f64, y: f64) {
        let style = canvas.style;
        let label_gap = (self.font.size * 0.4).round();
        for (kind, text, dx, row) in &self.placed {
            let top = y + *row as f64 * self.row_height();
            let mid = top + self.font.line_height() / 2.0;
            let left = x + dx;
            let s = self.swatch;
            draw_swatch(canvas, *kind, left, mid, s, (self.font.size * 0.7).round());
            canvas.text(TextRole::Legend, text, left + s + label_gap, top, self.font, style.foreground, Align::Start);
        }
    }
}

/// Draws a key swatch `w` wide, `h` tall, centred vertically on `mid`.
fn draw_swatch(canvas: &mut Canvas<'_>, kind: Swatch, left: f64, mid: f64, w: f64, h: f64) {
    let style = canvas.style;
    match kind {
        Swatch::Marker(shape, colour) => canvas.marker(shape, left + w / 2.0, mid, style.marker_radius + 1.0, colour),
        Swatch::Bar(colour) => canvas.rect(left, mid - h / 2.0, w, h, colour),
        Swatch::Hatched(colour) => hatched_rect(canvas, left, mid - h / 2.0, w, h, colour),
        Swatch::Tick(colour) => canvas.vline(left + w / 2.0, mid - h * 0.8, mid + h * 0.8, 3.0 * style.text_scale, colour),
        Swatch::Line(shape, colour) => {
            canvas.hline(left, left + w, mid, style.line_width, colour);
            canvas.marker(shape, left + w / 2.0, mid, style.marker_radius, colour);
        }
        Swatch::Dashed(colour) => canvas.dashed_hline(left, left + w, mid, (style.line_width / 2.0).max(2.0), colour, (5.0, 3.0)),
    }
}

/// An outlined rectangle with vertical hatching: a planned value, not a measured one.
pub(crate) fn hatched_rect(canvas: &mut Canvas<'_>, x: f64, y: f64, w: f64, h: f64, colour: Rgb) {
    if w < 1.0 || h < 1.0 {
        return;
    }
    let t = 1.5_f64.max(canvas.style.text_scale);
    let mut sx = x + 3.0;
    while sx < x + w - 2.0 {
        canvas.vline(sx, y, y + h, 1.0, colour);
        sx += 4.0;
    }
    canvas.hline(x, x + w, y + t / 2.0, t, colour);
    canvas.hline(x, x + w, y + h - t / 2.0, t, colour);
    canvas.vline(x + t / 2.0, y, y + h, t, colour);
    canvas.vline(x + w - t / 2.0, y, y + h, t, colour);
}
