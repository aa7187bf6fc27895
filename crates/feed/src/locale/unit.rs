//! A number with a word after it, the word in the form that agrees with the
//! number: the feed's units ([`crate::UnitWord`]) and the widgets' own nouns
//! ([`super::Noun`]) share these rules and the no-break space between.

use super::number::{written, Digits, NumberStyle, NBSP, NO_NUMBER};
use crate::{Format, Lang, UnitWord};

/// Which of `count` forms agrees with a number written as `digits` (`None`:
/// a scale word or a sign stands between, so the many-form). `rule` is the
/// language of the word; `None` for a language Opeka has no rule for, whose
/// last form (CLDR's "other") is used for every number.
pub(crate) fn form_index(count: usize, rule: Option<Lang>, digits: Option<&Digits>) -> usize {
    let many = count.saturating_sub(1);
    match (rule, count, digits) {
        (Some(Lang::Ru), 3, Some(d)) => d.ru_index(),
        (Some(Lang::En), 2, Some(d)) if d.is_one() => 0,
        _ => many,
    }
}

/// `number`, a no-break space and `word`; the number alone when the word is
/// empty. The one place a number is joined to its unit, so that a line never
/// breaks between them.
pub fn join_unit(mut number: String, word: &str) -> String {
    if !word.is_empty() {
        number.push(NBSP);
        number.push_str(word);
    }
    number
}

impl UnitWord {
    /// The forms a viewer reading `lang` gets, with the fallback of
    /// [`crate::Text::get`] (`lang`, else the feed locale, else the first
    /// entry), and the language whose plural rule they follow.
    fn pick(&self, lang: Lang, feed_locale: Lang) -> (Option<Lang>, &[String]) {
        match self {
            UnitWord::Plain(forms) => (Some(feed_locale), forms),
            UnitWord::Translations(all) => {
                let find = |l: Lang| all.iter().find(|(code, _)| Lang::parse(code) == Some(l));
                find(lang)
                    .or_else(|| find(feed_locale))
                    .or_else(|| all.first())
                    .map_or((None, &[][..]), |(code, forms)| (Lang::parse(code), forms.as_slice()))
            }
        }
    }

    /// The form that agrees with a number written as `digits` (`None`: the many-form).
    fn agreeing(&self, digits: Option<&Digits>, lang: Lang, feed_locale: Lang) -> &str {
        let (rule, forms) = self.pick(lang, feed_locale);
        forms.get(form_index(forms.len(), rule, digits)).map_or("", String::as_str)
    }

    /// The form for headings, axis titles and table headers, where no number
    /// stands before it («Получатели услуг, человек»): Russian many-form,
    /// English plural; a single given form as it is.
    pub fn heading(&self, lang: Lang, feed_locale: Lang) -> &str {
        self.agreeing(None, lang, feed_locale)
    }

    /// The form that agrees with `value` written as `format` in `style`
    /// (`человека` for 25 433, `семей` for 1,5 млн); the many-form for a
    /// value that is not finite.
    pub fn form(&self, value: f64, format: Format, style: NumberStyle, lang: Lang, feed_locale: Lang) -> &str {
        let written = written(value, format, style, lang);
        self.agreeing(written.as_ref().and_then(|w| w.agrees_with.as_ref()), lang, feed_locale)
    }
}

/// `value` written as `format` in `style` with the form of `unit` that agrees
/// with it, joined by a no-break space (`25 433 человека`); the body of
/// [`crate::Feed::value_with_unit`], for callers that hold the feed's locale.
pub fn value_with_unit(value: f64, format: Format, style: NumberStyle, unit: Option<&UnitWord>, lang: Lang, feed_locale: Lang) -> String {
    let Some(w) = written(value, format, style, lang) else {
        // No number, nothing for a word to agree with.
        return NO_NUMBER.to_owned();
    };
    match unit {
        Some(unit) => {
            let word = unit.agreeing(w.agrees_with.as_ref(), lang, feed_locale);
            join_unit(w.text, word)
        }
        None => w.text,
    }
}
