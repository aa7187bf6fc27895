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
