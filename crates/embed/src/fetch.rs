//! Fetching a feed's bytes.

use js_sys::Uint8Array;
use opeka_widgets::Failure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestInit, Response};

/// Fetches `url` (resolved against the page) and returns its body.
/// `signal` cancels the request when the widget goes away.
pub async fn fetch_feed(url: &str, signal: &AbortSignal) -> Result<Vec<u8>, Failure> {
    let network = |status: Option<u16>, detail: String| Failure::Network { url: url.to_owned(), status, detail };
    let window = web_sys::window().ok_or_else(|| network(None, "no window".into()))?;
    let init = RequestInit::new();
    init.set_signal(Some(signal));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|error| network(None, describe(&error)))?;
    let response: Response = response.dyn_into().map_err(|_| network(None, "not a response".into()))?;
    if !response.ok() {
        return Err(network(Some(response.status()), response.status_text()));
    }
    let body = response.array_buffer().map_err(|error| network(None, describe(&error)))?;
    let body = JsFuture::from(body).await.map_err(|error| network(None, describe(&error)))?;
    Ok(Uint8Array::new(&body).to_vec())
}

/// A browser error as a line of text.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "network error".to_owned())
}
