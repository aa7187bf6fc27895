//! The page module's stack: 128 KiB instead of Rust's default 1 MiB for
//! wasm. The stack is the first part of the module's memory, so its size is
//! in every page's memory from the start, and Opeka's deepest use is about
//! 8 KB (every view drawn, the JSON reader at its nesting limit; measured
//! in Chromium: docs/performance.md, "Stop 12"). A stack that overflowed
//! would trap (it lies at the bottom of memory), never overwrite data.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_FAMILY").as_deref() == Ok("wasm") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=131072");
    }
}
