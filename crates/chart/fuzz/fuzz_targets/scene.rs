//! Arbitrary bytes → validate → every view of a valid feed's kind, laid out
//! and written as SVG and as geometry: nothing may panic, overflow or
//! blow up, whatever the feed and the size.
//!
//! The first five bytes choose the request, the rest is the feed: width
//! (two bytes, 1..=9000), height (two bytes: 0 is none, else 1..=9000) and
//! one byte for medium, theme and language. Seeds are the sample feeds with
//! five such bytes in front (`make fuzz-scene` writes them).
#![no_main]

use std::fmt::Write;

use libfuzzer_sys::fuzz_target;
use opeka_chart::{render, ChartRequest, Lang, Medium, PtSansMetrics, Theme};
use opeka_feed::validate::{validate, Options};

fuzz_target!(|data: &[u8]| {
    let Some((head, feed)) = data.split_first_chunk::<5>() else { return };
    let Ok(checked) = validate(feed, &Options::default()) else { return };
    let width = 1 + u16::from_le_bytes([head[0], head[1]]) % 9000;
    let height = match u16::from_le_bytes([head[2], head[3]]) % 9001 {
        0 => None,
        h => Some(f64::from(h)),
    };
    let flags = head[4];
    let medium = Medium::ALL[usize::from(flags & 1)];
    let theme = Theme::ALL[usize::from(flags >> 1) % Theme::ALL.len()];
    let lang = Lang::ALL[usize::from(flags >> 3) & 1];
    for &view in checked.feed.kind().views() {
        let request = ChartRequest { view: Some(view), width: f64::from(width), height, medium, theme, lang };
        let scene = render(&checked.feed, &request, &PtSansMetrics);
        let svg = scene.to_svg();
        assert!(svg.starts_with("<svg"), "{view}: not an SVG");
        // The geometry as `opeka render --geometry` reads it: every mark and text.
        let mut geometry = format!("{} {} {}\n", scene.width, scene.height, scene.summary);
        for mark in &scene.marks {
            let _ = writeln!(geometry, "{:?}", mark);
        }
        for text in &scene.texts {
            let _ = writeln!(geometry, "{:?}", text);
        }
        let _ = writeln!(geometry, "{:?}", scene.table);
        std::hint::black_box((svg, geometry));
    }
});
