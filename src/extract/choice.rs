//! Multiple-choice letters (the `string` target): `B`, `(B)`, `**B**`,
//! `\textbf{(B)}`, `\text{(C)}`, `\mathrm{D}`.
//!
//! Letters `A`–`E`, upper case only, as a token of their own. The article
//! "A" ("A number is …") is not an option letter, and lower-case "a" never
//! is.

use super::scan::{char_at, char_before, is_cjk, match_brace};
use crate::span::Span;

/// The option letters recognised.
pub const LETTERS: &[u8] = b"ABCDE";

/// How an option letter was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    /// Marked: `(B)`, `\textbf{B}`, `**B**`.
    Marked,
    /// A bare letter.
    Bare,
}

/// One option letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChoiceHit {
    pub span: Span,
    pub letter: char,
    pub form: Form,
}

const WRAPPERS: [&str; 7] = ["\\textbf", "\\text", "\\mathrm", "\\mathbf", "\\textrm", "\\mbox", "\\boxed"];

/// The option letter written at byte `i`, if one is.
pub fn choice_at(s: &str, i: usize) -> Option<ChoiceHit> {
    let b = s.as_bytes();
    // `\textbf{(B)}` and friends.
    if b[i] == b'\\' {
        let w = WRAPPERS.iter().find(|w| s[i..].starts_with(**w) && b.get(i + w.len()) == Some(&b'{'))?;
        let open = i + w.len();
        let close = match_brace(&b[..b.len().min(open + 40)], open)?;
        let inner = s[open + 1..close].trim();
        let letter = letter_in(inner)?;
        return Some(ChoiceHit { span: Span::new(i, close + 1), letter, form: Form::Marked });
    }
    if !token_start(char_before(s, i)) {
        return None;
    }
    // `(B)`, `**B**`, `**(B)**`.
    for (open, close) in [("**(", ")**"), ("(", ")"), ("**", "**"), ("[", "]")] {
        if s[i..].starts_with(open) {
            let at = i + open.len();
            let c = *b.get(at)?;
            if LETTERS.contains(&c) && s[at + 1..].starts_with(close) {
                let end = at + 1 + close.len();
                if token_end(char_at(s, end)) {
                    return Some(ChoiceHit { span: Span::new(i, end), letter: c as char, form: Form::Marked });
                }
            }
        }
    }
    // A bare letter.
    let c = b[i];
    if !LETTERS.contains(&c) {
        return None;
    }
    let next = char_at(s, i + 1);
    if !token_end(next) && next != Some(')') {
        return None;
    }
    if c == b'A' && is_article(s, i + 1) {
        return None;
    }
    Some(ChoiceHit { span: Span::new(i, i + 1), letter: c as char, form: Form::Bare })
}

/// `(C)`, `C`, `C)`, `C.`, `Option C` written inside a wrapper.
fn letter_in(inner: &str) -> Option<char> {
    let t = inner.trim_start_matches('(').trim_end_matches([')', '.', ':']).trim();
    let t = t.strip_prefix("Option ").or_else(|| t.strip_prefix("option ")).unwrap_or(t).trim();
    (t.len() == 1 && LETTERS.contains(&t.as_bytes()[0])).then(|| t.as_bytes()[0] as char)
}

fn token_start(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, '*' | ':' | '：' | '$' | '{' | '(' | '"' | '“') || is_cjk(c))
}

fn token_end(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '.' | ',' | ':' | ';' | '*' | '$' | '}' | '"' | '”' | '!') || is_cjk(c)
    })
}

/// `A` followed by a space and a lower-case word other than "is" / "and"
/// / "or": the article.
fn is_article(s: &str, after: usize) -> bool {
    let rest = &s[after..];
    let Some(word) = rest.strip_prefix(' ') else { return false };
    let w: String = word.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    w.starts_with(|c: char| c.is_ascii_lowercase()) && !matches!(w.as_str(), "is" | "and" | "or")
}

/// Every option letter in `s`, in order.
pub fn all_choices(s: &str) -> Vec<ChoiceHit> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\\' || c == b'(' || c == b'*' || c == b'[' || LETTERS.contains(&c) {
            if let Some(hit) = choice_at(s, i) {
                out.push(hit);
                i = hit.span.end;
                continue;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters(s: &str) -> Vec<char> {
        all_choices(s).iter().map(|h| h.letter).collect()
    }

    #[test]
    fn forms() {
        assert_eq!(letters("B"), vec!['B']);
        assert_eq!(letters("(B)"), vec!['B']);
        assert_eq!(letters(r"\textbf{(B)}"), vec!['B']);
        assert_eq!(letters(r"\text{(C)}"), vec!['C']);
        assert_eq!(letters(r"$\boxed{\text{(C)}}.$"), vec!['C']);
        assert_eq!(letters("**D**"), vec!['D']);
        assert_eq!(letters("the answer is B."), vec!['B']);
        assert_eq!(letters("答案是C。"), vec!['C']);
    }

    #[test]
    fn not_letters() {
        assert!(letters("a number a").is_empty());
        assert!(letters("A number is even").is_empty());
        assert!(letters("ABC").is_empty());
        assert!(letters("F").is_empty());
        assert!(letters("x_B").is_empty());
        assert_eq!(letters("A is right"), vec!['A']);
    }
}
