//! The two languages a widget speaks.

use std::fmt;

/// A language of the widgets and of feed texts. Russian comes first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename_all = "lowercase"))]
pub enum Lang {
    /// Russian, the default.
    #[default]
    Ru,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Russian first.
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];

    /// The language code used in feeds and attributes (`ru`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Parses a language code; accepts region subtags (`ru-RU`, `en-GB`) and any case.
    /// No lowercased copy is made: every text a chart looks up in its
    /// language parses the codes of its translations (a 7.8 MB outcomes
    /// register's drawing spent 9 of its 73 profiled ms here).
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?;
        if primary.eq_ignore_ascii_case("ru") {
            Some(Lang::Ru)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn codes_parse_with_regions_and_in_any_case() {
        for (code, lang) in [
            ("ru", Some(Lang::Ru)),
            (" RU-ru ", Some(Lang::Ru)),
            ("ru_RU", Some(Lang::Ru)),
            ("En-GB", Some(Lang::En)),
            ("EN", Some(Lang::En)),
            ("en-", Some(Lang::En)),
        ] {
            assert_eq!(Lang::parse(code), lang, "{code:?}");
        }
        for code in ["", "-", "r", "rus", "de", "ru!", "\u{0440}u"] {
            assert_eq!(Lang::parse(code), None, "{code:?}");
        }
    }
}
