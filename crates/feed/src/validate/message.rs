//! What can be wrong with a feed, written in Russian and English.
//!
//! The words are the `words` feature. The embed bundle leaves it out: its
//! page has a feed's problems worded by the worker's module, which has
//! them, and only when a feed has problems (docs/size.md, "Problems worded
//! on demand"). Without the feature a problem keeps its words only when
//! the page itself makes it (a body too large, an HTML page) or was handed
//! them ([`ProblemMessage::Worded`]).

use crate::locale::format_number;
#[cfg(feature = "words")]
use crate::locale::join;
use crate::{Granularity, Lang};

use super::json::Json;
use super::path::quote;

/// What a value was expected to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A JSON object.
    Object,
    /// A JSON array.
    Array,
    /// A JSON string.
    String,
    /// Any finite number.
    Number,
    /// A number ≥ 0 (counts).
    NonNegative,
    /// An integer.
    Integer,
    /// An integer ≥ 0.
    WholeNonNegative,
    /// An integer ≥ 1.
    WholeAtLeastOne,
    /// A string or an object of translations.
    Text,
    /// A Unit: a string, a list of forms, or an object of either by language.
    Unit,
    /// One language's unit: a string or a list of forms.
    Forms,
    /// `true` or `false`.
    Boolean,
    /// A deck's `autoplay`: whole seconds, at least 5.
    AutoplaySeconds,
}

#[cfg(feature = "words")]
impl Expected {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::Object, Lang::En) => "an object",
            (Expected::Object, Lang::Ru) => "объект",
            (Expected::Array, Lang::En) => "an array",
            (Expected::Array, Lang::Ru) => "массив",
            (Expected::String, Lang::En) => "a string",
            (Expected::String, Lang::Ru) => "строка",
            (Expected::Number, Lang::En) => "a number",
            (Expected::Number, Lang::Ru) => "число",
            (Expected::NonNegative, Lang::En) => "a number ≥ 0",
            (Expected::NonNegative, Lang::Ru) => "число ≥ 0",
            (Expected::Integer, Lang::En) => "a whole number",
            (Expected::Integer, Lang::Ru) => "целое число",
            (Expected::WholeNonNegative, Lang::En) => "a whole number ≥ 0",
            (Expected::WholeNonNegative, Lang::Ru) => "целое число ≥ 0",
            (Expected::WholeAtLeastOne, Lang::En) => "a whole number ≥ 1",
            (Expected::WholeAtLeastOne, Lang::Ru) => "целое число ≥ 1",
            (Expected::Text, Lang::En) => "a string or an object of translations",
            (Expected::Text, Lang::Ru) => "строка или объект переводов",
            (Expected::Unit, Lang::En) => "a string, a list of forms or an object of them by language",
            (Expected::Unit, Lang::Ru) => "строка, список форм или объект из них по языкам",
            (Expected::Forms, Lang::En) => "a string or a list of forms",
            (Expected::Forms, Lang::Ru) => "строка или список форм",
            (Expected::Boolean, Lang::En) => "true or false",
            (Expected::Boolean, Lang::Ru) => "true или false",
            (Expected::AutoplaySeconds, Lang::En) => "a whole number of seconds, at least 5",
            (Expected::AutoplaySeconds, Lang::Ru) => "целое число секунд, не меньше 5",
        }
    }
}

/// What a value actually was, for "got …" in a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Got {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as it reads.
    Number(String),
    /// A string, already quoted and cut.
    Str(String),
    /// An array.
    Array,
    /// An object.
    Object,
}

impl Got {
    pub(crate) fn of(value: &Json<'_>) -> Got {
        match value {
            Json::Null => Got::Null,
            Json::Bool(b) => Got::Bool(*b),
            Json::Int(i) => Got::Number(i.to_string()),
            Json::UInt(u) => Got::Number(u.to_string()),
            Json::Float(f) => {
                // As `to_string()` writes it, without linking core's float printer.
                let mut text = String::new();
                crate::locale::write_shortest(&mut text, *f);
                Got::Number(text)
            }
            Json::Str(s) => Got::Str(quote(s)),
            Json::Arr(_) => Got::Array,
            Json::Obj(_) => Got::Object,
        }
    }

    #[cfg(feature = "words")]
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Got::Null, _) => "null".into(),
            (Got::Bool(b), _) => b.to_string(),
            (Got::Number(n), _) => n.clone(),
            (Got::Str(s), Lang::En) => format!("the string {s}"),
            (Got::Str(s), Lang::Ru) => format!("строка {s}"),
            (Got::Array, Lang::En) => "an array".into(),
            (Got::Array, Lang::Ru) => "массив".into(),
            (Got::Object, Lang::En) => "an object".into(),
            (Got::Object, Lang::Ru) => "объект".into(),
        }
    }
}

/// Which kind of entry repeats another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repeated {
    /// Same period, unit and category.
    PeriodUnitCategory,
}

/// One thing wrong with a feed; [`ProblemMessage::text`] words it.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(feature = "words"), allow(dead_code, reason = "without words only the tests and Debug read the fields"))]
#[allow(missing_docs, reason = "the fields are named for what they hold; each variant's doc says what is wrong")]
pub enum ProblemMessage {
    /// The input is larger than [`super::Options::max_bytes`]; not parsed.
    TooLarge { size: usize, limit: usize },
    /// Arrays and objects nest deeper than [`super::Options::max_depth`].
    TooDeep { limit: usize },
    /// Not JSON; the parser's own explanation is kept (in English).
    Syntax { line: usize, column: usize, detail: super::SyntaxDetail },
    /// A number too large to be finite.
    NotFinite { line: usize, column: usize },
    /// A required field is absent.
    Missing,
    /// A value of the wrong JSON type or range.
    WrongType { expected: Expected, got: Got },
    /// A string outside an enumeration.
    NotOneOf { got: String, allowed: Vec<&'static str> },
    /// A reference to an id not declared in `list`.
    Undeclared { id: String, list: &'static str },
    /// An id used before, at `earlier`.
    DuplicateId { id: String, earlier: String },
    /// An entry repeating the one at `earlier`.
    Duplicate { earlier: String, what: Repeated },
    /// A period unlike the feed's first.
    MixedGranularity { got: String, granularity: Granularity, first: Granularity, first_path: String },
    /// Not a period, or an impossible one.
    BadPeriod { got: String },
    /// Not a date, or an impossible one.
    BadDate { got: String },
    /// Neither an RFC 3339 date-time nor a date.
    BadUpdated { got: String },
    /// An outcomes indicator with no baseline, target or actual.
    NoObservation,
    /// A format version this validator does not know yet.
    VersionTooNew { got: String, supported: u32 },
    /// A format version that never existed (0 or below).
    VersionUnsupported { got: String, supported: u32 },
    /// An id not matching `[a-z0-9-]{1,64}`.
    BadId { got: String },
    /// An awards feed with no grants, recipients or contests.
    NoAwardsData,
    /// A translation object with no translations.
    EmptyTranslations,
    /// A source URL that is not http/https (a warning: shown unlinked).
    NotLinkUrl { got: String },
    /// A `view` the feed's kind does not have.
    ViewNotOfKind { got: String, kind: &'static str, allowed: Vec<&'static str> },
    /// A field this format does not define (a warning).
    UnknownField,
    /// A key given twice in one object.
    DuplicateKey,
    /// A unit's list of forms of the wrong length for `lang`.
    UnitFormCount { lang: Lang, got: usize },
    /// A unit's list of forms, in a language without a known rule, that is empty.
    UnitNoForms,
    /// A unit given as one string in `lang` (a warning: used as given for every number).
    UnitOneForm { lang: Lang },
    /// An HTML page where a feed was expected (a captive portal, a server's error page).
    HtmlPage,
    /// A deck's format version this validator does not know yet.
    DeckVersionTooNew { got: String, supported: u32 },
    /// A deck's format version that never existed (0 or below).
    DeckVersionUnsupported { got: String, supported: u32 },
    /// A deck without slides.
    NoSlides,
    /// A slide's `feed` that is an empty string.
    EmptyFeedUrl,
    /// A slide's `feed` whose scheme is not http or https (`javascript:`, `data:`, `file:`).
    FeedUrlScheme { got: String },
    /// A feed document where a deck was expected (it has `opeka`, not `opeka-deck`).
    FeedNotDeck,
    /// A problem worded elsewhere in both languages: one the widget's
    /// worker found (it validates big feeds off the page's main thread and
    /// posts each problem's path and texts back).
    Worded { ru: String, en: String },
}

#[cfg(feature = "words")]
fn granularity_name(g: Granularity, lang: Lang) -> &'static str {
    match (g, lang) {
        (Granularity::Year, Lang::En) => "year",
        (Granularity::Quarter, Lang::En) => "quarter",
        (Granularity::Month, Lang::En) => "month",
        (Granularity::Day, Lang::En) => "day",
        (Granularity::Year, Lang::Ru) => "год",
        (Granularity::Quarter, Lang::Ru) => "квартал",
        (Granularity::Month, Lang::Ru) => "месяц",
        (Granularity::Day, Lang::Ru) => "день",
    }
}

/// `"…", "…", "…"`: one placeholder per plural form of `lang`.
#[cfg(feature = "words")]
fn placeholders(lang: Lang) -> String {
    join(&vec!["\"…\""; super::cx::plural_forms(lang)], ", ")
}

impl ProblemMessage {
    /// The message in `lang`, without the path.
    pub fn text(&self, lang: Lang) -> String {
        use ProblemMessage as M;
        let ru = lang == Lang::Ru;
        match self {
            M::Worded { ru: text, .. } if ru => text.clone(),
            M::Worded { en, .. } => en.clone(),
            // The two the page finds itself, before any validation
            // (crates/widgets/src/fetch.rs), keep their words in every build.
            M::TooLarge { size, limit } => {
                // Sizes in bytes with their digit groups: no noun after
                // them, whose form would depend on the size's last digits.
                let (size, limit) = (format_number(*size as f64, 0, lang), format_number(*limit as f64, 0, lang));
                if ru {
                    format!("размер фида в байтах — {size}, больше предела в {limit}; не разбирался")
                } else {
                    format!("the feed's size in bytes is {size}, more than the limit of {limit}; not parsed")
                }
            }
            M::HtmlPage if ru => "это не лента данных, а HTML-страница".into(),
            M::HtmlPage => "this is an HTML page, not a feed".into(),
            #[cfg(feature = "words")]
            _ => self.validator_text(lang),
            // Only when the worker's module, which words the rest, could not load.
            #[cfg(not(feature = "words"))]
            _ if ru => "ошибка (её описание не загрузилось)".into(),
            #[cfg(not(feature = "words"))]
            _ => "problem (its description did not load)".into(),
        }
    }

    /// The validator's own problems in `lang`.
    #[cfg(feature = "words")]
    fn validator_text(&self, lang: Lang) -> String {
        use ProblemMessage as M;
        let ru = lang == Lang::Ru;
        match self {
            // Worded by `text` in every build.
            M::Worded { .. } | M::TooLarge { .. } | M::HtmlPage => String::new(),
            M::TooDeep { limit } if ru => format!("массивы и объекты вложены глубже {limit} уровней"),
            M::TooDeep { limit } => format!("arrays and objects are nested deeper than {limit} levels"),
            M::Syntax { line, column, detail } if ru => {
                format!("ошибка синтаксиса JSON в строке {line}, столбце {column}: {}", detail.text())
            }
            M::Syntax { line, column, detail } => {
                format!("not valid JSON at line {line}, column {column}: {}", detail.text())
            }
            M::NotFinite { line, column } if ru => {
                format!("число в строке {line}, столбце {column} слишком велико (не конечно)")
            }
            M::NotFinite { line, column } => {
                format!("number at line {line}, column {column} is too large to be finite")
            }
            M::Missing if ru => "обязательное поле отсутствует".into(),
            M::Missing => "required field is missing".into(),
            M::WrongType { expected, got } if ru => {
                format!("ожидается {}, получено: {}", expected.text(lang), got.text(lang))
            }
            M::WrongType { expected, got } => format!("must be {}, got {}", expected.text(lang), got.text(lang)),
            M::NotOneOf { got, allowed } if ru => {
                format!("{got} — недопустимое значение; допустимы: {}", join(allowed, ", "))
            }
            M::NotOneOf { got, allowed } => format!("{got} is not one of: {}", join(allowed, ", ")),
            M::Undeclared { id, list } if ru => format!("{id} не объявлен в {list}"),
            M::Undeclared { id, list } => format!("{id} is not declared in {list}"),
            M::DuplicateId { id, earlier } if ru => format!("id {id} уже использован в {earlier}"),
            M::DuplicateId { id, earlier } => format!("duplicate id {id}, first used at {earlier}"),
            M::Duplicate { earlier, what: Repeated::PeriodUnitCategory } if ru => {
                format!("повторяет {earlier} (тот же период, территория и категория)")
            }
            M::Duplicate { earlier, what: Repeated::PeriodUnitCategory } => {
                format!("duplicate of {earlier} (same period, unit and category)")
            }
            M::MixedGranularity { got, granularity, first, first_path } if ru => format!(
                "период {got} — {}, а первый период фида ({first_path}) — {}; все периоды должны быть одного вида",
                granularity_name(*granularity, lang),
                granularity_name(*first, lang)
            ),
            M::MixedGranularity { got, granularity, first, first_path } => format!(
                "period {got} is a {}, but the feed's first period ({first_path}) is a {}; all periods must be alike",
                granularity_name(*granularity, lang),
                granularity_name(*first, lang)
            ),
            M::BadPeriod { got } if ru => {
                format!("{got} — не период: нужен ГГГГ, ГГГГ-Qn, ГГГГ-ММ или ГГГГ-ММ-ДД с существующими кварталом, месяцем и днём")
            }
            M::BadPeriod { got } => {
                format!("{got} is not a period: expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD with a real quarter, month and day")
            }
            M::BadDate { got } if ru => format!("{got} — не дата: нужен существующий день в виде ГГГГ-ММ-ДД"),
            M::BadDate { got } => format!("{got} is not a date: expected a real day as YYYY-MM-DD"),
            M::BadUpdated { got } if ru => format!("{got} — не дата-время RFC 3339 и не дата ГГГГ-ММ-ДД"),
            M::BadUpdated { got } => format!("{got} is neither an RFC 3339 date-time nor a YYYY-MM-DD date"),
            M::NoObservation if ru => "у показателя нет ни baseline, ни target, ни actual".into(),
            M::NoObservation => "indicator has none of baseline, target, actual".into(),
            M::VersionTooNew { got, supported } if ru => {
                format!("версия формата {got} новее поддерживаемой версии {supported}; обновите Opeka")
            }
            M::VersionTooNew { got, supported } => {
                format!("format version {got} is newer than the supported version {supported}; update Opeka")
            }
            M::VersionUnsupported { got, supported } if ru => {
                format!("версии формата {got} не существует; поддерживается версия {supported}")
            }
            M::VersionUnsupported { got, supported } => {
                format!("format version {got} does not exist; the supported version is {supported}")
            }
            M::BadId { got } if ru => format!("{got} — недопустимый id: от 1 до 64 символов a-z, 0-9 и -"),
            M::BadId { got } => format!("{got} is not a valid id: 1 to 64 characters a-z, 0-9 and -"),
            M::NoAwardsData if ru => "в фиде наград нужен хотя бы один из списков grants, recipients, contests".into(),
            M::NoAwardsData => "an awards feed needs at least one of grants, recipients, contests".into(),
            M::EmptyTranslations if ru => "объект переводов пуст: нужен хотя бы один язык".into(),
            M::EmptyTranslations => "translation object is empty: at least one language is needed".into(),
            M::NotLinkUrl { got } if ru => format!("{got} — не адрес http или https; показывается как текст, без ссылки"),
            M::NotLinkUrl { got } => format!("{got} is not an http or https URL; shown as plain text, not linked"),
            M::ViewNotOfKind { got, kind, allowed } if ru => {
                format!("вида {got} нет у фидов {kind}; допустимы: {}", join(allowed, ", "))
            }
            M::ViewNotOfKind { got, kind, allowed } => {
                format!("{got} is not a view of {kind} feeds; allowed: {}", join(allowed, ", "))
            }
            M::UnknownField if ru => "неизвестное поле, пропущено".into(),
            M::UnknownField => "unknown field, ignored".into(),
            M::DuplicateKey if ru => "ключ повторяется в одном объекте".into(),
            M::DuplicateKey => "key given more than once in one object".into(),
            M::UnitFormCount { lang: Lang::Ru, got } if ru => format!(
                "для русского слова нужны 3 формы (одна, несколько, много), например [\"семья\", \"семьи\", \"семей\"]; получено: {got}"
            ),
            M::UnitFormCount { lang: Lang::Ru, got } => format!(
                "a Russian word takes 3 forms (one, few, many), as [\"семья\", \"семьи\", \"семей\"]; got {got}"
            ),
            M::UnitFormCount { lang: Lang::En, got } if ru => format!(
                "для английского слова нужны 2 формы (единственное и множественное число), например [\"family\", \"families\"]; получено: {got}"
            ),
            M::UnitFormCount { lang: Lang::En, got } => format!(
                "an English word takes 2 forms (singular, plural), as [\"family\", \"families\"]; got {got}"
            ),
            M::UnitNoForms if ru => "список форм пуст: нужна хотя бы одна".into(),
            M::UnitNoForms => "the list of forms is empty: give at least one".into(),
            M::UnitOneForm { lang } if ru => {
                format!("указана одна форма; укажите [{}], чтобы слово согласовалось с числами", placeholders(*lang))
            }
            M::UnitOneForm { lang } => format!("one form given; give [{}] so that numbers agree", placeholders(*lang)),
            M::DeckVersionTooNew { got, supported } if ru => {
                format!("версия формата презентации {got} новее поддерживаемой версии {supported}; обновите Opeka")
            }
            M::DeckVersionTooNew { got, supported } => {
                format!("deck format version {got} is newer than the supported version {supported}; update Opeka")
            }
            M::DeckVersionUnsupported { got, supported } if ru => {
                format!("версии формата презентации {got} не существует; поддерживается версия {supported}")
            }
            M::DeckVersionUnsupported { got, supported } => {
                format!("deck format version {got} does not exist; the supported version is {supported}")
            }
            M::NoSlides if ru => "в презентации нет слайдов: нужен хотя бы один".into(),
            M::NoSlides => "the deck has no slides: give at least one".into(),
            M::EmptyFeedUrl if ru => "адрес фида пуст: укажите путь к фиду относительно файла презентации".into(),
            M::EmptyFeedUrl => "the feed's address is empty: give the feed's path relative to the deck file".into(),
            M::FeedUrlScheme { got } if ru => {
                format!("{got} — не адрес фида: нужен путь относительно файла презентации или адрес http(s)")
            }
            M::FeedUrlScheme { got } => {
                format!("{got} is not a feed address: give a path relative to the deck file or an http(s) URL")
            }
            M::FeedNotDeck if ru => "это фид, а не презентация: в презентации есть поле \"opeka-deck\" и список slides".into(),
            M::FeedNotDeck => "this is a feed, not a deck: a deck has \"opeka-deck\" and a list of slides".into(),
        }
    }
}
