// The worker's answer as both faces read it: included (`include!`) by
// this crate's `worker` module (the Leptos component) and by
// crates/embed/src/worker.rs (`<opeka-chart>`), each with these names in
// scope: `Array`, `Function`, `Promise`, `Uint8Array`, `JsValue`, `JsFuture`,
// `Omitted`, `Problem`, `ProblemMessage`, `Severity` and `Failure`. One
// function for both, called across the crates, made the element's
// download 35 bytes larger (gzip; the budget had one byte to spare);
// compiled into each crate, the element's module is the same to the byte.

/// What the worker found.
#[allow(clippy::large_enum_variant, reason = "one answer at a time, moved once or twice: a box would be code for nothing")]
pub enum Reduced {
    /// The feed is valid; here is what the view draws, as a smaller feed
    /// packed (`opeka_feed::validate::packed`; `None`: not reduced, the
    /// page validates the body it has), the full feed's warnings as
    /// console lines, and, for a reduction in slices (a big outcomes
    /// feed's, a long roll's: `packed::SLICE_END`), what answers the next slice, in a
    /// task of its own, when called. The packed bytes stay in JavaScript
    /// until the widget has let go of the feed they replace.
    Valid(Option<Uint8Array>, Vec<String>, Option<Function>),
    /// The feed is invalid.
    Invalid(Failure),
}

/// Reads the answer `reduce_feed` or `word_problems` gives
/// (crates/worker-wasm), once `promise` resolves to it; `None` when it
/// rejects.
pub async fn read_answer(promise: JsValue) -> Option<Reduced> {
    let answer: Array = JsFuture::from(Promise::from(promise)).await.ok()?.into();
    let first = answer.get(0);
    if let Some(errors) = first.as_f64() {
        // [errors omitted, warnings omitted, then path, is error, ru, en per problem]
        let omitted = Omitted { errors: errors as usize, warnings: answer.get(1).as_f64()? as usize };
        let mut problems = Vec::new();
        let mut i = 2;
        while i + 3 < answer.length() {
            let text = |k: u32| answer.get(i + k).as_string().unwrap_or_default();
            let severity = if answer.get(i + 1).is_truthy() { Severity::Error } else { Severity::Warning };
            problems.push(Problem { path: text(0), message: ProblemMessage::Worded { ru: text(2), en: text(3) }, severity });
            i += 4;
        }
        return Some(Reduced::Invalid(Failure::Invalid { problems, omitted }));
    }
    // The reduced feed (a Uint8Array), or null; the warnings; last, for a
    // reduction in slices, the next slice's answer (opeka-worker-host.js).
    let reduced = (!first.is_null()).then(|| Uint8Array::new(&first));
    let warnings = (1..answer.length()).filter_map(|i| answer.get(i).as_string()).collect();
    // (An empty answer, which no worker gives, wraps past the end: undefined.)
    let next = answer.get(answer.length().wrapping_sub(1));
    Some(Reduced::Valid(reduced, warnings, next.is_function().then(|| next.unchecked_into())))
}
