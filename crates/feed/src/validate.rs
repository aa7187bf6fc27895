//! TEMPORARY STUB of the validator API (replaced by the real one on merge).
use crate::{Lang, ValidFeed};
pub struct Options { pub max_bytes: usize, pub max_depth: usize }
impl Default for Options { fn default() -> Self { Options { max_bytes: 16 << 20, max_depth: 64 } } }
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity { Error, Warning }
#[derive(Clone, Debug, PartialEq)]
pub struct Problem { pub path: String, pub severity: Severity, text: String }
impl Problem {
    pub fn message(&self, _lang: Lang) -> String { self.text.clone() }
    pub fn to_string_in(&self, lang: Lang) -> String { format!("{}: {}", self.path, self.message(lang)) }
}
pub struct Checked { pub feed: ValidFeed, pub warnings: Vec<Problem> }
pub struct Rejected { pub problems: Vec<Problem> }
pub fn validate(_bytes: &[u8], _options: &Options) -> Result<Checked, Rejected> {
    Err(Rejected { problems: vec![Problem { path: String::new(), severity: Severity::Error, text: "stub".into() }] })
}
