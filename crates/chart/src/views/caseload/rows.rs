//! The sums and rows the caseload views share: a (row, period) cell, a
//! row's sums over its categories, the measure as written, the ranked
//! rows of the latest period and their summary.

use opeka_feed::collections::sorted_map::SortedMap;
use opeka_feed::locale::join;
use opeka_feed::locale::Msg;
use opeka_feed::locale::{format_value, upper_first};
use opeka_feed::{Caseload, Format, Lang, Period, Record};

use crate::text::{clean, end_sentence, Quantity};
use opeka_feed::locale::words as strings;

use super::Context;

/// One (series, period) value: the sum of what was reported, and whether
/// some summands were not.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Cell {
    /// The sum of the reported values.
    pub(super) sum: f64,
    /// How many values were reported.
    pub(super) reported: usize,
    /// How many were `null`.
    pub(super) missing: usize,
}

impl Cell {
    /// The sum, when anything was reported.
    pub(super) fn value(&self) -> Option<f64> {
        (self.reported > 0).then_some(self.sum)
    }

    /// Adds one record's value (`None`: not reported).
    pub(super) fn add(&mut self, value: Option<f64>) {
        match value {
            Some(v) => {
                self.sum += v;
                self.reported += 1;
            }
            None => self.missing += 1,
        }
    }

    /// Adds another cell's values and counts.
    pub(super) fn merge(&mut self, other: &Cell) {
        self.sum += other.sum;
        self.reported += other.reported;
        self.missing += other.missing;
    }
}

/// What one row (a unit, a category or a period) adds up to: its
/// categories, and the records without a category, which stand for the
/// row's whole.
#[derive(Clone, Debug, Default)]
pub(super) struct RowSums {
    /// By category id.
    pub parts: SortedMap<String, Cell>,
    /// Records without a category.
    pub whole: Cell,
}

impl RowSums {
    /// The sums of `records`: each category's cell and the whole added up
    /// in the records' order, the categories built in bulk (one row may
    /// have 200 000 of them, in any order).
    pub(super) fn of(records: &[&Record]) -> RowSums {
        let mut whole = Cell::default();
        let mut parts = Vec::new();
        for record in records {
            match &record.category {
                Some(id) => parts.push((id.clone(), record.value)),
                None => whole.add(record.value),
            }
        }
        RowSums { parts: SortedMap::from_folded(parts, |cell: &mut Cell, value| cell.add(value)), whole }
    }

    /// Whether the row's value comes from its categories: it does when it
    /// has any, since a whole record beside them would count them twice.
    pub(super) fn by_parts(&self) -> bool {
        !self.parts.is_empty()
    }

    /// The row's total: its categories summed, else its whole.
    pub(super) fn total(&self) -> Cell {
        if self.by_parts() {
            let mut total = Cell::default();
            for cell in self.parts.values() {
                total.merge(cell);
            }
            total
        } else {
            self.whole
        }
    }
}

/// A unit's or category's label for a row: its text in the viewer's
/// language, or its id when that is blank (a row is never left unnamed).
pub(super) fn row_label(ctx: &Context, label: &opeka_feed::Text, id: &str) -> String {
    let text = ctx.text(label);
    if text.trim().is_empty() {
        clean(id)
    } else {
        text
    }
}

/// The latest period with a record.
pub(super) fn latest_period(caseload: &Caseload) -> Option<Period> {
    caseload.records.iter().map(|r| r.period).max()
}

/// The measure as the views write it.
pub(super) struct MeasureText {
    /// "Получатели услуг".
    pub label: Option<String>,
    /// "человек".
    pub unit: Option<String>,
    /// How values are written.
    pub format: Format,
    /// Values with the unit in its agreeing form.
    pub quantity: Quantity,
}

impl MeasureText {
    /// The caseload's measure in the viewer's language.
    pub(super) fn of(ctx: &Context, caseload: &Caseload) -> MeasureText {
        let measure = &caseload.measure;
        MeasureText {
            label: measure.label.as_ref().map(|l| ctx.text(l)).filter(|l| !l.is_empty()),
            unit: measure.unit.as_ref().map(|u| ctx.unit(u)).filter(|u| !u.is_empty()),
            format: measure.format,
            quantity: Quantity { format: measure.format, unit: measure.unit.clone(), locale: ctx.feed.locale },
        }
    }

    /// A value in full: `12 345`.
    pub(super) fn number(&self, value: f64, lang: Lang) -> String {
        clean(&format_value(value, self.format, lang))
    }

    /// A value with the unit in the form that agrees with it: `12 345 человек`, `1 322 человека`.
    pub(super) fn value(&self, value: f64, lang: Lang) -> String {
        self.quantity.text(value, lang)
    }

    /// "Получатели услуг, человек", with what the feed has.
    pub(super) fn title(&self) -> Option<String> {
        match (&self.label, &self.unit) {
            (Some(l), Some(u)) => Some(format!("{l}, {u}")),
            (Some(l), None) => Some(l.clone()),
            (None, Some(u)) => Some(u.clone()),
            (None, None) => None,
        }
    }
}

/// `text` followed by `, suffix`, or `suffix` alone.
pub(super) fn with_suffix(text: Option<String>, suffix: &str) -> String {
    match text {
        Some(t) => format!("{t}, {suffix}"),
        None => suffix.to_owned(),
    }
}

/// Sorts rows by value, largest first; rows without a value last. Ties
/// keep their order (the feed's).
pub(super) fn sort_descending<T>(rows: &mut [T], value: impl Fn(&T) -> Option<f64>) {
    opeka_feed::collections::order::sort_stable_by(rows, |a, b| match (value(a), value(b)) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}

/// What the bars of a ranking stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RankBy {
    /// Units (the usual case).
    Unit,
    /// Categories, when no record names a unit.
    Category,
    /// The whole, when records name neither.
    Whole,
}

/// One ranked row before drawing.
pub(super) struct Ranked {
    /// Unit or category id (`None` for the whole).
    pub id: Option<String>,
    /// Its label, cleaned.
    pub label: String,
    /// Its sum in the latest period.
    pub cell: Cell,
}

/// Sums the latest period's records per unit (or category, or the whole),
/// in the feed's declared order.
pub(super) fn ranked_rows(ctx: &Context, caseload: &Caseload, measure: &MeasureText) -> (RankBy, Vec<Ranked>) {
    let Some(latest) = latest_period(caseload) else { return (RankBy::Whole, Vec::new()) };
    let at_latest = || caseload.records.iter().filter(move |r| r.period == latest);
    if caseload.records.iter().any(|r| r.unit.is_some()) {
        let named = named_ids(caseload, |r| r.unit.as_deref());
        let latest_by_unit = records_by(at_latest(), |r| r.unit.as_deref());
        let rows = caseload
            .units
            .iter()
            .filter(|u| named.contains_key(u.id.as_str()))
            .map(|u| {
                let sums = RowSums::of(latest_by_unit.get(u.id.as_str()).map_or(&[], Vec::as_slice));
                Ranked { id: Some(u.id.clone()), label: row_label(ctx, &u.label, &u.id), cell: sums.total() }
            })
            .collect();
        return (RankBy::Unit, rows);
    }
    if caseload.records.iter().any(|r| r.category.is_some()) {
        let named = named_ids(caseload, |r| r.category.as_deref());
        let latest_by_category = records_by(at_latest(), |r| r.category.as_deref());
        let rows = caseload
            .categories
            .iter()
            .filter(|c| named.contains_key(c.id.as_str()))
            .map(|c| {
                let mut cell = Cell::default();
                latest_by_category.get(c.id.as_str()).into_iter().flatten().for_each(|r| cell.add(r.value));
                Ranked { id: Some(c.id.clone()), label: row_label(ctx, &c.label, &c.id), cell }
            })
            .collect();
        return (RankBy::Category, rows);
    }
    let mut cell = Cell::default();
    at_latest().for_each(|r| cell.add(r.value));
    let label = measure.label.clone().unwrap_or_else(|| Msg::Total.text(ctx.lang));
    (RankBy::Whole, vec![Ranked { id: None, label, cell }])
}

/// The unit (or category) ids that some record names, each with the index
/// of its last record: for a lookup per declared unit instead of a scan of
/// the records each. (Every id map of the views is `&str` to `usize`, so
/// the bundle carries one copy of the building code.)
pub(super) fn named_ids<'a>(caseload: &'a Caseload, id: impl Fn(&'a Record) -> Option<&'a str>) -> SortedMap<&'a str, usize> {
    SortedMap::from_pairs(caseload.records.iter().enumerate().filter_map(|(i, r)| Some((id(r)?, i))).collect())
}

/// `records` grouped by the id `id` gives (records without one left out),
/// each group in the order given.
pub(crate) fn records_by<'a>(
    records: impl Iterator<Item = &'a Record>,
    id: impl Fn(&'a Record) -> Option<&'a str>,
) -> SortedMap<&'a str, Vec<&'a Record>> {
    SortedMap::from_folded(records.filter_map(|r| Some((id(r)?, r))).collect(), |group: &mut Vec<&Record>, r| group.push(r))
}

/// "{title}. Столбчатая диаграмма: 10 территорий, июнь 2018. Больше всего —
/// A: …; меньше всего — B: …. Всего: …. Нет данных: C."
pub(super) fn ranking_summary(
    ctx: &Context,
    title: &str,
    by: RankBy,
    rows: &[Ranked],
    period: &str,
    value: &dyn Fn(f64) -> String,
    chart_kind: &str,
) -> String {
    let words = strings(ctx.lang);
    let drawn: Vec<(&str, f64)> = rows.iter().filter_map(|r| r.cell.value().map(|v| (r.label.as_str(), v))).collect();
    if rows.is_empty() {
        return format!("{title}. {}.", upper_first(words.no_data));
    }
    let count = match by {
        RankBy::Unit => format!("{}, ", opeka_feed::locale::count_noun((rows.len()) as f64, opeka_feed::locale::Noun::Territory, ctx.lang)),
        RankBy::Category => {
            format!("{}, ", opeka_feed::locale::count_noun((rows.len()) as f64, opeka_feed::locale::Noun::Category, ctx.lang))
        }
        RankBy::Whole => String::new(),
    };
    let mut out = format!("{title}. {chart_kind}: {count}{period}");
    end_sentence(&mut out);
    if let (Some(first), Some(last)) = (drawn.first(), drawn.last()) {
        if drawn.len() == 1 {
            out.push_str(&format!(" {} — {}.", first.0, value(first.1)));
        } else {
            out.push_str(&format!(
                " {} — {}: {}; {} — {}: {}.",
                upper_first(words.highest),
                first.0,
                value(first.1),
                words.lowest,
                last.0,
                value(last.1)
            ));
        }
    }
    let missing: Vec<&str> = rows.iter().filter(|r| r.cell.value().is_none()).map(|r| r.label.as_str()).collect();
    if !missing.is_empty() {
        out.push_str(&format!(" {}: {}.", upper_first(&Msg::NotReported.text(ctx.lang)), join(&missing, ", ")));
    }
    out
}
