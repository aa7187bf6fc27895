//! The walk of a deck (`crate::deck`): the same checks, paths and messages as a feed's.

use crate::deck::{CheckedDeck, Deck, Slide, Theme, DECK_VERSION, MIN_AUTOPLAY_SECONDS};
use crate::{Lang, View};

use super::cx::Cx;
use super::json::Json;
use super::message::{Expected, ProblemMessage};
use super::path::quote;
use super::Rejected;

/// A deck's members.
pub(crate) const DECK_FIELDS: &[&str] = &["opeka-deck", "title", "lang", "theme", "autoplay", "loop", "slides"];
/// A slide's members.
pub(crate) const SLIDE_FIELDS: &[&str] = &["feed", "view", "lang", "theme", "title", "note"];

/// Checks a parsed deck.
pub(crate) fn check(root: &Json<'_>) -> Result<CheckedDeck, Rejected> {
    let mut cx = Cx::default();
    let deck = deck(&mut cx, root);
    match deck {
        Some(deck) if cx.errors == 0 => Ok(CheckedDeck { deck, warnings: cx.problems, omitted: cx.omitted }),
        _ => Err(Rejected { problems: cx.problems, omitted: cx.omitted }),
    }
}

fn deck(cx: &mut Cx, root: &Json<'_>) -> Option<Deck> {
    if let Json::Obj(members) = root {
        if members.iter().any(|(k, _)| k == "opeka") && !members.iter().any(|(k, _)| k == "opeka-deck") {
            // A feed given where a deck belongs: one clear line, not a dozen unknown fields.
            cx.error(ProblemMessage::FeedNotDeck);
            return None;
        }
    }
    let obj = cx.object(root, DECK_FIELDS)?;
    let version = cx.required(&obj, "opeka-deck", version);
    if version.is_none() && obj.get("opeka-deck").and_then(Json::as_f64).is_some_and(|v| v > f64::from(DECK_VERSION)) {
        // A newer format may mean anything below: other complaints would mislead.
        return None;
    }
    let title = cx.optional(&obj, "title", Cx::text);
    let lang = cx.optional(&obj, "lang", |cx, v| cx.one_of(v, &Lang::ALL, Lang::code));
    let theme = cx.optional(&obj, "theme", |cx, v| cx.one_of(v, &Theme::ALL, Theme::name));
    let autoplay = cx.optional(&obj, "autoplay", autoplay);
    let looping = cx.optional(&obj, "loop", boolean);
    let slides = cx.required(&obj, "slides", |cx, v| {
        let slides = cx.list(v, |cx, v, _| slide(cx, v))?;
        if slides.is_empty() {
            cx.error(ProblemMessage::NoSlides);
            return None;
        }
        Some(slides)
    });
    Some(Deck {
        version: version?,
        title: title?,
        lang: lang?,
        theme: theme?.unwrap_or_default(),
        autoplay: autoplay?,
        looping: looping?.unwrap_or(false),
        slides: slides?,
    })
}

fn version(cx: &mut Cx, v: &Json<'_>) -> Option<u32> {
    let n = cx.whole(v, i64::MIN, Expected::Integer)?;
    let supported = DECK_VERSION;
    if n > i64::from(supported) {
        cx.error(ProblemMessage::DeckVersionTooNew { got: n.to_string(), supported });
        None
    } else if n < 1 {
        cx.error(ProblemMessage::DeckVersionUnsupported { got: n.to_string(), supported });
        None
    } else {
        Some(supported)
    }
}

fn autoplay(cx: &mut Cx, v: &Json<'_>) -> Option<u32> {
    let n = cx.whole(v, i64::from(MIN_AUTOPLAY_SECONDS), Expected::AutoplaySeconds)?;
    // A day is long enough for any screen; beyond it a typo, not a wish.
    match u32::try_from(n) {
        Ok(n) if n <= 86_400 => Some(n),
        _ => {
            cx.error(ProblemMessage::WrongType { expected: Expected::AutoplaySeconds, got: super::message::Got::of(v) });
            None
        }
    }
}

fn boolean(cx: &mut Cx, v: &Json<'_>) -> Option<bool> {
    match v {
        Json::Bool(b) => Some(*b),
        _ => {
            cx.error(ProblemMessage::WrongType { expected: Expected::Boolean, got: super::message::Got::of(v) });
            None
        }
    }
}

fn slide(cx: &mut Cx, v: &Json<'_>) -> Option<Slide> {
    let obj = cx.object(v, SLIDE_FIELDS)?;
    let feed = cx.required(&obj, "feed", feed_url);
    let view = cx.optional(&obj, "view", |cx, v| cx.one_of(v, &View::ALL, View::name));
    let lang = cx.optional(&obj, "lang", |cx, v| cx.one_of(v, &Lang::ALL, Lang::code));
    let theme = cx.optional(&obj, "theme", |cx, v| cx.one_of(v, &Theme::ALL, Theme::name));
    let title = cx.optional(&obj, "title", Cx::text);
    let note = cx.optional(&obj, "note", Cx::text);
    Some(Slide { feed: feed?, view: view?, lang: lang?, theme: theme?, title: title?, note: note? })
}

/// A feed's address: a relative reference, or an http(s) URL; never a
/// `javascript:`, `data:` or `file:` one.
fn feed_url(cx: &mut Cx, v: &Json<'_>) -> Option<String> {
    let s = cx.str(v)?;
    if s.trim().is_empty() {
        cx.error(ProblemMessage::EmptyFeedUrl);
        return None;
    }
    if let Some(colon) = s.find(':') {
        // A scheme is letters, digits, + - . before the first ':' (RFC 3986); a ':'
        // after a '/', '?' or '#' belongs to a relative path.
        let head = &s[..colon];
        let is_scheme = !head.is_empty() && head.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b));
        let lower = head.to_ascii_lowercase();
        if is_scheme && lower != "http" && lower != "https" {
            cx.error(ProblemMessage::FeedUrlScheme { got: quote(s) });
            return None;
        }
    }
    Some(s.to_owned())
}
