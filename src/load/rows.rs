//! One CSV row to one model object (a source, a quantity, an estimate, a relation, a context
//! passage), and the columns each file has.

use crate::english::figure::qualifier_of_words;
use crate::english::suggest::closest;
use crate::model::finding::{Code, Finding};
use crate::model::{
    Category, ChartText, Context, Estimate, Names, Qualifier, Quantity, Relation, RelationKind,
    Source, SourceKind, Sym, Unreadable,
};

use super::cells::{optional, parse_number, parse_number_at, parse_reading, parse_year};
#[cfg(test)]
use super::table::Columns;
use super::table::Row;

/// The columns of each file, as README documents them.
pub mod columns {
    /// `texts.csv`.
    pub const TEXTS: &[&str] = &["id", "file", "title", "attribution"];
    /// `sources.csv`.
    pub const SOURCES: &[&str] = &["id", "name", "kind", "note"];
    /// The optional columns of `sources.csv`.
    pub const SOURCES_OPTIONAL: &[&str] = &["year", "citation", "url"];
    /// `quantities.csv`.
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
    ];
    /// The optional columns of `quantities.csv`.
    pub const QUANTITIES_OPTIONAL: &[&str] = &["series"];
    /// `estimates.csv`.
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
    ];
    /// The optional columns of `estimates.csv`.
    pub const ESTIMATES_OPTIONAL: &[&str] = &[
        "locator",
        "period_start",
        "period_end",
        "year",
        "restates",
        "reading",
    ];
    /// `relations.csv`.
    pub const RELATIONS: &[&str] = &[
        "id", "kind", "target", "operands", "factor", "quote", "note",
    ];
    /// `context.csv`.
    pub const CONTEXT: &[&str] = &["id", "text", "topic", "quote", "note"];
    /// The columns of categories.csv.
    pub const CATEGORIES: &[&str] = &["id", "title"];
    /// The columns of charts.csv.
    pub const CHARTS: &[&str] = &["id"];
    /// The optional columns of charts.csv.
    pub const CHARTS_OPTIONAL: &[&str] = &["title", "subtitle", "caption"];
    /// The optional columns of categories.csv.
    pub const CATEGORIES_OPTIONAL: &[&str] = &["part"];
}

/// A `sources.csv` row; a kind outside the vocabulary is a finding.
pub(super) fn source(row: &Row, names: &mut Names, findings: &mut Vec<Finding>) -> Source {
    let raw = row.get("kind").trim();
    let kind = SourceKind::parse(raw);
    // A header without the column says so once (missing-column), not on every row.
    if kind.is_none() && row.has("kind") {
        let names: Vec<&str> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
        findings.push(Finding::error(
            Code::BadKind,
            &row.pos.cell("kind"),
            format!("source kind `{raw}` is not one of: {}", names.join(", ")),
        ));
    }
    Source {
        id: names.get(row.get("id")),
        name: row.get("name").to_string(),
        kind,
        note: row.get("note").to_string(),
        year: year(row, "year", findings),
        citation: row.get("citation").trim().to_string(),
        url: row.get("url").trim().to_string(),
        pos: row.pos.clone(),
    }
}

/// A year column of `row`, parsed (an unreadable year is a finding).
fn year(row: &Row, name: &str, findings: &mut Vec<Finding>) -> Option<i32> {
    let cell = filled(row, name)?;
    parse_year(cell, || row.pos.cell(name), name, findings)
}

/// The cell under column `name` when it holds anything: an empty cell is no value and no
/// finding, so its place is not looked up (most rows leave most optional cells empty).
fn filled<'r>(row: &'r Row, name: &str) -> Option<&'r str> {
    Some(row.get(name)).filter(|cell| !cell.trim().is_empty())
}

/// A `quantities.csv` row; a period that is not a year is a finding.
pub(super) fn quantity(row: &Row, names: &mut Names, findings: &mut Vec<Finding>) -> Quantity {
    Quantity {
        id: names.get(row.get("id")),
        label: row.get("label").to_string(),
        category: names.get(row.get("category").trim()),
        unit: names.get(row.get("unit").trim()),
        region: row.get("region").to_string(),
        period_start: year(row, "period_start", findings),
        period_end: year(row, "period_end", findings),
        parent: optional(row.get("parent")),
        description: row.get("description").to_string(),
        series: optional(row.get("series")),
        pos: row.pos.clone(),
    }
}

/// An `estimates.csv` row; an unreadable number or an unknown qualifier is a finding.
pub(super) fn estimate(row: &Row, names: &mut Names, findings: &mut Vec<Finding>) -> Estimate {
    let number = |name: &str, findings: &mut Vec<Finding>| {
        let cell = filled(row, name)?;
        parse_number_at(cell, || row.pos.cell(name), name, findings)
    };
    let low = number("low", findings);
    let point = number("point", findings);
    let high = number("high", findings);
    let reading = filled(row, "reading")
        .and_then(|cell| parse_reading(cell, &row.pos.cell("reading"), findings));
    let unreadable = Unreadable::of(
        [
            ("low", low.is_some()),
            ("point", point.is_some()),
            ("high", high.is_some()),
            ("reading", reading.is_some()),
        ]
        .into_iter()
        .filter(|(name, read)| !read && !row.get(name).trim().is_empty())
        .map(|(name, _)| name),
    );
    let raw = row.get("qualifier").trim();
    let qualifier = Qualifier::parse(raw);
    if qualifier.is_none() && row.has("qualifier") {
        let names: Vec<&str> = Qualifier::ALL.iter().map(|q| q.as_str()).collect();
        // The English word the text uses names its qualifier ("approximately" is `about`: see
        // README, Qualifiers); otherwise the closest spelling.
        let hint = match qualifier_of_words(raw) {
            Some(q) => format!(" (for \"{raw}\" write `{q}`)"),
            None => closest(raw, names.iter().copied())
                .map(|c| format!(" (did you mean `{c}`?)"))
                .unwrap_or_default(),
        };
        findings.push(Finding::error(
            Code::BadQualifier,
            &row.pos.cell("qualifier"),
            format!(
                "qualifier `{raw}` is not in the vocabulary{hint}: {}",
                names.join(", ")
            ),
        ));
    }
    Estimate {
        // An id is its row's own: sharing it would only cost a look-up.
        id: row.get("id").into(),
        quantity: names.get(row.get("quantity").trim()),
        source: names.get(row.get("source").trim()),
        text: names.get(row.get("text").trim()),
        low,
        point,
        high,
        qualifier,
        quote: names.get(row.get("quote")),
        note: names.get(row.get("note")),
        locator: names.get(row.get("locator").trim()),
        period_start: year(row, "period_start", findings),
        period_end: year(row, "period_end", findings),
        year: year(row, "year", findings),
        restates: optional(row.get("restates")).map(Sym::from),
        reading,
        pos: row.pos.clone(),
        unreadable,
    }
}

/// A `relations.csv` row; an unknown kind or an unreadable factor is a finding.
pub(super) fn relation(row: &Row, findings: &mut Vec<Finding>) -> Relation {
    let raw = row.get("kind").trim();
    let kind = RelationKind::parse(raw);
    if kind.is_none() && row.has("kind") {
        let names: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
        findings.push(Finding::error(
            Code::BadKind,
            &row.pos.cell("kind"),
            format!("relation kind `{raw}` is not one of: {}", names.join(", ")),
        ));
    }
    let factor = parse_number(
        row.get("factor"),
        &row.pos.cell("factor"),
        "factor",
        findings,
    );
    let factor_unreadable = factor.is_none() && !row.get("factor").trim().is_empty();
    Relation {
        id: row.get("id").to_string(),
        kind,
        target: row.get("target").trim().to_string(),
        operands: row
            .get("operands")
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        factor,
        quote: row.get("quote").to_string(),
        note: row.get("note").to_string(),
        pos: row.pos.clone(),
        factor_unreadable,
    }
}

/// A `categories.csv` row.
pub(super) fn category(row: &Row) -> Category {
    Category {
        id: row.get("id").trim().to_string(),
        title: row.get("title").trim().to_string(),
        part: row.get("part").trim().to_string(),
        pos: row.pos.clone(),
    }
}

/// A `charts.csv` row.
pub(super) fn chart_text(row: &Row) -> ChartText {
    ChartText {
        id: row.get("id").trim().to_string(),
        title: row.get("title").trim().to_string(),
        subtitle: row.get("subtitle").trim().to_string(),
        caption: row.get("caption").trim().to_string(),
        pos: row.pos.clone(),
    }
}

/// A `context.csv` row.
pub(super) fn context(row: &Row) -> Context {
    Context {
        id: row.get("id").to_string(),
        text: row.get("text").trim().to_string(),
        topic: row.get("topic").to_string(),
        quote: row.get("quote").to_string(),
        note: row.get("note").to_string(),
        pos: row.pos.clone(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::finding::Code;
    use crate::model::sample::one;

    /// Each row of `csv` (a header and rows, in memory) made by `make`, and the findings.
    fn rows<T>(
        csv: &str,
        columns: Columns,
        mut make: impl FnMut(&Row, &mut Vec<Finding>) -> T,
    ) -> (Vec<T>, Vec<Finding>) {
        let mut findings = Vec::new();
        let mut made = Vec::new();
        let file = Path::new("x.csv");
        super::super::table::parse_rows(
            csv.as_bytes(),
            file,
            &columns,
            true,
            &mut findings,
            |r, f| made.push(make(&r, f)),
        );
        (made, findings)
    }

    #[test]
    fn a_source_kind_outside_the_vocabulary_is_bad_kind_and_left_empty() {
        let (sources, findings) = rows(
            "id,name,kind,note\nconquest,Robert Conquest,wizard,\n",
            Columns::fixed(columns::SOURCES),
            |r, f| source(r, &mut Names::default(), f),
        );
        let f = one(&findings, Code::BadKind);
        // `wizard` is the third cell of line 2: after "conquest,Robert Conquest,".
        assert_eq!((f.line, f.column), (2, 26));
        assert!(f
            .message
            .starts_with("source kind `wizard` is not one of: archival, official"));
        assert_eq!(sources[0].kind, None);
    }

    #[test]
    fn a_relation_kind_outside_the_vocabulary_is_bad_kind() {
        let (relations, findings) = rows(
            "id,kind,target,operands,factor,quote,note\nr,summ,total,a;b,,,\n",
            Columns::fixed(columns::RELATIONS),
            relation,
        );
        let f = one(&findings, Code::BadKind);
        assert_eq!((f.line, f.column), (2, 3));
        assert!(f
            .message
            .starts_with("relation kind `summ` is not one of: sum, ratio"));
        assert_eq!(relations[0].operands, ["a", "b"]);
    }

    #[test]
    fn a_period_that_is_not_a_whole_year_is_bad_year() {
        let (quantities, findings) = rows(
            "id,label,category,unit,region,period_start,period_end,parent,description\n\
             famine,Famine,deaths,people,,1932,1933.5,,\n",
            Columns::fixed(columns::QUANTITIES),
            |r, f| quantity(r, &mut Names::default(), f),
        );
        let f = one(&findings, Code::BadYear);
        assert!(f
            .message
            .starts_with("`period_end` value `1933.5` is not a year"));
        assert_eq!(quantities[0].period_start, Some(1932));
        assert_eq!(quantities[0].period_end, None);
    }

    #[test]
    fn a_misspelt_qualifier_is_bad_qualifier_with_a_suggestion() {
        let (estimates, findings) = rows(
            "id,quantity,source,text,low,point,high,qualifier,quote,note\n\
             e1,famine,src,text,,700000,,abot,about 700000,\n",
            Columns::fixed(columns::ESTIMATES),
            |r, f| estimate(r, &mut Names::default(), f),
        );
        let f = one(&findings, Code::BadQualifier);
        assert!(
            f.message
                .starts_with("qualifier `abot` is not in the vocabulary (did you mean `about`?)"),
            "{}",
            f.message
        );
        assert_eq!(estimates[0].qualifier, None);
        assert_eq!(estimates[0].point, Some(700000.0));
    }

    // Regression (issue 13): `bad-qualifier "approximately"` did not suggest `about`, though
    // README maps the word to it.
    #[test]
    fn an_english_qualifying_word_is_bad_qualifier_naming_its_vocabulary_word() {
        for (word, q) in [
            ("approximately", "about"),
            ("almost", "nearly"),
            ("more than", "over"),
            ("as many as", "up_to"),
            ("no fewer than", "at_least"),
        ] {
            let (_, findings) = rows(
                &format!(
                    "id,quantity,source,text,low,point,high,qualifier,quote,note\n\
                     e1,famine,src,text,,700000,,{word},{word} 700000,\n"
                ),
                Columns::fixed(columns::ESTIMATES),
                |r, f| estimate(r, &mut Names::default(), f),
            );
            let expected = format!(
                "qualifier `{word}` is not in the vocabulary (for \"{word}\" write `{q}`): exact, about"
            );
            let f = one(&findings, Code::BadQualifier);
            assert!(f.message.starts_with(&expected), "{}", f.message);
        }
    }

    #[test]
    fn an_unreadable_figure_is_bad_number_and_noted_as_unreadable() {
        let (estimates, findings) = rows(
            "id,quantity,source,text,low,point,high,qualifier,quote,note\n\
             e1,famine,src,text,,\"700,000\",,about,about 700000,\n",
            Columns::fixed(columns::ESTIMATES),
            |r, f| estimate(r, &mut Names::default(), f),
        );
        assert!(one(&findings, Code::BadNumber)
            .message
            .contains("write it without separators: 700000"));
        assert_eq!(estimates[0].point, None);
        assert_eq!(estimates[0].unreadable, Unreadable::of(["point"]));
    }
}
