//! The indicator readings the outcomes views (`progress`, `before-after`,
//! `trajectory`) share: the projects and indicators reduced to what they
//! draw, each indicator's verdict and its tone, the data table and the
//! summary.

use opeka_feed::locale::join;
use opeka_feed::locale::{count_noun, format_change_in, format_period, lower_first, outcome_verdict, Msg, Noun};
use opeka_feed::{Direction, Format, Lang, Outcomes, Period};

use crate::measure::TextMeasure;
use crate::parts::axis::period_ordinal;
use crate::parts::verdict::{Tone, VerdictLines};
use crate::scene::{Mark, Shape};
use crate::table::DataTable;
use crate::text::{clean, ellipsize, Font};
use opeka_feed::locale::words as strings;

use super::Context;
use crate::views::more::{more_text, SUMMARY_ITEMS};

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
    /// Whether a larger value is better.
    pub increase: bool,
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

    /// The row's verdict laid out `width` wide in at most `max_lines` lines.
    pub fn verdict_lines(&self, width: f64, font: Font, max_lines: usize, lang: Lang, measure: &dyn TextMeasure) -> VerdictLines {
        let (verdict, tone) = self.verdict(lang);
        VerdictLines::layout(&verdict, tone, width, font, max_lines, measure)
    }

    /// The verdict on the latest actual (`−30 %, лучше цели`; `нет
    /// фактических данных`; empty with nothing to compare) and its tone.
    /// Worded as a row is drawn or read, not for every row as the feed is
    /// read: a feed of 4 000 indicators, whose canvas draws 170, worded
    /// every one in its drawing task (docs/performance.md, stop 45).
    pub fn verdict(&self, lang: Lang) -> (String, Tone) {
        let Some(l) = self.latest() else { return (strings(lang).no_actuals.to_owned(), Tone::Neutral) };
        let (baseline, target, increase, format) = (self.baseline, self.target, self.increase, self.format);
        let judged = Judged::of(l, baseline, target);
        let (reference, plan) = match judged {
            Judged::Plan(plan) => (Some(plan), Some(plan)),
            Judged::Target => (target.map(|t| t.value), None),
            Judged::Baseline => (baseline.map(|b| b.value), None),
        };
        // A target whose period has not come is not a verdict yet: the plan line is.
        let due_target = if judged == Judged::Target { target.map(|t| t.value) } else { None };
        let verdict = clean(&outcome_verdict(l.value, baseline.map(|b| b.value), due_target, plan, format, increase, lang));
        let tone = match reference {
            Some(reference) => match better(l.value, reference, increase) {
                Some(true) => Tone::Good,
                Some(false) if plan.is_some() && opeka_feed::locale::format_difference(l.value, reference, format, lang).is_none() => {
                    Tone::Good
                }
                Some(false) => Tone::Bad,
                None if judged != Judged::Baseline => Tone::Good,
                None => Tone::Neutral,
            },
            None => Tone::Neutral,
        };
        (verdict, tone)
    }

    /// The change from the baseline to the latest actual.
    pub fn change(&self, lang: Lang) -> Option<String> {
        let (l, b) = (self.latest()?, self.baseline?);
        Some(clean(&format_change_in(l.value, b.value, self.format, lang)))
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
    Plan(f64),
    /// The target's period has come (or the target has no baseline to draw a plan from).
    Target,
    /// No target.
    Baseline,
}

impl Judged {
    fn of(latest: Point, baseline: Option<Point>, target: Option<Point>) -> Judged {
        let Some(t) = target else { return Judged::Baseline };
        let (lo, to) = (period_ordinal(&latest.period), period_ordinal(&t.period));
        if lo >= to {
            return Judged::Target;
        }
        match baseline {
            Some(b) if period_ordinal(&b.period) < to => {
                let bo = period_ordinal(&b.period);
                let share = ((lo - bo) as f64 / (to - bo) as f64).clamp(0.0, 1.0);
                Judged::Plan(b.value + (t.value - b.value) * share)
            }
            // Before the target's period with no line to it: compared with the baseline only.
            _ => Judged::Baseline,
        }
    }
}

/// Reduces the feed's projects, with the names and labels of those before
/// the `texts`-th indicator: past what a view can draw, read out or
/// table, they are left empty (a register of 8 000 projects cleaned
/// and copied every one in its layout task, of which its canvas draws a few
/// hundred: docs/performance.md, stop 55).
pub(crate) fn outcomes_data(ctx: &Context, outcomes: &Outcomes, texts: usize) -> OutcomesData {
    let mut data = OutcomesData::default();
    let text = |text: &opeka_feed::Text, row: usize| if row < texts { ctx.text(text) } else { String::new() };
    for project in &outcomes.projects {
        let (index, first_row) = (data.projects.len(), data.rows.len());
        let mut rows = Vec::new();
        for indicator in &project.indicators {
            let point = |o: &opeka_feed::Observation| o.value.filter(|v| v.is_finite()).map(|value| Point { period: o.period, value });
            let baseline = indicator.baseline.as_ref().and_then(point);
            let target = indicator.target.as_ref().and_then(point);
            // Sorted only when out of order: most feeds list them in order,
            // and a sort takes two vectors of indices, a fifth of a
            // register's layout (docs/performance.md, stop 56).
            let mut actuals: Vec<Point> = indicator.actual.iter().filter_map(point).collect();
            if !actuals.is_sorted_by_key(|p| period_ordinal(&p.period)) {
                opeka_feed::collections::order::sort_stable_by_key(&mut actuals, |p| period_ordinal(&p.period));
            }
            rows.push(data.rows.len());
            data.rows.push(Row {
                project: index,
                label: text(&indicator.label, data.rows.len()),
                format: indicator.format,
                quantity: crate::text::Quantity { format: indicator.format, unit: indicator.unit.clone(), locale: ctx.feed.locale },
                baseline,
                target,
                actuals,
                increase: indicator.direction == Direction::Increase,
            });
        }
        // The status is our own word, clean as written (tested below): a
        // cleaned copy of it was 8 000 allocations more for a register of
        // 8 000 projects.
        data.projects.push(ProjectInfo { name: text(&project.name, first_row), status: Msg::Status(project.status).text(ctx.lang), rows });
    }
    data
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
/// one per project without indicators; as many as `ctx.readings` holds
/// ([`crate::Readings::held_rows`]), counting the rest: a feed of 4 000
/// indicators wrote the cells of every one in the drawing task
/// (docs/performance.md, stops 44 and 45).
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
    let (held, mut more_rows) = (ctx.readings.held_rows(), 0);
    for project in &data.projects {
        if rows.len() == held {
            more_rows += project.rows.len().max(1);
            continue;
        }
        if project.rows.is_empty() {
            let mut r = vec![project.name.clone(), project.status.clone()];
            r.extend(vec!["—".to_owned(); 6]);
            rows.push(r);
        }
        for &i in &project.rows {
            if rows.len() == held {
                more_rows += 1;
                continue;
            }
            let row = &data.rows[i];
            let verdict = row.verdict(lang).0;
            rows.push(vec![
                project.name.clone(),
                project.status.clone(),
                row.label.clone(),
                cell(row, row.baseline, lang),
                cell(row, row.target, lang),
                cell(row, row.latest(), lang),
                row.change(lang).unwrap_or_else(|| "—".to_owned()),
                if verdict.is_empty() { "—".to_owned() } else { verdict },
            ]);
        }
    }
    DataTable { caption: title.to_owned(), columns, rows, more_rows }
}

/// The plain-text summary: the view's opening, the counts, then each
/// project with its status and each indicator with its values and verdict,
/// up to [`SUMMARY_ITEMS`] indicators (the rest counted).
pub(crate) fn outcomes_summary(ctx: &Context, data: &OutcomesData, title: &str, opening: &str) -> String {
    let lang = ctx.lang;
    let mut out = format!(
        "{title}. {opening}: {}, {}.",
        count_noun((data.projects.len()) as f64, Noun::Project, lang),
        count_noun((data.rows.len()) as f64, Noun::Indicator, lang)
    );
    // The first SUMMARY_ITEMS indicators one by one, the rest counted.
    let (mut told, mut projects_told) = (0usize, 0usize);
    for project in &data.projects {
        if told == SUMMARY_ITEMS {
            break;
        }
        projects_told += 1;
        out.push_str(&format!(" {} ({})", project.name, lower_first(&project.status)));
        if project.rows.is_empty() {
            out.push('.');
            continue;
        }
        out.push(':');
        let items: Vec<String> = project
            .rows
            .iter()
            .take(SUMMARY_ITEMS - told)
            .map(|&i| {
                let row = &data.rows[i];
                let mut parts = Vec::new();
                for (role, point) in [(Role::Baseline, row.baseline), (Role::Target, row.target), (Role::Actual, row.latest())] {
                    if let Some(p) = point {
                        parts.push(lower_first(&row.item(role, p, lang)));
                    }
                }
                let verdict = row.verdict(lang).0;
                if !verdict.is_empty() {
                    parts.push(lower_first(&verdict));
                }
                format!(" {} — {}", row.label, join(&parts, ", "))
            })
            .collect();
        told += items.len();
        out.push_str(&join(&items, ";"));
        out.push('.');
    }
    let (hidden, noun) = match (data.rows.len() - told, data.projects.len() - projects_told) {
        (0, 0) => return out,
        (0, projects) => (projects, Noun::Project),
        (rows, _) => (rows, Noun::Indicator),
    };
    out.push_str(&format!(" {}.", more_text(ctx, hidden, noun)));
    out
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
    fn every_status_is_clean_as_written() {
        for status in opeka_feed::Status::ALL {
            for lang in [Lang::Ru, Lang::En] {
                let text = Msg::Status(status).text(lang);
                assert!(!text.is_empty());
                assert_eq!(clean(&text), text, "{status:?} in {lang:?}");
            }
        }
    }
}
