//! The deck corpus: `tests/corpus/decks/valid/*.json` must pass and
//! `tests/corpus/decks/invalid/*.json` must be refused, each with exactly the
//! `path: message` lines of its sibling `*.expected` file (English) and
//! `*.ru.expected` file (Russian); for a valid deck, its warnings (no file
//! means none).
//!
//! After a deliberate change of messages, regenerate the expected files with
//! `OPEKA_BLESS=1 cargo test -p opeka-feed --test decks` and review the diff.

#![allow(clippy::disallowed_methods, reason = "not in the wasm bundle: std's sort is fine here")]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{corpus, lines};

use opeka_feed::deck::{validate_deck, Theme, MIN_AUTOPLAY_SECONDS};
use opeka_feed::validate::Options;
use opeka_feed::{Lang, Text, View};

fn expected_path(deck: &Path, lang: Lang) -> PathBuf {
    deck.with_extension(match lang {
        Lang::En => "expected",
        Lang::Ru => "ru.expected",
    })
}

/// Compares a deck's lines in `lang` with its expected file.
fn check_expected(deck: &Path, lang: Lang, actual: &str) -> Option<String> {
    common::check_expected(&expected_path(deck, lang), &format!("{} ({lang})", deck.display()), actual)
}

#[test]
fn valid_decks_pass_with_expected_warnings() {
    let files = corpus("decks/valid");
    assert!(files.len() >= 4, "valid deck corpus is too small");
    let mut failures = Vec::new();
    for file in files {
        let bytes = fs::read(&file).expect("read corpus file");
        match validate_deck(&bytes, &Options::default()) {
            Ok(checked) => {
                assert!(checked.warnings.iter().all(|w| !w.is_error()));
                for lang in Lang::ALL {
                    failures.extend(check_expected(&file, lang, &lines(&checked.warnings, checked.omitted, lang)));
                }
            }
            Err(rejected) => failures.push(format!("{}: rejected\n{rejected}", file.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn invalid_decks_are_refused_with_expected_problems() {
    let files = corpus("decks/invalid");
    assert!(files.len() >= 15, "invalid deck corpus is too small");
    let mut failures = Vec::new();
    for file in files {
        let bytes = fs::read(&file).expect("read corpus file");
        match validate_deck(&bytes, &Options::default()) {
            Ok(_) => failures.push(format!("{}: accepted", file.display())),
            Err(rejected) => {
                assert!(rejected.errors().count() > 0);
                for lang in Lang::ALL {
                    if std::env::var_os("OPEKA_BLESS").is_none() && !expected_path(&file, lang).exists() {
                        failures.push(format!("{}: no {lang} expected file", file.display()));
                    }
                    failures.extend(check_expected(&file, lang, &lines(&rejected.problems, rejected.omitted, lang)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn defaults_and_overrides() {
    let json = r#"{"opeka-deck": 1, "lang": "en", "slides": [
        {"feed": "a.json"},
        {"feed": "b.json", "view": "podium", "lang": "ru", "theme": "light", "title": {"ru": "Призёры"}, "note": "Примечание"}]}"#;
    let deck = validate_deck(json.as_bytes(), &Options::default()).expect("valid").deck;
    assert_eq!(deck.theme, Theme::Contrast, "the contrast theme is a deck's default");
    assert_eq!((deck.autoplay, deck.looping), (None, false));
    let first = deck.settings(0).expect("slide 0");
    assert_eq!((first.feed, first.view, first.lang, first.theme), ("a.json", None, Some(Lang::En), Theme::Contrast));
    let second = deck.settings(1).expect("slide 1");
    assert_eq!((second.view, second.lang, second.theme), (Some(View::Podium), Some(Lang::Ru), Theme::Light));
    assert_eq!(second.path("feed"), "slides[1].feed");
    assert_eq!(second.slide.title, Some(Text::Translations(vec![("ru".into(), "Призёры".into())])));
    assert!(deck.settings(2).is_none());
    assert_eq!(deck.all_settings().count(), 2);
    assert_eq!((deck.next(0), deck.next(1)), (Some(1), None));
    assert_eq!(MIN_AUTOPLAY_SECONDS, 5);
}

#[test]
fn a_looping_deck_starts_again() {
    let json = r#"{"opeka-deck": 1, "loop": true, "autoplay": 20, "slides": [{"feed": "a.json"}, {"feed": "b.json"}]}"#;
    let deck = validate_deck(json.as_bytes(), &Options::default()).expect("valid").deck;
    assert_eq!(deck.autoplay, Some(20));
    assert_eq!((deck.next(0), deck.next(1)), (Some(1), Some(0)));
}

#[test]
fn a_slide_retitles_and_annotates_its_feed() {
    let feed = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../feeds/kuzbass-social-worker-day-2018.json")).expect("feed");
    let feed = opeka_feed::validate::validate(&feed, &Options::default()).expect("valid feed").feed;
    let json = r#"{"opeka-deck": 1, "slides": [{"feed": "a.json", "title": {"ru": "Призёры", "en": "Prize winners"}, "note": "Слайд 2"}, {"feed": "a.json"}]}"#;
    let deck = validate_deck(json.as_bytes(), &Options::default()).expect("valid").deck;
    let shown = deck.slides[0].apply(&feed);
    assert_eq!(shown.text(&shown.title, Lang::En), "Prize winners");
    assert_eq!(shown.notes.len(), feed.notes.len() + 1);
    assert_eq!(shown.text(&shown.notes[0], Lang::Ru), "Слайд 2");
    assert_eq!(deck.slides[1].apply(&feed), feed, "a slide without title or note shows the feed as it is");
}
