//! The worker's module's stack: 32 KiB instead of Rust's default 1 MiB for
//! wasm. The stack is the first part of the module's memory, so its size is
//! in the memory of every worker and of every page that words a feed's
//! problems, from the start: with 1 MiB, the 1 MB feed's worker held four
//! times the feed (docs/performance.md, stop 31). Its deepest use is about
//! 7 KB, the same validator's at the JSON reader's nesting limit, measured
//! in Node as the lowest byte written below the stack's top (stop 35); the
//! reduction and the packing do not recurse. A stack that overflowed would
//! trap (it lies at the bottom of memory), never overwrite data. The page's
//! module keeps 128 KiB: a smaller one moved its data and grew its download
//! by 530–620 bytes (stop 35).
fn main() {
    if std::env::var("CARGO_CFG_TARGET_FAMILY").as_deref() == Ok("wasm") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size=32768");
    }
}
