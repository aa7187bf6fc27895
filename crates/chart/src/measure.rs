//! Text measurement: every width the layout uses comes through [`TextMeasure`],
//! never from plotters (which guesses natively and touches the DOM on wasm32).

mod tables {
    include!(concat!(env!("OUT_DIR"), "/pt_sans_widths.rs"));
}

/// Measures the advance width of a single line of text.
///
/// The chart core uses [`PtSansMetrics`]; a browser widget passes a measurer
/// backed by the canvas `measureText`, so the layout matches the font the
/// page actually loaded.
///
/// A text is as wide as its words and the spaces between them, added up
/// (no kerning across a space): [`crate::text::wrap`] measures each word
/// once and adds the widths of a line's words.
pub trait TextMeasure {
    /// The width in pixels of `text` set in `size_px` pixels, bold or regular.
    fn width(&self, text: &str, size_px: f64, bold: bool) -> f64;
}

/// Advance widths of PT Sans Regular and Bold (the fonts shipped in
/// `assets/fonts`), taken from the font files at build time.
///
/// Kerning is ignored: it narrows a line by a percent or two at most, so the
/// estimate errs on the wide side, which is the safe side for overlap tests.
#[derive(Clone, Copy, Debug, Default)]
pub struct PtSansMetrics;

impl PtSansMetrics {
    /// The advance of one character in thousandths of an em.
    pub fn advance(c: char, bold: bool) -> f64 {
        if let Some(width) = fixed_width(c) {
            return width;
        }
        let (ranges, average) =
            if bold { (tables::BOLD_RANGES, tables::BOLD_AVERAGE) } else { (tables::REGULAR_RANGES, tables::REGULAR_AVERAGE) };
        let code = u32::from(c);
        ranges
            .iter()
            .find_map(|&(first, widths)| {
                let index = code.checked_sub(first)? as usize;
                widths.get(index).copied()
            })
            .filter(|&w| w > 0)
            .map(f64::from)
            .unwrap_or(average)
    }
}

impl TextMeasure for PtSansMetrics {
    fn width(&self, text: &str, size_px: f64, bold: bool) -> f64 {
        let thousandths: f64 = text.chars().map(|c| Self::advance(c, bold)).sum();
        thousandths * size_px / 1000.0
    }
}

/// Widths of characters PT Sans has no glyph for but whose width is known
/// anyway (the browser falls back to another font for them): the typographic
/// spaces and the invisible format characters.
fn fixed_width(c: char) -> Option<f64> {
    Some(match c {
        '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' => 0.0,
        '\u{0300}'..='\u{036F}' => 0.0, // combining marks sit on the previous letter
        '\u{2000}' | '\u{2002}' => 500.0,
        '\u{2001}' | '\u{2003}' => 1000.0,
        '\u{2004}' => 333.0,
        '\u{2005}' => 250.0,
        '\u{2006}' => 167.0,
        '\u{2007}' => 545.0, // figure space: a digit
        '\u{2008}' => 214.0, // punctuation space: a full stop
        '\u{2009}' | '\u{202F}' => 200.0,
        '\u{200A}' => 100.0,
        '\u{205F}' => 222.0,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_is_about_as_wide_as_latin() {
        let m = PtSansMetrics;
        let ru = m.width("Получатели", 16.0, false);
        let en = m.width("Recipients", 16.0, false);
        assert!(ru > 60.0 && ru < 110.0, "{ru}");
        assert!((ru / en) > 0.8 && (ru / en) < 1.4, "{ru} vs {en}");
    }

    #[test]
    fn bold_is_wider_and_size_scales() {
        let m = PtSansMetrics;
        let regular = m.width("Кузбасс 2018", 10.0, false);
        assert!(m.width("Кузбасс 2018", 10.0, true) > regular);
        assert!((m.width("Кузбасс 2018", 20.0, false) - 2.0 * regular).abs() < 1e-9);
    }

    #[test]
    fn known_widths() {
        // PT Sans digits are tabular, 545/1000 em.
        assert_eq!(PtSansMetrics.width("0123456789", 100.0, false), 545.0);
        assert_eq!(PtSansMetrics::advance('₽', false), 545.0);
        assert_eq!(PtSansMetrics::advance('\u{200F}', false), 0.0);
        assert_eq!(PtSansMetrics::advance('\u{202F}', false), 200.0);
        // An unknown character falls back to the average letter.
        let cjk = PtSansMetrics::advance('中', false);
        assert!(cjk > 400.0 && cjk < 700.0);
    }
}
