//! A legend: one entry per series, each a line swatch with the series'
//! marker and its label, flowing into as many rows as the width needs.

use crate::canvas::Canvas;
use crate::measure::TextMeasure;
use crate::scene::{Align, Key, TextRole};
use crate::text::{ellipsize, Font};
use crate::theme::{MarkerShape, Rgb, Style};
use crate::views::Context;

/// One legend entry.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// The series label (cleaned).
    pub label: String,
    /// The series colour.
    pub colour: Rgb,
    /// The series marker.
    pub marker: MarkerShape,
    /// Whether the viewer hid the series: its entry stays where it is, greyed.
    pub hidden: bool,
}

#[derive(Clone, Debug, PartialEq)]
struct Placed {
    entry: LegendEntry,
    text: String,
    x: f64,
    row: usize,
}

/// A legend laid out for a width.
#[derive(Clone, Debug, PartialEq)]
pub struct Legend {
    placed: Vec<Placed>,
    rows: usize,
    font: Font,
    swatch: f64,
}

impl Legend {
    /// The legend of a chart's series — each a label, a colour and a
    /// marker, in the series' order — laid out for `width`, each entry
    /// greyed where the viewer hid that series.
    pub(crate) fn of_series<'s>(
        ctx: &Context,
        series: impl Iterator<Item = (&'s str, Rgb, MarkerShape)>,
        width: f64,
        font: Font,
    ) -> Legend {
        let entries: Vec<LegendEntry> = series
            .enumerate()
            .map(|(n, (label, colour, marker))| LegendEntry { label: label.to_owned(), colour, marker, hidden: ctx.is_hidden(n) })
            .collect();
        Legend::layout(&entries, width, font, ctx.measure)
    }

    /// Lays out `entries` in rows no wider than `width`; a label too long
    /// for a row of its own is ellipsized.
    pub fn layout(entries: &[LegendEntry], width: f64, font: Font, measure: &dyn TextMeasure) -> Legend {
        let swatch = (font.size * 1.6).round();
        let label_gap = (font.size * 0.4).round();
        let entry_gap = (font.size * 1.2).round();
        let mut placed = Vec::new();
        let (mut x, mut row) = (0.0, 0usize);
        for entry in entries {
            let text = ellipsize(measure, font, &entry.label, (width - swatch - label_gap).max(0.0));
            let w = swatch + label_gap + font.width(measure, &text);
            if x > 0.0 && x + w > width {
                row += 1;
                x = 0.0;
            }
            placed.push(Placed { entry: entry.clone(), text, x, row });
            x += w + entry_gap;
        }
        let rows = if entries.is_empty() { 0 } else { row + 1 };
        Legend { placed, rows, font, swatch }
    }

    /// The height the legend takes.
    pub fn height(&self) -> f64 {
        self.rows as f64 * self.row_height()
    }

    fn row_height(&self) -> f64 {
        self.font.line_height() + (self.font.size * 0.3).round()
    }

    /// Draws the legend with its top-left corner at `(x, y)`.
    pub fn draw(&self, canvas: &mut Canvas<'_>, x: f64, y: f64, style: &Style) {
        for (n, p) in self.placed.iter().enumerate() {
            let top = y + p.row as f64 * self.row_height();
            let middle = top + self.font.line_height() / 2.0;
            let left = x + p.x;
            let colour = self.colour(p, style);
            canvas.hline(left, left + self.swatch, middle, style.line_width, colour);
            canvas.marker(p.entry.marker, left + self.swatch / 2.0, middle, style.marker_radius, colour);
            self.label(canvas, p, n, left, top, style);
        }
    }

    /// A hidden series' swatch is the grid's grey; the others their colour.
    fn colour(&self, p: &Placed, style: &Style) -> Rgb {
        if p.entry.hidden {
            style.grid
        } else {
            p.entry.colour
        }
    }

    /// Draws an entry's label and records the entry as the key of series `n`.
    fn label(&self, canvas: &mut Canvas<'_>, p: &Placed, n: usize, left: f64, top: f64, style: &Style) {
        let label_gap = (self.font.size * 0.4).round();
        let ink = if p.entry.hidden { style.muted } else { style.foreground };
        let text = canvas.text(TextRole::Legend, &p.text, left + self.swatch + label_gap, top, self.font, ink, Align::Start);
        let right = text.map_or(left + self.swatch, |t| t.x + t.w);
        let (x, w, h) = (left, right - left, self.font.line_height());
        canvas.key(Key { series: n, label: p.entry.label.clone(), hidden: p.entry.hidden, x, y: top, w, h });
    }

    /// Draws the legend as [`Legend::draw`] does, but with a filled block
    /// for each swatch, its marker knocked out of it: the key of bar charts,
    /// whose bars carry the same marker.
    pub fn draw_blocks(&self, canvas: &mut Canvas<'_>, x: f64, y: f64, style: &Style) {
        let block_h = (self.font.line_height() - 2.0).max(1.0);
        for (n, p) in self.placed.iter().enumerate() {
            let top = y + p.row as f64 * self.row_height();
            let middle = top + self.font.line_height() / 2.0;
            let left = x + p.x;
            let colour = self.colour(p, style);
            canvas.rect(left, middle - block_h / 2.0, self.swatch, block_h, colour);
            let r = style.marker_radius.min(block_h / 2.0 - 1.0).max(1.0);
            canvas.marker(p.entry.marker, left + self.swatch / 2.0, middle, r, style.ink_on(colour));
            self.label(canvas, p, n, left, top, style);
        }
    }
}
