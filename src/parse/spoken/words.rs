//! The word tokenizer: spoken text to tokens, in three passes.
//!
//! 1. [`split`]: words with byte spans. A trailing `,` or `;` becomes a
//!    pause, a trailing `:` (`Row 1:`) or sentence mark is dropped, and
//!    `twenty-five` / `left-parenthesis` split at hyphens between letters
//!    (`n-th` stays one word).
//! 2. [`lex`]: the longest lexicon phrase at each word, else the raw word.
//!    MathSpeak's nesting repeats (`StartStartFraction`, `OverOver`,
//!    `NestedStartRoot`) are read as their base marker first.
//! 3. [`tokenize`]: number words combined (see [`super::numbers`]), script
//!    markers joined into paths, fillers dropped, raw words classified
//!    (digits, `20th`, `x-th`, one letter, `dx`).

use num_bigint::BigInt;

use super::lexicon::{lexicon, Meaning, NumWord, ScriptWord};
use super::numbers::{number_at, Spoken};
use super::token::{Key, Ordinal, Script, Tk, Token};
use crate::span::Span;

/// A word of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub span: Span,
}

/// A lexicon phrase or a word the lexicon does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lexeme {
    Entry { meaning: Meaning, words: Vec<String>, span: Span },
    Raw { text: String, span: Span },
}

impl Lexeme {
    pub fn meaning(&self) -> Option<&Meaning> {
        match self {
            Lexeme::Entry { meaning, .. } => Some(meaning),
            Lexeme::Raw { .. } => None,
        }
    }

    pub fn raw(&self) -> Option<&str> {
        match self {
            Lexeme::Raw { text, .. } => Some(text),
            Lexeme::Entry { .. } => None,
        }
    }

    /// The text of a raw word written in digits (`46.08`).
    pub fn digits(&self) -> Option<&str> {
        self.raw().filter(|t| is_decimal(t))
    }

    pub fn is_numword(&self, w: NumWord) -> bool {
        self.meaning() == Some(&Meaning::NumWord(w))
    }

    /// Is this a one-word entry spelled as one of `words` (any case)?
    pub fn word_is(&self, words: &[&str]) -> bool {
        match self {
            Lexeme::Entry { words: ws, .. } => ws.len() == 1 && words.iter().any(|w| w.eq_ignore_ascii_case(&ws[0])),
            Lexeme::Raw { .. } => false,
        }
    }

    pub fn span(&self) -> Span {
        match self {
            Lexeme::Entry { span, .. } | Lexeme::Raw { span, .. } => *span,
        }
    }
}

/// `46`, `46.08`, `.5`: digits with at most one decimal point.
fn is_decimal(t: &str) -> bool {
    let mut parts = t.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    match frac {
        None => !int.is_empty() && digits(int),
        Some(f) => !f.is_empty() && digits(f) && digits(int),
    }
}

/// Split into words (pass 1). A pause is the word `,`.
pub fn split(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes = text.as_bytes();
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        push_chunk(text, start, i, &mut out);
    }
    out
}

/// One whitespace-free chunk: strip quotes and punctuation, split hyphens.
fn push_chunk<'a>(text: &'a str, mut start: usize, mut end: usize, out: &mut Vec<Word<'a>>) {
    while start < end && matches!(text.as_bytes()[start], b'"' | b'\'' | b'`') {
        start += 1;
    }
    let mut pause: Option<Span> = None;
    while start < end {
        let last = text.as_bytes()[end - 1];
        match last {
            b',' | b';' => {
                pause.get_or_insert(Span::new(end - 1, end));
                end -= 1;
            }
            b':' | b'!' | b'?' | b'"' | b'\'' | b'`' => end -= 1,
            // A sentence-final dot, not a decimal point.
            b'.' => end -= 1,
            _ => break,
        }
    }
    if start < end {
        let chunk = &text[start..end];
        if chunk.ends_with("-th") || !chunk.contains('-') {
            out.push(Word { text: chunk, span: Span::new(start, end) });
        } else {
            // Split at hyphens between letters only: `twenty-five`.
            let b = chunk.as_bytes();
            let mut s = 0;
            for k in 1..b.len().saturating_sub(1) {
                if b[k] == b'-' && b[k - 1].is_ascii_alphabetic() && b[k + 1].is_ascii_alphabetic() {
                    out.push(Word { text: &chunk[s..k], span: Span::new(start + s, start + k) });
                    s = k + 1;
                }
            }
            out.push(Word { text: &chunk[s..], span: Span::new(start + s, end) });
        }
    }
    if let Some(p) = pause {
        out.push(Word { text: ",", span: p });
    }
}

/// MathSpeak repeats a marker's head for each nesting level:
/// `StartStartFraction`, `OverOver`, `EndEndFrac`, `NestedStartRoot`,
/// `NestStartRoot`. The structure is already balanced, so the level is not
/// needed: read the base marker.
fn strip_nesting(w: &str) -> &str {
    let mut w = w;
    for head in ["Start", "End", "Over"] {
        let twice = head.repeat(2);
        while w.starts_with(&twice) {
            w = &w[head.len()..];
        }
    }
    for prefix in ["Nested", "Nest"] {
        while let Some(rest) = w.strip_prefix(prefix) {
            if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
                break;
            }
            w = rest;
        }
    }
    w
}

/// Longest lexicon phrases (pass 2).
pub fn lex(text: &str) -> Vec<Lexeme> {
    let words = split(text);
    let lexicon = lexicon();
    let norm: Vec<&str> = words.iter().map(|w| strip_nesting(w.text)).collect();
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let starts_phrase = !norm[i].starts_with(|c: char| c.is_ascii_digit()) && norm[i] != ",";
        if let Some((entry, n)) = starts_phrase.then(|| lexicon.lookup(&norm[i..])).flatten() {
            let span = words[i].span.join(words[i + n - 1].span);
            let ws = norm[i..i + n].iter().map(|w| w.to_string()).collect();
            out.push(Lexeme::Entry { meaning: entry.meaning.clone(), words: ws, span });
            i += n;
        } else {
            out.push(Lexeme::Raw { text: words[i].text.to_string(), span: words[i].span });
            i += 1;
        }
    }
    out
}

/// Spoken text to tokens (pass 3). Unknown words become [`Tk::Word`]; the
/// parser reports them where it meets them.
pub fn tokenize(text: &str) -> Vec<Token> {
    let lx = lex(text);
    let mut out: Vec<Token> = Vec::with_capacity(lx.len());
    let mut i = 0;
    while i < lx.len() {
        if let Some((n, j)) = number_at(&lx, i) {
            let span = lx[i].span().join(lx[j - 1].span());
            let tk = match n {
                Spoken::Number(s) => Tk::Num(s),
                Spoken::Fraction(p, q) => Tk::Frac(p, q),
                Spoken::Ordinal(v) => Tk::Ord(Ordinal::Number(v)),
            };
            out.push(Token { tk, span });
            i = j;
            continue;
        }
        let span = lx[i].span();
        match &lx[i] {
            Lexeme::Raw { text, .. } => out.push(Token { tk: classify_raw(text), span }),
            Lexeme::Entry { meaning, .. } => {
                let tk = match meaning {
                    Meaning::Filler => None,
                    Meaning::Script(ScriptWord::Baseline) => Some(Tk::Script(Vec::new())),
                    Meaning::Script(w) => {
                        // A run of script words is one path: `Super Superscript`.
                        let mut path = vec![step(*w)];
                        let mut span = span;
                        while let Some(Meaning::Script(next)) = lx.get(i + 1).and_then(Lexeme::meaning) {
                            if *next == ScriptWord::Baseline {
                                break;
                            }
                            path.push(step(*next));
                            span = span.join(lx[i + 1].span());
                            i += 1;
                        }
                        out.push(Token { tk: Tk::Script(path), span });
                        i += 1;
                        continue;
                    }
                    Meaning::Number(n) | Meaning::Tens(n) | Meaning::Scale(n) => Some(Tk::Num(n.to_string())),
                    Meaning::Ordinal(n) | Meaning::Ordinals(n) => Some(Tk::Ord(Ordinal::Number(BigInt::from(*n)))),
                    Meaning::NumWord(NumWord::And) => Some(Tk::Key(Key::And)),
                    Meaning::NumWord(_) => Some(Tk::Word(entry_text(&lx[i]))),
                    Meaning::Greek(g) => Some(Tk::Greek(g.to_string())),
                    Meaning::Const(c) => Some(Tk::Const(*c)),
                    Meaning::Func(f) => Some(Tk::Func(f.to_string())),
                    Meaning::Rel(r) => Some(Tk::Rel(*r)),
                    Meaning::Accent(a) => Some(Tk::Accent(a.to_string())),
                    Meaning::NumberSet(s) => Some(Tk::NumberSet(*s)),
                    Meaning::Key(k) => Some(Tk::Key(*k)),
                };
                if let Some(tk) = tk {
                    out.push(Token { tk, span });
                }
            }
        }
        i += 1;
    }
    out
}

fn step(w: ScriptWord) -> Script {
    match w {
        ScriptWord::Sub => Script::Sub,
        _ => Script::Sup,
    }
}

fn entry_text(l: &Lexeme) -> String {
    match l {
        Lexeme::Entry { words, .. } => words.join(" "),
        Lexeme::Raw { text, .. } => text.clone(),
    }
}

/// A word the lexicon does not know: digits, `20th`, `n-th`, a letter,
/// `dx`, a pause (`,`), or an unknown word.
fn classify_raw(text: &str) -> Tk {
    if text == "," {
        return Tk::Pause;
    }
    if is_decimal(text) {
        return Tk::Num(text.to_string());
    }
    // `1st`, `2nd`, `3rd`, `20th`, `1009th`.
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(stem) = text.strip_suffix(suffix) {
            if !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(v) = stem.parse::<BigInt>() {
                    return Tk::Ord(Ordinal::Number(v));
                }
            }
        }
    }
    // `nth`, `kth`: a letter ordinal written together.
    if text.len() == 3 && text.ends_with("th") && text.as_bytes()[0].is_ascii_lowercase() {
        return Tk::Ord(Ordinal::Letter(text[..1].to_string()));
    }
    // `n-th`, `x-th`.
    if let Some(stem) = text.strip_suffix("-th") {
        if stem.len() == 1 && stem.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Tk::Ord(Ordinal::Letter(stem.to_string()));
        }
        if let Ok(v) = stem.parse::<BigInt>() {
            return Tk::Ord(Ordinal::Number(v));
        }
    }
    if text.len() == 1 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Tk::Letter(text.to_string());
    }
    // `dx`, `dt`, `dtheta`: a differential said as one word.
    if let Some(rest) = text.strip_prefix('d') {
        if rest.len() == 1 && rest.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Tk::Differential(rest.to_string());
        }
        if let Some((e, 1)) = lexicon().lookup(&[rest]) {
            if let Meaning::Greek(g) = e.meaning {
                return Tk::Differential(g.to_string());
            }
        }
    }
    Tk::Word(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::RelOp;

    fn tks(s: &str) -> Vec<Tk> {
        tokenize(s).into_iter().map(|t| t.tk).collect()
    }

    fn key(k: Key) -> Tk {
        Tk::Key(k)
    }

    #[test]
    fn splits_punctuation_and_hyphens() {
        let w: Vec<&str> = split("Row 1: twenty-five, x-th left-parenthesis p'ren.").iter().map(|w| w.text).collect();
        assert_eq!(w, vec!["Row", "1", "twenty", "five", ",", "x-th", "left", "parenthesis", "p'ren"]);
        let spans: Vec<(usize, usize)> = split("a  bc,").iter().map(|w| (w.span.start, w.span.end)).collect();
        assert_eq!(spans, vec![(0, 1), (3, 5), (5, 6)]);
    }

    #[test]
    fn nesting_repeats_read_as_the_base_marker() {
        assert_eq!(strip_nesting("StartStartFraction"), "StartFraction");
        assert_eq!(strip_nesting("OverOver"), "Over");
        assert_eq!(strip_nesting("EndEndFrac"), "EndFrac");
        assert_eq!(strip_nesting("NestedStartRoot"), "StartRoot");
        assert_eq!(strip_nesting("NestEndRoot"), "EndRoot");
        assert_eq!(strip_nesting("Nest"), "Nest");
        assert_eq!(strip_nesting("Overscript"), "Overscript");
    }

    #[test]
    fn tokens() {
        assert_eq!(
            tks("x is less than or equal to one half"),
            vec![Tk::Letter("x".into()), Tk::Rel(RelOp::Le), Tk::Frac(1.into(), 2.into())]
        );
        assert_eq!(
            tks("StartStartFraction a OverOver b EndEndFraction"),
            vec![key(Key::StartFrac), Tk::Letter("a".into()), key(Key::FracOver), Tk::Letter("b".into()), key(Key::EndFrac)]
        );
        assert_eq!(
            tks("x Super Superscript 2 Baseline"),
            vec![Tk::Letter("x".into()), Tk::Script(vec![Script::Sup, Script::Sup]), Tk::Num("2".into()), Tk::Script(vec![])]
        );
        assert_eq!(tks("the n-th root"), vec![Tk::Ord(Ordinal::Letter("n".into())), key(Key::Root)]);
        assert_eq!(tks("1009th 46.08"), vec![Tk::Ord(Ordinal::Number(1009.into())), Tk::Num("46.08".into())]);
        assert_eq!(tks("t squared dt"), vec![Tk::Letter("t".into()), key(Key::Squared), Tk::Differential("t".into())]);
        assert_eq!(tks("a, b comma c"), vec![Tk::Letter("a".into()), Tk::Pause, Tk::Letter("b".into()), key(Key::Comma), Tk::Letter("c".into())]);
        assert_eq!(tks("one and a half"), vec![Tk::Num("1".into()), key(Key::And), Tk::Frac(1.into(), 2.into())]);
        assert_eq!(tks("xyzzy"), vec![Tk::Word("xyzzy".into())]);
    }
}
