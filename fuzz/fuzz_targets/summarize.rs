//! `lede::summarize` on any text: never a panic, spans always on the text's char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let s = lede::summarize(&text, &lede::Options::default());
    let ok = |sp: lede::Span| sp.start <= sp.end && sp.end <= text.len() && text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end);
    for sentence in &s.sentences {
        assert!(ok(sentence.span), "{:?}", sentence.span);
    }
    for e in &s.entities {
        assert!(e.mentions.iter().all(|m| ok(*m)), "{e:?}");
    }
    assert!(ok(s.stats.body));
});
