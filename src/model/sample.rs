//! Small in-memory datasets for unit tests: one builder per kind of row, each placed on a line
//! of its file with a cell per column, and helpers to pick findings by code.

use std::path::PathBuf;
use std::sync::Arc;

use crate::model::finding::{Code, Finding};
use crate::model::{
    Contents, Context, Estimate, Loc, Qualifier, Quantity, Relation, RelationKind, RowPos, Source,
    SourceKind, Text,
};

/// The columns of sources.csv.
pub const SOURCES: &[&str] = &["id", "name", "kind", "note"];
/// The columns of quantities.csv.
pub const QUANTITIES: &[&str] = &[
    "id",
    "label",
    "category",
    "unit",
    "region",
    "period_start",
    "period_end",
    "parent",
    "description",
    "series",
];
/// The columns of estimates.csv, the optional ones too (a row's optional cell is then placed,
/// as in a file that has the column).
pub const ESTIMATES: &[&str] = &[
    "id",
    "quantity",
    "source",
    "text",
    "low",
    "point",
    "high",
    "qualifier",
    "quote",
    "note",
    "locator",
    "period_start",
    "period_end",
    "year",
    "restates",
    "reading",
];
/// The columns of relations.csv.
pub const RELATIONS: &[&str] = &[
    "id", "kind", "target", "operands", "factor", "quote", "note",
];
/// The columns of context.csv.
pub const CONTEXT: &[&str] = &["id", "text", "topic", "quote", "note"];

/// A row of `file` on `line`, its cells in columns 1, 11, 21... in `header` order.
pub fn row(file: &str, header: &[&str], line: u64) -> RowPos {
    let start = Loc {
        file: Arc::new(PathBuf::from(file)),
        line,
        column: 1,
    };
    let cells = (0..header.len() as u64)
        .map(|i| (line, 10 * i + 1))
        .collect();
    let header = Arc::new(header.iter().map(|h| h.to_string()).collect());
    RowPos::new(start, cells, header)
}

/// The column a cell of `header` is placed in by [`row`].
pub fn column(header: &[&str], name: &str) -> u64 {
    let i = header
        .iter()
        .position(|h| *h == name)
        .unwrap_or(header.len());
    10 * i as u64 + 1
}

/// A text with this body, in `texts/ID.txt`.
pub fn text(id: &str, body: &str) -> Text {
    Text {
        id: id.to_string(),
        title: format!("The {id}"),
        attribution: String::new(),
        path: PathBuf::from(format!("texts/{id}.txt")),
        body: body.to_string(),
        table: None,
    }
}

/// A historian named after the id, on line 2 of sources.csv.
pub fn source(id: &str) -> Source {
    Source {
        id: id.into(),
        name: format!("Historian {id}"),
        kind: Some(SourceKind::Historian),
        note: String::new(),
        year: None,
        citation: String::new(),
        url: String::new(),
        pos: row("sources.csv", SOURCES, 2),
    }
}

/// A quantity counted in `unit`, without period or parent, on line 2 of quantities.csv.
pub fn quantity(id: &str, unit: &str) -> Quantity {
    Quantity {
        id: id.into(),
        label: format!("Label of {id}"),
        category: "deaths".into(),
        unit: unit.into(),
        region: String::new(),
        period_start: None,
        period_end: None,
        parent: None,
        description: String::new(),
        series: None,
        pos: row("quantities.csv", QUANTITIES, 2),
    }
}

/// An estimate of `quantity` by source `src` quoting text `text`, with `point` filled, on
/// line 2 of estimates.csv.
pub fn estimate(
    id: &str,
    quantity: &str,
    qualifier: Qualifier,
    point: f64,
    quote: &str,
) -> Estimate {
    Estimate {
        id: id.into(),
        quantity: quantity.into(),
        source: "src".into(),
        text: "text".into(),
        low: None,
        point: Some(point),
        high: None,
        qualifier: Some(qualifier),
        quote: quote.into(),
        note: Default::default(),
        locator: Default::default(),
        period_start: None,
        period_end: None,
        year: None,
        restates: None,
        reading: None,
        pos: row("estimates.csv", ESTIMATES, 2),
        unreadable: Default::default(),
    }
}

/// A relation of `kind` between estimates, without a quote, on line 2 of relations.csv.
pub fn relation(
    id: &str,
    kind: RelationKind,
    target: &str,
    operands: &[&str],
    factor: Option<f64>,
) -> Relation {
    Relation {
        id: id.to_string(),
        kind: Some(kind),
        target: target.to_string(),
        operands: operands.iter().map(|o| o.to_string()).collect(),
        factor,
        quote: String::new(),
        note: String::new(),
        pos: row("relations.csv", RELATIONS, 2),
        factor_unreadable: false,
    }
}

/// A context passage of text `text`, on line 2 of context.csv.
pub fn context(id: &str, text: &str, quote: &str) -> Context {
    Context {
        id: id.to_string(),
        text: text.to_string(),
        topic: "Why the figures differ".to_string(),
        quote: quote.to_string(),
        note: String::new(),
        pos: row("context.csv", CONTEXT, 2),
    }
}

/// A text `text`, a source `src` and quantities `deaths` and `famine` (people), `famine` within
/// `deaths`: what the estimates of a test refer to.
pub fn contents(body: &str) -> Contents {
    Contents {
        dir: PathBuf::from("data"),
        texts: vec![text("text", body)],
        sources: vec![source("src")],
        quantities: vec![
            quantity("deaths", "people"),
            Quantity {
                parent: Some("deaths".to_string()),
                pos: row("quantities.csv", QUANTITIES, 3),
                ..quantity("famine", "people")
            },
        ],
        ..Contents::default()
    }
}

/// The one finding with `code`; fails the test when there is none or more than one.
pub fn one(findings: &[Finding], code: Code) -> &Finding {
    let found: Vec<&Finding> = findings.iter().filter(|f| f.code == code).collect();
    match found.as_slice() {
        [f] => f,
        _ => panic!("expected one `{code}` finding, got {findings:#?}"),
    }
}

/// The codes of the findings, in order.
pub fn codes(findings: &[Finding]) -> Vec<Code> {
    findings.iter().map(|f| f.code).collect()
}
