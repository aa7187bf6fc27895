//! The smallest app: one chart of a feed served beside the page, redrawn in
//! another view by a button. Build it for the browser with
//! `cargo build --example basic --target wasm32-unknown-unknown` (a full
//! Trunk app is in the repository's `examples/leptos-app`).

use leptos::prelude::*;
use opeka_leptos::{ChartError, Lang, OpekaChart, View};

fn main() {
    mount_to_body(|| {
        let view = RwSignal::new(View::Trend);
        let flip = move |_| view.update(|v| *v = if *v == View::Trend { View::Ranking } else { View::Trend });
        view! {
            <button on:click=flip>"Trend / ranking"</button>
            <OpekaChart
                src="/feeds/kuzbass-caseload.json"
                view=view
                lang=Lang::Ru
                on_error=move |error: ChartError| leptos::logging::warn!("{}: {}", error.kind, error.message)
            />
        }
    });
}
