//! `opeka validate`: check feeds, print every problem as `file: path: message`.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use opeka_feed::validate::{validate, Options, Problem, ProblemMessage, Severity};
use opeka_feed::Lang;

use super::lang::{resolve, LangArg};
use super::output::line;

/// Check feeds against format 1 and list every problem.
///
/// Prints `file: path: message` for each error and warning, then a summary.
/// Exits with 0 when every feed is valid (warnings allowed), 1 when any is
/// invalid or unreadable, 2 on a usage error.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Language of the messages [default: from LANG if it is ru or en, else ru]
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Feed files to check
    #[arg(required = true, value_name = "FEED")]
    feeds: Vec<PathBuf>,
}

/// What checking one file came to.
enum Outcome {
    Valid { warnings: usize },
    Invalid { errors: usize, warnings: usize },
    Unreadable,
}

/// Checks every file, prints, and returns the exit code.
pub fn run(args: &Args) -> ExitCode {
    let lang = resolve(args.lang);
    let options = Options::default();
    let outcomes: Vec<Outcome> = args.feeds.iter().map(|file| check_file(file, &options, lang)).collect();
    line(&summary(&outcomes, lang));
    if outcomes.iter().all(|o| matches!(o, Outcome::Valid { .. })) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn check_file(file: &Path, options: &Options, lang: Lang) -> Outcome {
    let name = file.display();
    let bytes = match read_limited(file, options.max_bytes) {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(too_large)) => {
            line(&format!("{name}: {}", too_large.to_string_in(lang)));
            return Outcome::Invalid { errors: 1, warnings: 0 };
        }
        Err(e) => {
            let message = match lang {
                Lang::Ru => format!("не удалось прочитать файл: {e}"),
                Lang::En => format!("cannot read the file: {e}"),
            };
            line(&format!("{name}: {message}"));
            return Outcome::Unreadable;
        }
    };
    let (problems, omitted, valid) = match validate(&bytes, options) {
        Ok(checked) => (checked.warnings, checked.omitted, true),
        Err(rejected) => (rejected.problems, rejected.omitted, false),
    };
    for p in &problems {
        line(&format!("{name}: {}", describe(p, lang)));
    }
    if let Some(more) = omitted.text(lang) {
        line(&format!("{name}: {more}"));
    }
    let errors = problems.iter().filter(|p| p.is_error()).count() + omitted.errors;
    let warnings = problems.len() + omitted.total() - errors;
    if valid {
        let ok = match lang {
            Lang::Ru => "фид верен",
            Lang::En => "valid",
        };
        line(&format!("{name}: {ok}"));
        Outcome::Valid { warnings }
    } else {
        Outcome::Invalid { errors, warnings }
    }
}

/// Reads at most `limit` bytes: a larger file is refused without reading it all.
pub(crate) fn read_limited(file: &Path, limit: usize) -> std::io::Result<Result<Vec<u8>, Problem>> {
    let handle = std::fs::File::open(file)?;
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    handle.take(cap).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        let size = std::fs::metadata(file).map_or(bytes.len(), |m| usize::try_from(m.len()).unwrap_or(usize::MAX));
        let message = ProblemMessage::TooLarge { size, limit };
        return Ok(Err(Problem { path: "(root)".into(), message, severity: Severity::Error }));
    }
    Ok(Ok(bytes))
}

pub(crate) fn describe(problem: &Problem, lang: Lang) -> String {
    let text = problem.to_string_in(lang);
    match (problem.severity, lang) {
        (Severity::Error, _) => text,
        (Severity::Warning, Lang::Ru) => format!("{text} (предупреждение)"),
        (Severity::Warning, Lang::En) => format!("{text} (warning)"),
    }
}

fn summary(outcomes: &[Outcome], lang: Lang) -> String {
    let (mut valid, mut invalid, mut unreadable, mut errors, mut warnings) = (0, 0, 0, 0, 0);
    for o in outcomes {
        match o {
            Outcome::Valid { warnings: w } => {
                valid += 1;
                warnings += w;
            }
            Outcome::Invalid { errors: e, warnings: w } => {
                invalid += 1;
                errors += e;
                warnings += w;
            }
            Outcome::Unreadable => unreadable += 1,
        }
    }
    let files = outcomes.len();
    match lang {
        Lang::Ru => format!(
            "Проверено файлов: {files}; верных: {valid}, с ошибками: {invalid}, не прочитано: {unreadable}; \
             ошибок: {errors}, предупреждений: {warnings}"
        ),
        Lang::En => format!(
            "Checked {files} {}: {valid} valid, {invalid} invalid, {unreadable} unreadable; {errors} {}, {warnings} {}",
            plural_en(files, "file", "files"),
            plural_en(errors, "error", "errors"),
            plural_en(warnings, "warning", "warnings"),
        ),
    }
}

fn plural_en(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Reads `path` (refusing it past the size limit) and checks it with
/// `check`, as `opeka render` and `opeka deck` do: on failure every problem
/// is printed with its path, then «1 ошибка» / "1 error" inside
/// `refused(count)`, and the exit code comes back.
pub fn read_checked<T>(
    path: &Path,
    lang: Lang,
    check: impl Fn(&[u8], &Options) -> Result<T, opeka_feed::validate::Rejected>,
    refused: impl Fn(&str) -> String,
) -> Result<T, ExitCode> {
    let name = path.display();
    let options = Options::default();
    let bytes = match read_limited(path, options.max_bytes) {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(too_large)) => {
            eprintln!("{name}: {}", too_large.to_string_in(lang));
            return Err(ExitCode::FAILURE);
        }
        Err(e) => {
            let cannot = match lang {
                Lang::Ru => "не удалось прочитать файл",
                Lang::En => "cannot read the file",
            };
            eprintln!("{name}: {cannot}: {e}");
            return Err(ExitCode::FAILURE);
        }
    };
    check(&bytes, &options).map_err(|rejected| {
        for p in &rejected.problems {
            eprintln!("{name}: {}", describe(p, lang));
        }
        if let Some(more) = rejected.omitted.text(lang) {
            eprintln!("{name}: {more}");
        }
        // «1 ошибка», "1 error": the count agrees with its noun, as in the widgets.
        let errors = opeka_feed::locale::count_noun(
            (rejected.errors().count() + rejected.omitted.errors) as f64,
            opeka_feed::locale::Noun::Error,
            lang,
        );
        eprintln!("{name}: {}", refused(&errors));
        ExitCode::FAILURE
    })
}
