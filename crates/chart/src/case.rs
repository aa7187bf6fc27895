//! Lower case for the words of our own catalogue.
//!
//! The standard library's `to_lowercase` carries the whole Unicode case
//! table (over 10 KB of wasm). The texts lowered here are always words of
//! the message catalogue (statuses, award levels, verdicts), numbers or
//! signs, so Latin and Cyrillic capitals are all there is to lower; the
//! tests check that against the standard library for every such word.
//! Feed text is never lowered.

/// `c` in lower case when it is a Latin or Cyrillic capital, else `c`.
fn lower_letter(c: char) -> char {
    let offset = match c {
        'A'..='Z' | 'А'..='Я' => 32,
        'Ѐ'..='Џ' => 80,
        _ => return c,
    };
    char::from_u32(c as u32 + offset).unwrap_or(c)
}

/// A catalogue text in lower case: `Региональные` → `региональные`.
pub fn lower(text: &str) -> String {
    text.chars().map(lower_letter).collect()
}

/// A catalogue text with its first letter in lower case, for use after a
/// dash: `Цель 2024: 66,7` → `цель 2024: 66,7`.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => std::iter::once(lower_letter(c)).chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use opeka_feed::locale::{outcome_verdict, Msg};
    use opeka_feed::{AwardCategory, Lang, Level, Status};

    /// Every catalogue text the views lower, in both languages, with the
    /// verdicts as `outcome_verdict` writes them.
    fn catalogue() -> Vec<String> {
        let mut msgs = vec![Msg::Baseline, Msg::Target, Msg::Actual, Msg::NotReported];
        msgs.extend(Status::ALL.map(Msg::Status));
        msgs.extend(Level::ALL.map(Msg::Level));
        msgs.extend(AwardCategory::ALL.map(Msg::AwardCategory));
        let mut texts = Vec::new();
        for lang in [Lang::Ru, Lang::En] {
            texts.extend(msgs.iter().map(|m| m.text(lang)));
            for (value, baseline, target) in [(1.0, None, Some(2.0)), (3.0, None, Some(2.0)), (2.0, None, Some(2.0))] {
                texts.push(outcome_verdict(value, baseline, target, true, lang));
            }
            for (value, baseline) in [(1.0, 2.0), (3.0, 2.0), (2.0, 2.0)] {
                texts.push(outcome_verdict(value, Some(baseline), None, true, lang));
                texts.push(outcome_verdict(value, Some(baseline), Some(5.0), false, lang));
            }
            texts.push(outcome_verdict(f64::NAN, None, None, true, lang));
        }
        texts
    }

    #[test]
    fn lowers_the_catalogue_as_the_standard_library_does() {
        let texts = catalogue();
        assert!(texts.iter().any(|t| t.starts_with('Р')) && texts.iter().any(|t| t.starts_with('F')));
        for text in &texts {
            assert_eq!(lower(text), text.to_lowercase(), "{text}");
            let mut chars = text.chars();
            let expected: String = chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default();
            assert_eq!(lower_first(text), expected, "{text}");
        }
    }

    #[test]
    fn lowers_latin_and_cyrillic_capitals_only() {
        assert_eq!(lower("ЁЛКА Ѐ Џ Zebra"), "ёлка ѐ џ zebra");
        assert_eq!(lower_first("Цель 2024: 66,7"), "цель 2024: 66,7");
        assert_eq!(lower_first("−30 %, лучше цели"), "−30 %, лучше цели");
        assert_eq!(lower_first(""), "");
        // Outside the catalogue's alphabets nothing changes.
        assert_eq!(lower("ΣΩ"), "ΣΩ");
    }
}
