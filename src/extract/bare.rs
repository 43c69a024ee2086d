//! An answer written without delimiters after a phrase ("So the answer is
//! 5783/5", "所以答案是 60*v - 7", "Final Answer: x = 3 and x = 5."):
//! the text up to the end of its sentence, cut before the first word of
//! prose, with "and" / "or" between answers written as ", ".
//!
//! The sentence ends at a line break, a `$`, Chinese full stops and
//! commas, `. ` / `! ` / `? `, or a chat-template token (`<|`); brackets
//! are balanced, so `(2, 3)` and `\{1, 2\}` stay whole. A lone word
//! ("Evelyn", "odd") is an answer of its own, written `\text{…}`.

use super::prose::{is_connective, is_prose_word, is_word_char, TEXT_COMMANDS};
use super::scan::{is_cjk, match_brace, skip_ws};
use crate::span::Span;

/// Longest bare answer read, in bytes.
const MAX_LEN: usize = 600;

/// One bare answer: where it is written and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bare {
    pub span: Span,
    pub text: String,
}

/// The bare answer starting at byte `from` (leading spaces skipped).
pub fn bare_answer(s: &str, from: usize) -> Option<Bare> {
    let b = s.as_bytes();
    let start = skip_ws(b, from);
    let limit = floor_boundary(s, (start + MAX_LEN).min(s.len()));
    let mut out = String::new();
    // Depth of brackets; where the current top-level stretch began in `out`.
    let mut depth = 0i32;
    let mut i = start;
    let mut end = start; // end in `s` of what has been copied
    let mut copied_from = start;
    let mut first_token = true;
    // `end` when the outermost open bracket was met.
    let mut top_end = start;
    while i < limit {
        let c = s[i..].chars().next().unwrap_or(' ');
        // Sentence ends.
        if depth == 0 {
            if c == '\n' || c == '$' || s[i..].starts_with("<|") {
                break;
            }
            if is_cjk(c) && !matches!(c, '（' | '）') {
                break;
            }
            if matches!(c, '.' | '!' | '?') {
                let next = s[i + 1..].chars().next();
                if next.is_none_or(|n| n.is_whitespace()) {
                    break;
                }
            }
        }
        match c {
            '\\' => {
                // A command; text groups are copied whole.
                let mut j = i + 1;
                while j < b.len() && b[j].is_ascii_alphabetic() {
                    j += 1;
                }
                if j == i + 1 {
                    j = (i + 2).min(b.len());
                    while !s.is_char_boundary(j) {
                        j += 1;
                    }
                } else if TEXT_COMMANDS.contains(&&s[i + 1..j]) {
                    let k = skip_ws(b, j);
                    if k < limit && b[k] == b'{' {
                        if let Some(close) = match_brace(&b[..limit], k) {
                            j = close + 1;
                        }
                    }
                }
                i = j;
                end = i;
                first_token = false;
                continue;
            }
            '(' | '[' | '{' | '（' => {
                if depth == 0 {
                    top_end = end;
                }
                depth += 1;
            }
            ')' | ']' | '}' | '）' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            _ if is_word_char(c) => {
                let mut j = i;
                for (k, c2) in s[i..].char_indices() {
                    if !is_word_char(c2) {
                        break;
                    }
                    j = i + k + c2.len_utf8();
                }
                let word = &s[i..j];
                let called = b.get(j) == Some(&b'(');
                if depth == 0 && is_connective(word) && !first_token {
                    // "x = 1 or x = 2": a list separator.
                    out.push_str(s[copied_from..i].trim_end().trim_end_matches(','));
                    out.push_str(", ");
                    copied_from = skip_ws(b, j);
                    i = copied_from;
                    end = i;
                    continue;
                }
                if !called && is_prose_word(word) {
                    if first_token {
                        // A lone word is an answer of its own.
                        return lone_word(s, i, j);
                    }
                    // Cut before the word (and before an open bracket
                    // holding it).
                    if depth > 0 {
                        end = top_end;
                        depth = 0;
                    }
                    break;
                }
                i = j;
                end = i;
                first_token = false;
                continue;
            }
            _ => {}
        }
        i += c.len_utf8();
        if !c.is_whitespace() {
            end = i;
            first_token = false;
        }
    }
    if depth != 0 {
        // Unbalanced: keep what precedes the open bracket.
        end = top_end;
    }
    out.push_str(&s[copied_from..end.max(copied_from)]);
    let text = super::clean::trim_answer(&out).to_string();
    if !super::clean::has_content(&text) {
        return None;
    }
    Some(Bare { span: Span::new(start, end), text })
}

/// `word` alone (only punctuation after it, up to the sentence end).
fn lone_word(s: &str, i: usize, j: usize) -> Option<Bare> {
    let rest = s[j..].trim_start_matches(['.', '!', '*', ' ', '\t', '\r']);
    if rest.is_empty()
        || rest.starts_with('\n')
        || rest.starts_with("<|")
        || rest.starts_with(|c: char| c.is_ascii_uppercase())
    {
        return Some(Bare { span: Span::new(i, j), text: format!("\\text{{{}}}", &s[i..j]) });
    }
    None
}

/// The largest char boundary `<= i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bare(s: &str) -> Option<String> {
        bare_answer(s, 0).map(|b| b.text)
    }

    #[test]
    fn sentence_ends() {
        assert_eq!(bare("5783/5").as_deref(), Some("5783/5"));
        assert_eq!(bare("16386.16.").as_deref(), Some("16386.16"));
        assert_eq!(bare("7.78. I hope it is correct.").as_deref(), Some("7.78"));
        assert_eq!(bare("60*v - 7").as_deref(), Some("60*v - 7"));
        assert_eq!(bare("5\nNext line").as_deref(), Some("5"));
        assert_eq!(bare("5。因为").as_deref(), Some("5"));
        assert_eq!(bare("12，所以").as_deref(), Some("12"));
        assert_eq!(bare("7 <|im_end|>").as_deref(), Some("7"));
    }

    #[test]
    fn cut_before_prose() {
        assert_eq!(bare("34 apples in total").as_deref(), Some("34"));
        assert_eq!(bare("(2, 3), which is the point").as_deref(), Some("(2, 3)"));
        assert_eq!(bare("C + atan(x/2 + 5/2)/2").as_deref(), Some("C + atan(x/2 + 5/2)/2"));
        assert_eq!(bare("10 cm").as_deref(), Some("10 cm"));
        assert_eq!(bare("that the function increases"), None);
    }

    #[test]
    fn connectives_become_commas() {
        assert_eq!(bare("x = 1 or x = 2.").as_deref(), Some("x = 1, x = 2"));
        assert_eq!(bare("2, and 3").as_deref(), Some("2, 3"));
    }

    #[test]
    fn brackets_and_text_groups() {
        assert_eq!(bare(r"\{1, 2\}.").as_deref(), Some(r"\{1, 2\}"));
        assert_eq!(bare(r"5 \text{ and so on}").as_deref(), Some(r"5 \text{ and so on}"));
        assert_eq!(bare("(1, 2"), None);
        assert_eq!(bare("5 (approximately)").as_deref(), Some("5"));
    }

    #[test]
    fn lone_words() {
        assert_eq!(bare("Evelyn.").as_deref(), Some(r"\text{Evelyn}"));
        assert_eq!(bare("odd").as_deref(), Some(r"\text{odd}"));
        assert_eq!(bare("the number of ways"), None);
    }
}
