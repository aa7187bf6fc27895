//! Pure chart layout and drawing.
