//! Leptos components over the chart core.
