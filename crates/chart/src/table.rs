//! The data behind a chart as a table: for screen readers, the widget's
//! table view and its CSV download.

use opeka_feed::Lang;

/// A table of formatted cells: what the chart shows, in rows and columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataTable {
    /// What the table holds (the chart title and measure).
    pub caption: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows of cells, each as long as `columns`.
    pub rows: Vec<Vec<String>>,
}

/// A cell that shows a bare number (`12 000,5`, `−3`; `12,000.5` in English)
/// as a spreadsheet in that language reads a number: no digit groups, an
/// ASCII minus, and the decimal comma for Russian (`12000,5`) or the point
/// for English (`12000.5`). `None` for anything else: words, units, years
/// in brackets, changes with a sign (`+20`), percentages, `нет данных`.
///
/// The CSV download writes these instead of the shown text, so that Excel
/// opens the figures as numbers. They are the figures as shown, to the
/// same decimals, so the file and the table on the page agree.
pub fn csv_number(cell: &str, lang: Lang) -> Option<String> {
    let (group, decimal) = if lang == Lang::Ru { ("\u{a0}".as_bytes(), b',') } else { (b",".as_slice(), b'.') };
    let mut bytes = cell.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    if let Some(rest) = bytes.strip_prefix("\u{2212}".as_bytes()) {
        out.push(b'-');
        bytes = rest;
    }
    // Digits in the run being read, whether digit groups were seen, and
    // whether the run is the fraction. Groups are three digits after a
    // first of one to three (`12 000`, never `1 20`); so is the whole part
    // before a decimal separator once grouped.
    let (mut run, mut grouped, mut fraction) = (0, false, false);
    while let Some(&b) = bytes.first() {
        let group_ends = run > 0 && if grouped { run == 3 } else { run <= 3 };
        if b.is_ascii_digit() {
            out.push(b);
            run += 1;
            bytes = &bytes[1..];
        } else if !fraction && group_ends && bytes.starts_with(group) {
            (grouped, run) = (true, 0);
            bytes = &bytes[group.len()..];
        } else if !fraction && b == decimal && (group_ends || !grouped && run > 0) {
            out.push(b);
            (fraction, run) = (true, 0);
            bytes = &bytes[1..];
        } else {
            return None;
        }
    }
    if run > 0 && (fraction || !grouped || run == 3) {
        // Only ASCII digits, `-` and the separator were written.
        String::from_utf8(out).ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use opeka_feed::locale::format_number;

    #[test]
    fn figures_become_numbers_in_the_readers_convention() {
        assert_eq!(csv_number("12\u{a0}000,5", Lang::Ru).as_deref(), Some("12000,5"));
        assert_eq!(csv_number("12,000.5", Lang::En).as_deref(), Some("12000.5"));
        assert_eq!(csv_number("\u{2212}1\u{a0}234\u{a0}567", Lang::Ru).as_deref(), Some("-1234567"));
        assert_eq!(csv_number("\u{2212}0.25", Lang::En).as_deref(), Some("-0.25"));
        assert_eq!(csv_number("770", Lang::Ru).as_deref(), Some("770"));
        assert_eq!(csv_number("60,7", Lang::Ru).as_deref(), Some("60,7"));
    }

    #[test]
    fn anything_but_a_bare_number_stays_text() {
        for (cell, lang) in [
            ("57\u{a0}семей", Lang::Ru),
            ("70 (2023)", Lang::Ru),
            ("+20", Lang::Ru),
            ("\u{2212}30\u{a0}%", Lang::Ru),
            ("×2", Lang::En),
            ("нет данных", Lang::Ru),
            ("—", Lang::En),
            ("", Lang::Ru),
            ("1\u{a0}20", Lang::Ru),
            ("1234\u{a0}567", Lang::Ru),
            ("12,5", Lang::En),
            ("12.5", Lang::Ru),
            ("1,", Lang::En),
            (",5", Lang::Ru),
            ("январь\u{a0}2016", Lang::Ru),
        ] {
            assert_eq!(csv_number(cell, lang), None, "{cell:?} in {lang:?}");
        }
    }

    #[test]
    fn every_number_the_locale_writes_reads_back() {
        for value in [0.0, 7.0, 999.0, 1000.0, 12_000.5, -3.25, 1_234_567.0, -0.5, 60.75] {
            for lang in [Lang::Ru, Lang::En] {
                let shown = format_number(value, 2, lang);
                let csv = csv_number(&shown, lang).unwrap_or_else(|| panic!("{shown:?} is a number"));
                let parsed: f64 = csv.replace(',', ".").parse().expect("a number");
                assert!((parsed - value).abs() < 1e-9, "{shown:?} → {csv:?}");
                let foreign = if lang == Lang::Ru { '.' } else { ',' };
                assert!(!csv.contains(foreign), "{csv:?} has no {foreign:?} in {lang:?}");
            }
        }
    }
}
