//! A map kept as a vector sorted by key.
//!
//! The chart views key a handful of sums by period or category id and read
//! them back in key order; the widgets cache text widths by text. `BTreeMap` does that too, but brings its node code
//! (several KB of wasm per key and value type); a sorted vector with a
//! binary search is a few hundred bytes and as fast at these sizes.

use std::borrow::Borrow;

/// Entries sorted by key, each key once; iteration is in key order, like `BTreeMap`.
#[derive(Clone, Debug)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap { entries: Vec::new() }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The map that [`SortedMap::insert`] of every pair in turn would
    /// build (of equal keys the last value counts), in `n log n`: one at a
    /// time, keys arriving in descending order (daily records listed newest
    /// first) move the whole vector on every insert.
    pub fn from_pairs(pairs: Vec<(K, V)>) -> Self {
        let mut entries: Vec<(K, V)> = Vec::with_capacity(pairs.len());
        for (key, value) in sorted_by_key(pairs) {
            match entries.last_mut() {
                Some(last) if last.0 == key => last.1 = value,
                _ => entries.push((key, value)),
            }
        }
        SortedMap { entries }
    }

    /// The map that `fold(map.entry_or_default(key), item)` for every pair
    /// in turn would build, in `n log n`: the items of one key are folded
    /// in the order given (so sums of floats come out bit for bit the same).
    pub fn from_folded<T>(pairs: Vec<(K, T)>, mut fold: impl FnMut(&mut V, T)) -> Self
    where
        V: Default,
    {
        let mut entries: Vec<(K, V)> = Vec::new();
        for (key, item) in sorted_by_key(pairs) {
            match entries.last_mut() {
                Some(last) if last.0 == key => fold(&mut last.1, item),
                _ => {
                    let mut value = V::default();
                    fold(&mut value, item);
                    entries.push((key, value));
                }
            }
        }
        SortedMap { entries }
    }

    /// Where `key` is (`Ok`) or would go (`Err`).
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value under `key`, inserting `V::default()` first when there is none.
    pub fn entry_or_default(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key, V::default()));
                i
            }
        };
        &mut self.entries[i].1
    }

    /// Keeps only the entries for which `keep` is true (order stays sorted).
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &V) -> bool) {
        self.entries.retain(|(k, v)| keep(k, v));
    }

    /// Sets the value under `key`, replacing any there.
    pub fn insert(&mut self, key: K, value: V) {
        match self.find(&key) {
            Ok(i) => self.entries[i].1 = value,
            Err(i) => self.entries.insert(i, (key, value)),
        }
    }

    /// The value under `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// The value under `key`, to change in place.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &mut self.entries[i].1)
    }

    /// Removes the value under `key` and returns it.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// Whether `key` has a value.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }
}

/// `pairs` sorted by key, pairs of equal keys in the order given.
fn sorted_by_key<K: Ord, T>(mut pairs: Vec<(K, T)>) -> Vec<(K, T)> {
    // Input already in order (the usual case: periods ascending) costs the
    // sort a pass of comparisons and one over the identity permutation
    // (`sorted_indices`, `permute`).
    crate::collections::order::sort_stable_by(&mut pairs, |a, b| a.0.cmp(&b.0));
    pairs
}

impl<K, V> SortedMap<K, V> {
    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many keys the map has.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The values in key order, taken out of the map.
    pub fn into_values(self) -> impl DoubleEndedIterator<Item = V> {
        self.entries.into_iter().map(|(_, v)| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_keys_in_order_and_each_once() {
        let mut map = SortedMap::new();
        for (k, v) in [(5, 'e'), (1, 'a'), (3, 'c'), (1, 'A'), (9, 'i')] {
            map.insert(k, v);
        }
        assert_eq!(map.len(), 4);
        assert_eq!(map.keys().copied().collect::<Vec<_>>(), vec![1, 3, 5, 9]);
        assert_eq!(map.values().copied().collect::<String>(), "Acei");
        assert_eq!(map.iter().next_back(), Some((&9, &'i')));
        assert_eq!(map.get(&3), Some(&'c'));
        assert_eq!(map.get(&4), None);
        assert!(map.contains_key(&5) && !map.contains_key(&0));
        *map.get_mut(&3).expect("present") = 'C';
        assert_eq!(map.remove(&3), Some('C'));
        assert_eq!(map.remove(&3), None);
        assert_eq!(map.keys().copied().collect::<Vec<_>>(), vec![1, 5, 9]);
    }

    /// A small deterministic generator (xorshift), for inputs with many ties.
    fn numbers(seed: u64, n: usize, below: u64) -> Vec<u64> {
        let mut x = seed.max(1);
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % below
            })
            .collect()
    }

    #[test]
    fn bulk_building_matches_inserting_one_at_a_time() {
        for seed in 1..200u64 {
            let n = (seed as usize * 7) % 300;
            let keys = numbers(seed, n, 1 + seed % 50);
            let pairs: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            let mut one_by_one = SortedMap::new();
            let mut folded_one_by_one: SortedMap<u64, Vec<usize>> = SortedMap::new();
            for &(k, v) in &pairs {
                one_by_one.insert(k, v);
                folded_one_by_one.entry_or_default(k).push(v);
            }
            let bulk = SortedMap::from_pairs(pairs.clone());
            assert_eq!(bulk.iter().collect::<Vec<_>>(), one_by_one.iter().collect::<Vec<_>>(), "seed {seed}");
            let folded = SortedMap::from_folded(pairs, |list: &mut Vec<usize>, v| list.push(v));
            assert_eq!(folded.iter().collect::<Vec<_>>(), folded_one_by_one.iter().collect::<Vec<_>>(), "seed {seed}");
        }
    }

    #[test]
    fn bulk_building_keeps_the_last_value_and_the_order_of_sums() {
        let map = SortedMap::from_pairs(vec![(3, 'c'), (1, 'a'), (3, 'C'), (2, 'b'), (1, 'A')]);
        assert_eq!(map.iter().map(|(k, v)| format!("{k}{v}")).collect::<String>(), "1A2b3C");
        // Added in the order given, a float sum is the one repeated `+=` gives.
        let values = [(5, 0.1), (4, 1e16), (5, 0.2), (4, 1.0), (5, 0.3), (4, -1e16)];
        let mut expected: SortedMap<i32, f64> = SortedMap::new();
        for (k, v) in values {
            *expected.entry_or_default(k) += v;
        }
        let sums = SortedMap::from_folded(values.to_vec(), |sum: &mut f64, v| *sum += v);
        assert_eq!(
            sums.iter().map(|(k, v)| (*k, v.to_bits())).collect::<Vec<_>>(),
            expected.iter().map(|(k, v)| (*k, v.to_bits())).collect::<Vec<_>>()
        );
        assert!(SortedMap::<u8, u8>::from_pairs(Vec::new()).is_empty());
    }

    #[test]
    fn entry_or_default_adds_once() {
        let mut map: SortedMap<String, u32> = SortedMap::new();
        assert!(map.is_empty());
        for id in ["b", "a", "b", "c", "b"] {
            *map.entry_or_default(id.to_owned()) += 1;
        }
        assert_eq!(map.iter().map(|(k, v)| format!("{k}{v}")).collect::<Vec<_>>(), vec!["a1", "b3", "c1"]);
        assert_eq!(map.get("b"), Some(&3));
    }
}
