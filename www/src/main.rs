//! The Opeka gallery: every widget on every sample feed with its embed code,
//! a playground that validates an edited feed as it is typed, and the
//! embed-code generator. Charts are opeka-leptos' public `OpekaChart`.
//!
//! Everything a feed says reaches the DOM as text nodes; nothing is ever
//! inserted as HTML.

mod controls;
mod generator;
mod playground;
mod samples;

use leptos::prelude::*;
use opeka_chart::Theme;
use opeka_feed::Lang;

use controls::{Controls, WidthPreset};

/// Room a card takes around its chart: padding and border on both sides.
pub const CARD_CHROME: f64 = 34.0;

/// The gallery's own text in `lang` (feeds bring their own translations).
pub fn tr(lang: Lang, ru: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ru => ru,
        Lang::En => en,
    }
}

/// The header's choices and the measured page width, shared by every chart.
#[derive(Clone, Copy)]
pub struct Settings {
    /// The UI and chart language.
    pub lang: RwSignal<Lang>,
    /// The chart theme (the page follows it too).
    pub theme: RwSignal<Theme>,
    /// The width preset of the cards.
    pub width: RwSignal<WidthPreset>,
    /// The width of the content column in CSS pixels, measured on resize.
    pub room: RwSignal<f64>,
}

impl Settings {
    /// The width a chart is laid out for in a column `column` pixels wide:
    /// the preset, but never wider than the column, so phones never scroll.
    pub fn chart_width_in(self, column: f64) -> f64 {
        let fits = (column - CARD_CHROME).max(0.0);
        match self.width.get().pixels() {
            Some(preset) => preset.min(fits),
            None => fits,
        }
    }
}

/// Pages in `examples/` and the iframe page, linked from the gallery.
const EXAMPLES: [(&str, &str, &str); 3] = [
    ("/examples/ministry-page.html", "Новостная страница министерства (встраивание скриптом)", "A ministry news page (script embed)"),
    (
        "/opeka/embed.html?src=/feeds/kuzbass-caseload.json&view=trend",
        "Страница для iframe (встраивание через iframe)",
        "The iframe page (iframe embed)",
    ),
    (
        "/opeka/deck.html?src=/examples/decks/ceremony.json",
        "Страница презентации (для iframe и экранов)",
        "The deck page (for iframes and screens)",
    ),
];

/// The sample deck the «Презентация» section plays: Kuzbass's Day of the Social Worker 2018.
const SAMPLE_DECK: &str = "/examples/decks/ceremony.json";

/// «Презентация»: the sample deck in `<opeka-deck>`. Its module is added
/// with the section, so the rest of the gallery never loads the deck code.
#[component]
fn DeckSection() -> impl IntoView {
    let lang = expect_context::<Settings>().lang;
    // A script made by the DOM runs (one parsed into Leptos's templates would not).
    Effect::new(move |_| {
        let document = document();
        if document.query_selector("script[data-opeka-deck]").ok().flatten().is_some() {
            return;
        }
        if let Ok(script) = document.create_element("script") {
            let _ = script.set_attribute("type", "module");
            let _ = script.set_attribute("src", "/opeka/opeka-deck.js");
            let _ = script.set_attribute("data-opeka-deck", "");
            if let Some(head) = document.head() {
                let _ = head.append_child(&script);
            }
        }
    });
    view! {
        <section id="deck" class="feed-section deck-section">
            <h2>{move || tr(lang.get(), "Презентация", "Presentation")}</h2>
            <p>{move || tr(
                lang.get(),
                "День социального работника — 2018 в Кузбассе: слайды сменяются сами; стрелки, PageUp/PageDown, пробел, цифры и жест листают, клавиша F раскрывает на весь экран.",
                "Kuzbass's Day of the Social Worker 2018: the slides change by themselves; arrows, PageUp/PageDown, Space, digits and a swipe turn them, the F key makes it full screen.",
            )}</p>
            <opeka-deck src=SAMPLE_DECK lang=move || lang.get().code()></opeka-deck>
        </section>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    // dist/opeka is served beside this page (index.html copies it): its
    // worker takes the feeds of 1 MB and more that the generator is given.
    opeka_leptos::use_worker_url("opeka/opeka-worker-host.js");
    mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let settings = Settings {
        lang: RwSignal::new(Lang::Ru),
        theme: RwSignal::new(Theme::Light),
        width: RwSignal::new(WidthPreset::W640),
        room: RwSignal::new(960.0),
    };
    provide_context(settings);
    let lang = settings.lang;
    let samples = samples::load_all();

    // Screen readers and hyphenation follow <html lang>.
    Effect::new(move |_| {
        let code = lang.get().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
        document().set_title(tr(lang.get(), "Опека — галерея виджетов", "Opeka — widget gallery"));
    });

    let column = NodeRef::<leptos::html::Div>::new();
    let measure = move || {
        if let Some(column) = column.get_untracked() {
            settings.room.set(f64::from(column.client_width()));
        }
    };
    Effect::new(move |_| {
        if column.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let toc = samples
        .iter()
        .map(|s| {
            let state = s.state;
            let name = s.name;
            view! { <li><a href=format!("#feed-{name}")>{move || samples::title_of(&state.get(), name, lang.get())}</a></li> }
        })
        .collect_view();
    let sections = samples.iter().map(|&sample| view! { <samples::SampleSection sample /> }).collect_view();
    let examples =
        EXAMPLES.map(|(href, ru, en)| view! { <li><a href=href>{move || tr(lang.get(), ru, en)}</a></li> }).into_iter().collect_view();

    view! {
        <div class="gallery" data-theme=move || settings.theme.get().name()>
            <header class="masthead">
                <div class="masthead-text">
                    <h1>{move || tr(lang.get(), "Опека — галерея виджетов", "Opeka — widget gallery")}</h1>
                    <p>{move || tr(
                        lang.get(),
                        "Опека — библиотека аналитических виджетов на Rust и WebAssembly: органы соцзащиты вставляют две строки в свою страницу и получают график по ленте данных.",
                        "Opeka is a Rust/WebAssembly library of analytics widgets: a social-protection agency pastes two lines into its page and gets a chart of a data feed.",
                    )}</p>
                </div>
                <Controls />
            </header>
            <main class="content">
                <div class="measure" node_ref=column></div>
                <nav class="toc" aria-label=move || tr(lang.get(), "Содержание", "Contents")>
                    <ul>
                        {toc}
                        <li><a href="#deck">{move || tr(lang.get(), "Презентация", "Presentation")}</a></li>
                        <li><a href="#playground">{move || tr(lang.get(), "Песочница", "Playground")}</a></li>
                        <li><a href="#generator">{move || tr(lang.get(), "Код для вставки", "Embed code")}</a></li>
                        <li><a href="#examples">{move || tr(lang.get(), "Примеры страниц", "Example pages")}</a></li>
                    </ul>
                </nav>
                {sections}
                <DeckSection />
                <playground::Playground samples=samples.clone() />
                <generator::Generator />
                <section id="examples" class="feed-section">
                    <h2>{move || tr(lang.get(), "Примеры страниц", "Example pages")}</h2>
                    <ul class="examples">{examples}</ul>
                </section>
            </main>
        </div>
    }
}
