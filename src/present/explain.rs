//! The audit trail of one number (`reckon explain ID`), from a chart back to the words of the
//! text: an estimate, quantity, relation or source, and everything reckon made of it.

use std::fmt::Write as _;

use anyhow::{bail, Result};

use crate::analysis::reconcile::{GroupBy, Summary};
use crate::analysis::relate::Outcome;
use crate::analysis::Analysis;
use crate::english::lines::LineIndex;
use crate::english::number::{figure, readable, relative};
use crate::english::passage;
use crate::english::suggest::closest;
use crate::model::Provenance;
use crate::model::{Dataset, Estimate};
use crate::present::words::{self, interval_words, stated};

/// The audit trail of `id`: every kind of thing the id names, explained; an error naming the
/// closest id when nothing has it.
pub fn explain(analysis: &Analysis, id: &str) -> Result<String> {
    Trail::new(analysis)?.explain(id)
}

/// Everything an explanation draws on.
struct Trail<'a> {
    data: &'a Dataset,
    analysis: &'a Analysis,
    by_kind: Vec<Summary>,
}

/// Wraps `s` at `width` columns, each line indented by `indent`.
fn wrap(s: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// A reconciliation in one line, its figures as people read them (in their unit, computed ones
/// to the digits they are known to).
fn summary_line(analysis: &Analysis, s: &Summary) -> String {
    let consensus = match (&s.consensus, &s.conflict) {
        (Some(c), _) => format!("consensus {}", words::interval_in(c, &s.unit)),
        (None, Some(conflict)) => format!("no consensus: {}", words::conflict(conflict)),
        (None, None) => "no consensus".into(),
    };
    if s.independent == 0 {
        return format!(
            "{} figure(s), none an independent estimate (restatements and surveys only)",
            s.estimates
        );
    }
    let uncounted = match s.estimates - s.independent {
        0 => String::new(),
        n => format!(" (and {n} restatement(s) or survey(s), not counted)"),
    };
    format!(
        "{} estimate(s){uncounted} from {} source(s); envelope {}; {consensus}; median {}; spread {}",
        s.independent,
        s.sources,
        words::interval_in(&s.envelope, &s.unit),
        figure(
            s.median,
            crate::present::digits::of_median(
                analysis,
                s.key.split('/').next().unwrap_or(&s.key),
                s.median
            ),
            &s.unit
        ),
        crate::english::number::times(s.spread)
    )
}

impl<'a> Trail<'a> {
    fn new(analysis: &'a Analysis) -> Result<Self> {
        Ok(Trail {
            data: &analysis.data,
            analysis,
            by_kind: analysis.reconcile(GroupBy::SourceKind)?,
        })
    }

    fn explain(&self, id: &str) -> Result<String> {
        // An id may name things in several files (check warns of it): explain each of them.
        let mut parts: Vec<String> = Vec::new();
        if let Some(e) = self.data.estimate(id) {
            parts.push(self.estimate(e));
        }
        if self.data.quantity(id).is_some() {
            parts.push(self.quantity(id));
        }
        let unevaluated = match self.analysis.outcomes.iter().find(|o| o.id == id) {
            Some(o) => {
                parts.push(self.relation(o));
                false
            }
            None => self.data.relations.iter().any(|r| r.id == id),
        };
        if self.data.source(id).is_some() {
            parts.push(self.source(id));
        }
        if !parts.is_empty() {
            return Ok(parts.join("\n"));
        }
        if unevaluated {
            bail!("relation `{id}` cannot be evaluated: run `reckon check` to see why");
        }
        let ids = self
            .data
            .estimates
            .iter()
            .map(|e| e.id.as_str())
            .chain(self.data.quantities.iter().map(|q| q.id.as_str()))
            .chain(self.data.relations.iter().map(|r| r.id.as_str()))
            .chain(self.data.sources.iter().map(|s| s.id.as_str()));
        let hint = closest(id, ids)
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        bail!(
            "no estimate, quantity, relation or source has the id `{}`{hint}",
            crate::check::shorten(&crate::model::finding::visible(id))
        )
    }

    /// What an estimate rests on: its quote, its table cell, or its source's citation.
    fn evidence(&self, e: &Estimate) -> String {
        match self.data.provenance(e) {
            Provenance::Quote => format!("\"{}\"", e.quote),
            Provenance::Cell => format!(
                "cell `{}` of table {}{}",
                e.locator,
                self.data
                    .text(&e.text)
                    .map_or(e.text.to_string(), |t| t.path.display().to_string()),
                if e.quote.is_empty() {
                    String::new()
                } else {
                    format!(" (\"{}\")", e.quote)
                }
            ),
            Provenance::Citation => {
                let citation = self
                    .data
                    .source(&e.source)
                    .map_or("", |s| s.citation.as_str());
                let at = if e.locator.is_empty() {
                    String::new()
                } else {
                    format!(", {}", e.locator)
                };
                format!("cited, not verified against a document: {citation}{at}")
            }
        }
    }

    /// One line for an estimate: source, qualifier, stated figure, interval.
    fn brief(&self, e: &Estimate) -> String {
        let source = self.data.source(&e.source);
        let name = source.map_or(e.source.as_str(), |s| s.name.as_str());
        let kind = source.and_then(|s| s.kind).map_or("", |k| k.as_str());
        match self.analysis.readings.get(&e.id) {
            Some(r) => format!(
                "{} — {name} ({kind}): {} → {} → interval {}",
                e.id,
                self.evidence(e),
                stated(e, r),
                interval_words(&r.interval)
            ),
            None => format!("{} — {name} ({kind}): {}", e.id, self.evidence(e)),
        }
    }

    fn relations_of(&self, ids: &[&str]) -> String {
        let mut out = String::new();
        for o in &self.analysis.outcomes {
            let involved = ids
                .iter()
                .any(|id| o.target == *id || o.operands.iter().any(|x| x == id));
            if involved {
                let _ = writeln!(
                    out,
                    "  {} ({}, {}): {}",
                    o.id,
                    o.kind,
                    o.verdict.as_str(),
                    words::arithmetic(&o.arithmetic)
                );
            }
        }
        if out.is_empty() {
            out.push_str("  none\n");
        }
        out
    }

    fn estimate(&self, e: &Estimate) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Estimate {}: {}", e.id, self.evidence(e));
        if let Some(q) = self.data.quantity(&e.quantity) {
            let _ = writeln!(
                out,
                "  quantity   {} — {} ({}, {})",
                q.id, q.label, q.category, q.unit
            );
        }
        if let Some(s) = self.data.source(&e.source) {
            let kind = s.kind.map_or("", |k| k.as_str());
            let _ = writeln!(out, "  source     {} — {} ({kind})", s.id, s.name);
            if !s.note.is_empty() {
                out.push_str(&wrap(&s.note, 84, "             "));
            }
        }
        let mut dated = Vec::new();
        if let Some(year) = self.data.year_of(e) {
            dated.push(format!("made in {year}"));
        }
        if e.period_start.is_some() || e.period_end.is_some() {
            let show = |y: Option<i32>| y.map_or("…".to_string(), |y| y.to_string());
            dated.push(format!(
                "covers {}–{}",
                show(e.period_start),
                show(e.period_end)
            ));
        }
        if !dated.is_empty() {
            let _ = writeln!(out, "  dated      {}", dated.join("; "));
        }
        if let Some(original) = &e.restates {
            let _ = writeln!(
                out,
                "  restates   {original}: shown, but not counted again in the median, spread, consensus or sources"
            );
        }
        if let Some(reading) = e.reading {
            let _ = writeln!(
                out,
                "  reading    {reading}: the curator's reading of the words, which the parser cannot read"
            );
        }
        if let Some(text) = self
            .data
            .text(&e.text)
            .filter(|_| self.data.provenance(e) == Provenance::Quote)
        {
            let spans = passage::find_all(&text.body, &e.quote);
            if let Some(first) = spans.first() {
                let (line, column) = LineIndex::new(&text.body).locate(first.start);
                let _ = writeln!(out, "  text       {}:{line}:{column}", text.path.display());
                let para = passage::paragraph(&text.body, first);
                let marked = format!(
                    "{}«{}»{}",
                    &text.body[para.start..first.start],
                    &text.body[first.clone()],
                    &text.body[first.end..para.end]
                );
                out.push_str("  in its paragraph («» marks the quote):\n");
                out.push_str(&wrap(&marked, 88, "    "));
            }
        }
        match (e.qualifier, self.analysis.readings.get(&e.id)) {
            (Some(q), Some(r)) => {
                let _ = writeln!(
                    out,
                    "  qualifier  {} → stated {} → interval {}, central value {}",
                    q.words(),
                    stated(e, r),
                    interval_words(&r.interval),
                    readable(r.central)
                );
                let _ = writeln!(out, "  rule       {}", words::rule(&r.rule));
            }
            (Some(q), None) => {
                let _ = writeln!(
                    out,
                    "  qualifier  {} (no interval: no relation gives its base)",
                    q.words()
                );
            }
            _ => {}
        }
        if !e.note.is_empty() {
            out.push_str("  note\n");
            out.push_str(&wrap(&e.note, 84, "    "));
        }
        if let Some(s) = self.analysis.summaries.iter().find(|s| s.key == e.quantity) {
            let _ = writeln!(out, "\nReconciliation of {}:", e.quantity);
            out.push_str(&wrap(&summary_line(self.analysis, s), 88, "  "));
        }
        out.push_str("\nRelations it takes part in:\n");
        out.push_str(&self.relations_of(&[e.id.as_str()]));
        out
    }

    fn quantity(&self, id: &str) -> String {
        let mut out = String::new();
        let Some(q) = self.data.quantity(id) else {
            return out;
        };
        let _ = writeln!(out, "Quantity {}: {}", q.id, q.label);
        let period = match (q.period_start, q.period_end) {
            (Some(a), Some(b)) => format!("{a}–{b}"),
            _ => "period not given".into(),
        };
        let _ = writeln!(
            out,
            "  {} · {} · {} · {period}",
            q.category, q.unit, q.region
        );
        if let Some(p) = &q.parent {
            let label = self.data.quantity(p).map_or("", |p| p.label.as_str());
            let _ = writeln!(out, "  part of    {p} — {label}");
        }
        let children: Vec<&str> = self
            .data
            .quantities
            .iter()
            .filter(|c| c.parent.as_deref() == Some(id))
            .map(|c| c.id.as_str())
            .collect();
        if !children.is_empty() {
            let _ = writeln!(out, "  its parts  {}", children.join(", "));
        }
        if !q.description.is_empty() {
            out.push_str(&wrap(&q.description, 86, "  "));
        }
        let estimates: Vec<&Estimate> = self
            .data
            .estimates
            .iter()
            .filter(|e| e.quantity == id)
            .collect();
        let _ = writeln!(out, "\nEstimates ({}):", estimates.len());
        for e in &estimates {
            out.push_str(&wrap(&self.brief(e), 88, "  "));
        }
        if let Some(s) = self.analysis.summaries.iter().find(|s| s.key == id) {
            out.push_str("\nReconciliation:\n");
            out.push_str(&wrap(&summary_line(self.analysis, s), 88, "  "));
            out.push_str("By kind of source:\n");
            for k in self
                .by_kind
                .iter()
                .filter(|k| k.key.split('/').next() == Some(id))
            {
                let kind = k.source_kind.map_or("", |k| k.as_str());
                out.push_str(&wrap(
                    &format!("{kind}: {}", summary_line(self.analysis, k)),
                    88,
                    "  ",
                ));
            }
        }
        out.push_str("\nRelations its estimates take part in:\n");
        let ids: Vec<&str> = estimates.iter().map(|e| e.id.as_str()).collect();
        out.push_str(&self.relations_of(&ids));
        out
    }

    fn relation(&self, o: &Outcome) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Relation {}: {} — {}",
            o.id,
            o.kind,
            o.verdict.as_str()
        );
        let _ = writeln!(out, "  arithmetic {}", words::arithmetic(&o.arithmetic));
        let _ = writeln!(
            out,
            "  stated     {} (interval {}); computed {} (interval {})",
            readable(o.stated_value),
            interval_words(&o.stated),
            readable(o.computed_value),
            interval_words(&o.computed)
        );
        let _ = writeln!(
            out,
            "  difference {}{} ({})",
            if o.difference > 0.0 { "+" } else { "" },
            readable(o.difference),
            relative(o.relative_difference)
        );
        if let Some(n) = o.needed {
            let _ = writeln!(
                out,
                "  it would hold if the stated figure were {}",
                readable(n)
            );
        }
        if !o.quote.is_empty() {
            let _ = writeln!(out, "  quote      \"{}\"", o.quote);
        }
        if !o.note.is_empty() {
            out.push_str(&wrap(&o.note, 86, "  "));
        }
        out.push_str("\nTarget:\n");
        if let Some(e) = self.data.estimate(&o.target) {
            out.push_str(&wrap(&self.brief(e), 88, "  "));
        }
        out.push_str("Operands:\n");
        for id in &o.operands {
            if let Some(e) = self.data.estimate(id) {
                out.push_str(&wrap(&self.brief(e), 88, "  "));
            }
        }
        out
    }

    fn source(&self, id: &str) -> String {
        let mut out = String::new();
        let Some(s) = self.data.source(id) else {
            return out;
        };
        let kind = s.kind.map_or("", |k| k.as_str());
        let _ = writeln!(out, "Source {}: {} ({kind})", s.id, s.name);
        if !s.note.is_empty() {
            out.push_str(&wrap(&s.note, 86, "  "));
        }
        let estimates: Vec<&Estimate> = self
            .data
            .estimates
            .iter()
            .filter(|e| e.source == id)
            .collect();
        let _ = writeln!(out, "\nFigures attributed to it ({}):", estimates.len());
        for e in estimates {
            out.push_str(&wrap(&self.brief(e), 88, "  "));
        }
        out
    }
}
