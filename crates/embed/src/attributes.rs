//! The element's attributes, read and checked.

use opeka_chart::{Medium, Theme};
use opeka_feed::locale::join;
use opeka_feed::{Lang, View};
use opeka_widgets::Controls;
use web_sys::Element;

/// `theme` as the page author wrote it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Follow `prefers-color-scheme` (the default).
    #[default]
    Auto,
    /// A fixed theme.
    Fixed(Theme),
}

/// `worker`: where a fetched feed is validated (and reduced to what the
/// view draws) — `crate::worker` says why.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum WorkerChoice {
    /// In the page's worker for feeds of 500 KB (5·10^5 bytes) and more (the default).
    #[default]
    Auto,
    /// In the worker whatever the size (`worker="on"`).
    On,
    /// Never in a worker (`worker="off"`).
    Off,
}

/// What the page author asked for, after checking. Bad values fall back to
/// the defaults (and are reported as warnings by [`Attributes::read`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Attributes {
    /// The feed URL, if any.
    pub src: Option<String>,
    /// The view asked for.
    pub view: Option<View>,
    /// The language asked for: the attribute, else the nearest `lang` in the page.
    pub lang: Option<Lang>,
    /// The theme.
    pub theme: ThemeChoice,
    /// A fixed height in pixels.
    pub height: Option<f64>,
    /// Seconds between re-fetches; 0 is never.
    pub refresh_seconds: u32,
    /// Seconds a fetch may take before it fails as a network error.
    pub timeout_seconds: u32,
    /// Whether the downloads menu shows (`controls="none"` hides it).
    pub controls: Controls,
    /// `screen` (type in CSS pixels), or `slide`: type in proportion to the
    /// box, for `<opeka-deck>`'s slides.
    pub medium: Medium,
    /// A slide's title instead of the feed's (`slide-title`, set by `<opeka-deck>`).
    pub slide_title: Option<String>,
    /// A line under a slide's chart (`slide-note`, set by `<opeka-deck>`).
    pub slide_note: Option<String>,
    /// Whether big feeds are checked in the page's worker.
    pub worker: WorkerChoice,
}

/// Heights outside this range are refused as typos (`HEIGHT_EXPECTED` names it).
const HEIGHT_RANGE: std::ops::RangeInclusive<u32> = 120..=4000;
const HEIGHT_EXPECTED: &str = "is not a whole number of pixels from 120 to 4000";
/// Refreshing more often than this would hammer the feed's server.
const MIN_REFRESH_SECONDS: u32 = 10;
const REFRESH_TOO_OFTEN: &str = "is too often; using 10 seconds";
/// How long a fetch may take by default, and the range a page may set
/// (the warning below names both).
const DEFAULT_TIMEOUT_SECONDS: u32 = 30;
const TIMEOUT_RANGE: std::ops::RangeInclusive<u32> = 1..=600;
const TIMEOUT_EXPECTED: &str = "is not a whole number of seconds from 1 to 600; using 30";

/// The console's warning for attribute `name`: `name="value"`, then `why`.
fn warning(name: &str, value: &str, why: &str) -> String {
    let mut text = String::from(name);
    for part in ["=\"", value, "\" ", why] {
        text.push_str(part);
    }
    text
}

impl Attributes {
    /// Reads the attributes of `element`; returns them with a warning for
    /// each value that was not understood.
    pub fn read(element: &Element) -> (Attributes, Vec<String>) {
        let mut warnings = Vec::new();
        let attr = |name: &str| element.get_attribute(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());

        let view = attr("view").and_then(|name| {
            let view = View::parse(&name);
            if view.is_none() {
                let all: Vec<_> = View::ALL.iter().map(|v| v.name()).collect();
                let mut text = warning("view", &name, "is not a view; expected one of ");
                text.push_str(&join(&all, ", "));
                warnings.push(text);
            }
            view
        });
        let lang = match attr("lang") {
            Some(code) => {
                let lang = Lang::parse(&code);
                if lang.is_none() {
                    warnings.push(warning("lang", &code, "is not supported; expected ru or en"));
                }
                lang
            }
            // The nearest lang in the page; a language we do not speak falls
            // back to the feed's own locale.
            None => element
                .parent_element()
                .and_then(|parent| parent.closest("[lang]").ok().flatten())
                .and_then(|el| el.get_attribute("lang"))
                .and_then(|code| Lang::parse(&code)),
        };
        let theme = match attr("theme").as_deref() {
            None | Some("auto") => ThemeChoice::Auto,
            Some(name) => match Theme::parse(name) {
                Some(theme) => ThemeChoice::Fixed(theme),
                None => {
                    warnings.push(warning("theme", name, "is not a theme; expected light, dark, contrast or auto"));
                    ThemeChoice::Auto
                }
            },
        };
        let height = attr("height").and_then(|text| {
            // Whole pixels: parsing a float would link core's float
            // parser and its tables into the bundle for a fraction of a pixel.
            let px = text.strip_suffix("px").unwrap_or(&text).trim().parse::<u32>().ok();
            match px {
                Some(px) if HEIGHT_RANGE.contains(&px) => Some(f64::from(px)),
                _ => {
                    warnings.push(warning("height", &text, HEIGHT_EXPECTED));
                    None
                }
            }
        });
        let refresh_seconds = attr("refresh").map_or(0, |text| match text.parse::<u32>() {
            Ok(0) => 0,
            Ok(s) if s < MIN_REFRESH_SECONDS => {
                warnings.push(warning("refresh", &text, REFRESH_TOO_OFTEN));
                MIN_REFRESH_SECONDS
            }
            Ok(s) => s,
            Err(_) => {
                warnings.push(warning("refresh", &text, "is not a whole number of seconds; not refreshing"));
                0
            }
        });
        let timeout_seconds = attr("timeout").map_or(DEFAULT_TIMEOUT_SECONDS, |text| match text.parse::<u32>() {
            Ok(s) if TIMEOUT_RANGE.contains(&s) => s,
            _ => {
                warnings.push(warning("timeout", &text, TIMEOUT_EXPECTED));
                DEFAULT_TIMEOUT_SECONDS
            }
        });
        let controls = match attr("controls").as_deref() {
            None | Some("menu") => Controls::Menu,
            Some("none") => Controls::None,
            Some(text) => {
                warnings.push(warning("controls", text, "is not understood; expected menu or none"));
                Controls::Menu
            }
        };
        let worker = match attr("worker").as_deref() {
            None | Some("auto") => WorkerChoice::Auto,
            Some("on") => WorkerChoice::On,
            Some("off") => WorkerChoice::Off,
            Some(text) => {
                warnings.push(warning("worker", text, "is not understood; expected auto, on or off"));
                WorkerChoice::Auto
            }
        };
        // Anything but `slide` is the page's own medium: a typo must not blow the type up.
        let medium = if attr("medium").as_deref() == Some("slide") { Medium::Slide } else { Medium::Screen };
        let attributes = Attributes {
            src: attr("src"),
            view,
            lang,
            theme,
            height,
            refresh_seconds,
            timeout_seconds,
            controls,
            medium,
            slide_title: attr("slide-title"),
            slide_note: attr("slide-note"),
            worker,
        };
        (attributes, warnings)
    }
}
