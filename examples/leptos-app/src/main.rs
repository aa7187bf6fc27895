//! Three Opeka charts whose view and language follow two select boxes: a
//! starting point for a Leptos app of your own (`trunk serve`).

use leptos::prelude::*;
use opeka_leptos::{Lang, OpekaChart, View};

/// The views a case-load feed can be drawn in.
const VIEWS: [View; 5] = [View::Trend, View::Ranking, View::Composition, View::PerCapita, View::Tiles];

/// The charts: a heading in each language and a feed beside the app.
const CHARTS: [(&str, &str, &str); 3] = [
    ("feeds/kuzbass-caseload.json", "Получатели социальных услуг", "People receiving social services"),
    ("feeds/kuzbass-accident-families.json", "Семьи пострадавших", "Families of the injured"),
    ("feeds/kuzbass-caseload.json", "Та же лента, высота 300 px", "The same feed, 300 px high"),
];

fn main() {
    console_error_panic_hook::set_once();
    // The app lives as long as the page: keep it mounted.
    mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let view = RwSignal::new(View::Trend);
    let lang = RwSignal::new(Lang::Ru);
    let text = move |ru: &'static str, en: &'static str| move || if lang.get() == Lang::Ru { ru } else { en };

    let charts = CHARTS
        .iter()
        .enumerate()
        .map(|(i, &(src, ru, en))| {
            // The third chart shows a fixed height; the others take the view's own.
            let height = (i == 2).then_some(300_u32);
            view! {
                <article>
                    <h2>{text(ru, en)}</h2>
                    <OpekaChart src=src view=view lang=lang height=height />
                </article>
            }
        })
        .collect_view();

    view! {
        <header>
            <h1>{text("Опека в приложении на Leptos", "Opeka in a Leptos app")}</h1>
            <label>
                {text("Вид", "View")}
                <select id="view" on:change=move |ev| {
                    if let Some(picked) = View::parse(&event_target_value(&ev)) {
                        view.set(picked);
                    }
                }>
                    {VIEWS.map(|v| view! { <option value=v.name() selected=move || view.get() == v>{v.name()}</option> })}
                </select>
            </label>
            <label>
                {text("Язык", "Language")}
                <select id="lang" on:change=move |ev| {
                    if let Some(picked) = Lang::parse(&event_target_value(&ev)) {
                        lang.set(picked);
                    }
                }>
                    <option value="ru">"Русский"</option>
                    <option value="en">"English"</option>
                </select>
            </label>
        </header>
        <main>{charts}</main>
    }
}
