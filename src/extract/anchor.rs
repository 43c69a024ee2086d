//! Phrases that announce the final answer, in English and Chinese, and
//! where the answer they announce may start.
//!
//! | kind | phrases |
//! |---|---|
//! | [`AnchorKind::FinalAnswerIs`] | "The final answer is X" (Minerva's format; strongest when "I hope" follows X) |
//! | [`AnchorKind::Answer`] | "final answer … is X", "Final Answer: X", "the answer is X", "**Answer:** X", "the answer to (a) is X", "答案是 X", "答案为 X", "故答案为：X", "最终答案是 X", GSM8K's "#### X" opening a line |
//! | [`AnchorKind::Choose`] | "选 B", "故选：C" (option letters only) |
//! | [`AnchorKind::AnswerNear`] | "answer" with no "is" / ":" — a math span or number within 50 bytes |
//! | [`AnchorKind::Therefore`] | "所以 … 为 X", "因此 … 是 X", "综上所述， … 为 X": a conclusion that states a value |
//!
//! A bare "Therefore" / "Thus" / "Hence" is not a phrase here: preferring
//! the math right after it over the last math span of the text lost 9
//! answers (and gained none) on the reference solutions of the labeled
//! corpus (`references.dev.jsonl`), which go on after "hence" with the
//! value (`hence $k=\frac{T}{50}$. With $T=650, k=13$.`). The extractor
//! prefers only a sentence of math opened by "Therefore," that no equation
//! follows (see `Doc::last_conclusion` in the parent module).
//!
//! "is" may be followed by an adverb ("the answer is thus $7$"); "this
//! answer" / "that answer" refers back and announces nothing.

use super::scan::{skip_ws, Needle, starts_with_ci, starts_with_word_ci, word_starts};
use crate::span::Span;

/// What a phrase announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorKind {
    FinalAnswerIs,
    Answer,
    Choose,
    AnswerNear,
    /// A Chinese conclusion ending in "为" / "是" / "="; the answer starts
    /// right after it.
    Therefore,
}

/// One phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnchorHit {
    pub phrase: Span,
    /// Where the answer may start.
    pub answer_from: usize,
    pub kind: AnchorKind,
}

/// How far "final answer" may be from its "is" (Math-Verify allows 100).
const FINAL_WINDOW: usize = 100;
/// How far "answer" may be from its "is".
const ANSWER_WINDOW: usize = 50;
/// How far "所以" may be from its "为".
const THEREFORE_WINDOW: usize = 60;

/// Every answer phrase in `s`, ordered by position.
pub fn find_anchors(s: &str) -> Vec<AnchorHit> {
    let hashes: Vec<usize> = memchr::memchr_iter(b'#', s.as_bytes()).collect();
    find_anchors_with(s, &hashes)
}

/// [`find_anchors`] given where `#` is in a text that `s` begins (in
/// order; those past `s` are not looked at): the caller finds them in
/// the pass that looks for remarks.
pub fn find_anchors_with(s: &str, hashes: &[usize]) -> Vec<AnchorHit> {
    let mut out = Vec::new();
    let (answers, ascii) = answer_starts(s.as_bytes());
    english_answer(s, answers, &mut out);
    let n = s.len();
    gsm8k_hashes(s, hashes.iter().copied().take_while(|&k| k < n), &mut out);
    // Every Chinese phrase has non-ASCII bytes: ASCII text has none.
    if !ascii {
        chinese_answer(s, &mut out);
        therefore(s, &mut out);
    }
    out.sort_by_key(|a| (a.phrase.start, a.answer_from));
    out
}

/// Where "answer" starts in `b`, in any ASCII case and in order, and
/// whether `b` is all ASCII. Each block of `b` is folded ([`fold_case`](super::scan::fold_case))
/// into a buffer on the stack and searched there: a case-insensitive
/// search without a copy of the whole text.
fn answer_starts(b: &[u8]) -> (Vec<usize>, bool) {
    static ANSWER: Needle = Needle::new("answer");
    const BLOCK: usize = 2048;
    let mut buf = [0u8; BLOCK];
    let mut starts = Vec::new();
    let mut high = 0u8;
    let mut from = 0;
    loop {
        let end = (from + BLOCK).min(b.len());
        let block = &mut buf[..end - from];
        for (f, &c) in block.iter_mut().zip(&b[from..end]) {
            high |= c;
            *f = c | 0x20;
        }
        // A match in the block lies wholly in it; the next block starts
        // five bytes back, so a match across the boundary lies wholly in
        // the next one (and none is found twice).
        starts.extend(ANSWER.find_all(block).map(|a| from + a));
        if end == b.len() {
            return (starts, high < 0x80);
        }
        from = end - ("answer".len() - 1);
    }
}

/// "answer" phrases at `starts` (of "answer" in any case, in order).
fn english_answer(s: &str, starts: Vec<usize>, out: &mut Vec<AnchorHit>) {
    let b = s.as_bytes();
    for a in starts {
        if !word_starts(b, a) {
            continue;
        }
        let mut after = a + "answer".len();
        if b.get(after).is_some_and(|c| c.eq_ignore_ascii_case(&b's')) {
            after += 1;
        }
        if b.get(after).is_some_and(u8::is_ascii_alphabetic) {
            continue; // "answered"
        }
        let final_start = final_before(b, a);
        let start = final_start.unwrap_or(a);
        let phrase = |end: usize| Span::new(start, end);
        // Skip spaces, emphasis and a closing brace (`\textbf{Answer:}`).
        let mut j = after;
        while j < b.len() && matches!(b[j], b' ' | b'\t' | b'*' | b'_' | b'}') {
            j += 1;
        }
        if let Some(len) = colon_at(s, j) {
            let from = j + len;
            out.push(AnchorHit { phrase: phrase(from), answer_from: from, kind: AnchorKind::Answer });
            // "Final Answer: The largest $n$ is 34": the "is" counts too.
            if final_start.is_some() {
                if let Some(is_end) = copula_within(s, from, FINAL_WINDOW) {
                    out.push(AnchorHit { phrase: phrase(is_end), answer_from: is_end, kind: AnchorKind::Answer });
                }
            }
            continue;
        }
        if let Some(end) = copula_at(s, j) {
            let direct = final_start.is_some() && b[after..j].iter().all(|c| *c == b' ');
            let kind = if direct && b[j] != b'=' { AnchorKind::FinalAnswerIs } else { AnchorKind::Answer };
            out.push(AnchorHit { phrase: phrase(end), answer_from: end, kind });
            continue;
        }
        let window = if final_start.is_some() { FINAL_WINDOW } else { ANSWER_WINDOW };
        if let Some(end) = copula_within(s, j, window) {
            out.push(AnchorHit { phrase: phrase(end), answer_from: end, kind: AnchorKind::Answer });
        } else if !refers_back(b, a) {
            out.push(AnchorHit { phrase: phrase(after), answer_from: after, kind: AnchorKind::AnswerNear });
        }
    }
}

/// GSM8K's answer line, `#### 72`: four hashes opening a line (spaces
/// before them allowed), not a markdown heading of five or more.
fn gsm8k_hashes(s: &str, hashes: impl Iterator<Item = usize>, out: &mut Vec<AnchorHit>) {
    let b = s.as_bytes();
    // Each `#` in order (most texts have none), from `from` on.
    let mut from = 0;
    for k in hashes {
        if k < from {
            continue;
        }
        if !b[k..].starts_with(b"####") {
            from = k + 1;
            continue;
        }
        // Not overlapping, as a left-to-right search finds them.
        from = k + 4;
        // Back over spaces and tabs only (not to the line's start): linear
        // however many hashes one line holds.
        let mut j = k;
        while j > 0 && matches!(b[j - 1], b' ' | b'\t') {
            j -= 1;
        }
        let opens_line = j == 0 || b[j - 1] == b'\n';
        let after = k + 4;
        if !opens_line || b.get(after) == Some(&b'#') || (k > 0 && b[k - 1] == b'#') {
            continue;
        }
        out.push(AnchorHit { phrase: Span::new(k, after), answer_from: after, kind: AnchorKind::Answer });
    }
}

/// "this answer" / "that answer" at `a`: a reference to an answer written
/// before ("put this answer in (1) and we get $…$"), announcing nothing.
fn refers_back(b: &[u8], a: usize) -> bool {
    let before = &b[..a];
    let before = &before[..before.len() - before.iter().rev().take_while(|c| **c == b' ').count()];
    ["this", "that"].iter().any(|w| {
        before.len() >= w.len()
            && before[before.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
            && word_starts(b, before.len() - w.len())
    })
}

/// The start of "final" right before "answer" at `a` ("final answer",
/// "Final **Answer**").
fn final_before(b: &[u8], a: usize) -> Option<usize> {
    let mut k = a;
    while k > 0 && matches!(b[k - 1], b' ' | b'*' | b'_') {
        k -= 1;
    }
    (k >= 5 && b[k - 5..k].eq_ignore_ascii_case(b"final") && word_starts(b, k - 5)).then(|| k - 5)
}

/// A colon at `j` (ASCII or full-width): its length.
fn colon_at(s: &str, j: usize) -> Option<usize> {
    let rest = s.as_bytes().get(j..)?;
    if rest.starts_with(b":") {
        Some(1)
    } else if rest.starts_with("：".as_bytes()) {
        Some("：".len())
    } else {
        None
    }
}

/// "is" / "are" / "=" / "would be" / "will be" / "should be" at `j`: the
/// end of it, with a following colon.
fn copula_at(s: &str, j: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut end = None;
    for w in ["is", "are", "would be", "will be", "should be", "must be"] {
        if starts_with_word_ci(b, j, w) {
            end = Some(j + w.len());
            break;
        }
    }
    if end.is_none() && b.get(j) == Some(&b'=') {
        end = Some(j + 1);
    }
    let mut e = end?;
    // "the answer is thus $6\sqrt{2}-2$": an adverb between the copula and
    // the answer is skipped.
    let k = skip_adverb(s, e).unwrap_or(e);
    e = k;
    while e < b.len() && matches!(b[e], b' ' | b'*') {
        e += 1;
    }
    if let Some(len) = colon_at(s, e) {
        return Some(e + len);
    }
    Some(k)
}

/// Adverbs that may stand between "is" and the answer it announces.
const ADVERBS: [&str; 8] = ["thus", "therefore", "then", "hence", "clearly", "simply", "just", "indeed"];

/// After `e` (the end of a copula): a space, one of [`ADVERBS`] as a word
/// and an optional comma; the end of it.
fn skip_adverb(s: &str, e: usize) -> Option<usize> {
    let b = s.as_bytes();
    if b.get(e) != Some(&b' ') {
        return None;
    }
    let w = ADVERBS.iter().find(|w| starts_with_word_ci(b, e + 1, w))?;
    let end = e + 1 + w.len();
    Some(if b.get(end) == Some(&b',') { end + 1 } else { end })
}

/// The end of the first copula word within `window` bytes after `from`,
/// on the same line and in the same sentence.
fn copula_within(s: &str, from: usize, window: usize) -> Option<usize> {
    let b = s.as_bytes();
    let stop = (from + window).min(b.len());
    let mut i = from;
    while i < stop {
        let c = b[i];
        if c == b'\n'
            || (c == b'.' && b.get(i + 1).is_none_or(u8::is_ascii_whitespace))
            || b[i..].starts_with("。".as_bytes())
        {
            return None;
        }
        if (c == b' ' || c == b'*') && word_starts(b, i + 1) {
            if let Some(end) = copula_at(s, i + 1) {
                return Some(end);
            }
        }
        i += 1;
    }
    None
}

/// "答案" phrases and "选" for option letters.
fn chinese_answer(s: &str, out: &mut Vec<AnchorHit>) {
    let b = s.as_bytes();
    // SIMD substring searches: a byte-at-a-time search for a Chinese
    // word stops at every character sharing its first byte.
    static ANSWER: Needle = Needle::new("答案");
    static CHOOSE: Needle = Needle::new("选");
    for a in ANSWER.find_all(b) {
        let mut j = a + "答案".len();
        // "应该是", "应为", "就是", "即为", "为：".
        for filler in ["应该", "应", "就", "即", "便"] {
            if s[j..].starts_with(filler) {
                j += filler.len();
                break;
            }
        }
        j = skip_ws(b, j);
        let cop = ["是", "为", "為", "：", ":", "="].iter().find(|c| s[j..].starts_with(**c));
        match cop {
            Some(c) => {
                let mut end = j + c.len();
                end = skip_ws(b, end);
                if let Some(len) = colon_at(s, end) {
                    end += len;
                }
                out.push(AnchorHit { phrase: Span::new(a, end), answer_from: end, kind: AnchorKind::Answer });
            }
            None => out.push(AnchorHit { phrase: Span::new(a, j), answer_from: j, kind: AnchorKind::AnswerNear }),
        }
    }
    for a in CHOOSE.find_all(b) {
        // "选择", "选项" are words of their own; "故选 B", "应选：C", "选 D".
        let mut j = a + "选".len();
        if s[j..].starts_with("择") {
            j += "择".len();
        }
        if s[j..].starts_with("项") || s[..a].ends_with("可") {
            continue;
        }
        j = skip_ws(b, j);
        if let Some(len) = colon_at(s, j) {
            j += len;
        }
        out.push(AnchorHit { phrase: Span::new(a, j), answer_from: j, kind: AnchorKind::Choose });
    }
}

/// "所以 … 为 X"-like conclusions.
fn therefore(s: &str, out: &mut Vec<AnchorHit>) {
    static WORDS: [Needle; 7] = [
        Needle::new("所以"),
        Needle::new("因此"),
        Needle::new("综上所述"),
        Needle::new("综上"),
        Needle::new("于是"),
        Needle::new("从而"),
        Needle::new("故"),
    ];
    for needle in &WORDS {
        let w = needle.needle();
        for a in needle.find_all(s.as_bytes()) {
            if w == "故" && (s[a..].starts_with("故答案") || s[a..].starts_with("故选")) {
                continue; // the 答案 / 选 phrases cover it
            }
            if w == "综上" && s[a..].starts_with("综上所述") {
                continue;
            }
            if let Some(cop_end) = chinese_copula_within(s, a + w.len()) {
                out.push(AnchorHit {
                    phrase: Span::new(a, cop_end),
                    answer_from: cop_end,
                    kind: AnchorKind::Therefore,
                });
            }
        }
    }
}

/// Characters that make a following "为" / "是" part of a word.
const WORD_BEFORE_COPULA: &str = "因作成认以称但若于还就只正总都也不要可而";
/// Characters that make a preceding "为" / "是" part of a word.
const WORD_AFTER_COPULA: &str = "了否何什此止";

/// The end of "为" / "是" / "=" after `from`, within the clause.
fn chinese_copula_within(s: &str, from: usize) -> Option<usize> {
    let mut stop = (from + THEREFORE_WINDOW).min(s.len());
    while !s.is_char_boundary(stop) {
        stop -= 1;
    }
    let mut i = from;
    while i < stop {
        let rest = &s[i..];
        let c = rest.chars().next()?;
        if matches!(c, '。' | '\n' | '；') {
            return None;
        }
        if c == '$' {
            // Skip inline math: "所以 $x$ 的值为 3".
            let close = s[i + 1..stop].find('$')?;
            i += 1 + close + 1;
            continue;
        }
        if matches!(c, '为' | '是' | '=') {
            let prev = s[..i].chars().next_back();
            let next = s[i + c.len_utf8()..].chars().next();
            // Part of a word: 因为 (because), 作为, 成为, 认为, 为了, 是否 ...
            let word_part = prev.is_some_and(|p| WORD_BEFORE_COPULA.contains(p))
                || next.is_some_and(|n| WORD_AFTER_COPULA.contains(n));
            if !word_part || (c == '是' && prev == Some('就')) {
                let mut end = i + c.len_utf8();
                end = skip_ws(s.as_bytes(), end);
                if let Some(len) = colon_at(s, end) {
                    end += len;
                }
                return Some(end);
            }
        }
        i += c.len_utf8();
    }
    None
}

/// The Minerva closing: ". I hope it is correct" right after `end`.
pub fn i_hope_follows(s: &str, end: usize) -> bool {
    let b = s.as_bytes();
    let mut j = end;
    if b.get(j) == Some(&b'.') {
        j += 1;
    }
    if b.get(j).is_some_and(u8::is_ascii_whitespace) {
        j += 1;
    }
    starts_with_ci(b, j, "I hope") && b[j] == b'I'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(s: &str) -> Vec<(AnchorKind, &str)> {
        find_anchors(s).into_iter().map(|h| (h.kind, &s[h.answer_from..])).collect()
    }

    #[test]
    fn answer_is_found_in_any_case_across_the_blocks() {
        use crate::extract::scan::find_all_ci;
        // "answer" across the first block's end (2048) and the second's
        // (4091), at the text's ends, and in a text of exactly one block.
        for pad in [0, 1, 2040, 2042, 2043, 2044, 2045, 2047, 2048, 4085, 4088, 4091, 6000] {
            for tail in ["", "answer", "ANSWER", "z"] {
                let s = format!("{}AnSwEr{}{tail}", "x".repeat(pad), "y".repeat(pad % 7));
                let (starts, ascii) = answer_starts(s.as_bytes());
                assert_eq!(starts, find_all_ci(s.as_bytes(), "answer", 0), "pad {pad}, tail {tail:?}");
                assert!(ascii);
            }
        }
        let s = format!("{}answer\u{e9}", "x".repeat(2045));
        assert_eq!(answer_starts(s.as_bytes()), (vec![2045], false));
        let s = "x".repeat(2048);
        assert_eq!(answer_starts(s.as_bytes()), (vec![], true));
        assert_eq!(answer_starts(b""), (vec![], true));
    }

    #[test]
    fn final_answer_is() {
        assert_eq!(hits("The final answer is $5$. I hope"), vec![(AnchorKind::FinalAnswerIs, " $5$. I hope")]);
        assert_eq!(
            hits("Final Answer: The final answer is 7."),
            vec![
                (AnchorKind::Answer, " The final answer is 7."),
                (AnchorKind::Answer, " 7."),
                (AnchorKind::FinalAnswerIs, " 7."),
            ]
        );
        assert_eq!(
            hits("Final Answer: The largest $n$ is 34."),
            vec![(AnchorKind::Answer, " The largest $n$ is 34."), (AnchorKind::Answer, " 34."),]
        );
    }

    #[test]
    fn answer_phrases() {
        assert_eq!(hits("So the answer is 5783/5"), vec![(AnchorKind::Answer, " 5783/5")]);
        assert_eq!(hits("**Answer:** 5"), vec![(AnchorKind::Answer, "** 5")]);
        assert_eq!(hits("The answer to part (a) is $3$"), vec![(AnchorKind::Answer, " $3$")]);
        assert_eq!(hits("Answer \\( 9 \\)"), vec![(AnchorKind::AnswerNear, " \\( 9 \\)")]);
        assert_eq!(hits("He answered 5"), vec![]);
        assert_eq!(hits("we put this answer into (2) and get $y=3$"), vec![]);
        assert_eq!(hits("and the answer is thus $7$."), vec![(AnchorKind::Answer, " $7$.")]);
        assert_eq!(hits("The answer is then, 12"), vec![(AnchorKind::Answer, " 12")]);
    }

    #[test]
    fn chinese_phrases() {
        assert_eq!(hits("故答案为：$\\boxed{3}$"), vec![(AnchorKind::Answer, "$\\boxed{3}$")]);
        assert!(hits("所以答案是 5。").contains(&(AnchorKind::Answer, "5。")));
        assert!(hits("因此，最终答案是 $7$。").contains(&(AnchorKind::Answer, "$7$。")));
        assert_eq!(hits("所以最大值为 5。"), vec![(AnchorKind::Therefore, "5。")]);
        assert_eq!(hits("所以 $x$ 的值为 $3$。"), vec![(AnchorKind::Therefore, "$3$。")]);
        assert!(hits("所以因为 5").is_empty());
        assert!(hits("Therefore $x$ is 5").is_empty());
        assert_eq!(hits("故选：C"), vec![(AnchorKind::Choose, "C")]);
    }

    #[test]
    fn minerva_closing() {
        assert!(i_hope_follows("5. I hope it is correct", 1));
        assert!(i_hope_follows("$5$.I hope", 3));
        assert!(!i_hope_follows("5. i hope", 1));
    }
}
