//! reckon: turn the figures quoted in a historical text into checked, reconciled, charted data.
//!
//! `main` parses the command line, runs the command and turns the outcome into an exit code:
//! 0 success, 1 the data has errors, 2 the command could not run.

use std::process::ExitCode;

use clap::Parser;

use reckon::cmd::DataErrors;
use reckon::{cli, cmd};

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli.command) {
        Ok(code) => code,
        Err(err) => match err.downcast_ref::<DataErrors>() {
            Some(errors) => {
                reckon::present::write::note(&errors.to_string());
                ExitCode::from(1)
            }
            None => {
                let message = format!("reckon: error: {err:#}");
                reckon::present::write::note(&reckon::present::write::terminal(&message));
                ExitCode::from(2)
            }
        },
    }
}
