//! Writing outputs: to stdout for `-`, otherwise to a temporary file in the same folder that is
//! renamed into place, so an interrupted run leaves the old file or the new one, never half.
//! Also names output files (charts) and report anchors from ids, safely on every platform.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// Where a command writes: every output path is checked against the files the command read,
/// so that no output can replace an input (`-o data/x.csv`, `build --out data`).
#[derive(Debug, Clone, Default)]
pub struct Output {
    /// The input files, canonicalised.
    inputs: Vec<PathBuf>,
}

impl Output {
    /// An output guard for a run that read `inputs`.
    pub fn new<'a>(inputs: impl IntoIterator<Item = &'a Path>) -> Self {
        Output {
            inputs: inputs
                .into_iter()
                .filter_map(|p| fs::canonicalize(p).ok())
                .collect(),
        }
    }

    /// Whether `path` is one of the input files.
    pub fn is_input(&self, path: &Path) -> bool {
        fs::canonicalize(path).is_ok_and(|real| self.inputs.contains(&real))
    }

    /// Fails, naming the first clash, when any of the planned outputs is an input file: called
    /// before a command writes anything, so a clash never leaves half of its outputs written.
    pub fn refuse_inputs<'a>(&self, planned: impl IntoIterator<Item = &'a Path>) -> Result<()> {
        for path in planned {
            if self.is_input(path) {
                bail!(
                    "refusing to write {}: it is one of the input files; choose another output folder \
                     (nothing was written)",
                    path.display()
                );
            }
        }
        Ok(())
    }

    /// Writes `bytes` to stdout when `path` is `-`, otherwise atomically to `path`.
    pub fn output(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        if path.as_os_str() == "-" {
            return stdout(bytes);
        }
        self.atomic(path, bytes)
    }

    /// Writes a file the user named (`-o`) atomically (see [`atomic`]): a link there is
    /// followed and a device written to, as asked; an input file is never overwritten.
    pub fn atomic(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.refuse_input(path)?;
        atomic(path, bytes, true)
    }

    /// Writes a file reckon names itself inside an output folder (exports, charts, the
    /// manifest): whatever stands at that name, a symbolic link or a pipe planted there
    /// included, is replaced by the new file, never written through.
    pub fn in_folder(&self, path: &Path, bytes: &[u8]) -> Result<()> {
        self.refuse_input(path)?;
        atomic(path, bytes, false)
    }

    fn refuse_input(&self, path: &Path) -> Result<()> {
        if self.is_input(path) {
            bail!(
                "refusing to write {}: it is one of the input files; choose another output path",
                path.display()
            );
        }
        Ok(())
    }
}

/// Writes to stdout; a closed pipe (`reckon ... | head`) is not an error.
pub fn stdout(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
}

/// Text from the data made safe for a terminal: line breaks stay, every other control character
/// (ESC, BEL, OSC sequences, C1 controls) and every bidirectional override is shown escaped
/// (`\u{1b}`), so a cell can neither move the cursor, clear the screen, set the window title
/// nor reorder what is shown.
pub fn terminal(text: &str) -> String {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if unsafe_char(c) {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Writes a line to standard error for the person running reckon. A closed or full standard
/// error is ignored: there is nowhere left to say so, and it must not turn into a panic.
pub fn note(line: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// Removes the temporary files (`.reckon-*.tmp`) that a killed run left in `dir`: only those
/// older than ten minutes, so that a build running beside this one keeps its own. Returns the
/// files removed.
pub fn remove_leftovers(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let old = |m: &fs::Metadata| {
        m.modified()
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 600)
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let leftover = name.starts_with(".reckon-") && name.ends_with(".tmp");
        if leftover
            && fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file() && old(&m))
            && fs::remove_file(&path).is_ok()
        {
            removed.push(path);
        }
    }
    removed
}

/// The file in a charts folder that lists the charts reckon wrote there, so that a later build
/// removes only files reckon itself wrote.
pub const MANIFEST: &str = ".reckon-manifest";

/// The chart file names the manifest in `dir` lists; none when there is no manifest. Only plain
/// file names are taken: a line naming a path elsewhere is ignored.
pub fn manifest(dir: &Path) -> Vec<String> {
    let Ok(text) = fs::read_to_string(dir.join(MANIFEST)) else {
        return Vec::new();
    };
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter(|l| {
            let p = Path::new(l);
            p.components().count() == 1 && p.file_name().is_some_and(|n| n == *l)
        })
        .map(str::to_string)
        .collect()
}

/// Writes the manifest of `dir`: the chart files reckon wrote there.
pub fn write_manifest(out: &Output, dir: &Path, names: &[String]) -> Result<()> {
    let mut text = String::from(
        "# Chart files reckon wrote in this folder; a later `reckon build` removes only these.\n",
    );
    for name in names {
        text.push_str(name);
        text.push('\n');
    }
    out.in_folder(&dir.join(MANIFEST), text.as_bytes())
}

/// Writes a file through a temporary sibling and a rename.
///
/// For a path the user named (`named`), an existing symbolic link is followed (its target is
/// replaced, the link kept) and a device or pipe (`-o /dev/stdout`, a FIFO) is written to
/// directly, since renaming over it would replace the device with a file. Otherwise whatever
/// stands at the path is replaced. Commands write through [`Output`], which refuses inputs.
fn atomic(path: &Path, bytes: &[u8], named: bool) -> Result<()> {
    if named {
        let meta = fs::metadata(path);
        if meta.is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let mut file = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("opening {}", path.display()))?;
            return file
                .write_all(bytes)
                .with_context(|| format!("writing {}", path.display()));
        }
    }
    let (tmp, target) = stage(path, bytes, named)?;
    tmp.persist(&target)
        .with_context(|| format!("moving the new file into place at {}", target.display()))?;
    Ok(())
}

/// Writes `bytes` to a temporary sibling of `path` (of the link's target, for a link a user
/// named) and returns it with the path it is to be renamed to.
fn stage(path: &Path, bytes: &[u8], named: bool) -> Result<(tempfile::NamedTempFile, PathBuf)> {
    let resolved;
    let path = if named && fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        resolved = fs::canonicalize(path)
            .with_context(|| format!("following the link {}", path.display()))?;
        resolved.as_path()
    } else {
        path
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if dir.exists() && !dir.is_dir() {
        bail!(
            "{} is a file, not a folder: choose a folder for the output",
            dir.display()
        );
    }
    fs::create_dir_all(dir).with_context(|| format!("creating folder {}", dir.display()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".reckon-").suffix(".tmp");
    // A temporary file is private (0600); the output is an ordinary file, so ask for 0666 and
    // let the umask decide, as for any file a program creates.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("writing {}", path.display()))?;
    Ok((tmp, path.to_path_buf()))
}

/// Writes several files as one change (`reckon import`): each goes to a temporary sibling
/// first, and only when every one is written are they renamed into place, so a failure while
/// writing (a full disk, a folder without permission) leaves every file as it was. A link is
/// followed, as for a file the user named; an input file is never overwritten.
pub fn write_together(out: &Output, files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    out.refuse_inputs(files.iter().map(|(p, _)| p.as_path()))?;
    let staged = files
        .iter()
        .map(|(path, bytes)| stage(path, bytes, true))
        .collect::<Result<Vec<_>>>()?;
    for (tmp, target) in staged {
        tmp.persist(&target)
            .with_context(|| format!("moving the new file into place at {}", target.display()))?;
    }
    Ok(())
}

/// A file stem built from ids that is safe on every platform and can never leave the output
/// folder: lowercase ASCII letters, digits, `-` and `_` only, no leading dot, at most 80
/// characters, never a name Windows reserves.
pub fn file_stem(parts: &[&str]) -> String {
    let raw = parts.join("-");
    let mut stem: String = raw
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    while stem.contains("--") {
        stem = stem.replace("--", "-");
    }
    let mut stem = stem.trim_matches('-').chars().take(80).collect::<String>();
    if stem.is_empty() {
        stem = "chart".into();
    }
    const RESERVED: [&str; 22] = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
        "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    if RESERVED.contains(&stem.as_str()) {
        stem.insert_str(0, "x-");
    }
    // A stem that had to change could meet another id's ("Famine" and "famine", "a.b" and
    // "a-b"): a short hash of the id as written keeps them apart, so no chart overwrites another.
    if stem != raw {
        stem = format!("{stem}-{:08x}", fnv1a(raw.as_bytes()) as u32);
    }
    stem
}

/// FNV-1a: a small, stable hash (the same on every platform and release, unlike std's).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_keeps_lines_and_shows_escapes() {
        assert_eq!(terminal("a\nb"), "a\nb");
        assert_eq!(terminal("\u{1b}[2Jx\u{7}"), "\\u{1b}[2Jx\\u{7}");
        assert_eq!(terminal("a\u{9b}b\tc"), "a\\u{9b}b\\u{9}c");
        assert_eq!(terminal("abc\u{202e}def"), "abc\\u{202e}def");
    }

    #[test]
    fn file_stems_stay_in_the_folder() {
        assert_eq!(
            file_stem(&["forest", "great_purge_executions_1937_38"]),
            "forest-great_purge_executions_1937_38"
        );
        let safe = |s: &str| {
            s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        for raw in [
            "../../x",
            "/etc/passwd",
            "CON",
            "nul",
            "...",
            "a\\b",
            "C:\\x",
            "Famine",
            "é",
        ] {
            let stem = file_stem(&["forest", raw]);
            assert!(safe(&stem) && !stem.starts_with('-'), "{raw} -> {stem}");
        }
        assert!(file_stem(&["forest", "../../x"]).starts_with("forest-x-"));
        assert!(file_stem(&["/etc/passwd"]).starts_with("etc-passwd-"));
        assert!(file_stem(&["CON"]).starts_with("x-con-"));
        assert!(file_stem(&["..."]).starts_with("chart-"));
        assert!(file_stem(&[&"a".repeat(200)]).len() <= 89);
        // Ids that differ only in what sanitising removes still get different files.
        assert_ne!(file_stem(&["Famine"]), file_stem(&["famine"]));
        assert_ne!(file_stem(&["a.b"]), file_stem(&["a-b"]));
        assert_ne!(file_stem(&["a.b"]), file_stem(&["a,b"]));
    }
}
