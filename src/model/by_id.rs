//! An index of rows by id that holds row positions only: the ids stay in the rows, so a
//! million estimates are indexed without copying a million ids.

use std::hash::BuildHasher;

use foldhash::fast::RandomState;
use hashbrown::hash_table::Entry;
use hashbrown::HashTable;

/// The position of each id's first row (as a scan would find it), hashed by the id it holds.
#[derive(Debug, Clone, Default)]
pub struct ById {
    table: HashTable<usize>,
    hasher: RandomState,
}

impl ById {
    /// Indexes `rows` by the id `id_of` reads from each.
    pub fn new<T>(rows: &[T], id_of: impl Fn(&T) -> &str) -> Self {
        let hasher = RandomState::default();
        let mut table = HashTable::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let id = id_of(row);
            let hash = hasher.hash_one(id);
            let same = |&j: &usize| id_of(&rows[j]) == id;
            let rehash = |&j: &usize| hasher.hash_one(id_of(&rows[j]));
            if let Entry::Vacant(slot) = table.entry(hash, same, rehash) {
                slot.insert(i);
            }
        }
        ById { table, hasher }
    }

    /// The position of the first of `rows` (the rows it was made from) with this id.
    pub fn get<T>(&self, rows: &[T], id_of: impl Fn(&T) -> &str, id: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(id);
        self.table
            .find(hash, |&j| rows.get(j).is_some_and(|row| id_of(row) == id))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_row_with_an_id_wins_and_an_unknown_id_is_none() {
        let rows = ["a", "b", "a", "c"];
        let index = ById::new(&rows, |r| r);
        assert_eq!(index.get(&rows, |r| r, "a"), Some(0));
        assert_eq!(index.get(&rows, |r| r, "c"), Some(3));
        assert_eq!(index.get(&rows, |r| r, "d"), None);
    }
}
