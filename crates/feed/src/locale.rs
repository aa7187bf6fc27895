//! Russian and English formatting of numbers, periods, dates and plurals.
