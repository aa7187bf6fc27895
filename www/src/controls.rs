//! The header's controls: language, theme and width preset.

use leptos::prelude::*;
use opeka_chart::Theme;
use opeka_feed::Lang;

use crate::{tr, Settings};

/// How wide the gallery lays charts out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WidthPreset {
    /// A phone.
    W320,
    /// A CMS column.
    W640,
    /// A wide article.
    W960,
    /// The whole content column.
    Full,
}

impl WidthPreset {
    /// Every preset, narrowest first.
    pub const ALL: [WidthPreset; 4] = [WidthPreset::W320, WidthPreset::W640, WidthPreset::W960, WidthPreset::Full];

    /// The width in CSS pixels; `None` for the whole column.
    pub fn pixels(self) -> Option<f64> {
        match self {
            WidthPreset::W320 => Some(320.0),
            WidthPreset::W640 => Some(640.0),
            WidthPreset::W960 => Some(960.0),
            WidthPreset::Full => None,
        }
    }

    fn value(self) -> &'static str {
        match self {
            WidthPreset::W320 => "320",
            WidthPreset::W640 => "640",
            WidthPreset::W960 => "960",
            WidthPreset::Full => "full",
        }
    }

    fn label(self, lang: Lang) -> &'static str {
        match self {
            WidthPreset::Full => tr(lang, "во всю ширину", "full"),
            other => other.value(),
        }
    }
}

/// A theme's name in the UI language.
pub fn theme_label(theme: Theme, lang: Lang) -> &'static str {
    match theme {
        Theme::Light => tr(lang, "светлая", "light"),
        Theme::Dark => tr(lang, "тёмная", "dark"),
        Theme::Contrast => tr(lang, "контрастная", "contrast"),
    }
}

/// Each language is named in itself, so a reader finds theirs in either UI.
fn lang_label(lang: Lang, _ui: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Русский",
        Lang::En => "English",
    }
}

/// The three radio groups of the header.
#[component]
pub fn Controls() -> impl IntoView {
    let settings = expect_context::<Settings>();
    let lang = settings.lang;
    view! {
        <form class="controls" on:submit=|ev| ev.prevent_default()>
            {radio_group("lang", lang, move || tr(lang.get(), "Язык", "Language"), &Lang::ALL, Lang::code, lang_label, settings.lang)}
            {radio_group("theme", lang, move || tr(lang.get(), "Тема", "Theme"), &Theme::ALL, Theme::name, theme_label, settings.theme)}
            {radio_group(
                "width",
                lang,
                move || tr(lang.get(), "Ширина, px", "Width, px"),
                &WidthPreset::ALL,
                WidthPreset::value,
                WidthPreset::label,
                settings.width,
            )}
        </form>
    }
}

/// A fieldset of radio buttons bound to `selected`.
fn radio_group<T>(
    name: &'static str,
    lang: RwSignal<Lang>,
    legend: impl Fn() -> &'static str + Send + Sync + 'static,
    options: &'static [T],
    value: fn(T) -> &'static str,
    label: fn(T, Lang) -> &'static str,
    selected: RwSignal<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let buttons = options
        .iter()
        .map(|&option| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=name
                        value=value(option)
                        prop:checked=move || selected.get() == option
                        on:change=move |_| selected.set(option)
                    />
                    <span>{move || label(option, lang.get())}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {buttons}
        </fieldset>
    }
}
