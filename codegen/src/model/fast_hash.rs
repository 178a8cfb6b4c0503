//! A fast hasher for the model's own lookup tables.
//!
//! The tables are keyed by paths of short identifiers (`["beta", "realtime", "session"]`) and
//! looked up for every field and anonymous type; std's SipHash, built to resist keys crafted
//! to collide, cost more than the lookups themselves. The keys are names from the input: a
//! crafted input could at worst make lookups slower, never wrong.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A `HashSet` with [`FastHasher`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<FastHasher>>;

/// Multiply-rotate hashing over 8-byte words (the scheme of rustc's `FxHasher`).
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

/// An odd constant with well-spread bits.
const MULTIPLIER: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(MULTIPLIER);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            self.add(u64::from_le_bytes(word.try_into().unwrap_or_default()));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(n.into());
    }

    fn write_u32(&mut self, n: u32) {
        self.add(n.into());
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_differ_hash_apart() {
        let mut map: FastMap<Vec<String>, usize> = FastMap::default();
        let paths = [vec!["a", "bc"], vec!["ab", "c"], vec!["abc"], vec!["a", "b", "c"], vec![]];
        for (i, path) in paths.iter().enumerate() {
            map.insert(path.iter().map(|s| s.to_string()).collect(), i);
        }
        assert_eq!(map.len(), paths.len());
        for (i, path) in paths.iter().enumerate() {
            let key: Vec<String> = path.iter().map(|s| s.to_string()).collect();
            assert_eq!(map.get(key.as_slice()), Some(&i));
        }
    }
}
