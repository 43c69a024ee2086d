//! The last touches on an extracted answer: surrounding whitespace,
//! markdown emphasis and sentence punctuation go; a percent word after a
//! number becomes a percent sign; the syntax to parse it with is chosen.

use super::prose::scan_words;
use super::scan::{contains_ci, is_cjk};
use crate::normalize::unit;
use crate::parse::{detect_syntax, Syntax};

/// Trailing pieces that end a sentence or pad a formula, not part of the answer.
const TRAILING: [&str; 14] =
    ["\\qquad", "\\quad", "\\\\", "\\,", "\\;", "\\!", "\\ ", "~", ".", ",", ";", ":", "。", "，"];

/// Trim whitespace, `**` emphasis and trailing punctuation / spacing.
pub fn trim_answer(s: &str) -> &str {
    if nothing_to_trim(s) {
        return s;
    }
    trim_loop(s, true)
}

/// The rules applied until none changes `s`. `runs`: a run of one piece
/// is stripped at once ([`strip_run`]); without, piece by piece (the
/// tests' reference).
fn trim_loop(s: &str, runs: bool) -> &str {
    let mut t = s.trim();
    loop {
        let before = t.len();
        t = t.trim_matches('*').trim();
        for p in TRAILING {
            if let Some(rest) = t.strip_suffix(p) {
                // A trailing `\\` of `\\` (escaped backslash) is left alone;
                // `5.` loses its period, but a lone `.` stays empty.
                if p == "." && rest.ends_with('.') {
                    continue; // `...`
                }
                t = rest.trim_end();
                if runs {
                    t = strip_run(t, p);
                }
            }
        }
        for p in ["；", "："] {
            if let Some(rest) = t.strip_suffix(p) {
                t = rest.trim_end();
            }
        }
        if let Some(rest) = t.strip_prefix(':').or_else(|| t.strip_prefix('：')) {
            t = rest.trim_start();
        }
        if t.len() == before {
            return t;
        }
    }
}

/// After one `piece` was stripped, the ones the rules would strip next
/// from a run of it, at once: a run of 64 KB (`~~~…`, `\\\\…`) would
/// otherwise cost a pass over every rule per piece. Only where no other
/// rule could act in between: for pieces no other piece ends like, the
/// whole run; for `,` and `;` (which end `\,` and `\;`, tried first),
/// only while the byte before is the same piece again.
fn strip_run<'a>(mut t: &'a str, piece: &str) -> &'a str {
    match piece {
        "\\\\" | "\\!" | "~" | ":" | "。" | "，" => {
            while let Some(rest) = t.strip_suffix(piece) {
                t = rest.trim_end();
            }
        }
        "," | ";" => {
            let b = piece.as_bytes()[0];
            while t.len() >= 2 && t.as_bytes()[t.len() - 1] == b && t.as_bytes()[t.len() - 2] == b {
                t = &t[..t.len() - 1];
            }
        }
        _ => {}
    }
    t
}

/// `s` starts and ends with bytes none of [`trim_answer`]'s rules remove:
/// the common case, decided without trying each suffix. Non-ASCII ends
/// (Unicode spaces, full-width punctuation) take the full path.
fn nothing_to_trim(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return false };
    let kept_first = first.is_ascii() && !first.is_ascii_whitespace() && first != b'*' && first != b':';
    // Every ASCII final byte of a `TRAILING` suffix, and the emphasis star.
    let kept_last = last.is_ascii()
        && !last.is_ascii_whitespace()
        && !matches!(last, b'*' | b'd' | b'\\' | b',' | b';' | b'!' | b'~' | b'.' | b':');
    kept_first && kept_last
}

/// Percent words written after a number (`28 percent`, `28 pct`,
/// `28 percentage`) as a percent sign: `\%` for LaTeX, `%` for plain text.
pub fn percent_words(s: &str, syntax: Syntax) -> String {
    // Every percent word holds "pct" or "percent": without them there is
    // nothing to rewrite (and no need to read the words).
    if !may_hold_percent_word(s) {
        return s.to_string();
    }
    let sign = if syntax == Syntax::Plain { "%" } else { "\\%" };
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut edits: Vec<(usize, usize)> = Vec::new();
    scan_words(s, |t| {
        if let super::prose::Tok::Word { start, end, text, .. } = t {
            let w = text.to_ascii_lowercase();
            if matches!(w.as_str(), "percent" | "percentage" | "pct") {
                let before = s[..start].trim_end();
                if before.ends_with(|c: char| c.is_ascii_digit() || c == '}' || c == ')') {
                    edits.push((before.len(), end));
                }
            }
        }
        true
    });
    for (a, b) in edits {
        out.push_str(&s[last..a]);
        out.push_str(sign);
        last = b;
    }
    out.push_str(&s[last..]);
    out
}

/// `s` holds "pct" or "percent" (in any case): only then may
/// [`percent_words`] have something to rewrite.
fn may_hold_percent_word(s: &str) -> bool {
    let b = s.as_bytes();
    // Answers are short: one pass for a `p` first (most have none) costs
    // less than starting two searches.
    b.iter().any(|c| c | 0x20 == b'p') && (contains_ci(b, "pct") || contains_ci(b, "percent"))
}

/// The syntax to parse an answer found without delimiters with:
/// [`detect_syntax`], except that text without any LaTeX markup that
/// writes a unit word after a number (`10 cm`, `5 dollars`) is plain text,
/// where the parser reads unit words.
pub fn choose_syntax(text: &str) -> Syntax {
    let detected = detect_syntax(text);
    if detected == Syntax::Latex && !text.contains(['\\', '{', '}']) && has_unit_after_number(text) {
        return Syntax::Plain;
    }
    detected
}

fn has_unit_after_number(text: &str) -> bool {
    // No letter, no word (most answers): nothing to read word by word.
    if !text.bytes().any(|b| b.is_ascii_alphabetic() || !b.is_ascii()) {
        return false;
    }
    let mut found = false;
    scan_words(text, |t| {
        if let super::prose::Tok::Word { start, text: w, .. } = t {
            let before = text[..start].trim_end();
            if before.ends_with(|c: char| c.is_ascii_digit()) && w.len() >= 2 && unit(w).is_some() {
                found = true;
            }
        }
        !found
    });
    found
}

/// Whether `s` has any character an answer can be made of.
pub fn has_content(s: &str) -> bool {
    s.chars().any(|c| c.is_alphanumeric() && !is_cjk(c) || "∞π√".contains(c))
}

/// Trim, then rewrite percent words for `syntax`.
pub fn finish(raw: &str, syntax: Syntax) -> String {
    percent_words(trim_answer(raw), syntax)
}

/// [`finish`] of a text the caller owns: the same text, without a copy
/// when finishing leaves it as it is (the usual case).
pub fn finish_owned(raw: String, syntax: Syntax) -> String {
    if trim_answer(&raw).len() == raw.len() && !may_hold_percent_word(&raw) {
        return raw;
    }
    finish(&raw, syntax)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finishing an owned text gives what finishing a borrowed one gives,
    /// whether or not it is left as it is.
    #[test]
    fn finishing_an_owned_text_is_finishing_it() {
        let texts = ["5", " 5 ", "28 percent", "28 PCT", "\\frac{1}{2}.", "$x$", "p", "x = 3,", "", "10 dollars", "50\\%"];
        for t in texts {
            for syntax in [Syntax::Latex, Syntax::Plain] {
                assert_eq!(finish_owned(t.to_string(), syntax), finish(t, syntax), "{t:?} {syntax:?}");
            }
        }
        assert_eq!(finish_owned("28 percent".into(), Syntax::Latex), "28\\%");
        assert_eq!(finish_owned("28 percent".into(), Syntax::Plain), "28%");
    }

    /// `trim_answer` before runs were stripped at once ([`strip_run`]):
    /// one piece per rule per pass.
    fn reference_trim(s: &str) -> &str {
        trim_loop(s, false)
    }

    /// Stripping runs at once gives what stripping piece by piece gave,
    /// over every string of up to four pieces of what the rules look at.
    #[test]
    fn runs_strip_as_piece_by_piece() {
        let pieces =
            ["5", "d", "~", ",", ";", ":", ".", " ", "*", "\\", "\\\\", "\\,", "\\;", "\\!", "\\quad", "。", "，", "：", "；"];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let s = format!("{a}{b}{c}{d}");
                        assert_eq!(trim_answer(&s), reference_trim(&s), "{s:?}");
                        n += 1;
                    }
                }
            }
        }
        assert_eq!(n, 19 * 19 * 19 * 19);
        // Long runs, as adversarial inputs write them.
        for run in ["~", ",", ";", ":", "\\\\", "\\!", ", ", "\\,", "。"] {
            let s = format!("x = 5{}", run.repeat(300));
            assert_eq!(trim_answer(&s), reference_trim(&s), "{run:?}");
        }
    }

    /// The quick exit of `trim_answer` never skips a trim: over every
    /// string of up to three pieces drawn from what its rules look at,
    /// whenever the ends say "nothing to trim", the rules agree.
    #[test]
    fn nothing_to_trim_agrees_with_the_rules() {
        let pieces = [
            "", "a", "5", "d", "}", ")", "$", " ", "\u{3000}", "*", ":", "：", "。", "，", "；", ".", ",", ";", "~", "!",
            "\\", "\\,", "\\quad", "\\qquad", "\\ ", "é", "\n",
        ];
        let mut checked = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}");
                    if nothing_to_trim(&s) {
                        assert_eq!(trim_loop(&s, true), s, "{s:?}");
                        checked += 1;
                    }
                    assert_eq!(trim_answer(&s), trim_loop(&s, true), "{s:?}");
                }
            }
        }
        assert!(checked > 100, "only {checked} strings took the quick exit");
    }

    #[test]
    fn trimming() {
        assert_eq!(trim_answer(" 5. "), "5");
        assert_eq!(trim_answer("**5**."), "5");
        assert_eq!(trim_answer("100 . "), "100");
        assert_eq!(trim_answer("-14,"), "-14");
        assert_eq!(trim_answer("5。"), "5");
        assert_eq!(trim_answer(r"x = 5 \quad"), "x = 5");
        assert_eq!(trim_answer(r"1, 2, \ldots"), r"1, 2, \ldots");
        assert_eq!(trim_answer(": 7"), "7");
        assert_eq!(trim_answer("1.5"), "1.5");
    }

    #[test]
    fn percent_rewrites() {
        assert_eq!(percent_words("28 percent", Syntax::Latex), "28\\%");
        assert_eq!(percent_words("28 percentage", Syntax::Latex), "28\\%");
        assert_eq!(percent_words("28 pct", Syntax::Plain), "28%");
        assert_eq!(percent_words(r"12 \text{ percent}", Syntax::Latex), r"12 \text{ percent}");
        assert_eq!(percent_words("percent of x", Syntax::Latex), "percent of x");
        assert_eq!(percent_words("28 PERCENT", Syntax::Latex), "28\\%");
        assert_eq!(percent_words("28 pcts", Syntax::Latex), "28 pcts");
        assert_eq!(percent_words("x^2 + 1", Syntax::Latex), "x^2 + 1");
    }

    #[test]
    fn syntax_choice() {
        assert_eq!(choose_syntax("10 cm"), Syntax::Plain);
        assert_eq!(choose_syntax(r"10 \text{ cm}"), Syntax::Latex);
        assert_eq!(choose_syntax("x^2+1"), Syntax::Latex);
        assert_eq!(choose_syntax("sqrt(2)/2"), Syntax::Plain);
        assert_eq!(choose_syntax("x**2"), Syntax::Plain);
    }
}
