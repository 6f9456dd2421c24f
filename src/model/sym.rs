//! `Sym`, a shared immutable string, and `Names`, which hands out one `Sym` per distinct
//! string: a million estimates of 90 quantities hold 90 quantity names, not a million copies,
//! and copying a `Sym` into a reconciliation member or a lookup table is a reference count.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use foldhash::HashSet;

/// A shared, immutable string: cloning it shares the text instead of copying it.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(Arc<str>);

impl Sym {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Sym {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Sym {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl AsRef<std::path::Path> for Sym {
    fn as_ref(&self) -> &std::path::Path {
        std::path::Path::new(&*self.0)
    }
}

impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for Sym {
    fn from(s: &str) -> Self {
        Sym(Arc::from(s))
    }
}

impl From<String> for Sym {
    fn from(s: String) -> Self {
        Sym(Arc::from(s))
    }
}

impl From<&String> for Sym {
    fn from(s: &String) -> Self {
        Sym(Arc::from(s.as_str()))
    }
}

impl From<Sym> for String {
    fn from(s: Sym) -> Self {
        s.0.to_string()
    }
}

impl From<&Sym> for String {
    fn from(s: &Sym) -> Self {
        s.0.to_string()
    }
}

impl PartialEq<str> for Sym {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Sym {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Sym> for str {
    fn eq(&self, other: &Sym) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Sym> for &str {
    fn eq(&self, other: &Sym) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Sym> for String {
    fn eq(&self, other: &Sym) -> bool {
        **self == *other.0
    }
}

impl serde::Serialize for Sym {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Hands out one [`Sym`] per distinct string, for the strings rows repeat (quantity and source
/// ids, a quote several figures share, a note).
#[derive(Debug, Default)]
pub struct Names(HashSet<Sym>);

impl Names {
    /// The shared `Sym` for `s`, made on first sight.
    pub fn get(&mut self, s: &str) -> Sym {
        if let Some(sym) = self.0.get(s) {
            return sym.clone();
        }
        let sym = Sym::from(s);
        self.0.insert(sym.clone());
        sym
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_one_allocation_and_compare_as_text() {
        let mut names = Names::default();
        let a = names.get("famine_deaths");
        let b = names.get("famine_deaths");
        let c = names.get("gulag_deaths");
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert!(!Arc::ptr_eq(&a.0, &c.0));
        assert_eq!(a, "famine_deaths");
        assert_eq!("famine_deaths".to_string(), b);
        assert!(a < c);
        assert_eq!(format!("{a}/{c:?}"), "famine_deaths/\"gulag_deaths\"");
    }

    #[test]
    fn a_sym_looks_up_a_str_keyed_set() {
        let mut set: HashSet<Sym> = HashSet::default();
        set.insert(Sym::from("e1"));
        assert!(set.contains("e1"));
        assert!(!set.contains("e2"));
    }
}
