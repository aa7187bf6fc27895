//! The widget's own words, in Russian and English.

use opeka_feed::Lang;

/// A sentence the widget writes itself (not from a feed).
#[derive(Clone, Copy, Debug)]
pub enum Says {
    Loading,
    FeedInvalid,
    NetworkFailed,
    NoFeed,
    Retry,
    Details,
    DataTable,
}

impl Says {
    pub fn text(self, lang: Lang) -> &'static str {
        use Says::*;
        match (self, lang) {
            (Loading, Lang::Ru) => "Загрузка данных…",
            (Loading, Lang::En) => "Loading data…",
            (FeedInvalid, Lang::Ru) => "График не показан: в данных есть ошибки.",
            (FeedInvalid, Lang::En) => "The chart is not shown: the data has errors.",
            (NetworkFailed, Lang::Ru) => "Не удалось загрузить данные",
            (NetworkFailed, Lang::En) => "The data could not be loaded",
            (NoFeed, Lang::Ru) => "Не указан источник данных (атрибут src).",
            (NoFeed, Lang::En) => "No data source given (the src attribute).",
            (Retry, Lang::Ru) => "Повторить",
            (Retry, Lang::En) => "Try again",
            (Details, Lang::Ru) => "Подробности для автора страницы",
            (Details, Lang::En) => "Details for the page author",
            (DataTable, Lang::Ru) => "Таблица данных",
            (DataTable, Lang::En) => "Data table",
        }
    }
}
