//! Drawing on a plotters canvas over our SVG backend ([`crate::svg`]) at
//! computed coordinates, recording the box of every text and the shape of
//! every datum as it goes.
//!
//! Only DrawingArea primitives are used: plotters' chart builder and mesh
//! measure text with plotters' own font code, which guesses natively and
//! touches the host page's DOM on wasm32.

use plotters::coord::Shift;
use plotters::prelude::{Circle, DrawingArea, IntoDrawingArea, PathElement, Polygon, Rectangle, ShapeStyle, Text};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, TextStyle};

use crate::chart::{Mark, TextBox};
use crate::measure::TextMeasure;
use crate::svg::SvgBackend;
use crate::text::Font;
use crate::theme::{MarkerShape, Rgb, Style};

/// The font stack written into the SVG: the shipped PT Sans first, then
/// fonts of similar width. The widget may override it with `--opeka-font`.
pub const FONT_FAMILY: &str = "PT Sans, Arial, sans-serif";

/// Where a text's `x` is: its left edge, centre or right edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `x` is the left edge.
    Start,
    /// `x` is the centre.
    Middle,
    /// `x` is the right edge.
    End,
}

/// A canvas being drawn: the plotters drawing area plus what was recorded.
pub struct Canvas<'a> {
    area: DrawingArea<SvgBackend<'a>, Shift>,
    /// Canvas width in pixels.
    pub width: f64,
    /// Canvas height in pixels.
    pub height: f64,
    /// The theme's style.
    pub style: &'static Style,
    /// Measures every text laid out.
    pub measure: &'a dyn TextMeasure,
    texts: Vec<TextBox>,
    marks: Vec<Mark>,
}

/// What drawing produced: the SVG document and the recorded geometry.
pub struct Painted {
    /// A standalone SVG document.
    pub svg: String,
    /// Every text drawn.
    pub texts: Vec<TextBox>,
    /// Every datum drawn.
    pub marks: Vec<Mark>,
}

/// Draws a `width` × `height` chart with `draw` and returns the SVG, whose
/// `<title>` is `title`, with what was recorded.
pub fn paint(
    width: f64,
    height: f64,
    style: &'static Style,
    measure: &dyn TextMeasure,
    title: &str,
    draw: impl FnOnce(&mut Canvas<'_>),
) -> Painted {
    // Every view calls this with its own closure: passing it on as `dyn`
    // keeps one copy of the body below in the bundle instead of one per view.
    let mut draw = Some(draw);
    paint_with(width, height, style, measure, title, &mut |canvas| {
        if let Some(draw) = draw.take() {
            draw(canvas);
        }
    })
}

fn paint_with(
    width: f64,
    height: f64,
    style: &'static Style,
    measure: &dyn TextMeasure,
    title: &str,
    draw: &mut dyn FnMut(&mut Canvas<'_>),
) -> Painted {
    let mut svg = String::new();
    let (texts, marks) = {
        let backend = SvgBackend::new(&mut svg, (width as u32, height as u32));
        let area = backend.into_drawing_area();
        // Drawing into a String cannot fail; errors are dropped throughout.
        area.fill(&style.background.to_plotters()).ok();
        let mut canvas = Canvas { area, width, height, style, measure, texts: Vec::new(), marks: Vec::new() };
        draw(&mut canvas);
        canvas.area.present().ok();
        (canvas.texts, canvas.marks)
    };
    Painted { svg: with_title(svg, title), texts, marks }
}

/// Puts `<title>` first inside the root element, as SVG accessibility asks.
fn with_title(svg: String, title: &str) -> String {
    let element = format!("<title>{}</title>\n", xml_escape(title));
    match svg.find(">\n") {
        Some(end) => {
            let (open, rest) = svg.split_at(end + 2);
            let open = open.replacen("<svg ", "<svg role=\"img\" ", 1);
            format!("{open}{element}{rest}")
        }
        None => svg,
    }
}

/// Escapes text for XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::svg::push_escaped(&mut out, text);
    out
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

impl Canvas<'_> {
    /// Draws one line of `text` (already cleaned and fitted) with its line
    /// box's top at `y`, and records the box. Nothing is drawn, and `None`
    /// returned, when the box would leave the canvas.
    pub fn text(&mut self, text: &str, x: f64, y: f64, font: Font, colour: Rgb, align: Align) -> Option<TextBox> {
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
        let text_box = TextBox { text: text.to_owned(), x: left, y, w, h };
        let inside = left >= -0.01 && y >= -0.01 && left + w <= self.width + 0.01 && y + h <= self.height + 0.01;
        if !inside {
            return None;
        }
        let h_pos = match align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let weight = if font.bold { FontStyle::Bold } else { FontStyle::Normal };
        // Our backend writes this size as it is, in pixels (plotters_svg
        // wanted points and divided by 1.24).
        let style = TextStyle {
            font: FontDesc::new(FontFamily::Name(FONT_FAMILY), font.size, weight),
            color: colour.to_plotters().to_backend_color(),
            pos: Pos::new(h_pos, VPos::Top),
        };
        // plotters sets a top-anchored baseline 0.76 em below y; the line box
        // wants it 0.95 em down, leaving room for accents above capitals.
        let baseline_shift = 0.19 * font.size;
        self.area.draw(&Text::new(text.to_owned(), (px(x), px(y + baseline_shift)), style)).ok();
        self.texts.push(text_box.clone());
        Some(text_box)
    }

    /// Like [`Canvas::text`], but draws nothing when the box would overlap a
    /// text already drawn (for labels that may be dropped: ticks, targets).
    pub fn text_if_free(&mut self, text: &str, x: f64, y: f64, font: Font, colour: Rgb, align: Align) -> Option<TextBox> {
        let w = font.width(self.measure, text);
        let left = match align {
            Align::Start => x,
            Align::Middle => x - w / 2.0,
            Align::End => x - w,
        };
        let candidate = TextBox { text: String::new(), x: left, y, w, h: font.line_height() };
        if self.texts.iter().any(|t| t.overlaps(&candidate)) {
            return None;
        }
        self.text(text, x, y, font, colour, align)
    }

    /// Whether a box overlaps any text drawn so far.
    pub fn is_free(&self, candidate: &TextBox) -> bool {
        !self.texts.iter().any(|t| t.overlaps(candidate))
    }

    /// A filled rectangle.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, colour: Rgb) {
        let style = ShapeStyle { color: colour.to_plotters().to_rgba(), filled: true, stroke_width: 0 };
        self.area.draw(&Rectangle::new([(px(x), px(y)), (px(x + w), px(y + h))], style)).ok();
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
    /// polylines a chart draws, so tests can count them).
    pub fn polyline(&mut self, points: &[(f64, f64)], colour: Rgb, width: f64) {
        let style = ShapeStyle { color: colour.to_plotters().to_rgba(), filled: false, stroke_width: width.round().max(1.0) as u32 };
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area.draw(&PathElement::new(pts, style)).ok();
    }

    /// A point marker of `shape` with radius `r`, ringed in the background
    /// colour so that it stays readable where lines cross.
    pub fn marker(&mut self, shape: MarkerShape, x: f64, y: f64, r: f64, colour: Rgb) {
        let ring = (r * 0.4).max(1.0);
        self.marker_shape(shape, x, y, r + ring, self.style.background);
        self.marker_shape(shape, x, y, r, colour);
    }

    fn marker_shape(&mut self, shape: MarkerShape, x: f64, y: f64, r: f64, colour: Rgb) {
        let style = ShapeStyle { color: colour.to_plotters().to_rgba(), filled: true, stroke_width: 1 };
        match shape {
            MarkerShape::Circle => {
                self.area.draw(&Circle::new((px(x), px(y)), px(r).max(1), style)).ok();
            }
            _ => {
                let points: Vec<(i32, i32)> = marker_outline(shape, x, y, r).into_iter().map(|(a, b)| (px(a), px(b))).collect();
                self.area.draw(&Polygon::new(points, style)).ok();
            }
        }
    }

    /// Records a datum's mark.
    pub fn mark(&mut self, mark: Mark) {
        self.marks.push(mark);
    }

    /// A filled polygon through `points` (symbols, dashes of slanted lines).
    pub fn polygon(&mut self, points: &[(f64, f64)], colour: Rgb) {
        let style = ShapeStyle { color: colour.to_plotters().to_rgba(), filled: true, stroke_width: 0 };
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (px(x), px(y))).collect();
        self.area.draw(&Polygon::new(pts, style)).ok();
    }

    /// A dashed straight line from `from` to `to`, `thickness` pixels thick,
    /// `(dash, gap)` pixels. Each dash is a thin polygon, so that plans and
    /// targets never count among the series' polylines.
    pub fn dashed_line(&mut self, from: (f64, f64), to: (f64, f64), thickness: f64, colour: Rgb, (dash, gap): (f64, f64)) {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        // Not `hypot`: its overflow care is not needed for pixels, and it is a libm function more in the bundle.
        let length = (dx * dx + dy * dy).sqrt();
        if !length.is_finite() || length < 0.5 || dash <= 0.0 {
            return;
        }
        // Thinner quads would round away to nothing on whole pixels.
        let thickness = thickness.max(2.0);
        let (ux, uy) = (dx / length, dy / length);
        let (nx, ny) = (-uy * thickness / 2.0, ux * thickness / 2.0);
        let mut t = 0.0;
        while t < length {
            let end = (t + dash).min(length);
            let (ax, ay) = (from.0 + ux * t, from.1 + uy * t);
            let (bx, by) = (from.0 + ux * end, from.1 + uy * end);
            let quad = [(ax + nx, ay + ny), (bx + nx, by + ny), (bx - nx, by - ny), (ax - nx, ay - ny)];
            self.polygon(&quad, colour);
            t += dash + gap;
        }
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
    fn text_is_escaped_and_recorded() {
        let painted = paint(300.0, 100.0, Theme::Light.style(), &PtSansMetrics, "A <b> & \"c\"", |c| {
            let font = Font::regular(13.0);
            c.text("<script>alert('x') & \"y\"</script>", 4.0, 4.0, font, Rgb(0, 0, 0), Align::Start);
            assert!(c.text("off the canvas", 290.0, 4.0, font, Rgb(0, 0, 0), Align::Start).is_none());
        });
        assert!(!painted.svg.contains("<script>"), "{}", painted.svg);
        assert!(painted.svg.contains("&lt;script&gt;alert(&apos;x&apos;) &amp; &quot;y&quot;&lt;/script&gt;"));
        assert!(painted.svg.contains("<title>A &lt;b&gt; &amp; &quot;c&quot;</title>"));
        assert!(painted.svg.contains("font-family=\"PT Sans, Arial, sans-serif\""));
        assert!(painted.svg.contains("font-size=\"13\""));
        assert_eq!(painted.texts.len(), 1);
    }
}
