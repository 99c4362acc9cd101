//! A fast hasher for the analysis' maps, whose keys are store ids and small
//! tuples of them. The data is the user's own corpus, so the protection of
//! the standard SipHash against crafted keys buys nothing here, and its cost
//! shows at a million claims.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// The multiply-rotate hash used by rustc (FxHash).
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for b in chunks.remainder() {
            self.add(u64::from(*b));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_i64(&mut self, n: i64) {
        self.add(n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;
pub type IdSet<K> = HashSet<K, BuildHasherDefault<IdHasher>>;

/// Lists of ids under keys, kept in one flat arena: no allocation per key,
/// which matters when there are hundreds of thousands of short lists.
#[derive(Debug)]
pub struct Chains<K> {
    heads: IdMap<K, u32>,
    links: Vec<(i64, u32)>,
}

const NIL: u32 = u32::MAX;

impl<K> Default for Chains<K> {
    fn default() -> Self {
        Chains {
            heads: IdMap::default(),
            links: Vec::new(),
        }
    }
}

impl<K: Hash + Eq> Chains<K> {
    /// Add `id` to the list under `key`.
    pub fn push(&mut self, key: K, id: i64) {
        let next = self.links.len() as u32;
        let head = self.heads.entry(key).or_insert(NIL);
        self.links.push((id, *head));
        *head = next;
    }

    /// The ids under `key`, latest first.
    pub fn get(&self, key: &K) -> impl Iterator<Item = i64> + '_ {
        let mut at = self.heads.get(key).copied().unwrap_or(NIL);
        std::iter::from_fn(move || {
            let (id, next) = *self.links.get(at as usize)?;
            at = next;
            Some(id)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_with_the_fast_hasher() {
        let mut m: IdMap<(i64, u32), &str> = IdMap::default();
        m.insert((1, 2), "a");
        m.insert((2, 1), "b");
        assert_eq!(m.get(&(1, 2)), Some(&"a"));
        assert_eq!(m.get(&(2, 1)), Some(&"b"));
        let s: IdSet<String> = ["x".to_string(), "y".to_string()].into_iter().collect();
        assert!(s.contains("x") && !s.contains("z"));
    }

    #[test]
    fn chains_keep_lists_per_key() {
        let mut c: Chains<u8> = Chains::default();
        c.push(1, 10);
        c.push(2, 20);
        c.push(1, 11);
        assert_eq!(c.get(&1).collect::<Vec<_>>(), vec![11, 10]);
        assert_eq!(c.get(&2).collect::<Vec<_>>(), vec![20]);
        assert_eq!(c.get(&3).count(), 0);
    }
}
