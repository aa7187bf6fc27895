//! The playground: edit a feed, and watch it re-render or list what is wrong.

use std::time::Duration;

use leptos::prelude::*;
use opeka_feed::validate::Problem;
use opeka_feed::{Kind, Lang, View};
use opeka_leptos::OpekaChart;
use opeka_widgets::FeedState;

use crate::samples::{self, Sample};
use crate::{tr, Settings};

/// How long typing must pause before the feed is checked again.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// Below this column width the editor and the chart stack.
const SIDE_BY_SIDE: f64 = 1000.0;

/// The editor, the view select, the chart and the problem list.
#[component]
pub fn Playground(samples: Vec<Sample>) -> impl IntoView {
    let settings = expect_context::<Settings>();
    let lang = settings.lang;
    let picked = RwSignal::new(0usize);
    // What the reader typed, and what the textarea was last given: kept apart so
    // typing never writes the (possibly large) text back into the textarea.
    let text = RwSignal::new(String::new());
    let shown = RwSignal::new(String::new());
    // Once edited, a sample arriving late must not overwrite the reader's text.
    let edited = RwSignal::new(false);
    let state = RwSignal::new(FeedState::Loading);
    // The last text that validated: what the chart draws.
    let valid_text = RwSignal::new(String::new());
    let view = RwSignal::new(None::<View>);
    let errors = RwSignal::new(Vec::<Problem>::new());
    let warnings = RwSignal::new(Vec::<Problem>::new());
    let kind = Memo::new(move |_| match state.get() {
        FeedState::Ready(feed) => Some(feed.kind()),
        _ => None,
    });

    let check_now = move || {
        let (found_errors, found_warnings) = match samples::check(text.get_untracked().as_bytes()) {
            Ok((feed, found_warnings)) => {
                // A view of another kind would be ignored; fall back to the feed's own.
                if view.get_untracked().is_some_and(|v| !feed.kind().views().contains(&v)) {
                    view.set(None);
                }
                state.set(FeedState::Ready(feed));
                valid_text.set(text.get_untracked());
                (Vec::new(), found_warnings)
            }
            Err(problems) => problems.into_iter().partition(Problem::is_error),
        };
        errors.set(found_errors);
        warnings.set(found_warnings);
    };

    let sample_list = samples.clone();
    Effect::new(move |_| {
        let sample = sample_list[picked.get()];
        if let Some(loaded) = sample.text.get() {
            if !edited.get_untracked() {
                text.set(loaded.clone());
                shown.set(loaded);
                check_now();
            }
        }
    });

    let pending = StoredValue::new(None::<TimeoutHandle>);
    let on_input = move |ev| {
        text.set(event_target_value(&ev));
        edited.set(true);
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        pending.set_value(set_timeout_with_handle(check_now, DEBOUNCE).ok());
    };

    let sample_options = samples
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (state, name) = (s.state, s.name);
            view! {
                <option value=i.to_string() selected=move || picked.get() == i>
                    {move || samples::title_of(&state.get(), name, lang.get())}
                </option>
            }
        })
        .collect_view();
    let view_options = move || {
        kind.get().map(|kind: Kind| {
            kind.views()
                .iter()
                .map(|&v| view! { <option value=v.name() selected=move || view.get() == Some(v)>{v.name()}</option> })
                .collect_view()
        })
    };

    let wide = move || settings.room.get() >= SIDE_BY_SIDE;
    let width = move || {
        let room = settings.room.get();
        format!("{}px", settings.chart_width_in(if wide() { (room - 24.0) / 2.0 } else { room }))
    };
    let invalid = move || errors.with(|e| !e.is_empty());

    view! {
        <section id="playground" class="feed-section playground">
            <h2>{move || tr(lang.get(), "Песочница", "Playground")}</h2>
            <p>{move || tr(
                lang.get(),
                "Измените ленту: график перерисуется, а если в ней ошибка — появится список того, что и где не так.",
                "Edit the feed: the chart re-renders, or a list says what is wrong and where.",
            )}</p>
            <div class="playground-grid" class:wide=wide>
                <div class="editor">
                    <div class="editor-controls">
                        <label>
                            {move || tr(lang.get(), "Образец", "Sample")}
                            <select id="pg-sample" on:change=move |ev| {
                                if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                                    edited.set(false);
                                    picked.set(i);
                                }
                            }>{sample_options}</select>
                        </label>
                        <label>
                            {move || tr(lang.get(), "Вид", "View")}
                            <select id="pg-view" on:change=move |ev| view.set(View::parse(&event_target_value(&ev)))>
                                <option value="" selected=move || view.get().is_none()>
                                    {move || tr(lang.get(), "как в ленте", "as the feed says")}
                                </option>
                                {view_options}
                            </select>
                        </label>
                    </div>
                    <label class="visually-hidden" for="pg-text">{move || tr(lang.get(), "Лента (JSON)", "Feed (JSON)")}</label>
                    <textarea id="pg-text" spellcheck="false" autocomplete="off" rows="24" prop:value=move || shown.get() on:input=on_input></textarea>
                </div>
                <div class="result">
                    <p class="verdict" class:bad=invalid role="status">
                        {move || verdict(lang.get(), errors.with(Vec::len), warnings.with(Vec::len))}
                    </p>
                    <ProblemList problems=errors tone="errors" />
                    <ProblemList problems=warnings tone="warnings" />
                    <div class="card playground-chart" hidden=invalid>
                        <div style:width=width>
                            <OpekaChart feed=valid_text view lang theme=settings.theme />
                        </div>
                    </div>
                </div>
            </div>
        </section>
    }
}

/// One line on the state of a feed: valid, or how many errors and warnings.
pub(crate) fn verdict(lang: Lang, errors: usize, warnings: usize) -> String {
    match (errors, warnings) {
        (0, 0) => tr(lang, "Лента верна.", "The feed is valid.").to_owned(),
        (0, w) => format!("{} {w}", tr(lang, "Лента верна. Предупреждений:", "The feed is valid. Warnings:")),
        (e, w) => format!("{} {e}. {} {w}", tr(lang, "Ошибок:", "Errors:"), tr(lang, "Предупреждений:", "Warnings:")),
    }
}

/// Every problem as `path: message`, in the UI language.
#[component]
pub fn ProblemList(problems: RwSignal<Vec<Problem>>, tone: &'static str) -> impl IntoView {
    let lang = expect_context::<Settings>().lang;
    view! {
        <ul class=format!("problems {tone}") hidden=move || problems.with(Vec::is_empty)>
            {move || {
                let lang = lang.get();
                problems.with(|list| {
                    list.iter()
                        .map(|p| view! { <li><code>{p.path.clone()}</code>": "{p.message(lang)}</li> })
                        .collect_view()
                })
            }}
        </ul>
    }
}
