//! `train-ner`: trains lede's learned entity tagger (`src/entities/model.rs`) on gold NER
//! documents and writes the generated model table (`make model`).
//!
//! Input: JSON lines `{"id", "text", "entities": [{"type", "start", "end"}]}` with code-point
//! offsets (CoNLL-2003 as `../shared/data` holds it). Each document is read as `lede --story`
//! reads it, and every word gets the gold kind of the entity its first byte falls in (IO tags), so
//! the features are lede's own (`lede::ner_training`). An averaged perceptron learns greedy
//! left-to-right tagging (each word sees the tag predicted for the word before); the features
//! with the largest weights are kept (5,000 by default) and quantised to 4-bit weights relative
//! to tag `O` times a multiplier per feature, found by 12-bit fingerprints (see `Model`).
//!
//! Deterministic: documents are shuffled by a fixed-seed generator, ties break by hash.
//!
//! Usage: train-ner DOCS.jsonl [--epochs N] [--keep N] [--holdout] [--out FILE]
//!   --holdout   leave out every 7th document (index % 7 == 3) and report the tagger's
//!               word-level mention F1 on them (tuning; `scripts/eval/entities.py --dev` scores
//!               the same documents through the whole pipeline)
//!   --out FILE  write the Rust table there (default: standard output)

#![allow(clippy::indexing_slicing)] // an offline tool over its own well-formed vectors

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::process::ExitCode;

use lede::ner_training::{self as ner, Model, Source, Tokens, TAGS};

struct Example {
    tokens: Tokens,
    gold: Vec<usize>,
    /// Whether each word continues a name of the same tag as the word before (`joined`).
    joins: Vec<bool>,
    /// The gold names: word ranges and kind.
    names: Vec<(usize, usize, usize)>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-ner: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut path, mut epochs, mut keep, mut holdout, mut out) = (None, 16usize, 5000usize, false, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--epochs" => epochs = args.next().and_then(|v| v.parse().ok()).ok_or("--epochs N")?,
            "--keep" => keep = args.next().and_then(|v| v.parse().ok()).ok_or("--keep N")?,
            "--holdout" => holdout = true,
            "--out" => out = Some(args.next().ok_or("--out FILE")?),
            _ if path.is_none() => path = Some(a),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    let path = path.ok_or("usage: train-ner DOCS.jsonl [--epochs N] [--keep N] [--holdout] [--out FILE]")?;
    let file = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
    let (mut train, mut dev) = (Vec::new(), Vec::new());
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| e.to_string())?;
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let ex = example(&v).ok_or(format!("line {}: no text or entities", i + 1))?;
        if holdout && i % 7 == 3 {
            dev.push(ex);
        } else {
            train.push(ex);
        }
    }
    eprintln!("train-ner: {} training documents, {} held out", train.len(), dev.len());
    let mut model = train_perceptron(&train, epochs, None);
    // Pruning: keep the strongest features, then train again on them alone, so that the weights
    // make up for the features left out.
    let kept = select(&model, keep);
    let all = model.len();
    if kept.len() < all {
        let set: std::collections::HashSet<u32> = kept.iter().copied().collect();
        model = train_perceptron(&train, epochs, Some(&set));
    }
    let table = quantise(&model, &select(&model, keep));
    eprintln!("train-ner: {} features kept of {all}", table.multipliers.len());
    if holdout {
        let m = Model {
            bucket_bits: BUCKET_BITS,
            rice: table.rice,
            keys: table.keys.clone().leak(),
            multipliers: table.multipliers.clone().leak(),
            weights: table.weights.clone().leak(),
        }
        .unpack();
        // Per kind (PER, ORG, LOC), then all three.
        let mut counts = [[0usize; 3]; 4];
        for ex in &dev {
            let tags: Vec<usize> = ner::decode(&ex.tokens, |f, s| m.score(f, s)).into_iter().map(|t| t.0).collect();
            let pred = mentions(&tags, &ex.joins);
            for (k, count) in counts.iter_mut().enumerate() {
                let of =
                    |v: &[(usize, usize, usize)]| v.iter().filter(|n| k == 3 || n.2 == k).copied().collect::<Vec<_>>();
                let (t, p, g) = compare(&of(&pred), &of(&ex.names));
                count[0] += t;
                count[1] += p;
                count[2] += g;
            }
        }
        for (name, [tp, np, ng]) in ["PER", "ORG", "LOC", "PER/ORG/LOC"].iter().zip(counts) {
            let (p, r) = (tp as f64 / np.max(1) as f64, tp as f64 / ng.max(1) as f64);
            eprintln!(
                "train-ner: held-out word-level mentions ({name}): P {:.1} R {:.1} F1 {:.1}",
                100.0 * p,
                100.0 * r,
                if p + r > 0.0 { 200.0 * p * r / (p + r) } else { 0.0 }
            );
        }
    }
    let table = render(&table, &path, epochs, train.len());
    match out {
        Some(o) => std::fs::write(&o, table).map_err(|e| format!("{o}: {e}"))?,
        None => std::io::stdout().write_all(table.as_bytes()).map_err(|e| e.to_string())?,
    }
    Ok(())
}

/// A document's tokens and gold tags (the tag of the entity holding each word's first byte).
fn example(v: &serde_json::Value) -> Option<Example> {
    let text = v.get("text")?.as_str()?;
    // Code-point offsets to byte offsets.
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let mut ents: Vec<(usize, usize, usize)> = Vec::new();
    for e in v.get("entities")?.as_array()? {
        let k = match e.get("type")?.as_str()? {
            "PER" => 0,
            "ORG" => 1,
            "LOC" => 2,
            _ => 3,
        };
        let s = *bytes.get(e.get("start")?.as_u64()? as usize)?;
        let t = *bytes.get(e.get("end")?.as_u64()? as usize)?;
        ents.push((s, t, k));
    }
    let (spans, tokens) = ner::tokens(text);
    let mut gold = vec![0usize; spans.len()];
    for (i, w) in spans.iter().enumerate() {
        if let Some((_, &(_, _, k))) = ents.iter().enumerate().find(|(_, e)| e.0 <= w.start && w.start < e.1) {
            gold[i] = 1 + k;
        }
    }
    let joins: Vec<bool> = (0..spans.len()).map(|i| i > 0 && ner::joined(text, spans[i - 1], spans[i])).collect();
    let mut names: Vec<(usize, usize, usize)> = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (i, w) in spans.iter().enumerate() {
        let e = ents.iter().position(|e| e.0 <= w.start && w.start < e.1);
        match (e, current) {
            (Some(j), Some((cj, _))) if cj == j => {}
            (Some(j), _) => {
                if let Some((_, s)) = current {
                    names.push((s, i, 0));
                }
                current = Some((j, i));
            }
            (None, _) => {
                if let Some((_, s)) = current.take() {
                    names.push((s, i, 0));
                }
            }
        }
    }
    if let Some((_, s)) = current {
        names.push((s, spans.len(), 0));
    }
    for n in &mut names {
        n.2 = gold[n.0] - 1;
    }
    names.retain(|n| n.2 < 3);
    Some(Example { tokens, gold, joins, names })
}

/// Averaged perceptron, greedy decoding with the predicted previous tag.
fn train_perceptron(
    train: &[Example],
    epochs: usize,
    only: Option<&std::collections::HashSet<u32>>,
) -> HashMap<u32, [f32; TAGS]> {
    let mut w: HashMap<u32, [f32; TAGS]> = HashMap::new();
    let mut u: HashMap<u32, [f32; TAGS]> = HashMap::new();
    let mut c = 1.0f32;
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mut errors = 0usize;
        let mut total = 0usize;
        for &d in &order {
            let ex = &train[d];
            let mut prev = 0;
            for (i, &g) in ex.gold.iter().enumerate() {
                // As `decode` tags: a plain word after `O` is `O`, and nothing is learned there.
                if prev == 0 && ex.tokens.plain(i) {
                    continue;
                }
                let t = ex.tokens.get(i);
                let s = ner::scores(t, prev, &mut |f, s: &mut [f32; TAGS]| {
                    if let Some(v) = w.get(&f) {
                        for (x, y) in s.iter_mut().zip(v) {
                            *x += y;
                        }
                    }
                });
                let p = ner::best_tag(&s);
                if p != g {
                    errors += 1;
                    for &f in t.0.iter().chain(ner::dynamic(prev, t.1).iter()) {
                        if only.is_some_and(|o| !o.contains(&f)) {
                            continue;
                        }
                        let wf = w.entry(f).or_insert([0.0; TAGS]);
                        let uf = u.entry(f).or_insert([0.0; TAGS]);
                        wf[g] += 1.0;
                        wf[p] -= 1.0;
                        uf[g] += c;
                        uf[p] -= c;
                    }
                }
                total += 1;
                c += 1.0;
                // Greedy: the next word sees the predicted tag.
                prev = p;
            }
        }
        eprintln!("train-ner: epoch {} errors {errors} of {total}", epoch + 1);
    }
    w.iter()
        .map(|(f, wf)| {
            let uf = u.get(f).copied().unwrap_or([0.0; TAGS]);
            let mut avg = [0.0; TAGS];
            for t in 0..TAGS {
                avg[t] = wf[t] - uf[t] / c;
            }
            (*f, avg)
        })
        .collect()
}

/// Bits of a feature hash that pick its bucket in the generated table.
const BUCKET_BITS: u32 = 10;

/// Keeps the `keep` features with the largest weight, strongest first.
fn select(model: &HashMap<u32, [f32; TAGS]>, keep: usize) -> Vec<u32> {
    let mut ranked: Vec<(u32, f32)> = model.iter().map(|(f, w)| (*f, row_max(w))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // Two features with the same bucket and fingerprint cannot both be kept: the first wins.
    let mut seen = std::collections::HashSet::new();
    ranked.retain(|(f, _)| seen.insert(Model::split(*f, BUCKET_BITS)));
    ranked.truncate(keep);
    ranked.into_iter().map(|(f, _)| f).collect()
}

fn row_max(w: &[f32; TAGS]) -> f32 {
    w.iter().map(|x| x.abs()).fold(0.0, f32::max)
}

/// A feature's weights relative to tag `O`'s, as the table stores them (`O`'s is then 0).
fn relative(w: &[f32; TAGS]) -> [f32; TAGS] {
    let mut out = [0.0; TAGS];
    for t in 1..TAGS {
        out[t] = w[t] - w[0];
    }
    out
}

/// The generated table's arrays (see `lede::ner_training::Model`): each kept feature's row,
/// relative to tag `O`, is quantised to 4-bit values (-7..=7) times a row multiplier (`u8`), so
/// the strongest features (the bias, the rules' answer) and the faintest word features both
/// keep their precision.
struct Table {
    /// The Rice parameter of `keys`.
    rice: u32,
    /// The kept features' keys, Rice-coded (`lede::ner_training::pack_keys`).
    keys: Vec<u8>,
    multipliers: Vec<u8>,
    weights: Vec<u8>,
}

fn quantise(model: &HashMap<u32, [f32; TAGS]>, kept: &[u32]) -> Table {
    let mut kept = kept.to_vec();
    kept.sort_unstable_by_key(|&f| Model::split(f, BUCKET_BITS));
    let rows: Vec<[f32; TAGS]> = kept.iter().map(|f| relative(&model[f])).collect();
    let top = rows.iter().map(row_max).fold(0.0, f32::max).max(1e-6);
    let unit = top / (7.0 * 255.0);
    let (mut keys, mut multipliers, mut nibbles) = (Vec::new(), Vec::new(), Vec::new());
    for (f, w) in kept.iter().zip(&rows) {
        let (b, fp) = Model::split(*f, BUCKET_BITS);
        let m = (row_max(w) / 7.0 / unit).ceil().clamp(1.0, 255.0);
        keys.push((b as u32) << ner::FINGERPRINT | u32::from(fp));
        multipliers.push(m as u8);
        nibbles.extend(w.iter().skip(1).map(|x| ((x / (m * unit)).round().clamp(-7.0, 7.0) as i8 + 8) as u8));
    }
    // The Rice parameter that codes these keys shortest.
    let (keys, rice) =
        (0..16).map(|r| (ner::pack_keys(&keys, r), r)).min_by_key(|(k, r)| (k.len(), *r)).unwrap_or_default();
    let pairs = |v: &[u8], pad: u8| v.chunks(2).map(|p| p[0] | (p.get(1).copied().unwrap_or(pad) << 4)).collect();
    Table { rice, keys, multipliers, weights: pairs(&nibbles, 8) }
}

/// Names from tags as lede reads them: runs of one tag whose words are `joined`.
fn mentions(tags: &[usize], joins: &[bool]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == 0 {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < tags.len() && tags[e] == t && joins[e] {
            e += 1;
        }
        if t - 1 < 3 {
            out.push((i, e, t - 1));
        }
        i = e;
    }
    out
}

fn compare(pred: &[(usize, usize, usize)], gold: &[(usize, usize, usize)]) -> (usize, usize, usize) {
    let tp = pred.iter().filter(|p| gold.contains(p)).count();
    (tp, pred.len(), gold.len())
}

fn render(t: &Table, path: &str, epochs: usize, docs: usize) -> String {
    let source = std::path::Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or("");
    let mut s = format!(
        "// Generated by src/bin/train-ner.rs (make model) from {source} (CoNLL-2003 English training\n\
         // set, Reuters 1996, licensed for research; no text of it is here, only hashed feature\n\
         // weights): {docs} documents, {epochs} epochs, {} features. Do not edit: train again.\n\
         // Layout: see `Model` in src/entities/model.rs.\n\n",
        t.multipliers.len()
    );
    fn array<T: ToString>(s: &mut String, (doc, name, ty): (&str, &str, &str), values: &[T], per_line: usize) {
        s.push_str(&format!("/// {doc}\npub(crate) const {name}: &[{ty}] = &[\n"));
        for chunk in values.chunks(per_line) {
            let line: Vec<String> = chunk.iter().map(T::to_string).collect();
            s.push_str(&format!("    {},\n", line.join(", ")));
        }
        s.push_str("];\n\n");
    }
    s.push_str(&format!(
        "/// Bits of a feature hash that pick its bucket (see `Model`).\npub(crate) const BUCKET_BITS: u32 = {BUCKET_BITS};\n\n\
         /// The Rice parameter of `KEYS`.\npub(crate) const RICE: u32 = {};\n\n",
        t.rice
    ));
    let doc = "The kept features' keys (bucket, then fingerprint; increasing) as a Rice code of their differences.";
    array(&mut s, (doc, "KEYS", "u8"), &t.keys, 20);
    array(&mut s, ("Per feature, the multiplier of its weights.", "MULTIPLIERS", "u8"), &t.multipliers, 20);
    let doc =
        "Per feature and tag (person, organisation, place, other), 4-bit weights relative to O plus 8, two to a byte.";
    array(&mut s, (doc, "WEIGHTS", "u8"), &t.weights, 20);
    s.truncate(s.trim_end().len());
    s.push('\n');
    s
}
