//! `FeedChart`: one feed drawn as one chart, with its loading and error states.

use std::sync::Arc;

use leptos::prelude::*;
use opeka_chart::{Chart, ChartRequest, Theme};
use opeka_feed::locale::Msg;
use opeka_feed::{Lang, View};

use crate::measure::CanvasMeasure;
use crate::state::{Failure, FeedState};
use crate::svg_mount::mount_svg;

/// The narrowest width a chart is laid out for; narrower boxes scroll.
const MIN_WIDTH: f64 = 240.0;

/// What was drawn, reported to the host after every render.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderedChart {
    /// The view drawn.
    pub view: View,
    /// Width in CSS pixels.
    pub width: f64,
    /// Height in CSS pixels.
    pub height: f64,
}

/// A chart of one feed, following its inputs reactively.
///
/// `width` is the box's width in CSS pixels (the host measures it); `height`
/// overrides the view's default height.
#[component]
pub fn FeedChart(
    /// The feed, or why there is none.
    #[prop(into)]
    state: Signal<FeedState>,
    /// The view asked for; `None` uses the feed's own choice.
    #[prop(into)]
    view: Signal<Option<View>>,
    /// The viewer's language.
    #[prop(into)]
    lang: Signal<Lang>,
    /// The colour theme.
    #[prop(into)]
    theme: Signal<Theme>,
    /// The width to lay out for.
    #[prop(into)]
    width: Signal<f64>,
    /// A fixed height, else the view's default.
    #[prop(into, optional)]
    height: Signal<Option<f64>>,
    /// Called after each render.
    #[prop(optional)]
    on_rendered: Option<UnsyncCallback<RenderedChart>>,
    /// Called when the viewer asks to try a failed fetch again.
    #[prop(optional)]
    on_retry: Option<UnsyncCallback<()>>,
) -> impl IntoView {
    let svg_box = NodeRef::<leptos::html::Div>::new();
    let chart = RwSignal::new(None::<Arc<Chart>>);
    // One measurer per widget, so its width cache outlives a single render;
    // replaced only when the host changes the widget's font.
    let measurer = StoredValue::new_local(None::<CanvasMeasure>);

    Effect::new(move |_| {
        let FeedState::Ready(feed) = state.get() else {
            chart.set(None);
            return;
        };
        let Some(container) = svg_box.get() else { return };
        let request = ChartRequest {
            view: view.get(),
            width: width.get().max(MIN_WIDTH).floor(),
            height: height.get(),
            theme: theme.get(),
            lang: lang.get(),
        };
        let family = font_family_of(&container);
        let drawn = measurer.try_update_value(|slot| {
            if slot.as_ref().is_none_or(|m| m.family() != family) {
                *slot = Some(CanvasMeasure::new(&family));
            }
            slot.as_ref().map(|measure| opeka_chart::render(&feed, &request, measure))
        });
        let Some(Some(drawn)) = drawn else { return };
        if let Err(error) = mount_svg(&container, &drawn.svg) {
            leptos::logging::error!("opeka: could not show the chart: {error:?}");
            return;
        }
        let report = RenderedChart { view: drawn.view, width: drawn.width, height: drawn.height };
        chart.set(Some(Arc::new(drawn)));
        if let Some(on_rendered) = on_rendered {
            on_rendered.run(report);
        }
    });

    let is_loading = move || matches!(state.get(), FeedState::Loading);
    let failure = move || match state.get() {
        FeedState::Failed(failure) => Some(failure),
        _ => None,
    };
    let skeleton_height = move || {
        let width = width.get().max(MIN_WIDTH);
        let view = view.get().unwrap_or(View::Trend);
        format!("{}px", height.get().unwrap_or_else(|| opeka_chart::default_height(view, width)))
    };

    view! {
        <div class="opeka" data-theme=move || theme.get().name() lang=move || lang.get().code()>
            <div class="opeka-skeleton" aria-busy="true" hidden=move || !is_loading() style:height=skeleton_height>
                <span class="opeka-visually-hidden">{move || Msg::Loading.text(lang.get())}</span>
            </div>
            <figure class="opeka-figure" hidden=move || chart.with(Option::is_none)>
                <div
                    class="opeka-svg"
                    role="img"
                    node_ref=svg_box
                    aria-label=move || chart.with(|c| c.as_ref().map(|c| c.summary.clone()).unwrap_or_default())
                ></div>
                <details class="opeka-table">
                    <summary>{move || Msg::DataTable.text(lang.get())}</summary>
                    {move || chart.get().map(|c| data_table(&c))}
                </details>
            </figure>
            {move || failure().map(|failure| failure_box(&failure, lang.get(), on_retry))}
        </div>
    }
}

/// The computed font family of the chart's box: what the browser will draw
/// the SVG's text in (the host may set it through `--opeka-font`).
fn font_family_of(element: &web_sys::HtmlDivElement) -> String {
    let fallback = "\"PT Sans\", Arial, sans-serif".to_owned();
    web_sys::window()
        .and_then(|w| w.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value("font-family").ok())
        .filter(|family| !family.trim().is_empty())
        .unwrap_or(fallback)
}

/// The chart's data as an accessible table.
fn data_table(chart: &Chart) -> impl IntoView + use<> {
    let table = &chart.table;
    let header = table.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    if i == 0 {
                        view! { <th scope="row">{cell.clone()}</th> }.into_any()
                    } else {
                        view! { <td>{cell.clone()}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table>
            <caption>{table.caption.clone()}</caption>
            <thead><tr>{header}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// The box shown instead of a chart.
fn failure_box(failure: &Failure, lang: Lang, on_retry: Option<UnsyncCallback<()>>) -> impl IntoView + use<> {
    let (headline, details): (String, Vec<String>) = match failure {
        Failure::Network { status, url, detail } => {
            // The HTTP status is written as such: the page author looks it up.
            let failed = Msg::NetworkError { status: None }.text(lang);
            let headline = match status {
                Some(code) => format!("{failed} (HTTP {code})."),
                None => format!("{failed}."),
            };
            (headline, vec![format!("{url}: {detail}")])
        }
        Failure::Invalid { problems } => {
            (format!("{}.", Msg::FeedInvalid.text(lang)), problems.iter().map(|p| p.to_string_in(lang)).collect())
        }
        Failure::NoFeed => (format!("{}.", Msg::NoFeed.text(lang)), Vec::new()),
    };
    let retry = (failure.is_retryable() && on_retry.is_some()).then(|| {
        view! {
            <button type="button" class="opeka-retry" on:click=move |_| {
                if let Some(retry) = on_retry {
                    retry.run(());
                }
            }>{Msg::Retry.text(lang)}</button>
        }
    });
    let details = (!details.is_empty()).then(|| {
        view! {
            <details class="opeka-details">
                <summary>{Msg::DetailsForAuthor.text(lang)}</summary>
                <ul>{details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
            </details>
        }
    });
    view! {
        <div class="opeka-error" role="alert">
            <p>{headline}</p>
            {retry}
            {details}
        </div>
    }
}
