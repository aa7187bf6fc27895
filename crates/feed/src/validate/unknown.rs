//! What no view reads in a valid feed, found for the worker's reduction
//! (issue 13, "Big feeds"): the document it hands the page leaves it out,
//! so that the page does not validate it again.
//!
//! - The top-level members the feed's kind does not know
//!   ([`unknown_member_cuts`]). A feed of a million such members held the
//!   host page for 0.6 s while the page's module read them
//!   (docs/performance.md, stops 42 and 43).
//! - Inside the document, as `opeka_chart::reduce` decides for an
//!   outcomes feed's view, through a [`Scan`] of its objects and arrays.

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
    let at = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let Some(members) = warned.then(|| Scan::new(bytes).members(at)).flatten() else { return Vec::new() };
    // The envelope's members and the kind's (as `envelope::known_fields`
    // lists them; not called here, so that the page's module keeps it inlined).
    let body = match checked.feed.feed().kind() {
        Kind::Caseload => caseload::FIELDS,
        Kind::Awards => awards::FIELDS,
        Kind::Outcomes => outcomes::FIELDS,
    };
    let known: Vec<&str> = envelope::FEED_FIELDS.iter().chain(body).copied().collect();
    // (A valid feed has known members: `opeka`, `kind`, `title`.)
    member_cuts(&members, |m| !m.key.contains(&b'\\') && !known.iter().any(|k| k.as_bytes() == m.key))
}

/// Where to cut the `members` of an object (as [`Scan::members`] found
/// them) for which `cut` holds, each with one comma, so that what is left
/// is the same object without them: a run of them at the end from the
/// end of the value before it, with that comma; any other from its key to
/// the next key. Nothing when every member would go.
pub fn member_cuts(members: &[Member<'_>], cut: impl Fn(&Member<'_>) -> bool) -> Vec<Range<usize>> {
    let Some(kept) = members.iter().rposition(|m| !cut(m)) else { return Vec::new() };
    let mut cuts: Vec<Range<usize>> =
        members.windows(2).take(kept).filter(|pair| cut(&pair[0])).map(|pair| pair[0].key_at..pair[1].key_at).collect();
    if let (Some(before), Some(last)) = (members.get(kept), members.last().filter(|_| kept + 1 < members.len())) {
        cuts.push(before.value_end..last.value_end);
    }
    cuts
}

/// An object's member as a [`Scan`] finds it.
pub struct Member<'a> {
    /// Where its key's opening quote is.
    pub key_at: usize,
    /// The key as written, between its quotes.
    pub key: &'a [u8],
    /// Where its value starts.
    pub value_at: usize,
    /// Where its value ends (the byte after it).
    pub value_end: usize,
}

/// A scan of a valid document's objects and arrays, as the quick path
/// scans what it skips: nothing is read into a tree.
pub struct Scan<'a> {
    bytes: &'a [u8],
    scanner: Scanner<'a>,
}

impl<'a> Scan<'a> {
    /// A scan of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Scan { bytes, scanner: Scanner::new(bytes) }
    }

    /// The members of the object at `at` (or after whitespace), in order;
    /// `None` when there is none as a valid document writes it.
    pub fn members(&mut self, at: usize) -> Option<Vec<Member<'a>>> {
        self.items(at, b'{', |scan, key_at| {
            let bytes = scan.bytes;
            (bytes[key_at] == b'"').then_some(())?;
            let key_end = scan.scanner.skip_string(key_at + 1)?;
            let (b':', colon) = skip_space(bytes, key_end)? else { return None };
            let (_, value_at) = skip_space(bytes, colon + 1)?;
            let value_end = skip_value(bytes, &mut scan.scanner, value_at)?;
            Some((Member { key_at, key: bytes.get(key_at + 1..key_end - 1)?, value_at, value_end }, value_end))
        })
    }

    /// Where each value of the array at `at` (or after whitespace) lies,
    /// in order; `None` when there is none as a valid document writes it.
    pub fn values(&mut self, at: usize) -> Option<Vec<Range<usize>>> {
        self.items(at, b'[', |scan, value_at| {
            let value_end = skip_value(scan.bytes, &mut scan.scanner, value_at)?;
            Some((value_at..value_end, value_end))
        })
    }

    /// The items of the object or array at `at` (or after whitespace),
    /// which `open` opens: `item` reads each from its first byte and says
    /// where it ends.
    fn items<T>(&mut self, at: usize, open: u8, mut item: impl FnMut(&mut Self, usize) -> Option<(T, usize)>) -> Option<Vec<T>> {
        let close = if open == b'{' { b'}' } else { b']' };
        let (b, open_at) = skip_space(self.bytes, at)?;
        (b == open).then_some(())?;
        let mut items = Vec::new();
        let mut at = open_at + 1;
        loop {
            let (mut b, mut item_at) = skip_space(self.bytes, at)?;
            if b == close {
                return Some(items);
            }
            if b == b',' {
                (b, item_at) = skip_space(self.bytes, item_at + 1)?;
            }
            if b == close {
                return None;
            }
            let (read, end) = item(self, item_at)?;
            items.push(read);
            at = end;
        }
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

    #[test]
    fn a_scan_finds_members_and_values_wherever_they_are_written() {
        let doc = r#" [ {"a" : "]}\"" , "b":[1,{"c":[]}] ,"d":-1.5e3}, [], "x",null ]"#;
        let mut scan = Scan::new(doc.as_bytes());
        let values = scan.values(0).expect("an array");
        let texts: Vec<&str> = values.iter().map(|r| &doc[r.clone()]).collect();
        assert_eq!(texts, [r#"{"a" : "]}\"" , "b":[1,{"c":[]}] ,"d":-1.5e3}"#, "[]", r#""x""#, "null"]);
        let members = scan.members(values[0].start).expect("an object");
        let read: Vec<(&[u8], &str)> = members.iter().map(|m| (m.key, &doc[m.value_at..m.value_end])).collect();
        assert_eq!(read, [(&b"a"[..], r#""]}\"""#), (b"b", r#"[1,{"c":[]}]"#), (b"d", "-1.5e3")]);
        assert!(scan.values(values[1].start).expect("an array").is_empty());
        // Not an object, not an array.
        assert!(scan.members(values[1].start).is_none() && scan.values(values[2].start).is_none());
        // Each member cut with one comma: the object stays one.
        let left = |cut: &[&[u8]]| {
            let mut out = doc[values[0].clone()].to_owned();
            for range in member_cuts(&members, |m| cut.contains(&m.key)).iter().rev() {
                out.replace_range(range.start - values[0].start..range.end - values[0].start, "");
            }
            out
        };
        assert_eq!(left(&[b"a"]), r#"{"b":[1,{"c":[]}] ,"d":-1.5e3}"#);
        assert_eq!(left(&[b"b", b"d"]), r#"{"a" : "]}\""}"#);
        assert_eq!(left(&[b"a", b"b", b"d"]), doc[values[0].clone()]);
    }
}
