//! `opeka`: check feeds, draw them as SVG, PNG or PDF, turn decks into
//! slides, and print the feed and deck schemas from the command line.
//!
//! Each command is one variant of [`Command`] and one module with an
//! `Args` struct and a `run` function returning the exit code.

mod deck;
mod lang;
mod output;
mod pdf;
mod render;
mod schema;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Opeka feed tools: validate feeds, render them as SVG, PNG or PDF, turn decks into slides, print the JSON Schemas.
#[derive(Parser, Debug)]
#[command(name = "opeka", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The commands.
#[derive(Subcommand, Debug)]
enum Command {
    /// Check feeds against format 1 and list every problem.
    Validate(validate::Args),
    /// Draw a feed as an SVG, PNG or PDF image (1920 × 1080 by default, for slides).
    Render(render::Args),
    /// Draw every slide of a deck: a PDF of one page per slide, or one PNG per slide.
    Deck(deck::Args),
    /// Print the JSON Schema of feed format 1 (or, with --deck, of deck format 1).
    Schema(schema::Args),
}

/// Exit code for a usage error (as clap uses).
const USAGE_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are not errors; clap knows which is which.
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(USAGE_ERROR) } else { ExitCode::SUCCESS };
        }
    };
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Deck(args) => deck::run(&args),
        Command::Schema(args) => schema::run(&args),
    }
}
