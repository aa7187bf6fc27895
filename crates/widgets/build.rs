//! Writes `widget.css` without its comments and indentation for the
//! bundle: they are for the people who read the stylesheet, and would
//! otherwise be bytes that every page downloads in the wasm.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src/widget.css");
    let css = std::fs::read_to_string("src/widget.css").expect("src/widget.css is part of the crate");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("widget.min.css"), minify(&css)).expect("OUT_DIR is writable");
}

/// Drops comments, the white space that CSS does not need and the `;`
/// before a `}`: runs of white space become one space, and none is kept
/// next to `{ } ; , >` or after `:`. Quoted
/// strings are kept as they are. A space before `:` is kept: in a selector
/// it is a descendant combinator (`svg :is(…)`).
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '"' | '\'' => {
                push_space(&mut out, &mut space, c);
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c {
                        break;
                    }
                }
            }
            c => {
                push_space(&mut out, &mut space, c);
                // The last declaration of a block needs no `;`.
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
        }
    }
    assert_eq!(out.matches('{').count(), out.matches('}').count(), "widget.css: unbalanced braces");
    out
}

/// Writes the pending space before `next` where CSS needs one.
fn push_space(out: &mut String, space: &mut bool, next: char) {
    const TIGHT: &[char] = &['{', '}', ';', ',', '>'];
    if std::mem::take(space) && !out.is_empty() && !out.ends_with(TIGHT) && !out.ends_with(':') && !TIGHT.contains(&next) {
        out.push(' ');
    }
}
