//! Answer-first solutions: "The largest fibbish number is 10112369.",
//! "The smallest possible degree is $2 n$.", "The minimum number is 1 and
//! the maximum number is 3." Competition solutions (ARML's among them)
//! open by stating the extremum asked for, then justify it; the last math
//! of such a text is working, not the answer.
//!
//! Only the text's first sentence, opening with "The", naming an extremum
//! ("smallest", "largest", "minimum", …) before its "is", and ending in
//! the value: a math span or a number, nothing else. Two such clauses
//! joined by "and the" give both values.

use super::prose::prose_signals;
use crate::span::Span;

/// Words that name an extremum.
const EXTREMAL: [&str; 12] = [
    "smallest", "largest", "least", "greatest", "minimum", "maximum", "minimal", "maximal", "highest", "lowest",
    "fewest", "most",
];

/// Longest first sentence looked at, in bytes.
const MAX_SENTENCE: usize = 240;

/// The values the first sentence states, with where they are written.
pub fn leading_claim(s: &str) -> Option<(Span, String)> {
    let start = s.len() - s.trim_start().len();
    if !s[start..].starts_with("The ") {
        return None;
    }
    let end = sentence_end(s, start)?;
    let mut values: Vec<String> = Vec::new();
    let (mut first, mut last) = (None, start);
    for (offset, clause) in clauses(&s[start..end]) {
        let (at, v) = clause_value(clause)?;
        first.get_or_insert(start + offset + at);
        last = start + offset + at + v.len();
        values.push(v.trim_matches('$').trim().to_string());
    }
    Some((Span::new(first?, last), values.join(", ")))
}

/// The end of the sentence opening at `start`: a line break, or `.` / `!`
/// before whitespace or the end, outside `$…$`; within [`MAX_SENTENCE`].
fn sentence_end(s: &str, start: usize) -> Option<usize> {
    let b = s.as_bytes();
    let limit = (start + MAX_SENTENCE).min(b.len());
    let mut in_math = false;
    for i in start..limit {
        match b[i] {
            b'$' if i == 0 || b[i - 1] != b'\\' => in_math = !in_math,
            b'\n' if !in_math => return Some(i),
            b'.' | b'!' if !in_math && b.get(i + 1).is_none_or(u8::is_ascii_whitespace) => return Some(i),
            _ => {}
        }
    }
    (limit == b.len() && !in_math).then_some(limit)
}

/// The sentence's clauses: split at " and the " (at most two), each with
/// its offset in the sentence.
fn clauses(sentence: &str) -> Vec<(usize, &str)> {
    match sentence.find(" and the ") {
        Some(k) => vec![(0, &sentence[..k]), (k + " and ".len(), &sentence[k + " and ".len()..])],
        None => vec![(0, sentence)],
    }
}

/// "The <…extremum…> is <value>": where the value starts in the clause,
/// and the value (trimmed).
fn clause_value(clause: &str) -> Option<(usize, &str)> {
    let (cop_at, cop) = [" is ", " are ", " equals "].iter().filter_map(|c| clause.find(c).map(|k| (k, *c))).min()?;
    let subject = &clause[..cop_at];
    let names_extremum = subject
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| EXTREMAL.iter().any(|e| w.eq_ignore_ascii_case(e)));
    if !names_extremum {
        return None;
    }
    let raw = &clause[cop_at + cop.len()..];
    let v = raw.trim();
    let at = cop_at + cop.len() + (raw.len() - raw.trim_start().len());
    is_value(v).then_some((at, v))
}

/// One math span, or text with no prose word and something to read.
fn is_value(v: &str) -> bool {
    let inner = v.strip_prefix('$').and_then(|x| x.strip_suffix('$'));
    if let Some(m) = inner {
        return !m.contains('$') && !m.trim().is_empty();
    }
    !v.contains('$') && v.bytes().any(|c| c.is_ascii_digit()) && prose_signals(v, 1).0 == 0
}

#[cfg(test)]
mod tests {
    use super::leading_claim;

    fn claim(s: &str) -> Option<String> {
        leading_claim(s).map(|(_, t)| t)
    }

    #[test]
    fn an_extremum_stated_first() {
        assert_eq!(claim("The largest such number is 98721. First, note that").as_deref(), Some("98721"));
        assert_eq!(claim("The least possible degree is $3 k$.\n\nWe show").as_deref(), Some("3 k"));
        assert_eq!(claim("The minimum count is 2 and the maximum count is 7 . To see").as_deref(), Some("2, 7"));
    }

    #[test]
    fn where_the_value_is_written() {
        let s = "The greatest value is $12$. Proof follows.";
        let (span, _) = leading_claim(s).unwrap();
        assert_eq!(&s[span.start..span.end], "$12$");
    }

    #[test]
    fn not_an_answer_first_sentence() {
        // No extremum named, not the first sentence, prose after the value,
        // or no value at all.
        assert_eq!(claim("The area of the triangle is 12. Then the"), None);
        assert_eq!(claim("Let $n=3$. The largest value is 5."), None);
        assert_eq!(claim("The smallest value is 5, attained at $x=1$."), None);
        assert_eq!(claim("The largest angle is opposite the longest side."), None);
        assert_eq!(claim("The maximum is $"), None);
    }
}
