//! The `parent` hierarchy of quantities, computed once: which quantities lie on a cycle, and
//! an interval per quantity such that "a is within b" is one comparison. Built in linear time,
//! so a chain of 40,000 parents costs no more than 40,000 unrelated quantities.

use foldhash::{HashMap, HashMapExt};

/// The hierarchy over quantities, by their position in quantities.csv.
#[derive(Debug, Clone, Default)]
pub struct Ancestry {
    /// For each quantity: its entry and exit times in a depth-first walk of the parent forest
    /// (`None` for a quantity on or under a cycle).
    span: Vec<Option<(u32, u32)>>,
    /// For each quantity: whether following `parent` from it comes back to it.
    on_cycle: Vec<bool>,
}

impl Ancestry {
    /// Builds the hierarchy from each quantity's position of its parent (`None` for a root or
    /// an unknown parent).
    pub fn new(parents: &[Option<usize>]) -> Self {
        let n = parents.len();
        let on_cycle = cycles(parents);
        // Children lists, for a walk from the roots; a quantity on a cycle (or whose chain
        // reaches one) is reached from no root and keeps no span.
        let mut children: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut roots = Vec::new();
        for (i, p) in parents.iter().enumerate() {
            match p {
                Some(p) if *p != i => children.entry(*p).or_default().push(i),
                Some(_) => {}
                None => roots.push(i),
            }
        }
        let mut span = vec![None; n];
        let mut clock: u32 = 0;
        for root in roots {
            // Iterative depth-first walk: (node, entered).
            let mut stack = vec![(root, false)];
            while let Some((node, entered)) = stack.pop() {
                if entered {
                    if let Some(Some((start, _))) = span.get(node).copied() {
                        span[node] = Some((start, clock));
                    }
                    continue;
                }
                clock = clock.saturating_add(1);
                span[node] = Some((clock, clock));
                stack.push((node, true));
                if let Some(kids) = children.get(&node) {
                    stack.extend(kids.iter().rev().map(|&k| (k, false)));
                }
            }
        }
        Ancestry { span, on_cycle }
    }

    /// Whether quantity `a` is `b` or lies under it; `None` when either is on or under a cycle
    /// (the caller then follows the links itself, bounded).
    pub fn is_within(&self, a: usize, b: usize) -> Option<bool> {
        let (Some(Some((a_in, a_out))), Some(Some((b_in, b_out)))) =
            (self.span.get(a), self.span.get(b))
        else {
            return None;
        };
        Some(b_in <= a_in && a_out <= b_out)
    }

    /// Quantity `i`'s entry and exit times in the walk: `a` lies within `b` exactly when `b`'s
    /// span holds `a`'s; `None` on or under a cycle.
    pub fn span(&self, i: usize) -> Option<(u32, u32)> {
        self.span.get(i).copied().flatten()
    }

    /// Whether following `parent` from quantity `i` comes back to it.
    pub fn on_cycle(&self, i: usize) -> bool {
        self.on_cycle.get(i).copied().unwrap_or(false)
    }
}

/// Marks the nodes that lie on a cycle of the parent links (each node has at most one parent),
/// visiting every node once.
fn cycles(parents: &[Option<usize>]) -> Vec<bool> {
    let n = parents.len();
    // 0 unvisited, 1 on the current path, 2 done.
    let mut state = vec![0u8; n];
    let mut on_cycle = vec![false; n];
    for start in 0..n {
        if state[start] != 0 {
            continue;
        }
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at.filter(|&i| i < n) {
            match state[i] {
                0 => {
                    state[i] = 1;
                    path.push(i);
                    at = parents[i];
                }
                1 => {
                    // Back on the current path: everything from i onwards is the cycle.
                    if let Some(from) = path.iter().position(|&p| p == i) {
                        for &p in &path[from..] {
                            on_cycle[p] = true;
                        }
                    }
                    break;
                }
                _ => break,
            }
        }
        for p in path {
            state[p] = 2;
        }
    }
    on_cycle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_follows_the_parent_links() {
        // 0 <- 1 <- 2, and 3 alone.
        let a = Ancestry::new(&[None, Some(0), Some(1), None]);
        assert_eq!(a.is_within(2, 0), Some(true));
        assert_eq!(a.is_within(2, 2), Some(true));
        assert_eq!(a.is_within(0, 2), Some(false));
        assert_eq!(a.is_within(3, 0), Some(false));
        assert!(!a.on_cycle(2));
    }

    #[test]
    fn cycles_are_found_and_leave_no_span() {
        // 0 -> 1 -> 2 -> 0 is a cycle; 3 hangs under it; 4 is its own parent.
        let a = Ancestry::new(&[Some(1), Some(2), Some(0), Some(0), Some(4)]);
        assert!(a.on_cycle(0) && a.on_cycle(1) && a.on_cycle(2) && a.on_cycle(4));
        assert!(!a.on_cycle(3));
        assert_eq!(a.is_within(3, 0), None);
    }

    // Regression: check took 111 s on a 40,000-deep parent chain (each quantity walked its
    // whole chain). Built once, the hierarchy answers in constant time.
    #[test]
    fn a_deep_chain_is_linear() {
        let n = 200_000;
        let parents: Vec<Option<usize>> = (0..n)
            .map(|i| if i == 0 { None } else { Some(i - 1) })
            .collect();
        let started = std::time::Instant::now();
        let a = Ancestry::new(&parents);
        for i in 0..n {
            assert_eq!(a.is_within(i, 0), Some(true));
            assert!(!a.on_cycle(i));
        }
        assert_eq!(a.is_within(0, n - 1), Some(false));
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }
}
