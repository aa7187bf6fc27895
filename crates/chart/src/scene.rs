//! The scene: a chart laid out and ready to draw, as data.
//!
//! A view turns its context into a [`Scene`]: the drawing primitives in paint
//! order, the marks with the data each one stands for, every text with its
//! box, size and role, and the readings (summary, data table). Layout is
//! finished when the scene exists; [`crate::write_svg`] only draws it, and
//! tooltips, keyboard focus, slides, geometry tests and `opeka render
//! --geometry` read the same scene.

use opeka_feed::View;

use crate::table::DataTable;
use crate::theme::{MarkerShape, Rgb};

/// Where a chart is shown, which decides how its type is sized.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Medium {
    /// A web page: type in CSS pixels, the same at any width (the default).
    #[default]
    Screen,
    /// A slide or a full screen: everything in proportion to the canvas, so
    /// that a 1920×1080 chart reads from the back of a meeting hall.
    Slide,
}

impl Medium {
    /// Both media.
    pub const ALL: [Medium; 2] = [Medium::Screen, Medium::Slide];

    /// The name used on the command line and in the geometry: `screen`, `slide`.
    pub fn name(self) -> &'static str {
        match self {
            Medium::Screen => "screen",
            Medium::Slide => "slide",
        }
    }

    /// Parses [`Medium::name`].
    pub fn parse(name: &str) -> Option<Medium> {
        Medium::ALL.into_iter().find(|m| name.trim().eq_ignore_ascii_case(m.name()))
    }
}

/// A chart laid out: what to draw and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// The view drawn (the request's, resolved against the feed's kind).
    pub view: View,
    /// The medium it was laid out for.
    pub medium: Medium,
    /// Canvas width in pixels.
    pub width: f64,
    /// Canvas height in pixels.
    pub height: f64,
    /// The chart title, also the SVG's `<title>`.
    pub title: String,
    /// The canvas colour.
    pub background: Rgb,
    /// What to draw, in paint order.
    pub items: Vec<Item>,
    /// One mark per datum drawn: what it says and where it is.
    pub marks: Vec<Mark>,
    /// Every text drawn, with its box.
    pub texts: Vec<TextBox>,
    /// A plain-text description for screen readers.
    pub summary: String,
    /// The data behind the chart, as a table.
    pub table: DataTable,
    /// The legend entries a viewer may click to hide or show their series
    /// (views where that makes sense: trend, composition, breakdown).
    pub keys: Vec<Key>,
}

/// A legend entry that hides or shows its series: where it is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    /// The series' index ([`Mark::series_index`]); its bit in the hidden set.
    pub series: usize,
    /// The series' name, in full.
    pub label: String,
    /// Whether the series is hidden.
    pub hidden: bool,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width, swatch and label.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// A drawing primitive, in canvas pixels (origin top left).
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A filled rectangle.
    Rect {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
        /// Fill.
        fill: Rgb,
    },
    /// An open line through points: a series' line.
    Line {
        /// The points, in order.
        points: Vec<(f64, f64)>,
        /// Stroke colour.
        stroke: Rgb,
        /// Stroke width.
        width: f64,
    },
    /// A straight line in dashes (a trajectory's plan): never a series' line.
    Dashed {
        /// Where the line, and its first dash, starts.
        from: (f64, f64),
        /// Where it ends.
        to: (f64, f64),
        /// Stroke colour.
        stroke: Rgb,
        /// Stroke width.
        width: f64,
        /// The lengths of a dash and of the gap after it.
        dash: (f64, f64),
    },
    /// A filled polygon (marker shapes, symbols).
    Polygon {
        /// The corners, in order.
        points: Vec<(f64, f64)>,
        /// Fill.
        fill: Rgb,
    },
    /// A filled circle.
    Circle {
        /// Centre, horizontally.
        x: f64,
        /// Centre, vertically.
        y: f64,
        /// Radius.
        r: f64,
        /// Fill.
        fill: Rgb,
    },
    /// One line of text; its string, font and box are in [`Scene::texts`] at `index`.
    Text {
        /// Index into [`Scene::texts`].
        index: usize,
        /// The anchor, horizontally: the left edge, centre or right edge by `align`.
        x: f64,
        /// The top of the line box.
        y: f64,
        /// Which part of the text `x` is.
        align: Align,
        /// Text colour.
        colour: Rgb,
    },
}

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

/// What part a text plays, for tests, slides and the geometry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextRole {
    /// The chart title.
    Title,
    /// The subtitle.
    Subtitle,
    /// Tick labels and axis titles.
    Axis,
    /// Names of rows, panels, cards and tiles: what a mark is.
    Label,
    /// A number written on or beside a mark.
    Value,
    /// A legend or key entry.
    Legend,
    /// Notes, footnotes, the credit line, "and N more".
    Note,
    /// A message in place of the plot ("no data").
    Message,
}

impl TextRole {
    /// The name written in the geometry.
    pub fn name(self) -> &'static str {
        match self {
            TextRole::Title => "title",
            TextRole::Subtitle => "subtitle",
            TextRole::Axis => "axis",
            TextRole::Label => "label",
            TextRole::Value => "value",
            TextRole::Legend => "legend",
            TextRole::Note => "note",
            TextRole::Message => "message",
        }
    }
}

/// A text as drawn: the string (after cleaning and fitting), its box, its
/// font and its role.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBox {
    /// The text drawn.
    pub text: String,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width as measured.
    pub w: f64,
    /// Line height.
    pub h: f64,
    /// Font size in pixels.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
    /// What the text is.
    pub role: TextRole,
}

impl TextBox {
    /// Whether two boxes share any area (touching edges do not count).
    pub fn overlaps(&self, other: &TextBox) -> bool {
        self.x < other.x + other.w && other.x < self.x + self.w && self.y < other.y + other.h && other.y < self.y + self.h
    }
}

/// One datum on the canvas, with the data it stands for: for tooltips,
/// keyboard focus, hit-testing and the data-fidelity checks.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The series (legend entry) the datum belongs to.
    pub series: String,
    /// The series' index, for moving across series (up and down).
    pub series_index: usize,
    /// What the datum is of: the unit, category, indicator, award or person.
    pub name: String,
    /// The period, as written (`март 2018`), where the datum has one.
    pub period: Option<String>,
    /// The value; `None` where it was not reported (drawn as a gap or a note).
    pub value: Option<f64>,
    /// The unit word as written after this value (`человека`), if any.
    pub unit: Option<String>,
    /// The value a bar starts from (its baseline); `None` for points and
    /// for marks whose size carries no value.
    pub baseline: Option<f64>,
    /// What the datum says, in full, in the viewer's language:
    /// `"Социальное обслуживание на дому, март 2018: 12 345 человек"`.
    /// Never empty, but for a trend's points placed only
    /// ([`crate::Readings::Places`]).
    pub label: String,
    /// Where it is drawn.
    pub shape: Shape,
    /// The panel it is drawn in (views of several small plots number them);
    /// lengths compare only within a panel.
    pub panel: usize,
    /// Its place in keyboard order: by series, then along the series.
    pub order: usize,
}

impl Mark {
    /// The reading under a heading that names its period:
    /// `Серия: 12 345 человек` for `Серия, март 2018: 12 345 человек`
    /// (the full label where it does not start with series and period).
    pub fn reading_at_period(&self) -> String {
        let period = self.period.as_deref().unwrap_or_default();
        let rest = self.label.strip_prefix(self.series.as_str()).and_then(|rest| rest.strip_prefix(", ")?.strip_prefix(period));
        rest.filter(|r| r.starts_with(':')).map_or_else(|| self.label.clone(), |rest| format!("{}{rest}", self.series))
    }

    /// A mark of `series` for `name`, with everything else empty; views fill
    /// in what their datum has.
    pub fn new(series: impl Into<String>, name: impl Into<String>, label: impl Into<String>, shape: Shape) -> Mark {
        Mark {
            series: series.into(),
            series_index: 0,
            name: name.into(),
            period: None,
            value: None,
            unit: None,
            baseline: None,
            label: label.into(),
            shape,
            panel: 0,
            order: 0,
        }
    }
}

/// The area a mark covers, in canvas pixels (origin top left).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    /// A bar whose length along one axis is its value less its baseline.
    Bar {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
        /// Whether the length runs left to right (`w`) rather than up (`h`).
        horizontal: bool,
    },
    /// An area whose size carries no value: a tile, a card, a list entry,
    /// the words "no data" where a bar would be.
    Rect {
        /// Left edge.
        x: f64,
        /// Top edge.
        y: f64,
        /// Width.
        w: f64,
        /// Height.
        h: f64,
    },
    /// A point on a line, with the radius it is drawn (or hit) at.
    Point {
        /// Centre, horizontally.
        x: f64,
        /// Centre, vertically.
        y: f64,
        /// Radius.
        r: f64,
        /// The marker drawn there, if any.
        marker: Option<MarkerShape>,
    },
}

impl Shape {
    /// The bounding box `(x, y, w, h)`.
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        match *self {
            Shape::Bar { x, y, w, h, .. } | Shape::Rect { x, y, w, h } => (x, y, w, h),
            Shape::Point { x, y, r, .. } => (x - r, y - r, 2.0 * r, 2.0 * r),
        }
    }

    /// The name written in the geometry: `bar`, `rect` or `point`.
    pub fn kind(&self) -> &'static str {
        match self {
            Shape::Bar { .. } => "bar",
            Shape::Rect { .. } => "rect",
            Shape::Point { .. } => "point",
        }
    }

    /// A bar's length in pixels along its value axis.
    pub fn length(&self) -> Option<f64> {
        match *self {
            Shape::Bar { w, h, horizontal, .. } => Some(if horizontal { w } else { h }),
            _ => None,
        }
    }
}

impl Scene {
    /// What a tooltip shows for the mark at `index`, line by line: its
    /// reading; on `trend`, the period and then every series' reading at
    /// that period, in keyboard order (the cursor snaps to periods, not to lines).
    pub fn tooltip(&self, index: usize) -> Vec<String> {
        let Some(mark) = self.marks.get(index) else { return Vec::new() };
        let Some(period) = mark.period.as_deref().filter(|_| self.view == View::Trend) else { return vec![mark.label.clone()] };
        let mut at: Vec<&Mark> = self.marks.iter().filter(|m| m.period.as_deref() == Some(period)).collect();
        opeka_feed::collections::order::sort_stable_by(&mut at, |a, b| a.order.cmp(&b.order));
        std::iter::once(period.to_owned()).chain(at.iter().map(|m| m.reading_at_period())).collect()
    }

    /// Every text of `role`, in drawing order.
    pub fn texts_of(&self, role: TextRole) -> impl Iterator<Item = &TextBox> {
        self.texts.iter().filter(move |t| t.role == role)
    }

    /// The scene drawn as a standalone SVG document.
    pub fn to_svg(&self) -> String {
        crate::write::write_svg(self)
    }

    /// The scene drawn for a page: an XHTML `<div>` of SVG documents, a
    /// tall chart's bands ([`crate::write_svg_bands`]).
    pub fn to_svg_bands(&self) -> String {
        crate::write::write_svg_bands(self)
    }

    /// The scene with every coordinate and size multiplied by `factor`:
    /// how a slide takes a layout made at a smaller size.
    pub(crate) fn scaled(mut self, factor: f64) -> Scene {
        let p = |(x, y): (f64, f64)| (x * factor, y * factor);
        self.width = (self.width * factor).round();
        self.height = (self.height * factor).round();
        for item in &mut self.items {
            match item {
                Item::Rect { x, y, w, h, .. } => {
                    *x *= factor;
                    *y *= factor;
                    *w *= factor;
                    *h *= factor;
                }
                Item::Line { points, width, .. } => {
                    points.iter_mut().for_each(|q| *q = p(*q));
                    *width *= factor;
                }
                Item::Dashed { from, to, width, dash, .. } => {
                    *from = p(*from);
                    *to = p(*to);
                    *width *= factor;
                    *dash = p(*dash);
                }
                Item::Polygon { points, .. } => points.iter_mut().for_each(|q| *q = p(*q)),
                Item::Circle { x, y, r, .. } => {
                    *x *= factor;
                    *y *= factor;
                    *r *= factor;
                }
                Item::Text { x, y, .. } => {
                    *x *= factor;
                    *y *= factor;
                }
            }
        }
        for t in &mut self.texts {
            t.x *= factor;
            t.y *= factor;
            t.w *= factor;
            t.h *= factor;
            t.size *= factor;
        }
        for key in &mut self.keys {
            key.x *= factor;
            key.y *= factor;
            key.w *= factor;
            key.h *= factor;
        }
        for mark in &mut self.marks {
            mark.shape = match mark.shape {
                Shape::Bar { x, y, w, h, horizontal } => {
                    Shape::Bar { x: x * factor, y: y * factor, w: w * factor, h: h * factor, horizontal }
                }
                Shape::Rect { x, y, w, h } => Shape::Rect { x: x * factor, y: y * factor, w: w * factor, h: h * factor },
                Shape::Point { x, y, r, marker } => Shape::Point { x: x * factor, y: y * factor, r: r * factor, marker },
            };
        }
        self
    }
}
