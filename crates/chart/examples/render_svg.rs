//! Renders a feed to SVG for a quick look, without the CLI:
//!
//! ```sh
//! cargo run -p opeka-chart --example render_svg -- feeds/kuzbass-caseload.json out.svg 800 ru light [view]
//! ```

use opeka_chart::{render, ChartRequest, Lang, PtSansMetrics, Theme, View};
use opeka_feed::validate::{validate, Options};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, rest @ ..] = args.as_slice() else {
        return Err("usage: render_svg FEED.json OUT.svg [WIDTH] [ru|en] [light|dark|contrast] [VIEW]".into());
    };
    let width: f64 = rest.first().map(|w| w.parse()).transpose()?.unwrap_or(800.0);
    let lang = rest.get(1).and_then(|l| Lang::parse(l)).unwrap_or_default();
    let theme = rest.get(2).and_then(|t| Theme::parse(t)).unwrap_or_default();
    let view = rest.get(3).and_then(|v| View::parse(v));
    let checked = validate(&std::fs::read(input)?, &Options::default())?;
    let chart = render(&checked.feed, &ChartRequest { view, width, height: None, theme, lang }, &PtSansMetrics);
    std::fs::write(output, &chart.svg)?;
    println!("{} × {}: {}", chart.width, chart.height, chart.summary);
    Ok(())
}
