//! The wasm entry for host pages.
