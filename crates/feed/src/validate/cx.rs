//! The walk's state and the checks shared by every kind: types, texts,
//! ids, periods, dates. Each check records its problems and returns `None`
//! on error, so that a caller can go on checking siblings and only
//! assemble the model when everything it needs came back.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::{Granularity, Period, Text, Updated, Value};

use super::json::Json;
use super::message::{Expected, Got, ProblemMessage};
use super::path::{quote, JsonPath, Step};
use super::{Problem, Severity};

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
    pub(crate) problems: Vec<Problem>,
    pub(crate) errors: usize,
    path: JsonPath,
    /// The granularity of the first period met, and where it was.
    first_period: Option<(Granularity, String)>,
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
    pub(crate) fn error_at(&mut self, key: &str, message: ProblemMessage) {
        self.report(Some(&Step::Key(key.to_owned())), message, Severity::Error);
    }

    fn report(&mut self, extra: Option<&Step>, message: ProblemMessage, severity: Severity) {
        if severity == Severity::Error {
            self.errors += 1;
        }
        let path = self.path.render(extra);
        self.problems.push(Problem { path, message, severity });
    }

    /// The current path as text.
    pub(crate) fn here(&self) -> String {
        self.path.render(None)
    }

    /// The path of element `index` of the array the walk is now inside an element of.
    pub(crate) fn sibling(&mut self, index: usize) -> String {
        let current = self.path.pop_step();
        let rendered = self.path.render(Some(&Step::Index(index)));
        if let Some(step) = current {
            self.path.push(step);
        }
        rendered
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
        // Most objects are small: a scan beats hashing; a hostile object
        // with many keys must not make this quadratic.
        const SCAN_LIMIT: usize = 16;
        let mut seen: HashSet<&str> = HashSet::new();
        for (i, (key, _)) in members.iter().enumerate() {
            let repeated = if members.len() <= SCAN_LIMIT {
                members[..i].iter().any(|(k, _)| k == key)
            } else {
                !seen.insert(key)
            };
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
        key: &str,
        check: impl FnOnce(&mut Self, &'a Json<'j>) -> Option<T>,
    ) -> Option<T> {
        match obj.get(key) {
            None => {
                self.error_at(key, ProblemMessage::Missing);
                None
            }
            Some(v) => self.inside(Step::Key(key.to_owned()), |cx| check(cx, v)),
        }
    }

    /// An optional member: absent and `null` are `Some(None)`; `None` means
    /// it was present and wrong.
    pub(crate) fn optional<'a, 'j, T>(
        &mut self,
        obj: &Obj<'a, 'j>,
        key: &str,
        check: impl FnOnce(&mut Self, &'a Json<'j>) -> Option<T>,
    ) -> Option<Option<T>> {
        match obj.get(key) {
            None | Some(Json::Null) => Some(None),
            Some(v) => self.inside(Step::Key(key.to_owned()), |cx| check(cx, v)).map(Some),
        }
    }

    /// An optional list member; absent and `null` are empty.
    pub(crate) fn optional_list<'a, 'j, T>(
        &mut self,
        obj: &Obj<'a, 'j>,
        key: &str,
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
                    match self.inside(Step::Key(lang.to_string()), |cx| cx.string(v)) {
                        Some(s) => out.push((lang.to_string(), s)),
                        None => ok = false,
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
                let message = ProblemMessage::MixedGranularity {
                    got: quote(s),
                    granularity,
                    first: *first,
                    first_path: first_path.clone(),
                };
                self.error(message);
                return None;
            }
        }
        Some(period)
    }

    /// A `YYYY-MM-DD` day that exists.
    pub(crate) fn date(&mut self, value: &Json<'_>) -> Option<chrono::NaiveDate> {
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
        match chrono::DateTime::parse_from_rfc3339(s) {
            Ok(t) => Some(Updated::DateTime(t)),
            Err(_) => {
                self.error(ProblemMessage::BadUpdated { got: quote(s) });
                None
            }
        }
    }
}

/// Checks that ids in one list are unique; remembers where each was first used.
#[derive(Default)]
pub(crate) struct IdSet {
    first_at: std::collections::HashMap<String, String>,
}

impl IdSet {
    /// Records `id`, seen at the current list element; reports a repeat at its `id` member.
    pub(crate) fn declare(&mut self, cx: &mut Cx, id: &str) {
        if let Some(earlier) = self.first_at.get(id) {
            let message = ProblemMessage::DuplicateId { id: quote(id), earlier: earlier.clone() };
            cx.error_at("id", message);
        } else {
            self.first_at.insert(id.to_owned(), cx.here());
        }
    }

    /// Whether `id` was declared.
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.first_at.contains_key(id)
    }

    /// Checks a reference to this list (named `list` in messages).
    pub(crate) fn reference(&self, cx: &mut Cx, value: &Json<'_>, list: &'static str) -> Option<String> {
        let s = cx.str(value)?;
        if self.contains(s) {
            Some(s.to_owned())
        } else {
            cx.error(ProblemMessage::Undeclared { id: quote(s), list });
            None
        }
    }
}
