//! The data behind a chart as a table: for screen readers, the widget's
//! table view and its CSV download.

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
