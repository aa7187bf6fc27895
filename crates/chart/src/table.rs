//! The data behind a chart as a table: for screen readers, the widget's
//! table view and its CSV download.

/// The most rows a table shows. A feed of 200 000 units would be 200 000
/// rows of the page's DOM, seconds of the host page's time, read by no
/// one; and a daily trend of 4 000 days would format every cell of its
/// rows in the widget's drawing task (issue 13: about a third of it).
pub const MAX_ROWS: usize = 1_000;

/// A table of formatted cells: what the chart shows, in rows and columns.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataTable {
    /// What the table holds (the chart title and measure).
    pub caption: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows of cells, each as long as `columns`. Drawn unread, a trend, a
    /// ranking, a roll and an outcomes view hold none; as a page's table
    /// shows them, a trend's latest [`MAX_ROWS`] periods (its caption says
    /// so) and any other view's first [`MAX_ROWS`]; read (its CSV), every
    /// unit and every period.
    pub rows: Vec<Vec<String>>,
    /// Rows left out after `rows`, past [`MAX_ROWS`].
    pub more_rows: usize,
}
