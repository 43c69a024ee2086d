//! Telling prose from an answer: which words are English (or Chinese) text
//! and which are math (function names, constants, Greek letters, units,
//! variables).
//!
//! Words inside `\text{…}`-like groups, command names (`\frac`) and
//! environment names (`\begin{pmatrix}`) are never prose.

use super::scan::is_cjk;
use crate::normalize::unit;

/// Commands whose braced argument is text (or a name), not math.
#[rustfmt::skip]
pub const TEXT_COMMANDS: [&str; 16] = [
    "text", "textrm", "textbf", "textit", "textsf", "texttt", "mbox", "mathrm", "mathbf", "mathit", "mathsf",
    "operatorname", "emph", "begin", "end", "hbox",
];

/// Words that are math: function and set names, constants, Greek letters,
/// SymPy constructors, percent words and the connectives `and` / `or`.
#[rustfmt::skip]
const MATH_WORDS: &[&str] = &[
    "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "arccot", "arcsec", "arccsc", "asin",
    "acos", "atan", "acot", "asec", "acsc", "atan2", "sinh", "cosh", "tanh", "coth", "sech", "csch", "asinh", "acosh",
    "atanh", "arsinh", "arcosh", "artanh", "log", "ln", "lg", "exp", "sqrt", "cbrt", "root", "abs", "floor", "ceil",
    "ceiling", "gcd", "lcm", "max", "min", "mod", "deg", "det", "lim", "inf", "sup", "arg", "re", "im", "pi", "oo",
    "infty", "infinity", "nan", "zoo", "matrix", "interval", "ropen", "lopen", "open", "finiteset", "union",
    "intersection", "complement", "reals", "integers", "naturals", "emptyset", "eq", "ne", "rational", "integer",
    "float", "symbol", "sum", "integral", "limit", "derivative", "piecewise", "product", "true", "false", "binomial",
    "factorial", "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda",
    "mu", "nu", "xi", "omicron", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega", "percent",
    "percentage", "pct", "and", "or", "in", "dx", "dy", "dz", "dt", "du", "dv", "const",
];

/// Two-letter English words (other two-letter runs are products: `xy`).
#[rustfmt::skip]
const SHORT_ENGLISH: &[&str] = &[
    "is", "of", "to", "on", "at", "so", "as", "we", "it", "be", "an", "by", "if", "no", "do", "up", "us", "my", "me",
    "he", "am", "go",
];

/// A word of letters that reads as prose, not math.
pub fn is_prose_word(w: &str) -> bool {
    let n = w.chars().count();
    if n <= 1 {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    if n == 2 {
        return SHORT_ENGLISH.contains(&lower.as_str());
    }
    // Capitals only (`SRAC`, `ABCD`, `PQR`): point names or an acronym in
    // math (`SRAC=LRAC`), not English words of a sentence.
    if w.bytes().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    !MATH_WORDS.contains(&lower.as_str()) && unit(w).is_none()
}

/// A connective word between several answers.
pub fn is_connective(w: &str) -> bool {
    w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or")
}

/// A letter that can be part of a word (ASCII and Latin letters with
/// accents; not Greek, which is math).
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c as u32, 0xC0..=0x24F if c.is_alphabetic())
}

/// One token of the word scan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok<'a> {
    /// A word outside text groups, not a command name; `called` when `(`
    /// follows directly (a function call such as `sqrt(2)`).
    Word { start: usize, end: usize, text: &'a str, called: bool },
    /// A CJK character outside text groups.
    Cjk { start: usize },
}

/// The words and CJK characters of `s` that are not inside text groups or
/// command names, in order. `f` returns `false` to stop early. One pass:
/// braces are counted as it goes, so an unclosed `\text{` costs nothing
/// extra (its group runs to the end).
pub fn scan_words<'a>(s: &'a str, mut f: impl FnMut(Tok<'a>) -> bool) {
    let b = s.as_bytes();
    let mut depth = 0usize;
    // Inside a text group that closes when `depth` returns to this value.
    let mut text_until: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\\' => {
                // A command: skip its name; a text group's argument is skipped
                // as it is read.
                let mut j = i + 1;
                while j < b.len() && b[j].is_ascii_alphabetic() {
                    j += 1;
                }
                if j == i + 1 {
                    i = (i + 2).min(b.len()); // `\{`, `\,`, `\\` ...
                    while !s.is_char_boundary(i) {
                        i += 1;
                    }
                    continue;
                }
                if text_until.is_none() && TEXT_COMMANDS.contains(&&s[i + 1..j]) {
                    let k = super::scan::skip_ws(b, j);
                    if b.get(k) == Some(&b'{') {
                        text_until = Some(depth);
                        depth += 1;
                        i = k + 1;
                        continue;
                    }
                }
                i = j;
                continue;
            }
            b'{' => {
                depth += 1;
                i += 1;
                continue;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                if text_until == Some(depth) {
                    text_until = None;
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        if text_until.is_some() {
            i += ch.len_utf8();
            continue;
        }
        if is_word_char(ch) {
            let start = i;
            let mut j = i;
            for (k, c2) in s[i..].char_indices() {
                if !is_word_char(c2) {
                    break;
                }
                j = i + k + c2.len_utf8();
            }
            let called = b.get(j) == Some(&b'(');
            if !f(Tok::Word { start, end: j, text: &s[start..j], called }) {
                return;
            }
            i = j;
            continue;
        }
        if is_cjk(ch) && !f(Tok::Cjk { start: i }) {
            return;
        }
        i += ch.len_utf8();
    }
}

/// How many prose words `s` has, and whether it has CJK text (outside
/// text groups). Stops counting at `cap`.
pub fn prose_signals(s: &str, cap: usize) -> (usize, bool) {
    let mut words = 0;
    let mut cjk = false;
    scan_words(s, |t| {
        match t {
            Tok::Word { text, called, .. } => {
                if !called && is_prose_word(text) {
                    words += 1;
                }
            }
            Tok::Cjk { .. } => cjk = true,
        }
        words < cap && !cjk
    });
    (words, cjk)
}

/// `s` reads as prose: Chinese text, or two or more English words.
pub fn looks_like_prose(s: &str) -> bool {
    let (words, cjk) = prose_signals(s, 2);
    cjk || words >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unoptimized builds run the size tests on smaller inputs.
    const DEBUG_SHRINK: usize = if cfg!(debug_assertions) { 5 } else { 1 };

    #[test]
    fn prose_words() {
        for w in ["the", "number", "which", "is", "Therefore"] {
            assert!(is_prose_word(w), "{w}");
        }
        for w in ["x", "xy", "sin", "sqrt", "pi", "Interval", "cm", "mph", "dollars", "percent", "and", "alpha", "SRAC", "ABCD"] {
            assert!(!is_prose_word(w), "{w}");
        }
    }

    #[test]
    fn unclosed_text_groups_are_linear() {
        let s = "\\text{".repeat(1_000_000 / DEBUG_SHRINK);
        let t = std::time::Instant::now();
        assert!(!looks_like_prose(&s));
        assert!(t.elapsed().as_secs_f64() < 2.0);
    }

    #[test]
    fn prose_or_answer() {
        assert!(looks_like_prose("so the number is 10 which is 1,000.99m²"));
        assert!(looks_like_prose("所以答案是 5"));
        assert!(looks_like_prose("Evelyn covered more distance"));
        for a in [
            r"\dfrac{1}{9}",
            r"900,\!000,\!000",
            "x^2+1",
            "(1, 2)",
            r"p = -1 \text{ and } p = \dfrac{15}{8}",
            r"\text{Evelyn}",
            "Evelyn",
            "C + atan(x/2 + 5/2)/2",
            "Interval.Ropen(0, 1)",
            r"45 \mathrm{mph}",
            "28 percent",
            r"\begin{pmatrix} 1 \\ 2 \end{pmatrix}",
            r"\text{4:30 p.m.}",
            "x = 1 or x = 2",
            "SRAC=LRAC",
        ] {
            assert!(!looks_like_prose(a), "{a}");
        }
    }
}
