//! TEMPORARY STUB of the chart API (replaced by the real core on merge).
pub use opeka_feed::{Lang, View};
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme { Light, Dark, Contrast }
impl Theme {
    pub fn parse(s: &str) -> Option<Theme> { match s { "light" => Some(Theme::Light), "dark" => Some(Theme::Dark), "contrast" => Some(Theme::Contrast), _ => None } }
    pub fn name(self) -> &'static str { match self { Theme::Light => "light", Theme::Dark => "dark", Theme::Contrast => "contrast" } }
}
pub trait TextMeasure { fn width(&self, text: &str, size_px: f64, bold: bool) -> f64; }
#[derive(Default)]
pub struct PtSansMetrics;
impl TextMeasure for PtSansMetrics { fn width(&self, text: &str, size_px: f64, _bold: bool) -> f64 { text.chars().count() as f64 * size_px * 0.5 } }
pub struct ChartRequest { pub view: Option<View>, pub width: f64, pub height: Option<f64>, pub theme: Theme, pub lang: Lang }
pub fn default_height(_view: View, width: f64) -> f64 { (width * 0.6).clamp(240.0, 720.0) }
#[derive(Clone, Debug)]
pub struct Chart { pub view: View, pub width: f64, pub height: f64, pub svg: String, pub marks: Vec<Mark>, pub texts: Vec<TextBox>, pub summary: String, pub table: DataTable }
#[derive(Clone, Debug)]
pub struct Mark { pub series: String, pub label: String, pub shape: Shape }
#[derive(Clone, Debug)]
pub enum Shape { Rect { x: f64, y: f64, w: f64, h: f64 }, Point { x: f64, y: f64, r: f64 } }
#[derive(Clone, Debug)]
pub struct TextBox { pub text: String, pub x: f64, pub y: f64, pub w: f64, pub h: f64 }
#[derive(Clone, Debug, Default)]
pub struct DataTable { pub caption: String, pub columns: Vec<String>, pub rows: Vec<Vec<String>> }
pub fn render(feed: &opeka_feed::ValidFeed, request: &ChartRequest, _m: &dyn TextMeasure) -> Chart {
    let view = feed.resolve_view(request.view);
    let height = request.height.unwrap_or(default_height(view, request.width));
    Chart { view, width: request.width, height, svg: format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{height}\"><text x=\"10\" y=\"20\">stub</text></svg>", request.width), marks: vec![], texts: vec![], summary: String::new(), table: DataTable::default() }
}
