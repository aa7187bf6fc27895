//! The canvas a view lays out on: it records primitives, text boxes and
//! marks into a [`Scene`] at computed coordinates. Nothing is drawn here;
//! [`crate::write_svg`] draws the finished scene.

use opeka_feed::View;

use crate::measure::TextMeasure;
use crate::scene::{Align, Item, Key, Mark, Scene, TextBox, TextRole};
use crate::table::DataTable;
use crate::text::Font;
use crate::theme::{MarkerShape, Rgb, Style};

/// A scene being laid out.
pub struct Canvas<'a> {
    /// Canvas width in pixels.
    pub width: f64,
    /// Canvas height in pixels.
    pub height: f64,
    /// The theme's style.
    pub style: &'static Style,
    /// Measures every text laid out.
    pub measure: &'a dyn TextMeasure,
    view: View,
    panel: usize,
    items: Vec<Item>,
    texts: Vec<TextBox>,
    /// The texts by row band, for [`Canvas::text_if_free`].
    bands: Bands,
    marks: Vec<Mark>,
    keys: Vec<Key>,
}

/// The indices of the texts drawn so far, by the horizontal bands of the
/// canvas their boxes cross: a label is checked against the texts of its
/// own bands, not against every text (a bar chart of 200 000 rows would
/// compare each label with every other, `n²`).
///
/// A box is filed under every band from the one holding its top to the
/// one holding its bottom, through one non-decreasing map from `y` to a
/// band; two boxes that share area share a row range, hence a band, so
/// the bands hold every text the naive check would find and the exact
/// [`TextBox::overlaps`] decides as before.
struct Bands {
    /// Band height in pixels.
    height: f64,
    /// Text indices, by band; allocated with the first text.
    texts: Vec<Vec<usize>>,
    /// How many bands the canvas is cut into.
    count: usize,
}

impl Bands {
    /// Bands of about two lines of small text, at most 65 536 of them
    /// (a canvas 200 000 rows tall gets taller bands, not a huge index).
    fn new(canvas_height: f64) -> Bands {
        let count =
            if canvas_height.is_finite() && canvas_height > 0.0 { (canvas_height / 24.0).ceil().clamp(1.0, 65_536.0) as usize } else { 1 };
        Bands { height: canvas_height.max(1.0) / count as f64, texts: Vec::new(), count }
    }

    /// The bands a box from `top` to `bottom` crosses. Out-of-range and
    /// NaN coordinates land in the first or last band; a NaN box overlaps
    /// nothing anyway.
    fn range(&self, top: f64, bottom: f64) -> std::ops::RangeInclusive<usize> {
        let band = |y: f64| ((y / self.height).floor().max(0.0) as usize).min(self.count - 1);
        band(top)..=band(bottom).max(band(top))
    }

    fn add(&mut self, index: usize, text: &TextBox) {
        if self.texts.is_empty() {
            self.texts = vec![Vec::new(); self.count];
        }
        for band in self.range(text.y, text.y + text.h) {
            self.texts[band].push(index);
        }
    }

    /// The indices of the texts that may overlap `candidate`: every one that does, and some that do not.
    fn near(&self, candidate: &TextBox) -> impl Iterator<Item = usize> + '_ {
        let lists: &[Vec<usize>] =
            if self.texts.is_empty() { &[] } else { &self.texts[self.range(candidate.y, candidate.y + candidate.h)] };
        lists.iter().flatten().copied()
    }
}

impl<'a> Canvas<'a> {
    /// An empty `width` × `height` canvas for `view`.
    pub fn new(view: View, width: f64, height: f64, style: &'static Style, measure: &'a dyn TextMeasure) -> Canvas<'a> {
        Canvas {
            width,
            height,
            style,
            measure,
            view,
            panel: 0,
            items: Vec::new(),
            texts: Vec::new(),
            bands: Bands::new(height),
            marks: Vec::new(),
            keys: Vec::new(),
        }
    }

    /// The finished scene, titled `title`, with its readings. Marks are
    /// put in keyboard order: by series, then in the order they were laid
    /// out (along the series).
    pub fn finish(self, title: &str, summary: String, table: DataTable) -> Scene {
        let mut marks = self.marks;
        let mut order: Vec<usize> = (0..marks.len()).collect();
        opeka_feed::collections::order::sort_stable_by(&mut order, |&a, &b| marks[a].series_index.cmp(&marks[b].series_index));
        for (rank, &i) in order.iter().enumerate() {
            marks[i].order = rank;
        }
        Scene {
            view: self.view,
            medium: crate::Medium::Screen,
            width: self.width,
            height: self.height,
            title: title.to_owned(),
            background: self.style.background,
            items: self.items,
            marks,
            texts: self.texts,
            summary,
            table,
            // Only where hiding a series leaves a chart that still reads.
            keys: if matches!(self.view, View::Trend | View::Composition | View::Breakdown) { self.keys } else { Vec::new() },
        }
    }
}

impl Canvas<'_> {
    /// Lays out one line of `text` (already cleaned and fitted) with its
    /// line box's top at `y`, and records its box. Nothing is laid out, and
    /// `None` returned, when the box would leave the canvas.
    pub fn text(&mut self, role: TextRole, text: &str, x: f64, y: f64, font: Font, colour: Rgb, align: Align) -> Option<TextBox> {
        if text.is_empty() {
            return None;
        }
        let w = font.width(self.measure, text);
        let h = font.line_height();
        let left = match align {
            Align::Start => x,
            Align::Middle => x - w / 2.0,
            Align::End => x - w,
        };
        let text_box = TextBox { text: text.to_owned(), x: left, y, w, h, size: font.size, bold: font.bold, role };
        let inside = left >= -0.01 && y >= -0.01 && left + w <= self.width + 0.01 && y + h <= self.height + 0.01;
        if !inside {
            return None;
        }
        self.items.push(Item::Text { index: self.texts.len(), x, y, align, colour });
        self.bands.add(self.texts.len(), &text_box);
        self.texts.push(text_box.clone());
        Some(text_box)
    }

    /// A message in place of a plot ("нет данных"), fitted to `width` and
    /// centred on `centre_x`, its line's top at `y`, in the muted colour.
    pub fn message(&mut self, text: &str, centre_x: f64, y: f64, width: f64, font: Font) -> Option<TextBox> {
        let fitted = crate::text::ellipsize(self.measure, font, text, width);
        self.text(TextRole::Message, &fitted, centre_x, y, font, self.style.muted, Align::Middle)
    }

    /// Like [`Canvas::text`], but draws nothing when the box would overlap a
    /// text already drawn (for labels that may be dropped: ticks, targets).
    pub fn text_if_free(&mut self, role: TextRole, text: &str, x: f64, y: f64, font: Font, colour: Rgb, align: Align) -> Option<TextBox> {
        let w = font.width(self.measure, text);
        let left = match align {
            Align::Start => x,
            Align::Middle => x - w / 2.0,
            Align::End => x - w,
        };
        let candidate = TextBox { text: String::new(), x: left, y, w, h: font.line_height(), size: font.size, bold: font.bold, role };
        if self.bands.near(&candidate).any(|i| self.texts[i].overlaps(&candidate)) {
            return None;
        }
        self.text(role, text, x, y, font, colour, align)
    }

    /// A filled rectangle.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, colour: Rgb) {
        self.items.push(Item::Rect { x, y, w, h, fill: colour });
    }

    /// A horizontal line `thickness` pixels thick, centred on `y`, drawn as a
    /// rectangle so it lands on whole pixels.
    pub fn hline(&mut self, x0: f64, x1: f64, y: f64, thickness: f64, colour: Rgb) {
        let top = (y - thickness / 2.0).round();
        self.rect(x0, top, x1 - x0, thickness.round().max(1.0), colour);
    }

    /// A vertical line, as [`Canvas::hline`].
    pub fn vline(&mut self, x: f64, y0: f64, y1: f64, thickness: f64, colour: Rgb) {
        let left = (x - thickness / 2.0).round();
        self.rect(left, y0, thickness.round().max(1.0), y1 - y0, colour);
    }

    /// A dashed horizontal line (targets): `(dash, gap)` pixels.
    pub fn dashed_hline(&mut self, x0: f64, x1: f64, y: f64, thickness: f64, colour: Rgb, (dash, gap): (f64, f64)) {
        let mut x = x0;
        while x < x1 {
            self.hline(x, (x + dash).min(x1), y, thickness, colour);
            x += dash + gap;
        }
    }

    /// A series line through `points` (an SVG `<polyline>`; lines are the only
    /// solid polylines a chart draws, so tests can count them).
    pub fn polyline(&mut self, points: &[(f64, f64)], colour: Rgb, width: f64) {
        self.items.push(Item::Line { points: points.to_vec(), stroke: colour, width });
    }

    /// A point marker of `shape` with radius `r`, ringed in the background
    /// colour so that it stays readable where lines cross.
    pub fn marker(&mut self, shape: MarkerShape, x: f64, y: f64, r: f64, colour: Rgb) {
        let ring = (r * 0.4).max(1.0);
        self.marker_shape(shape, x, y, r + ring, self.style.background);
        self.marker_shape(shape, x, y, r, colour);
    }

    fn marker_shape(&mut self, shape: MarkerShape, x: f64, y: f64, r: f64, colour: Rgb) {
        match shape {
            MarkerShape::Circle => self.items.push(Item::Circle { x, y, r, fill: colour }),
            _ => self.items.push(Item::Polygon { points: marker_outline(shape, x, y, r), fill: colour }),
        }
    }

    /// Starts panel `panel`: the marks recorded from now on are drawn on
    /// its own scale (views of several small plots).
    pub fn panel(&mut self, panel: usize) {
        self.panel = panel;
    }

    /// Records a datum's mark, in the current panel.
    pub fn mark(&mut self, mut mark: Mark) {
        mark.panel = self.panel;
        self.marks.push(mark);
    }

    /// Records a legend entry a viewer may click to hide or show its series.
    pub fn key(&mut self, key: Key) {
        self.keys.push(key);
    }

    /// A filled polygon through `points` (symbols).
    pub fn polygon(&mut self, points: &[(f64, f64)], colour: Rgb) {
        self.items.push(Item::Polygon { points: points.to_vec(), fill: colour });
    }

    /// A dashed straight line from `from` to `to`, `thickness` pixels thick,
    /// `(dash, gap)` pixels: one item, never among the series' lines.
    pub fn dashed_line(&mut self, from: (f64, f64), to: (f64, f64), thickness: f64, colour: Rgb, dash: (f64, f64)) {
        // Not `hypot`: its overflow care is not needed for pixels, and it is a libm function more in the bundle.
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let length = (dx * dx + dy * dy).sqrt();
        if !length.is_finite() || length < 0.5 || dash.0 <= 0.0 {
            return;
        }
        // At least 2 px, as plans were drawn before they were one element: thinner, a slanted dash is faint.
        self.items.push(Item::Dashed { from, to, stroke: colour, width: thickness.max(2.0), dash });
    }
}

/// The outline of a polygonal marker, scaled so that every shape looks
/// about as heavy as a circle of radius `r`.
fn marker_outline(shape: MarkerShape, x: f64, y: f64, r: f64) -> Vec<(f64, f64)> {
    let s = match shape {
        MarkerShape::Square => r * 0.9,
        MarkerShape::Diamond => r * 1.25,
        MarkerShape::Triangle | MarkerShape::TriangleDown => r * 1.3,
        MarkerShape::Plus => r * 1.15,
        MarkerShape::Circle => r,
    };
    match shape {
        MarkerShape::Square => vec![(x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s)],
        MarkerShape::Diamond => vec![(x, y - s), (x + s, y), (x, y + s), (x - s, y)],
        MarkerShape::Triangle => vec![(x, y - s), (x + s * 0.87, y + s * 0.5), (x - s * 0.87, y + s * 0.5)],
        MarkerShape::TriangleDown => vec![(x, y + s), (x + s * 0.87, y - s * 0.5), (x - s * 0.87, y - s * 0.5)],
        MarkerShape::Plus => {
            let t = s * 0.38;
            vec![
                (x - t, y - s),
                (x + t, y - s),
                (x + t, y - t),
                (x + s, y - t),
                (x + s, y + t),
                (x + t, y + t),
                (x + t, y + s),
                (x - t, y + s),
                (x - t, y + t),
                (x - s, y + t),
                (x - s, y - t),
                (x - t, y - t),
            ]
        }
        MarkerShape::Circle => (0..16)
            .map(|i| {
                let a = f64::from(i) * std::f64::consts::TAU / 16.0;
                (x + s * a.cos(), y + s * a.sin())
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::PtSansMetrics;
    use crate::theme::Theme;

    #[test]
    fn bands_find_what_comparing_with_every_text_finds() {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |scale: f64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 1_000_000) as f64 / 1_000_000.0 * scale
        };
        for canvas_height in [0.0, 10.0, 300.0, 5_000.0, 2_000_000.0, f64::NAN] {
            let scale = if canvas_height.is_finite() { canvas_height.max(50.0) } else { 500.0 };
            let mut bands = Bands::new(canvas_height);
            let mut texts: Vec<TextBox> = Vec::new();
            let boxed = |x: f64, y: f64, w: f64, h: f64| TextBox {
                text: String::new(),
                x,
                y,
                w,
                h,
                size: 12.0,
                bold: false,
                role: TextRole::Label,
            };
            for i in 0..600 {
                // Some boxes off the canvas, some tall, some NaN: the canvas refuses those, the index must not care.
                let y = next(scale * 1.2) - scale * 0.1;
                let h = if i % 50 == 0 { next(scale) } else { next(30.0) };
                let candidate = boxed(next(800.0), if i % 97 == 0 { f64::NAN } else { y }, next(120.0), h);
                let naive = texts.iter().any(|t| t.overlaps(&candidate));
                let indexed = bands.near(&candidate).any(|j| texts[j].overlaps(&candidate));
                assert_eq!(indexed, naive, "height {canvas_height}, text {i}");
                if !naive || i % 3 == 0 {
                    bands.add(texts.len(), &candidate);
                    texts.push(candidate);
                }
            }
        }
    }

    #[test]
    fn text_is_recorded_with_its_box_and_off_canvas_text_is_not() {
        let mut c = Canvas::new(View::Trend, 300.0, 100.0, Theme::Light.style(), &PtSansMetrics);
        let font = Font::regular(13.0);
        let drawn = c.text(TextRole::Label, "Кемерово", 150.0, 4.0, font, Rgb(0, 0, 0), Align::Middle).expect("fits");
        assert!((drawn.x + drawn.w / 2.0 - 150.0).abs() < 1e-9);
        assert_eq!((drawn.size, drawn.role), (13.0, TextRole::Label));
        assert!(c.text(TextRole::Label, "off the canvas", 290.0, 4.0, font, Rgb(0, 0, 0), Align::Start).is_none());
        assert!(c.text_if_free(TextRole::Axis, "Кемерово", 150.0, 4.0, font, Rgb(0, 0, 0), Align::Middle).is_none());
        let scene = c.finish("T", String::new(), DataTable::default());
        assert_eq!(scene.texts.len(), 1);
        assert_eq!(scene.items.len(), 1);
    }
}
