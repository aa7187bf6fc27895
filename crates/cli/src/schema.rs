//! `opeka schema`: print the JSON Schema of feed format 1.

use std::process::ExitCode;

/// Print the JSON Schema of feed format 1 (the same as schema/opeka-feed-1.schema.json).
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Prints the schema; always succeeds.
pub fn run(_args: &Args) -> ExitCode {
    super::output::text(&opeka_feed::schema::schema_json());
    ExitCode::SUCCESS
}
