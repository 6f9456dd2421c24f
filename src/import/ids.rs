//! Ids for what an import adds, made from the table's own words: `Soviet Union` and `1937`
//! give the quantity `soviet_union_1937`. They keep to the id rule of `check` (letters of any
//! script, digits, `_` and `-`; a letter or digit first; at most 200 characters), never hold
//! `.` (it joins a quantity and a source into an estimate id), and are the same on every run.

use foldhash::HashMap;

/// The most characters of a slug before it is cut and given a hash; an estimate id joins two.
const MAX_SLUG: usize = 90;

/// A value's words as an id: lowercase, each run of other characters (spaces, brackets,
/// dots, dashes other than `-`) one `_`, no `_` or `-` at either end. Empty when the value
/// holds no letter or digit.
pub fn slug(value: &str) -> String {
    let chars: Vec<char> = value.trim().chars().collect();
    let mut out = String::new();
    let mut gap = false;
    for (i, &c) in chars.iter().enumerate() {
        // A dash stays inside a word ("Guinea-Bissau"); anywhere else it is a gap.
        let inside = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        let kept_dash = c == '-' && inside(i.checked_sub(1)) && inside(Some(i + 1));
        if c.is_alphanumeric() || kept_dash {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    let out = out.trim_matches(|c| c == '_' || c == '-').to_string();
    if out.chars().count() <= MAX_SLUG {
        return out;
    }
    let cut: String = out.chars().take(MAX_SLUG).collect();
    format!("{}-{}", cut.trim_end_matches(['_', '-']), hash(value))
}

/// FNV-1a over the bytes, as 8 hex digits: small and the same on every platform and release
/// (std's hasher is neither), so an id made today is the id made next year.
fn hash(value: &str) -> String {
    let h = value.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{:08x}", h as u32)
}

/// Gives each distinct key (a tuple of cell values) one id: the slugs of its values joined by
/// `_`. Keys whose slugs meet (`A B` and `a_b`) each get a hash of their values, so that no two
/// keys share an id whatever the order of the rows.
pub struct IdMaker {
    fallback: &'static str,
    slugs: HashMap<String, Vec<Vec<String>>>,
}

impl IdMaker {
    /// A maker for keys of one kind; `fallback` names a key with no letter or digit.
    pub fn new(fallback: &'static str) -> Self {
        IdMaker {
            fallback,
            slugs: HashMap::default(),
        }
    }

    /// The plain id of a key, before any clash is resolved.
    fn plain(&self, key: &[String]) -> String {
        let parts: Vec<String> = key
            .iter()
            .map(|v| slug(v))
            .filter(|s| !s.is_empty())
            .collect();
        let joined = slug(&parts.join("_"));
        if joined.is_empty() {
            format!("{}-{}", self.fallback, hash(&key.join("\u{1f}")))
        } else {
            joined
        }
    }

    /// Notes a key that will need an id.
    pub fn note(&mut self, key: &[String]) {
        let keys = self.slugs.entry(self.plain(key)).or_default();
        if !keys.iter().any(|k| k == key) {
            keys.push(key.to_vec());
        }
    }

    /// The id of a key noted before.
    pub fn id(&self, key: &[String]) -> String {
        let plain = self.plain(key);
        match self.slugs.get(&plain) {
            Some(keys) if keys.len() > 1 => format!("{plain}-{}", hash(&key.join("\u{1f}"))),
            _ => plain,
        }
    }
}

/// The id of the estimate of `quantity` by `source`: the two joined by `.`, which no slug holds.
pub fn estimate_id(quantity: &str, source: &str) -> String {
    format!("{quantity}.{source}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    /// The id rule of `check` (src/check/ids.rs), restated.
    fn valid(id: &str) -> bool {
        id.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
            && id.chars().next().is_some_and(char::is_alphanumeric)
            && id.chars().count() <= 200
    }

    #[test]
    fn slugs_keep_words_and_drop_the_rest() {
        assert_eq!(slug("Soviet Union"), "soviet_union");
        assert_eq!(
            slug("Deaths in conflicts (UCDP)"),
            "deaths_in_conflicts_ucdp"
        );
        assert_eq!(slug("Guinea-Bissau"), "guinea-bissau");
        assert_eq!(slug("Soviet famine of 1932–33"), "soviet_famine_of_1932_33");
        assert_eq!(slug("U.S."), "u_s");
        assert_eq!(slug("Côte d'Ivoire"), "côte_d_ivoire");
        assert_eq!(slug("大躍進"), "大躍進");
        assert_eq!(slug(" -- "), "");
        assert_eq!(slug("-x-"), "x");
        assert_eq!(slug("a - b"), "a_b");
    }

    #[test]
    fn ids_are_valid_whatever_the_words() {
        let long = "word ".repeat(100);
        for raw in [
            "Soviet Union",
            "(1937)",
            "...",
            "",
            "_a",
            &long,
            "é-1",
            "a.b.c",
        ] {
            let mut maker = IdMaker::new("quantity");
            let k = key(&[raw, "1937"]);
            maker.note(&k);
            let id = maker.id(&k);
            assert!(valid(&id), "{raw:?} -> {id}");
            assert!(!id.contains('.'), "{id}");
            assert!(valid(&estimate_id(&id, &slug(&long))), "{id}");
        }
        let mut maker = IdMaker::new("quantity");
        maker.note(&key(&["?"]));
        assert!(maker.id(&key(&["?"])).starts_with("quantity-"));
    }

    #[test]
    fn keys_that_meet_in_one_slug_get_different_ids_in_any_order() {
        let (a, b) = (key(&["A B"]), key(&["a_b"]));
        let mut first = IdMaker::new("q");
        first.note(&a);
        first.note(&b);
        first.note(&a);
        let mut second = IdMaker::new("q");
        second.note(&b);
        second.note(&a);
        assert_ne!(first.id(&a), first.id(&b));
        assert_eq!(first.id(&a), second.id(&a));
        assert!(first.id(&a).starts_with("a_b-"));
        let mut alone = IdMaker::new("q");
        alone.note(&a);
        assert_eq!(alone.id(&a), "a_b");
        let (x, y) = (
            key(&["Soviet Union", "1937"]),
            key(&["Soviet Union", "1938"]),
        );
        alone.note(&x);
        alone.note(&y);
        assert_eq!(alone.id(&x), "soviet_union_1937");
        assert_eq!(alone.id(&y), "soviet_union_1938");
    }
}
