//! Drawing parts the views share: the frame around every chart, legends and
//! keys, axes, the horizontal-bar layout and verdict lines. A part lays out
//! and draws one element; it knows nothing of a view's data.

pub mod axis;
pub(crate) mod bars;
pub mod frame;
pub(crate) mod key;
pub mod legend;
pub(crate) mod verdict;
