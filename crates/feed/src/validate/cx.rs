//! The walk's state and the checks shared by every kind: types, texts,
//! ids, periods, dates. Each check records its problems and returns `None`
//! on error, so that a caller can go on checking siblings and only
//! assemble the model when everything it needs came back.

use std::borrow::Cow;

use crate::collections::order;
use crate::{Granularity, Lang, Period, Text, UnitWord, Updated, Value};

use super::json::Json;
use super::message::{Expected, Got, ProblemMessage};
use super::path::{quote, JsonPath, Step};
use super::{Omitted, Problem, Severity, MAX_PROBLEMS};

/// The members of a checked object.
pub(crate) struct Obj<'a, 'j> {
    members: &'a [(Cow<'j, str>, Json<'j>)],
}

impl<'a, 'j> Obj<'a, 'j> {
    /// The first member named `name`, `null` included.
    pub(crate) fn get(&self, name: &str) -> Option<&'a Json<'j>> {
        self.members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Whether `name` is present and not `null`.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.get(name).is_some_and(|v| !v.is_null())
    }
}

/// The state of one validation.
#[derive(Default)]
pub(crate) struct Cx {
    /// The first [`MAX_PROBLEMS`] problems.
    pub(crate) problems: Vec<Problem>,
    /// The problems past the cap, counted only.
    pub(crate) omitted: Omitted,
    /// Every error, listed or not: one refuses the feed.
    pub(crate) errors: usize,
    path: JsonPath,
    /// The granularity of the first period met, and where it was.
    first_period: Option<(Granularity, String)>,
    /// The feed's `locale`, once checked: the language of plain strings
    /// and of a unit's bare list of forms.
    pub(crate) locale: Lang,
}

impl Cx {
    /// Records an error at the current path.
    pub(crate) fn error(&mut self, message: ProblemMessage) {
        self.report(None, message, Severity::Error);
    }

    /// Records a warning at the current path.
    pub(crate) fn warn(&mut self, message: ProblemMessage) {
        self.report(None, message, Severity::Warning);
    }

    /// Records an error at member `key` of the current object.
    pub(crate) fn error_at(&mut self, key: &'static str, message: ProblemMessage) {
        self.report(Some(&Step::Field(key)), message, Severity::Error);
    }

    fn report(&mut self, extra: Option<&Step>, message: ProblemMessage, severity: Severity) {
        if severity == Severity::Error {
            self.errors += 1;
        }
        if self.problems.len() >= MAX_PROBLEMS {
            self.omitted.count(severity);
            return;
        }
        let path = self.path.render(extra);
        self.problems.push(Problem { path, message, severity });
    }

    /// Where the next problem will go. A check that can only decide once a
    /// whole list is walked (repeats, found by sorting) notes the mark and
    /// hands it to [`Cx::insert_errors`], so its problems land where an
    /// immediate check would have put them.
    pub(crate) fn mark(&self) -> usize {
        self.problems.len()
    }

    /// Inserts errors found late, each `(mark, path, message)` before the
    /// problems reported after its mark. `late` must be in the order the
    /// errors would have been reported (so marks ascending).
    pub(crate) fn insert_errors(&mut self, late: Vec<(usize, String, ProblemMessage)>) {
        if late.is_empty() {
            return;
        }
        self.errors += late.len();
        let old = std::mem::take(&mut self.problems);
        self.problems.reserve(MAX_PROBLEMS.min(old.len() + late.len()));
        let mut late = late.into_iter().peekable();
        let late_error = |(_, path, message): (usize, String, ProblemMessage)| Problem { path, message, severity: Severity::Error };
        for (at, problem) in old.into_iter().enumerate() {
            while let Some(error) = late.next_if(|(mark, ..)| *mark <= at) {
                self.keep(late_error(error));
            }
            self.keep(problem);
        }
        for error in late {
            self.keep(late_error(error));
        }
    }

    /// Lists `problem` while the list is under the cap, else counts it
    /// (late errors can push listed problems past the cap).
    fn keep(&mut self, problem: Problem) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(problem);
        } else {
            self.omitted.count(problem.severity);
        }
    }

    /// The path of element `index` of the array the walk is now at.
    pub(crate) fn element(&self, index: usize) -> String {
        self.path.render(Some(&Step::Index(index)))
    }

    /// The current path as text.
    pub(crate) fn here(&self) -> String {
        self.path.render(None)
    }

    /// Runs `f` with the path extended by `step`.
    pub(crate) fn inside<T>(&mut self, step: Step, f: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push(step);
        let out = f(self);
        self.path.pop();
        out
    }

    fn wrong(&mut self, expected: Expected, got: &Json<'_>) {
        self.error(ProblemMessage::WrongType { expected, got: Got::of(got) });
    }

    /// Checks that `value` is an object: warns of members not in `known`
    /// (newer feeds must still load) and refuses repeated keys.
    pub(crate) fn object<'a, 'j>(&mut self, value: &'a Json<'j>, known: &[&str]) -> Option<Obj<'a, 'j>> {
        let Json::Obj(members) = value else {
            self.wrong(Expected::Object, value);
            return None;
        };
        self.check_keys(members, Some(known));
        Some(Obj { members })
    }

    /// Reports repeated keys and, unless `known` is `None`, unknown ones.
    fn check_keys(&mut self, members: &[(Cow<'_, str>, Json<'_>)], known: Option<&[&str]>) {
        // Most objects are small: a scan beats sorting; a hostile object
        // with many keys must not make this quadratic.
        const SCAN_LIMIT: usize = 16;
        let mut sorted_repeats = Vec::new();
        if members.len() > SCAN_LIMIT {
            let compare = |a: usize, b: usize| members[a].0.cmp(&members[b].0);
            let order = order::sorted_indices(members.len(), &compare);
            sorted_repeats = vec![false; members.len()];
            for (later, _) in order::repeats(&order, &compare) {
                sorted_repeats[later] = true;
            }
        }
        for (i, (key, _)) in members.iter().enumerate() {
            let repeated = if members.len() <= SCAN_LIMIT { members[..i].iter().any(|(k, _)| k == key) } else { sorted_repeats[i] };
            if repeated {
                self.report(Some(&Step::Key(key.to_string())), ProblemMessage::DuplicateKey, Severity::Error);
            } else if known.is_some_and(|known| !known.contains(&key.as_ref())) {
                self.report(Some(&Step::Key(key.to_string())), ProblemMessage::UnknownField, Severity::Warning);
            }
        }
    }

    /// A required member: reports it missing, else checks it with `check`.
    pub(crate) fn required<'a, 'j, T>(
        &mut self,
        obj: &Obj<'a, 'j>,
        key: &'static str,
        check: impl FnOnce(&mut Self, &'a Json<'j>) -> Option<T>,
    ) -> Option<T> {
        match obj.get(key) {
            None => {
                self.error_at(key, ProblemMessage::Missing);
                None
            }
            Some(v) => self.inside(Step::Field(key), |cx| check(cx, v)),
        }
    }

    /// An optional member: absent and `null` are `Some(None)`; `None` means
    /// it was present and wrong.
    pub(crate) fn optional<'a, 'j, T>(
        &mut self,
        obj: &Obj<'a, 'j>,
        key: &'static str,
        check: impl FnOnce(&mut Self, &'a Json<'j>) -> Option<T>,
    ) -> Option<Option<T>> {
        match obj.get(key) {
            None | Some(Json::Null) => Some(None),
            Some(v) => self.inside(Step::Field(key), |cx| check(cx, v)).map(Some),
        }
    }

    /// An optional list member; absent and `null` are empty.
    pub(crate) fn optional_list<'a, 'j, T>(
        &mut self,
        obj: &Obj<'a, 'j>,
        key: &'static str,
        item: impl FnMut(&mut Self, &'a Json<'j>, usize) -> Option<T>,
    ) -> Option<Vec<T>> {
        self.optional(obj, key, |cx, v| cx.list(v, item)).map(Option::unwrap_or_default)
    }

    /// An array, every element checked by `item` (all of them, even after a failure).
    pub(crate) fn list<'a, 'j, T>(
        &mut self,
        value: &'a Json<'j>,
        mut item: impl FnMut(&mut Self, &'a Json<'j>, usize) -> Option<T>,
    ) -> Option<Vec<T>> {
        let Json::Arr(items) = value else {
            self.wrong(Expected::Array, value);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, v) in items.iter().enumerate() {
            match self.inside(Step::Index(i), |cx| item(cx, v, i)) {
                Some(x) if ok => out.push(x),
                Some(_) => {}
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// An array of objects, each checked as [`Cx::object`] checks it and
    /// then by `item` (all of them, even after a failure). For records:
    /// through it the page's module is 51 bytes smaller, while targets
    /// through it made it 67 bytes larger (docs/size.md, stop 17).
    pub(crate) fn objects<'a, 'j, T>(
        &mut self,
        value: &'a Json<'j>,
        known: &[&str],
        mut item: impl FnMut(&mut Self, &Obj<'a, 'j>, usize) -> Option<T>,
    ) -> Option<Vec<T>> {
        self.list(value, |cx, v, i| {
            let obj = cx.object(v, known)?;
            item(cx, &obj, i)
        })
    }

    /// A string.
    pub(crate) fn str<'a, 'j>(&mut self, value: &'a Json<'j>) -> Option<&'a str> {
        match value {
            Json::Str(s) => Some(s),
            _ => {
                self.wrong(Expected::String, value);
                None
            }
        }
    }

    /// A string, owned.
    pub(crate) fn string(&mut self, value: &Json<'_>) -> Option<String> {
        self.str(value).map(str::to_owned)
    }

    /// A Text: a string, or a non-empty object of string translations.
    pub(crate) fn text(&mut self, value: &Json<'_>) -> Option<Text> {
        match value {
            Json::Str(s) => Some(Text::Plain(s.to_string())),
            Json::Obj(members) => {
                // Any language key is kept: a viewer's language falls back to the first.
                self.check_keys(members, None);
                if members.is_empty() {
                    self.error(ProblemMessage::EmptyTranslations);
                    return None;
                }
                let mut out = Vec::with_capacity(members.len());
                let mut ok = true;
                for (lang, v) in members {
                    match v {
                        Json::Str(s) => out.push((lang.to_string(), s.to_string())),
                        _ => {
                            self.inside(Step::Key(lang.to_string()), |cx| cx.wrong(Expected::String, v));
                            ok = false;
                        }
                    }
                }
                ok.then_some(Text::Translations(out))
            }
            _ => {
                self.wrong(Expected::Text, value);
                None
            }
        }
    }

    /// A Unit: a Text, or per language the word's plural forms; a bare
    /// list is forms in the feed's locale. A single form of a language
    /// whose forms we know is a warning: it cannot agree with every number.
    pub(crate) fn unit(&mut self, value: &Json<'_>) -> Option<UnitWord> {
        let locale = Some(self.locale);
        match value {
            Json::Str(s) => {
                self.one_form(locale);
                Some(UnitWord::Plain(vec![s.to_string()]))
            }
            Json::Arr(_) => self.forms(value, locale).map(UnitWord::Plain),
            Json::Obj(members) => {
                // Any language key is kept, as in a Text.
                self.check_keys(members, None);
                if members.is_empty() {
                    self.error(ProblemMessage::EmptyTranslations);
                    return None;
                }
                let mut out = Vec::with_capacity(members.len());
                let mut ok = true;
                for (code, v) in members {
                    let rule = Lang::parse(code);
                    let forms = self.inside(Step::Key(code.to_string()), |cx| match v {
                        Json::Str(s) => {
                            cx.one_form(rule);
                            Some(vec![s.to_string()])
                        }
                        Json::Arr(_) => cx.forms(v, rule),
                        _ => {
                            cx.wrong(Expected::Forms, v);
                            None
                        }
                    });
                    match forms {
                        Some(forms) => out.push((code.to_string(), forms)),
                        None => ok = false,
                    }
                }
                ok.then_some(UnitWord::Translations(out))
            }
            _ => {
                self.wrong(Expected::Unit, value);
                None
            }
        }
    }

    /// Warns of a unit given as one string in a language whose forms we know.
    fn one_form(&mut self, rule: Option<Lang>) {
        if let Some(lang) = rule {
            self.warn(ProblemMessage::UnitOneForm { lang });
        }
    }

    /// A list of a word's forms: as many as `rule`'s language has (Russian
    /// 3, English 2), at least one for a language we have no rule for.
    fn forms(&mut self, value: &Json<'_>, rule: Option<Lang>) -> Option<Vec<String>> {
        let forms = self.list(value, |cx, v, _| cx.string(v))?;
        let wanted = rule.map(|lang| (lang, plural_forms(lang)));
        match wanted {
            Some((lang, count)) if forms.len() != count => {
                self.error(ProblemMessage::UnitFormCount { lang, got: forms.len() });
                None
            }
            None if forms.is_empty() => {
                self.error(ProblemMessage::UnitNoForms);
                None
            }
            _ => Some(forms),
        }
    }

    /// An id: `[a-z0-9-]{1,64}`.
    pub(crate) fn id(&mut self, value: &Json<'_>) -> Option<String> {
        let s = self.str(value)?;
        let ok = (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Some(s.to_owned())
        } else {
            self.error(ProblemMessage::BadId { got: quote(s) });
            None
        }
    }

    /// Any finite number.
    pub(crate) fn number(&mut self, value: &Json<'_>, expected: Expected) -> Option<f64> {
        match value.as_f64() {
            Some(n) if n.is_finite() => Some(n),
            _ => {
                self.wrong(expected, value);
                None
            }
        }
    }

    /// A number ≥ 0.
    pub(crate) fn non_negative(&mut self, value: &Json<'_>) -> Option<f64> {
        let n = self.number(value, Expected::NonNegative)?;
        if n >= 0.0 {
            Some(n)
        } else {
            self.wrong(Expected::NonNegative, value);
            None
        }
    }

    /// A Value: `null` (not reported) or a finite number, ≥ 0 where it is a count.
    pub(crate) fn value(&mut self, value: &Json<'_>, is_count: bool) -> Option<Value> {
        match value {
            Json::Null => Some(None),
            _ if is_count => self.non_negative(value).map(Some),
            _ => self.number(value, Expected::Number).map(Some),
        }
    }

    /// A whole number of at least `min` (a number like `3.0` counts as whole).
    pub(crate) fn whole(&mut self, value: &Json<'_>, min: i64, expected: Expected) -> Option<i64> {
        let n = match *value {
            Json::Int(i) => Some(i),
            Json::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some(f as i64),
            _ => None,
        };
        match n {
            Some(n) if n >= min => Some(n),
            _ => {
                self.wrong(expected, value);
                None
            }
        }
    }

    /// One of an enumeration, by its feed name.
    pub(crate) fn one_of<T: Copy>(&mut self, value: &Json<'_>, all: &[T], name: fn(T) -> &'static str) -> Option<T> {
        let s = self.str(value)?;
        match all.iter().copied().find(|&x| name(x) == s) {
            Some(x) => Some(x),
            None => {
                self.error(ProblemMessage::NotOneOf { got: quote(s), allowed: all.iter().map(|&x| name(x)).collect() });
                None
            }
        }
    }

    /// A period; also checks it is as fine as the feed's first period.
    pub(crate) fn period(&mut self, value: &Json<'_>) -> Option<Period> {
        let s = self.str(value)?;
        let Some(period) = Period::parse(s) else {
            self.error(ProblemMessage::BadPeriod { got: quote(s) });
            return None;
        };
        let granularity = period.granularity();
        match &self.first_period {
            None => self.first_period = Some((granularity, self.here())),
            Some((first, _)) if *first == granularity => {}
            Some((first, first_path)) => {
                let message =
                    ProblemMessage::MixedGranularity { got: quote(s), granularity, first: *first, first_path: first_path.clone() };
                self.error(message);
                return None;
            }
        }
        Some(period)
    }

    /// A `YYYY-MM-DD` day that exists.
    pub(crate) fn date(&mut self, value: &Json<'_>) -> Option<crate::Date> {
        let s = self.str(value)?;
        let date = crate::parse_date(s);
        if date.is_none() {
            self.error(ProblemMessage::BadDate { got: quote(s) });
        }
        date
    }

    /// An RFC 3339 date-time or a date.
    pub(crate) fn updated(&mut self, value: &Json<'_>) -> Option<Updated> {
        let s = self.str(value)?;
        if let Some(d) = crate::parse_date(s) {
            return Some(Updated::Date(d));
        }
        match crate::parse_date_time(s) {
            Some(t) => Some(Updated::DateTime(t)),
            None => {
                self.error(ProblemMessage::BadUpdated { got: quote(s) });
                None
            }
        }
    }
}

/// The ids of one list as it is walked. Repeats are found once the list is
/// done, by sorting ([`IdList::finish`]): fast for any size, no hashing.
#[derive(Default)]
pub(crate) struct IdList {
    declared: Vec<Declared>,
}

/// One declared id and where.
struct Declared {
    id: String,
    /// The path of the list element that declared it.
    at: String,
    /// Where a report of its repeat goes among the problems.
    mark: usize,
}

impl IdList {
    /// Records `id`, seen at the current list element.
    pub(crate) fn declare(&mut self, cx: &mut Cx, id: &str) {
        self.declared.push(Declared { id: id.to_owned(), at: cx.here(), mark: cx.mark() });
    }

    /// Reports every repeated id at its `id` member, naming the element
    /// that declared it first, and returns the ids for checking references.
    pub(crate) fn finish(self, cx: &mut Cx) -> IdSet {
        let declared = self.declared;
        let compare = |a: usize, b: usize| declared[a].id.cmp(&declared[b].id);
        let order = order::sorted_indices(declared.len(), &compare);
        let repeats = order::repeats(&order, &compare);
        let late = repeats
            .iter()
            .map(|&(later, first)| {
                let d = &declared[later];
                let message = ProblemMessage::DuplicateId { id: quote(&d.id), earlier: declared[first].at.clone() };
                // `at` is a list element, never the root: the member's path is `at.id`.
                (d.mark, format!("{}.id", d.at), message)
            })
            .collect();
        cx.insert_errors(late);
        let mut set = IdSet::default();
        set.ids.reserve(order.len() - repeats.len());
        let mut declared: Vec<Option<Declared>> = declared.into_iter().map(Some).collect();
        for i in order {
            if let Some(d) = declared[i].take() {
                if set.ids.last() != Some(&d.id) {
                    set.ids.push(d.id);
                    // The first of repeated ids: the sort keeps declared order.
                    #[cfg(feature = "declared-ranks")]
                    set.places.push(u32::try_from(i).unwrap_or(u32::MAX));
                }
            }
        }
        set
    }
}

/// The ids a list declared, each once, sorted for binary search.
#[derive(Default)]
pub(crate) struct IdSet {
    ids: Vec<String>,
    /// Each id's place in its list as declared (`declared-ranks`).
    #[cfg(feature = "declared-ranks")]
    places: Vec<u32>,
}

impl IdSet {
    /// An integer for `id`, if it was declared, that two ids share only
    /// when they are the same: its place among the declared ids in their
    /// sorted order, or with `declared-ranks` its place in its list.
    /// Records checked for repeats sort by it in one integer compare; a
    /// feed written in its lists' order (most are: `district-1` to
    /// `district-10`, which sort by id as 1, 10, 2, …) is then in order
    /// already, and the worker's 167 000 records are not sorted at all
    /// (`order::sorted_indices`). The page's module goes without
    /// (docs/size.md): the worker's reduced feed comes in id order.
    pub(crate) fn rank(&self, id: &str) -> Option<u32> {
        let i = self.ids.binary_search_by(|k| k.as_str().cmp(id)).ok()?;
        #[cfg(feature = "declared-ranks")]
        return self.places.get(i).copied();
        #[cfg(not(feature = "declared-ranks"))]
        u32::try_from(i).ok()
    }

    /// Checks a reference to this list (named `list` in messages); gives
    /// the id and its [`IdSet::rank`].
    pub(crate) fn reference(&self, cx: &mut Cx, value: &Json<'_>, list: &'static str) -> Option<(String, u32)> {
        let s = cx.str(value)?;
        if let Some(rank) = self.rank(s) {
            Some((s.to_owned(), rank))
        } else {
            cx.error(ProblemMessage::Undeclared { id: quote(s), list });
            None
        }
    }
}

/// How many plural forms a unit gives in `lang`: Russian one, few, many;
/// English singular, plural.
pub(crate) fn plural_forms(lang: Lang) -> usize {
    match lang {
        Lang::Ru => 3,
        Lang::En => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The set of `ids` declared in that order, and the problems found.
    fn declared(ids: &[&str]) -> (IdSet, Cx) {
        let mut cx = Cx::default();
        let mut list = IdList::default();
        for id in ids {
            list.declare(&mut cx, id);
        }
        (list.finish(&mut cx), cx)
    }

    // Declared as most feeds declare them, in an order their text does not
    // sort in (`d-10` before `d-2`), and one of them twice.
    #[test]
    fn ranks_tell_ids_apart_and_know_only_the_declared() {
        let (set, cx) = declared(&["d-1", "d-2", "d-10", "d-2"]);
        assert_eq!(cx.errors, 1, "the repeated d-2");
        let ranks: Vec<_> = ["d-1", "d-2", "d-10"].iter().map(|id| set.rank(id)).collect();
        assert!(ranks.iter().all(Option::is_some));
        assert!(ranks[0] != ranks[1] && ranks[1] != ranks[2] && ranks[0] != ranks[2]);
        assert_eq!(set.rank("d-3"), None);
        assert_eq!(set.rank("d"), None);
    }

    #[test]
    #[cfg(feature = "declared-ranks")]
    fn ranks_follow_the_declared_order() {
        let (set, _) = declared(&["d-1", "d-2", "d-10", "d-2"]);
        assert_eq!(["d-1", "d-2", "d-10"].map(|id| set.rank(id)), [Some(0), Some(1), Some(2)]);
    }

    #[test]
    #[cfg(not(feature = "declared-ranks"))]
    fn ranks_follow_the_ids_text() {
        let (set, _) = declared(&["d-1", "d-2", "d-10", "d-2"]);
        assert_eq!(["d-1", "d-10", "d-2"].map(|id| set.rank(id)), [Some(0), Some(1), Some(2)]);
    }
}
