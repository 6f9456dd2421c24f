//! Validation: schema, provenance (each quote is in its text) and agreement between a quote and
//! its row (the figure and the qualifier). Every problem becomes a [`Finding`]; nothing stops early.

use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::english::figure::{self, same_value};
use crate::english::lines::LineIndex;
use crate::english::passage;
use crate::english::suggest::closest;
use crate::model::finding::Finding;
use crate::model::{Dataset, Estimate, Loc, Qualifier, RelationKind, RowPos, Text};

/// Runs every check on the dataset and returns the findings (unsorted).
pub fn validate(data: &Dataset) -> Vec<Finding> {
    let mut findings = Vec::new();
    let ids = id_rows(data);
    for (what, _, rows) in &ids {
        check_ids(rows.iter().copied(), what, &mut findings);
    }
    check_shared_ids(&ids, &mut findings);
    check_sources(data, &mut findings);
    check_quantities(data, &mut findings);
    let indexes: HashMap<&str, TextIndex> = data
        .texts
        .iter()
        .map(|t| (t.id.as_str(), TextIndex::new(&t.body)))
        .collect();
    for estimate in &data.estimates {
        check_estimate(data, estimate, &indexes, &mut findings);
    }
    check_relations(data, &indexes, &mut findings);
    check_ids(
        data.contexts.iter().map(|c| (c.id.as_str(), &c.pos)),
        "context passage",
        &mut findings,
    );
    for c in &data.contexts {
        required(&c.topic, "topic", &c.pos, &mut findings);
        match data.text(&c.text) {
            Some(text) => {
                if let Some(index) = indexes.get(text.id.as_str()) {
                    check_quote(&c.quote, text, index, &c.pos.cell("quote"), &mut findings);
                }
            }
            None => findings.push(unknown(
                "text",
                &c.text,
                &c.pos.cell("text"),
                data.texts.iter().map(|t| t.id.as_str()),
            )),
        }
    }
    findings
}

fn check_ids<'a>(
    rows: impl Iterator<Item = (&'a str, &'a RowPos)>,
    what: &str,
    findings: &mut Vec<Finding>,
) {
    let mut seen: HashMap<&str, u64> = HashMap::new();
    for (id, pos) in rows {
        let loc = pos.cell("id");
        if id.trim().is_empty() {
            findings.push(Finding::error(
                "missing-id",
                &loc,
                format!("the {what} has no id"),
            ));
            continue;
        }
        // Ids name files, anchors and references: letters (any script), digits, `_`, `-`, `.`.
        let allowed = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.');
        let starts_well = id.chars().next().is_some_and(char::is_alphanumeric);
        if !id.chars().all(allowed) || !starts_well || id.chars().count() > 200 {
            findings.push(Finding::error(
                "bad-id",
                &loc,
                format!(
                    "{what} id `{}` may only use letters, digits, `_`, `-` and `.`, must begin with a letter or digit, and be at most 200 characters",
                    shorten(id)
                ),
            ));
        }
        if let Some(first) = seen.get(id) {
            findings.push(Finding::error(
                "duplicate-id",
                &loc,
                format!("{what} id `{id}` is already used on line {first}"),
            ));
        } else {
            seen.insert(id, loc.line);
        }
    }
}

/// The ids of each file that has them: what a row is, the file, and each row's id and place.
type IdRows<'a> = [(&'static str, &'static str, Vec<(&'a str, &'a RowPos)>); 4];

fn id_rows(data: &Dataset) -> IdRows<'_> {
    [
        (
            "source",
            "sources.csv",
            data.sources
                .iter()
                .map(|s| (s.id.as_str(), &s.pos))
                .collect(),
        ),
        (
            "quantity",
            "quantities.csv",
            data.quantities
                .iter()
                .map(|q| (q.id.as_str(), &q.pos))
                .collect(),
        ),
        (
            "estimate",
            "estimates.csv",
            data.estimates
                .iter()
                .map(|e| (e.id.as_str(), &e.pos))
                .collect(),
        ),
        (
            "relation",
            "relations.csv",
            data.relations
                .iter()
                .map(|r| (r.id.as_str(), &r.pos))
                .collect(),
        ),
    ]
}

/// An id used in two files (a quantity and an estimate both `famine`) is legal, but `explain`
/// and `chart` select by id, so the reader gets both: a warning on the later file's row.
fn check_shared_ids(files: &IdRows, findings: &mut Vec<Finding>) {
    // For each id, a bit per file it has appeared in so far.
    let mut seen: HashMap<&str, u8> = HashMap::new();
    for (bit, (_, _, rows)) in files.iter().enumerate() {
        for &(id, pos) in rows {
            let mask = seen.entry(id).or_default();
            // A repeat within one file is a duplicate-id, reported by check_ids.
            if id.is_empty() || *mask & (1 << bit) != 0 {
                continue;
            }
            if *mask != 0 {
                let earlier: Vec<&str> = (0..files.len())
                    .filter(|b| *mask & (1 << b) != 0)
                    .map(|b| files[b].1)
                    .collect();
                findings.push(Finding::warning(
                    "shared-id",
                    &pos.cell("id"),
                    format!(
                        "id `{}` is also used in {}; `explain {}` shows each, but a distinct id is clearer",
                        shorten(id),
                        earlier.join(" and "),
                        shorten(id)
                    ),
                ));
            }
            *mask |= 1 << bit;
        }
    }
}

fn required(value: &str, column: &str, pos: &RowPos, findings: &mut Vec<Finding>) {
    if value.trim().is_empty() {
        findings.push(Finding::error(
            "missing-value",
            &pos.cell(column),
            format!("`{column}` is empty; every row needs one"),
        ));
    }
}

fn check_sources(data: &Dataset, findings: &mut Vec<Finding>) {
    for source in &data.sources {
        required(&source.name, "name", &source.pos, findings);
    }
}

fn check_quantities(data: &Dataset, findings: &mut Vec<Finding>) {
    for q in &data.quantities {
        required(&q.label, "label", &q.pos, findings);
        required(&q.category, "category", &q.pos, findings);
        required(&q.unit, "unit", &q.pos, findings);
        if let (Some(start), Some(end)) = (q.period_start, q.period_end) {
            if start > end {
                findings.push(Finding::error(
                    "bad-period",
                    &q.pos.cell("period_end"),
                    format!("period_end {end} is before period_start {start}"),
                ));
            }
        }
        if let Some(parent) = &q.parent {
            if data.quantity(parent).is_none() {
                findings.push(unknown(
                    "quantity",
                    parent,
                    &q.pos.cell("parent"),
                    data.quantities.iter().map(|q| q.id.as_str()),
                ));
            } else if parent == &q.id || data.is_within(parent, &q.id) {
                findings.push(Finding::error(
                    "parent-cycle",
                    &q.pos.cell("parent"),
                    format!("quantity `{}` is its own ancestor through `parent`", q.id),
                ));
            }
        }
    }
}

/// A reference that does not resolve, with the closest id as a hint.
fn unknown<'a>(what: &str, id: &str, loc: &Loc, ids: impl Iterator<Item = &'a str>) -> Finding {
    let hint = closest(id, ids)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default();
    let shown = if id.is_empty() { "(empty)" } else { id };
    Finding::error(
        "unknown-reference",
        loc,
        format!("{what} `{shown}` is not defined{hint}"),
    )
}

/// Folds the characters people type differently (no-break space, dashes, curly quotes).
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{a0}' | '\u{2009}' | '\u{202f}' => ' ',
            '–' | '—' | '‒' | '−' => '-',
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            c => c,
        };
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// Where a quote occurs, shared between rows quoting it.
type Places = Rc<Occurrences>;

/// The occurrences of one quote in a text.
#[derive(Default)]
struct Occurrences {
    /// (line, column) of each occurrence that stands on its own.
    whole: Vec<(u64, u64)>,
    /// The first occurrence that cuts into a word or number: its (line, column) and what it
    /// cuts, shown with the passage ("12,345 people" for the quote "2,345 people").
    cut: Option<((u64, u64), String)>,
}

/// A text prepared for quote checks: its line index, its folded form for hints, and the places
/// of every quote already looked up, so that a file of a million rows quoting the same passages
/// searches the text once per distinct quote.
pub struct TextIndex<'a> {
    body: &'a str,
    lines: LineIndex<'a>,
    folded: OnceCell<String>,
    found: RefCell<HashMap<String, Places>>,
}

impl<'a> TextIndex<'a> {
    pub fn new(body: &'a str) -> Self {
        TextIndex {
            body,
            lines: LineIndex::new(body),
            folded: OnceCell::new(),
            found: RefCell::new(HashMap::new()),
        }
    }

    /// Where `quote` stands.
    fn occurrences(&self, quote: &str) -> Places {
        if let Some(places) = self.found.borrow().get(quote) {
            return places.clone();
        }
        let mut found = Occurrences::default();
        for span in passage::occurrences(self.body, quote) {
            if !passage::is_cut(self.body, &span) {
                found.whole.push(self.lines.locate(span.start));
            } else if found.cut.is_none() {
                if let Some(wider) = passage::cut(self.body, &span) {
                    found.cut = Some((self.lines.locate(span.start), self.body[wider].to_string()));
                }
            }
        }
        let places = Rc::new(found);
        self.found
            .borrow_mut()
            .insert(quote.to_string(), places.clone());
        places
    }

    fn folded(&self) -> &str {
        self.folded.get_or_init(|| fold(self.body))
    }
}

/// A quote as shown in a message: at most 80 characters, so a megabyte-long cell cannot flood
/// the terminal.
pub fn shorten(quote: &str) -> String {
    const MAX: usize = 80;
    match quote.char_indices().nth(MAX) {
        None => quote.to_string(),
        Some((cut, _)) => format!("{}… ({} characters)", &quote[..cut], quote.chars().count()),
    }
}

fn check_quote(
    quote: &str,
    text: &Text,
    index: &TextIndex,
    loc: &Loc,
    findings: &mut Vec<Finding>,
) -> bool {
    if quote.trim().is_empty() {
        findings.push(Finding::error(
            "empty-quote",
            loc,
            "the quote is empty: copy the shortest passage of the text that holds the figure",
        ));
        return false;
    }
    let places = index.occurrences(quote);
    let found = &places.whole;
    match (found.len(), &places.cut) {
        (0, Some(((line, column), wider))) => {
            findings.push(Finding::error(
                "quote-cuts-figure",
                loc,
                format!(
                    "quote \"{}\" is in {} only inside a longer word or number: at {line}:{column} it is part of \"{}\"; quote the whole figure",
                    shorten(quote),
                    text.path.display(),
                    shorten(wider)
                ),
            ));
            false
        }
        (0, None) => {
            let line_endings = quote.contains('\n')
                && !quote.contains("\r\n")
                && index.body.contains("\r\n")
                && index.body.contains(&quote.replace('\n', "\r\n"));
            let hint = if line_endings {
                " (it is there with the text's CRLF line ending where the quote has a bare line feed: quote within one line, or copy the line break as the text has it)".to_string()
            } else if index.folded().contains(&fold(quote)) {
                " (it matches once spaces, dashes and quote marks are folded: copy the text's own characters, such as the no-break space U+00A0 or the en dash U+2013)".to_string()
            } else {
                String::new()
            };
            findings.push(Finding::error(
                "quote-not-found",
                loc,
                format!(
                    "quote \"{}\" is not in {}{hint}",
                    shorten(quote),
                    text.path.display()
                ),
            ));
            false
        }
        (1, _) => true,
        _ => {
            let mut places: Vec<String> = found
                .iter()
                .take(10)
                .map(|(l, c)| format!("{l}:{c}"))
                .collect();
            if found.len() > 10 {
                places.push("…".into());
            }
            findings.push(Finding::warning(
                "ambiguous-quote",
                loc,
                format!(
                    "quote \"{}\" occurs {} times in {} (at {}); lengthen it until it is unique",
                    shorten(quote),
                    found.len(),
                    text.path.display(),
                    places.join(", ")
                ),
            ));
            true
        }
    }
}

/// Which of low/point/high a qualifier needs and forbids: see README, Qualifiers.
fn check_columns(e: &Estimate, q: Qualifier, findings: &mut Vec<Finding>) {
    let need = |column: &str, present: bool, findings: &mut Vec<Finding>| {
        if !present && !e.unreadable.contains(&column) {
            findings.push(Finding::error(
                "missing-value",
                &e.pos.cell(column),
                format!("qualifier `{q}` needs `{column}`"),
            ));
        }
    };
    let forbid = |column: &str, present: bool, findings: &mut Vec<Finding>| {
        if present {
            findings.push(Finding::error(
                "unexpected-value",
                &e.pos.cell(column),
                format!(
                    "qualifier `{q}` takes its interval from `point` by rule; leave `{column}` empty (or use `range`)"
                ),
            ));
        }
    };
    if q.is_banded() {
        need("low", e.low.is_some(), findings);
        need("high", e.high.is_some(), findings);
    } else {
        need("point", e.point.is_some(), findings);
        forbid("low", e.low.is_some(), findings);
        forbid("high", e.high.is_some(), findings);
    }
    let ordered = [("low", e.low), ("point", e.point), ("high", e.high)];
    let present: Vec<(&str, f64)> = ordered
        .iter()
        .filter_map(|(n, v)| v.map(|v| (*n, v)))
        .collect();
    for pair in present.windows(2) {
        let ((a, va), (b, vb)) = (pair[0], pair[1]);
        if va > vb {
            findings.push(Finding::error(
                "bad-order",
                &e.pos.cell(b),
                format!("`{a}` ({va}) is greater than `{b}` ({vb}); expected low <= point <= high"),
            ));
        }
    }
}

fn check_estimate(
    data: &Dataset,
    e: &Estimate,
    indexes: &HashMap<&str, TextIndex>,
    findings: &mut Vec<Finding>,
) {
    if data.quantity(&e.quantity).is_none() {
        findings.push(unknown(
            "quantity",
            &e.quantity,
            &e.pos.cell("quantity"),
            data.quantities.iter().map(|q| q.id.as_str()),
        ));
    }
    if data.source(&e.source).is_none() {
        findings.push(unknown(
            "source",
            &e.source,
            &e.pos.cell("source"),
            data.sources.iter().map(|s| s.id.as_str()),
        ));
    }
    if let Some(q) = e.qualifier {
        check_columns(e, q, findings);
    }
    let Some(text) = data.text(&e.text) else {
        // A text that is listed but could not be read has its own finding already.
        if data.unreadable_texts.contains(&e.text) {
            return;
        }
        findings.push(unknown(
            "text",
            &e.text,
            &e.pos.cell("text"),
            data.texts.iter().map(|t| t.id.as_str()),
        ));
        return;
    };
    let loc = e.pos.cell("quote");
    let Some(index) = indexes.get(text.id.as_str()) else {
        return;
    };
    if !check_quote(&e.quote, text, index, &loc, findings) {
        return;
    }
    check_agreement(e, findings);
}

fn show(v: f64) -> String {
    crate::english::number::plain(v)
}

/// The figure and the qualifier in the quote agree with the row.
fn check_agreement(e: &Estimate, findings: &mut Vec<Finding>) {
    let parsed = figure::parse(&e.quote);
    let loc = e.pos.cell("quote");
    if parsed.figures.is_empty() {
        findings.push(Finding::error(
            "no-figure",
            &loc,
            format!(
                "no figure found in quote \"{}\"; the quote must hold the number",
                shorten(&e.quote)
            ),
        ));
        return;
    }
    let candidates = parsed.values();
    let stated: Vec<String> = parsed
        .figures
        .iter()
        .filter(|f| f.kind != figure::FigureKind::Year || parsed.figures.len() == 1)
        .map(|f| match f.kind {
            figure::FigureKind::Magnitude { low, high } => crate::english::number::range(low, high),
            _ => crate::english::number::readable(f.value),
        })
        .collect();
    for (column, value) in [("low", e.low), ("point", e.point), ("high", e.high)] {
        let Some(value) = value else { continue };
        if !candidates.iter().any(|&c| same_value(c, value)) {
            findings.push(Finding::error(
                "value-mismatch",
                &e.pos.cell(column),
                format!(
                    "`{column}` is {} but the quote \"{}\" states {}",
                    show(value),
                    shorten(&e.quote),
                    stated.join(", ")
                ),
            ));
        }
    }
    // A range or band needs both of its ends: `low` and `high` equal to one figure of the quote
    // would pass the check above while dropping the other end.
    let ends: Option<(f64, f64)> = match e.qualifier {
        Some(Qualifier::Magnitude) => parsed.figures.iter().find_map(|f| match f.kind {
            figure::FigureKind::Magnitude { low, high } => Some((low, high)),
            _ => None,
        }),
        Some(Qualifier::Range) => {
            let values: Vec<f64> = parsed
                .figures
                .iter()
                .filter(|f| f.kind != figure::FigureKind::Year)
                .map(|f| f.value)
                .collect();
            let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            (values.len() >= 2 && !same_value(lo, hi)).then_some((lo, hi))
        }
        _ => None,
    };
    if let (Some((lo, hi)), Some(low), Some(high)) = (ends, e.low, e.high) {
        if same_value(low, high) {
            findings.push(Finding::error(
                "value-mismatch",
                &e.pos.cell(if same_value(low, lo) { "high" } else { "low" }),
                format!(
                    "`low` and `high` are both {} but the quote \"{}\" states {} to {}: give both ends",
                    show(low),
                    shorten(&e.quote),
                    crate::english::number::readable(lo),
                    crate::english::number::readable(hi)
                ),
            ));
        }
    }
    let Some(q) = e.qualifier else { return };
    let cues = &parsed.cues;
    let words: Vec<&str> = cues
        .iter()
        .filter(|c| {
            !matches!(
                c,
                Qualifier::Range | Qualifier::Magnitude | Qualifier::Ratio
            )
        })
        .map(|c| c.as_str())
        .collect();
    let problem = match q {
        Qualifier::Range if !cues.contains(&Qualifier::Range) => {
            Some("the quote states no range (X to Y, X–Y, between X and Y)".to_string())
        }
        Qualifier::Magnitude if !cues.contains(&Qualifier::Magnitude) => {
            Some("the quote states no vague magnitude (tens of thousands, millions...)".to_string())
        }
        Qualifier::Ratio if !cues.contains(&Qualifier::Ratio) => {
            Some("the quote states no multiplier (\"two and a half times\")".to_string())
        }
        Qualifier::Range | Qualifier::Magnitude | Qualifier::Ratio => None,
        _ if cues.contains(&Qualifier::Range) => Some(
            "the quote states a range; use `range` with low and high, or shorten the quote to the one figure"
                .to_string(),
        ),
        _ if cues.contains(&Qualifier::Magnitude) => Some(
            "the quote states a vague magnitude (thousands, tens of thousands, several hundred...); use `magnitude` with the band in low and high"
                .to_string(),
        ),
        Qualifier::Exact if !words.is_empty() => Some(format!(
            "the quote qualifies the figure ({}); use that qualifier instead of `exact`",
            words.join(", ")
        )),
        Qualifier::Exact => None,
        _ if !cues.contains(&q) => Some(if words.is_empty() {
            "the quote has no qualifying word for it; use `exact`".to_string()
        } else {
            format!("the quote's wording says {}", words.join(", "))
        }),
        _ => None,
    };
    if let Some(problem) = problem {
        findings.push(Finding::error(
            "qualifier-mismatch",
            &e.pos.cell("qualifier"),
            format!(
                "qualifier `{q}` does not fit quote \"{}\": {problem}",
                shorten(&e.quote)
            ),
        ));
    }
}

fn check_relations(
    data: &Dataset,
    indexes: &HashMap<&str, TextIndex>,
    findings: &mut Vec<Finding>,
) {
    let ids = || data.estimates.iter().map(|e| e.id.as_str());
    let mut ratio_targets: HashSet<&str> = HashSet::new();
    for r in &data.relations {
        let target = data.estimate(&r.target);
        if target.is_none() {
            findings.push(unknown("estimate", &r.target, &r.pos.cell("target"), ids()));
        }
        for op in &r.operands {
            if data.estimate(op).is_none() {
                findings.push(unknown("estimate", op, &r.pos.cell("operands"), ids()));
            }
            if op == &r.target {
                findings.push(Finding::error(
                    "self-relation",
                    &r.pos.cell("operands"),
                    format!("estimate `{op}` is both the target and an operand"),
                ));
            }
        }
        let Some(kind) = r.kind else { continue };
        if kind == RelationKind::Conversion {
            check_conversion(data, r, findings);
        }
        // Only a conversion relates different units; a sum of people and houses is a slip.
        if kind != RelationKind::Conversion {
            let unit = |id: &str| {
                data.estimate(id)
                    .and_then(|e| data.quantity(&e.quantity))
                    .map(|q| q.unit.as_str())
            };
            if let Some(target_unit) = unit(&r.target) {
                for op in &r.operands {
                    if let Some(op_unit) = unit(op).filter(|u| *u != target_unit) {
                        findings.push(Finding::error(
                            "unit-mismatch",
                            &r.pos.cell("operands"),
                            format!(
                                "a {kind} relation needs one unit, but `{}` counts {target_unit} and `{op}` counts {op_unit}; use a conversion for different units",
                                r.target
                            ),
                        ));
                    }
                }
            }
        }
        let count = r.operands.len();
        let arity = match kind {
            RelationKind::Sum if count < 2 => Some("a sum needs two or more operands"),
            RelationKind::Ratio | RelationKind::Conversion if count != 1 => {
                Some("a ratio or conversion takes exactly one operand")
            }
            RelationKind::Subset if count == 0 => Some("a subset needs one or more operands"),
            _ => None,
        };
        if let Some(problem) = arity {
            findings.push(Finding::error(
                "bad-operands",
                &r.pos.cell("operands"),
                format!("{problem} (separate ids with `;`), found {count}"),
            ));
        }
        match (kind, r.factor) {
            (RelationKind::Ratio | RelationKind::Conversion, None) if !r.factor_unreadable => {
                findings.push(Finding::error(
                    "missing-value",
                    &r.pos.cell("factor"),
                    format!("a {kind} relation needs `factor` (target = factor × operand)"),
                ))
            }
            (RelationKind::Sum | RelationKind::Subset, Some(_)) => findings.push(Finding::error(
                "unexpected-value",
                &r.pos.cell("factor"),
                format!("a {kind} relation takes no `factor`"),
            )),
            (_, Some(0.0)) => findings.push(Finding::error(
                "bad-number",
                &r.pos.cell("factor"),
                "`factor` is 0; a relation's factor must be positive",
            )),
            _ => {}
        }
        if kind == RelationKind::Ratio {
            if let Some(t) = target {
                if t.qualifier == Some(Qualifier::Ratio) {
                    if !ratio_targets.insert(t.id.as_str()) {
                        findings.push(Finding::error(
                            "ratio-two-bases",
                            &r.pos.cell("target"),
                            format!(
                                "`{}` is already multiplied by another `ratio` relation; a multiplier has one base figure",
                                t.id
                            ),
                        ));
                    }
                    if let (Some(p), Some(f)) = (t.point, r.factor) {
                        if !same_value(p, f) {
                            findings.push(Finding::error(
                                "value-mismatch",
                                &r.pos.cell("factor"),
                                format!(
                                    "factor {} differs from the multiplier {} stated by `{}`",
                                    show(f),
                                    show(p),
                                    t.id
                                ),
                            ));
                        }
                    }
                }
            }
        }
        if !r.quote.trim().is_empty() {
            let text = target.and_then(|t| data.text(&t.text));
            if let Some((text, index)) =
                text.and_then(|t| indexes.get(t.id.as_str()).map(|i| (t, i)))
            {
                check_quote(&r.quote, text, index, &r.pos.cell("quote"), findings);
            }
        }
        if kind == RelationKind::Sum {
            check_double_counting(data, r, findings);
        }
    }
    for e in &data.estimates {
        if e.qualifier == Some(Qualifier::Ratio) && !ratio_targets.contains(e.id.as_str()) {
            findings.push(Finding::error(
                "ratio-without-base",
                &e.pos.cell("qualifier"),
                format!(
                    "`{}` states a multiplier but no `ratio` relation in relations.csv names the figure it multiplies",
                    e.id
                ),
            ));
        }
    }
}

/// The size of a unit of length or mass in metres or kilograms, for checking conversion factors.
fn unit_size(unit: &str) -> Option<(&'static str, f64)> {
    let size = match unit.trim().to_lowercase().as_str() {
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => ("length", 0.001),
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => ("length", 0.01),
        "m" | "metre" | "metres" | "meter" | "meters" => ("length", 1.0),
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => ("length", 1000.0),
        "in" | "inch" | "inches" => ("length", 0.0254),
        "ft" | "foot" | "feet" => ("length", 0.3048),
        "yd" | "yard" | "yards" => ("length", 0.9144),
        "mi" | "mile" | "miles" => ("length", 1609.344),
        "g" | "gram" | "grams" => ("mass", 0.001),
        "kg" | "kilogram" | "kilograms" => ("mass", 1.0),
        "t" | "tonne" | "tonnes" => ("mass", 1000.0),
        "lb" | "lbs" | "pound" | "pounds" => ("mass", 0.453_592_37),
        _ => return None,
    };
    Some(size)
}

/// A conversion between units reckon knows must use their factor: 2.54 from inches to
/// centimetres, never 1.0, and never from kilometres to people. A slip there is an error in
/// the data, not an inconsistency of the text.
fn check_conversion(data: &Dataset, r: &crate::model::Relation, findings: &mut Vec<Finding>) {
    let unit = |id: &str| {
        data.estimate(id)
            .and_then(|e| data.quantity(&e.quantity))
            .map(|q| q.unit.as_str())
    };
    let (Some(to), Some(from)) = (unit(&r.target), r.operands.first().and_then(|op| unit(op)))
    else {
        return;
    };
    let loc = r.pos.cell("factor");
    let expected = if to == from {
        Some(1.0)
    } else {
        // A count (people, percent) never converts into a measure; units reckon does not
        // know (stone, nautical miles) are taken on trust.
        let count = |u: &str| {
            matches!(
                u.trim().to_lowercase().as_str(),
                "people" | "persons" | "person" | "deaths" | "victims" | "percent" | "%"
            )
        };
        let kinds_differ = match (unit_size(from), unit_size(to)) {
            (Some((a, _)), Some((b, _))) => a != b,
            (Some(_), None) => count(to),
            (None, Some(_)) => count(from),
            (None, None) => false,
        };
        match (unit_size(from), unit_size(to)) {
            (Some((dim_from, size_from)), Some((dim_to, size_to))) if dim_from == dim_to => {
                Some(size_from / size_to)
            }
            _ if !kinds_differ => None,
            _ => {
                findings.push(Finding::error(
                    "unit-mismatch",
                    &r.pos.cell("operands"),
                    format!(
                        "conversion `{}` turns {from} into {to}, which are not units of the same kind (a count never converts into a measure, nor a length into a mass)",
                        r.id
                    ),
                ));
                return;
            }
        }
    };
    if let (Some(expected), Some(factor)) = (expected, r.factor) {
        if (factor - expected).abs() > 1e-4 * expected {
            findings.push(Finding::error(
                "bad-factor",
                &loc,
                format!(
                    "conversion `{}` from {from} to {to} has factor {}, but 1 {from} is {} {to}",
                    r.id,
                    show(factor),
                    show(expected)
                ),
            ));
        }
    }
}

/// A sum that adds a quantity together with its own parent or child counts people twice.
fn check_double_counting(data: &Dataset, r: &crate::model::Relation, findings: &mut Vec<Finding>) {
    let quantities: Vec<(&str, &str)> = r
        .operands
        .iter()
        .filter_map(|op| data.estimate(op))
        .map(|e| (e.id.as_str(), e.quantity.as_str()))
        .collect();
    for (i, (a, qa)) in quantities.iter().enumerate() {
        for (b, qb) in &quantities[i + 1..] {
            let overlap = if qa == qb {
                Some(format!("both estimate `{qa}`"))
            } else if data.is_within(qa, qb) {
                Some(format!("`{qa}` is part of `{qb}`"))
            } else if data.is_within(qb, qa) {
                Some(format!("`{qb}` is part of `{qa}`"))
            } else {
                None
            };
            if let Some(overlap) = overlap {
                findings.push(Finding::warning(
                    "double-counting",
                    &r.pos.cell("operands"),
                    format!("sum `{}` adds `{a}` and `{b}`, but {overlap}: the same people are counted twice", r.id),
                ));
            }
        }
    }
}
