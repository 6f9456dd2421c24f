//! `reckon init DIR [--text FILE ...]`: a new dataset folder with `texts/`, every CSV with its
//! header and no rows, and `datapackage.json`; it never overwrites a file.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use crate::cli::InitArgs;
use crate::import::field;
use crate::load;
use crate::present::write;

/// The shipped dataset's descriptor: its Table Schemas describe every column a dataset has.
const SHIPPED_PACKAGE: &str = include_str!("../../data/datapackage.json");

/// Runs `init`: exit 0 with the files written, 2 when one exists already or a text is unusable.
pub fn run(args: &InitArgs) -> Result<ExitCode> {
    let files = planned(args)?;
    for (path, _) in &files {
        if path.exists() || path.symlink_metadata().is_ok() {
            bail!(
                "{} exists already: reckon init never overwrites a file; give a new folder",
                path.display()
            );
        }
    }
    let created_dir = !args.dir.exists();
    let mut written: Vec<PathBuf> = Vec::new();
    let result = write_all(&args.dir, &files, &mut written);
    if let Err(e) = result {
        // Take back what this run wrote, so a failed init leaves no half dataset.
        for path in written.iter().rev() {
            let _ = fs::remove_file(path);
        }
        let _ = fs::remove_dir(args.dir.join("texts"));
        if created_dir {
            let _ = fs::remove_dir(&args.dir);
        }
        return Err(e);
    }
    let dir = args.dir.display();
    let mut out = format!(
        "made a dataset in {dir}: {} text(s), {} file(s)\nnext: `reckon coverage --data {dir} --propose` drafts estimate rows for the figures in the texts; fill in title and attribution in {dir}/texts.csv\n",
        args.texts.len(),
        files.len()
    );
    out = write::terminal(&out);
    write::stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn write_all(dir: &Path, files: &[(PathBuf, Vec<u8>)], written: &mut Vec<PathBuf>) -> Result<()> {
    fs::create_dir_all(dir.join("texts"))
        .with_context(|| format!("cannot make {}", dir.join("texts").display()))?;
    for (path, bytes) in files {
        // create_new: a file that appeared since the check is still never overwritten.
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path.clone());
        std::io::Write::write_all(&mut file, bytes)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// An id from a file name: letters and digits kept, anything else `_`, starting with a letter
/// or digit ("Great Famine (1959).txt" → `Great_Famine_1959`).
fn text_id(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '.') {
            id.push(c);
        } else if !id.ends_with('_') {
            id.push('_');
        }
    }
    let id = id.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let id: String = id.chars().take(200).collect();
    if id.is_empty() {
        "text".to_string()
    } else {
        id
    }
}

/// Every file init writes, with its bytes; a text that cannot be read or is not UTF-8 stops it
/// before anything is written.
fn planned(args: &InitArgs) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let dir = &args.dir;
    let mut files = Vec::new();
    let mut listing = String::new();
    let mut ids: Vec<String> = Vec::new();
    for text in &args.texts {
        let bytes =
            fs::read(text).with_context(|| format!("cannot read the text {}", text.display()))?;
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        if let Err(e) = std::str::from_utf8(body) {
            bail!(
                "{} is not UTF-8 (invalid byte at byte offset {}): save it as UTF-8 first",
                text.display(),
                e.valid_up_to() + (bytes.len() - body.len())
            );
        }
        let Some(name) = text.file_name() else {
            bail!("{} names no file", text.display());
        };
        let id = text_id(text);
        if ids.contains(&id) {
            bail!(
                "two texts would have the id `{id}` ({}): rename one",
                text.display()
            );
        }
        let target = Path::new("texts").join(name);
        let title = text
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        listing.push_str(&format!(
            "{},{},{},\n",
            field(&id),
            field(&target.to_string_lossy()),
            field(&title)
        ));
        ids.push(id);
        files.push((dir.join(&target), bytes));
    }
    for (name, header) in load::headers() {
        let mut body = format!("{header}\n");
        if name == "texts.csv" {
            body.push_str(&listing);
        }
        files.push((dir.join(name), body.into_bytes()));
    }
    files.push((dir.join("datapackage.json"), package(dir)?));
    Ok(files)
}

/// The field of a column the shipped descriptor leaves out, since the shipped files lack it
/// (a Data Package may not describe a column its file does not have).
fn undescribed(column: &str) -> Value {
    match column {
        "series" => json!({
            "name": column,
            "type": "string",
            "description": "The series this quantity is one period of: quantities sharing it are one measure followed over periods, charted as series-NAME."
        }),
        _ => json!({"name": column, "type": "string"}),
    }
}

/// The descriptor of a new dataset: the shipped one's Table Schemas, each cut to the columns
/// init writes, under the folder's name.
fn package(dir: &Path) -> Result<Vec<u8>> {
    let mut package: Value = serde_json::from_str(SHIPPED_PACKAGE)?;
    let name: String = dir
        .file_name()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    package["name"] = json!(if name.is_empty() {
        "reckon-dataset".into()
    } else {
        name
    });
    package["title"] = json!("Figures curated with reckon");
    package["description"] = json!("");
    if let Some(object) = package.as_object_mut() {
        object.remove("licenses");
    }
    let headers = load::headers();
    if let Some(resources) = package["resources"].as_array_mut() {
        for resource in resources.iter_mut() {
            let path = resource["path"].as_str().unwrap_or_default().to_string();
            let Some((_, header)) = headers.iter().find(|(n, _)| *n == path) else {
                continue;
            };
            let described: Vec<Value> = resource["schema"]["fields"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let fields: Vec<Value> = header
                .split(',')
                .map(|column| {
                    described
                        .iter()
                        .find(|f| f["name"] == column)
                        .cloned()
                        .unwrap_or_else(|| undescribed(column))
                })
                .collect();
            resource["schema"]["fields"] = Value::Array(fields);
        }
    }
    let mut bytes = serde_json::to_vec_pretty(&package)?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_id_is_made_of_its_file_names_letters_and_digits() {
        assert_eq!(
            text_id(Path::new("a/Great Famine (1959).txt")),
            "Great_Famine_1959"
        );
        assert_eq!(text_id(Path::new("стаття.txt")), "стаття");
        assert_eq!(text_id(Path::new("(()).txt")), "text");
    }
}
