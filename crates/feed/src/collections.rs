//! Small collections shared by the validator and the chart crate, written
//! so the wasm bundle stays small: one non-generic stable sort, and a map
//! kept as a sorted vector instead of `HashMap` (hashbrown plus SipHash)
//! or `BTreeMap` (node code per key and value type).

pub mod order;
pub mod sorted_map;

pub use sorted_map::SortedMap;
