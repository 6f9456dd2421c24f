//! `out/datapackage.json`: a Frictionless Data Package describing the CSV exports, with each
//! column's type read from the cells the exporter writes.

use anyhow::Result;
use serde_json::{json, Value};

use super::{Cell, Tabular};

/// The columns that count or name a year.
const COUNTS: &[&str] = &[
    "estimates",
    "independent",
    "sources",
    "derived",
    "wholes_exceeded",
    "year",
    "period_start",
    "period_end",
];

/// The Table Schema type of a column: that of its first cell with a value.
fn field_type(table: &super::Table, column: usize) -> &'static str {
    for row in &table.rows {
        match row.get(column) {
            Some(Cell::Number(Some(_))) => {
                // Counts and years are whole by construction; every figure is a number, even
                // when this dataset's happen to be whole, so the type does not change with data.
                let whole = COUNTS.contains(&table.columns[column]);
                return if whole { "integer" } else { "number" };
            }
            Some(Cell::Bool(_)) => return "boolean",
            Some(Cell::Text(_) | Cell::Shown(_) | Cell::List(_)) => return "string",
            _ => {}
        }
    }
    "string"
}

/// What a column holds, for the columns whose meaning is not plain from their name.
fn describe(name: &str) -> Option<&'static str> {
    Some(match name {
        "low" | "high" | "central" | "median" | "min_central" | "max_central" => {
            "in the unit of the quantity (column `unit` where the table has one)"
        }
        n if n.ends_with("_high_open") || n == "high_open" => {
            "true when the interval is open above: its high end is then empty"
        }
        "disagreeing_sources" | "qualifiers" | "operands" => "a list, separated by `;`",
        "spread" => "highest central value over the lowest; empty when the lowest is 0",
        _ => return None,
    })
}

/// The descriptor of the exports named `(stem, table)`, each written as `stem.csv`.
pub fn package(exports: &[(&str, &dyn Tabular)]) -> Result<Vec<u8>> {
    let resources: Vec<Value> = exports
        .iter()
        .map(|(stem, table)| {
            let table = table.machine();
            let fields: Vec<Value> = table
                .columns
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    let mut field = json!({"name": name, "type": field_type(&table, i)});
                    if let Some(d) = describe(name) {
                        field["description"] = json!(d);
                    }
                    field
                })
                .collect();
            json!({
                "name": stem,
                "path": format!("{stem}.csv"),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields},
            })
        })
        .collect();
    let package = json!({
        "profile": "tabular-data-package",
        "name": "reckon-exports",
        "title": "What reckon exported: reconciled quantities, relation verdicts, every estimate's interval, cross-level conflicts",
        "resources": resources,
    });
    let mut bytes = serde_json::to_vec_pretty(&package)?;
    bytes.push(b'\n');
    Ok(bytes)
}
