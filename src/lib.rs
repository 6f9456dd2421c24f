//! reckon's library: the pipeline from CSV to checked, reconciled, charted data.
//!
//! load (CSV -> model, with positions) -> check (findings) -> analysis (interpret: qualifier ->
//! interval; relate: totals, ratios, conversions; reconcile: per quantity, per source kind)
//! -> present (exporters, charts, report). The binary in `main.rs` only parses and dispatches.

pub mod analysis;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod english;
pub mod import;
pub mod load;
pub mod model;
pub mod present;

/// The one dependency rule, from the bottom up: each layer may use itself and the layers
/// before it, never one after it. `load`, `check` and `analysis` share a layer and never use
/// each other. `import` sits with `present` (it writes bytes: the rows it adds) and never uses
/// it. `cli` sits with `cmd`: nothing below `cmd` knows the command line.
#[cfg(test)]
const LAYERS: [&[&str]; 6] = [
    &["model"],
    &["english"],
    &["load", "check", "analysis"],
    &["present", "import"],
    &["cmd", "cli"],
    &["main"],
];

#[cfg(test)]
mod tests {
    use super::LAYERS;
    use std::path::{Path, PathBuf};

    /// Every `.rs` file under `dir`.
    fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// The layer of a top-level module, and whether it may use `other`.
    fn allowed(module: &str, other: &str) -> bool {
        let layer = |m: &str| LAYERS.iter().position(|l| l.contains(&m));
        match (layer(module), layer(other)) {
            (Some(a), Some(b)) if a == b => module == other || a >= 4,
            (Some(a), Some(b)) => b < a,
            _ => false,
        }
    }

    /// The crate modules a file names: `crate::x` in `use` lines and inline paths.
    fn named_modules(text: &str) -> Vec<(usize, String)> {
        let mut found = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for (at, _) in code.match_indices("crate::") {
                let rest = &code[at + "crate::".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.push((n + 1, name));
                }
            }
            // `use crate::{a, b}` names several modules at once.
            if let Some(group) = code.split("crate::{").nth(1) {
                for part in group.split(&[',', '}'][..]) {
                    let name: String = part
                        .trim()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        found.push((n + 1, name));
                    }
                }
            }
        }
        found
    }

    /// The dependency rule of `src/lib.rs` holds in every file: `model <- english <- {load,
    /// check, analysis} <- present <- cmd <- main`.
    #[test]
    fn every_import_points_down_the_pipeline() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&src, &mut files);
        assert!(files.len() > 30, "found only {} files", files.len());
        let mut broken = Vec::new();
        for file in &files {
            let relative = file.strip_prefix(&src).unwrap_or(file);
            let first = relative.components().next().map(|c| {
                c.as_os_str()
                    .to_string_lossy()
                    .trim_end_matches(".rs")
                    .to_string()
            });
            let Some(module) = first.filter(|m| m != "lib") else {
                continue;
            };
            let text = std::fs::read_to_string(file).unwrap_or_default();
            for (line, other) in named_modules(&text) {
                if !allowed(&module, &other) {
                    broken.push(format!(
                        "{}:{line}: `{module}` uses `crate::{other}`",
                        relative.display()
                    ));
                }
            }
        }
        assert!(
            broken.is_empty(),
            "imports against the rule:\n{}",
            broken.join("\n")
        );
    }

    #[test]
    fn the_rule_itself_reads_as_stated() {
        assert!(allowed("english", "model"));
        assert!(!allowed("model", "english"));
        assert!(!allowed("check", "load"));
        assert!(!allowed("analysis", "check"));
        assert!(allowed("present", "analysis"));
        assert!(!allowed("analysis", "present"));
        assert!(!allowed("present", "cli"));
        assert!(allowed("import", "load"));
        assert!(!allowed("import", "present"));
        assert!(allowed("cmd", "import"));
        assert!(allowed("cmd", "cli"));
        assert!(allowed("cli", "analysis"));
    }
}
