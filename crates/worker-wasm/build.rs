//! The worker's module's stack: 128 KiB, as the page's module has
//! (crates/embed/build.rs says why that is enough), instead of Rust's
//! default 1 MiB for wasm. The stack is the first part of the module's
//! memory, so its size is in the memory of every worker and of every page
//! that words a feed's problems, from the start: with 1 MiB, the 1 MB
//! feed's worker held four times the feed (docs/performance.md, stop 31).
//! Its deepest use is the same validator's, at the JSON reader's nesting
//! limit; the reduction and the packing do not recurse.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_FAMILY").as_deref() == Ok("wasm") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=131072");
    }
}
