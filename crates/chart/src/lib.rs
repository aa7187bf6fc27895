//! Pure chart layout: (validated feed, view, size, medium, theme, language)
//! → a [`Scene`]: the drawing primitives, every mark with the data it
//! stands for, every text with its box and role, a plain-text summary and a
//! data table. [`write_svg`] draws a scene through plotters. No DOM: builds
//! and tests natively and compiles for `wasm32-unknown-unknown`.
//!
//! Text is only ever measured through [`TextMeasure`]: natively with the
//! PT Sans widths built into [`PtSansMetrics`], in the browser with the
//! widget's canvas measurer.

mod canvas;
pub mod downsample;
pub mod measure;
mod parts;
pub mod reduce;
pub mod render;
pub mod scale;
pub mod scene;
mod svg;
pub mod table;
pub mod text;
pub mod theme;
mod views;
mod write;

pub use opeka_feed::{Lang, View};

// The shared drawing parts that have always been public keep their paths.
pub use crate::parts::{axis, frame, legend};

pub use crate::measure::{PtSansMetrics, TextMeasure};
pub use crate::render::{render, render_hiding, render_with, ChartRequest, Readings, SLIDE_LAYOUT_WIDTH};
pub use crate::scene::{Align, Item, Key, Mark, Medium, Scene, Shape, TextBox, TextRole};
pub use crate::table::{DataTable, MAX_ROWS};
pub use crate::theme::{MarkerShape, Rgb, Style, Theme};
pub use crate::views::default_height;
pub use crate::write::{write_svg, write_svg_bands, xml_escape, BAND_HEIGHT, FONT_FAMILY};
