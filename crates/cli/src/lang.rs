//! The language of the command's own output.

use opeka_feed::Lang;

/// `--lang` if given, else `LANG` when it names Russian or English, else Russian.
pub fn resolve(flag: Option<LangArg>) -> Lang {
    match flag {
        Some(LangArg::Ru) => Lang::Ru,
        Some(LangArg::En) => Lang::En,
        None => from_env(std::env::var("LANG").ok().as_deref()),
    }
}

/// The language a `LANG` value such as `en_GB.UTF-8` names; Russian otherwise.
pub fn from_env(lang_var: Option<&str>) -> Lang {
    lang_var.and_then(|v| v.split('.').next()).and_then(Lang::parse).unwrap_or(Lang::Ru)
}

/// The values of `--lang`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// Russian.
    Ru,
    /// English.
    En,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_from_environment() {
        assert_eq!(from_env(Some("en_GB.UTF-8")), Lang::En);
        assert_eq!(from_env(Some("ru_RU.UTF-8")), Lang::Ru);
        assert_eq!(from_env(Some("C.UTF-8")), Lang::Ru);
        assert_eq!(from_env(Some("de_DE")), Lang::Ru);
        assert_eq!(from_env(None), Lang::Ru);
    }
}
