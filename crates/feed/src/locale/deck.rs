//! The texts of the browser's deck (`<opeka-deck>`, `deck.html`), in
//! Russian and English.
//!
//! Apart from [`super::Msg`] because only the deck's own small wasm module
//! writes them: a variant of `Msg` would be linked into every page's chart
//! module, which must not grow for a deck (docs/size.md).

use super::number::format_number;
use super::plural::{count_noun, plural_ru, Noun};
use crate::Lang;

/// A text the deck writes itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeckMsg {
    /// The deck as a whole, for screen readers: `Презентация`.
    Deck,
    /// The counter, for screen readers: `Слайд 3 из 12`.
    SlideOf {
        /// The slide on show, from 1.
        number: usize,
        /// The slides in the deck.
        total: usize,
    },
    /// The counter as shown: `3 / 12`.
    Counter {
        /// The slide on show, from 1.
        number: usize,
        /// The slides in the deck.
        total: usize,
    },
    /// The button to the previous slide.
    Previous,
    /// The button to the next slide.
    Next,
    /// The slides change by themselves every `seconds` seconds.
    Autoplay(u32),
    /// Autoplay stopped by a touch or a key; it resumes after a minute without one.
    Paused,
    /// The button that shows the deck on the whole screen.
    FullScreen,
    /// The same button while the deck is on the whole screen.
    ExitFullScreen,
    /// The deck file could not be fetched; `status` is the HTTP status when there was one.
    DeckNotLoaded {
        /// HTTP status of the failed response (0: none).
        status: u16,
    },
    /// The deck file breaks the format; `errors` problems refuse it.
    DeckInvalid(usize),
    /// The deck has neither a `src` nor `<opeka-chart>` children.
    NoSlides,
}

impl DeckMsg {
    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let ru = lang == Lang::Ru;
        let pick = |ru_text: &str, en_text: &str| if ru { ru_text } else { en_text }.to_owned();
        match *self {
            DeckMsg::Deck => pick("Презентация", "Presentation"),
            DeckMsg::SlideOf { number, total } => {
                let (number, total) = (format_number(number as f64, 0, lang), format_number(total as f64, 0, lang));
                if ru {
                    format!("Слайд {number} из {total}")
                } else {
                    format!("Slide {number} of {total}")
                }
            }
            DeckMsg::Counter { number, total } => {
                format!("{} / {}", format_number(number as f64, 0, lang), format_number(total as f64, 0, lang))
            }
            DeckMsg::Previous => pick("Предыдущий слайд", "Previous slide"),
            DeckMsg::Next => pick("Следующий слайд", "Next slide"),
            DeckMsg::Autoplay(seconds) => {
                let n = f64::from(seconds);
                let count = format_number(n, 0, lang);
                if ru {
                    // «каждую 21 секунду», «каждые 2 секунды», «каждые 5 секунд».
                    let every = plural_ru(n, ["каждую", "каждые", "каждые"]);
                    let noun = plural_ru(n, ["секунду", "секунды", "секунд"]);
                    format!("Слайды сменяются {every} {count}\u{a0}{noun}")
                } else {
                    let noun = if seconds == 1 { "second" } else { "seconds" };
                    format!("Slides change every {count}\u{a0}{noun}")
                }
            }
            DeckMsg::Paused => pick(
                "Автопоказ на паузе: продолжится через минуту без касаний",
                "Autoplay paused: it resumes after a minute without a touch",
            ),
            DeckMsg::FullScreen => pick("Во весь экран", "Full screen"),
            DeckMsg::ExitFullScreen => pick("Выйти из полноэкранного режима", "Exit full screen"),
            DeckMsg::DeckNotLoaded { status } => {
                let status = if status == 0 { String::new() } else { format!(" (HTTP {status})") };
                if ru {
                    format!("Не удалось загрузить презентацию{status}")
                } else {
                    format!("The deck could not be loaded{status}")
                }
            }
            DeckMsg::DeckInvalid(errors) => {
                let count = count_noun(errors as f64, Noun::Error, lang);
                if ru {
                    format!("Презентация не прошла проверку ({count})")
                } else {
                    format!("The deck is invalid ({count})")
                }
            }
            DeckMsg::NoSlides => pick(
                "В презентации нет слайдов: укажите src или вложите элементы <opeka-chart>",
                "The deck has no slides: give src or put <opeka-chart> elements inside",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_russian_and_english() {
        assert_eq!(DeckMsg::SlideOf { number: 3, total: 12 }.text(Lang::Ru), "Слайд 3 из 12");
        assert_eq!(DeckMsg::SlideOf { number: 3, total: 12_000 }.text(Lang::Ru), "Слайд 3 из 12\u{a0}000");
        assert_eq!(DeckMsg::SlideOf { number: 3, total: 12_000 }.text(Lang::En), "Slide 3 of 12,000");
        assert_eq!(DeckMsg::Counter { number: 2, total: 12_000 }.text(Lang::Ru), "2 / 12\u{a0}000");
        assert_eq!(DeckMsg::Autoplay(21).text(Lang::Ru), "Слайды сменяются каждую 21\u{a0}секунду");
        assert_eq!(DeckMsg::Autoplay(22).text(Lang::Ru), "Слайды сменяются каждые 22\u{a0}секунды");
        assert_eq!(DeckMsg::Autoplay(20).text(Lang::Ru), "Слайды сменяются каждые 20\u{a0}секунд");
        assert_eq!(DeckMsg::Autoplay(11).text(Lang::Ru), "Слайды сменяются каждые 11\u{a0}секунд");
        assert_eq!(DeckMsg::Autoplay(20).text(Lang::En), "Slides change every 20\u{a0}seconds");
        assert_eq!(DeckMsg::DeckInvalid(1).text(Lang::Ru), "Презентация не прошла проверку (1\u{a0}ошибка)");
        assert_eq!(DeckMsg::DeckInvalid(5).text(Lang::En), "The deck is invalid (5\u{a0}errors)");
        assert_eq!(DeckMsg::DeckNotLoaded { status: 404 }.text(Lang::Ru), "Не удалось загрузить презентацию (HTTP 404)");
        assert_eq!(DeckMsg::DeckNotLoaded { status: 0 }.text(Lang::En), "The deck could not be loaded");
    }
}
