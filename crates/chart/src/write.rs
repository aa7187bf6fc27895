//! The SVG writer: a finished [`Scene`] drawn through plotters onto our SVG
//! backend ([`crate::svg`]). Coordinates are rounded to whole pixels here,
//! at the last step, so that a scene scaled for a slide stays crisp.
//!
//! Only DrawingArea primitives are used: plotters' chart builder and mesh
//! measure text with plotters' own font code, which guesses natively and
//! touches the host page's DOM on wasm32. Layout never happens here.

use std::cell::Cell;

use plotters::prelude::{Circle, IntoDrawingArea, PathElement, Polygon, Rectangle, ShapeStyle, Text};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, TextStyle};

use crate::scene::{Align, Item, Scene};
use crate::svg::SvgBackend;

/// The font stack written into the SVG: the shipped PT Sans first, then
/// fonts of similar width. The widget may override it with `--opeka-font`.
pub const FONT_FAMILY: &str = "PT Sans, Arial, sans-serif";

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn points(points: &[(f64, f64)]) -> Vec<(i32, i32)> {
    points.iter().map(|&(x, y)| (px(x), px(y))).collect()
}

/// How tall a band of a tall chart is, in pixels ([`write_svg_bands`]).
pub const BAND_HEIGHT: u32 = 1024;

/// `scene` as a standalone SVG document whose `<title>` is the chart title.
pub fn write_svg(scene: &Scene) -> String {
    let mut svg = String::new();
    write_stretch(&mut svg, scene, 0, scene.height as u32);
    svg
}

/// `scene` as a page shows it: an XHTML `<div>` of the chart's SVG
/// documents from the top, hidden from screen readers (the page gives the
/// chart's summary and its table). A chart taller than two bands comes in
/// bands of [`BAND_HEIGHT`] pixels (the last the rest), each with every
/// item that reaches into its stretch of the canvas; any other chart is
/// one document, [`write_svg`]'s.
///
/// Stacked, the bands draw the whole chart. A browser lays out and paints
/// every text of an SVG document at once, however little of it is on
/// screen: a roll of 10 000 names, 8 192 px tall, held the page 83–140 ms
/// after it was drawn. Bands the page marks `content-visibility: auto` are
/// laid out only near the screen (docs/performance.md, stop 49), and the
/// page parses the bands after the first a task each (stop 50).
pub fn write_svg_bands(scene: &Scene) -> String {
    let height = scene.height as u32;
    let band = if height <= 2 * BAND_HEIGHT { height } else { BAND_HEIGHT };
    let mut out = String::from("<div xmlns=\"http://www.w3.org/1999/xhtml\" aria-hidden=\"true\">");
    let mut top = 0;
    loop {
        write_stretch(&mut out, scene, top, band.min(height - top));
        top += band;
        if top >= height {
            break;
        }
    }
    out.push_str("</div>");
    out
}

/// `scene`'s canvas from `top`, `shown` pixels down, written into `svg` as
/// an SVG document of that size, with the items that reach into it (the
/// backend leaves out the others).
fn write_stretch(svg: &mut String, scene: &Scene, top: u32, shown: u32) {
    let dash = Cell::new(None);
    {
        let size = (scene.width as u32, scene.height as u32);
        let backend = SvgBackend::new(svg, size, (top, shown), &scene.title, FONT_FAMILY, &dash);
        let area = backend.into_drawing_area();
        // Drawing into a String cannot fail; errors are dropped throughout.
        area.fill(&scene.background.to_plotters()).ok();
        let line = |points, stroke: &crate::Rgb, width: &f64| {
            let style = ShapeStyle { color: stroke.to_plotters().to_rgba(), filled: false, stroke_width: width.round().max(1.0) as u32 };
            area.draw(&PathElement::new(points, style)).ok();
        };
        for item in &scene.items {
            match item {
                Item::Rect { x, y, w, h, fill } => {
                    let style = ShapeStyle { color: fill.to_plotters().to_rgba(), filled: true, stroke_width: 0 };
                    area.draw(&Rectangle::new([(px(*x), px(*y)), (px(x + w), px(y + h))], style)).ok();
                }
                Item::Line { points: pts, stroke, width } => line(points(pts), stroke, width),
                Item::Dashed { from, to, stroke, width, dash: pattern } => {
                    dash.set(Some(*pattern));
                    line(points(&[*from, *to]), stroke, width);
                    dash.set(None);
                }
                Item::Polygon { points: pts, fill } => {
                    let style = ShapeStyle { color: fill.to_plotters().to_rgba(), filled: true, stroke_width: 0 };
                    area.draw(&Polygon::new(points(pts), style)).ok();
                }
                Item::Circle { x, y, r, fill } => {
                    let style = ShapeStyle { color: fill.to_plotters().to_rgba(), filled: true, stroke_width: 1 };
                    area.draw(&Circle::new((px(*x), px(*y)), px(*r).max(1), style)).ok();
                }
                Item::Text { index, x, y, align, colour } => {
                    let Some(text) = scene.texts.get(*index) else { continue };
                    let h_pos = match align {
                        Align::Start => HPos::Left,
                        Align::Middle => HPos::Center,
                        Align::End => HPos::Right,
                    };
                    let weight = if text.bold { FontStyle::Bold } else { FontStyle::Normal };
                    // Our backend writes this size as it is, in pixels.
                    let style = TextStyle {
                        font: FontDesc::new(FontFamily::Name(FONT_FAMILY), text.size, weight),
                        color: colour.to_plotters().to_backend_color(),
                        pos: Pos::new(h_pos, VPos::Top),
                    };
                    // plotters sets a top-anchored baseline 0.76 em below y; the line box
                    // wants it 0.95 em down, leaving room for accents above capitals.
                    let baseline_shift = 0.19 * text.size;
                    area.draw(&Text::new(text.text.as_str(), (px(*x), px(y + baseline_shift)), style)).ok();
                }
            }
        }
        area.present().ok();
    }
}

/// Escapes text for XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::svg::push_escaped(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use opeka_feed::View;

    use crate::canvas::Canvas;
    use crate::measure::PtSansMetrics;
    use crate::scene::{Align, TextRole};
    use crate::table::DataTable;
    use crate::text::Font;
    use crate::theme::{Rgb, Theme};

    #[test]
    fn text_is_escaped_and_titled() {
        let mut c = Canvas::new(View::Trend, 300.0, 100.0, Theme::Light.style(), &PtSansMetrics);
        c.text(TextRole::Label, "<script>alert('x') & \"y\"</script>", 4.0, 4.0, Font::regular(13.0), Rgb(0, 0, 0), Align::Start);
        let svg = c.finish("A <b> & \"c\"", String::new(), DataTable::default()).to_svg();
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(&apos;x&apos;) &amp; &quot;y&quot;&lt;/script&gt;"));
        assert!(svg.contains("<title>A &lt;b&gt; &amp; &quot;c&quot;</title>"));
        assert!(svg.contains("font-family=\"PT Sans, Arial, sans-serif\""));
        assert!(svg.contains("font-size=\"13\""));
    }
}
