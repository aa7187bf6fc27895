//! The worker's memory for a big feed (issue 13, "Big feeds", goal 3: at
//! most twice the feed's bytes). The worker holds the body itself, so what
//! its reading and reduction take beside it must stay well under the
//! body's size: counted here by an allocator that keeps the peak of the
//! bytes allocated at once, as the worker reads a 15 MB body arriving in
//! 64 KiB pieces (`opeka-worker.js`), finishes it and reduces it for its
//! trend. In the worker's wasm the module's stack, data and first heap
//! add 0.13 MB; the body takes the room its warm-up freed
//! (docs/performance.md, stops 31 and 35).
//!
//! One test in its own binary: the allocator counts every thread's
//! allocations, and another test running beside it would count too.
#![allow(clippy::disallowed_methods, reason = "the test builds its feed with std formatting")]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use opeka_chart::reduce::reduce_quick;
use opeka_chart::View;
use opeka_feed::validate::{packed, validate, Options, StreamedCaseload};

/// The system's allocator, counting the bytes allocated at once and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is the system allocator's own; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
        PEAK.fetch_max(live, Ordering::SeqCst);
        // SAFETY: the caller's layout, passed on.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::SeqCst);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The benchmark's generated feed (`tests/bench/big-feed-bench.mjs`,
/// `generatedCaseload`): ten units, four categories, `days` daily periods.
fn generated_caseload(days: i64) -> String {
    let categories = [
        ("pensioners-living-alone", "Одинокие пенсионеры"),
        ("families-with-children", "Семьи с детьми"),
        ("people-with-disabilities", "Люди с инвалидностью"),
        ("low-income-citizens", "Малоимущие граждане"),
    ];
    let units: Vec<String> = (1..=10).map(|i| format!(r#"{{"id":"district-{i}","label":"Муниципальный округ {i}"}}"#)).collect();
    let cats: Vec<String> = categories.iter().map(|(id, label)| format!(r#"{{"id":"{id}","label":"{label}"}}"#)).collect();
    let start = chrono::NaiveDate::from_ymd_opt(2014, 1, 1).expect("a day");
    let mut records = Vec::new();
    for d in 0..days {
        let period = (start + chrono::Duration::days(d)).format("%Y-%m-%d");
        for u in 0..10 {
            for (c, (id, _)) in categories.iter().enumerate() {
                let value = (d * 7 + u * 13 + c as i64 * 31) % 500;
                records.push(format!(r#"{{"period":"{period}","unit":"district-{}","category":"{id}","value":{value}}}"#, u + 1));
            }
        }
    }
    format!(
        r#"{{"opeka":1,"kind":"caseload","title":"Обращения за социальной поддержкой","measure":{{"label":"Обращения"}},"units":[{}],"categories":[{}],"records":[{}]}}"#,
        units.join(","),
        cats.join(","),
        records.join(",")
    )
}

#[test]
fn a_15_mb_feed_is_read_and_reduced_with_under_seven_tenths_of_its_size_beside_it() {
    let feed = generated_caseload(4_175);
    let options = Options::default();
    let (live_before, bytes) = (LIVE.load(Ordering::SeqCst), feed.len());
    PEAK.store(live_before, Ordering::SeqCst);

    // As the worker's module does: room for the announced body, the body
    // appended and read a piece at a time, then finished and reduced.
    let mut body = Vec::with_capacity(bytes);
    let mut reader = StreamedCaseload::with_room(bytes);
    for piece in feed.as_bytes().chunks(64 << 10) {
        body.extend_from_slice(piece);
        reader.read(&body);
    }
    let quick = reader.finish(&body, &options).expect("a plain caseload takes the quick path");
    assert_eq!(quick.records.len(), 167_000);
    let (read, live_read) = (PEAK.load(Ordering::SeqCst), LIVE.load(Ordering::SeqCst));
    PEAK.store(live_read, Ordering::SeqCst);
    let reduced = reduce_quick(&body, &quick, Some(View::Trend)).expect("its trend is reduced");
    // What the reduction itself takes at once, over what was live before it.
    let reducing = PEAK.load(Ordering::SeqCst) - live_read;
    drop(quick);
    let beside = read.max(live_read + reducing) - live_before - bytes;

    // What the reduction says is what the feed says: 4 175 days × 4 categories.
    let (doc, records) = packed::unpack(&reduced).expect("packed");
    let checked = validate(doc, &options).expect("the document is valid").with_packed_records(records).expect("its records");
    let opeka_feed::Body::Caseload(caseload) = &checked.feed.feed().body else { panic!("a caseload") };
    assert_eq!(caseload.records.len(), 4_175 * 4);

    // Natively, references and `usize` take twice the room they take in
    // wasm, where the same work takes 0.46 of the body beside it. Before
    // stop 31 the records took room for one every 45 bytes at 48 bytes
    // each, and were copied into a second vector and a third.
    assert!(
        beside * 10 < bytes * 7,
        "reading and reducing a body of {bytes} bytes took {beside} bytes beside it ({:.2}×)",
        beside as f64 / bytes as f64
    );
    // The reduction's cells as the places of their records, read out as
    // they are packed (stop 32): 0.25 of the body before, its 16 700 cells
    // folded in 1.5 MB (wasm) and collected in 0.8 MB more.
    assert!(
        reducing * 10 < bytes,
        "reducing took {reducing} bytes at once beside the records ({:.3}× the body)",
        reducing as f64 / bytes as f64
    );
    println!(
        "body {bytes} bytes; at most {beside} bytes beside it ({:.2}×), {reducing} of them reducing ({:.3}×)",
        beside as f64 / bytes as f64,
        reducing as f64 / bytes as f64
    );
}
