//! `lede`: summarize a news article from a file or standard input.

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use lede::{OptionValue, Options};

const HELP: &str = "\
lede — summarize a news article, offline

Usage: lede [OPTIONS] [FILE]

Reads FILE (or standard input when FILE is missing or -) and prints the title, the lead summary,
the key entities and keywords.

Options:
  --sentences N     summary length in sentences (default 3)
  --max-words N     a word budget instead of a sentence count
  --entities N      number of entities (default 10)
  --all-entities    every entity found, however many (for evaluation)
  --story           the input is the story alone: keep every line (no menu or footer removal)
  --keywords N      number of keywords (default 10)
  --language CODE   ISO 639-1 code of the text (default: detect)
  --json            print the same object as the JavaScript API's summarize(); its start/end
                    offsets count UTF-16 code units (as JavaScript strings do), not bytes
  --jsonl           batch mode: each input line is a JSON object with \"text\" (or \"article\")
                    and an optional \"id\"; prints one JSON result per line with \"id\" and
                    \"micros\" (time spent summarizing)
  --lead N          with --jsonl: add \"lead\", the story's first N sentences as lede splits
                    them (the LEAD-N baseline for evaluation)
  -h, --help        show this help
  -V, --version     show the version
";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lede: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut options = Options::default();
    let (mut json, mut jsonl, mut story, mut file, mut lead) = (false, false, false, None, 0usize);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let field = match arg.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return Ok(());
            }
            "-V" | "--version" => {
                println!("lede {}", lede::VERSION);
                return Ok(());
            }
            "--json" => {
                json = true;
                continue;
            }
            "--jsonl" => {
                jsonl = true;
                continue;
            }
            "--story" => {
                story = true;
                continue;
            }
            "--all-entities" => {
                options.entities = usize::MAX;
                continue;
            }
            "--lead" => {
                let value = args.next().ok_or("--lead needs a value")?;
                lead = value.parse().map_err(|_| format!("--lead needs a number, got {value:?}"))?;
                continue;
            }
            "--sentences" => "sentences",
            "--max-words" => "maxWords",
            "--entities" => "entities",
            "--keywords" => "keywords",
            "--language" => "language",
            "-" => {
                file = None;
                continue;
            }
            flag if flag.starts_with('-') => return Err(format!("unknown flag {flag} (see --help)")),
            path => {
                file = Some(path.to_owned());
                continue;
            }
        };
        let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
        let parsed = match field {
            "language" => OptionValue::Str(&value),
            _ => OptionValue::Number(value.parse::<f64>().map_err(|_| format!("{arg} needs a number, got {value:?}"))?),
        };
        options.set(field, parsed).map_err(|e| e.to_string())?;
    }

    let mut input = Vec::new();
    match &file {
        Some(path) => input = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?,
        None => {
            io::stdin().read_to_end(&mut input).map_err(|e| format!("cannot read standard input: {e}"))?;
        }
    }
    let text = String::from_utf8(input).unwrap_or_else(|e| {
        eprintln!("lede: input is not valid UTF-8; invalid bytes are shown as U+FFFD");
        String::from_utf8_lossy(e.as_bytes()).into_owned()
    });

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if !jsonl {
        lede::check_text(&text).map_err(|e| e.to_string())?;
    }
    if jsonl {
        return batch(&text, &options, story, lead, &mut out);
    }
    let summary = if story { lede::summarize_story(&text, &options) } else { lede::summarize(&text, &options) };
    if json {
        let value = serde_json::to_string_pretty(&summary.report(&text)).map_err(|e| e.to_string())?;
        writeln!(out, "{value}").map_err(|e| e.to_string())?;
    } else {
        print_plain(&text, &summary, &mut out).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

fn batch(input: &str, options: &Options, story: bool, lead: usize, out: &mut impl Write) -> Result<(), String> {
    for (n, line) in input.as_bytes().lines().enumerate() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("line {}: not JSON: {e}", n + 1))?;
        let text = record
            .get("text")
            .or_else(|| record.get("article"))
            .and_then(|v| v.as_str())
            .ok_or_else(|| format!("line {}: no \"text\" or \"article\" string", n + 1))?;
        lede::check_text(text).map_err(|e| format!("line {}: {e}", n + 1))?;
        let started = Instant::now();
        let summary = if story { lede::summarize_story(text, options) } else { lede::summarize(text, options) };
        let micros = started.elapsed().as_micros() as u64;
        let mut value = serde_json::to_value(summary.report(text)).map_err(|e| e.to_string())?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("id".into(), record.get("id").cloned().unwrap_or(serde_json::Value::Null));
            obj.insert("micros".into(), micros.into());
            if lead > 0 {
                let first: Vec<&str> = lede::sentences(text).iter().take(lead).map(|s| s.of(text)).collect();
                obj.insert("lead".into(), first.into());
            }
        }
        writeln!(out, "{value}").map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn print_plain(text: &str, summary: &lede::Summary, out: &mut impl Write) -> io::Result<()> {
    if let Some(title) = &summary.title {
        writeln!(out, "{title}\n")?;
    }
    if let Some(reason) = &summary.reason {
        writeln!(out, "({reason})")?;
    }
    for (n, s) in summary.sentences.iter().enumerate() {
        writeln!(out, "{}. {}", n + 1, s.span.of(text))?;
    }
    if !summary.entities.is_empty() {
        writeln!(out, "\nEntities:")?;
        for e in &summary.entities {
            let kind = e.kind.as_str();
            let aliases = if e.aliases.is_empty() { String::new() } else { format!("; also {}", e.aliases.join(", ")) };
            writeln!(out, "  {} ({kind}, {} mentions{aliases})", e.name, e.mentions.len())?;
        }
    }
    if !summary.keywords.is_empty() {
        let terms: Vec<&str> = summary.keywords.iter().map(|k| k.term.as_str()).collect();
        writeln!(out, "\nKeywords: {}", terms.join(", "))?;
    }
    let s = &summary.stats;
    writeln!(
        out,
        "\n{} words, {} sentences, {} min read, language {}",
        s.words, s.sentences, s.reading_minutes, summary.language
    )
}
