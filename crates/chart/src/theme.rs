//! Colour themes: light and dark pages, and a high-contrast theme for projectors.

use std::fmt;

/// A colour theme of a chart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Dark text on white, for ordinary pages (the default).
    #[default]
    Light,
    /// Light text on a dark background, for dark pages.
    Dark,
    /// Black on white with thick lines and larger text, for projectors and
    /// the back of a meeting room.
    Contrast,
}

impl Theme {
    /// Every theme.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Contrast];

    /// Parses a theme name as in the `theme` attribute (`light`, `dark`,
    /// `contrast`); `None` for anything else (including `auto`, which the
    /// widget resolves from `prefers-color-scheme`).
    pub fn parse(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| name.trim().eq_ignore_ascii_case(t.name()))
    }

    /// The name used in attributes.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Contrast => "contrast",
        }
    }

    /// The colours, line widths and type scale of this theme.
    pub fn style(self) -> &'static Style {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
            Theme::Contrast => &CONTRAST,
        }
    }
}

impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An opaque sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#RRGGBB`, as CSS and SVG write it.
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// WCAG relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                pow_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG contrast ratio between two colours, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    pub(crate) fn to_plotters(self) -> plotters::style::RGBColor {
        plotters::style::RGBColor(self.0, self.1, self.2)
    }
}

/// `x^2.4` for `x` in (0, 1], the sRGB curve's exponent: `x^2` times the
/// fifth root of `x^2`, found by Newton's method from above. libm's `pow`
/// would add 2 KB to the bundle for this one use; the two agree to within a
/// few units in the last place, far below what a contrast decision can see.
fn pow_2_4(x: f64) -> f64 {
    let square = x * x;
    let mut root = 1.0_f64;
    // Newton's steps fall monotonically onto the root from above; the first
    // step that does not fall means the root is reached. 200 bounds the loop.
    for _ in 0..200 {
        let next = (4.0 * root + square / (root * root * root * root)) / 5.0;
        if next >= root {
            break;
        }
        root = next;
    }
    square * root
}

/// The shape of a series' point markers. Each series gets a colour *and* a
/// shape, so that no meaning rides on colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkerShape {
    /// ●
    Circle,
    /// ■
    Square,
    /// ▲
    Triangle,
    /// ◆
    Diamond,
    /// ▼
    TriangleDown,
    /// ✚
    Plus,
}

impl MarkerShape {
    /// The shapes in the order series take them.
    pub const ALL: [MarkerShape; 6] = [
        MarkerShape::Circle,
        MarkerShape::Square,
        MarkerShape::Triangle,
        MarkerShape::Diamond,
        MarkerShape::TriangleDown,
        MarkerShape::Plus,
    ];
}

/// The sizes of text a chart writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextSize {
    /// The chart title.
    Title,
    /// The subtitle, and messages in the plot area.
    Subtitle,
    /// Tick labels, legend entries, axis titles.
    Label,
    /// Credit line and notes.
    Small,
}

/// What a theme looks like.
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    /// The canvas.
    pub background: Rgb,
    /// Titles, labels and values.
    pub foreground: Rgb,
    /// Secondary text: subtitle, tick labels, credit, notes.
    pub muted: Rgb,
    /// Grid lines.
    pub grid: Rgb,
    /// Axis lines and the zero line.
    pub axis: Rgb,
    /// Series colours, in order (Okabe–Ito, ordered for this background).
    pub series: &'static [Rgb],
    /// Series line width in pixels.
    pub line_width: f64,
    /// Point marker radius in pixels.
    pub marker_radius: f64,
    /// Multiplies every text size.
    pub text_scale: f64,
    /// A result that went the right way (outcomes verdicts); text contrast ≥ 4.5:1.
    pub good: Rgb,
    /// A result that went the wrong way (outcomes verdicts); text contrast ≥ 4.5:1.
    pub bad: Rgb,
}

impl Style {
    /// The colour of the `index`th series.
    pub fn series_colour(&self, index: usize) -> Rgb {
        self.series[index % self.series.len()]
    }

    /// The marker shape of the `index`th series. The shapes cycle with a
    /// different period from the colours, so pairs stay distinct for 42 series.
    pub fn series_marker(&self, index: usize) -> MarkerShape {
        MarkerShape::ALL[index % MarkerShape::ALL.len()]
    }

    /// The text size in pixels for `role` on a chart `width` pixels wide.
    pub fn text_size(&self, role: TextSize, width: f64) -> f64 {
        let narrow = width < 480.0;
        let base = match role {
            TextSize::Title if narrow => 16.0,
            TextSize::Title => 18.0,
            TextSize::Subtitle => 14.0,
            TextSize::Label => 13.0,
            TextSize::Small => 12.0,
        };
        (base * self.text_scale).round()
    }

    /// The space between blocks, in pixels (scaled with the text).
    pub fn gap(&self) -> f64 {
        (8.0 * self.text_scale).round()
    }

    /// The theme's foreground or background, whichever stands out more on
    /// `fill`: for text and markers drawn on a bar.
    pub fn ink_on(&self, fill: Rgb) -> Rgb {
        if self.foreground.contrast(fill) >= self.background.contrast(fill) {
            self.foreground
        } else {
            self.background
        }
    }
}

// Okabe & Ito (2008), "Color Universal Design". Yellow is left out on white
// (1.1:1), dark blue on the dark background (3.2:1).
const OKABE_ITO_ON_LIGHT: &[Rgb] = &[
    Rgb(0x00, 0x72, 0xB2), // blue
    Rgb(0xD5, 0x5E, 0x00), // vermillion
    Rgb(0x00, 0x9E, 0x73), // bluish green
    Rgb(0xCC, 0x79, 0xA7), // reddish purple
    Rgb(0xE6, 0x9F, 0x00), // orange
    Rgb(0x56, 0xB4, 0xE9), // sky blue
    Rgb(0x00, 0x00, 0x00), // black
];

const OKABE_ITO_ON_DARK: &[Rgb] = &[
    Rgb(0x56, 0xB4, 0xE9), // sky blue
    Rgb(0xE6, 0x9F, 0x00), // orange
    Rgb(0x00, 0x9E, 0x73), // bluish green
    Rgb(0xF0, 0xE4, 0x42), // yellow
    Rgb(0xCC, 0x79, 0xA7), // reddish purple
    Rgb(0xD5, 0x5E, 0x00), // vermillion
    Rgb(0xFF, 0xFF, 0xFF), // white
];

// On a projector the pale colours wash out: black first, then the darkest.
const OKABE_ITO_CONTRAST: &[Rgb] = &[
    Rgb(0x00, 0x00, 0x00), // black
    Rgb(0x00, 0x72, 0xB2), // blue
    Rgb(0xD5, 0x5E, 0x00), // vermillion
    Rgb(0x00, 0x9E, 0x73), // bluish green
    Rgb(0xCC, 0x79, 0xA7), // reddish purple
    Rgb(0xE6, 0x9F, 0x00), // orange
];

static LIGHT: Style = Style {
    background: Rgb(0xFF, 0xFF, 0xFF),
    foreground: Rgb(0x1F, 0x1F, 0x1F),
    muted: Rgb(0x5C, 0x5C, 0x5C),
    grid: Rgb(0xE3, 0xE3, 0xE3),
    axis: Rgb(0x8A, 0x8A, 0x8A),
    series: OKABE_ITO_ON_LIGHT,
    line_width: 2.0,
    marker_radius: 3.5,
    text_scale: 1.0,
    good: Rgb(0x00, 0x7A, 0x5A),
    bad: Rgb(0xB3, 0x47, 0x00),
};

static DARK: Style = Style {
    background: Rgb(0x1C, 0x1E, 0x22),
    foreground: Rgb(0xF2, 0xF2, 0xF2),
    muted: Rgb(0xB4, 0xB8, 0xBF),
    grid: Rgb(0x3A, 0x3D, 0x44),
    axis: Rgb(0x80, 0x85, 0x8E),
    series: OKABE_ITO_ON_DARK,
    line_width: 2.0,
    marker_radius: 3.5,
    text_scale: 1.0,
    good: Rgb(0x2E, 0xC4, 0xA0),
    bad: Rgb(0xFF, 0x8C, 0x5A),
};

static CONTRAST: Style = Style {
    background: Rgb(0xFF, 0xFF, 0xFF),
    foreground: Rgb(0x00, 0x00, 0x00),
    muted: Rgb(0x26, 0x26, 0x26),
    grid: Rgb(0xB0, 0xB0, 0xB0),
    axis: Rgb(0x00, 0x00, 0x00),
    series: OKABE_ITO_CONTRAST,
    line_width: 4.0,
    marker_radius: 5.0,
    text_scale: 1.25,
    good: Rgb(0x00, 0x6B, 0x4F),
    bad: Rgb(0xA8, 0x43, 0x00),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_meets_wcag_aa_on_every_theme() {
        for theme in Theme::ALL {
            let s = theme.style();
            for (what, colour) in [("foreground", s.foreground), ("muted", s.muted), ("good", s.good), ("bad", s.bad)] {
                let ratio = colour.contrast(s.background);
                assert!(ratio >= 4.5, "{theme} {what}: {ratio:.2}:1");
            }
        }
        assert!(Theme::Contrast.style().muted.contrast(Rgb(255, 255, 255)) >= 7.0);
    }

    #[test]
    fn series_lines_stand_out_from_the_background() {
        // WCAG 1.4.11 asks 3:1 of graphics that carry meaning; the pale
        // Okabe–Ito colours fall short of it on white, which is why each
        // series also has its own marker shape. Still, none may vanish.
        for theme in Theme::ALL {
            let s = theme.style();
            for &c in s.series {
                assert!(c.contrast(s.background) >= 1.9, "{theme} {}: {:.2}", c.hex(), c.contrast(s.background));
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for theme in Theme::ALL {
            assert_eq!(Theme::parse(theme.name()), Some(theme));
        }
        assert_eq!(Theme::parse(" Dark "), Some(Theme::Dark));
        assert_eq!(Theme::parse("auto"), None);
    }

    #[test]
    fn srgb_exponent_agrees_with_pow() {
        for c in 11..=255u8 {
            let x = (f64::from(c) / 255.0 + 0.055) / 1.055;
            let (ours, libm) = (pow_2_4(x), x.powf(2.4));
            assert!(((ours - libm) / libm).abs() < 1e-14, "{c}: {ours} vs {libm}");
        }
    }

    #[test]
    fn known_contrast_ratios() {
        assert!((Rgb(0, 0, 0).contrast(Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((Rgb(0x76, 0x76, 0x76).contrast(Rgb(255, 255, 255)) - 4.54).abs() < 0.01);
    }
}
