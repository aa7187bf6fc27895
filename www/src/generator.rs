//! «Код для вставки»: the embed-code generator. A feed comes in by URL or
//! as a file, is checked (every problem by its path, in the page's
//! language), previewed in every view of its kind at three widths and in
//! each theme, and goes out as a script or iframe snippet, or as the
//! checked file. All in the browser; nothing from a feed is inserted as HTML.

use leptos::prelude::*;
use leptos::task::spawn_local;
use opeka_chart::Theme;
use opeka_feed::validate::Problem;
use opeka_feed::{Kind, Lang, View};
use opeka_leptos::OpekaChart;
use opeka_widgets::fetch::{self, Reuse};
use opeka_widgets::Failure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::playground::{verdict, ProblemList};
use crate::samples::Snippet;
use crate::{samples, tr, Settings};

/// The widths a web editor's page is likely to give a chart.
const PREVIEW_WIDTHS: [u32; 3] = [320, 640, 960];
/// Heights the element accepts (others it ignores with a warning).
const HEIGHT_RANGE: std::ops::RangeInclusive<u32> = 120..=4000;

/// Where the feed being checked came from.
#[derive(Clone, Debug, PartialEq)]
enum Input {
    /// Nothing yet.
    None,
    /// Fetching this URL.
    Fetching(String),
    /// Read from this URL.
    Url(String),
    /// Read from a file of this name.
    File(String),
    /// Could not be read: the message in both languages.
    Unreadable(String, String),
}

/// The generator's section.
#[component]
pub fn Generator() -> impl IntoView {
    let settings = expect_context::<Settings>();
    let lang = settings.lang;
    let address = RwSignal::new(String::new());
    let input = RwSignal::new(Input::None);
    // The checked text: what the previews draw and the download holds.
    let checked = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<Kind>);
    let title = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<Problem>::new());
    let warnings = RwSignal::new(Vec::<Problem>::new());
    // The snippet's choices.
    let out_view = RwSignal::new(None::<View>);
    let out_lang = RwSignal::new(None::<Lang>);
    let out_theme = RwSignal::new(None::<Theme>);
    let out_height = RwSignal::new(String::new());
    let out_refresh = RwSignal::new(String::new());
    let out_src = RwSignal::new(String::new());

    let check = move |text: String, from: Input| {
        let src = match &from {
            Input::Url(url) => url.clone(),
            Input::File(name) => format!("/feeds/{name}"),
            _ => String::new(),
        };
        out_src.set(src);
        input.set(from);
        match samples::check(text.as_bytes()) {
            Ok((feed, found_warnings)) => {
                if out_view.get_untracked().is_some_and(|v| !feed.kind().views().contains(&v)) {
                    out_view.set(None);
                }
                kind.set(Some(feed.kind()));
                title.set(feed.text(&feed.title, Lang::Ru).to_owned());
                errors.set(Vec::new());
                warnings.set(found_warnings);
                checked.set(text);
            }
            Err(problems) => {
                let (found_errors, found_warnings): (Vec<_>, Vec<_>) = problems.into_iter().partition(Problem::is_error);
                kind.set(None);
                errors.set(found_errors);
                warnings.set(found_warnings);
                checked.set(String::new());
            }
        }
    };

    let fetch_url = move || {
        let url = address.get_untracked().trim().to_owned();
        if url.is_empty() {
            return;
        }
        input.set(Input::Fetching(url.clone()));
        spawn_local(async move {
            let Ok(controller) = web_sys::AbortController::new() else { return };
            // Never the cached bytes: the editor wants the feed as it is now.
            match fetch::fetch_bytes(&url, &controller.signal(), Reuse::Never).await {
                Ok(bytes) => check(String::from_utf8_lossy(&bytes).into_owned(), Input::Url(url)),
                Err(failure) => {
                    let (ru, en) = unreadable(&failure);
                    kind.set(None);
                    errors.set(Vec::new());
                    warnings.set(Vec::new());
                    checked.set(String::new());
                    input.set(Input::Unreadable(ru, en));
                }
            }
        });
    };

    let read_file = move |file: web_sys::File| {
        let name = file.name();
        spawn_local(async move {
            match JsFuture::from(file.text()).await.ok().and_then(|text| text.as_string()) {
                Some(text) => check(text, Input::File(name)),
                None => input.set(Input::Unreadable(format!("Файл {name} не читается."), format!("The file {name} cannot be read."))),
            }
        });
    };
    let on_file = move |ev: web_sys::Event| {
        let chosen = event_target::<web_sys::HtmlInputElement>(&ev).files().and_then(|files| files.get(0));
        if let Some(file) = chosen {
            read_file(file);
        }
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|files| files.get(0)) {
            read_file(file);
        }
    };

    let valid = move || kind.get().is_some() && !checked.with(String::is_empty);
    let height = move || out_height.with(|h| h.trim().parse::<u32>().ok().filter(|px| HEIGHT_RANGE.contains(px)));
    let refresh = move || out_refresh.with(|r| r.trim().parse::<u32>().ok().filter(|s| *s > 0).map(|s| s.max(10)));
    let attributes = move || {
        let mut pairs = vec![("src", out_src.get())];
        if let Some(view) = out_view.get() {
            pairs.push(("view", view.name().to_owned()));
        }
        if let Some(lang) = out_lang.get() {
            pairs.push(("lang", lang.code().to_owned()));
        }
        if let Some(theme) = out_theme.get() {
            pairs.push(("theme", theme.name().to_owned()));
        }
        if let Some(px) = height() {
            pairs.push(("height", px.to_string()));
        }
        if let Some(seconds) = refresh() {
            pairs.push(("refresh", seconds.to_string()));
        }
        pairs
    };
    let script_snippet = Signal::derive(move || {
        let mut tag = String::from("<opeka-chart");
        for (name, value) in attributes() {
            tag.push_str(&format!(" {name}=\"{}\"", escape_attribute(&value)));
        }
        tag.push_str("></opeka-chart>");
        format!("<script type=\"module\" src=\"/opeka/opeka.js\"></script>\n{tag}")
    });
    let iframe_snippet = Signal::derive(move || {
        let query: Vec<String> = attributes()
            .into_iter()
            .map(|(name, value)| format!("{name}={}", String::from(js_sys::encode_uri_component(&value))))
            .collect();
        let frame_title = title.get();
        format!(
            "<iframe src=\"/opeka/embed.html?{}\" title=\"{}\" style=\"width:100%;border:0\"></iframe>",
            escape_attribute(&query.join("&")),
            escape_attribute(if frame_title.is_empty() { "Opeka" } else { &frame_title })
        )
    });

    let download = move |_| {
        let name = match input.get_untracked() {
            Input::File(name) => name,
            Input::Url(url) => url.rsplit('/').next().filter(|n| n.ends_with(".json")).unwrap_or("feed.json").to_owned(),
            _ => "feed.json".to_owned(),
        };
        if let Err(error) = save(&checked.get_untracked(), &name) {
            web_sys::console::error_2(&"could not save the feed:".into(), &error);
        }
    };

    let status = move || {
        let lang = lang.get();
        match input.get() {
            Input::None => String::new(),
            Input::Fetching(url) => format!("{} {url}…", tr(lang, "Загружаем", "Fetching")),
            Input::Unreadable(ru, en) => match lang {
                Lang::Ru => ru,
                Lang::En => en,
            },
            Input::Url(_) | Input::File(_) => verdict(lang, errors.with(Vec::len), warnings.with(Vec::len)),
        }
    };
    let bad = move || matches!(input.get(), Input::Unreadable(..)) || errors.with(|e| !e.is_empty());

    let view_options = move || {
        kind.get().map(|kind| {
            kind.views()
                .iter()
                .map(|&v| view! { <option value=v.name() selected=move || out_view.get() == Some(v)>{v.name()}</option> })
                .collect_view()
        })
    };
    let previews = move || {
        kind.get().map(|kind| {
            kind.views()
                .iter()
                .map(|&v| {
                    let rows = Theme::ALL
                        .iter()
                        .map(|&theme| {
                            let cells = PREVIEW_WIDTHS
                                .iter()
                                .map(|&width| {
                                    view! {
                                        <figure class="gen-cell" data-width=width>
                                            <figcaption>{format!("{width} px")}</figcaption>
                                            <div style:width=format!("{width}px")>
                                                <OpekaChart feed=checked view=v theme lang />
                                            </div>
                                        </figure>
                                    }
                                })
                                .collect_view();
                            view! {
                                <div class="gen-theme" data-theme=theme.name()>
                                    <h4>{move || crate::controls::theme_label(theme, lang.get())}</h4>
                                    <div class="gen-row">{cells}</div>
                                </div>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="gen-view" data-view=v.name()>
                            <h3>{v.name()}</h3>
                            {rows}
                        </section>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <section id="generator" class="feed-section generator">
            <h2>{move || tr(lang.get(), "Код для вставки", "Embed code")}</h2>
            <p>{move || tr(
                lang.get(),
                "Укажите адрес ленты или выберите файл: генератор проверит ленту, покажет все её виды и даст код для страницы. Всё происходит в браузере.",
                "Give a feed's address or pick a file: the generator checks the feed, shows all its views and gives the code for your page. It all happens in the browser.",
            )}</p>
            <div class="gen-inputs">
                <form class="gen-url" on:submit=move |ev| {
                    ev.prevent_default();
                    fetch_url();
                }>
                    <label for="gen-url">{move || tr(lang.get(), "Адрес ленты", "Feed address")}</label>
                    <div class="gen-url-row">
                        <input id="gen-url" type="text" inputmode="url" autocomplete="off" spellcheck="false" placeholder="/feeds/kuzbass-caseload.json"
                            prop:value=move || address.get() on:input=move |ev| address.set(event_target_value(&ev)) />
                        <button type="submit" class="copy">{move || tr(lang.get(), "Проверить", "Check")}</button>
                    </div>
                </form>
                <div class="gen-drop" class:dragging=move || dragging.get()
                    on:dragover=move |ev: web_sys::DragEvent| {
                        ev.prevent_default();
                        dragging.set(true);
                    }
                    on:dragleave=move |_| dragging.set(false)
                    on:drop=on_drop>
                    <label for="gen-file">{move || tr(lang.get(), "…или перетащите сюда файл JSON, или откройте его:", "…or drop a JSON file here, or open one:")}</label>
                    <input id="gen-file" type="file" accept=".json,application/json" on:change=on_file />
                </div>
            </div>
            <p class="verdict" class:bad=bad role="status" id="gen-status">{status}</p>
            <ProblemList problems=errors tone="errors" />
            <ProblemList problems=warnings tone="warnings" />
            <div class="gen-result" hidden=move || !valid()>
                <h3>{move || tr(lang.get(), "Просмотр", "Preview")}</h3>
                <div class="gen-previews">{previews}</div>
                <h3 id="gen-options-anchor">{move || tr(lang.get(), "Код", "Code")}</h3>
                <form class="gen-options editor-controls" on:submit=|ev| ev.prevent_default()>
                    <label>
                        {move || tr(lang.get(), "Адрес ленты на вашем сайте", "Feed address on your site")}
                        <input id="gen-src" type="text" prop:value=move || out_src.get() on:input=move |ev| out_src.set(event_target_value(&ev)) />
                    </label>
                    <label>
                        {move || tr(lang.get(), "Вид", "View")}
                        <select id="gen-view" on:change=move |ev| out_view.set(View::parse(&event_target_value(&ev)))>
                            <option value="" selected=move || out_view.get().is_none()>{move || tr(lang.get(), "как в ленте", "as the feed says")}</option>
                            {view_options}
                        </select>
                    </label>
                    <label>
                        {move || tr(lang.get(), "Язык", "Language")}
                        <select id="gen-lang" on:change=move |ev| out_lang.set(Lang::parse(&event_target_value(&ev)))>
                            <option value="">{move || tr(lang.get(), "как на странице", "as the page says")}</option>
                            <option value="ru">"Русский"</option>
                            <option value="en">"English"</option>
                        </select>
                    </label>
                    <label>
                        {move || tr(lang.get(), "Тема", "Theme")}
                        <select id="gen-theme" on:change=move |ev| out_theme.set(Theme::parse(&event_target_value(&ev)))>
                            <option value="">{move || tr(lang.get(), "как у читателя (auto)", "the reader's (auto)")}</option>
                            {Theme::ALL.map(|t| view! { <option value=t.name()>{move || crate::controls::theme_label(t, lang.get())}</option> })}
                        </select>
                    </label>
                    <label>
                        {move || tr(lang.get(), "Высота, px (120–4000)", "Height, px (120–4000)")}
                        <input id="gen-height" type="number" min="120" max="4000" step="1" prop:value=move || out_height.get()
                            on:input=move |ev| out_height.set(event_target_value(&ev)) />
                    </label>
                    <label>
                        {move || tr(lang.get(), "Обновлять раз в, с (0 — никогда, от 10)", "Refresh every, s (0 = never, 10 or more)")}
                        <input id="gen-refresh" type="number" min="0" step="1" prop:value=move || out_refresh.get()
                            on:input=move |ev| out_refresh.set(event_target_value(&ev)) />
                    </label>
                </form>
                <Snippet id="gen-script" label=("Скриптом", "As a script") code=script_snippet />
                <Snippet id="gen-iframe" label=("Через iframe (если CMS убирает скрипты)", "As an iframe (where the CMS strips scripts)") code=iframe_snippet />
                <p>
                    <button type="button" class="copy" id="gen-download" on:click=download>
                        {move || tr(lang.get(), "Скачать проверенную ленту", "Download the checked feed")}
                    </button>
                </p>
            </div>
        </section>
    }
}

/// Why a URL could not be read, in Russian and in English.
fn unreadable(failure: &Failure) -> (String, String) {
    match failure {
        Failure::Network { url, status: Some(status), .. } => (
            format!("Лента по адресу {url} не загрузилась: сервер ответил {status}."),
            format!("The feed at {url} did not load: the server answered {status}."),
        ),
        Failure::Network { url, .. } => (
            format!("Лента по адресу {url} не загрузилась: нет связи или сайт не разрешает чтение (CORS)."),
            format!("The feed at {url} did not load: no connection, or the site does not allow reading it (CORS)."),
        ),
        _ => ("Ленту не удалось прочитать.".to_owned(), "The feed could not be read.".to_owned()),
    }
}

/// `value` safe inside a double-quoted HTML attribute.
fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Offers `text` as a download named `name`.
fn save(text: &str, name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked later: the download reads the URL after the click returns.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(10));
    Ok(())
}
