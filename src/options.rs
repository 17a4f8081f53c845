//! Summary options and their validation.
//!
//! Options come from JavaScript objects and command-line flags; both go through
//! [`Options::set`], so an unknown field or a bad value gives the same precise [`Error`].

use std::fmt;

/// What to produce. `Options::default()` gives a 3-sentence summary, 10 entities, 10 keywords
/// and language detection.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Number of summary sentences (1..=100). Ignored when `max_words` is set.
    pub sentences: usize,
    /// A word budget instead of a sentence count (1..=100000).
    pub max_words: Option<usize>,
    /// Number of entities to return (0..=100).
    pub entities: usize,
    /// Number of keywords to return (0..=100).
    pub keywords: usize,
    /// ISO 639-1 code of the text's language; `None` detects it.
    pub language: Option<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options { sentences: 3, max_words: None, entities: 10, keywords: 10, language: None }
    }
}

/// A value as it arrives from JavaScript or the command line, before validation.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue<'a> {
    Number(f64),
    Str(&'a str),
    Bool(bool),
    /// `null` or `undefined`: the field keeps its default.
    Null,
    /// Any other JavaScript value; the string names its type ("object", "function", ...).
    Other(&'a str),
}

impl fmt::Display for OptionValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionValue::Number(n) => f.write_str(&display_f64(*n)),
            OptionValue::Str(s) => {
                let short: String = s.chars().take(40).collect();
                write!(f, "{short:?}")
            }
            OptionValue::Bool(b) => write!(f, "{b}"),
            OptionValue::Null => f.write_str("null"),
            OptionValue::Other(kind) => write!(f, "a value of type {kind}"),
        }
    }
}

/// `n` as `Display` writes it. The `.wasm` takes the digits from JavaScript instead of carrying
/// core's float formatting (about 17 KB of code and tables).
#[cfg(not(target_arch = "wasm32"))]
fn display_f64(n: f64) -> String {
    n.to_string()
}

#[cfg(target_arch = "wasm32")]
use crate::wasm_api::display_f64;

/// `n` as `Display` writes it, given `shortest`: `n`'s shortest round-trip digits in any of the
/// forms JavaScript's `String(n)` or Rust's `{:e}` use ("0.5", "1e+21", "1.5e-7", "-0", "NaN").
/// `Display` writes no exponent, and "-0", "inf" and "-inf".
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn display_f64_from(n: f64, shortest: &str) -> String {
    if n.is_nan() {
        return "NaN".to_owned();
    }
    let sign = if n.is_sign_negative() { "-" } else { "" };
    if n.is_infinite() {
        return format!("{sign}inf");
    }
    let shortest = shortest.trim_start_matches('-');
    let (mantissa, exponent) = shortest.split_once(['e', 'E']).unwrap_or((shortest, "0"));
    let exponent: i64 = exponent.trim_start_matches('+').parse().unwrap_or(0);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    let lead = digits.len() - digits.trim_start_matches('0').len();
    let digits = digits.trim_matches('0');
    if digits.is_empty() {
        return format!("{sign}0");
    }
    // The decimal point sits after `point` digits of `digits` (negative: zeros before them).
    let point = int.len() as i64 - lead as i64 + exponent;
    let len = digits.len() as i64;
    let zeros = |k: i64| "0".repeat(k.max(0) as usize);
    if point <= 0 {
        format!("{sign}0.{}{digits}", zeros(-point))
    } else if point >= len {
        format!("{sign}{digits}{}", zeros(point - len))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{sign}{a}.{b}")
    }
}

/// The one error type of lede: a precise, human-readable message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    message: String,
}

impl Error {
    pub fn new(message: impl Into<String>) -> Self {
        Error { message: message.into() }
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// The option names as JavaScript spells them, as the "unknown option" message lists them.
const KNOWN: &str = "sentences, maxWords, entities, keywords, language";

impl Options {
    /// Sets one option from its JavaScript name and value. `null`/`undefined` keeps the default.
    ///
    /// ```
    /// use lede::{Options, OptionValue};
    /// let mut o = Options::default();
    /// o.set("sentences", OptionValue::Number(5.0)).unwrap();
    /// assert_eq!(o.sentences, 5);
    /// let err = o.set("sentence", OptionValue::Number(5.0)).unwrap_err();
    /// assert!(err.to_string().contains("sentence"));
    /// ```
    pub fn set(&mut self, field: &str, value: OptionValue<'_>) -> Result<(), Error> {
        let unset = value == OptionValue::Null;
        let d = Options::default();
        match field {
            "sentences" => self.sentences = if unset { d.sentences } else { integer(field, &value, 1, 100)? },
            "maxWords" => self.max_words = if unset { None } else { Some(integer(field, &value, 1, 100_000)?) },
            "entities" => self.entities = if unset { d.entities } else { integer(field, &value, 0, 100)? },
            "keywords" => self.keywords = if unset { d.keywords } else { integer(field, &value, 0, 100)? },
            "language" => self.language = if unset { None } else { Some(language(&value)?) },
            _ => return Err(unknown(field)),
        }
        Ok(())
    }
}

fn unknown(field: &str) -> Error {
    let short: String = field.chars().take(40).collect();
    // One literal rather than `[..].join(", ")`: `join` alone cost 1 KB of `.wasm`.
    Error::new(format!("unknown option `{short}` (known options: {KNOWN})"))
}

fn integer(field: &str, value: &OptionValue<'_>, min: usize, max: usize) -> Result<usize, Error> {
    let bad = || Error::new(format!("option `{field}` must be an integer from {min} to {max}, got {value}"));
    match *value {
        OptionValue::Number(n) if n.fract() == 0.0 && n >= min as f64 && n <= max as f64 => Ok(n as usize),
        _ => Err(bad()),
    }
}

fn language(value: &OptionValue<'_>) -> Result<String, Error> {
    if let OptionValue::Str(s) = value {
        let code = s.trim().to_ascii_lowercase();
        if crate::language::Language::known(&code) {
            return Ok(code);
        }
    }
    Err(Error::new(format!(
        "option `language` must be a language code lede knows (ISO 639-1 such as \"en\", or ISO 639-3 such as \"pcm\"), got {value}"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use OptionValue::*;

    struct Case {
        field: &'static str,
        value: OptionValue<'static>,
        /// `Ok(())` or a fragment the error message must contain.
        expect: Result<(), &'static str>,
    }

    #[test]
    fn set_validates_each_field() {
        let cases = [
            Case { field: "sentences", value: Number(1.0), expect: Ok(()) },
            Case {
                field: "sentences",
                value: Number(0.0),
                expect: Err("`sentences` must be an integer from 1 to 100, got 0"),
            },
            Case { field: "sentences", value: Number(2.5), expect: Err("`sentences`") },
            Case { field: "sentences", value: Number(f64::NAN), expect: Err("`sentences`") },
            Case { field: "sentences", value: Str("3"), expect: Err("got \"3\"") },
            Case { field: "sentences", value: Null, expect: Ok(()) },
            Case { field: "maxWords", value: Number(60.0), expect: Ok(()) },
            Case { field: "maxWords", value: Number(-1.0), expect: Err("`maxWords`") },
            Case { field: "entities", value: Number(0.0), expect: Ok(()) },
            Case {
                field: "keywords",
                value: Bool(true),
                expect: Err("`keywords` must be an integer from 0 to 100, got true"),
            },
            Case { field: "language", value: Str("EN"), expect: Ok(()) },
            Case { field: "language", value: Str("english"), expect: Err("`language`") },
            Case { field: "language", value: Str("pcm"), expect: Ok(()) },
            Case { field: "language", value: Str("xx"), expect: Err("`language`") },
            Case { field: "language", value: Other("object"), expect: Err("a value of type object") },
            Case { field: "sentence", value: Number(3.0), expect: Err("unknown option `sentence`") },
            Case { field: "max_words", value: Null, expect: Err("unknown option `max_words`") },
        ];
        for case in cases {
            let got = Options::default().set(case.field, case.value.clone());
            match (got, case.expect) {
                (Ok(()), Ok(())) => {}
                (Err(e), Err(fragment)) => {
                    assert!(e.message().contains(fragment), "{}={:?}: {e} lacks {fragment:?}", case.field, case.value)
                }
                (got, want) => panic!("{}={:?}: got {got:?}, want {want:?}", case.field, case.value),
            }
        }
    }

    #[test]
    fn display_f64_from_shortest_digits_matches_display() {
        let cases = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            2.5,
            0.1,
            0.30000000000000004,
            1e-7,
            1.5e-7,
            123456.789,
            1e15,
            1e16,
            1e21,
            1.2345e21,
            -1e300,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            100.0,
            1e-5,
            0.001,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        // JavaScript's `String(n)` forms, as V8 writes them.
        let js = [("0", 0.0), ("1e+21", 1e21), ("1.2345e+21", 1.2345e21), ("1e-7", 1e-7), ("-1.5e-7", -1.5e-7)];
        for (s, n) in js {
            assert_eq!(display_f64_from(n, s), n.to_string(), "{s}");
        }
        let mut bits = 0x9E37_79B9_7F4A_7C15u64;
        let random = (0..2000).map(|_| {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            f64::from_bits(bits)
        });
        for n in cases.into_iter().chain(random) {
            assert_eq!(display_f64_from(n, &format!("{n:e}")), n.to_string(), "{n:e}");
            assert_eq!(display_f64_from(n, &n.to_string()), n.to_string(), "{n}");
        }
    }

    #[test]
    fn known_lists_the_fields() {
        for field in KNOWN.split(", ") {
            assert_eq!(Options::default().set(field, Null), Ok(()), "{field}");
        }
        assert_eq!(KNOWN.split(", ").count(), 5);
    }

    #[test]
    fn null_restores_the_default() {
        let mut o = Options::default();
        o.set("maxWords", Number(50.0)).unwrap();
        o.set("language", Str("fr")).unwrap();
        o.set("maxWords", Null).unwrap();
        o.set("language", Null).unwrap();
        assert_eq!(o, Options::default());
    }
}
