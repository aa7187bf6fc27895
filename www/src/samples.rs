//! The sample feeds: fetched at startup, each drawn in every view of its kind
//! with the embed code for that view.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use opeka_feed::validate::{validate, Options, Problem};
use opeka_feed::{Kind, Lang, ValidFeed, View};
use opeka_leptos::OpekaChart;
use opeka_widgets::fetch::{self, Reuse};
use opeka_widgets::{Failure, FeedState};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::{tr, Settings};

/// The sample feeds in `feeds/`, served at `/feeds/NAME.json`.
pub const SAMPLES: [&str; 5] = [
    "kuzbass-caseload",
    "kuzbass-accident-families",
    "kuzbass-social-worker-day-2018",
    "kuzbass-council-projects-2024",
    "vyksa-orphanhood-prevention",
];

/// One sample feed: its text as fetched and its validated state.
#[derive(Clone, Copy)]
pub struct Sample {
    /// The file name without `.json`.
    pub name: &'static str,
    /// The feed's text once fetched (the playground starts from it).
    pub text: RwSignal<Option<String>>,
    /// What the widgets draw.
    pub state: RwSignal<FeedState>,
}

/// Starts fetching every sample; the signals fill in as the answers arrive.
pub fn load_all() -> Vec<Sample> {
    SAMPLES
        .iter()
        .map(|&name| {
            let sample = Sample { name, text: RwSignal::new(None), state: RwSignal::new(FeedState::Loading) };
            load(sample);
            sample
        })
        .collect()
}

/// The URL a sample is served at (also the `src` of its embed code).
pub fn url(name: &str) -> String {
    format!("/feeds/{name}.json")
}

fn load(sample: Sample) {
    sample.state.set(FeedState::Loading);
    spawn_local(async move {
        let address = url(sample.name);
        match fetch_bytes(&address).await {
            Ok(bytes) => {
                sample.text.set(Some(String::from_utf8_lossy(&bytes).into_owned()));
                sample.state.set(match check(&bytes) {
                    Ok((feed, _warnings)) => FeedState::Ready(feed),
                    Err(problems) => FeedState::Failed(Arc::new(Failure::Invalid { problems, omitted: Default::default() })),
                });
            }
            Err(failure) => sample.state.set(FeedState::Failed(Arc::new(failure))),
        }
    });
}

/// Validates feed bytes: the feed and its warnings, or every problem.
pub fn check(bytes: &[u8]) -> Result<(Arc<ValidFeed>, Vec<Problem>), Vec<Problem>> {
    match validate(bytes, &Options::default()) {
        Ok(checked) => Ok((Arc::new(checked.feed), checked.warnings)),
        Err(rejected) => Err(rejected.problems),
    }
}

/// The feed's title in `lang`, or the file name until it is loaded.
pub fn title_of(state: &FeedState, name: &str, lang: Lang) -> String {
    match state {
        FeedState::Ready(feed) => feed.text(&feed.title, lang).to_owned(),
        _ => name.to_owned(),
    }
}

/// The sample's bytes through the widgets' shared fetch, so the gallery's
/// own read and the charts of a sample make one request.
async fn fetch_bytes(address: &str) -> Result<std::rc::Rc<[u8]>, Failure> {
    let controller = web_sys::AbortController::new().map_err(|_| Failure::Network {
        url: address.to_owned(),
        status: None,
        detail: "no AbortController".to_owned(),
    })?;
    fetch::fetch_bytes(address, &controller.signal(), Reuse::Any).await
}

/// A sample's section: its title and a card for every view of its kind.
#[component]
pub fn SampleSection(sample: Sample) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let lang = settings.lang;
    let state = sample.state;
    // Cards are rebuilt only when the kind is known or changes, not on every signal.
    let kind = Memo::new(move |_| match state.get() {
        FeedState::Ready(feed) => Some(feed.kind()),
        _ => None,
    });
    let failed = move || matches!(state.get(), FeedState::Failed(_));
    // The widget retries by itself; once it draws, the gallery reads the
    // sample again (from the shared cache) to list its views.
    let drawn = move |_| {
        if !matches!(state.get_untracked(), FeedState::Ready(_)) {
            load(sample);
        }
    };
    let cards = move || kind.get().map(|kind: Kind| kind.views().iter().map(|&view| view! { <Card sample view /> }).collect_view());
    view! {
        <section class="feed-section" id=format!("feed-{}", sample.name) data-feed=sample.name>
            <h2>{move || title_of(&state.get(), sample.name, lang.get())}</h2>
            <p class="feed-meta">
                <code>{url(sample.name)}</code>
                {move || kind.get().map(|k| format!(" · {} ", tr(lang.get(), "тип", "kind")) + k.name())}
            </p>
            // Loading and failures are shown by the widget itself, once per feed.
            <Show when=move || kind.get().is_none()>
                <div class="card" class:card-failed=failed>
                    <OpekaChart src=url(sample.name) lang theme=settings.theme on_rendered=drawn />
                </div>
            </Show>
            <div class="cards">{cards}</div>
        </section>
    }
}

/// One view of one sample: heading, widget (with its data table) and embed code.
#[component]
fn Card(sample: Sample, view: View) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let width = Signal::derive(move || settings.chart_width_in(settings.room.get()));
    // Fixed presets size the card to its chart; "full" spans the column.
    let card_width = move || match settings.width.get().pixels() {
        Some(_) => format!("{}px", width.get() + crate::CARD_CHROME),
        None => "100%".to_owned(),
    };
    view! {
        <article class="card" data-view=view.name() style:width=card_width>
            <h3>{view.name()}</h3>
            <div style:width=move || format!("{}px", width.get())>
                <OpekaChart src=url(sample.name) view lang=settings.lang theme=settings.theme />
            </div>
            <EmbedCode name=sample.name view />
        </article>
    }
}

/// The two lines a web editor pastes, with a Copy button.
#[component]
fn EmbedCode(name: &'static str, view: View) -> impl IntoView {
    let code = format!(
        "<script type=\"module\" src=\"/opeka/opeka.js\"></script>\n<opeka-chart src=\"{}\" view=\"{}\"></opeka-chart>",
        url(name),
        view.name()
    );
    view! { <Snippet label=("Код для вставки", "Embed code") code=Signal::stored(code) /> }
}

/// A snippet in a `<pre>` (as text) with its Copy button.
#[component]
pub(crate) fn Snippet(
    /// The element's id, for links and tests.
    #[prop(optional)]
    id: Option<&'static str>,
    /// The heading, in Russian and English.
    label: (&'static str, &'static str),
    /// The code to show and copy.
    code: Signal<String>,
) -> impl IntoView {
    let lang = expect_context::<Settings>().lang;
    let status = RwSignal::new(None::<Copied>);
    let pre = NodeRef::<leptos::html::Pre>::new();
    let copy = move |_| {
        let text = code.get_untracked();
        spawn_local(async move {
            let copied = copy_text(&text).await;
            if copied == Copied::Selected {
                // Without a clipboard, select the code so Ctrl+C copies it.
                if let (Some(pre), Some(selection)) = (pre.get_untracked(), window().get_selection().ok().flatten()) {
                    let _ = selection.select_all_children(&pre);
                }
            }
            status.set(Some(copied));
        });
    };
    view! {
        <div class="embed" id=id>
            <div class="embed-head">
                <span class="embed-label">{move || tr(lang.get(), label.0, label.1)}</span>
                <button type="button" class="copy" on:click=copy>{move || tr(lang.get(), "Копировать", "Copy")}</button>
                <span class="copy-status" role="status">
                    {move || status.get().map(|s| match s {
                        Copied::Copied => tr(lang.get(), "Скопировано", "Copied"),
                        Copied::Selected => tr(lang.get(), "Выделено — нажмите Ctrl+C", "Selected — press Ctrl+C"),
                    })}
                </span>
            </div>
            <pre node_ref=pre><code>{move || code.get()}</code></pre>
        </div>
    }
}

/// What the Copy button managed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copied {
    /// The code is on the clipboard.
    Copied,
    /// No clipboard (plain http, permission refused): the code is selected instead.
    Selected,
}

/// Puts `text` on the clipboard, where the page may.
async fn copy_text(text: &str) -> Copied {
    // `navigator.clipboard` is undefined outside secure contexts; calling it
    // through web-sys would throw, so look it up first.
    let clipboard =
        js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("clipboard")).ok().filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else { return Copied::Selected };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    match JsFuture::from(clipboard.write_text(text)).await {
        Ok(_) => Copied::Copied,
        Err(_) => Copied::Selected,
    }
}
