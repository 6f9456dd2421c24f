//! A scratch folder for one test, with a copy of the shipped dataset, the second dataset or a tiny
//! one when asked, and a runner for the real `reckon` binary that shows the command, stdout and
//! stderr when an assertion fails.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// A temporary working folder; removed when dropped.
pub struct Workdir {
    dir: TempDir,
}

/// The repository's shipped dataset.
pub fn shipped_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl Workdir {
    /// An empty folder.
    pub fn new() -> Self {
        Workdir {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A folder holding a copy of the shipped dataset under `data/`.
    pub fn with_shipped_data() -> Self {
        let wd = Workdir::new();
        copy_dir(&shipped_data(), &wd.path("data"));
        wd
    }

    /// A folder holding the second, invented dataset (tests/fixtures/second) under `data/`.
    pub fn with_second_dataset() -> Self {
        let wd = Workdir::new();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/second"),
            &wd.path("data"),
        );
        wd
    }

    /// A path inside the folder.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// A file's contents.
    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
    }

    /// Writes a file, creating folders.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }

    /// Replaces the one occurrence of `from` in a file; panics unless it occurs exactly once.
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert_eq!(
            text.matches(from).count(),
            1,
            "`{from}` should occur exactly once in {rel}"
        );
        self.write(rel, text.replacen(from, to, 1));
    }

    /// Runs `reckon ARGS` in the folder.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_reckon"))
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .expect("running reckon");
        Run {
            command: format!("reckon {}", args.join(" ")),
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// The outcome of one run of the binary.
pub struct Run {
    pub command: String,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn context(&self) -> String {
        format!(
            "\n--- command: {}\n--- exit code: {}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.command, self.code, self.stdout, self.stderr
        )
    }

    /// Asserts the exit code.
    pub fn code(&self, expected: i32) -> &Self {
        assert_eq!(
            self.code,
            expected,
            "unexpected exit code{}",
            self.context()
        );
        self
    }

    /// Asserts that `stream` (stdout or stderr, named by `name`) holds `needle` or, when `holds` is
    /// false, does not.
    fn assert_holds(&self, name: &str, stream: &str, needle: &str, holds: bool) -> &Self {
        let verb = if holds { "lacks" } else { "holds" };
        assert!(
            stream.contains(needle) == holds,
            "{name} {verb} `{needle}`{}",
            self.context()
        );
        self
    }

    /// Asserts that stdout holds `needle`.
    pub fn stdout_has(&self, needle: &str) -> &Self {
        self.assert_holds("stdout", &self.stdout, needle, true)
    }

    /// Asserts that stdout does not hold `needle`.
    pub fn stdout_lacks(&self, needle: &str) -> &Self {
        self.assert_holds("stdout", &self.stdout, needle, false)
    }

    /// Asserts that stderr holds `needle`.
    pub fn stderr_has(&self, needle: &str) -> &Self {
        self.assert_holds("stderr", &self.stderr, needle, true)
    }

    /// Asserts that some stdout line holds every needle.
    pub fn line_has(&self, needles: &[&str]) -> &Self {
        let found = self
            .stdout
            .lines()
            .any(|l| needles.iter().all(|n| l.contains(n)));
        assert!(
            found,
            "no stdout line holds all of {needles:?}{}",
            self.context()
        );
        self
    }

    /// Parses stdout as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON: {e}{}", self.context()))
    }
}

/// The 1-based line of the first line of `text` that holds `needle`.
pub fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` not found"))
        + 1
}

/// The estimates file inside a work folder.
pub const EST: &str = "data/estimates.csv";

/// The header `estimates.csv` must have.
pub const HEADER: &str = "id,quantity,source,text,low,point,high,qualifier,quote,note";

/// Runs `reckon check` and asserts it neither panicked nor exited 0.
pub fn check_fails(wd: &Workdir) -> Run {
    let run = wd.run(&["check"]);
    assert!(!run.stderr.contains("panicked"), "panic: {}", run.stderr);
    assert_ne!(run.code, 0, "check passed:\n{}", run.stdout);
    run
}

/// A dataset of one text and the given quantity rows (`id,unit`), estimate rows (after
/// `id,quantity,source,text,`) and relation rows.
pub fn tiny(
    text: &str,
    quantities: &[(&str, &str)],
    estimates: &[&str],
    relations: &[&str],
) -> Workdir {
    let wd = Workdir::new();
    wd.write("data/texts/t.txt", text);
    wd.write("data/sources.csv", "id,name,kind,note\ns,S,historian,\n");
    let mut q =
        String::from("id,label,category,unit,region,period_start,period_end,parent,description\n");
    for (id, unit) in quantities {
        q.push_str(&format!("{id},{id},other,{unit},X,,,,\n"));
    }
    wd.write("data/quantities.csv", q);
    let mut e = format!("{HEADER}\n");
    for (i, row) in estimates.iter().enumerate() {
        let (quantity, rest) = row.split_once(',').unwrap();
        e.push_str(&format!("e{i},{quantity},s,t,{rest},\n"));
    }
    wd.write(EST, e);
    let mut r = String::from("id,kind,target,operands,factor,quote,note\n");
    for row in relations {
        r.push_str(&format!("{row}\n"));
    }
    wd.write("data/relations.csv", r);
    wd
}

/// The names in a folder, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
