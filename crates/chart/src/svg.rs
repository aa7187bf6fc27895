//! Our plotters backend: SVG written into a `String`.
//!
//! It writes the elements `plotters_svg::SVGBackend` wrote for the shapes a
//! chart draws (the golden snapshots hold us to it), with these differences:
//!
//! * numbers that are not integers (font size, dashes) are written by
//!   `opeka_feed::locale`'s printers, not with `{}` of `f64`, which would
//!   link core's float printer into the wasm bundle;
//! * the font size is written as given, in pixels: plotters_svg divided it
//!   by 1.24 and [`crate::draw`] had to tidy `13.000000000000002` back to
//!   `13` afterwards. It is rounded to 1/100 px, as that tidying did;
//! * what every element would repeat is said once, on the root: the font
//!   family and `stroke="none"` (both inherited). What is at its initial
//!   value is left out: `text-anchor="start"`, a filled shape's stroke
//!   width, and `opacity` (a scene's colours, [`crate::Rgb`], are opaque;
//!   an invisible colour is not drawn). A browser parses and styles every
//!   attribute of every element: docs/performance.md, stop 47;
//! * a path drawn while the writer's dash is set is dashed;
//! * a document may show a stretch of the canvas, a band of a tall chart,
//!   and what misses it is not written.
//!
//! Pixels, bitmaps and rotated text are not drawn by any view and are left
//! out (plotters' default `draw_pixel`-free fallbacks are never reached).

use std::cell::Cell;
use std::convert::Infallible;
use std::fmt::Write as _;

use opeka_feed::locale::write_trimmed;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle};

/// Draws into `out`: the `<svg>` element opens on creation and closes on
/// [`DrawingBackend::present`].
pub struct SvgBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
    dash: &'a Cell<Option<(f64, f64)>>,
    /// The stretch of the canvas shown, top and bottom.
    shown: (i32, i32),
    /// Where the element being written starts in `out`.
    start: usize,
}

impl<'a> SvgBackend<'a> {
    /// An SVG document of a `width` × `height` canvas written into `out`,
    /// showing its stretch `shown`: `(top, height)`, the whole canvas when
    /// that is `(0, height)` (a band of a tall chart otherwise:
    /// [`crate::write_svg_bands`]); an element that does not reach into it
    /// is left out. An image titled `title` (its `<title>` first inside the
    /// root, as SVG accessibility asks), its texts in `font_family` (the
    /// family a text style names is not written).
    ///
    /// A path drawn while `dash` holds `(dash, gap)` is drawn in dashes of
    /// `dash` pixels and gaps of `gap`, the first dash at its start:
    /// plotters' styles have no dashes, and its dashed path is an element
    /// per dash (two fifths of a big trajectory's elements were its plans'
    /// dashes: docs/performance.md, stop 47).
    pub fn new(
        out: &'a mut String,
        (width, height): (u32, u32),
        (top, shown): (u32, u32),
        title: &str,
        font_family: &str,
        dash: &'a Cell<Option<(f64, f64)>>,
    ) -> Self {
        // Writing into a String cannot fail: the results are dropped.
        write!(
            out,
            "<svg role=\"img\" width=\"{width}\" height=\"{shown}\" viewBox=\"0 {top} {width} {shown}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\""
        )
        .ok();
        push_escaped(out, font_family);
        out.push_str("\" stroke=\"none\">\n<title>");
        push_escaped(out, title);
        out.push_str("</title>\n");
        let shown = (top as i32, (top + shown) as i32);
        SvgBackend { out, size: (width, height), closed: false, dash, shown, start: 0 }
    }

    /// Starts an element: `<name`.
    fn open(&mut self, name: &str) {
        self.start = self.out.len();
        self.out.push('<');
        self.out.push_str(name);
    }

    /// Whether what reaches from `top` to `bottom` down the canvas misses
    /// the stretch shown (and is not written: a band of a tall chart is
    /// written for every text of the chart, most of them elsewhere).
    #[inline(never)]
    fn misses(&self, top: i32, bottom: i32) -> bool {
        bottom < self.shown.0 || top > self.shown.1
    }

    /// ` key="value"` for a value that needs no escaping.
    fn attr(&mut self, key: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(key);
        self.out.push_str("=\"");
        self.out.push_str(value);
        self.out.push('"');
    }

    /// ` key="n"` for an integer.
    fn attr_int(&mut self, key: &str, n: impl std::fmt::Display) {
        write!(self.out, " {key}=\"{n}\"").ok();
    }

    /// ` key="#RRGGBB"`.
    fn colour(&mut self, key: &str, color: BackendColor) {
        let (r, g, b) = color.rgb;
        self.attr(key, &hex(r, g, b));
    }

    /// A filled shape without an outline (the root's `stroke="none"`), or
    /// an outline without a fill.
    fn fill_or_stroke(&mut self, color: BackendColor, fill: bool) {
        if fill {
            self.colour("fill", color);
        } else {
            self.attr("fill", "none");
            self.colour("stroke", color);
        }
    }

    /// ` points="x,y x,y "` (with the trailing space plotters_svg wrote),
    /// and the end of the element; or nothing, and the element taken back,
    /// if its line, 3 px wide at most, misses the stretch shown.
    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        let (mut top, mut bottom) = (i32::MAX, i32::MIN);
        self.out.push_str(" points=\"");
        for (x, y) in path {
            (top, bottom) = (top.min(y), bottom.max(y));
            write!(self.out, "{x},{y} ").ok();
        }
        self.out.push('"');
        if self.misses(top - 3, bottom + 3) {
            self.out.truncate(self.start);
        } else {
            self.close_empty();
        }
    }

    /// Ends an empty element.
    fn close_empty(&mut self) {
        self.out.push_str("/>\n");
    }
}

/// `#RRGGBB` in upper-case hex.
fn hex(r: u8, g: u8, b: u8) -> String {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(7);
    out.push('#');
    for byte in [r, g, b] {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 15)]));
    }
    out
}

/// Escapes text for XML content and attribute values, into `out`.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }

    /// No view draws single pixels; plotters only falls back to them for
    /// shapes this backend draws itself.
    fn draw_pixel(&mut self, _point: BackendCoord, _color: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha == 0.0 || self.misses(from.1.min(to.1) - 3, from.1.max(to.1) + 3) {
            return Ok(());
        }
        self.open("line");
        self.colour("stroke", color);
        self.attr_int("stroke-width", style.stroke_width());
        self.attr_int("x1", from.0);
        self.attr_int("y1", from.1);
        self.attr_int("x2", to.0);
        self.attr_int("y2", to.1);
        self.close_empty();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha == 0.0 || self.misses(upper_left.1 - 1, bottom_right.1 + 1) {
            return Ok(());
        }
        self.open("rect");
        self.attr_int("x", upper_left.0);
        self.attr_int("y", upper_left.1);
        self.attr_int("width", bottom_right.0 - upper_left.0);
        self.attr_int("height", bottom_right.1 - upper_left.1);
        self.fill_or_stroke(color, fill);
        self.close_empty();
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.open("polyline");
        self.attr("fill", "none");
        self.colour("stroke", color);
        self.attr_int("stroke-width", style.stroke_width());
        if let Some((dash, gap)) = self.dash.get() {
            self.out.push_str(" stroke-dasharray=\"");
            write_trimmed(self.out, dash, 2);
            self.out.push(' ');
            write_trimmed(self.out, gap, 2);
            self.out.push('"');
        }
        self.points(path);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.open("polygon");
        self.colour("fill", color);
        self.points(path);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        let reach = radius as i32 + 2;
        if color.alpha == 0.0 || self.misses(center.1 - reach, center.1 + reach) {
            return Ok(());
        }
        self.open("circle");
        self.attr_int("cx", center.0);
        self.attr_int("cy", center.1);
        self.attr_int("r", radius);
        self.fill_or_stroke(color, fill);
        if !fill {
            self.attr_int("stroke-width", style.stroke_width());
        }
        self.close_empty();
        Ok(())
    }

    /// One `<text>` element; `style.size()` is the font size in pixels.
    /// Rotation (never used by a chart) is not written, nor is the family:
    /// the root's is every text's.
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, (x, y): BackendCoord) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        // Its accents and its descenders: its baseline is 0.76 of its size below `y`.
        let size = style.size() as i32;
        if color.alpha == 0.0 || self.misses(y - size / 2, y + 3 * size / 2) {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => None,
            HPos::Right => Some("end"),
            HPos::Center => Some("middle"),
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        self.open("text");
        self.attr_int("x", x);
        self.attr_int("y", y);
        self.attr("dy", dy);
        if let Some(anchor) = anchor {
            self.attr("text-anchor", anchor);
        }
        self.out.push_str(" font-size=\"");
        write_trimmed(self.out, style.size(), 2);
        self.out.push('"');
        self.colour("fill", color);
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.attr("font-weight", "bold"),
            other => self.attr("font-style", other.as_str()),
        }
        self.out.push('>');
        push_escaped(self.out, text);
        self.out.push_str("</text>\n");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters_backend::text_anchor::Pos;
    use plotters_backend::FontFamily;

    /// A text style with everything [`SvgBackend::draw_text`] reads.
    struct Style {
        size: f64,
        alpha: f64,
    }

    impl BackendTextStyle for Style {
        type FontError = Infallible;
        fn color(&self) -> BackendColor {
            BackendColor { alpha: self.alpha, rgb: (0x1F, 0xA0, 0x05) }
        }
        fn size(&self) -> f64 {
            self.size
        }
        fn anchor(&self) -> Pos {
            Pos::new(HPos::Center, VPos::Top)
        }
        fn family(&self) -> FontFamily<'_> {
            FontFamily::Name("PT Sans, \"A\"")
        }
        fn style(&self) -> FontStyle {
            FontStyle::Bold
        }
        fn layout_box(&self, _text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
            Ok(((0, 0), (0, 0)))
        }
        fn draw<E, DrawFunc: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
            &self,
            _text: &str,
            _pos: BackendCoord,
            _draw: DrawFunc,
        ) -> Result<Result<(), E>, Self::FontError> {
            Ok(Ok(()))
        }
    }

    fn text(size: f64, alpha: f64) -> String {
        let mut out = String::new();
        let dash = Cell::new(None);
        let mut svg = SvgBackend::new(&mut out, (10, 20), (0, 20), "<A>", "PT Sans, \"A\"", &dash);
        svg.draw_text("a<b", &Style { size, alpha }, (3, -4)).ok();
        svg.present().ok();
        out
    }

    #[test]
    fn text_element_without_what_the_root_says() {
        assert_eq!(
            text(13.0, 1.0),
            "<svg role=\"img\" width=\"10\" height=\"20\" viewBox=\"0 0 10 20\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"PT Sans, &quot;A&quot;\" stroke=\"none\">\n\
             <title>&lt;A&gt;</title>\n\
             <text x=\"3\" y=\"-4\" dy=\"0.76em\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1FA005\" font-weight=\"bold\">a&lt;b</text>\n</svg>\n"
        );
    }

    #[test]
    fn font_size_is_rounded_to_hundredths() {
        for (size, written) in [(12.5, "12.5"), (13.000000000000002, "13"), (101.0, "101"), (11.336, "11.34"), (9.999, "10")] {
            assert!(text(size, 1.0).contains(&format!(" font-size=\"{written}\" ")), "{size}");
        }
    }

    #[test]
    fn no_opacity_is_written() {
        assert!(!text(13.0, 1.0).contains("opacity"));
        // Invisible text is not written at all.
        assert!(!text(13.0, 0.0).contains("<text"));
    }

    #[test]
    fn shapes() {
        let mut out = String::new();
        let dash = Cell::new(None);
        let mut svg = SvgBackend::new(&mut out, (8, 8), (0, 8), "", "PT Sans", &dash);
        let red = BackendColor { alpha: 1.0, rgb: (255, 0, 0) };
        svg.draw_rect((1, 2), (4, 6), &red, true).ok();
        svg.draw_path([(0, 0), (3, 4)], &red).ok();
        svg.fill_polygon([(0, 0), (3, 4), (0, 4)], &red).ok();
        svg.draw_circle((2, 3), 4, &red, true).ok();
        svg.draw_circle((2, 3), 4, &red, false).ok();
        svg.draw_line((0, 1), (2, 3), &red).ok();
        dash.set(Some((6.0, 4.5)));
        svg.draw_path([(0, 1), (7, 5)], &red).ok();
        dash.set(None);
        svg.draw_path([(0, 0), (3, 4)], &red).ok();
        svg.present().ok();
        svg.present().ok();
        let want = [
            "<svg role=\"img\" width=\"8\" height=\"8\" viewBox=\"0 0 8 8\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"PT Sans\" stroke=\"none\">",
            "<title></title>",
            "<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\" fill=\"#FF0000\"/>",
            "<polyline fill=\"none\" stroke=\"#FF0000\" stroke-width=\"1\" points=\"0,0 3,4 \"/>",
            "<polygon fill=\"#FF0000\" points=\"0,0 3,4 0,4 \"/>",
            "<circle cx=\"2\" cy=\"3\" r=\"4\" fill=\"#FF0000\"/>",
            "<circle cx=\"2\" cy=\"3\" r=\"4\" fill=\"none\" stroke=\"#FF0000\" stroke-width=\"1\"/>",
            "<line stroke=\"#FF0000\" stroke-width=\"1\" x1=\"0\" y1=\"1\" x2=\"2\" y2=\"3\"/>",
            "<polyline fill=\"none\" stroke=\"#FF0000\" stroke-width=\"1\" stroke-dasharray=\"6 4.5\" points=\"0,1 7,5 \"/>",
            "<polyline fill=\"none\" stroke=\"#FF0000\" stroke-width=\"1\" points=\"0,0 3,4 \"/>",
            "</svg>",
            "",
        ];
        assert_eq!(out, want.join("\n"));
    }

    #[test]
    fn a_band_keeps_what_reaches_into_it_and_leaves_out_the_rest() {
        let mut out = String::new();
        let dash = Cell::new(None);
        let mut svg = SvgBackend::new(&mut out, (8, 300), (100, 50), "", "PT Sans", &dash);
        let red = BackendColor { alpha: 1.0, rgb: (255, 0, 0) };
        svg.draw_rect((0, 0), (8, 300), &red, true).ok();
        svg.draw_rect((0, 10), (8, 20), &red, true).ok();
        svg.draw_rect((0, 140), (8, 160), &red, true).ok();
        svg.draw_path([(0, 0), (4, 97)], &red).ok();
        svg.draw_path([(0, 0), (4, 90)], &red).ok();
        svg.draw_line((0, 152), (8, 400), &red).ok();
        svg.draw_circle((2, 160), 5, &red, true).ok();
        svg.draw_text("a", &Style { size: 20.0, alpha: 1.0 }, (0, 80)).ok();
        svg.draw_text("b", &Style { size: 10.0, alpha: 1.0 }, (0, 160)).ok();
        svg.present().ok();
        let want = [
            "<svg role=\"img\" width=\"8\" height=\"50\" viewBox=\"0 100 8 50\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"PT Sans\" stroke=\"none\">",
            "<title></title>",
            // The canvas, and what crosses the band's bottom edge.
            "<rect x=\"0\" y=\"0\" width=\"8\" height=\"300\" fill=\"#FF0000\"/>",
            "<rect x=\"0\" y=\"140\" width=\"8\" height=\"20\" fill=\"#FF0000\"/>",
            // A line whose stroke reaches the band's top edge.
            "<polyline fill=\"none\" stroke=\"#FF0000\" stroke-width=\"1\" points=\"0,0 4,97 \"/>",
            "<line stroke=\"#FF0000\" stroke-width=\"1\" x1=\"0\" y1=\"152\" x2=\"8\" y2=\"400\"/>",
            // A text whose glyphs run from 20 px above the band into it.
            "<text x=\"0\" y=\"80\" dy=\"0.76em\" text-anchor=\"middle\" font-size=\"20\" fill=\"#1FA005\" font-weight=\"bold\">a</text>",
            "</svg>",
            "",
        ];
        assert_eq!(out, want.join("\n"));
    }
}
