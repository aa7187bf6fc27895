//! What [`crate::render`] returns: the drawing and every reading of it.

use opeka_feed::View;

use crate::table::DataTable;

/// A rendered chart: the SVG, the geometry of every datum and every text,
/// and the plain-text readings (summary, table), all from one layout.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// The view drawn (the request's, resolved against the feed's kind).
    pub view: View,
    /// Canvas width in pixels.
    pub width: f64,
    /// Canvas height in pixels.
    pub height: f64,
    /// A standalone SVG document whose `<title>` is the chart title.
    pub svg: String,
    /// One mark per datum drawn, in drawing order: where it is and what it says.
    pub marks: Vec<Mark>,
    /// Every text drawn, with its bounding box.
    pub texts: Vec<TextBox>,
    /// A plain-text description for screen readers.
    pub summary: String,
    /// The data behind the chart, as a table.
    pub table: DataTable,
}

/// One datum on the canvas, for tooltips, keyboard focus and hit-testing.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The series (legend entry) the datum belongs to.
    pub series: String,
    /// What the datum says, in full: `"Социальное обслуживание на дому, март 2018: 12 345 человек"`.
    pub label: String,
    /// Where it is drawn.
    pub shape: Shape,
}

/// The area a mark covers, in canvas pixels (origin top left).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    /// A bar or tile.
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
    },
}

impl Shape {
    /// The bounding box `(x, y, w, h)`.
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        match *self {
            Shape::Rect { x, y, w, h } => (x, y, w, h),
            Shape::Point { x, y, r } => (x - r, y - r, 2.0 * r, 2.0 * r),
        }
    }
}

/// A text as drawn: the string (after cleaning and ellipsizing) and its box.
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
}

impl TextBox {
    /// Whether two boxes share any area (touching edges do not count).
    pub fn overlaps(&self, other: &TextBox) -> bool {
        self.x < other.x + other.w && other.x < self.x + self.w && self.y < other.y + other.h && other.y < self.y + self.h
    }
}
