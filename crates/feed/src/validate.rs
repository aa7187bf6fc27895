//! The validator: untrusted bytes in, a [`crate::ValidFeed`] or every problem with its path out.
//!
//! The input is checked for size and nesting before it is parsed, parsed
//! into a small order-keeping tree (`json`), and walked once by the
//! checks of the envelope and of each kind. Every problem is collected,
//! each with the JSON path of the value it is about; the feed is built only
//! when there was no error.

pub(crate) mod awards;
pub(crate) mod caseload;
mod cx;
pub(crate) mod deck;
pub(crate) mod envelope;
pub(crate) mod json;
#[cfg(test)]
mod json_diff_tests;
pub mod message;
pub(crate) mod outcomes;
pub mod packed;
mod path;
mod quick;
mod unknown;

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use crate::{Lang, ValidFeed};

#[cfg(feature = "schema")]
pub(crate) use cx::plural_forms;
pub use json::Code as SyntaxDetail;
pub use message::{Expected, Got, ProblemMessage, Repeated};
pub use quick::{read_caseload_quickly, validate_caseload_quickly, QuickCaseload, QuickRecord, Ranks, StreamedCaseload};
pub use unknown::{member_cuts, unknown_member_cuts, Member, Scan};

/// How many problems a result lists. A hostile feed (millions of `{}`
/// records) would otherwise make millions of problems, list items and
/// console lines; past the cap problems are only counted ([`Omitted`]).
pub const MAX_PROBLEMS: usize = 200;

/// Problems found past [`MAX_PROBLEMS`]: counted, not listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Omitted {
    /// Errors not listed.
    pub errors: usize,
    /// Warnings not listed.
    pub warnings: usize,
}

impl Omitted {
    /// Errors and warnings not listed.
    pub fn total(&self) -> usize {
        self.errors + self.warnings
    }

    /// `и ещё 1 234` / `and 1,234 more`, the line that ends a capped list;
    /// `None` when nothing was left out.
    pub fn text(&self, lang: Lang) -> Option<String> {
        let n = self.total();
        (n > 0).then(|| crate::locale::Msg::More(n).text(lang))
    }

    fn count(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }
}

/// Limits on the input, checked before it is parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The largest input accepted, in bytes.
    pub max_bytes: usize,
    /// The deepest nesting of arrays and objects accepted (format 1 needs 6).
    pub max_depth: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_bytes: 16 * 1024 * 1024, max_depth: 64 }
    }
}

/// Whether a problem refuses the feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The feed is refused.
    Error,
    /// The feed is accepted; the publisher should still look.
    Warning,
}

/// One thing wrong with a feed, at one place in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The JSON path of the value, like `records[12].value`; `(root)` for the document.
    pub path: String,
    /// What is wrong.
    pub message: ProblemMessage,
    /// Whether it refuses the feed.
    pub severity: Severity,
}

impl Problem {
    /// The message in `lang`, without the path.
    pub fn message(&self, lang: Lang) -> String {
        self.message.text(lang)
    }

    /// `path: message` in `lang`.
    pub fn to_string_in(&self, lang: Lang) -> String {
        format!("{}: {}", self.path, self.message.text(lang))
    }

    /// Same as [`Problem::to_string_in`].
    pub fn text(&self, lang: Lang) -> String {
        self.to_string_in(lang)
    }

    /// Whether this problem refuses the feed.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `path: message` in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_in(Lang::En))
    }
}

/// A feed that passed, and what it should still fix.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// The checked feed.
    pub feed: ValidFeed,
    /// Warnings (unknown fields, unlinked URLs), in the order found: envelope, then body;
    /// at most [`MAX_PROBLEMS`].
    pub warnings: Vec<Problem>,
    /// Warnings past the cap, counted only.
    pub omitted: Omitted,
}

/// A refused feed: every error and warning, in the order found: envelope, then body.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejected {
    /// Errors and warnings, at most [`MAX_PROBLEMS`]; at least one is an error.
    pub problems: Vec<Problem>,
    /// Problems past the cap, counted only.
    pub omitted: Omitted,
}

impl Rejected {
    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }
}

impl fmt::Display for Rejected {
    /// One `path: message` line per problem, in English, then `and N more` past the cap.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.problems {
            writeln!(f, "{p}")?;
        }
        if let Some(more) = self.omitted.text(Lang::En) {
            writeln!(f, "{more}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Rejected {}

fn rejected(message: ProblemMessage) -> Rejected {
    Rejected { problems: vec![Problem { path: path::ROOT.to_owned(), message, severity: Severity::Error }], omitted: Omitted::default() }
}

/// The UTF-8 byte order mark some editors on Windows write first.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether `bytes` look like an HTML page (a captive portal, a server's
/// error page): the first thing after a BOM and whitespace is `<`, which
/// no JSON document starts with.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    skip_bom(bytes).iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}

/// `bytes` without a leading BOM.
fn skip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// The checks before a document is walked, shared by feeds and decks: size,
/// an HTML page, a BOM, nesting, JSON syntax.
pub(crate) fn parse<'a>(bytes: &'a [u8], options: &Options) -> Result<json::Json<'a>, Rejected> {
    if bytes.len() > options.max_bytes {
        return Err(rejected(ProblemMessage::TooLarge { size: bytes.len(), limit: options.max_bytes }));
    }
    if looks_like_html(bytes) {
        return Err(rejected(ProblemMessage::HtmlPage));
    }
    // Files saved "as UTF-8" on Windows often start with a BOM; JSON
    // parsers may skip it (RFC 8259, 8.1), and publishers cannot see it.
    let bytes = skip_bom(bytes);
    // The reader stops at the depth limit itself; only a document it
    // refuses is scanned for its nesting (a second pass over every byte,
    // a fifth of a big feed's parse), which is reported before any syntax
    // error, as a document too deep to read.
    match json::read_nested(bytes, options.max_depth) {
        Err(_) if json::nesting_exceeds(bytes, options.max_depth) => Err(rejected(ProblemMessage::TooDeep { limit: options.max_depth })),
        read => read.map_err(|e| rejected(syntax_problem(e))),
    }
}

/// Problems as `path: message` lines in English (the console's language),
/// then `and N more` past the validator's cap: what the widget and its
/// worker print for a page author.
pub fn problem_lines(problems: &[Problem], omitted: Omitted) -> Vec<String> {
    problems.iter().map(|p| p.to_string_in(Lang::En)).chain(omitted.text(Lang::En)).collect()
}

/// Validates a feed given as bytes (UTF-8 JSON, with or without a BOM).
pub fn validate(bytes: &[u8], options: &Options) -> Result<Checked, Rejected> {
    checked(&parse(bytes, options)?)
}

/// [`validate`], and where in `bytes` the value of the document's
/// top-level member `name` lies, from its first byte to its last. The
/// worker's reduction (`opeka_chart::reduce`) writes a big feed anew
/// with other `records`.
///
/// Read from where the reader found the member's key and the key after
/// it (or the document's end), so not one more pass over a big feed's
/// bytes. `None` when the feed is not valid, when no member or more than
/// one has that name, or when the key is written with escapes.
pub fn validate_locating(bytes: &[u8], options: &Options, name: &str) -> (Result<Checked, Rejected>, Option<Range<usize>>) {
    let (checked, [span]) = validate_locating_each(bytes, options, &[name]);
    (checked, span)
}

/// [`validate_locating`] for each of `names`: their spans in the same
/// order (an awards feed's reduction rewrites three members).
pub fn validate_locating_each<const N: usize>(
    bytes: &[u8],
    options: &Options,
    names: &[&str; N],
) -> (Result<Checked, Rejected>, [Option<Range<usize>>; N]) {
    let root = match parse(bytes, options) {
        Ok(root) => root,
        Err(rejected) => return (Err(rejected), std::array::from_fn(|_| None)),
    };
    let checked = checked(&root);
    let spans = names.map(|name| checked.as_ref().ok().and_then(|_| member_span(bytes, &root, name)));
    (checked, spans)
}

/// The feed in a parsed document, or its problems. Inlined into
/// [`validate`], the one of the two the page's module calls: a call of
/// its own there cost 12 bytes of the download, inlined it saves 25.
#[inline(always)]
fn checked(root: &json::Json<'_>) -> Result<Checked, Rejected> {
    let mut cx = cx::Cx::default();
    let feed = envelope::feed(&mut cx, root);
    match feed {
        Some(feed) if cx.errors == 0 => Ok(Checked { feed: ValidFeed::new(feed), warnings: cx.problems, omitted: cx.omitted }),
        _ => Err(Rejected { problems: cx.problems, omitted: cx.omitted }),
    }
}

/// Where the value of `root`'s member `name` lies in `bytes`, which
/// `root` was read from: its key and the next one borrow from `bytes`,
/// and between them (or between the key and the document's end) there
/// are only the value, whitespace, `:` and `,` (or `}`).
fn member_span(bytes: &[u8], root: &json::Json<'_>, name: &str) -> Option<Range<usize>> {
    let json::Json::Obj(members) = root else { return None };
    let mut named = members.iter().enumerate().filter(|(_, (key, _))| key == name);
    let (i, _) = named.next().filter(|_| named.next().is_none())?;
    let offset = |key: &Cow<'_, str>| match key {
        Cow::Borrowed(key) => (key.as_ptr() as usize).checked_sub(bytes.as_ptr() as usize).filter(|&at| at + key.len() < bytes.len()),
        Cow::Owned(_) => None,
    };
    let not_space = |b: &u8| !b.is_ascii_whitespace();
    // After the key's closing quote: whitespace, `:`, whitespace.
    let after_key = offset(&members[i].0)? + name.len() + 1;
    let colon = after_key + bytes[after_key..].iter().position(|&b| b == b':')?;
    let start = colon + 1 + bytes[colon + 1..].iter().position(not_space)?;
    // Before the next key's opening quote (or the document's end):
    // whitespace, `,` (or `}`), whitespace.
    let limit = match members.get(i + 1) {
        Some((key, _)) => offset(key)?.checked_sub(1)?,
        None => bytes.len(),
    };
    let separator = bytes[..limit].iter().rposition(not_space)?;
    let end = bytes[..separator].iter().rposition(not_space)?;
    (start <= end).then_some(start..end + 1)
}

/// Validates a feed given as text.
pub fn validate_str(json: &str, options: &Options) -> Result<Checked, Rejected> {
    validate(json.as_bytes(), options)
}

/// The problem a syntax error makes: an overflowing number has its own
/// message; any other error keeps the reader's (serde_json's) English words.
fn syntax_problem(error: json::SyntaxError) -> ProblemMessage {
    let json::SyntaxError { code, line, column } = error;
    if code == json::Code::NumberOutOfRange {
        ProblemMessage::NotFinite { line, column }
    } else {
        ProblemMessage::Syntax { line, column, detail: code }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The span `validate_locating` gives for `records` in `json`, as text.
    fn located(json: &[u8]) -> Option<&str> {
        let (checked, span) = validate_locating(json, &Options::default(), "records");
        assert!(checked.is_ok(), "{checked:?}");
        span.map(|span| std::str::from_utf8(&json[span]).unwrap())
    }

    const UNITS: &str = r#""units":[{"id":"a","label":"records: [1]"}],"measure":{"label":"\"records\"]"}"#;

    #[test]
    fn a_member_is_located_by_its_key_and_the_next() {
        // Last, with whitespace around it and after the document.
        let last = format!(
            r#"{{"opeka":1,"kind":"caseload","title":"t",{UNITS}, "records" :
 [ {{"period":"2024","unit":"a","value":1}} ]
 }}  "#
        );
        assert_eq!(located(last.as_bytes()), Some(r#"[ {"period":"2024","unit":"a","value":1} ]"#));
        // Before other members, one of them an array of objects too; after a BOM.
        let middle = format!(
            "\u{feff}{{\"opeka\":1,\"records\":[{{\"period\":\"2024\",\"unit\":\"a\",\"value\":1}}] ,\n\"kind\":\"caseload\",\"title\":\"t\",{UNITS},\"targets\":[{{\"period\":\"2024\",\"value\":2}}]}}"
        );
        assert_eq!(located(middle.as_bytes()), Some(r#"[{"period":"2024","unit":"a","value":1}]"#));
    }

    #[test]
    fn a_member_written_with_escapes_or_missing_is_not_located() {
        let escaped = format!(r#"{{"opeka":1,"kind":"caseload","title":"t",{UNITS},"rec\u006frds":[]}}"#);
        assert_eq!(located(escaped.as_bytes()), None);
        let (checked, span) = validate_locating(br#"{"opeka":1,"kind":"caseload","title":"t"}"#, &Options::default(), "records");
        assert!(checked.is_err() && span.is_none());
        let (_, span) = validate_locating(escaped.as_bytes(), &Options::default(), "units");
        assert_eq!(span.map(|s| &escaped.as_bytes()[s]), Some(&br#"[{"id":"a","label":"records: [1]"}]"#[..]));
    }
}
