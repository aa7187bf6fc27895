//! Table tests of the Russian and English formatting. U+00A0 is written `\u{a0}`
//! and U+2212 `\u{2212}` so that the invisible differences are visible here.

use opeka_feed::locale::*;
use opeka_feed::{AwardCategory, Date, Format, Lang, Level, Period, Status};

const RU: Lang = Lang::Ru;
const EN: Lang = Lang::En;

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd_opt(y, m, d).expect("a real date in the test table")
}

#[test]
fn value_full() {
    let cases: &[(f64, Format, Lang, &str)] = &[
        (0.0, Format::Count, RU, "0"),
        (-0.0, Format::Count, RU, "0"),
        (999.0, Format::Count, RU, "999"),
        (1200.0, Format::Count, RU, "1\u{a0}200"),
        (12000.0, Format::Count, RU, "12\u{a0}000"),
        (12000.0, Format::Count, EN, "12,000"),
        (1234567.0, Format::Count, RU, "1\u{a0}234\u{a0}567"),
        (1234567.0, Format::Count, EN, "1,234,567"),
        (1.5, Format::Count, RU, "1,5"),
        (1.5, Format::Count, EN, "1.5"),
        (1234.567, Format::Count, RU, "1\u{a0}234,57"),
        (2.10, Format::Count, RU, "2,1"),
        (2.0001, Format::Count, RU, "2"),
        (-5.0, Format::Count, RU, "\u{2212}5"),
        (-5.0, Format::Count, EN, "\u{2212}5"),
        (-0.001, Format::Count, RU, "0"),
        (-1200.0, Format::Count, EN, "\u{2212}1,200"),
        (30.0, Format::Percent, RU, "30\u{a0}%"),
        (30.0, Format::Percent, EN, "30%"),
        (12.5, Format::Percent, RU, "12,5\u{a0}%"),
        (12.5, Format::Percent, EN, "12.5%"),
        (-3.0, Format::Percent, RU, "\u{2212}3\u{a0}%"),
        (16_000_000.0, Format::Rub, RU, "16\u{a0}000\u{a0}000\u{a0}₽"),
        (16_000_000.0, Format::Rub, EN, "RUB\u{a0}16,000,000"),
        (16.5, Format::Rub, RU, "16,50\u{a0}₽"),
        (16.5, Format::Rub, EN, "RUB\u{a0}16.50"),
        (-250.0, Format::Rub, EN, "\u{2212}RUB\u{a0}250"),
        (70.0, Format::Index, RU, "70"),
        (1.5, Format::Ratio, RU, "1,5"),
        (1.5, Format::Ratio, EN, "1.5"),
        (f64::NAN, Format::Count, RU, "—"),
        (f64::INFINITY, Format::Rub, EN, "—"),
        (f64::NEG_INFINITY, Format::Percent, RU, "—"),
    ];
    for &(value, format, lang, want) in cases {
        assert_eq!(format_value(value, format, lang), want, "{value} {format:?} {lang}");
    }
}

#[test]
fn value_full_huge_is_plain_digits() {
    let text = format_value(1e21, Format::Count, EN);
    assert_eq!(text, "1,000,000,000,000,000,000,000");
    // Never panics, never exponent notation, whatever the magnitude.
    assert!(!format_value(f64::MAX, Format::Count, RU).contains('e'));
    assert_eq!(format_value(f64::MIN_POSITIVE, Format::Count, RU), "0");
}

#[test]
fn value_compact() {
    let cases: &[(f64, Format, Lang, &str)] = &[
        (0.0, Format::Count, RU, "0"),
        (1.25, Format::Count, RU, "1,25"),
        (12.34, Format::Count, RU, "12,3"),
        (123.4, Format::Count, RU, "123"),
        (999.0, Format::Count, RU, "999"),
        (999.6, Format::Count, RU, "1\u{a0}тыс."),
        (1000.0, Format::Count, RU, "1\u{a0}тыс."),
        (1500.0, Format::Count, EN, "1.5K"),
        (12_000.0, Format::Count, RU, "12\u{a0}тыс."),
        (12_000.0, Format::Count, EN, "12K"),
        (12_345.0, Format::Count, RU, "12\u{a0}тыс."),
        (9_960.0, Format::Count, RU, "10\u{a0}тыс."),
        (999_950.0, Format::Count, RU, "1\u{a0}млн"),
        (1_000_000.0, Format::Count, RU, "1\u{a0}млн"),
        (1_500_000.0, Format::Count, RU, "1,5\u{a0}млн"),
        (1_500_000.0, Format::Count, EN, "1.5M"),
        (1_040_000.0, Format::Count, RU, "1\u{a0}млн"),
        (16_400_000.0, Format::Count, RU, "16\u{a0}млн"),
        (2_000_000_000.0, Format::Count, RU, "2\u{a0}млрд"),
        (2_000_000_000.0, Format::Count, EN, "2B"),
        (3.2e12, Format::Count, RU, "3,2\u{a0}трлн"),
        (3.2e12, Format::Count, EN, "3.2T"),
        (-1_500_000.0, Format::Count, RU, "\u{2212}1,5\u{a0}млн"),
        (16_000_000.0, Format::Rub, RU, "16\u{a0}млн\u{a0}₽"),
        (16_000_000.0, Format::Rub, EN, "RUB\u{a0}16M"),
        (-16_000_000.0, Format::Rub, EN, "\u{2212}RUB\u{a0}16M"),
        (500.0, Format::Rub, RU, "500\u{a0}₽"),
        (30.0, Format::Percent, RU, "30\u{a0}%"),
        (12.5, Format::Percent, EN, "12.5%"),
        (70.0, Format::Index, EN, "70"),
        (f64::NAN, Format::Count, RU, "—"),
    ];
    for &(value, format, lang, want) in cases {
        assert_eq!(format_compact(value, format, lang), want, "{value} {format:?} {lang}");
    }
}

#[test]
fn number_fixed() {
    let cases: &[(f64, usize, Lang, &str)] = &[
        (1234.5, 1, RU, "1\u{a0}234,5"),
        (1234.5, 1, EN, "1,234.5"),
        (1234.5, 0, EN, "1,234"), // round half to even, as the digits are exactly .5
        (2.0, 2, RU, "2,00"),
        (0.125, 2, EN, "0.12"),
        (-0.004, 2, RU, "0,00"),
        (-7.25, 1, RU, "\u{2212}7,2"),
        (1.0, 1000, EN, "1.000000000000"),
        (f64::NAN, 2, EN, "—"),
    ];
    for &(value, decimals, lang, want) in cases {
        assert_eq!(format_number(value, decimals, lang), want, "{value} {decimals} {lang}");
    }
}

#[test]
fn change() {
    let cases: &[(f64, f64, Lang, &str)] = &[
        (70.0, 100.0, RU, "\u{2212}30\u{a0}%"),
        (70.0, 100.0, EN, "\u{2212}30%"),
        (105.0, 100.0, RU, "+5\u{a0}%"),
        (105.0, 100.0, EN, "+5%"),
        (100.0, 100.0, RU, "0\u{a0}%"),
        (112.5, 100.0, RU, "+12\u{a0}%"), // half to even at the whole percent
        (102.5, 100.0, RU, "+2,5\u{a0}%"),
        (199.0, 100.0, RU, "+99\u{a0}%"),
        (2.0, 1.0, RU, "×2"),
        (2.5, 1.0, RU, "×2,5"),
        (2.5, 1.0, EN, "×2.5"),
        (1.5, 1.0, EN, "+50%"),
        (1500.0, 100.0, RU, "×15"),
        (120_000.0, 10.0, RU, "×12\u{a0}000"),
        (-4.0, -2.0, RU, "\u{2212}100\u{a0}%"), // a negative baseline never becomes a multiplier
        (-1.0, -2.0, EN, "+50%"),
        (5.0, 0.0, RU, "+5"),
        (-2.5, 0.0, RU, "\u{2212}2,5"),
        (0.0, 0.0, EN, "0"),
        (f64::NAN, 100.0, RU, "—"),
        (70.0, f64::INFINITY, RU, "—"),
    ];
    for &(value, baseline, lang, want) in cases {
        assert_eq!(format_change(value, baseline, lang), want, "{value} vs {baseline} {lang}");
    }
    // A ratio that overflows falls back to the difference rather than `×inf`.
    let overflow = format_change(1e300, 1e-300, EN);
    assert!(overflow.starts_with("+1,000,"), "{overflow}");
}

#[test]
fn periods() {
    let cases: &[(Period, Lang, &str)] = &[
        (Period::Year(2024), RU, "2024"),
        (Period::Year(2024), EN, "2024"),
        (Period::Month(2024, 3), RU, "март\u{a0}2024"),
        (Period::Month(2024, 3), EN, "Mar\u{a0}2024"),
        (Period::Month(2024, 5), RU, "май\u{a0}2024"),
        (Period::Month(2024, 12), RU, "декабрь\u{a0}2024"),
        (Period::Quarter(2024, 1), RU, "I\u{a0}кв.\u{a0}2024"),
        (Period::Quarter(2024, 4), RU, "IV\u{a0}кв.\u{a0}2024"),
        (Period::Quarter(2024, 1), EN, "Q1\u{a0}2024"),
        (Period::Day(day(2024, 3, 8)), RU, "8\u{a0}марта\u{a0}2024\u{a0}г."),
        (Period::Day(day(2024, 3, 8)), EN, "8\u{a0}March\u{a0}2024"),
        // Hand-built periods out of range fall back to feed syntax.
        (Period::Month(2024, 13), RU, "2024-13"),
        (Period::Month(2024, 0), EN, "2024-00"),
        (Period::Quarter(2024, 5), RU, "2024-Q5"),
    ];
    for (period, lang, want) in cases {
        assert_eq!(format_period(period, *lang), *want, "{period} {lang}");
    }
}

#[test]
fn period_ticks() {
    let ru_short = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
    for (i, want) in ru_short.iter().enumerate() {
        let month = u8::try_from(i + 1).expect("twelve months");
        assert_eq!(format_period_tick(&Period::Month(2024, month), false, RU), *want);
    }
    let cases: &[(Period, bool, Lang, &str)] = &[
        (Period::Month(2024, 1), true, RU, "янв\u{a0}2024"),
        (Period::Month(2024, 1), false, EN, "Jan"),
        (Period::Month(2024, 1), true, EN, "Jan\u{a0}2024"),
        (Period::Quarter(2024, 2), false, RU, "II\u{a0}кв."),
        (Period::Quarter(2024, 2), true, RU, "II\u{a0}кв.\u{a0}2024"),
        (Period::Quarter(2024, 3), false, EN, "Q3"),
        (Period::Quarter(2024, 3), true, EN, "Q3\u{a0}2024"),
        (Period::Year(2024), true, RU, "2024"),
        (Period::Year(2024), false, EN, "2024"),
        (Period::Day(day(2024, 3, 8)), false, RU, "8\u{a0}мар"),
        (Period::Day(day(2024, 3, 8)), true, EN, "8\u{a0}Mar\u{a0}2024"),
        (Period::Month(2024, 13), true, RU, "2024-13"),
    ];
    for (period, with_year, lang, want) in cases {
        assert_eq!(format_period_tick(period, *with_year, *lang), *want, "{period} {with_year} {lang}");
    }
}

#[test]
fn dates() {
    let cases: &[(Date, Lang, &str)] = &[
        (day(2018, 6, 8), RU, "8\u{a0}июня\u{a0}2018\u{a0}г."),
        (day(2018, 6, 8), EN, "8\u{a0}June\u{a0}2018"),
        (day(2024, 5, 1), RU, "1\u{a0}мая\u{a0}2024\u{a0}г."),
        (day(2024, 1, 31), RU, "31\u{a0}января\u{a0}2024\u{a0}г."),
        (day(2023, 8, 15), RU, "15\u{a0}августа\u{a0}2023\u{a0}г."),
    ];
    for &(date, lang, want) in cases {
        assert_eq!(format_date(date, lang), want, "{date:?} {lang}");
    }
}

#[test]
fn russian_plurals() {
    let forms = ["семья", "семьи", "семей"];
    let cases: &[(f64, &str)] = &[
        (0.0, "семей"),
        (1.0, "семья"),
        (2.0, "семьи"),
        (4.0, "семьи"),
        (5.0, "семей"),
        (11.0, "семей"),
        (12.0, "семей"),
        (14.0, "семей"),
        (21.0, "семья"),
        (22.0, "семьи"),
        (25.0, "семей"),
        (101.0, "семья"),
        (111.0, "семей"),
        (112.0, "семей"),
        (1001.0, "семья"),
        (1.5, "семьи"),
        (0.5, "семьи"),
        (-1.0, "семья"),
        (-3.0, "семьи"),
        (1e20, "семей"),
        (f64::NAN, "семей"),
        (f64::INFINITY, "семей"),
    ];
    for &(n, want) in cases {
        assert_eq!(plural_ru(n, forms), want, "{n}");
    }
}

#[test]
fn counted_nouns() {
    let cases: &[(f64, Noun, Lang, &str)] = &[
        (1.0, Noun::Family, RU, "1\u{a0}семья"),
        (2.0, Noun::Family, RU, "2\u{a0}семьи"),
        (5.0, Noun::Family, RU, "5\u{a0}семей"),
        (1.5, Noun::Family, RU, "1,5\u{a0}семьи"),
        (1.001, Noun::Family, RU, "1\u{a0}семья"), // agrees with the digits shown
        (21.0, Noun::Employee, RU, "21\u{a0}сотрудник"),
        (2.0, Noun::Employee, RU, "2\u{a0}сотрудника"),
        (5.0, Noun::Employee, RU, "5\u{a0}сотрудников"),
        (12_000.0, Noun::Person, RU, "12\u{a0}000\u{a0}человек"),
        (3.0, Noun::Person, RU, "3\u{a0}человека"),
        (5.0, Noun::Child, RU, "5\u{a0}детей"),
        (5.0, Noun::Year, RU, "5\u{a0}лет"),
        (1.0, Noun::Family, EN, "1\u{a0}family"),
        (5.0, Noun::Family, EN, "5\u{a0}families"),
        (0.0, Noun::Family, EN, "0\u{a0}families"),
        (1.5, Noun::Family, EN, "1.5\u{a0}families"),
        (12_000.0, Noun::Person, EN, "12,000\u{a0}people"),
        (1.0, Noun::Person, EN, "1\u{a0}person"),
        (f64::NAN, Noun::Family, RU, "—"),
    ];
    for &(n, noun, lang, want) in cases {
        assert_eq!(count_noun(n, noun, lang), want, "{n} {noun:?} {lang}");
    }
}

#[test]
fn counted_nouns_compact() {
    let cases: &[(f64, Noun, Lang, &str)] = &[
        (1_500_000.0, Noun::Family, RU, "1,5\u{a0}млн\u{a0}семей"),
        (1_000.0, Noun::Person, RU, "1\u{a0}тыс.\u{a0}человек"),
        (21_000.0, Noun::Family, RU, "21\u{a0}тыс.\u{a0}семей"),
        (22.0, Noun::Family, RU, "22\u{a0}семьи"),
        (1_500_000.0, Noun::Family, EN, "1.5M\u{a0}families"),
        (1_000.0, Noun::Family, EN, "1K\u{a0}families"),
        (1.0, Noun::Family, EN, "1\u{a0}family"),
        (f64::INFINITY, Noun::Family, EN, "—"),
    ];
    for &(n, noun, lang, want) in cases {
        assert_eq!(count_noun_compact(n, noun, lang), want, "{n} {noun:?} {lang}");
    }
    assert_eq!(Noun::Family.form(2.0, RU), "семьи");
    assert_eq!(Noun::Family.form(f64::NAN, EN), "families");
}

#[test]
fn messages() {
    let cases: &[(Msg, Lang, &str)] = &[
        (Msg::NotReported, RU, "нет данных"),
        (Msg::NotReported, EN, "not reported"),
        (Msg::DataAsOf(day(2018, 6, 8)), RU, "Данные на 8\u{a0}июня\u{a0}2018\u{a0}г."),
        (Msg::DataAsOf(day(2018, 6, 8)), EN, "Data as of 8\u{a0}June\u{a0}2018"),
        (Msg::NetworkError { status: Some(404) }, RU, "Не удалось загрузить данные (ошибка 404)"),
        (Msg::NetworkError { status: Some(0) }, EN, "The data could not be loaded"),
        (Msg::NetworkError { status: None }, RU, "Не удалось загрузить данные"),
        (Msg::PerThousandResidents, RU, "на 1\u{a0}000 жителей"),
        (Msg::Status(Status::HandedOver), RU, "Передан министерству"),
        (Msg::Level(Level::Federal), EN, "Federal"),
        (Msg::AwardCategory(AwardCategory::Letter), RU, "Благодарственные письма"),
        (Msg::Stale(day(2026, 3, 12).and_hm_opt(10, 40).expect("a time")), RU, "Данные на 12\u{a0}марта, 10:40 — обновить не удалось"),
        (Msg::Stale(day(2026, 3, 12).and_hm_opt(9, 5).expect("a time")), EN, "Data as of 12\u{a0}March, 9:05 — could not update"),
        (Msg::More(1234), RU, "и ещё 1\u{a0}234"),
        (Msg::More(7), EN, "and 7 more"),
        (Msg::MoreRows(1), RU, "…и ещё 1\u{a0}строка"),
        (Msg::MoreRows(3), RU, "…и ещё 3\u{a0}строки"),
        (Msg::MoreRows(2000), RU, "…и ещё 2\u{a0}000\u{a0}строк"),
        (Msg::MoreRows(1), EN, "…and 1 more row"),
        (Msg::MoreRows(2000), EN, "…and 2,000 more rows"),
        (Msg::LatestRows { shown: 1000, total: 4175 }, RU, "Последние 1\u{a0}000\u{a0}строк из 4\u{a0}175."),
        (Msg::LatestRows { shown: 1000, total: 4175 }, EN, "The latest 1,000\u{a0}rows of 4,175."),
        (Msg::OtherCategories(21), RU, "«Другое» — ещё 21\u{a0}категория вместе."),
        (Msg::OtherCategories(29), RU, "«Другое» — ещё 29\u{a0}категорий вместе."),
        (
            Msg::LatestPeriodsShown { shown: 200, total: 450_000 },
            EN,
            "The chart shows the latest 200\u{a0}periods of 450,000; the data table has more.",
        ),
        // "More", not "all": a table holds 1 000 rows at most.
        (
            Msg::LatestPeriodsShown { shown: 200, total: 4_175 },
            RU,
            "На графике — последние 200\u{a0}периодов из 4\u{a0}175; больше — в таблице данных.",
        ),
        (
            Msg::LargestRowsShown { shown: 200, total: 3_000 },
            EN,
            "The chart shows 200\u{a0}rows of 3,000, those with the largest values; the data table has more.",
        ),
        (
            Msg::LargestSeriesShown { shown: 21, total: 500 },
            RU,
            "На графике и в таблице — 21\u{a0}ряд из 500, с наибольшими последними значениями.",
        ),
    ];
    for (msg, lang, want) in cases {
        assert_eq!(msg.text(*lang), *want, "{msg:?} {lang}");
    }
}

/// value, baseline, target, direction is increase, language, expected text.
type VerdictCase = (f64, Option<f64>, Option<f64>, bool, Lang, &'static str);

#[test]
fn verdicts() {
    let cases: &[VerdictCase] = &[
        // Violations index: 100 → 70 against a target of 80, lower is better.
        (70.0, Some(100.0), Some(80.0), false, RU, "\u{2212}30\u{a0}%, лучше цели"),
        (70.0, Some(100.0), Some(80.0), false, EN, "\u{2212}30%, better than target"),
        (90.0, Some(100.0), Some(80.0), false, RU, "\u{2212}10\u{a0}%, хуже цели"),
        (80.0, Some(100.0), Some(80.0), false, EN, "\u{2212}20%, target met"),
        (79.999_999_999_99, Some(100.0), Some(80.0), false, RU, "\u{2212}20\u{a0}%, цель достигнута"),
        (105.0, Some(100.0), Some(110.0), true, RU, "+5\u{a0}%, хуже цели"),
        (2.0, Some(1.0), Some(1.5), true, EN, "×2, better than target"),
        (120.0, Some(100.0), None, true, RU, "+20\u{a0}%, лучше базового значения"),
        (120.0, Some(100.0), None, false, EN, "+20%, worse than baseline"),
        (100.0, Some(100.0), None, true, RU, "0\u{a0}%, без изменений"),
        (70.0, None, Some(80.0), false, RU, "Лучше цели"),
        (90.0, None, Some(80.0), false, EN, "Worse than target"),
        (70.0, Some(f64::NAN), Some(80.0), false, EN, "Better than target"),
        (70.0, None, None, true, RU, ""),
        (f64::NAN, Some(100.0), Some(80.0), true, RU, "нет данных"),
    ];
    for &(value, baseline, target, increase, lang, want) in cases {
        assert_eq!(
            outcome_verdict(value, baseline, target, None, Format::Count, increase, lang),
            want,
            "{value} {baseline:?} {target:?} {increase} {lang}"
        );
    }
}

#[test]
fn verdicts_before_the_target_period_compare_with_the_plan() {
    // «Дружим с цифрой»: 0 in 2023, 20 in 2024, target 70 in 2025; the plan line is at 35 in 2024.
    let behind = outcome_verdict(20.0, Some(0.0), Some(70.0), Some(35.0), Format::Count, true, RU);
    assert_eq!(behind, "+20, отстаёт от плана на 15");
    assert_eq!(outcome_verdict(50.0, Some(0.0), Some(70.0), Some(35.0), Format::Count, true, EN), "+50, ahead of plan by 15");
    assert_eq!(outcome_verdict(35.02, Some(0.0), Some(70.0), Some(35.0), Format::Count, true, RU), "+35,02, идёт по плану");
    // A decrease indicator below its plan is ahead of it.
    assert_eq!(outcome_verdict(80.0, Some(100.0), Some(60.0), Some(90.0), Format::Index, false, EN), "\u{2212}20%, ahead of plan by 10");
}

#[test]
fn a_share_changes_in_percentage_points() {
    use opeka_feed::locale::{format_change_in, format_difference};
    assert_eq!(format_change_in(70.8, 61.5, Format::Percent, RU), "+9,3\u{a0}п.\u{a0}п.");
    assert_eq!(format_change_in(70.8, 61.5, Format::Percent, EN), "+9.3\u{a0}pp");
    assert_eq!(format_change_in(55.0, 61.5, Format::Percent, EN), "\u{2212}6.5\u{a0}pp");
    assert_eq!(format_change_in(70.8, 61.5, Format::Count, EN), "+15%");
    assert_eq!(format_difference(72.6, 75.0, Format::Percent, RU).as_deref(), Some("2,4\u{a0}п.\u{a0}п."));
    assert_eq!(format_difference(75.01, 75.0, Format::Percent, RU), None);
    let verdict = outcome_verdict(70.8, Some(61.5), Some(75.0), Some(73.2), Format::Percent, true, RU);
    assert_eq!(verdict, "+9,3\u{a0}п.\u{a0}п., отстаёт от плана на 2,4\u{a0}п.\u{a0}п.");
}
