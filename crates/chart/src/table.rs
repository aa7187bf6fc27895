//! The data behind a chart as a table: for screen readers, the widget's
//! table view and CSV export.

use opeka_feed::locale::join;

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

impl DataTable {
    /// The table as CSV (RFC 4180): a header row, then the rows, CRLF line
    /// ends, fields quoted where they hold a comma, a quote or a line break.
    ///
    /// Cells that a spreadsheet would run as a formula (starting with `=`,
    /// `+`, `-`, `@`) get a leading apostrophe, since labels come from feeds
    /// that may be hostile; numbers are written with a Unicode minus, so no
    /// value needs it.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        for row in std::iter::once(&self.columns).chain(&self.rows) {
            let fields: Vec<String> = row.iter().map(|cell| csv_field(cell)).collect();
            out.push_str(&join(&fields, ","));
            out.push_str("\r\n");
        }
        out
    }
}

fn csv_field(cell: &str) -> String {
    let defused = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_owned() };
    if defused.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_as_rfc_4180_says() {
        let table = DataTable {
            caption: "c".into(),
            columns: vec!["Период".into(), "Дом, \"на дому\"".into()],
            rows: vec![vec!["март 2018".into(), "12\u{A0}345".into()], vec!["a\nb".into(), "=1+1".into()]],
        };
        assert_eq!(table.to_csv(), "Период,\"Дом, \"\"на дому\"\"\"\r\nмарт 2018,12\u{A0}345\r\n\"a\nb\",'=1+1\r\n");
    }
}
