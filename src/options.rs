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
            OptionValue::Number(n) => write!(f, "{n}"),
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

/// The option names as JavaScript spells them.
pub const FIELDS: [&str; 5] = ["sentences", "maxWords", "entities", "keywords", "language"];

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
    Error::new(format!("unknown option `{short}` (known options: {})", FIELDS.join(", ")))
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
        if code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) {
            return Ok(code);
        }
    }
    Err(Error::new(format!("option `language` must be a two-letter ISO 639-1 code such as \"en\", got {value}")))
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
    fn null_restores_the_default() {
        let mut o = Options::default();
        o.set("maxWords", Number(50.0)).unwrap();
        o.set("language", Str("fr")).unwrap();
        o.set("maxWords", Null).unwrap();
        o.set("language", Null).unwrap();
        assert_eq!(o, Options::default());
    }
}
