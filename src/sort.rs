//! One stable sort for the whole crate, compiled once.
//!
//! `slice::sort_by` (driftsort) and `sort_unstable_by` (ipnsort) are generic over the element
//! type and the comparator, so every call site gets its own copy of about twenty functions:
//! 144 sorting functions made 36 KB of the `.wasm`'s code, 10 KB of its gzip size (`make build`,
//! before this module). Here the sorting is done once, on indices, through a
//! `&mut dyn FnMut(usize, usize) -> Ordering`: a bottom-up merge sort over runs that an
//! insertion sort puts in order. Only the few lines that call it and move the elements into
//! place are generic.
//!
//! The sort is stable: elements that compare equal keep their order. A stable sort's result is
//! unique, so [`sort_by`] gives exactly what `slice::sort_by` gives for the same comparator,
//! and [`sort`] what `slice::sort_unstable` gives for a type whose equal values are identical
//! (integers, strings, spans). Cost: O(n log n) comparisons, each an indirect call, and two
//! `usize` of scratch per element; the crate sorts sentences, names and keyword candidates,
//! never every word, so this is small next to the rest of a call.

use std::cmp::Ordering;

/// Elements an insertion sort orders before merging starts.
const RUN: usize = 8;

/// Sorts `v` by `cmp`, stably (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let v: &[T] = v;
        sorted_indices(v.len(), &mut |a, b| match (v.get(a), v.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    permute(v, order);
}

/// Sorts `v` by the key `key` gives, stably (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, stably (as `slice::sort`; as `slice::sort_unstable` when equal
/// values are identical).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` in the order `cmp` (comparing the elements at two indices) sorts them,
/// ties in index order. The one non-generic sorting routine.
fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    for run in a.chunks_mut(RUN) {
        for i in 1..run.len() {
            let mut j = i;
            while j > 0 {
                let (Some(&x), Some(&y)) = (run.get(j - 1), run.get(j)) else { break };
                if cmp(x, y) != Ordering::Greater {
                    break;
                }
                run.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    if n <= RUN {
        // One run: already in order, no merging (nor its scratch vector).
        return a;
    }
    let mut b = vec![0; n];
    let mut width = RUN;
    while width < n {
        for (from, to) in a.chunks(2 * width).zip(b.chunks_mut(2 * width)) {
            let (left, right) = from.split_at(width.min(from.len()));
            merge(left, right, to, cmp);
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Merges the sorted `left` and `right` into `out` (their total length), taking from `left`
/// on ties.
fn merge(left: &[usize], right: &[usize], out: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    let (mut l, mut r) = (left.iter().copied().peekable(), right.iter().copied().peekable());
    for slot in out {
        let next = match (l.peek(), r.peek()) {
            (Some(&x), Some(&y)) if cmp(y, x) == Ordering::Less => r.next(),
            (Some(_), _) => l.next(),
            (None, _) => r.next(),
        };
        let Some(next) = next else { break };
        *slot = next;
    }
}

/// Rearranges `v` so that position `k` holds the element that was at `order[k]`, following the
/// permutation's cycles with swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut j = start;
        while let Some(slot) = order.get_mut(j) {
            let next = std::mem::replace(slot, DONE);
            if next == DONE || next == start {
                break;
            }
            v.swap(j, next);
            j = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case against std's stable sort, by key (with ties) and by value.
    #[test]
    fn sorts_as_std_does() {
        let cases: &[&[u8]] = &[
            &[],
            &[1],
            &[2, 1],
            &[1, 1, 1, 1],
            &[5, 4, 3, 2, 1, 0],
            &[3, 1, 2, 3, 1, 2, 3, 1, 2, 0, 9, 8, 7, 7, 7, 1, 0, 4, 4, 4],
            &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
        ];
        for &case in cases {
            // (key, original position): a stable sort keeps equal keys in position order.
            let mut got: Vec<(u8, usize)> = case.iter().copied().zip(0..).collect();
            let mut want = got.clone();
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            want.sort_by_key(|a| a.0);
            assert_eq!(got, want, "{case:?}");
            sort_by_key(&mut got, |&(k, _)| std::cmp::Reverse(k));
            want.sort_by_key(|&(k, _)| std::cmp::Reverse(k));
            assert_eq!(got, want, "{case:?} reversed");
            let mut values = case.to_vec();
            sort(&mut values);
            let mut sorted = case.to_vec();
            sorted.sort_unstable();
            assert_eq!(values, sorted);
        }
    }

    /// Pseudo-random lengths across the run and merge boundaries, few distinct keys (many ties).
    #[test]
    fn matches_std_on_many_lengths() {
        let mut seed = 0x9e37_79b9_u32;
        let mut next = move || crate::hash::xorshift32(&mut seed);
        for len in (0..70).chain([127, 128, 129, 1000, 4097]) {
            for distinct in [2, 7, 1000] {
                let keys: Vec<(u32, usize)> = (0..len).map(|i| (next() % distinct, i)).collect();
                let (mut got, mut want) = (keys.clone(), keys);
                sort_by(&mut got, |a, b| b.0.cmp(&a.0));
                want.sort_by_key(|a| std::cmp::Reverse(a.0));
                assert_eq!(got, want, "length {len}, {distinct} keys");
            }
        }
    }

    #[test]
    fn sorts_owned_values() {
        let mut v: Vec<String> = ["pear", "apple", "fig", "apple", ""].map(String::from).to_vec();
        sort(&mut v);
        assert_eq!(v, ["", "apple", "apple", "fig", "pear"]);
        let mut floats = [0.5f32, -1.0, f32::NAN, 2.0, 0.5];
        sort_by(&mut floats, |a, b| b.total_cmp(a));
        assert!(floats[0].is_nan() && floats[1..] == [2.0, 0.5, 0.5, -1.0]);
    }
}
