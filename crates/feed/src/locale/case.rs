//! Letter case without the standard library's Unicode case tables.
//!
//! `to_lowercase` and `to_uppercase` carry the whole Unicode case mapping
//! (kilobytes of wasm). Lowering is only ever applied to words of our own
//! catalogue (statuses, award levels, verdicts), so Latin and Cyrillic
//! capitals are all it needs. Capitalising is applied to catalogue words and
//! to feed text (event names, in any script): it maps Basic Latin, Latin-1
//! and Latin Extended-A (U+0000–U+017F), Greek and Coptic (U+0370–U+03FF)
//! and Cyrillic with its supplement (U+0400–U+052F) exactly as
//! `char::to_uppercase` does (the tests compare every one of them), and
//! leaves every other character as it is: a first letter in another script
//! (Latin Extended-B, Armenian, Georgian…) merely stays lower-case.

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

/// `text` with its first letter capitalised, as `to_uppercase` would in the
/// scripts listed in the module documentation: `лучше цели` → `Лучше цели`.
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    let mut out = String::with_capacity(text.len() + 2);
    if let Some(c) = chars.next() {
        push_upper(&mut out, c);
    }
    out.extend(chars);
    out
}

/// How a range of lower-case letters maps to capitals.
#[derive(Clone, Copy)]
enum Map {
    /// Every letter of the range: add this (capitals mostly sit below).
    Add(i32),
    /// Letters of this parity (0 even, 1 odd) are the lower case of the one
    /// before; the others are capitals already.
    Pairs(u32),
}

/// Ranges of lower-case letters, `(first, last, map)`, searched in order;
/// letters outside every range (and U+00F7 ÷) are left as they are.
const UPPER: &[(u32, u32, Map)] = &[
    (0x61, 0x7A, Map::Add(-32)),
    (0xB5, 0xB5, Map::Add(0x39C - 0xB5)),
    (0xE0, 0xF6, Map::Add(-32)),
    (0xF8, 0xFE, Map::Add(-32)),
    (0xFF, 0xFF, Map::Add(0x178 - 0xFF)),
    (0x131, 0x131, Map::Add(0x49 - 0x131)),
    (0x100, 0x137, Map::Pairs(1)),
    (0x139, 0x148, Map::Pairs(0)),
    (0x14A, 0x177, Map::Pairs(1)),
    (0x17A, 0x17E, Map::Pairs(0)),
    (0x17F, 0x17F, Map::Add(0x53 - 0x17F)),
    (0x370, 0x373, Map::Pairs(1)),
    (0x376, 0x377, Map::Pairs(1)),
    (0x37B, 0x37D, Map::Add(0x3FD - 0x37B)),
    (0x3AC, 0x3AC, Map::Add(0x386 - 0x3AC)),
    (0x3AD, 0x3AF, Map::Add(0x388 - 0x3AD)),
    (0x3B1, 0x3C1, Map::Add(-32)),
    (0x3C2, 0x3C2, Map::Add(0x3A3 - 0x3C2)),
    (0x3C3, 0x3CB, Map::Add(-32)),
    (0x3CC, 0x3CC, Map::Add(0x38C - 0x3CC)),
    (0x3CD, 0x3CE, Map::Add(0x38E - 0x3CD)),
    (0x3D0, 0x3D0, Map::Add(0x392 - 0x3D0)),
    (0x3D1, 0x3D1, Map::Add(0x398 - 0x3D1)),
    (0x3D5, 0x3D5, Map::Add(0x3A6 - 0x3D5)),
    (0x3D6, 0x3D6, Map::Add(0x3A0 - 0x3D6)),
    (0x3D7, 0x3D7, Map::Add(0x3CF - 0x3D7)),
    (0x3D8, 0x3EF, Map::Pairs(1)),
    (0x3F0, 0x3F0, Map::Add(0x39A - 0x3F0)),
    (0x3F1, 0x3F1, Map::Add(0x3A1 - 0x3F1)),
    (0x3F2, 0x3F2, Map::Add(0x3F9 - 0x3F2)),
    (0x3F3, 0x3F3, Map::Add(0x37F - 0x3F3)),
    (0x3F5, 0x3F5, Map::Add(0x395 - 0x3F5)),
    (0x3F8, 0x3F8, Map::Pairs(0)),
    (0x3FB, 0x3FB, Map::Pairs(1)),
    (0x430, 0x44F, Map::Add(-32)),
    (0x450, 0x45F, Map::Add(-80)),
    (0x460, 0x481, Map::Pairs(1)),
    (0x48A, 0x4BF, Map::Pairs(1)),
    (0x4C1, 0x4CE, Map::Pairs(0)),
    (0x4CF, 0x4CF, Map::Add(0x4C0 - 0x4CF)),
    (0x4D0, 0x52F, Map::Pairs(1)),
];

/// Pushes `c` in upper case (see the module documentation for its reach).
fn push_upper(out: &mut String, c: char) {
    // The few letters whose capital is more than one character.
    let special = match c {
        'ß' => "SS",
        'ŉ' => "\u{2BC}N",
        'ΐ' => "\u{399}\u{308}\u{301}",
        'ΰ' => "\u{3A5}\u{308}\u{301}",
        _ => "",
    };
    if !special.is_empty() {
        out.push_str(special);
        return;
    }
    let code = c as u32;
    let upper = UPPER.iter().find(|(first, last, _)| (*first..=*last).contains(&code)).map_or(code, |&(_, _, map)| match map {
        Map::Add(d) => code.wrapping_add_signed(d),
        Map::Pairs(parity) if code % 2 == parity => code - 1,
        Map::Pairs(_) => code,
    });
    out.push(char::from_u32(upper).unwrap_or(c));
}

/// `parts` with `separator` between them, like `[S]::join`. The standard
/// `join` is generic over its slice's element type, and each copy is about
/// 800 bytes of wasm; here the per-type part is only the loop.
pub fn join<S: AsRef<str>>(parts: &[S], separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::{outcome_verdict, Msg};
    use crate::{AwardCategory, Lang, Level, Status};

    #[test]
    fn joins_like_the_standard_join() {
        let words = ["март", "", "2024", "I кв."];
        for len in 0..=words.len() {
            for separator in ["", ", ", "\u{a0}· "] {
                let strs = &words[..len];
                let strings: Vec<String> = strs.iter().map(|w| w.to_string()).collect();
                assert_eq!(join(strs, separator), strs.join(separator));
                assert_eq!(join(&strings, separator), strings.join(separator));
            }
        }
    }

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
                texts.push(outcome_verdict(value, baseline, target, None, crate::Format::Count, true, lang));
            }
            for (value, baseline) in [(1.0, 2.0), (3.0, 2.0), (2.0, 2.0)] {
                texts.push(outcome_verdict(value, Some(baseline), None, None, crate::Format::Count, true, lang));
                texts.push(outcome_verdict(value, Some(baseline), Some(5.0), None, crate::Format::Count, false, lang));
            }
            texts.push(outcome_verdict(f64::NAN, None, None, None, crate::Format::Count, true, lang));
            for (value, plan) in [(20.0, 35.0), (50.0, 35.0), (35.0, 35.0)] {
                texts.push(outcome_verdict(value, Some(0.0), Some(70.0), Some(plan), crate::Format::Percent, true, lang));
            }
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

    #[test]
    fn upper_matches_the_standard_library_in_its_blocks() {
        let ranges = [0..=0x17F, 0x370..=0x3FF, 0x400..=0x52F];
        for code in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(code) else { continue };
            let mut ours = String::new();
            push_upper(&mut ours, c);
            assert_eq!(ours, c.to_uppercase().collect::<String>(), "U+{code:04X} {c}");
        }
    }

    #[test]
    fn upper_first_capitalises_one_letter() {
        assert_eq!(upper_first("лучше цели"), "Лучше цели");
        assert_eq!(upper_first("ßx"), "SSx");
        assert_eq!(upper_first("ёлка"), "Ёлка");
        assert_eq!(upper_first(""), "");
        // Outside those blocks the letter is left as it is (`to_uppercase` would give `Ա`).
        assert_eq!(upper_first("աբ"), "աբ");
        assert_eq!(upper_first("日本"), "日本");
    }
}
