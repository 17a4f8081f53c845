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

/// The one error type of lede: what was wrong, as data. Each front end writes the message with
/// [`Error::message_with`], passing how it shows a number: the CLI with Rust's formatting (this
/// type's `Display`), the WebAssembly binding with JavaScript's `String(n)` (which also keeps
/// Rust's float formatting out of the `.wasm`).
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    /// No option has this name (the first 40 characters of it).
    UnknownOption(String),
    /// The option `field` (as JavaScript spells it) must be `expected` ("an integer from 1 to
    /// 100"), and was `got`.
    InvalidOption { field: &'static str, expected: String, got: Got },
    /// Any other failure, as a message.
    Other(String),
}

/// The value an [`Error`] complains about, kept as data.
#[derive(Clone, Debug, PartialEq)]
pub enum Got {
    Number(f64),
    /// The first 40 characters of a string.
    Str(String),
    Bool(bool),
    Null,
    /// A value of another JavaScript type, by its type's name ("object", "function", ...).
    Other(String),
}

impl Error {
    /// An error with a plain message.
    pub fn new(message: impl Into<String>) -> Self {
        Error::Other(message.into())
    }

    /// The message, with every number written by `number`.
    pub fn message_with(&self, number: impl Fn(f64) -> String) -> String {
        match self {
            Error::UnknownOption(name) => format!("unknown option `{name}` (known options: {KNOWN})"),
            Error::InvalidOption { field, expected, got } => {
                let got = match got {
                    Got::Number(n) => number(*n),
                    Got::Str(s) => quoted(s),
                    Got::Bool(b) => b.to_string(),
                    Got::Null => "null".to_owned(),
                    Got::Other(kind) => format!("a value of type {kind}"),
                };
                format!("option `{field}` must be {expected}, got {got}")
            }
            Error::Other(message) => message.clone(),
        }
    }
}

/// `s` in double quotes, with `"`, `\` and control characters escaped as Rust's `Debug` writes
/// them (`"a\"b\n"`). Not `format!("{s:?}")`: `Debug` also escapes the non-printable characters of
/// all Unicode, and its tables would be in the `.wasm` for this one message (about 1 KB gzip).
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The message with numbers as Rust writes them.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_with(|n| n.to_string()))
    }
}

impl std::error::Error for Error {}

impl OptionValue<'_> {
    /// The value as an [`Error`] keeps it.
    fn to_got(&self) -> Got {
        match *self {
            OptionValue::Number(n) => Got::Number(n),
            OptionValue::Str(s) => Got::Str(s.chars().take(40).collect()),
            OptionValue::Bool(b) => Got::Bool(b),
            OptionValue::Null => Got::Null,
            OptionValue::Other(kind) => Got::Other(kind.to_owned()),
        }
    }
}

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
            "sentences" => self.sentences = if unset { d.sentences } else { integer("sentences", &value, 1, 100)? },
            "maxWords" => self.max_words = if unset { None } else { Some(integer("maxWords", &value, 1, 100_000)?) },
            "entities" => self.entities = if unset { d.entities } else { integer("entities", &value, 0, 100)? },
            "keywords" => self.keywords = if unset { d.keywords } else { integer("keywords", &value, 0, 100)? },
            "language" => self.language = if unset { None } else { Some(language(&value)?) },
            _ => return Err(unknown(field)),
        }
        Ok(())
    }
}

fn unknown(field: &str) -> Error {
    Error::UnknownOption(field.chars().take(40).collect())
}

fn integer(field: &'static str, value: &OptionValue<'_>, min: usize, max: usize) -> Result<usize, Error> {
    let bad =
        || Error::InvalidOption { field, expected: format!("an integer from {min} to {max}"), got: value.to_got() };
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
    Err(Error::InvalidOption {
        field: "language",
        expected: "a language code lede knows (ISO 639-1 such as \"en\", or ISO 639-3 such as \"pcm\")".to_owned(),
        got: value.to_got(),
    })
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
            Case { field: "language", value: Str(" sr "), expect: Ok(()) },
            Case { field: "language", value: Str(""), expect: Err("`language`") },
            Case { field: "language", value: Other("object"), expect: Err("a value of type object") },
            Case { field: "sentence", value: Number(3.0), expect: Err("unknown option `sentence`") },
            Case { field: "max_words", value: Null, expect: Err("unknown option `max_words`") },
        ];
        for case in cases {
            let got = Options::default().set(case.field, case.value.clone());
            match (got, case.expect) {
                (Ok(()), Ok(())) => {}
                (Err(e), Err(fragment)) => {
                    assert!(e.to_string().contains(fragment), "{}={:?}: {e} lacks {fragment:?}", case.field, case.value)
                }
                (got, want) => panic!("{}={:?}: got {got:?}, want {want:?}", case.field, case.value),
            }
        }
    }

    #[test]
    fn the_caller_writes_numbers() {
        let e = Options::default().set("sentences", Number(1e21)).unwrap_err();
        let want = Error::InvalidOption {
            field: "sentences",
            expected: "an integer from 1 to 100".to_owned(),
            got: Got::Number(1e21),
        };
        assert_eq!(e, want);
        // JavaScript's String(1e21), as the binding passes it.
        assert_eq!(
            e.message_with(|_| "1e+21".to_owned()),
            "option `sentences` must be an integer from 1 to 100, got 1e+21"
        );
        assert_eq!(e.to_string(), "option `sentences` must be an integer from 1 to 100, got 1000000000000000000000");
        let e = Options::default().set("language", Str(&"x".repeat(100))).unwrap_err();
        assert!(e.to_string().ends_with(&format!("got {:?}", "x".repeat(40))), "{e}");
    }

    #[test]
    fn strings_are_quoted_as_debug_quotes_them() {
        for s in ["", "en", "a\"b", "back\\slash", "tab\tnew\nline\r", "nul\0", "bell\u{7}\u{9f}", "é中🙂", "it's"]
        {
            assert_eq!(quoted(s), format!("{s:?}"));
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
