//! Fitting text to a width: cleaning, wrapping and ellipsizing, all measured
//! through [`TextMeasure`].

use crate::measure::TextMeasure;

/// The ellipsis put where text was cut.
pub const ELLIPSIS: char = '…';

/// A font: size in pixels and weight. Enough to measure with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Font {
    /// Size in pixels.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
}

impl Font {
    /// A regular font of `size` pixels.
    pub fn regular(size: f64) -> Font {
        Font { size, bold: false }
    }

    /// A bold font of `size` pixels.
    pub fn bold(size: f64) -> Font {
        Font { size, bold: true }
    }

    /// The height of one line of this font, which is also the height of a
    /// [`crate::TextBox`]: room for accents above capitals and descenders.
    pub fn line_height(self) -> f64 {
        (self.size * 1.25).ceil()
    }

    /// The width of `text` in this font.
    pub fn width(self, measure: &dyn TextMeasure, text: &str) -> f64 {
        measure.width(text, self.size, self.bold)
    }
}

/// Ends the sentence in `text` with a full stop, unless its last word
/// already has one (a date such as «6 июня 2025 г.»): a summary is read
/// aloud, and «г..» is read as a pause too many.
pub(crate) fn end_sentence(text: &mut String) {
    if !text.ends_with('.') {
        text.push('.');
    }
}

/// Makes feed text safe and predictable to lay out on one line: drops control
/// characters (XML forbids most of them), bidi overrides and isolates (they
/// reorder what the reader sees against what was measured, and can disguise
/// a label), and folds every run of whitespace into one space, keeping
/// no-break spaces, which the number formats rely on.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        let drop = c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FFFE}' | '\u{FFFF}' | '\u{FEFF}');
        if c.is_whitespace() && c != '\u{A0}' && c != '\u{202F}' {
            pending_space = !out.is_empty();
            continue;
        }
        if drop {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// How a view writes the values of one measure or indicator: its format
/// and the feed's unit word, whose form agrees with each number
/// («1 семья», «3 семьи», «25 семей»). Every "value with unit" a chart
/// writes goes through [`Quantity::text`], which joins them with a no-break
/// space (`opeka_feed::locale::value_with_unit`).
#[derive(Clone, Debug)]
pub struct Quantity {
    /// How numbers are written.
    pub format: opeka_feed::Format,
    /// The feed's unit word, if any.
    pub unit: Option<opeka_feed::UnitWord>,
    /// The feed's locale, for plain-string units.
    pub locale: opeka_feed::Lang,
}

impl Quantity {
    /// `value` in full with the agreeing form of the unit: `25 433 человека`.
    pub fn text(&self, value: f64, lang: opeka_feed::Lang) -> String {
        clean(&opeka_feed::locale::value_with_unit(
            value,
            self.format,
            opeka_feed::locale::NumberStyle::Full,
            self.unit.as_ref(),
            lang,
            self.locale,
        ))
    }

    /// The unit's form that agrees with `value`, alone (`человека`); `None` without a unit.
    pub fn unit_for(&self, value: f64, lang: opeka_feed::Lang) -> Option<String> {
        let unit = self.unit.as_ref()?;
        Some(clean(unit.form(value, self.format, opeka_feed::locale::NumberStyle::Full, lang, self.locale))).filter(|u| !u.is_empty())
    }
}

/// `text` cut to fit `width`, ending in an ellipsis where it was cut; empty
/// when not even the ellipsis fits.
pub fn ellipsize(measure: &dyn TextMeasure, font: Font, text: &str, width: f64) -> String {
    if font.width(measure, text) <= width {
        return text.to_owned();
    }
    if font.width(measure, "…") > width {
        return String::new();
    }
    let mut out = text[..fitting_prefix(measure, font, text, "…", width)].trim_end().to_owned();
    out.push(ELLIPSIS);
    out
}

/// The byte length of the longest prefix of `text` (whole characters)
/// that, followed by `tail`, is no wider than `width`.
fn fitting_prefix(measure: &dyn TextMeasure, font: Font, text: &str, tail: &str, width: f64) -> usize {
    let ends: Vec<usize> = text.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
    fitting_end(measure, font, text, &ends, tail, width)
}

/// The last of `ends` (byte offsets into `text`, in order) where the text
/// up to it, its trailing spaces trimmed and `tail` after it, is no wider
/// than `width`; 0 when none is. Found by bisection: such widths only grow
/// with the end. Widths add up by word, not within one (a browser
/// measurer may kern), so each candidate is measured whole.
pub(crate) fn fitting_end(measure: &dyn TextMeasure, font: Font, text: &str, ends: &[usize], tail: &str, width: f64) -> usize {
    // `ends[..fits]` fit; `ends[too_long - 1]` does not.
    let (mut fits, mut too_long) = (0usize, ends.len() + 1);
    while too_long - fits > 1 {
        let mid = (fits + too_long) / 2;
        if font.width(measure, &[text[..ends[mid - 1]].trim_end(), tail].concat()) <= width {
            fits = mid;
        } else {
            too_long = mid;
        }
    }
    fits.checked_sub(1).map_or(0, |i| ends[i])
}

/// Breaks `text` into lines no wider than `width`, at spaces where it can
/// and inside a word only where a word alone is too wide. At most
/// `max_lines` lines; the last is ellipsized if text remains.
pub fn wrap(measure: &dyn TextMeasure, font: Font, text: &str, width: f64, max_lines: usize) -> Vec<String> {
    // A line is as wide as its words and the spaces between them (the
    // contract of [`TextMeasure`]), so each word is measured once and the
    // lines' widths added up: with each longer line measured whole, a roll
    // of 5 000 names made 9 626 measurements of 498 KB of text for its
    // 1 907 lines (docs/performance.md, stop 59).
    let space = font.width(measure, " ");
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_w = 0.0;
    let mut truncated = false;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word_w = font.width(measure, word);
        let with_word = if line.is_empty() { word_w } else { line_w + space + word_w };
        if with_word <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            line_w = with_word;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if lines.len() >= max_lines {
            truncated = true;
            break;
        }
        // The word starts a new line; break it by characters if it alone is too wide.
        let (mut rest, mut rest_w) = (word, word_w);
        while rest_w > width {
            let head = &rest[..fitting_prefix(measure, font, rest, "", width)];
            if head.is_empty() {
                break; // not even one character fits: give up on this word
            }
            rest = &rest[head.len()..];
            rest_w = font.width(measure, rest);
            lines.push(head.to_owned());
            if lines.len() >= max_lines {
                truncated = true;
                break;
            }
        }
        if truncated {
            break;
        }
        line = rest.to_owned();
        line_w = rest_w;
    }
    if !truncated && !line.is_empty() {
        if lines.len() < max_lines {
            lines.push(line);
        } else {
            truncated = true;
        }
    }
    if truncated {
        if let Some(last) = lines.last_mut() {
            end_cut(measure, font, last, width);
        }
    }
    lines
}

/// Ends `line`, a text cut short after it, in an ellipsis, cutting the line
/// itself where the mark would not fit in `width`.
pub(crate) fn end_cut(measure: &dyn TextMeasure, font: Font, line: &mut String, width: f64) {
    line.push(ELLIPSIS);
    *line = ellipsize(measure, font, line, width);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::PtSansMetrics;

    const M: &PtSansMetrics = &PtSansMetrics;

    #[test]
    fn clean_strips_controls_and_bidi_overrides() {
        assert_eq!(clean("  a\u{0}b\t\n c\u{202E}d\u{2066} "), "ab cd");
        assert_eq!(clean("12\u{A0}000"), "12\u{A0}000");
        assert_eq!(clean("\u{200F}שלום"), "\u{200F}שלום");
    }

    /// `clean` as documented, written another way: what it drops taken
    /// out, then the runs between the whitespace it folds joined by one
    /// space.
    fn cleaned_as_documented(text: &str) -> String {
        let folded = |c: char| c.is_whitespace() && c != '\u{A0}' && c != '\u{202F}';
        let dropped = |c: char| {
            c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FFFE}' | '\u{FFFF}' | '\u{FEFF}')
        };
        let words: Vec<String> =
            text.split(folded).map(|w| w.chars().filter(|&c| !dropped(c)).collect::<String>()).filter(|w| !w.is_empty()).collect();
        words.join(" ")
    }

    #[test]
    fn clean_is_as_documented_for_every_short_text_of_the_characters_it_reads() {
        // Every text of up to three of these characters, and 20 000 longer
        // ones: a faster `clean` that copies a clean text whole (tried at
        // stop 54, docs/performance.md) must still pass.
        let alphabet = [
            'a', 'Ж', ' ', '\t', '\n', '\u{0}', '\u{7F}', '\u{85}', '\u{9F}', '\u{A0}', '«', '—', '№', '\u{1680}', '\u{2000}', '\u{200B}',
            '\u{200F}', '\u{2028}', '\u{202A}', '\u{202E}', '\u{202F}', '\u{205F}', '\u{2066}', '\u{2069}', '\u{3000}', '\u{FEFF}',
            '\u{FFFE}', '\u{FFFF}', '😀',
        ];
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..3 {
            last = last.iter().flat_map(|t| alphabet.iter().map(move |&c| format!("{t}{c}"))).collect();
            texts.extend(last.iter().cloned());
        }
        // Longer ones, with spaces and letters more often.
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(seed % 9) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                let pick = (seed >> 33) as usize;
                text.push(if pick.is_multiple_of(3) { alphabet[pick / 3 % alphabet.len()] } else { [' ', 'a', 'Ж', '«'][pick % 4] });
            }
            texts.push(text);
        }
        let mut unchanged = 0;
        for text in &texts {
            let cleaned = clean(text);
            assert_eq!(cleaned, cleaned_as_documented(text), "{text:?}");
            assert_eq!(clean(&cleaned), cleaned, "{text:?}: cleaned twice");
            unchanged += usize::from(cleaned == *text);
        }
        assert!(unchanged > 1_000, "{unchanged} of {} texts clean as they are", texts.len());
        for clean_text in ["Медаль «За веру и добро» — 2024", "12\u{A0}000 человек", "№ 5", "a b"] {
            assert_eq!(clean(clean_text), clean_text);
        }
    }

    #[test]
    fn ellipsize_fits() {
        let font = Font::regular(13.0);
        let s = ellipsize(M, font, "Социальное обслуживание на дому", 80.0);
        assert!(s.ends_with(ELLIPSIS), "{s}");
        assert!(font.width(M, &s) <= 80.0);
        assert_eq!(ellipsize(M, font, "Да", 80.0), "Да");
        assert_eq!(ellipsize(M, font, "Длинный текст", 1.0), "");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_inside_long_words() {
        let font = Font::regular(14.0);
        let lines = wrap(M, font, "Получатели социальных услуг в Кузбассе", 150.0, 5);
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines.join(" "), "Получатели социальных услуг в Кузбассе");
        let long = "ы".repeat(400);
        let lines = wrap(M, font, &long, 200.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with(ELLIPSIS));
        for line in &lines {
            assert!(font.width(M, line) <= 200.0, "{line}");
        }
    }

    /// PT Sans's widths, each text measured written down.
    #[derive(Default)]
    struct Recording(std::cell::RefCell<Vec<String>>);

    impl TextMeasure for Recording {
        fn width(&self, text: &str, size_px: f64, bold: bool) -> f64 {
            self.0.borrow_mut().push(text.to_owned());
            PtSansMetrics.width(text, size_px, bold)
        }
    }

    #[test]
    fn wrap_measures_each_word_once() {
        let font = Font::regular(14.0);
        let recording = Recording::default();
        let text = "Получатели социальных услуг в Кузбассе";
        let lines = wrap(&recording, font, text, 150.0, 5);
        assert_eq!(lines, wrap(M, font, text, 150.0, 5));
        assert!(lines.len() >= 2, "{lines:?}");
        let expected: Vec<String> = [" "].into_iter().chain(text.split(' ')).map(str::to_owned).collect();
        assert_eq!(recording.0.take(), expected, "the space and each word, once; no line measured whole");
        // Measured whole, each line still fits.
        for line in &lines {
            assert!(font.width(M, line) <= 150.0, "{line}");
        }
        assert_eq!(wrap(&recording, font, text, 1000.0, 2), [text]);
        // Spaced otherwise, a text is laid out with one space between
        // words and none at the ends.
        assert_eq!(wrap(&recording, font, " один  два ", 1000.0, 2), ["один два"]);
        assert_eq!(wrap(&recording, font, text, 1000.0, 0), Vec::<String>::new());
    }

    #[test]
    fn a_long_word_is_broken_where_it_stops_fitting_by_bisection() {
        let font = Font::regular(14.0);
        let recording = Recording::default();
        let word = "Ыж".repeat(200);
        let lines = wrap(&recording, font, &word, 200.0, 4);
        assert_eq!(lines.len(), 4);
        // Each broken line is the longest that fits: one more character does not.
        let mut rest = word.as_str();
        for line in &lines[..3] {
            assert!(rest.starts_with(line.as_str()), "{line}");
            assert!(font.width(M, line) <= 200.0, "{line}");
            let next = rest[line.len()..].chars().next().unwrap();
            assert!(font.width(M, &format!("{line}{next}")) > 200.0, "{line}");
            rest = &rest[line.len()..];
        }
        assert!(lines[3].ends_with(ELLIPSIS));
        // Character by character, each line took some 30 measurements.
        let measured = recording.0.take().len();
        assert!(measured < 60, "{measured} measurements");
    }

    #[test]
    fn wrap_ellipsizes_the_last_allowed_line() {
        let font = Font::regular(14.0);
        let lines = wrap(M, font, "один два три четыре пять шесть семь восемь", 60.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with(ELLIPSIS), "{lines:?}");
        assert!(wrap(M, font, "", 60.0, 2).is_empty());
    }
}
