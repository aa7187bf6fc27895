//! Pure chart layout and drawing: (validated feed, view, size, theme,
//! language) → an SVG drawn with plotters, the geometry of every datum and
//! text, a plain-text summary and a data table. No DOM: builds and tests
//! natively and compiles for `wasm32-unknown-unknown`.
//!
//! Text is only ever measured through [`TextMeasure`]: natively with the
//! PT Sans widths built into [`PtSansMetrics`], in the browser with the
//! widget's canvas measurer.

pub mod axis;
pub mod chart;
pub mod downsample;
pub mod draw;
pub mod frame;
pub mod legend;
pub mod measure;
pub mod render;
pub mod strings;
mod svg;
pub mod table;
pub mod text;
pub mod theme;
mod views;

pub use opeka_feed::{Lang, View};

pub use crate::chart::{Chart, Mark, Shape, TextBox};
pub use crate::measure::{PtSansMetrics, TextMeasure};
pub use crate::render::{render, ChartRequest};
pub use crate::table::DataTable;
pub use crate::theme::{MarkerShape, Rgb, Style, Theme};
pub use crate::views::default_height;
