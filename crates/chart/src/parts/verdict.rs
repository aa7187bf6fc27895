//! A verdict line: a symbol, then words, in the good or bad colour (the
//! meaning is in the words and the symbol, the colour only repeats it).

use crate::canvas::Canvas;
use crate::measure::TextMeasure;
use crate::scene::{Align, TextRole};
use crate::text::{wrap, Font};
use crate::theme::{Rgb, Style};

/// Which way an indicator's result went, by its `direction`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tone {
    /// Better than (or at) the target, or better than the baseline.
    Good,
    /// Worse than the target, or than the baseline.
    Bad,
    /// Nothing to compare, or no change.
    Neutral,
}

impl Tone {
    /// The colour of the verdict's text and symbol.
    pub fn colour(self, style: &Style) -> Rgb {
        match self {
            Tone::Good => style.good,
            Tone::Bad => style.bad,
            Tone::Neutral => style.muted,
        }
    }
}
/// A verdict laid out for a width: a symbol, then the words, wrapped.
#[derive(Clone, Debug)]
pub(crate) struct VerdictLines {
    lines: Vec<String>,
    tone: Tone,
    font: Font,
}

impl VerdictLines {
    /// Lays out a verdict `text` in `tone`, `width` wide in at most `max_lines` lines.
    pub fn layout(text: &str, tone: Tone, width: f64, font: Font, max_lines: usize, measure: &dyn TextMeasure) -> VerdictLines {
        let indent = if tone == Tone::Neutral { 0.0 } else { symbol_width(font) };
        let lines = if text.is_empty() { Vec::new() } else { wrap(measure, font, text, (width - indent).max(1.0), max_lines) };
        VerdictLines { lines, tone, font }
    }

    /// The height the verdict takes (zero when there is none).
    pub fn height(&self) -> f64 {
        self.lines.len() as f64 * self.font.line_height()
    }

    /// Draws the verdict with its top-left corner at `(x, y)`.
    pub fn draw(&self, canvas: &mut Canvas<'_>, x: f64, y: f64) {
        if self.lines.is_empty() {
            return;
        }
        let colour = self.tone.colour(canvas.style);
        let indent = if self.tone == Tone::Neutral { 0.0 } else { symbol_width(self.font) };
        if indent > 0.0 {
            let size = self.font.size * 0.8;
            let cy = y + self.font.line_height() / 2.0;
            let points = tone_symbol(self.tone, x + size / 2.0, cy, size);
            canvas.polygon(&points, colour);
        }
        let mut top = y;
        for line in &self.lines {
            canvas.text(TextRole::Value, line, x + indent, top, self.font, colour, Align::Start);
            top += self.font.line_height();
        }
    }
}

/// The room a verdict symbol takes before the words.
fn symbol_width(font: Font) -> f64 {
    (font.size * 1.2).round()
}

/// A check mark (good) or a cross (bad), `size` pixels across, centred on
/// `(cx, cy)`: drawn shapes rather than glyphs the font may lack.
pub(crate) fn tone_symbol(tone: Tone, cx: f64, cy: f64, size: f64) -> Vec<(f64, f64)> {
    let h = size / 2.0;
    match tone {
        Tone::Good => [(-1.0, 0.05), (-0.68, -0.27), (-0.3, 0.12), (0.68, -0.86), (1.0, -0.54), (-0.3, 0.76)]
            .iter()
            .map(|&(x, y)| (cx + x * h, cy + y * h))
            .collect(),
        Tone::Bad => {
            // A plus sign turned by 45°.
            let t = 0.24;
            let plus = [
                (-t, -1.0),
                (t, -1.0),
                (t, -t),
                (1.0, -t),
                (1.0, t),
                (t, t),
                (t, 1.0),
                (-t, 1.0),
                (-t, t),
                (-1.0, t),
                (-1.0, -t),
                (-t, -t),
            ];
            let c = std::f64::consts::FRAC_1_SQRT_2;
            plus.iter().map(|&(x, y)| (cx + (x - y) * c * h * 1.15, cy + (x + y) * c * h * 1.15)).collect()
        }
        Tone::Neutral => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_inside_their_box() {
        for tone in [Tone::Good, Tone::Bad] {
            for (x, y) in tone_symbol(tone, 10.0, 10.0, 10.0) {
                assert!((4.0..=16.0).contains(&x) && (4.0..=16.0).contains(&y), "{tone:?} {x} {y}");
            }
        }
    }
}
