//! What the outcomes views (`progress`, `before-after`, `trajectory`)
//! share: the projects and indicators reduced to what they draw, each
//! indicator's verdict and its tone, project headings, the key, the verdict
//! line (a symbol, then words, in the good or bad colour: the meaning is in
//! the words and the symbol, the colour only repeats it), the data table,
//! the summary, and the stack of headings and rows of `progress` and
//! `before-after`.

use opeka_feed::locale::{format_change_in, format_period, outcome_verdict, Msg};
use opeka_feed::{Direction, Format, Lang, Outcomes, Period};

use crate::axis::period_ordinal;
use opeka_feed::locale::lower_first;
use crate::scene::{Align, Mark, Scene, Shape, TextRole};
use crate::canvas::Canvas;
use crate::frame::Frame;
use crate::measure::TextMeasure;
use crate::strings::{count_noun, strings};
use crate::table::DataTable;
use crate::text::{clean, ellipsize, wrap, Font};
use crate::theme::{MarkerShape, Rgb, Style, TextSize};

use super::Context;

/// Which way an indicator's result went, by its `direction`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tone {
    /// Better than (or at) the target, or better than the baseline.
    Good,
    /// Worse than the target, or than the baseline.
    Bad,
    /// Nothing to compare, or no change.
    Neutral,
}

impl Tone {
    /// The colour of the verdict's text and symbol.
    pub fn colour(self, style: &Style) -> Rgb {
        match self {
            Tone::Good => style.good,
            Tone::Bad => style.bad,
            Tone::Neutral => style.muted,
        }
    }
}

/// A reported value at a period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Point {
    pub period: Period,
    pub value: f64,
}

/// What a value is, in a mark's label and the values line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Baseline,
    Target,
    Actual,
}

impl Role {
    /// `Базовое значение`, `Цель`, `Факт`.
    pub fn word(self, lang: Lang) -> String {
        match self {
            Role::Baseline => Msg::Baseline.text(lang),
            Role::Target => Msg::Target.text(lang),
            Role::Actual => Msg::Actual.text(lang),
        }
    }
}

/// One indicator, reduced.
#[derive(Clone, Debug)]
pub(crate) struct Row {
    /// Index into [`OutcomesData::projects`].
    pub project: usize,
    pub label: String,
    pub format: Format,
    /// Values with the indicator's unit in its agreeing form.
    pub quantity: crate::text::Quantity,
    pub baseline: Option<Point>,
    pub target: Option<Point>,
    /// Reported actuals, in period order.
    pub actuals: Vec<Point>,
    /// `−30 %, лучше цели`; `нет фактических данных`; empty with nothing to compare.
    pub verdict: String,
    pub tone: Tone,
    /// The change from the baseline to the latest actual.
    pub change: Option<String>,
}

impl Row {
    /// The latest reported actual.
    pub fn latest(&self) -> Option<Point> {
        self.actuals.last().copied()
    }

    /// A value as a reader sees it, with the indicator's unit.
    pub fn value_text(&self, value: f64, lang: Lang) -> String {
        self.quantity.text(value, lang)
    }

    /// `Цель 2024: 66,7`: a value with its role and period.
    pub fn item(&self, role: Role, point: Point, lang: Lang) -> String {
        format!("{} {}: {}", role.word(lang), clean(&format_period(&point.period, lang)), self.value_text(point.value, lang))
    }

    /// A mark's label: `Социальные сироты — цель 2024: 66,7`.
    pub fn mark_label(&self, role: Role, point: Point, lang: Lang) -> String {
        format!("{} — {}", self.label, lower_first(&self.item(role, point, lang)))
    }

    /// The mark of `point` drawn as `shape` in `role`: a bar (which starts
    /// from zero) or a point.
    pub fn mark(&self, role: Role, point: Point, shape: Shape, lang: Lang) -> Mark {
        let mut mark = Mark::new(role.word(lang), &self.label, self.mark_label(role, point, lang), shape);
        mark.series_index = match role {
            Role::Actual => 0,
            Role::Target => 1,
            Role::Baseline => 2,
        };
        mark.period = Some(clean(&format_period(&point.period, lang)));
        mark.value = Some(point.value);
        mark.unit = self.quantity.unit_for(point.value, lang);
        mark.baseline = matches!(shape, Shape::Bar { .. }).then_some(0.0);
        mark
    }

    /// Every value drawn on the row's own scale.
    pub fn values(&self) -> impl Iterator<Item = f64> + '_ {
        self.baseline.iter().chain(self.target.iter()).map(|p| p.value).chain(self.latest().map(|p| p.value))
    }
}

/// A project heading: its name and localized status.
#[derive(Clone, Debug)]
pub(crate) struct ProjectInfo {
    pub name: String,
    pub status: String,
    /// Indices into [`OutcomesData::rows`].
    pub rows: Vec<usize>,
}

/// The outcomes feed reduced to what the views draw.
#[derive(Clone, Debug, Default)]
pub(crate) struct OutcomesData {
    pub projects: Vec<ProjectInfo>,
    pub rows: Vec<Row>,
}

/// Whether `value` is better than `reference` (`None`: the same).
fn better(value: f64, reference: f64, increase: bool) -> Option<bool> {
    if (value - reference).abs() <= 1e-9 * reference.abs().max(1.0) {
        return None;
    }
    Some((value > reference) == increase)
}

/// What an indicator's latest actual is judged against.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Judged {
    /// The target's period has not come: the straight line from the
    /// baseline to the target, at the actual's period (its value here).
    AgainstPlan(f64),
    /// The target's period has come (or the target has no baseline to draw a plan from).
    AgainstTarget,
    /// No target.
    AgainstBaseline,
}

impl Judged {
    fn of(latest: Point, baseline: Option<Point>, target: Option<Point>) -> Judged {
        let Some(t) = target else { return Judged::AgainstBaseline };
        let (lo, to) = (period_ordinal(&latest.period), period_ordinal(&t.period));
        if lo >= to {
            return Judged::AgainstTarget;
        }
        match baseline {
            Some(b) if period_ordinal(&b.period) < to => {
                let bo = period_ordinal(&b.period);
                let share = ((lo - bo) as f64 / (to - bo) as f64).clamp(0.0, 1.0);
                Judged::AgainstPlan(b.value + (t.value - b.value) * share)
            }
            // Before the target's period with no line to it: compared with the baseline only.
            _ => Judged::AgainstBaseline,
        }
    }
}

/// Reduces the feed's projects.
pub(crate) fn outcomes_data(ctx: &Context, outcomes: &Outcomes) -> OutcomesData {
    let words = strings(ctx.lang);
    let mut data = OutcomesData::default();
    for project in &outcomes.projects {
        let index = data.projects.len();
        let mut rows = Vec::new();
        for indicator in &project.indicators {
            let point = |o: &opeka_feed::Observation| o.value.filter(|v| v.is_finite()).map(|value| Point { period: o.period, value });
            let baseline = indicator.baseline.as_ref().and_then(point);
            let target = indicator.target.as_ref().and_then(point);
            let mut actuals: Vec<Point> = indicator.actual.iter().filter_map(point).collect();
            opeka_feed::collections::order::sort_stable_by_key(&mut actuals, |p| period_ordinal(&p.period));
            let increase = indicator.direction == Direction::Increase;
            let latest = actuals.last().copied();
            let (verdict, tone, change) = match latest {
                Some(l) => {
                    let judged = Judged::of(l, baseline, target);
                    let reference = match judged {
                        Judged::AgainstPlan(plan) => Some(plan),
                        Judged::AgainstTarget => target.map(|t| t.value),
                        Judged::AgainstBaseline => baseline.map(|b| b.value),
                    };
                    let plan = match judged {
                        Judged::AgainstPlan(plan) => Some(plan),
                        _ => None,
                    };
                    // A target whose period has not come is not a verdict yet: the plan line is.
                    let due_target = if judged == Judged::AgainstTarget { target.map(|t| t.value) } else { None };
                    let format = indicator.format;
                    let verdict = clean(&outcome_verdict(l.value, baseline.map(|b| b.value), due_target, plan, format, increase, ctx.lang));
                    let tone = match reference {
                        Some(reference) => match better(l.value, reference, increase) {
                            Some(true) => Tone::Good,
                            Some(false) if plan.is_some() && opeka_feed::locale::format_difference(l.value, reference, format, ctx.lang).is_none() => Tone::Good,
                            Some(false) => Tone::Bad,
                            None if judged != Judged::AgainstBaseline => Tone::Good,
                            None => Tone::Neutral,
                        },
                        None => Tone::Neutral,
                    };
                    (verdict, tone, baseline.map(|b| clean(&format_change_in(l.value, b.value, format, ctx.lang))))
                }
                None => (words.no_actuals.to_owned(), Tone::Neutral, None),
            };
            rows.push(data.rows.len());
            data.rows.push(Row {
                project: index,
                label: ctx.text(&indicator.label),
                format: indicator.format,
                quantity: crate::text::Quantity { format: indicator.format, unit: indicator.unit.clone(), locale: ctx.feed.locale },
                baseline,
                target,
                actuals,
                verdict,
                tone,
                change,
            });
        }
        data.projects.push(ProjectInfo { name: ctx.text(&project.name), status: clean(&Msg::Status(project.status).text(ctx.lang)), rows });
    }
    data
}

/// A project heading laid out for a width: the name in bold (up to three
/// lines), the status after it on its last line when it fits, else below.
#[derive(Clone, Debug)]
pub(crate) struct Heading {
    lines: Vec<String>,
    status: String,
    inline: bool,
    font: Font,
    status_font: Font,
}

impl Heading {
    /// Lays out `project`'s heading `width` wide.
    pub fn layout(project: &ProjectInfo, width: f64, font: Font, status_font: Font, measure: &dyn TextMeasure) -> Heading {
        let lines = wrap(measure, font, &project.name, width, 3);
        let status = ellipsize(measure, status_font, &project.status, width);
        let last_w = lines.last().map_or(0.0, |l| font.width(measure, l));
        let inline_status = format!("·\u{a0}{status}");
        let inline = !lines.is_empty() && last_w + Self::space(status_font, measure) + status_font.width(measure, &inline_status) <= width;
        let status = if inline { inline_status } else { status };
        Heading { lines, status, inline, font, status_font }
    }

    /// The space between the name and an inline status (SVG drops leading
    /// spaces, so the gap is left rather than written).
    fn space(font: Font, measure: &dyn TextMeasure) -> f64 {
        (font.width(measure, " ") * 1.5).round()
    }

    /// The height the heading takes.
    pub fn height(&self) -> f64 {
        let extra = if self.inline { 0.0 } else { self.status_font.line_height() };
        self.lines.len() as f64 * self.font.line_height() + extra
    }

    /// Draws the heading with its top-left corner at `(x, y)`.
    pub fn draw(&self, canvas: &mut Canvas<'_>, x: f64, y: f64) {
        let style = canvas.style;
        let mut top = y;
        let mut end = x;
        for line in &self.lines {
            if let Some(b) = canvas.text(TextRole::Label, line, x, top, self.font, style.foreground, Align::Start) {
                end = b.x + b.w;
            }
            top += self.font.line_height();
        }
        if self.inline {
            // The smaller status sits on the bottom of the name's last line.
            let space = Self::space(self.status_font, canvas.measure);
            canvas.text(TextRole::Note, &self.status, end + space, top - self.status_font.line_height(), self.status_font, style.muted, Align::Start);
        } else {
            canvas.text(TextRole::Note, &self.status, x, top, self.status_font, style.muted, Align::Start);
        }
    }
}

/// A verdict laid out for a width: a symbol, then the words, wrapped.
#[derive(Clone, Debug)]
pub(crate) struct VerdictLines {
    lines: Vec<String>,
    tone: Tone,
    font: Font,
}

impl VerdictLines {
    /// Lays out `row`'s verdict `width` wide in at most `max_lines` lines.
    pub fn layout(row: &Row, width: f64, font: Font, max_lines: usize, measure: &dyn TextMeasure) -> VerdictLines {
        Self::layout_text(&row.verdict, row.tone, width, font, max_lines, measure)
    }

    /// Lays out any verdict-like `text` in `tone`.
    pub fn layout_text(text: &str, tone: Tone, width: f64, font: Font, max_lines: usize, measure: &dyn TextMeasure) -> VerdictLines {
        let indent = if tone == Tone::Neutral { 0.0 } else { symbol_width(font) };
        let lines = if text.is_empty() { Vec::new() } else { wrap(measure, font, text, (width - indent).max(1.0), max_lines) };
        VerdictLines { lines, tone, font }
    }

    /// The height the verdict takes (zero when there is none).
    pub fn height(&self) -> f64 {
        self.lines.len() as f64 * self.font.line_height()
    }

    /// Draws the verdict with its top-left corner at `(x, y)`.
    pub fn draw(&self, canvas: &mut Canvas<'_>, x: f64, y: f64) {
        if self.lines.is_empty() {
            return;
        }
        let colour = self.tone.colour(canvas.style);
        let indent = if self.tone == Tone::Neutral { 0.0 } else { symbol_width(self.font) };
        if indent > 0.0 {
            let size = self.font.size * 0.8;
            let cy = y + self.font.line_height() / 2.0;
            let points = tone_symbol(self.tone, x + size / 2.0, cy, size);
            canvas.polygon(&points, colour);
        }
        let mut top = y;
        for line in &self.lines {
            canvas.text(TextRole::Value, line, x + indent, top, self.font, colour, Align::Start);
            top += self.font.line_height();
        }
    }
}

/// The room a verdict symbol takes before the words.
fn symbol_width(font: Font) -> f64 {
    (font.size * 1.2).round()
}

/// A check mark (good) or a cross (bad), `size` pixels across, centred on
/// `(cx, cy)`: drawn shapes rather than glyphs the font may lack.
pub(crate) fn tone_symbol(tone: Tone, cx: f64, cy: f64, size: f64) -> Vec<(f64, f64)> {
    let h = size / 2.0;
    match tone {
        Tone::Good => [(-1.0, 0.05), (-0.68, -0.27), (-0.3, 0.12), (0.68, -0.86), (1.0, -0.54), (-0.3, 0.76)]
            .iter()
            .map(|&(x, y)| (cx + x * h, cy + y * h))
            .collect(),
        Tone::Bad => {
            // A plus sign turned by 45°.
            let t = 0.24;
            let plus = [(-t, -1.0), (t, -1.0), (t, -t), (1.0, -t), (1.0, t), (t, t), (t, 1.0), (-t, 1.0), (-t, t), (-1.0, t), (-1.0, -t), (-t, -t)];
            let c = std::f64::consts::FRAC_1_SQRT_2;
            plus.iter().map(|&(x, y)| (cx + (x - y) * c * h * 1.15, cy + (x + y) * c * h * 1.15)).collect()
        }
        Tone::Neutral => Vec::new(),
    }
}

/// How a key entry is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Swatch {
    /// A point marker.
    Marker(MarkerShape, Rgb),
    /// A short bar.
    Bar(Rgb),
    /// An outlined, hatched bar (a target standing in for an actual).
    Hatched(Rgb),
    /// A vertical tick (a bullet chart's target).
    Tick(Rgb),
    /// A line with a marker on it.
    Line(MarkerShape, Rgb),
    /// A dashed line.
    Dashed(Rgb),
}

/// A key: what each shape means, in rows as wide as allowed.
#[derive(Clone, Debug)]
pub(crate) struct Key {
    placed: Vec<(Swatch, String, f64, usize)>,
    rows: usize,
    font: Font,
    swatch: f64,
}

impl Key {
    /// Lays out `entries` in rows no wider than `width`.
    pub fn layout(entries: &[(Swatch, String)], width: f64, font: Font, measure: &dyn TextMeasure) -> Key {
        let swatch = (font.size * 1.6).round();
        let label_gap = (font.size * 0.4).round();
        let entry_gap = (font.size * 1.2).round();
        let (mut x, mut row) = (0.0, 0usize);
        let mut placed = Vec::new();
        for (kind, label) in entries {
            let text = ellipsize(measure, font, label, (width - swatch - label_gap).max(0.0));
            let w = swatch + label_gap + font.width(measure, &text);
            if x > 0.0 && x + w > width {
                row += 1;
                x = 0.0;
            }
            placed.push((*kind, text, x, row));
            x += w + entry_gap;
        }
        let rows = if entries.is_empty() { 0 } else { row + 1 };
        Key { placed, rows, font, swatch }
    }

    fn row_height(&self) -> f64 {
        self.font.line_height() + (self.font.size * 0.3).round()
    }

    /// The height the key takes.
    pub fn height(&self) -> f64 {
        self.rows as f64 * self.row_height()
    }

    /// Draws the key with its top-left corner at `(x, y)`.
    pub fn draw(&self, canvas: &mut Canvas<'_>, x: f64, y: f64) {
        let style = canvas.style;
        let label_gap = (self.font.size * 0.4).round();
        for (kind, text, dx, row) in &self.placed {
            let top = y + *row as f64 * self.row_height();
            let mid = top + self.font.line_height() / 2.0;
            let left = x + dx;
            let s = self.swatch;
            draw_swatch(canvas, *kind, left, mid, s, (self.font.size * 0.7).round());
            canvas.text(TextRole::Legend, text, left + s + label_gap, top, self.font, style.foreground, Align::Start);
        }
    }
}

/// Draws a key swatch `w` wide, `h` tall, centred vertically on `mid`.
fn draw_swatch(canvas: &mut Canvas<'_>, kind: Swatch, left: f64, mid: f64, w: f64, h: f64) {
    let style = canvas.style;
    match kind {
        Swatch::Marker(shape, colour) => canvas.marker(shape, left + w / 2.0, mid, style.marker_radius + 1.0, colour),
        Swatch::Bar(colour) => canvas.rect(left, mid - h / 2.0, w, h, colour),
        Swatch::Hatched(colour) => hatched_rect(canvas, left, mid - h / 2.0, w, h, colour),
        Swatch::Tick(colour) => canvas.vline(left + w / 2.0, mid - h * 0.8, mid + h * 0.8, 3.0 * style.text_scale, colour),
        Swatch::Line(shape, colour) => {
            canvas.hline(left, left + w, mid, style.line_width, colour);
            canvas.marker(shape, left + w / 2.0, mid, style.marker_radius, colour);
        }
        Swatch::Dashed(colour) => canvas.dashed_hline(left, left + w, mid, (style.line_width / 2.0).max(2.0), colour, (5.0, 3.0)),
    }
}

/// An outlined rectangle with vertical hatching: a planned value, not a measured one.
pub(crate) fn hatched_rect(canvas: &mut Canvas<'_>, x: f64, y: f64, w: f64, h: f64, colour: Rgb) {
    if w < 1.0 || h < 1.0 {
        return;
    }
    let t = 1.5_f64.max(canvas.style.text_scale);
    let mut sx = x + 3.0;
    while sx < x + w - 2.0 {
        canvas.vline(sx, y, y + h, 1.0, colour);
        sx += 4.0;
    }
    canvas.hline(x, x + w, y + t / 2.0, t, colour);
    canvas.hline(x, x + w, y + h - t / 2.0, t, colour);
    canvas.vline(x + t / 2.0, y, y + h, t, colour);
    canvas.vline(x + w - t / 2.0, y, y + h, t, colour);
}

/// Items joined by ` · ` into lines no wider than `width` (an item too wide
/// for a line of its own is ellipsized), at most `max_lines`.
pub(crate) fn flow(items: &[String], width: f64, font: Font, max_lines: usize, measure: &dyn TextMeasure) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for item in items {
        let item = ellipsize(measure, font, item, width);
        if item.is_empty() {
            continue;
        }
        let candidate = if line.is_empty() { item.clone() } else { format!("{line} · {item}") };
        if font.width(measure, &candidate) <= width {
            line = candidate;
        } else {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line = item;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = ellipsize(measure, font, &format!("{last} …"), width);
        }
    }
    lines
}

/// A value cell of the table: `100 (2022)`, or `—`.
fn cell(row: &Row, point: Option<Point>, lang: Lang) -> String {
    match point {
        Some(p) => format!("{} ({})", row.value_text(p.value, lang), clean(&format_period(&p.period, lang))),
        None => "—".to_owned(),
    }
}

/// The data table every outcomes view shares: one row per indicator, and
/// one per project without indicators.
pub(crate) fn outcomes_table(ctx: &Context, data: &OutcomesData, title: &str) -> DataTable {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let columns = vec![
        words.project.to_owned(),
        words.status.to_owned(),
        words.indicator.to_owned(),
        Msg::Baseline.text(lang),
        Msg::Target.text(lang),
        words.latest_actual.to_owned(),
        words.change.to_owned(),
        words.verdict.to_owned(),
    ];
    let mut rows = Vec::new();
    for project in &data.projects {
        if project.rows.is_empty() {
            let mut r = vec![project.name.clone(), project.status.clone()];
            r.extend(vec!["—".to_owned(); 6]);
            rows.push(r);
        }
        for &i in &project.rows {
            let row = &data.rows[i];
            rows.push(vec![
                project.name.clone(),
                project.status.clone(),
                row.label.clone(),
                cell(row, row.baseline, lang),
                cell(row, row.target, lang),
                cell(row, row.latest(), lang),
                row.change.clone().unwrap_or_else(|| "—".to_owned()),
                if row.verdict.is_empty() { "—".to_owned() } else { row.verdict.clone() },
            ]);
        }
    }
    DataTable { caption: title.to_owned(), columns, rows }
}

/// The plain-text summary: the view's opening, the counts, then every
/// project with its status and every indicator with its values and verdict.
pub(crate) fn outcomes_summary(ctx: &Context, data: &OutcomesData, title: &str, opening: &str) -> String {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let mut out = format!(
        "{title}. {opening}: {}, {}.",
        count_noun(data.projects.len(), words.project_forms, lang),
        count_noun(data.rows.len(), words.indicator_forms, lang)
    );
    for project in &data.projects {
        out.push_str(&format!(" {} ({})", project.name, lower_first(&project.status)));
        if project.rows.is_empty() {
            out.push('.');
            continue;
        }
        out.push(':');
        let items: Vec<String> = project
            .rows
            .iter()
            .map(|&i| {
                let row = &data.rows[i];
                let mut parts = Vec::new();
                for (role, point) in [(Role::Baseline, row.baseline), (Role::Target, row.target), (Role::Actual, row.latest())] {
                    if let Some(p) = point {
                        parts.push(lower_first(&row.item(role, p, lang)));
                    }
                }
                if !row.verdict.is_empty() {
                    parts.push(lower_first(&row.verdict));
                }
                format!(" {} — {}", row.label, parts.join(", "))
            })
            .collect();
        out.push_str(&items.join(";"));
        out.push('.');
    }
    out
}

/// One block of a stack, top to bottom.
enum Block<R> {
    Heading(Heading),
    /// An indicator: its index into [`OutcomesData::rows`], the height it
    /// takes and the view's own layout of it.
    Row(usize, f64, R),
}

/// Draws what `progress` and `before-after` share: the key, then every
/// project's heading followed by its indicators, the table and the summary
/// (with `opening`). `layout_row` lays out indicator `i` with the height it
/// takes (`None` leaves it out); `draw_row` draws one with its top-left
/// corner at `(x, top)`. What an explicit height cannot hold is left to the
/// table.
pub(crate) fn render_stack<R>(
    ctx: &Context,
    data: &OutcomesData,
    frame: Frame,
    entries: &[(Swatch, String)],
    opening: &str,
    mut layout_row: impl FnMut(usize) -> Option<(R, f64)>,
    draw_row: impl Fn(&mut Canvas<'_>, &Row, &R, f64, f64),
) -> Scene {
    let words = strings(ctx.lang);
    let style = ctx.style;
    let label_font = ctx.font(TextSize::Label);
    let head_font = Font::bold(style.text_size(TextSize::Subtitle, ctx.width));
    let inner_w = ctx.width - 2.0 * frame.padding;
    let gap = style.gap();
    let inner_gap = (gap / 2.0).round();

    let key = Key::layout(entries, inner_w, label_font, ctx.measure);
    let key_h = if entries.is_empty() { 0.0 } else { key.height() + gap };

    let mut blocks = Vec::new();
    for project in &data.projects {
        blocks.push(Block::Heading(Heading::layout(project, inner_w, head_font, label_font, ctx.measure)));
        for &i in &project.rows {
            if let Some((layout, height)) = layout_row(i) {
                blocks.push(Block::Row(i, height, layout));
            }
        }
    }
    let heading_gap = (gap * 1.5).round();
    let row_gap = gap;
    let block_space = |block: &Block<R>, first: bool| match block {
        Block::Heading(h) => h.height() + if first { 0.0 } else { heading_gap } + inner_gap,
        Block::Row(_, height, _) => height + row_gap,
    };
    let content_h: f64 = blocks.iter().enumerate().map(|(i, b)| block_space(b, i == 0)).sum();
    let natural = frame.chrome_height(style) + key_h + content_h.max(label_font.line_height());
    let (frame, height) = ctx.fit(frame, natural, 3.0 * label_font.line_height());

    let table = outcomes_table(ctx, data, &frame.title);
    let summary = outcomes_summary(ctx, data, &frame.title, opening);

    let mut canvas = ctx.canvas(height);
    'draw: {
        let canvas = &mut canvas;
        let area = frame.draw(canvas);
        if blocks.is_empty() {
            let message = ellipsize(ctx.measure, label_font, words.no_data, area.w);
            canvas.text(TextRole::Message, &message, area.x + area.w / 2.0, area.y + area.h / 2.0 - label_font.size, label_font, style.muted, Align::Middle);
            break 'draw;
        }
        let mut top = area.y;
        if !entries.is_empty() && key.height() + gap < area.h {
            key.draw(canvas, area.x, top);
            top += key_h;
        }
        for (i, block) in blocks.iter().enumerate() {
            let space = block_space(block, i == 0);
            // Squeezed by an explicit height: what does not fit is left to the table.
            if top + space - row_gap.min(space) > area.bottom() + 0.01 {
                break;
            }
            match block {
                Block::Heading(h) => h.draw(canvas, area.x, top + if i == 0 { 0.0 } else { heading_gap }),
                Block::Row(index, _, layout) => {
                    // Each indicator has its own scale.
                    canvas.panel(*index);
                    draw_row(canvas, &data.rows[*index], layout, area.x, top)
                }
            }
            top += space;
        }
    }

    canvas.finish(&frame.title, summary, table)
}

/// The key entries for the values some indicator has.
pub(crate) fn has_roles(data: &OutcomesData) -> (bool, bool, bool) {
    let baseline = data.rows.iter().any(|r| r.baseline.is_some());
    let target = data.rows.iter().any(|r| r.target.is_some());
    let actual = data.rows.iter().any(|r| !r.actuals.is_empty());
    (baseline, target, actual)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_breaks_between_items() {
        let m = crate::measure::PtSansMetrics;
        let font = Font::regular(12.0);
        let items = vec!["Базовое\u{a0}значение 2022: 100".to_owned(), "Цель 2024: 80".to_owned(), "Факт 2023: 70".to_owned()];
        let wide = flow(&items, 1000.0, font, 3, &m);
        assert_eq!(wide, vec!["Базовое\u{a0}значение 2022: 100 · Цель 2024: 80 · Факт 2023: 70"]);
        let narrow = flow(&items, 180.0, font, 3, &m);
        assert_eq!(narrow.len(), 2, "{narrow:?}");
        assert!(narrow.iter().all(|l| font.width(&m, l) <= 180.0));
    }

    #[test]
    fn symbols_are_inside_their_box() {
        for tone in [Tone::Good, Tone::Bad] {
            for (x, y) in tone_symbol(tone, 10.0, 10.0, 10.0) {
                assert!((4.0..=16.0).contains(&x) && (4.0..=16.0).contains(&y), "{tone:?} {x} {y}");
            }
        }
    }
}
