//! JSON export: an array of objects, keys in column order, plain numbers, booleans, arrays for
//! lists and null for a missing value or an open end.

use anyhow::Result;
use serde_json::{Map, Number, Value};

use super::{Cell, Exporter, Tabular};

/// Writes the machine projection as a pretty-printed JSON array.
pub struct JsonExporter;

impl Exporter for JsonExporter {
    fn serialize(&self, data: &dyn Tabular) -> Result<Vec<u8>> {
        let table = data.machine();
        let rows: Vec<Value> = table
            .rows
            .iter()
            .map(|row| {
                let object: Map<String, Value> = table
                    .columns
                    .iter()
                    .zip(row)
                    .map(|(name, cell)| {
                        let value = match cell {
                            Cell::Text(s) | Cell::Shown(s) => Value::String(s.clone()),
                            Cell::Number(Some(v)) => number(*v),
                            Cell::Number(None) | Cell::Null => Value::Null,
                            Cell::Bool(b) => Value::Bool(*b),
                            Cell::List(items) => Value::Array(
                                items.iter().map(|i| Value::String(i.clone())).collect(),
                            ),
                        };
                        (name.to_string(), value)
                    })
                    .collect();
                Value::Object(object)
            })
            .collect();
        let mut bytes = serde_json::to_vec_pretty(&rows)?;
        bytes.push(b'\n');
        Ok(bytes)
    }
}

/// Integers as integers (681692, not 681692.0); infinities and NaN, which JSON lacks, as null.
fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        Value::Number(Number::from(v as i64))
    } else {
        Number::from_f64(v).map_or(Value::Null, Value::Number)
    }
}
