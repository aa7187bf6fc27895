//! The top-level members of a valid feed that no view reads, found for the
//! worker's reduction (issue 13, "Big feeds"): the document it hands the
//! page leaves them out, so that the page does not validate them again. A
//! feed of a million such members held the host page for 0.6 s while the
//! page's module read them (docs/performance.md, stops 42 and 43).

use std::ops::Range;

use crate::Kind;

use super::json::Scanner;
use super::message::ProblemMessage;
use super::quick::{skip_space, skip_value};
use super::{awards, caseload, envelope, outcomes, Checked, BOM};

/// Where to cut the top-level members of `bytes` (the document `checked`
/// came from) that its kind does not know, each with one comma, so that
/// what is left is the same document without them. Empty unless the
/// validator warned of an unknown member at the top (or left warnings
/// out): only then is the document scanned, once, as the quick path
/// scans what it skips. A key written with escapes might spell a known
/// member, and is kept.
pub fn unknown_member_cuts(bytes: &[u8], checked: &Checked) -> Vec<Range<usize>> {
    let warned = checked.omitted.warnings > 0
        || checked.warnings.iter().any(|p| p.message == ProblemMessage::UnknownField && !p.path.contains(['.', '[']));
    let Some(members) = warned.then(|| top_members(bytes)).flatten() else { return Vec::new() };
    // The envelope's members and the kind's (as `envelope::known_fields`
    // lists them; not called here, so that the page's module keeps it inlined).
    let body = match checked.feed.feed().kind() {
        Kind::Caseload => caseload::FIELDS,
        Kind::Awards => awards::FIELDS,
        Kind::Outcomes => outcomes::FIELDS,
    };
    let known: Vec<&str> = envelope::FEED_FIELDS.iter().chain(body).copied().collect();
    let unknown: Vec<bool> = members.iter().map(|m| !m.key.contains(&b'\\') && !known.iter().any(|k| k.as_bytes() == m.key)).collect();
    // A run of unknown members at the end is cut from the end of the value
    // before it, with that comma; any other from its key to the next key.
    // (A valid feed has known members: `opeka`, `kind`, `title`.)
    let Some(kept) = unknown.iter().rposition(|&u| !u) else { return Vec::new() };
    let mut cuts: Vec<Range<usize>> =
        members.windows(2).enumerate().filter(|&(i, _)| i < kept && unknown[i]).map(|(_, pair)| pair[0].key_at..pair[1].key_at).collect();
    if let (Some(before), Some(last)) = (members.get(kept), members.last().filter(|_| kept + 1 < members.len())) {
        cuts.push(before.value_end..last.value_end);
    }
    cuts
}

/// A top-level member as the scan finds it.
struct Member<'a> {
    /// Where its key's opening quote is.
    key_at: usize,
    /// The key as written, between its quotes.
    key: &'a [u8],
    /// Where its value ends (the byte after it).
    value_end: usize,
}

/// The members of the object `bytes` holds, in order; `None` when it is
/// not one as a valid document writes it.
fn top_members(bytes: &[u8]) -> Option<Vec<Member<'_>>> {
    let mut scanner = Scanner::new(bytes);
    let (b'{', open) = skip_space(bytes, if bytes.starts_with(BOM) { BOM.len() } else { 0 })? else { return None };
    let mut members = Vec::new();
    let mut at = open + 1;
    loop {
        let (mut b, mut key_at) = skip_space(bytes, at)?;
        if b == b'}' {
            return Some(members);
        }
        if b == b',' {
            (b, key_at) = skip_space(bytes, key_at + 1)?;
        }
        if b != b'"' {
            return None;
        }
        let key_end = scanner.skip_string(key_at + 1)?;
        let (b':', colon) = skip_space(bytes, key_end)? else { return None };
        let (_, value_at) = skip_space(bytes, colon + 1)?;
        let value_end = skip_value(bytes, &mut scanner, value_at)?;
        members.push(Member { key_at, key: bytes.get(key_at + 1..key_end - 1)?, value_end });
        at = value_end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::{validate, Options};

    /// `doc` without the cuts.
    fn cut(doc: &str) -> String {
        let checked = validate(doc.as_bytes(), &Options::default()).expect("valid");
        let mut out = String::new();
        let mut at = 0;
        for range in unknown_member_cuts(doc.as_bytes(), &checked) {
            out.push_str(&doc[at..range.start]);
            at = range.end;
        }
        out.push_str(&doc[at..]);
        out
    }

    #[test]
    fn unknown_members_are_cut_with_one_comma_wherever_they_are() {
        let feed = r#""opeka":1,"kind":"caseload","title":"t","records":[{"period":"2024","value":1}]"#;
        let known = format!("{{{feed}}}");
        for doc in [
            format!(r#"{{"x":{{"a":[1,"]}}"]}},{feed}}}"#),
            format!(r#"{{{feed}, "y" : "z\"}}" ,"w":[[],{{}}]}}"#),
            r#"{"opeka":1,"a":true,"kind":"caseload","b":null,"title":"t","c":-1.5e3,"records":[{"period":"2024","value":1}]}"#.to_owned(),
            format!("\u{FEFF} {{ {feed} ,\n\"tail\": 1 }}"),
        ] {
            let left = cut(&doc);
            let kept = validate(left.as_bytes(), &Options::default()).unwrap_or_else(|e| panic!("{left}: {e}"));
            assert!(kept.warnings.is_empty(), "{left}: {:?}", kept.warnings);
            assert_eq!(kept.feed, validate(known.as_bytes(), &Options::default()).expect("valid").feed, "{left}");
            assert!(left.len() < doc.len(), "{left}");
        }
        // Nothing to cut: no scan, the same document.
        assert_eq!(cut(&known), known);
        // An escaped key is kept (it might spell a known member).
        let escaped = format!(r#"{{{feed},"\u0078":1}}"#);
        assert_eq!(cut(&escaped), escaped);
    }
}
