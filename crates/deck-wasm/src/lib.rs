//! The deck's own wasm module (`dist/opeka/opeka_deck_bg.wasm`), loaded by
//! `opeka-deck.js` only on pages that show a deck.
//!
//! It is a module of its own, not exports of the chart module, so that the
//! plain widget download does not grow for decks: the chart module has the
//! feed validator but not the deck's checks nor its texts, and exporting
//! them from it would link both into every page (docs/size.md has the
//! figures). Drawing stays in the chart module: the deck's slides are
//! `<opeka-chart>` elements.

use js_sys::{Array, Object, Reflect};
use opeka_feed::deck::{validate_deck, Deck};
use opeka_feed::locale::DeckMsg;
use opeka_feed::validate::{Options, Problem, Severity};
use opeka_feed::{Lang, Text};
use wasm_bindgen::prelude::*;

/// Checks a deck file's bytes as `opeka deck` does (every problem with its
/// path, in Russian and English) and returns, for the element:
///
/// `{ deck: null | {title, lang, theme, autoplay, loop, slides: [{feed, view,
/// lang, theme, title, note}]}, problems: [{path, severity, ru, en}],
/// omitted }`, where a text (`title`, `note`) is `null` or `{ru, en}`,
/// each already resolved with the deck's fallbacks.
#[wasm_bindgen]
pub fn check_deck(bytes: &[u8]) -> Object {
    let result = Object::new();
    let (deck, problems, omitted) = match validate_deck(bytes, &Options::default()) {
        Ok(checked) => (deck_object(&checked.deck), checked.warnings, checked.omitted),
        Err(rejected) => (JsValue::NULL, rejected.problems, rejected.omitted),
    };
    set(&result, "deck", &deck);
    set(&result, "problems", &problems.iter().map(problem_object).collect::<Array>());
    set(&result, "omitted", &JsValue::from(omitted.total() as u32));
    result
}

/// One of the deck's interface texts in `lang` (`ru`, else English), from
/// the catalogue ([`DeckMsg`]); `a` and `b` are its numbers where it has
/// any (the slide and the count, the seconds, the status, the errors).
/// An unknown name gives an empty string.
#[wasm_bindgen]
pub fn deck_text(name: &str, lang: &str, a: u32, b: u32) -> String {
    let lang = Lang::parse(lang).unwrap_or(Lang::En);
    let msg = match name {
        "deck" => DeckMsg::Deck,
        "slide-of" => DeckMsg::SlideOf { number: a as usize, total: b as usize },
        "counter" => DeckMsg::Counter { number: a as usize, total: b as usize },
        "previous" => DeckMsg::Previous,
        "next" => DeckMsg::Next,
        "autoplay" => DeckMsg::Autoplay(a),
        "paused" => DeckMsg::Paused,
        "full-screen" => DeckMsg::FullScreen,
        "exit-full-screen" => DeckMsg::ExitFullScreen,
        "not-loaded" => DeckMsg::DeckNotLoaded { status: a.min(u32::from(u16::MAX)) as u16 },
        "invalid" => DeckMsg::DeckInvalid(a as usize),
        "no-slides" => DeckMsg::NoSlides,
        _ => return String::new(),
    };
    msg.text(lang)
}

fn deck_object(deck: &Deck) -> JsValue {
    let object = Object::new();
    // A text in the language a slide is read in; the deck's language is the
    // fallback for translations that lack it, else Russian.
    let fallback = deck.lang.unwrap_or_default();
    set(&object, "title", &text_object(deck.title.as_ref(), fallback));
    set(&object, "lang", &deck.lang.map_or(JsValue::NULL, |l| l.code().into()));
    set(&object, "theme", &deck.theme.name().into());
    set(&object, "autoplay", &deck.autoplay.map_or(JsValue::NULL, JsValue::from));
    set(&object, "loop", &deck.looping.into());
    let slides: Array = deck
        .all_settings()
        .map(|s| {
            let slide = Object::new();
            set(&slide, "feed", &s.feed.into());
            set(&slide, "view", &s.view.map_or(JsValue::NULL, |v| v.name().into()));
            set(&slide, "lang", &s.lang.map_or(JsValue::NULL, |l| l.code().into()));
            set(&slide, "theme", &s.theme.name().into());
            set(&slide, "title", &text_object(s.slide.title.as_ref(), fallback));
            set(&slide, "note", &text_object(s.slide.note.as_ref(), fallback));
            JsValue::from(slide)
        })
        .collect();
    set(&object, "slides", &slides);
    object.into()
}

fn text_object(text: Option<&Text>, fallback: Lang) -> JsValue {
    let Some(text) = text else { return JsValue::NULL };
    let object = Object::new();
    for lang in [Lang::Ru, Lang::En] {
        set(&object, lang.code(), &text.get(lang, fallback).into());
    }
    object.into()
}

fn problem_object(problem: &Problem) -> JsValue {
    let object = Object::new();
    set(&object, "path", &problem.path.as_str().into());
    let severity = if problem.severity == Severity::Error { "error" } else { "warning" };
    set(&object, "severity", &severity.into());
    set(&object, "ru", &problem.message(Lang::Ru).into());
    set(&object, "en", &problem.message(Lang::En).into());
    object.into()
}

/// Sets a property of an object just made here: it cannot fail.
fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &key.into(), value);
}
