//! Stable sorting through one non-generic routine.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every
//! call site gets its own copy of the standard library's sort (about 4 KB of
//! wasm each). Here every sort orders a list of indices with a comparison
//! behind `&dyn`, then moves the elements into that order: the bundle carries
//! one small merge sort however many views sort something
//! (and the validator uses the same one to find repeats without hashing).

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_stable_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    // SAFETY: `order` is a permutation of the indices of `items`, which
    // this function borrows mutably.
    unsafe { permute(items.as_mut_ptr().cast(), size_of::<T>(), order) };
}

/// Sorts `items` by the key `key` gives, keeping equal keys in their order.
pub fn sort_stable_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_stable_by(items, |a, b| key(a).cmp(&key(b)));
}

/// `0..len` ordered by `compare` on indices; equal indices keep their order.
/// A bottom-up merge sort: small, stable, `n log n` comparisons; `n` for a
/// list already in order, as a feed's periods usually are and a worker's
/// reduced records always are (docs/performance.md, stop 15: the page's
/// sorts of a big feed went from 22–35 ms to 1–3).
///
/// For callers that want the order rather than the sorted items, such as
/// the validator finding repeated keys by comparing neighbours.
pub fn sorted_indices(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..len).collect();
    let mut width = if (1..len).any(|k| compare(k, k - 1).is_lt()) { 1 } else { len };
    // Items already in order need no second buffer.
    let mut to = vec![0; if width < len { len } else { 0 }];
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // Take from the right run only when strictly smaller: that keeps equals stable.
                let take_right = j < end && (i >= mid || compare(from[j], from[i]) == Ordering::Less);
                if take_right {
                    *slot = from[j];
                    j += 1;
                } else {
                    *slot = from[i];
                    i += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// The repeats in a list, given its `order` from [`sorted_indices`] with the
/// same `compare`: a pair `(later, first)` for every item equal to an
/// earlier one, `first` being the earliest of its equals, in the order of
/// `later`. Sorting and comparing neighbours finds them in `n log n`
/// without hashing (no hashbrown or SipHash in the bundle).
pub fn repeats(order: &[usize], compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut first = 0;
    for (k, &i) in order.iter().enumerate() {
        // The sort is stable, so the first of a run of equals is the earliest.
        if k > 0 && compare(first, i) == Ordering::Equal {
            out.push((i, first));
        } else {
            first = i;
        }
    }
    sort_stable_by_key(&mut out, |&(later, _)| later);
    out
}

/// Reorders the `order.len()` items of `size` bytes from `base` so that
/// position `i` holds what was at `order[i]`. Not generic over the items:
/// one copy of this walk serves every sort (a copy per item type cost the
/// page's module 1.3 KB, docs/size.md, stop 61).
///
/// # Safety
///
/// `order` is a permutation of `0..order.len()`, and `base` points at that
/// many items of `size` bytes, borrowed mutably for the call.
unsafe fn permute(base: *mut u8, size: usize, mut order: Vec<usize>) {
    // Follow each cycle of the permutation with swaps, marking positions done
    // by pointing them at themselves.
    for start in 0..order.len() {
        let mut current = start;
        loop {
            let next = order[current];
            order[current] = current;
            if next == start || next == current {
                break;
            }
            // SAFETY: `current` and `next` differ and index `order`, so the
            // two items lie apart among those the caller lends; swapping
            // their bytes swaps the values, as `slice::swap` does.
            unsafe { std::ptr::swap_nonoverlapping(base.add(current * size), base.add(next * size), size) };
            current = next;
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods, reason = "the tests compare with std's sort")]
mod tests {
    use super::*;

    /// A small deterministic generator, so the tests need no crate.
    fn numbers(seed: u64, len: usize, modulo: u64) -> Vec<u64> {
        let mut state = seed;
        (0..len)
            .map(|_| {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (state >> 33) % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        for len in [0, 1, 2, 3, 5, 8, 17, 64, 100, 257] {
            for seed in 0..4 {
                // Pairs (key, original position): few keys, so many ties.
                let items: Vec<(u64, usize)> = numbers(seed, len, 7).into_iter().zip(0..).collect();
                let mut expected = items.clone();
                expected.sort_by_key(|p| p.0);
                let mut ours = items.clone();
                sort_stable_by_key(&mut ours, |p| p.0);
                assert_eq!(ours, expected, "len {len} seed {seed}");
            }
        }
    }

    #[test]
    fn a_list_in_order_costs_one_comparison_an_item() {
        for len in [2, 3, 1000, 4097] {
            // In order, with runs of ties, as a feed's records by period are.
            let keys: Vec<usize> = (0..len).map(|i| i / 3).collect();
            let compared = std::cell::Cell::new(0);
            let order = sorted_indices(len, &|a, b| {
                compared.set(compared.get() + 1);
                keys[a].cmp(&keys[b])
            });
            assert_eq!(order, (0..len).collect::<Vec<_>>());
            assert!(compared.get() < len, "len {len}: {} comparisons", compared.get());
        }
    }

    #[test]
    fn keeps_equal_items_in_their_order() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "plum", "date"];
        sort_stable_by_key(&mut words, |w| w.len());
        assert_eq!(words, vec!["fig", "pear", "kiwi", "plum", "date", "apple"]);
    }

    #[test]
    fn sorts_descending_with_a_comparison() {
        let mut values = vec![3.5, -1.0, 10.0, 3.5, 0.0];
        sort_stable_by(&mut values, |a: &f64, b: &f64| b.total_cmp(a));
        assert_eq!(values, vec![10.0, 3.5, 3.5, 0.0, -1.0]);
    }

    #[test]
    fn finds_repeats_naming_the_first() {
        let words = ["b", "a", "b", "c", "a", "b"];
        let compare = |x: usize, y: usize| words[x].cmp(words[y]);
        let order = sorted_indices(words.len(), &compare);
        assert_eq!(repeats(&order, &compare), vec![(2, 0), (4, 1), (5, 0)]);
        let none = sorted_indices(0, &compare);
        assert!(repeats(&none, &compare).is_empty());
    }

    #[test]
    fn moves_owned_items_whole() {
        // Items that own memory: swapped by their bytes, each is still
        // dropped once (`cargo miri test` checks that too).
        let mut names: Vec<String> = ["Юрга", "Белово", "Кемерово", "Анжеро-Судженск", "Белово"].map(String::from).to_vec();
        sort_stable_by(&mut names, |a, b| a.cmp(b));
        assert_eq!(names, ["Анжеро-Судженск", "Белово", "Белово", "Кемерово", "Юрга"]);
    }

    #[test]
    fn permutes_every_cycle() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        // Cycles (0 2 4), (1 5), (3).
        // SAFETY: a permutation of the indices of `items`, borrowed mutably.
        unsafe { permute(items.as_mut_ptr().cast(), size_of::<char>(), vec![2, 5, 4, 3, 0, 1]) };
        assert_eq!(items, vec!['c', 'f', 'e', 'd', 'a', 'b']);
    }
}
