//! `opeka schema`: print the JSON Schema of feed format 1, or of deck format 1.

use std::process::ExitCode;

/// Print the JSON Schema of feed format 1 (the same as schema/opeka-feed-1.schema.json),
/// or with --deck of deck format 1 (schema/opeka-deck-1.schema.json).
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print the deck schema instead of the feed schema
    #[arg(long)]
    deck: bool,
}

/// Prints the schema; always succeeds.
pub fn run(args: &Args) -> ExitCode {
    let text = if args.deck { opeka_feed::schema::deck_schema_json() } else { opeka_feed::schema::schema_json() };
    super::output::text(&text);
    ExitCode::SUCCESS
}
