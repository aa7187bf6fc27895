//! A JSON tree that keeps what the validator needs and `serde_json::Value`
//! loses: the order of object keys (a Text's first translation is its
//! fallback), repeated keys (an ambiguous document is refused, not silently
//! resolved), and whether a number was written as an integer.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// One JSON value; strings borrow from the input where they have no escapes.
#[derive(Debug, PartialEq)]
pub(crate) enum Json<'a> {
    Null,
    Bool(bool),
    /// A number written without fraction or exponent that fits an `i64`.
    Int(i64),
    /// A non-negative integer too large for an `i64`.
    UInt(u64),
    /// Any other number (always finite: the parser refuses overflow).
    Float(f64),
    Str(Cow<'a, str>),
    Arr(Vec<Json<'a>>),
    /// Members in document order, repeated keys kept.
    Obj(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl Json<'_> {
    /// The number as `f64`, if this is a number.
    pub(crate) fn as_f64(&self) -> Option<f64> {
        match *self {
            Json::Int(i) => Some(i as f64),
            Json::UInt(u) => Some(u as f64),
            Json::Float(f) => Some(f),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json<'de>, E> {
        Ok(Json::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json<'de>, E> {
        Ok(i64::try_from(v).map_or(Json::UInt(v), Json::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json<'de>, E> {
        Ok(Json::Float(v))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Arr(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key::<KeyStr<'de>>()? {
            let value = map.next_value()?;
            members.push((key.0, value));
        }
        Ok(Json::Obj(members))
    }
}

/// An object key, borrowed from the input where possible.
struct KeyStr<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for KeyStr<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = KeyStr<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<KeyStr<'de>, E> {
                Ok(KeyStr(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<KeyStr<'de>, E> {
                Ok(KeyStr(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<KeyStr<'de>, E> {
                Ok(KeyStr(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// The deepest nesting of arrays and objects in `bytes`, stopping early once
/// it passes `limit`. A byte scan with no recursion, so that hostile nesting
/// is refused before any recursive parser sees it. Brackets inside strings
/// do not count.
pub(crate) fn nesting_exceeds(bytes: &[u8], limit: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in bytes {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_order_and_repeats() {
        let v: Json = serde_json::from_str(r#"{"b":1,"a":2,"b":3}"#).expect("valid JSON");
        let Json::Obj(members) = v else { panic!("not an object") };
        let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_ref()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
    }

    #[test]
    fn numbers_keep_integer_ness() {
        let v: Json = serde_json::from_str("[1, -2, 1.0, 18446744073709551615]").expect("valid JSON");
        assert_eq!(v, Json::Arr(vec![Json::Int(1), Json::Int(-2), Json::Float(1.0), Json::UInt(u64::MAX)]));
    }

    #[test]
    fn nesting_scan_ignores_brackets_in_strings() {
        assert!(!nesting_exceeds(br#"{"a": "[[[[[[[[["}"#, 2));
        assert!(nesting_exceeds(b"[[[", 2));
        assert!(!nesting_exceeds(b"[[]]", 2));
        assert!(nesting_exceeds(&vec![b'['; 100_000], 64));
    }
}
