//! JSON paths in the form publishers read: `records[12].value`,
//! `projects[0].indicators[1].direction`, `title["de-CH"]`, `(root)`.

use std::fmt::Write;

/// One step into a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// A member this format defines (no allocation on the hot path).
    Field(&'static str),
    /// Any other object member, such as a translation or an unknown field.
    Key(String),
    /// An array element.
    Index(usize),
}

/// The path of the value being checked; grows and shrinks as the walk
/// goes in and out, and is only turned into text when a problem is found.
#[derive(Clone, Debug, Default)]
pub(crate) struct JsonPath {
    steps: Vec<Step>,
}

/// What a path of no steps is called.
pub(crate) const ROOT: &str = "(root)";

impl JsonPath {
    pub(crate) fn push(&mut self, step: Step) {
        self.steps.push(step);
    }

    pub(crate) fn pop(&mut self) {
        self.steps.pop();
    }

    /// The path as text, with `extra` appended (for a member that is not
    /// walked into, such as a missing or unknown field).
    pub(crate) fn render(&self, extra: Option<&Step>) -> String {
        let mut out = String::new();
        for step in self.steps.iter().chain(extra) {
            match step {
                Step::Index(i) => {
                    let _ = write!(out, "[{i}]");
                }
                Step::Field(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Step::Key(k) if is_plain_key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                // Keys from the feed may hold anything: quote them so a hostile
                // key cannot pose as a different path or break a line.
                Step::Key(k) => {
                    let _ = write!(out, "[{}]", quote(k));
                }
            }
        }
        if out.is_empty() {
            out.push_str(ROOT);
        }
        out
    }
}

fn is_plain_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 64 && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// A feed string quoted for a message: JSON escapes (so control characters
/// and line breaks cannot forge output lines) and cut to a readable length.
pub(crate) fn quote(s: &str) -> String {
    const MAX_CHARS: usize = 60;
    let cut: String = s.chars().take(MAX_CHARS).collect();
    let mut quoted = String::with_capacity(cut.len() + 2);
    super::json::write_string(&mut quoted, &cut);
    if cut.len() < s.len() {
        quoted.insert(quoted.len() - 1, '…');
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_paths() {
        let mut p = JsonPath::default();
        assert_eq!(p.render(None), "(root)");
        p.push(Step::Key("projects".into()));
        p.push(Step::Index(0));
        p.push(Step::Key("indicators".into()));
        p.push(Step::Index(1));
        assert_eq!(p.render(Some(&Step::Key("direction".into()))), "projects[0].indicators[1].direction");
        p.pop();
        p.pop();
        assert_eq!(p.render(Some(&Step::Key("a b\n".into()))), "projects[0][\"a b\\n\"]");
    }

    #[test]
    fn quotes_and_cuts() {
        assert_eq!(quote("a\"b"), "\"a\\\"b\"");
        let long = "я".repeat(100);
        let q = quote(&long);
        assert!(q.ends_with("…\""), "{q}");
        assert_eq!(q.chars().count(), 60 + 3);
    }
}
