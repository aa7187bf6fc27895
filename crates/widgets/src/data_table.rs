//! The chart's data as an accessible HTML table.

use opeka_chart::{DataTable, MAX_ROWS};
use opeka_feed::locale::Msg;
use opeka_feed::Lang;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

use crate::dom::{append_text, element};

/// A `<table>` of `table`: caption, column headers, one row per record
/// with its first cell as the row header (the first [`MAX_ROWS`], then a
/// line in `lang` that counts the rest). Cells are text nodes (the CSV
/// download reads the numbers back from them: `csvNumber` in
/// `js/opeka-extras.js`).
pub fn data_table(document: &Document, table: &DataTable, lang: Lang) -> Result<Element, JsValue> {
    let root = element(document, "table", "")?;
    append_text(&root, "caption", &table.caption)?;
    let head = element(document, "thead", "")?;
    let header = element(document, "tr", "")?;
    for column in &table.columns {
        append_text(&header, "th", column)?.set_attribute("scope", "col")?;
    }
    head.append_child(&header)?;
    root.append_child(&head)?;
    let body = element(document, "tbody", "")?;
    for row in table.rows.iter().take(MAX_ROWS) {
        let line = element(document, "tr", "")?;
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                append_text(&line, "th", cell)?.set_attribute("scope", "row")?;
            } else {
                append_text(&line, "td", cell)?;
            }
        }
        body.append_child(&line)?;
    }
    root.append_child(&body)?;
    let more = table.rows.len().saturating_sub(MAX_ROWS) + table.more_rows;
    if more > 0 {
        let foot = element(document, "tfoot", "")?;
        let line = element(document, "tr", "")?;
        let cell = append_text(&line, "td", &Msg::MoreRows(more).text(lang))?;
        cell.set_attribute("colspan", &table.columns.len().max(1).to_string())?;
        foot.append_child(&line)?;
        root.append_child(&foot)?;
    }
    Ok(root)
}
