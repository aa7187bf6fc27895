//! A JSON tree that keeps what the validator needs and `serde_json::Value`
//! loses: the order of object keys (a Text's first translation is its
//! fallback), repeated keys (an ambiguous document is refused, not silently
//! resolved), and whether a number was written as an integer.
//!
//! The reader is our own recursive descent over the bytes, written to
//! behave exactly as `serde_json::from_slice` did here before (serde_json
//! and serde were 11 KB of the wasm bundle, `docs/size.md`): the same tree,
//! the same numbers bit for bit (serde_json's default conversion, which the
//! bundle had, not a correctly rounded one) and, for a document that is not
//! JSON, the same error text, line and column, which users see in the
//! widget's problem list. `json_diff_tests` compares the two on the
//! corpus, the sample feeds and thousands of mutated documents.

use std::borrow::Cow;

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

/// What is wrong with a document that is not JSON. The texts are
/// serde_json's (`ErrorCode`'s `Display`): the problem list has always
/// shown them, in English, after the localized "not valid JSON at …".
///
/// Kept as a code, worded only when shown: the embed bundle, which leaves
/// the words out (the `words` feature), then carries none of these texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs, reason = "each is serde_json's `ErrorCode` of that name; `text` words it")]
pub enum Code {
    EofList,
    EofObject,
    EofString,
    EofValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedIdent,
    ExpectedValue,
    InvalidEscape,
    InvalidNumber,
    /// A number whose value overflows `f64`: the validator says "not finite".
    NumberOutOfRange,
    InvalidUnicode,
    ControlCharacter,
    KeyMustBeAString,
    LoneSurrogate,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    RecursionLimit,
}

impl Code {
    /// serde_json's words for it.
    #[cfg(any(test, feature = "words"))]
    pub fn text(self) -> &'static str {
        match self {
            Code::EofList => "EOF while parsing a list",
            Code::EofObject => "EOF while parsing an object",
            Code::EofString => "EOF while parsing a string",
            Code::EofValue => "EOF while parsing a value",
            Code::ExpectedColon => "expected `:`",
            Code::ExpectedListCommaOrEnd => "expected `,` or `]`",
            Code::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            Code::ExpectedIdent => "expected ident",
            Code::ExpectedValue => "expected value",
            Code::InvalidEscape => "invalid escape",
            Code::InvalidNumber => "invalid number",
            Code::NumberOutOfRange => "number out of range",
            Code::InvalidUnicode => "invalid unicode code point",
            Code::ControlCharacter => "control character (\\u0000-\\u001F) found while parsing a string",
            Code::KeyMustBeAString => "key must be a string",
            Code::LoneSurrogate => "lone leading surrogate in hex escape",
            Code::TrailingComma => "trailing comma",
            Code::TrailingCharacters => "trailing characters",
            Code::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            Code::RecursionLimit => "recursion limit exceeded",
        }
    }
}

/// A syntax error and where: line from 1, column as serde_json counts it
/// (bytes from the line's start; the byte the error is about, mostly).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub(crate) code: Code,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

type Read<T> = Result<T, SyntaxError>;

/// How deep arrays and objects may nest before the reader refuses them,
/// as serde_json's limit of 128; this one keeps the recursion bounded
/// whatever the options say.
const RECURSION_LIMIT: u32 = 128;

/// Reads one JSON document (no BOM) into a tree, however deep (the tests'
/// reader: the validator reads with its options' limit, [`read_nested`]).
#[cfg(test)]
pub(crate) fn read(bytes: &[u8]) -> Read<Json<'_>> {
    read_nested(bytes, usize::MAX)
}

/// [`read`], refusing (as [`Code::RecursionLimit`]) a document that nests
/// deeper than `limit` too. Where it does, [`nesting_exceeds`] says so as
/// well: the prefix read was valid JSON, whose brackets the scan counts alike.
pub(crate) fn read_nested(bytes: &[u8], limit: usize) -> Read<Json<'_>> {
    let depth = limit.saturating_add(1).min(RECURSION_LIMIT as usize) as u32;
    let mut r = Reader { bytes, at: 0, depth, items: Vec::new(), members: Vec::new(), pow10: [0.0; 309] };
    let value = r.value()?;
    match r.whitespace() {
        Some(_) => Err(r.peek_error(Code::TrailingCharacters)),
        None => Ok(value),
    }
}

/// The reader's strings and numbers, one at a time, for a caller that walks
/// the bytes itself (the worker's quick path, `validate::quick`): the same
/// string scan and the same numbers, bit for bit, as in the tree.
pub(crate) struct Scanner<'a> {
    reader: Reader<'a>,
}

impl<'a> Scanner<'a> {
    /// A scanner of `bytes`.
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Scanner { reader: Reader { bytes, at: 0, depth: 0, items: Vec::new(), members: Vec::new(), pow10: [0.0; 309] } }
    }

    /// The bytes of the string whose contents start at `at` (after its
    /// `"`), and where it ends (after its closing `"`); `None` for one with
    /// an escape or a control character, which the quick path leaves to
    /// the tree. Not checked as UTF-8: the caller compares them with text
    /// it knows, or checks them.
    pub(crate) fn plain_string(&mut self, at: usize) -> Option<(&'a [u8], usize)> {
        let r = &mut self.reader;
        r.at = at;
        r.skip_to_escape();
        (r.peek()? == b'"').then_some(())?;
        Some((&r.bytes[at..r.at], r.at + 1))
    }

    /// Where the string whose contents start at `at` ends, escapes skipped
    /// unread; `None` when it does not.
    pub(crate) fn skip_string(&mut self, at: usize) -> Option<usize> {
        let r = &mut self.reader;
        r.at = at;
        loop {
            r.skip_to_escape();
            match r.next()? {
                b'"' => return Some(r.at),
                b'\\' => {
                    r.next()?;
                }
                _ => {}
            }
        }
    }

    /// The number that starts at `at`, as the tree has it, and where it
    /// ends; `None` when there is none.
    pub(crate) fn number(&mut self, at: usize) -> Option<(Json<'a>, usize)> {
        let r = &mut self.reader;
        r.at = at;
        let positive = r.peek()? != b'-';
        if !positive {
            r.at += 1;
        }
        let number = r.integer(positive).ok()?;
        Some((number, r.at))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    /// The next byte to read.
    at: usize,
    /// Levels of nesting left before [`Code::RecursionLimit`].
    depth: u32,
    /// The items of the arrays being read, innermost last: each array is
    /// moved out in one allocation of its exact size when it closes, instead
    /// of growing its own vector by doubling (faster, and less memory for a
    /// big feed's many small objects).
    items: Vec<Json<'a>>,
    /// The same for the members of the objects being read.
    members: Vec<(Cow<'a, str>, Json<'a>)>,
    /// 10^n as the nearest `f64`, computed when first needed (0 = not yet).
    pow10: [f64; 309],
}

impl<'a> Reader<'a> {
    /// The error about the byte just read (serde_json's `error`).
    #[cold]
    fn error(&self, code: Code) -> SyntaxError {
        self.error_at(code, self.at)
    }

    /// The error about the byte looked at, not yet read (serde_json's `peek_error`).
    #[cold]
    fn peek_error(&self, code: Code) -> SyntaxError {
        self.error_at(code, self.bytes.len().min(self.at + 1))
    }

    #[cold]
    fn error_at(&self, code: Code, i: usize) -> SyntaxError {
        let before = &self.bytes[..i];
        let start_of_line = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let line = 1 + before[..start_of_line].iter().filter(|&&b| b == b'\n').count();
        SyntaxError { code, line, column: i - start_of_line }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        Some(b)
    }

    /// Skips whitespace; the first byte after it, not read.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b) = self.peek() {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    fn value(&mut self) -> Read<Json<'a>> {
        let Some(b) = self.whitespace() else { return Err(self.peek_error(Code::EofValue)) };
        match b {
            b'n' => self.ident(b"null").map(|()| Json::Null),
            b't' => self.ident(b"true").map(|()| Json::Bool(true)),
            b'f' => self.ident(b"false").map(|()| Json::Bool(false)),
            b'-' => {
                self.at += 1;
                self.integer(false)
            }
            b'0'..=b'9' => self.integer(true),
            b'"' => {
                self.at += 1;
                self.string().map(Json::Str)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.peek_error(Code::RecursionLimit));
                }
                self.at += 1;
                let value = if b == b'[' { self.array() } else { self.object() };
                self.depth += 1;
                value
            }
            _ => Err(self.peek_error(Code::ExpectedValue)),
        }
    }

    /// `word`, whose first byte was peeked.
    fn ident(&mut self, word: &[u8]) -> Read<()> {
        self.at += 1;
        for &want in &word[1..] {
            match self.next() {
                None => return Err(self.error(Code::EofValue)),
                Some(b) if b != want => return Err(self.error(Code::ExpectedIdent)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// The items after `[`, and the `]`.
    fn array(&mut self) -> Read<Json<'a>> {
        let base = self.items.len();
        loop {
            let Some(b) = self.whitespace() else { return Err(self.peek_error(Code::EofList)) };
            if b == b']' {
                self.at += 1;
                return Ok(Json::Arr(self.items.drain(base..).collect()));
            }
            if self.items.len() > base {
                if b != b',' {
                    return Err(self.peek_error(Code::ExpectedListCommaOrEnd));
                }
                self.at += 1;
                match self.whitespace() {
                    Some(b']') => return Err(self.peek_error(Code::TrailingComma)),
                    Some(_) => {}
                    None => return Err(self.peek_error(Code::EofValue)),
                }
            }
            let item = self.value()?;
            self.items.push(item);
        }
    }

    /// The members after `{`, and the `}`.
    fn object(&mut self) -> Read<Json<'a>> {
        let base = self.members.len();
        loop {
            let Some(b) = self.whitespace() else { return Err(self.peek_error(Code::EofObject)) };
            if b == b'}' {
                self.at += 1;
                return Ok(Json::Obj(self.members.drain(base..).collect()));
            }
            if self.members.len() > base {
                if b != b',' {
                    return Err(self.peek_error(Code::ExpectedObjectCommaOrEnd));
                }
                self.at += 1;
                match self.whitespace() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(self.peek_error(Code::TrailingComma)),
                    Some(_) => return Err(self.peek_error(Code::KeyMustBeAString)),
                    None => return Err(self.peek_error(Code::EofValue)),
                }
            } else if b != b'"' {
                return Err(self.peek_error(Code::KeyMustBeAString));
            }
            self.at += 1;
            let key = self.string()?;
            match self.whitespace() {
                Some(b':') => self.at += 1,
                Some(_) => return Err(self.peek_error(Code::ExpectedColon)),
                None => return Err(self.peek_error(Code::EofObject)),
            }
            let value = self.value()?;
            self.members.push((key, value));
        }
    }

    /// A string's contents after its `"`, and the closing `"`: borrowed when
    /// it has no escapes, so a big feed's ids and labels are not copied.
    fn string(&mut self) -> Read<Cow<'a, str>> {
        let bytes = self.bytes;
        let mut start = self.at;
        let mut scratch: Option<Vec<u8>> = None;
        loop {
            self.skip_to_escape();
            let Some(b) = self.peek() else { return Err(self.error(Code::EofString)) };
            match b {
                b'"' => {
                    let raw = &bytes[start..self.at];
                    self.at += 1;
                    return match scratch {
                        None => match std::str::from_utf8(raw) {
                            Ok(s) => Ok(Cow::Borrowed(s)),
                            Err(e) => Err(self.utf8_error(raw.len(), e.valid_up_to())),
                        },
                        Some(mut owned) => {
                            owned.extend_from_slice(raw);
                            match String::from_utf8(owned) {
                                Ok(s) => Ok(Cow::Owned(s)),
                                Err(e) => Err(self.utf8_error(e.as_bytes().len(), e.utf8_error().valid_up_to())),
                            }
                        }
                    };
                }
                b'\\' => {
                    let out = scratch.get_or_insert_with(Vec::new);
                    out.extend_from_slice(&bytes[start..self.at]);
                    self.at += 1;
                    self.escape(out)?;
                    start = self.at;
                }
                _ => {
                    self.at += 1;
                    return Err(self.error(Code::ControlCharacter));
                }
            }
        }
    }

    /// Invalid UTF-8 in a string of `len` bytes (unescaped), found once the
    /// string was read: serde_json counts back from the closing quote, which
    /// is exact without escapes and approximate with them; so do we.
    #[cold]
    fn utf8_error(&self, len: usize, valid_up_to: usize) -> SyntaxError {
        let mut e = self.error(Code::InvalidUnicode);
        e.column = e.column.saturating_sub(len - valid_up_to);
        e
    }

    /// Moves to the next `"`, `\` or control character (or the end), eight
    /// bytes at a time: most of a feed's bytes are in strings.
    fn skip_to_escape(&mut self) {
        const ONES: u64 = u64::MAX / 255;
        const HIGH: u64 = ONES << 7;
        let (chunks, _) = self.bytes[self.at..].as_chunks::<8>();
        for chunk in chunks {
            let v = u64::from_le_bytes(*chunk);
            // The lowest flagged byte is exact (borrows only flag bytes above it).
            let control = v.wrapping_sub(ONES * 0x20) & !v;
            let q = v ^ (ONES * u64::from(b'"'));
            let quote = q.wrapping_sub(ONES) & !q;
            let s = v ^ (ONES * u64::from(b'\\'));
            let backslash = s.wrapping_sub(ONES) & !s;
            let found = (control | quote | backslash) & HIGH;
            if found != 0 {
                self.at += found.trailing_zeros() as usize / 8;
                return;
            }
            self.at += 8;
        }
        while let Some(b) = self.peek() {
            if b == b'"' || b == b'\\' || b < 0x20 {
                return;
            }
            self.at += 1;
        }
    }

    /// An escape after its `\`, decoded into `out`.
    fn escape(&mut self, out: &mut Vec<u8>) -> Read<()> {
        let Some(b) = self.next() else { return Err(self.error(Code::EofString)) };
        let byte = match b {
            b'"' | b'\\' | b'/' => b,
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error(Code::InvalidEscape)),
        };
        out.push(byte);
        Ok(())
    }

    /// `\uXXXX` after its `u`; a leading surrogate must be followed by
    /// `\uXXXX` with a trailing one.
    fn unicode_escape(&mut self, out: &mut Vec<u8>) -> Read<()> {
        let n = self.hex4()?;
        let c = match n {
            0xDC00..=0xDFFF => return Err(self.error(Code::LoneSurrogate)),
            0xD800..=0xDBFF => {
                for want in [b'\\', b'u'] {
                    match self.peek() {
                        None => return Err(self.error(Code::EofString)),
                        Some(b) => {
                            self.at += 1;
                            if b != want {
                                return Err(self.error(Code::UnexpectedEndOfHexEscape));
                            }
                        }
                    }
                }
                let n2 = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&n2) {
                    return Err(self.error(Code::LoneSurrogate));
                }
                0x1_0000 + ((u32::from(n - 0xD800) << 10) | u32::from(n2 - 0xDC00))
            }
            _ => u32::from(n),
        };
        // Never a surrogate here, so always a char; the fallback is unreachable.
        let c = char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER);
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        Ok(())
    }

    fn hex4(&mut self) -> Read<u16> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(self.error(Code::EofString));
        };
        self.at += 4;
        let mut n = 0u16;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.error(Code::InvalidEscape)),
            };
            n = n << 4 | u16::from(v);
        }
        Ok(n)
    }

    /// A number after its sign (serde_json's `parse_integer`).
    fn integer(&mut self, positive: bool) -> Read<Json<'a>> {
        let Some(first) = self.next() else { return Err(self.error(Code::EofValue)) };
        let mut significand = match first {
            b'0' => {
                // One leading zero at most.
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(Code::InvalidNumber));
                }
                0
            }
            b'1'..=b'9' => u64::from(first - b'0'),
            _ => return Err(self.error(Code::InvalidNumber)),
        };
        while let Some(c @ b'0'..=b'9') = self.peek() {
            let digit = u64::from(c - b'0');
            if overflows(significand, digit) {
                return self.long_integer(positive, significand).map(Json::Float);
            }
            self.at += 1;
            significand = significand * 10 + digit;
        }
        match self.peek() {
            Some(b'.') => self.decimal(positive, significand, 0).map(Json::Float),
            Some(b'e' | b'E') => self.exponent(positive, significand, 0).map(Json::Float),
            _ if positive => Ok(i64::try_from(significand).map_or(Json::UInt(significand), Json::Int)),
            _ => {
                let negated = (significand as i64).wrapping_neg();
                // Below i64::MIN, and -0, are floats, as serde_json has them.
                Ok(if negated >= 0 { Json::Float(-(significand as f64)) } else { Json::Int(negated) })
            }
        }
    }

    /// Digits past what a `u64` holds: each only scales the number.
    #[cold]
    fn long_integer(&mut self, positive: bool, significand: u64) -> Read<f64> {
        let mut exponent = 0i32;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
            exponent += 1;
        }
        match self.peek() {
            Some(b'.') => self.decimal(positive, significand, exponent),
            Some(b'e' | b'E') => self.exponent(positive, significand, exponent),
            _ => self.scaled(positive, significand, exponent),
        }
    }

    /// The fraction after `.`.
    fn decimal(&mut self, positive: bool, mut significand: u64, before_point: i32) -> Read<f64> {
        self.at += 1;
        let mut after_point = 0i32;
        while let Some(c @ b'0'..=b'9') = self.peek() {
            let digit = u64::from(c - b'0');
            if overflows(significand, digit) {
                // Further digits are dropped, as serde_json drops them.
                while let Some(b'0'..=b'9') = self.peek() {
                    self.at += 1;
                }
                return match self.peek() {
                    Some(b'e' | b'E') => self.exponent(positive, significand, before_point + after_point),
                    _ => self.scaled(positive, significand, before_point + after_point),
                };
            }
            self.at += 1;
            significand = significand * 10 + digit;
            after_point -= 1;
        }
        if after_point == 0 {
            let code = if self.peek().is_some() { Code::InvalidNumber } else { Code::EofValue };
            return Err(self.peek_error(code));
        }
        let exponent = before_point + after_point;
        match self.peek() {
            Some(b'e' | b'E') => self.exponent(positive, significand, exponent),
            _ => self.scaled(positive, significand, exponent),
        }
    }

    /// The exponent after `e`.
    fn exponent(&mut self, positive: bool, significand: u64, start: i32) -> Read<f64> {
        self.at += 1;
        let positive_exp = match self.peek() {
            Some(b'+') => {
                self.at += 1;
                true
            }
            Some(b'-') => {
                self.at += 1;
                false
            }
            _ => true,
        };
        let mut exp = match self.next() {
            None => return Err(self.error(Code::EofValue)),
            Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
            Some(_) => return Err(self.error(Code::InvalidNumber)),
        };
        while let Some(c @ b'0'..=b'9') = self.peek() {
            self.at += 1;
            let digit = i32::from(c - b'0');
            if exp >= i32::MAX / 10 && (exp > i32::MAX / 10 || digit > i32::MAX % 10) {
                // An exponent past i32: infinite, or zero.
                if significand != 0 && positive_exp {
                    return Err(self.error(Code::NumberOutOfRange));
                }
                while let Some(b'0'..=b'9') = self.peek() {
                    self.at += 1;
                }
                return Ok(if positive { 0.0 } else { -0.0 });
            }
            exp = exp * 10 + digit;
        }
        let exponent = if positive_exp { start.saturating_add(exp) } else { start.saturating_sub(exp) };
        self.scaled(positive, significand, exponent)
    }

    /// `significand × 10^exponent` as serde_json computes it without its
    /// `float_roundtrip` feature (which the bundle never had): the
    /// significand rounded to `f64`, then one multiplication or division by
    /// the nearest `f64` to a power of ten. Exact, as correct rounding is,
    /// for the decimals feeds have (up to 15 digits, exponents up to 22);
    /// kept as it was for the rest, so that no value moves by an ulp.
    fn scaled(&mut self, positive: bool, significand: u64, mut exponent: i32) -> Read<f64> {
        let mut f = significand as f64;
        loop {
            let n = exponent.unsigned_abs() as usize;
            if n <= 308 {
                let pow = self.pow10(n);
                if exponent >= 0 {
                    f *= pow;
                    if f.is_infinite() {
                        return Err(self.error(Code::NumberOutOfRange));
                    }
                } else {
                    f /= pow;
                }
                break;
            }
            if f == 0.0 {
                break;
            }
            if exponent >= 0 {
                return Err(self.error(Code::NumberOutOfRange));
            }
            f /= self.pow10(308);
            exponent += 308;
        }
        Ok(if positive { f } else { -f })
    }

    /// The nearest `f64` to 10^n (n ≤ 308), as the literal `1e{n}` is.
    fn pow10(&mut self, n: usize) -> f64 {
        if self.pow10[n] == 0.0 {
            self.pow10[n] = nearest_pow10(n as u32);
        }
        self.pow10[n]
    }
}

/// Whether `n * 10 + digit` overflows a `u64`.
fn overflows(n: u64, digit: u64) -> bool {
    n >= u64::MAX / 10 && (n > u64::MAX / 10 || digit > u64::MAX % 10)
}

/// The nearest `f64` to 10^n, n ≤ 308, computed instead of stored: a table
/// like serde_json's is 2.4 KB of data that gzip cannot shrink. 10^n is
/// 5^n · 2^n; 5^n is computed exactly in 32-bit limbs and rounded to 53
/// bits, ties to even. A reader computes each power once ([`Reader::pow10`]).
fn nearest_pow10(n: u32) -> f64 {
    if n <= 22 {
        // 10^22 and below are exact in f64, and so is each product here.
        let mut p = 1.0;
        for _ in 0..n {
            p *= 10.0;
        }
        return p;
    }
    // 5^308 < 2^716: 23 limbs.
    let mut limbs = [0u32; 23];
    limbs[0] = 1;
    let mut len = 1;
    for _ in 0..n {
        let mut carry = 0u64;
        for limb in &mut limbs[..len] {
            let v = u64::from(*limb) * 5 + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            limbs[len] = carry as u32;
            len += 1;
        }
    }
    let bit = |i: u32| limbs[(i / 32) as usize] >> (i % 32) & 1 == 1;
    let bits = len as u32 * 32 - limbs[len - 1].leading_zeros();
    // 5^23 has 54 bits, so at least one bit is rounded off.
    let mut shift = bits - 53;
    let mut mantissa = 0u64;
    for i in (shift..bits).rev() {
        mantissa = mantissa << 1 | u64::from(bit(i));
    }
    let half = bit(shift - 1);
    let sticky = (0..shift - 1).any(bit);
    if half && (sticky || mantissa & 1 == 1) {
        mantissa += 1;
        if mantissa == 1 << 53 {
            mantissa >>= 1;
            shift += 1;
        }
    }
    // mantissa · 2^(shift + n), the mantissa's top bit implied.
    let biased = u64::from(shift + n + 52 + 1023);
    f64::from_bits(biased << 52 | (mantissa & ((1 << 52) - 1)))
}

/// Whether arrays and objects in `bytes` nest deeper than `limit`, read
/// with a byte scan that stops there: a document too deep is refused as
/// such even where it is not JSON. Brackets inside strings do not count.
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

/// A string as a JSON string literal, escaped as serde_json's `to_string`
/// escapes it: `"` and `\`, the short escapes, other control characters as
/// `\u00xx`; everything else, non-ASCII included, as it is.
pub(crate) fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let b = c as u8;
                out.push_str("\\u00");
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Json<'_> {
        read(s.as_bytes()).expect("valid JSON")
    }

    #[test]
    fn keeps_key_order_and_repeats() {
        let Json::Obj(members) = parse(r#"{"b":1,"a":2,"b":3}"#) else { panic!("not an object") };
        let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_ref()).collect();
        assert_eq!(keys, ["b", "a", "b"]);
    }

    #[test]
    fn numbers_keep_integer_ness() {
        let v = parse("[1, -2, 1.0, 18446744073709551615, -0, -9223372036854775808, 18446744073709551616]");
        let want = [
            Json::Int(1),
            Json::Int(-2),
            Json::Float(1.0),
            Json::UInt(u64::MAX),
            Json::Float(-0.0),
            Json::Int(i64::MIN),
            Json::Float(18446744073709551616.0),
        ];
        assert_eq!(v, Json::Arr(want.into_iter().collect()));
        let Json::Arr(items) = v else { panic!("not an array") };
        assert!(matches!(items[4], Json::Float(z) if z.is_sign_negative()), "-0 keeps its sign");
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        let Json::Arr(items) = parse(r#"["plain", "tab\there", "\u0416\ud83d\ude00"]"#) else { panic!("not an array") };
        assert!(matches!(&items[0], Json::Str(Cow::Borrowed("plain"))));
        assert!(matches!(&items[1], Json::Str(Cow::Owned(s)) if s == "tab\there"));
        assert!(matches!(&items[2], Json::Str(Cow::Owned(s)) if s == "Ж😀"));
    }

    #[test]
    fn errors_say_what_and_where() {
        let cases: &[(&str, Code, usize, usize)] = &[
            ("", Code::EofValue, 1, 0),
            ("[1,]", Code::TrailingComma, 1, 4),
            ("{\"a\" 1}", Code::ExpectedColon, 1, 6),
            ("01", Code::InvalidNumber, 1, 2),
            ("1e400", Code::NumberOutOfRange, 1, 5),
            ("NaN", Code::ExpectedValue, 1, 1),
            ("\"\\ud800\"", Code::UnexpectedEndOfHexEscape, 1, 8),
            ("\"\\udc00\"", Code::LoneSurrogate, 1, 7),
            ("\"a\u{1}\"", Code::ControlCharacter, 1, 3),
            ("{}\n x", Code::TrailingCharacters, 2, 2),
            ("{1:2}", Code::KeyMustBeAString, 1, 2),
        ];
        for &(input, code, line, column) in cases {
            assert_eq!(read(input.as_bytes()), Err(SyntaxError { code, line, column }), "{input:?}");
        }
        assert_eq!(read(b"\"\xff\"").map_err(|e| e.code), Err(Code::InvalidUnicode));
        let deep = "[".repeat(200);
        assert_eq!(read(deep.as_bytes()).map_err(|e| (e.code, e.column)), Err((Code::RecursionLimit, 128)));
    }

    #[test]
    fn powers_of_ten_are_the_nearest_doubles() {
        for n in 0..=308u32 {
            let literal: f64 = format!("1e{n}").parse().expect("a float literal");
            assert_eq!(nearest_pow10(n).to_bits(), literal.to_bits(), "10^{n}");
        }
    }

    #[test]
    fn nesting_scan_ignores_brackets_in_strings() {
        assert!(!nesting_exceeds(br#"{"a": "[[[[[[[[["}"#, 2));
        assert!(nesting_exceeds(b"[[[", 2));
        assert!(!nesting_exceeds(b"[[]]", 2));
        assert!(nesting_exceeds(&vec![b'['; 100_000], 64));
    }

    /// `read_nested` answers as the scan followed by `read` did: refuses
    /// a document where the scan finds it too deep, and otherwise reads it
    /// exactly as `read` does. Over documents of brackets, strings with
    /// brackets and escapes in them, and stray bytes, at every limit.
    #[test]
    fn a_nesting_limit_while_reading_agrees_with_the_scan() {
        const PARTS: [&str; 10] = ["[", "]", "{\"k\":", "}", ",", "1", "\"[{\"", "\"\\\"[\"", "x", " "];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut doc = String::new();
            // xorshift: deterministic, no dependency.
            for _ in 0..(state % 24) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                doc.push_str(PARTS[(state % PARTS.len() as u64) as usize]);
            }
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for limit in 0..6 {
                let nested = read_nested(doc.as_bytes(), limit);
                if nesting_exceeds(doc.as_bytes(), limit) {
                    assert!(nested.is_err(), "{doc:?} at {limit}: read although too deep");
                } else {
                    assert_eq!(nested, read(doc.as_bytes()), "{doc:?} at {limit}");
                }
            }
        }
    }
}
