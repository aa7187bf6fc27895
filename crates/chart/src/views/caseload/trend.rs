//! `trend`: one line per series over the periods of a caseload feed.
//!
//! Series: one per category, summed over units; when records carry no
//! category but units, one per unit; otherwise one for the whole. Records
//! that lack the split (category or unit `None`) while others have it are
//! their own series, "Всего"/"Total".
//!
//! Nulls: a (series, period) value is a gap when every record summed into it
//! is `null`; when only some are, the sum of the reported ones is drawn and
//! its label says the data are incomplete. On a yearly, quarterly or monthly
//! axis a period with no record at all is a gap too; daily data are joined
//! across missing days (daily reporting is rarely every day).

use opeka_feed::collections::sorted_map::SortedMap;
use opeka_feed::locale::join;

use opeka_feed::locale::Msg;
use opeka_feed::locale::{format_change_in, format_compact, format_period, format_value, upper_first};
use opeka_feed::{Caseload, Format, Granularity, Period};

use crate::downsample::lttb;
use crate::parts::axis::{draw_value_axis, value_tick_labels, PeriodAxis};
use crate::parts::legend::Legend;
use crate::render::Readings;
use crate::scale::{period_at, period_ordinal, value_domain, LinearScale, PeriodScale};
use crate::scene::{Align, Mark, Scene, Shape, TextRole};
use crate::table::{DataTable, MAX_ROWS};
use crate::text::{clean, ellipsize, end_sentence, Quantity};
use crate::theme::{MarkerShape, Rgb, TextSize};
use opeka_feed::locale::words as strings;

use super::rows::{sort_descending, Cell};
use super::Context;

/// Markers are drawn on every point when no series has more points than this.
const MARKER_LIMIT: usize = 40;
/// Downsampling keeps about this many points per pixel of plot width.
const POINTS_PER_PIXEL: f64 = 2.0;

/// The most lines a trend draws (and tabulates): twenty lines are already
/// hard to follow, and a line per unit of 200 000 would make a table of
/// periods × units cells.
const MAX_SERIES: usize = 20;

/// A line of the chart.
struct Series {
    label: String,
    colour: Rgb,
    marker: MarkerShape,
    /// Values by period ordinal.
    cells: SortedMap<i64, Cell>,
}

/// A target drawn as a dashed line.
struct TargetLine {
    /// The series it is read against (hidden with it).
    series: usize,
    label: String,
    period: Period,
    value: f64,
    colour: Rgb,
}

/// The caseload reduced to what the trend draws.
struct TrendData {
    series: Vec<Series>,
    targets: Vec<TargetLine>,
    /// Every period with a record, by ordinal.
    periods: SortedMap<i64, Period>,
    granularity: Granularity,
    format: Format,
    quantity: Quantity,
    axis_title: Option<String>,
    /// Series with data that were left out (beyond [`MAX_SERIES`]).
    left_out: usize,
}

/// Which field splits the caseload into lines.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Split {
    Category,
    Unit,
    Whole,
}

fn trend_data(ctx: &Context, caseload: &Caseload) -> TrendData {
    let split = if caseload.records.iter().any(|r| r.category.is_some()) {
        Split::Category
    } else if caseload.records.iter().any(|r| r.unit.is_some()) {
        Split::Unit
    } else {
        Split::Whole
    };
    // Declared order first; `None` (the whole) last.
    let declared: Vec<(Option<String>, String)> = match split {
        Split::Category => caseload.categories.iter().map(|c| (Some(c.id.clone()), ctx.text(&c.label))).collect(),
        Split::Unit => caseload.units.iter().map(|u| (Some(u.id.clone()), ctx.text(&u.label))).collect(),
        Split::Whole => Vec::new(),
    };
    let whole_label = match (split, &caseload.measure.label) {
        (Split::Whole, Some(label)) => ctx.text(label),
        _ => Msg::Total.text(ctx.lang),
    };
    let mut keys: Vec<(Option<String>, String)> = declared;
    keys.push((None, whole_label));
    let (ids, labels): (Vec<Option<String>>, Vec<String>) = keys.into_iter().unzip();
    // Each key's index, found by binary search: a scan of 200 000 units per
    // record is quadratic. Of equal keys the last counts, as it did when
    // this was a map.
    let key_index = SortedMap::from_pairs(ids.iter().enumerate().filter_map(|(i, k)| Some((k.as_deref()?, i))).collect());
    // `None`, the whole, is the last key and only there.
    let whole = ids.len() - 1;
    // Feeds list each period's records in one order of their units or
    // categories: the key after the last one found is tried first, one
    // comparison rather than a search's six (a 15 MB feed of 40 units
    // spent half its trend's time comparing ids).
    let mut next = 0;
    // The validator guarantees every named unit and category is declared.
    let mut split_key = |category: &Option<String>, unit: &Option<String>| -> Option<usize> {
        let key = match split {
            Split::Category => category.as_deref(),
            Split::Unit => unit.as_deref(),
            Split::Whole => None,
        };
        let Some(key) = key else { return Some(whole) };
        let found = match ids.get(next) {
            Some(Some(guess)) if guess == key => Some(next),
            _ => key_index.get(key).copied(),
        };
        next = found.map_or(0, |i| i + 1);
        found
    };
    let mut values: Vec<Vec<(i64, Option<f64>)>> = vec![Vec::new(); labels.len()];
    let mut period_pairs = Vec::with_capacity(caseload.records.len());
    for record in &caseload.records {
        let ordinal = period_ordinal(&record.period);
        period_pairs.push((ordinal, record.period));
        let Some(i) = split_key(&record.category, &record.unit) else { continue };
        values[i].push((ordinal, record.value));
    }
    // Built in bulk: one insert at a time is quadratic on records listed newest first.
    let periods = SortedMap::from_pairs(period_pairs);
    let cells = values.into_iter().map(|v| SortedMap::from_folded(v, |cell: &mut Cell, value| cell.add(value)));
    // The lines with data, by key index; past MAX_SERIES, those with the
    // largest latest values stay, in their declared order.
    let mut candidates: Vec<(usize, Option<f64>)> = Vec::new();
    let cells: Vec<SortedMap<i64, Cell>> = cells.collect();
    for (i, cells) in cells.iter().enumerate() {
        if !cells.is_empty() {
            candidates.push((i, cells.values().rev().find_map(Cell::value)));
        }
    }
    let with_data = candidates.len();
    let mut kept = vec![with_data <= MAX_SERIES; labels.len()];
    if with_data > MAX_SERIES {
        sort_descending(&mut candidates, |c| c.1);
        for c in &candidates[..MAX_SERIES] {
            kept[c.0] = true;
        }
    }
    let mut series = Vec::new();
    // Each series' index, by key index.
    let mut series_of_key = vec![None; kept.len()];
    for (i, (label, cells)) in labels.into_iter().zip(cells).enumerate() {
        if cells.is_empty() || !kept[i] {
            continue;
        }
        let n = series.len();
        series_of_key[i] = Some(n);
        series.push(Series { label, colour: ctx.style.series_colour(n), marker: ctx.style.series_marker(n), cells });
    }

    // A target belongs to the line it would be read against; others are left out.
    let mut targets = Vec::new();
    for target in &caseload.targets {
        let Some(value) = target.value else { continue };
        let other_split_is_whole = match split {
            Split::Category => target.unit.is_none(),
            Split::Unit => target.category.is_none(),
            Split::Whole => target.unit.is_none() && target.category.is_none(),
        };
        let n = split_key(&target.category, &target.unit).and_then(|i| series_of_key[i]);
        let Some(n) = n.filter(|_| other_split_is_whole) else { continue };
        let label = target.label.as_ref().map(|l| ctx.text(l)).unwrap_or_else(|| Msg::Target.text(ctx.lang));
        targets.push(TargetLine { series: n, label, period: target.period, value, colour: series[n].colour });
    }

    let granularity = periods.values().next().map(Period::granularity).unwrap_or(Granularity::Month);
    let unit = caseload.measure.unit.as_ref().map(|u| ctx.unit(u)).filter(|u| !u.is_empty());
    let label = caseload.measure.label.as_ref().map(|l| ctx.text(l)).filter(|l| !l.is_empty());
    let axis_title = match (&label, &unit) {
        (Some(l), Some(u)) => Some(format!("{l}, {u}")),
        (Some(l), None) => Some(l.clone()),
        (None, Some(u)) => Some(u.clone()),
        (None, None) => None,
    };
    let quantity = Quantity { format: caseload.measure.format, unit: caseload.measure.unit.clone(), locale: ctx.feed.locale };
    let left_out = with_data - series.len();
    TrendData { series, targets, periods, granularity, format: caseload.measure.format, quantity, axis_title, left_out }
}

impl TrendData {
    /// A value as a reader sees it, with the measure's unit in the form that agrees with it.
    fn value_text(&self, value: f64, lang: opeka_feed::Lang) -> String {
        self.quantity.text(value, lang)
    }
}

/// Draws the trend view of a caseload feed.
pub(crate) fn render_trend(ctx: &Context, caseload: &Caseload) -> Scene {
    let data = trend_data(ctx, caseload);
    let words = strings(ctx.lang);
    let style = ctx.style;
    let mut frame = ctx.frame();
    let left_out_note = (data.left_out > 0)
        .then(|| Msg::LargestSeriesShown { shown: data.series.len(), total: data.series.len() + data.left_out }.text(ctx.lang));
    if let Some(note) = &left_out_note {
        frame.add_note(note, style, ctx.measure);
    }
    let label_font = ctx.font(TextSize::Label);
    let small_font = ctx.font(TextSize::Small);
    let inner_w = ctx.width - 2.0 * frame.padding;
    let gap = style.gap();

    let legend = (data.series.len() > 1)
        .then(|| Legend::of_series(ctx, data.series.iter().map(|s| (s.label.as_str(), s.colour, s.marker)), inner_w, label_font));
    let legend_h = legend.as_ref().map_or(0.0, |l| l.height() + gap);
    let axis_title = data.axis_title.as_ref().map(|t| ellipsize(ctx.measure, label_font, t, inner_w));
    let axis_title_h = if axis_title.is_some() { label_font.line_height() + gap / 2.0 } else { 0.0 };
    // Period labels hang below the zero tick's label, which is centred on the axis.
    let x_label_offset = (label_font.line_height() / 2.0 + 2.0).round();
    let x_axis_h = x_label_offset + label_font.line_height() + gap / 2.0;
    let min_plot_h = (ctx.width * 0.3).clamp(160.0, 400.0);
    let natural = frame.chrome_height(style) + legend_h + axis_title_h + min_plot_h + x_axis_h;
    // Squeezed by an explicit height, the frame gives way before the plot
    // and, where they can stay with it, its legend and axis title (then the
    // legend alone): lines nobody can tell apart say nothing.
    let plot_least = x_axis_h + 3.0 * label_font.line_height();
    let key_least = legend_h + axis_title_h + plot_least;
    let room = ctx.height(natural) - frame.least_chrome_height(style);
    let least = if key_least <= room {
        key_least
    } else if legend_h + plot_least <= room {
        legend_h + plot_least
    } else {
        plot_least
    };
    let height = ctx.fit(&mut frame, natural, least);

    let table = data_table(ctx, &data, &frame.title);
    let mut summary = summary(ctx, &data, &frame.title);
    if let Some(note) = left_out_note {
        summary.push(' ');
        summary.push_str(&note);
    }

    let mut canvas = ctx.canvas(height);
    'draw: {
        let canvas = &mut canvas;
        let area = frame.draw(canvas);
        let mut top = area.y;
        // The axis title, then the legend, go too when the plot would be less than a few lines tall.
        if let Some(legend) = legend.as_ref().filter(|_| area.h >= legend_h + plot_least) {
            legend.draw(canvas, area.x, top, style);
            top += legend.height() + gap;
        }
        if let Some(title) = axis_title.as_ref().filter(|_| area.h >= key_least) {
            canvas.text(TextRole::Axis, title, area.x, top, label_font, style.muted, Align::Start);
            top += axis_title_h;
        }
        let bottom = area.bottom() - x_axis_h;
        if data.periods.is_empty() || bottom - top < label_font.line_height() {
            canvas.message(words.no_data, area.x + area.w / 2.0, (top + area.bottom()) / 2.0 - label_font.size, area.w, label_font);
            break 'draw;
        }
        // Leave half a line above the top tick so its label stays in the plot.
        let plot_top = top + label_font.line_height() / 2.0;
        let plot_h = bottom - plot_top;

        // Value axis.
        // The axis fits what is shown: hiding a large series rescales to the rest.
        let shown = |n: usize| !ctx.is_hidden(n);
        let values = data
            .series
            .iter()
            .enumerate()
            .filter(|&(n, _)| shown(n))
            .flat_map(|(_, s)| s.cells.values().filter_map(Cell::value))
            .chain(data.targets.iter().filter(|t| shown(t.series)).map(|t| t.value));
        let (lo, hi) = value_domain(values, !matches!(data.format, Format::Index | Format::Ratio));
        let max_ticks = ((plot_h / (label_font.line_height() * 2.2)).floor() as usize).clamp(2, 8);
        let y_scale = LinearScale::nice(lo, hi, max_ticks, data.format == Format::Count, bottom, -plot_h);
        let tick_labels = value_tick_labels(y_scale.ticks(), data.format, ctx.lang);
        let gutter_max = inner_w * 0.3;
        let tick_labels: Vec<String> = tick_labels.iter().map(|l| ellipsize(ctx.measure, label_font, l, gutter_max)).collect();
        let gutter = tick_labels.iter().map(|l| label_font.width(ctx.measure, l)).fold(0.0, f64::max) + gap;
        let plot_left = area.x + gutter;
        let plot_right = area.right();
        draw_value_axis(canvas, &y_scale, &tick_labels, plot_left, plot_right, gap, label_font);

        // Period axis: markers must not hang over the plot's edges.
        let inset = style.marker_radius + 2.0;
        let (x0, x1) = (plot_left + inset, plot_right - inset);
        let ordinals = data.periods.keys().copied().chain(data.targets.iter().map(|t| period_ordinal(&t.period)));
        let Some(x_scale) = PeriodScale::spanning(ordinals, x0, x1) else { break 'draw };
        let Some((first_p, last_p)) = x_scale.periods(data.granularity) else { break 'draw };
        let period_axis =
            PeriodAxis::layout(first_p, last_p, &|o| x_scale.px(o), (area.x, area.right()), label_font, ctx.measure, ctx.lang);
        canvas.hline(plot_left, plot_right, bottom, 1.0, style.axis);
        let tick_len = (gap / 2.0).round();
        period_axis.draw(canvas, bottom, tick_len, bottom + x_label_offset, label_font);

        // Targets under the lines, labels at the right end above the dash.
        for (k, target) in data.targets.iter().enumerate() {
            if !shown(target.series) {
                continue;
            }
            let y = y_scale.px(target.value);
            canvas.dashed_hline(plot_left, plot_right, y, (style.line_width / 2.0).max(1.0), target.colour, (6.0, 4.0));
            let text = format!("{}: {}", target.label, clean(&format_compact(target.value, data.format, ctx.lang)));
            let text = ellipsize(ctx.measure, small_font, &text, plot_right - plot_left);
            let label_y = (y - small_font.line_height() - 1.0).max(plot_top - label_font.line_height() / 2.0);
            canvas.text_if_free(TextRole::Label, &text, plot_right, label_y, small_font, style.muted, Align::End);
            let x = x_scale.px(period_ordinal(&target.period));
            let period = clean(&format_period(&target.period, ctx.lang));
            let label = format!("{}, {period}: {}", target.label, data.value_text(target.value, ctx.lang));
            let mut mark =
                Mark::new(&target.label, &target.label, label, Shape::Point { x, y, r: style.marker_radius + 2.0, marker: None });
            // Targets come after every series in keyboard order.
            mark.series_index = data.series.len() + k;
            mark.period = Some(period);
            mark.value = Some(target.value);
            mark.unit = data.quantity.unit_for(target.value, ctx.lang);
            canvas.mark(mark);
        }

        // The lines.
        let budget = ((x1 - x0) * POINTS_PER_PIXEL).max(3.0) as usize;
        let most_points = data.series.iter().map(|s| s.cells.values().filter(|c| c.reported > 0).count()).max().unwrap_or(0);
        let show_markers = most_points <= MARKER_LIMIT;
        let from_previous = Msg::FromPrevious.text(ctx.lang);
        for (n, series) in data.series.iter().enumerate().filter(|&(n, _)| shown(n)) {
            let runs = runs(&series.cells, data.granularity);
            let total: usize = runs.iter().map(Vec::len).sum();
            for run in runs {
                let points: Vec<(f64, f64)> = run.iter().map(|&(o, v)| (x_scale.px(o), y_scale.px(v))).collect();
                let keep =
                    if total > budget { lttb(&points, ((run.len() * budget).div_ceil(total)).max(2)) } else { (0..points.len()).collect() };
                let drawn: Vec<(f64, f64)> = keep.iter().map(|&i| points[i]).collect();
                if drawn.len() > 1 {
                    canvas.polyline(&drawn, series.colour, style.line_width);
                }
                let markers = show_markers || drawn.len() == 1;
                if markers {
                    for &(x, y) in &drawn {
                        canvas.marker(series.marker, x, y, style.marker_radius, series.colour);
                    }
                }
                // A long series' readings are most of its drawing time, and
                // its marks a quarter of a page's memory: a page that asks
                // for them when a viewer points draws without them. Read,
                // every point has one, those the line's drawing leaves out
                // too: each line downsampled on its own keeps other periods,
                // and a tooltip (a period's marks) would leave out the
                // lines that had no point kept there.
                //
                // Placed only, a point's mark has an empty label: a page
                // that places every point reads a period's when a viewer
                // comes to it (`Readings::Between`).
                let r = if markers { style.marker_radius } else { style.line_width.max(3.0) };
                let marker = markers.then_some(series.marker);
                for (i, &(o, value)) in run.iter().enumerate().filter(|_| ctx.readings != Readings::Unread) {
                    let (x, y) = points[i];
                    let shape = Shape::Point { x, y, r, marker };
                    match ctx.readings {
                        Readings::Between(from, to) if !(from..=to).contains(&x) => continue,
                        Readings::Places | Readings::Shown | Readings::Rows => {
                            let mut mark = Mark::new(&series.label, &series.label, String::new(), shape);
                            mark.series_index = n;
                            canvas.mark(mark);
                            continue;
                        }
                        _ => {}
                    }
                    let period = data.periods.get(&o).copied().or_else(|| period_at(data.granularity, o));
                    // The formatters' own texts: nothing in them for `clean` to take out,
                    // and once a point it was a tenth of a long trend's readings.
                    let period_text = period.map(|p| format_period(&p, ctx.lang)).unwrap_or_default();
                    let mut label = format!("{}, {period_text}: {}", series.label, data.value_text(value, ctx.lang));
                    // A run holds consecutive periods, so the point before is the previous period's.
                    if let Some(&(_, previous)) = i.checked_sub(1).and_then(|p| run.get(p)) {
                        label.push_str(", ");
                        label.push_str(&format_change_in(value, previous, data.format, ctx.lang));
                        label.push(' ');
                        label.push_str(&from_previous);
                    }
                    if series.cells.get(&o).is_some_and(|c| c.missing > 0) {
                        label.push(' ');
                        label.push_str(words.incomplete);
                    }
                    let mut mark = Mark::new(&series.label, &series.label, label, shape);
                    mark.series_index = n;
                    mark.period = Some(period_text);
                    mark.value = Some(value);
                    mark.unit = data.quantity.unit_for(value, ctx.lang);
                    canvas.mark(mark);
                }
            }
        }
    }

    canvas.finish(&frame.title, summary, table)
}

/// A series' reported values split where the line must break: at gaps
/// (all-null periods) and, except on daily axes, at missing periods.
fn runs(cells: &SortedMap<i64, Cell>, granularity: Granularity) -> Vec<Vec<(i64, f64)>> {
    let mut runs: Vec<Vec<(i64, f64)>> = Vec::new();
    let mut previous: Option<i64> = None;
    for (&o, cell) in cells.iter() {
        let Some(value) = cell.value() else {
            previous = None;
            continue;
        };
        let joined = previous.is_some_and(|p| granularity == Granularity::Day || o - p == 1);
        match runs.last_mut() {
            Some(run) if joined => run.push((o, value)),
            _ => runs.push(vec![(o, value)]),
        }
        previous = Some(o);
    }
    runs
}

fn data_table(ctx: &Context, data: &TrendData, title: &str) -> DataTable {
    let mut caption = match &data.axis_title {
        Some(axis) => format!("{title} ({axis})"),
        None => title.to_owned(),
    };
    let mut columns = vec![Msg::Period.text(ctx.lang)];
    columns.extend(data.series.iter().map(|s| s.label.clone()));
    // A long series' table on the page shows its latest periods, the ones
    // a reader comes for, and its caption says so; its CSV has them all.
    let total = data.periods.len();
    if total > MAX_ROWS {
        caption.push_str(". ");
        caption.push_str(&Msg::LatestRows { shown: MAX_ROWS, total }.text(ctx.lang));
    }
    caption.push_str(&ctx.hidden_note(data.series.iter().map(|s| s.label.as_str())));
    // Unread, no row is formatted: a daily trend of years has thousands,
    // most of what is left of a long series' drawing once its points go
    // unread, and a page asks for them when its table is wanted: the rows
    // it shows when opened or printed (`Readings::Shown`: 4 175 days'
    // rows made a task of 60 ms as the table opened, docs/performance.md,
    // stop 39), every row when saved as CSV (`Readings::Rows`).
    let formatted = match ctx.readings {
        Readings::All | Readings::Rows => total,
        Readings::Shown => total.min(MAX_ROWS),
        _ => 0,
    };
    let rows = data
        .periods
        .iter()
        .skip(total - formatted)
        .map(|(o, period)| {
            let mut row = vec![format_period(period, ctx.lang)];
            row.extend(data.series.iter().map(|s| match s.cells.get(o).and_then(Cell::value) {
                Some(v) => format_value(v, data.format, ctx.lang),
                None => Msg::NotReported.text(ctx.lang),
            }));
            row
        })
        .collect();
    DataTable { caption, columns, rows, more_rows: 0 }
}

fn summary(ctx: &Context, data: &TrendData, title: &str) -> String {
    let words = strings(ctx.lang);
    let lang = ctx.lang;
    let (Some(first), Some(last)) = (data.periods.values().next(), data.periods.values().next_back()) else {
        return format!("{title}. {}.", upper_first(words.no_data));
    };
    let span = if first == last {
        clean(&format_period(first, lang))
    } else {
        format!("{} — {}", clean(&format_period(first, lang)), clean(&format_period(last, lang)))
    };
    let mut out = format!(
        "{title}. {}: {}, {}, {span}",
        words.line_chart,
        opeka_feed::locale::count_noun((data.series.len()) as f64, opeka_feed::locale::Noun::Series, lang),
        opeka_feed::locale::count_noun((data.periods.len()) as f64, opeka_feed::locale::Noun::Period, lang),
    );
    end_sentence(&mut out);
    let latest: Vec<(String, i64, f64)> =
        data.series.iter().filter_map(|s| s.cells.iter().rev().find_map(|(&o, c)| c.value().map(|v| (s.label.clone(), o, v)))).collect();
    if !latest.is_empty() {
        let last_o = period_ordinal(last);
        let all_latest = latest.iter().all(|&(_, o, _)| o == last_o);
        let items: Vec<String> = latest
            .iter()
            .map(|(label, o, v)| {
                let when = if all_latest {
                    String::new()
                } else {
                    data.periods.get(o).map(|p| format!(" ({})", clean(&format_period(p, lang)))).unwrap_or_default()
                };
                format!("{label} — {}{when}", data.value_text(*v, lang))
            })
            .collect();
        let heading = if all_latest {
            format!("{} ({})", upper_first(words.latest), clean(&format_period(last, lang)))
        } else {
            upper_first(words.latest)
        };
        out.push_str(&format!(" {heading}: {}.", join(&items, "; ")));
    }
    for target in &data.targets {
        out.push_str(&format!(
            " {}, {}: {}.",
            target.label,
            clean(&format_period(&target.period, lang)),
            data.value_text(target.value, lang)
        ));
    }
    out.push_str(&ctx.hidden_note(data.series.iter().map(|s| s.label.as_str())));
    out
}

/// A record as the worker's reduction reads it, its ids borrowed: from a
/// validated feed's records, or from the declared ids (the validator's
/// quick path, `opeka_feed::validate::read_caseload_quickly`, gives the
/// records of a big feed without ids of their own).
#[derive(Clone, Copy)]
pub(crate) struct RecordRef<'a> {
    /// When.
    pub(crate) period: Period,
    /// The unit's id; `None` is the whole.
    pub(crate) unit: Option<&'a str>,
    /// The category's id; `None` is the whole.
    pub(crate) category: Option<&'a str>,
    /// How many; `None` is not reported.
    pub(crate) value: opeka_feed::Value,
}

/// One record of a reduced trend: a (series, period) cell's sum, and a
/// `null` beside it when some of its records were not reported.
pub(crate) struct CellRecords<'a> {
    /// The period, as the records gave it.
    pub(crate) period: Period,
    /// The category of the series; `None` is the whole.
    pub(crate) category: Option<&'a str>,
    /// The cell's sum, when anything was reported, with the unit of its first reported record.
    pub(crate) reported: Option<(f64, Option<&'a str>)>,
    /// The unit of the cell's first `null` record, when it had one.
    pub(crate) missing: Option<Option<&'a str>>,
}

/// The caseload's records summed into one per (period, category), which
/// the trend draws exactly as it draws the records themselves: each cell's
/// values are folded in the order the records give them, as [`trend_data`]
/// folds them, so the sums are bit for bit the same. Answers how many
/// cells there are and the cells, in order, each `None` when a sum is not
/// finite; `None` when the lines are not categories (then no two records
/// share a cell and there is nothing to sum).
///
/// The `count` records are read through `record` (`None` for one that
/// cannot be read, which leaves nothing summed): a 15 MB feed's 167 000
/// records would be 6.7 MB of the worker's memory as a vector of their own
/// (docs/performance.md, stop 31). A cell holds the places of the records
/// it needs (its first, its last, its first reported and its first `null`)
/// rather than their ids, and is read out as it is asked for: the cells
/// of that feed took 1.5 MB as they were folded and 0.8 MB more collected
/// (stop 32).
pub(crate) fn summed_records<'a, 'r>(
    categories: &[opeka_feed::Category],
    count: usize,
    record: &'r dyn Fn(usize) -> Option<RecordRef<'a>>,
) -> Option<(usize, impl Iterator<Item = Option<CellRecords<'a>>> + 'r)> {
    /// No record.
    const NONE: u32 = u32::MAX;
    /// A cell as it is folded: its sum and the places of its records.
    #[derive(Clone, Copy)]
    struct Fold {
        cell: Cell,
        /// The first record: the cell's category.
        first: u32,
        /// The last: the cell's period, as the trend takes it.
        last: u32,
        /// The first reported and the first `null`: the units the sum and the `null` are written with.
        reported: u32,
        missing: u32,
    }
    impl Default for Fold {
        fn default() -> Self {
            Fold { cell: Cell::default(), first: NONE, last: NONE, reported: NONE, missing: NONE }
        }
    }
    // Every record's place fits a `u32` (a 64 MiB body has far fewer).
    u32::try_from(count).ok()?;
    // The cells are keyed by integers, the period's ordinal and the
    // category's rank among the declared ids (the whole first): the same
    // order as by (period, category), without comparing the ids' text for
    // each of the many records (this runs on feeds of 100 000 records and
    // more). Period by period, as feeds are written: the worker's reduced
    // feed is then in the order the page's validator and trend sort by,
    // and they sort nothing (`order::sorted_indices`).
    let mut ids: Vec<&str> = categories.iter().map(|c| c.id.as_str()).collect();
    opeka_feed::collections::order::sort_stable_by(&mut ids, |a, b| a.cmp(b));
    let search = |id: &str| ids.binary_search(&id).ok().map(|i| i + 1);
    // A record read on the quick path borrows its category's id from the
    // declared list: found by where it lies, not by comparing its text (a
    // byte at a time in wasm), for the few categories a trend has.
    let declared: Vec<(&str, Option<usize>)> =
        if categories.len() <= 16 { categories.iter().map(|c| (c.id.as_str(), search(&c.id))).collect() } else { Vec::new() };
    let rank = |category: Option<&str>| match category {
        None => Some(0),
        Some(id) => match declared.iter().find(|(declared, _)| std::ptr::eq(*declared, id)) {
            Some(&(_, rank)) => rank,
            None => search(id),
        },
    };
    let key = |r: &RecordRef| Some((period_ordinal(&r.period), rank(r.category)?));
    // Record `i` (its value `value`) folded into `fold`. Two records of
    // one cell differ in their unit (the validator refuses repeated
    // (period, unit, category)), so the sum and the `null` written with
    // the units of different records differ too.
    let add = |fold: &mut Fold, i: usize, value: opeka_feed::Value| {
        let i = i as u32;
        if fold.first == NONE {
            fold.first = i;
        }
        fold.last = i;
        fold.cell.add(value);
        let by = if value.is_some() { &mut fold.reported } else { &mut fold.missing };
        if *by == NONE {
            *by = i;
        }
    };
    // The periods' span, and whether any record has a category, in one pass.
    let (mut first, mut last, mut split) = (i64::MAX, i64::MIN, false);
    for i in 0..count {
        let r = record(i)?;
        split |= r.category.is_some();
        let (ordinal, _) = key(&r)?;
        (first, last) = (first.min(ordinal), last.max(ordinal));
    }
    if !split {
        return None;
    }
    let span = usize::try_from(last.saturating_sub(first).saturating_add(1)).unwrap_or(usize::MAX);
    let (cells, folds): (usize, Box<dyn Iterator<Item = Fold>>) = match span.checked_mul(ids.len() + 1) {
        // Periods that are dense enough (daily records over the days of a
        // span): each record folded straight into its cell of a grid, in
        // the records' order, with no sort and no vector of keys.
        Some(grid) if grid <= 4 * count + 1024 => {
            let (mut slots, mut cells) = (vec![Fold::default(); grid], 0);
            for i in 0..count {
                let r = record(i)?;
                let (ordinal, rank) = key(&r)?;
                // Within the grid by construction (ordinal in first..=last).
                let slot = slots.get_mut((ordinal - first) as usize * (ids.len() + 1) + rank)?;
                cells += usize::from(slot.first == NONE);
                add(slot, i, r.value);
            }
            (cells, Box::new(slots.into_iter().filter(|fold| fold.first != NONE)))
        }
        _ => {
            let mut pairs = Vec::with_capacity(count);
            for i in 0..count {
                pairs.push((key(&record(i)?)?, i));
            }
            // Each record read again as it is folded: read once, it is not
            // `None` now.
            let map = SortedMap::from_folded(pairs, |fold, i| {
                if let Some(r) = record(i) {
                    add(fold, i, r.value);
                }
            });
            (map.len(), Box::new(map.into_values()))
        }
    };
    let cell = move |fold: Fold| {
        let unit = |at: u32| record(at as usize).map(|r| r.unit);
        let reported = match (fold.cell.value(), fold.reported) {
            (Some(sum), at) if at != NONE && sum.is_finite() => Some((sum, unit(at)?)),
            (None, _) => None,
            _ => return None,
        };
        let missing = if fold.missing == NONE { None } else { Some(unit(fold.missing)?) };
        Some(CellRecords { period: record(fold.last as usize)?.period, category: record(fold.first as usize)?.category, reported, missing })
    };
    Some((cells, folds.map(cell)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_break_at_gaps_and_missing_periods() {
        let mut cells = SortedMap::new();
        for (o, reported) in [(1, true), (2, true), (3, false), (4, true), (6, true), (7, true)] {
            cells.insert(o, Cell { sum: o as f64, reported: usize::from(reported), missing: usize::from(!reported) });
        }
        let lengths: Vec<usize> = runs(&cells, Granularity::Month).iter().map(Vec::len).collect();
        assert_eq!(lengths, vec![2, 1, 2]);
        let lengths: Vec<usize> = runs(&cells, Granularity::Day).iter().map(Vec::len).collect();
        assert_eq!(lengths, vec![2, 3]);
    }
}
