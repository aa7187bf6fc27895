//! Writing to stdout without panicking when the reader goes away
//! (`opeka validate … | head` must not die of a broken pipe).

use std::io::Write;

/// Writes one line to stdout; a closed pipe is ignored.
pub fn line(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
}

/// Writes `text` to stdout as it is; a closed pipe is ignored.
pub fn text(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
}
