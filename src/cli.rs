//! The command line, declared with clap; help text comes from these doc comments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::analysis::reconcile::GroupBy;
pub use crate::import::Delimiter;
use crate::model::SourceKind;
pub use crate::present::chart::scale::AxisChoice;
pub use crate::present::chart::view::RowOrder;
pub use crate::present::export::ExportFormat;

/// Turn the figures quoted in a historical text into checked, reconciled, charted data.
#[derive(Debug, Parser)]
#[command(name = "reckon", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// What reckon can do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a dataset: a folder with texts/, every CSV with its header, and datapackage.json.
    Init(InitArgs),
    /// Verify the dataset: schema, quotes in the text, figures and qualifiers, relation verdicts.
    Check(CheckArgs),
    /// Reconcile the estimates of each quantity across sources, or export relation verdicts.
    Reconcile(ReconcileArgs),
    /// Render comparative charts (SVG and PNG) for reports.
    Chart(ChartArgs),
    /// Check, reconcile, export and chart: the one command that produces everything.
    Build(BuildArgs),
    /// Write the teaching report: every figure in context, how sources disagree, one HTML file.
    Report(ReportArgs),
    /// List every figure in the texts that no estimate's quote covers.
    Coverage(CoverageArgs),
    /// Show the audit trail of an estimate, quantity, relation or source id.
    Explain(ExplainArgs),
    /// Bring a table of estimates (wide: a column per source; long: a row per estimate) into a
    /// dataset as a table document, one cell estimate per value cell.
    Import(Box<ImportArgs>),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell) to standard output.
    Completions(CompletionsArgs),
    /// Print reckon's man page (roff) to standard output: `reckon man > reckon.1`.
    Man,
}

/// Options every command that reads a dataset shares.
#[derive(Debug, Args)]
pub struct DataArgs {
    /// The dataset folder (sources.csv, quantities.csv, estimates.csv, relations.csv, texts/).
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: PathBuf,

    /// Read "about" as a relative tolerance (0.1 = ±10%) instead of the rounding of the figure.
    #[arg(long, value_name = "FRACTION", value_parser = parse_tolerance)]
    pub about: Option<f64>,
}

/// A chart's scale: a number from 0.5 to 4.
fn parse_scale(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if (0.5..=4.0).contains(&v) => Ok(v),
        _ => Err(format!(
            "`{s}` is not a scale: give a number from 0.5 to 4 (1.5 sets text and lines half as large again)"
        )),
    }
}

fn parse_tolerance(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 && v < 1.0 => Ok(v),
        _ => Err(format!(
            "`{s}` is not a fraction between 0 and 1 (for ±10% write 0.1)"
        )),
    }
}

/// How `check` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One finding per line: file:line:column: severity[code]: message.
    Text,
    /// A JSON array of findings.
    Json,
}

/// Arguments of `reckon check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub data: DataArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,

    /// Treat warnings (such as a total the text gets wrong) as errors.
    #[arg(long)]
    pub strict: bool,
}

/// Arguments of `reckon reconcile`.
#[derive(Debug, Args)]
pub struct ReconcileArgs {
    #[command(flatten)]
    pub data: DataArgs,

    /// How to group estimates [default: quantity]; verdicts (--relations) are not grouped.
    #[arg(long, value_enum, conflicts_with_all = ["relations", "hierarchy"])]
    pub by: Option<GroupBy>,

    /// Output format [default: from the -o file's extension (.csv, .json, .md), else table].
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,

    /// Write to FILE instead of standard output (`-` is standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Export the relation verdicts instead of the reconciliation.
    #[arg(long)]
    pub relations: bool,

    /// Export the cross-level conflicts (a part's estimate above its whole's) instead.
    #[arg(long, conflicts_with = "relations")]
    pub hierarchy: bool,
}

/// Which files `chart` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChartFormat {
    Svg,
    Png,
    Both,
}

/// Arguments of `reckon chart`.
#[derive(Debug, Args)]
pub struct ChartArgs {
    #[command(flatten)]
    pub data: DataArgs,

    /// Folder the charts are written to.
    #[arg(long, value_name = "DIR", default_value = "charts")]
    pub out: PathBuf,

    /// Which files to write.
    #[arg(long, value_enum, default_value_t = ChartFormat::Both)]
    pub format: ChartFormat,

    /// Force a linear or log axis on forest, timeline and overview charts.
    #[arg(long, value_enum, default_value_t = AxisChoice::Auto)]
    pub axis: AxisChoice,

    /// Order a forest's rows by central value or by the year each estimate was made.
    #[arg(long, value_enum, default_value_t = RowOrder::Value)]
    pub order: RowOrder,

    /// Width of each chart in pixels (the PNG has twice as many). Below 720 px of layout
    /// (width ÷ scale) a chart's rows put their labels above their bars, as on a phone.
    #[arg(long, value_name = "PX", default_value_t = 1000, value_parser = clap::value_parser!(u32).range(240..=8000))]
    pub width: u32,

    /// Text and line size for slides and print: 1.5 sets text and strokes half as large again
    /// on a chart of the same width (laid out at width ÷ scale, at least 240 px).
    #[arg(long, value_name = "F", default_value_t = 1.0, value_parser = parse_scale)]
    pub scale: f64,

    /// Charts (`forest-ID`, `timeline-ID`, `series-NAME`...), quantity ids, categories, series
    /// or relation ids to chart (all charts when none is named).
    #[arg(value_name = "CHART_OR_QUANTITY")]
    pub names: Vec<String>,
}

/// Arguments of `reckon build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub data: DataArgs,

    /// Folder the charts are written to.
    #[arg(long, value_name = "DIR", default_value = "charts")]
    pub charts: PathBuf,

    /// Folder the exports (reconciled CSV/JSON/Markdown, relation verdicts) are written to.
    #[arg(long, value_name = "DIR", default_value = "out")]
    pub out: PathBuf,

    /// Order a forest's rows by central value or by the year each estimate was made.
    #[arg(long, value_enum, default_value_t = RowOrder::Value)]
    pub order: RowOrder,

    /// Only these categories, quantity ids or relation ids (comma-separated): their quantities,
    /// relations, sources and charts.
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    pub only: Vec<String>,
}

/// Arguments of `reckon report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub data: DataArgs,

    /// Where to write the HTML file (`-` for standard output).
    #[arg(short, long, value_name = "FILE", default_value = "out/report.html")]
    pub output: PathBuf,

    /// Only these categories, quantity ids or relation ids (comma-separated): their quantities,
    /// relations, sources and charts.
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    pub only: Vec<String>,
}

/// Arguments of `reckon coverage`.
#[derive(Debug, Args)]
pub struct CoverageArgs {
    #[command(flatten)]
    pub data: DataArgs,

    /// Write a draft estimates.csv row for every uncovered figure instead of the list.
    #[arg(long)]
    pub propose: bool,

    /// Only the figures of the text with this id.
    #[arg(long = "text", value_name = "ID")]
    pub text: Option<String>,

    /// With --propose: write the rows to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE", requires = "propose")]
    pub output: Option<std::path::PathBuf>,

    /// Output format (the list; --propose always writes CSV).
    #[arg(long, value_enum, default_value_t = CoverageFormat::Text, conflicts_with = "propose")]
    pub format: CoverageFormat,
}

/// How `coverage` prints its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CoverageFormat {
    /// One line per figure: file:line:column: class "figure" in: its sentence; then a summary
    Text,
    /// A JSON object: the counts, and every figure with its text, place, class, whether it is
    /// covered and its sentence
    Json,
}

/// Arguments of `reckon completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `reckon init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The dataset folder to make (it may exist, but none of the files reckon writes may).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// A text to copy into DIR/texts/ and list in texts.csv (repeat for several).
    #[arg(long = "text", value_name = "FILE")]
    pub texts: Vec<PathBuf>,
}

/// Arguments of `reckon explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub data: DataArgs,

    /// An estimate, quantity, relation or source id.
    pub id: String,
}

/// Arguments of `reckon import` (README, Importing a table).
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("shape").required(true).args(["source_columns", "source", "source_column"])))]
pub struct ImportArgs {
    /// The table: comma-, semicolon- or tab-separated, UTF-8, a header row first.
    #[arg(value_name = "TABLE")]
    pub table: PathBuf,

    /// The dataset folder to add to (made if it does not exist).
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: PathBuf,

    /// The columns whose values name the quantity, such as `Entity,Year` (comma-separated or
    /// repeated; a column whose name holds a comma is matched whole).
    #[arg(long, value_name = "COLS", required = true)]
    pub quantity: Vec<String>,

    /// Wide table: the columns that each hold one source's figures (each filled cell a point).
    #[arg(long, value_name = "COLS", conflicts_with_all = ["source", "source_column", "low", "point", "high"])]
    pub source_columns: Vec<String>,

    /// Long table: the one source of every row.
    #[arg(long, value_name = "NAME", conflicts_with = "source_column")]
    pub source: Option<String>,

    /// Long table: the column that names each row's source.
    #[arg(long, value_name = "COL")]
    pub source_column: Option<String>,

    /// Long table: the column of each row's low end.
    #[arg(long, value_name = "COL", requires = "high")]
    pub low: Option<String>,

    /// Long table: the column of each row's point or best figure.
    #[arg(long, value_name = "COL")]
    pub point: Option<String>,

    /// Long table: the column of each row's high end.
    #[arg(long, value_name = "COL", requires = "low")]
    pub high: Option<String>,

    /// A cell that means "no value" (repeatable: `--na NA --na -999`); empty cells always do.
    #[arg(long, value_name = "MARKER", allow_hyphen_values = true)]
    pub na: Vec<String>,

    /// The column of each row's year: the quantity's period, and part of what names it.
    #[arg(long, value_name = "COL")]
    pub year: Option<String>,

    /// The columns whose values name a series followed across years (such as `Entity`): each
    /// quantity's `series` column, charted as `series-NAME`.
    #[arg(long, value_name = "COLS")]
    pub series: Vec<String>,

    /// The category of every quantity.
    #[arg(long, value_name = "CATEGORY", default_value = "other")]
    pub category: String,

    /// The unit of every quantity.
    #[arg(long, value_name = "UNIT", default_value = "people")]
    pub unit: String,

    /// The kind of every source the table adds.
    #[arg(long, value_name = "KIND", default_value = "other", value_parser = parse_kind)]
    pub source_kind: SourceKind,

    /// The delimiter [default: detected from the header line].
    #[arg(long, value_enum)]
    pub delimiter: Option<Delimiter>,

    /// The table document's id in texts.csv [default: from the file name].
    #[arg(long, value_name = "ID")]
    pub text_id: Option<String>,

    /// The table document's title [default: the file name].
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,

    /// Who published the table and under what licence, for texts.csv.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub attribution: String,
}

fn parse_kind(s: &str) -> Result<SourceKind, String> {
    SourceKind::parse(s).ok_or_else(|| {
        let names: Vec<&str> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("`{s}` is not one of: {}", names.join(", "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn about_must_be_a_fraction() {
        assert!(parse_tolerance("0.1").is_ok());
        assert!(parse_tolerance("10").is_err());
        assert!(parse_tolerance("nan").is_err());
    }
}
