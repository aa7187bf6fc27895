//! Nouns after numbers: the Russian plural rule and the nouns the widgets write themselves.

use super::number::{compact_digits, ru_form_of_integer, Digits, NO_NUMBER};
use super::unit::{form_index, join_unit as join};
use crate::{Format, Lang};

/// The Russian plural form of `n` among `[one, few, many]`
/// (1 семья, 2 семьи, 5 семей; 11–14 семей; 21 семья; a fractional number takes `few`: 1,5 семьи).
/// The sign is ignored; a number that is not finite takes `many`.
pub fn plural_ru(n: f64, forms: [&str; 3]) -> &str {
    if !n.is_finite() {
        return forms[2];
    }
    let n = n.abs();
    if n.fract() != 0.0 {
        return forms[1];
    }
    ru_form_of_integer(last_two_digits(n), forms)
}

/// `n % 100` for a whole, finite, non-negative `n`, in integers: the float
/// remainder would link libm's `fmod` into the bundle for this one use.
fn last_two_digits(n: f64) -> u32 {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: below it every whole f64 fits a u64 as is
    if n < EXACT {
        return (n as u64 % 100) as u32;
    }
    // Above 2^53 a float is `mantissa * 2^shift` with shift > 0; reduce each factor mod 100.
    let bits = n.to_bits();
    let shift = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mantissa = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mut tail = mantissa % 100;
    for _ in 0..shift {
        tail = tail * 2 % 100;
    }
    tail as u32
}

/// A noun the widgets put after a number themselves (tile captions, summaries, counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Noun {
    /// человек / person (people).
    Person,
    /// семья / family.
    Family,
    /// ребёнок / child.
    Child,
    /// сотрудник / employee.
    Employee,
    /// получатель / recipient (of support or of an award).
    Recipient,
    /// награда / award.
    Award,
    /// конкурс / contest.
    Contest,
    /// участник / participant.
    Participant,
    /// место / place (in a contest).
    Place,
    /// проект / project.
    Project,
    /// показатель / indicator.
    Indicator,
    /// запись / record (a row of a feed).
    Record,
    /// муниципалитет / municipality.
    Municipality,
    /// учреждение / institution.
    Institution,
    /// организация / organisation.
    Organisation,
    /// услуга / service.
    Service,
    /// категория / category.
    Category,
    /// год / year.
    Year,
    /// ошибка / error (problems found in a feed).
    Error,
    /// ряд / series (lines of a chart).
    Series,
    /// период / period.
    Period,
    /// территория / area (the units a caseload ranks).
    Territory,
    /// вид награды / award type.
    AwardType,
    /// предупреждение / warning.
    Warning,
    /// слайд / slide (of a deck).
    Slide,
    /// строка / row (of a chart or a table).
    Row,
}

impl Noun {
    /// Russian `[one, few, many]`.
    pub fn ru_forms(self) -> [&'static str; 3] {
        match self {
            Noun::Person => ["человек", "человека", "человек"],
            Noun::Family => ["семья", "семьи", "семей"],
            Noun::Child => ["ребёнок", "ребёнка", "детей"],
            Noun::Employee => ["сотрудник", "сотрудника", "сотрудников"],
            Noun::Recipient => ["получатель", "получателя", "получателей"],
            Noun::Award => ["награда", "награды", "наград"],
            Noun::Contest => ["конкурс", "конкурса", "конкурсов"],
            Noun::Participant => ["участник", "участника", "участников"],
            Noun::Place => ["место", "места", "мест"],
            Noun::Project => ["проект", "проекта", "проектов"],
            Noun::Indicator => ["показатель", "показателя", "показателей"],
            Noun::Record => ["запись", "записи", "записей"],
            Noun::Municipality => ["муниципалитет", "муниципалитета", "муниципалитетов"],
            Noun::Institution => ["учреждение", "учреждения", "учреждений"],
            Noun::Organisation => ["организация", "организации", "организаций"],
            Noun::Service => ["услуга", "услуги", "услуг"],
            Noun::Category => ["категория", "категории", "категорий"],
            Noun::Year => ["год", "года", "лет"],
            Noun::Error => ["ошибка", "ошибки", "ошибок"],
            Noun::Series => ["ряд", "ряда", "рядов"],
            Noun::Period => ["период", "периода", "периодов"],
            Noun::Territory => ["территория", "территории", "территорий"],
            Noun::AwardType => ["вид награды", "вида наград", "видов наград"],
            Noun::Warning => ["предупреждение", "предупреждения", "предупреждений"],
            Noun::Slide => ["слайд", "слайда", "слайдов"],
            Noun::Row => ["строка", "строки", "строк"],
        }
    }

    /// English `[singular, plural]`.
    pub fn en_forms(self) -> [&'static str; 2] {
        match self {
            Noun::Person => ["person", "people"],
            Noun::Family => ["family", "families"],
            Noun::Child => ["child", "children"],
            Noun::Employee => ["employee", "employees"],
            Noun::Recipient => ["recipient", "recipients"],
            Noun::Award => ["award", "awards"],
            Noun::Contest => ["contest", "contests"],
            Noun::Participant => ["participant", "participants"],
            Noun::Place => ["place", "places"],
            Noun::Project => ["project", "projects"],
            Noun::Indicator => ["indicator", "indicators"],
            Noun::Record => ["record", "records"],
            Noun::Municipality => ["municipality", "municipalities"],
            Noun::Institution => ["institution", "institutions"],
            Noun::Organisation => ["organisation", "organisations"],
            Noun::Service => ["service", "services"],
            Noun::Category => ["category", "categories"],
            Noun::Year => ["year", "years"],
            Noun::Error => ["error", "errors"],
            Noun::Series => ["series", "series"],
            Noun::Period => ["period", "periods"],
            Noun::Territory => ["area", "areas"],
            Noun::AwardType => ["award type", "award types"],
            Noun::Warning => ["warning", "warnings"],
            Noun::Slide => ["slide", "slides"],
            Noun::Row => ["row", "rows"],
        }
    }

    /// The noun that agrees with `n` written as `digits`; after a scale word
    /// (`тыс.`, `млн`; `K`, `M`) Russian always takes the genitive plural.
    fn agreeing(self, digits: &Digits, scaled: bool, lang: Lang) -> &'static str {
        let digits = (!scaled).then_some(digits);
        match lang {
            Lang::Ru => self.ru_forms()[form_index(3, Some(lang), digits)],
            Lang::En => self.en_forms()[form_index(2, Some(lang), digits)],
        }
    }

    /// The noun alone, in the form that agrees with `n`: `семьи` for 2, `families` for 2.
    pub fn form(self, n: f64, lang: Lang) -> &'static str {
        match Digits::full(n) {
            Some(d) => self.agreeing(&d, false, lang),
            None => match lang {
                Lang::Ru => self.ru_forms()[2],
                Lang::En => self.en_forms()[1],
            },
        }
    }
}

/// `n` in full with its noun in the agreeing form: `5 семей`, `1 семья`, `1,5 семьи`, `12 000 человек`;
/// `5 families`, `1 family`. The plural follows the digits as written (`1.001` is written `1`);
/// English takes the singular only for one (and minus one). A number that is not finite gives `—`.
pub fn count_noun(n: f64, noun: Noun, lang: Lang) -> String {
    match Digits::full(n) {
        Some(d) => join(d.signed(lang), noun.agreeing(&d, false, lang)),
        None => NO_NUMBER.to_owned(),
    }
}

/// `n` compact with its noun: `1,5 млн семей`, `12 тыс. человек`, `5 семей`; `1.5M families`.
pub fn count_noun_compact(n: f64, noun: Noun, lang: Lang) -> String {
    match compact_digits(n) {
        Some((d, scale)) => join(super::format_compact(n, Format::Count, lang), noun.agreeing(&d, scale.is_some(), lang)),
        None => NO_NUMBER.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn last_two_digits_match_the_float_remainder() {
        let mut values =
            vec![0.0, 1.0, 11.0, 99.0, 100.0, 121.0, 9_007_199_254_740_991.0, 9_007_199_254_740_992.0, 1e19, 1e22, 1e300, f64::MAX];
        for e in 0..1024 {
            values.push(2f64.powi(e));
            values.push(2f64.powi(e) * 3.0);
        }
        let mut n = 0.0_f64;
        while n < 1e300 {
            n = (n * 1.37 + 7.0).floor();
            values.push(n);
        }
        for v in values.into_iter().filter(|v| v.is_finite()) {
            assert_eq!(super::last_two_digits(v), (v % 100.0) as u32, "{v}");
        }
    }
}
