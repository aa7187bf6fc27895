//! The JSON reader ([`super::json::read`]) against serde_json, which it
//! replaced: on every corpus document and sample feed, and on thousands of
//! documents made from them by deterministic mutations, both must give the
//! same tree (strings borrowed alike, numbers bit for bit) or the same
//! error text, line and column.
//!
//! serde_json converts decimals two ways: by default (what the wasm bundle
//! had) with one multiplication by a power of ten, or correctly rounded
//! with its `float_roundtrip` feature, which the CLI's dev-dependency
//! `jsonschema` turns on when the whole workspace is tested at once. The
//! reader keeps the default's results; under the other, long numbers may
//! differ by an ulp or two, so `make test-native` also runs this module in
//! `opeka-feed`'s own build, where the comparison is exact.

#![allow(clippy::disallowed_methods, reason = "tests only, not in the wasm bundle: std's sort is fine here")]

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::json::{read, Json};

/// What either reader made of a document: a tree, or (error text, line, column).
type Outcome<'a> = Result<Json<'a>, (String, usize, usize)>;

fn ours(bytes: &[u8]) -> Outcome<'_> {
    read(bytes).map_err(|e| (e.code.text().to_owned(), e.line, e.column))
}

fn serde(bytes: &[u8]) -> Outcome<'_> {
    serde_json::from_slice::<Tree>(bytes).map(|t| t.0).map_err(|e| {
        let full = e.to_string();
        let detail = full.rfind(" at line ").map_or(full.as_str(), |cut| &full[..cut]).to_owned();
        (detail, e.line(), e.column())
    })
}

/// The tree through serde's visitor, as the validator built it before.
struct Tree<'a>(Json<'a>);

impl<'de> Deserialize<'de> for Tree<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TreeVisitor).map(Tree)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json<'de>, E> {
        Ok(Json::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json<'de>, E> {
        Ok(i64::try_from(v).map_or(Json::UInt(v), Json::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json<'de>, E> {
        Ok(Json::Float(v))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(Tree(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Arr(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut members = Vec::new();
        while let Some(Tree(key)) = map.next_key()? {
            let Json::Str(key) = key else { unreachable!("serde_json's keys are strings") };
            let Tree(value) = map.next_value()?;
            members.push((key, value));
        }
        Ok(Json::Obj(members))
    }
}

/// Whether serde_json here rounds decimals correctly (`float_roundtrip`).
fn serde_rounds_correctly() -> bool {
    // Numbers on which the default conversion and correct rounding differ;
    // the reader takes the default's side.
    let probes = ["2.2250738585072011e-308", "1.7976931348623157e308", "9007199254740993.0", "4.9e-324", "0.30000000000000004441"];
    let probe = probes
        .iter()
        .find(|p| !matches!(ours(p.as_bytes()), Ok(Json::Float(f)) if p.parse::<f64>().is_ok_and(|q| q.to_bits() == f.to_bits())))
        .expect("a probe the two conversions disagree on");
    matches!(serde(probe.as_bytes()), Ok(Json::Float(f)) if probe.parse::<f64>().is_ok_and(|q| q.to_bits() == f.to_bits()))
}

/// Where two outcomes differ, if they do. Floats are compared bit for bit
/// (`-0` is not `0`), or within a few ulps when `loose`.
fn difference(a: &Outcome, b: &Outcome, loose: bool) -> Option<String> {
    match (a, b) {
        (Ok(a), Ok(b)) => tree_difference(a, b, loose),
        (Err(a), Err(b)) if a == b => None,
        _ => Some(format!("ours {a:?}\nserde_json {b:?}")),
    }
}

fn tree_difference(a: &Json, b: &Json, loose: bool) -> Option<String> {
    let same = match (a, b) {
        (Json::Float(x), Json::Float(y)) => x.to_bits() == y.to_bits() || (loose && (x - y).abs() <= 4.0 * f64::EPSILON * y.abs()),
        (Json::Str(x), Json::Str(y)) => x == y && matches!(x, Cow::Borrowed(_)) == matches!(y, Cow::Borrowed(_)),
        (Json::Arr(x), Json::Arr(y)) => {
            if x.len() != y.len() {
                return Some(format!("array of {} against {}", x.len(), y.len()));
            }
            return x.iter().zip(y).find_map(|(x, y)| tree_difference(x, y, loose));
        }
        (Json::Obj(x), Json::Obj(y)) => {
            if x.len() != y.len() {
                return Some(format!("object of {} against {}", x.len(), y.len()));
            }
            return x.iter().zip(y).find_map(|((kx, x), (ky, y))| {
                if kx != ky || matches!(kx, Cow::Borrowed(_)) != matches!(ky, Cow::Borrowed(_)) {
                    Some(format!("key {kx:?} against {ky:?}"))
                } else {
                    tree_difference(x, y, loose)
                }
            });
        }
        (x, y) => x == y,
    };
    (!same).then(|| format!("ours {a:?}, serde_json {b:?}"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.json` file under `dir` (recursively), if it exists; sorted, so runs repeat.
fn files_under(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort_unstable();
    for path in paths {
        if path.is_dir() {
            files_under(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") || path.parent().is_some_and(|p| p.ends_with("validate")) {
            if let Ok(bytes) = std::fs::read(&path) {
                out.push((path, bytes));
            }
        }
    }
}

/// The corpus, the sample feeds (ours and the shared ones beside the
/// checkout) and the fuzzer's corpus when one was kept.
pub(super) fn documents() -> Vec<(PathBuf, Vec<u8>)> {
    let root = repo();
    let mut out = Vec::new();
    for dir in ["tests/corpus", "feeds", "../shared/feeds", "crates/feed/fuzz/corpus", "crates/chart/fuzz/corpus"] {
        files_under(&root.join(dir), &mut out);
    }
    out
}

/// A small deterministic generator (xorshift64*), so every run tests the same documents.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Pieces that reach the reader's corners: escapes and surrogates, bad
/// UTF-8, control characters, numbers at the edges of i64, u64 and f64.
const PIECES: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"",
    b"\\",
    b" ",
    b"\n",
    b"\r\n",
    b"\t",
    b"0",
    b"-",
    b".",
    b"e",
    b"E+",
    b"e-",
    b"null",
    b"nul",
    b"true",
    b"tru",
    b"false",
    b"NaN",
    b"Infinity",
    b"-Infinity",
    b"\\u",
    b"\\u00e9",
    b"\\uD83D\\uDE00",
    b"\\ud800",
    b"\\udc00",
    b"\\ud800\\u0041",
    b"\\ud800x",
    b"\\uZZZZ",
    b"\\x",
    b"\\/",
    b"\x00",
    b"\x1f",
    b"\x7f",
    b"\xc3\xa9",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b"01",
    b"-0",
    b"1.",
    b".5",
    b"1e",
    b"1e+",
    b"1e400",
    b"-1e400",
    b"1e-400",
    b"1e2147483648",
    b"1e-2147483649",
    b"0e99999999999",
    b"9223372036854775807",
    b"9223372036854775808",
    b"-9223372036854775808",
    b"-9223372036854775809",
    b"18446744073709551615",
    b"18446744073709551616",
    b"123456789012345678901234567890",
    b"1.7976931348623157e308",
    b"1.7976931348623159e308",
    b"2.2250738585072011e-308",
    b"4.9e-324",
    b"0.1",
    b"12.5",
    b"0.30000000000000004",
    b"1234567890.123456789012345",
    b"[]",
    b"{}",
    b"[1,]",
    b"{\"a\":1,}",
    b"\"k\":",
    b"\"\xd0\x96\"",
];

/// One mutation of `doc`: truncated, a byte replaced, a piece inserted or a range deleted or doubled.
pub(super) fn mutate(rng: &mut Rng, doc: &[u8]) -> Vec<u8> {
    let mut out = doc.to_vec();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 => out.truncate(at),
            1 if at < out.len() => {
                let piece = rng.pick(PIECES);
                out[at] = piece[0];
            }
            2 | 1 => {
                let piece = rng.pick(PIECES);
                out.splice(at..at, piece.iter().copied());
            }
            3 => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            4 => {
                let end = (at + 1 + rng.below(64)).min(out.len());
                let copy = out[at.min(end)..end].to_vec();
                out.splice(at..at, copy);
            }
            _ => {
                // A number of random digits and exponent, at a value's place.
                let mut n = Vec::new();
                if rng.below(2) == 0 {
                    n.push(b'-');
                }
                for _ in 0..1 + rng.below(25) {
                    n.push(b'0' + rng.below(10) as u8);
                }
                if rng.below(2) == 0 {
                    n.push(b'.');
                    for _ in 0..1 + rng.below(20) {
                        n.push(b'0' + rng.below(10) as u8);
                    }
                }
                if rng.below(2) == 0 {
                    n.extend_from_slice(format!("e{}", rng.below(700) as i64 - 350).as_bytes());
                }
                out.splice(at..at, n);
            }
        }
    }
    out
}

/// A document of random pieces: mostly not JSON, every error path.
fn pieces_document(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..1 + rng.below(12) {
        let piece = rng.pick(PIECES);
        out.extend_from_slice(piece);
    }
    out
}

/// Compares the readers on `bytes`; whether serde_json accepted it.
fn check(name: &str, bytes: &[u8], loose: bool, failures: &mut Vec<String>) -> bool {
    let reference = serde(bytes);
    if let Some(d) = difference(&ours(bytes), &reference, loose) {
        if failures.len() < 20 {
            failures.push(format!("{name}: {:?}\n{d}", String::from_utf8_lossy(&bytes[..bytes.len().min(300)])));
        } else {
            failures.push(String::new());
        }
    }
    reference.is_ok()
}

#[test]
fn json_diff_every_document_and_mutation() {
    let loose = serde_rounds_correctly();
    let docs = documents();
    assert!(docs.len() >= 100, "the corpus and sample feeds were not found ({} files)", docs.len());
    let mut failures = Vec::new();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut checked, mut valid) = (0, 0);
    for (path, bytes) in &docs {
        let name = path.display().to_string();
        // Both readers see what the validator gives them: the document without a BOM.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        check(&name, bytes, loose, &mut failures);
        // Big documents take long to mutate in a debug build: fewer of them.
        let rounds = if bytes.len() > 20_000 { 5 } else { 40 };
        for i in 0..rounds {
            let m = mutate(&mut rng, bytes);
            valid += usize::from(check(&format!("{name} mutation {i}"), &m, loose, &mut failures));
            checked += 1;
        }
    }
    for i in 0..5_000 {
        let doc = pieces_document(&mut rng);
        valid += usize::from(check(&format!("pieces {i}"), &doc, loose, &mut failures));
        let in_array = [b"[".as_slice(), &doc, b"]"].concat();
        valid += usize::from(check(&format!("pieces {i} in an array"), &in_array, loose, &mut failures));
        checked += 2;
    }
    // Both sides of the comparison must be well exercised: documents read and documents refused.
    eprintln!("{checked} documents, {valid} valid JSON, serde_json correctly rounding: {loose}");
    assert!(checked > 5_000 && valid > 500 && checked - valid > 5_000, "{checked} documents, {valid} valid");
    assert!(failures.is_empty(), "{} of {checked} documents differ:\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn json_diff_numbers() {
    let loose = serde_rounds_correctly();
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let (mut failures, mut valid) = (Vec::new(), 0);
    for i in 0..20_000 {
        let mut n = String::new();
        if rng.below(2) == 0 {
            n.push('-');
        }
        let most = if rng.below(4) == 0 { 40 } else { 17 };
        let digits = 1 + rng.below(most);
        for d in 0..digits {
            let lead = d == 0 && digits > 1;
            n.push(char::from(b'0' + if lead { 1 + rng.below(9) } else { rng.below(10) } as u8));
        }
        if rng.below(2) == 0 {
            n.push('.');
            for _ in 0..1 + rng.below(20) {
                n.push(char::from(b'0' + rng.below(10) as u8));
            }
        }
        if rng.below(2) == 0 {
            n.push(rng.pick(&['e', 'E']));
            n.push_str(rng.pick(&["", "+", "-"]));
            let most = if rng.below(4) == 0 { 400 } else { 30 };
            n.push_str(&rng.below(most).to_string());
        }
        // A few overflow f64 and are refused (by both, or it is a failure).
        valid += usize::from(check(&format!("number {i}"), n.as_bytes(), loose, &mut failures));
    }
    assert!(valid > 19_000, "only {valid} of 20 000 numbers read");
    assert!(failures.is_empty(), "{} numbers differ:\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn json_diff_deep_nesting() {
    for depth in [126, 127, 128, 129, 300] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let doc = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            assert!(difference(&ours(doc.as_bytes()), &serde(doc.as_bytes()), false).is_none(), "depth {depth} {open}");
        }
    }
}

#[test]
fn quoting_matches_serde_json() {
    let mut all: String = (0u32..0x250).filter_map(char::from_u32).collect();
    all.push_str("\u{2028}\u{2029}😀\u{FEFF}");
    for c in all.chars() {
        let s = format!("a{c}b");
        let mut ours = String::new();
        super::json::write_string(&mut ours, &s);
        assert_eq!(ours, serde_json::to_string(&s).expect("a string serializes"), "{c:?}");
    }
}

/// Not a test: the two readers' speed on a big caseload feed, interleaved so
/// that a shared machine's load falls on both alike.
/// `cargo test --profile native -p opeka-feed --lib json_speed -- --ignored --nocapture`
#[test]
#[ignore = "a measurement, run by hand"]
fn json_speed() {
    use std::time::{Duration, Instant};
    let mut feed = String::from("{\"records\": [\n");
    for i in 0..170_000 {
        let (year, month, unit, category, value) = (2000 + i / 4000, i / 10 % 12 + 1, i % 40, i % 5, i * 7 % 5000);
        feed.push_str(&format!(
            "  {{\"period\": \"{year}-{month:02}\", \"unit\": \"unit-{unit}\", \"category\": \"category-{category}\", \"value\": {value}, \"share\": 0.{value}}},\n"
        ));
    }
    feed.push_str("  {\"label\": \"\\u0416 escaped \\\"text\\\"\"}\n]}\n");
    let (mut t_ours, mut t_serde) = (Vec::new(), Vec::new());
    for _ in 0..15 {
        let start = Instant::now();
        assert!(ours(feed.as_bytes()).is_ok());
        t_ours.push(start.elapsed());
        let start = Instant::now();
        assert!(serde(feed.as_bytes()).is_ok());
        t_serde.push(start.elapsed());
    }
    let median = |mut t: Vec<Duration>| {
        t.sort_unstable();
        t[t.len() / 2].as_secs_f64() * 1000.0
    };
    let mb = feed.len() as f64 / 1e6;
    let (a, b) = (median(t_ours), median(t_serde));
    eprintln!("{mb:.1} MB: our reader {a:.1} ms ({:.0} MB/s), serde_json {b:.1} ms ({:.0} MB/s)", mb / a * 1e3, mb / b * 1e3);
}
