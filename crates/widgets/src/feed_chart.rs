//! `FeedChart`: the Leptos face of [`ChartBox`], for the gallery.

use leptos::prelude::*;
use opeka_chart::Theme;
use opeka_feed::{Lang, View};

use crate::chart_box::{ChartBox, RenderedChart, Settings};
use crate::state::FeedState;

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
    let holder = NodeRef::<leptos::html::Div>::new();
    // Created on the first run, once the holder is in the page; dropped
    // (and so removed) with the component.
    let chart_box = StoredValue::new_local(None::<ChartBox>);

    Effect::new(move |_| {
        let state = state.get();
        let settings = Settings { view: view.get(), lang: lang.get(), theme: theme.get(), width: width.get(), height: height.get() };
        let Some(holder) = holder.get() else { return };
        let drawn = chart_box.try_update_value(|slot| {
            if slot.is_none() {
                *slot = new_box(&holder, on_retry);
            }
            slot.as_mut().and_then(|chart_box| chart_box.show(&state, &settings))
        });
        if let (Some(Some(drawn)), Some(on_rendered)) = (drawn, on_rendered) {
            on_rendered.run(drawn);
        }
    });

    view! { <div node_ref=holder></div> }
}

/// A chart box inside `holder`, or `None` (logged) if the DOM refused.
fn new_box(holder: &web_sys::HtmlDivElement, on_retry: Option<UnsyncCallback<()>>) -> Option<ChartBox> {
    let document = holder.owner_document()?;
    let mut chart_box = match ChartBox::new(&document) {
        Ok(chart_box) => chart_box,
        Err(error) => {
            web_sys::console::error_2(&"opeka: could not create the chart box:".into(), &error);
            return None;
        }
    };
    if let Some(retry) = on_retry {
        chart_box.on_retry(move || retry.run(()));
    }
    holder.replace_children_with_node_1(chart_box.element());
    Some(chart_box)
}
