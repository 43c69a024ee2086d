//! Numbers and simple expressions written in prose (the `expr` target):
//! `7,425,000`, `1,000.99`, `.4`, `-3`, `2,74` (a decimal comma where it
//! cannot group thousands), `28 percent`, `10/9`, `(1 + 2) * 3`.
//!
//! A number must start a token: it follows the start of the text,
//! whitespace, `=`, an opening bracket, `*` (markdown), a colon, a currency
//! sign or CJK text, so `XDY2K` holds no number and `x-5` no `-5`. Anything
//! may follow a number (`100m²` is `100`); an expression must end at a
//! separator.

use super::scan::{char_at, char_before, is_cjk};
use crate::span::Span;

/// One number or expression found in prose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberHit {
    /// Where it is written (sign, digits, percent word; not the currency sign).
    pub span: Span,
    /// Its normalized text: no thousands separators, a decimal point, `%`
    /// for a percent; an expression with `×` / `÷` as `*` / `/`.
    pub text: String,
    /// An expression (an operator between numbers), not a single number.
    pub is_expr: bool,
}

const CURRENCY: &str = "$€£¥₹₽₪₩₫฿₡₢₣₤₥₦₧₨₭₮₯₰₱₲₳₴₵₶₷₸₺₻₼₾₿";

/// A number may start after this character (see also [`after_annotation`]).
fn starts_token_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(c, '=' | '(' | '[' | '*' | ':' | ',' | '：' | '，' | '、' | '“' | '"' | '\'')
                || is_currency(c)
                || is_cjk(c)
        }
    }
}

/// A currency sign of [`CURRENCY`] (`$` the only ASCII one: the common
/// case is answered without reading the list).
fn is_currency(c: char) -> bool {
    if c.is_ascii() {
        c == '$'
    } else {
        CURRENCY.contains(c)
    }
}

/// The number or expression starting at byte `i`, if one does.
pub fn number_at(s: &str, i: usize) -> Option<NumberHit> {
    number_at_inner(s, i, true)
}

/// `try_expr`: an operator follows closely enough for an expression.
fn number_at_inner(s: &str, i: usize, try_expr: bool) -> Option<NumberHit> {
    let b = s.as_bytes();
    let c = *b.get(i)?;
    if !(c.is_ascii_digit() || c == b'-' || c == b'.' || c == b'(') {
        return None;
    }
    // The token start, before a currency sign.
    let mut before = char_before(s, i);
    if let Some(cur) = before.filter(|c| is_currency(*c)) {
        before = char_before(s, i - cur.len_utf8());
    }
    if !starts_token_after(before) && !after_annotation(b, i) {
        return None;
    }
    // After `digit,` three digits are a thousands group of a number that
    // did not start a token (`>>25,000`), not a number of their own.
    if before == Some(',') && i >= 2 && b[i - 2].is_ascii_digit() {
        let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 3 {
            return None;
        }
    }
    if try_expr {
        if let Some(e) = expr_at(s, i) {
            return Some(e);
        }
    }
    let (text, end) = plain_number(s, i)?;
    let (text, end) = with_percent(s, text, end);
    Some(NumberHit { span: Span::new(i, end), text, is_expr: false })
}

/// `>>` right before `i`: the end of a calculator annotation
/// (`<<3*8=24>>24`), after which the written result starts.
fn after_annotation(b: &[u8], i: usize) -> bool {
    i >= 2 && &b[i - 2..i] == b">>"
}

/// Longest calculator annotation recognised, in bytes.
const MAX_ANNOTATION: usize = 200;

/// GSM8K's calculator annotations `<<3*8=24>>`: working for a tool, never
/// where an answer is written (the result follows them). Sorted, disjoint.
pub fn calc_annotations(s: &str) -> Vec<Span> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    // The first `>>` and line break at or after a position, memoized:
    // openers only move right, so a run of `<<` without `>>` costs linear
    // time, not a window each.
    let mut close = NextAt::new(b">>");
    let mut newline = NextAt::new(b"\n");
    while let Some(open) = super::scan::find_bytes(b, b"<<", from) {
        let limit = (open + MAX_ANNOTATION).min(s.len());
        match close.next(b, open + 2) {
            Some(k) if k + 2 <= limit && newline.next(b, open + 2).is_none_or(|nl| nl >= k) => {
                let end = k + 2;
                out.push(Span::new(open, end));
                from = end;
            }
            _ => from = open + 2,
        }
    }
    out
}

/// The first occurrence of a pattern at or after a position, remembered:
/// queries at non-decreasing positions search each byte once.
struct NextAt {
    pat: &'static [u8],
    /// The last answer (`None`: no occurrence after `from`).
    at: Option<usize>,
    from: usize,
    primed: bool,
}

impl NextAt {
    fn new(pat: &'static [u8]) -> NextAt {
        NextAt { pat, at: None, from: 0, primed: false }
    }

    fn next(&mut self, b: &[u8], i: usize) -> Option<usize> {
        let valid = self.primed && i >= self.from && self.at.is_none_or(|a| i <= a);
        if !valid {
            self.at = super::scan::find_bytes(b, self.pat, i.min(b.len()));
            self.from = i;
            self.primed = true;
        }
        self.at
    }
}

/// The result the last sentence states: in the sentence holding the last
/// number (`last`), the number right after its last `=` (`… = $6 for 2
/// tubs and 4 packets`, `40 stars/5 rows = 8 rows of 5 stars`), when that
/// is not `last` itself. The numbers after it describe what was counted.
/// `skip`: ranges that hold no text of the sentence (math, annotations).
pub fn stated_result(s: &str, last: &NumberHit, skip: &[Span]) -> Option<NumberHit> {
    let start = sentence_start(s, last.span.start);
    let b = s.as_bytes();
    let outside = |i: usize| {
        let k = skip.partition_point(|sp| sp.end <= i);
        skip.get(k).is_none_or(|sp| sp.start > i)
    };
    let eq = (start..last.span.start).rev().find(|&i| b[i] == b'=' && outside(i))?;
    let mut j = eq + 1;
    loop {
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        let k = skip.partition_point(|sp| sp.start < j);
        match skip.get(k).filter(|sp| sp.start == j) {
            Some(sp) => j = sp.end, // `= <<40/5=8>>8`
            None => break,
        }
    }
    let cur = char_at(s, j).filter(|c| CURRENCY.contains(*c)).map_or(0, char::len_utf8);
    let hit = number_at_inner(s, j + cur, false)?;
    (hit.span.start < last.span.start).then_some(hit)
}

/// Most bytes looked back for a sentence's start.
const MAX_SENTENCE: usize = 1000;

/// Where the sentence holding byte `i` starts: after the last line break,
/// or `.` / `!` / `?` before a space, within [`MAX_SENTENCE`] bytes.
fn sentence_start(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let lo = i.saturating_sub(MAX_SENTENCE);
    let mut k = i;
    while k > lo {
        let c = b[k - 1];
        if c == b'\n' || (matches!(c, b'.' | b'!' | b'?') && b.get(k) == Some(&b' ')) {
            return k;
        }
        k -= 1;
    }
    lo
}

/// A number at `i`: sign, digits with thousands groups or a decimal part.
/// Returns the normalized text and the end.
fn plain_number(s: &str, i: usize) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    let neg = b.get(j) == Some(&b'-');
    if neg {
        j += 1;
    }
    let int_start = j;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    let int_digits = &s[int_start..j];
    let mut text = String::new();
    if neg {
        text.push('-');
    }
    if int_digits.is_empty() {
        // `.4`
        if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            let mut k = j + 1;
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
            text.push('0');
            text.push_str(&s[j..k]);
            return Some((text, k));
        }
        return None;
    }
    // Thousands groups: `1,234,567` / `1 234 567`, lead of 1-3 digits, no leading 0.
    let mut end = j;
    let mut grouped = false;
    if (1..=3).contains(&int_digits.len()) && !int_digits.starts_with('0') {
        for sep in [b',', b' '] {
            let mut k = j;
            while b.get(k) == Some(&sep)
                && b.get(k + 1..k + 4).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && !b.get(k + 4).is_some_and(u8::is_ascii_digit)
            {
                // `1,000,5` is not grouped; a decimal comma is handled below.
                k += 4;
            }
            // A comma list (`1,234,5`) or a space before another number
            // (`2 345 and 6`) is fine; a single space group needs care:
            // `in 2 000 cases` groups, but `is 5 100` is ambiguous — accept
            // like Math-Verify.
            if k > j {
                grouped = true;
                end = k;
                break;
            }
        }
    }
    if grouped {
        // The lead has no leading zero; the groups follow without their
        // separators.
        text.push_str(int_digits);
        for g in (j..end).step_by(4) {
            text.push_str(&s[g + 1..g + 4]);
        }
    } else {
        let t = int_digits.trim_start_matches('0');
        text.push_str(if t.is_empty() { "0" } else { t });
    }
    // Decimal part: `.5`, or a decimal comma `2,74` when the comma cannot
    // group thousands (not exactly three digits) and no list follows.
    if b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        let mut k = end + 1;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        text.push_str(&s[end..k]);
        end = k;
    } else if end == j && b.get(end) == Some(&b',') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        let mut k = end + 1;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        let frac_len = k - end - 1;
        let list_follows = b.get(k) == Some(&b',') && b.get(k + 1).is_some_and(u8::is_ascii_digit)
            || (i >= 2 && b[i - 1] == b',' && b[i - 2].is_ascii_digit());
        let could_group = (1..=3).contains(&int_digits.len()) && !int_digits.starts_with('0');
        if (frac_len != 3 || !could_group) && !list_follows {
            text.push('.');
            text.push_str(&s[end + 1..k]);
            end = k;
        }
    }
    Some((text, end))
}

/// A percent sign or word after a number (`28%`, `28 %`, `28 percent`).
fn with_percent(s: &str, mut text: String, end: usize) -> (String, usize) {
    let b = s.as_bytes();
    let mut k = end;
    while k < b.len() && b[k] == b' ' {
        k += 1;
    }
    if b.get(k) == Some(&b'%') {
        text.push('%');
        return (text, k + 1);
    }
    for w in ["percentage", "percent", "pct"] {
        if b.len() >= k + w.len()
            && b[k..k + w.len()].eq_ignore_ascii_case(w.as_bytes())
            && !b.get(k + w.len()).is_some_and(u8::is_ascii_alphabetic)
        {
            text.push('%');
            return (text, k + w.len());
        }
    }
    (text, end)
}

/// Longest expression read in prose, in bytes (keeps the scan linear).
const MAX_EXPR_LEN: usize = 64;

/// An expression at `i`: digits, `.`, spaces, `+ - * × / ÷ ^ ( )`, with an
/// operator between two numbers, ending at a separator.
fn expr_at(s: &str, i: usize) -> Option<NumberHit> {
    let b = s.as_bytes();
    let b = &b[..b.len().min(i + MAX_EXPR_LEN)];
    let mut j = i;
    let mut depth: i32 = 0;
    let mut last_good = None; // end of the last complete operand
    let mut ops = 0;
    let mut pending_op = false;
    let mut operand_seen = false;
    while j < b.len() {
        let Some(c) = char_at(s, j) else { break };
        match c {
            '0'..='9' | '.' => {
                if c == '.' && !b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                    break;
                }
                j += 1;
                while j < b.len()
                    && (b[j].is_ascii_digit() || (b[j] == b'.' && b.get(j + 1).is_some_and(u8::is_ascii_digit)))
                {
                    j += 1;
                }
                if pending_op {
                    ops += 1;
                    pending_op = false;
                }
                operand_seen = true;
                if depth == 0 {
                    last_good = Some(j);
                }
                continue;
            }
            ' ' => {}
            '(' => depth += 1,
            ')' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
                if depth == 0 && operand_seen {
                    last_good = Some(j + 1);
                }
            }
            '+' | '*' | '×' | '/' | '÷' | '^' => {
                if !operand_seen {
                    return None;
                }
                pending_op = true;
            }
            '-' => {
                if operand_seen {
                    pending_op = true;
                }
            }
            _ => break,
        }
        j += c.len_utf8();
    }
    let end = last_good?;
    if ops == 0 {
        return None;
    }
    // It must end at a separator, not run into a word (`2x+1`).
    let next = char_at(s, end);
    if next.is_some_and(|c| c.is_alphanumeric() && !is_cjk(c) || c == '_') {
        return None;
    }
    let raw = s[i..end].trim();
    if raw.starts_with('(') && !raw.ends_with(')') && raw.matches('(').count() > raw.matches(')').count() {
        return None;
    }
    let text = raw.replace('×', "*").replace('÷', "/").replace('\n', " ");
    Some(NumberHit { span: Span::new(i, i + raw.len()), text, is_expr: true })
}

/// Every number / expression in `s[from..to]`, left to right, skipping
/// the ranges in `skip` (sorted, disjoint).
pub fn all_numbers(s: &str, from: usize, to: usize, skip: &[Span]) -> Vec<NumberHit> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    let mut sk = skip.partition_point(|sp| sp.end <= from);
    // The next operator byte at or after `i` (memoized: `i` only grows).
    let mut next_op: Option<usize> = None;
    let mut op_from = usize::MAX;
    while i < to {
        while sk < skip.len() && skip[sk].end <= i {
            sk += 1;
        }
        if sk < skip.len() && skip[sk].start <= i {
            i = skip[sk].end;
            continue;
        }
        let c = b[i];
        if c.is_ascii_digit() || c == b'-' || c == b'.' || c == b'(' {
            if op_from == usize::MAX || next_op.is_some_and(|p| p < i + 1) {
                op_from = i + 1;
                next_op = b[op_from.min(b.len())..].iter().position(|&c| is_op_byte(c)).map(|p| op_from + p);
            }
            let try_expr = next_op.is_some_and(|p| p < i + MAX_EXPR_LEN);
            if let Some(hit) = number_at_inner(s, i, try_expr) {
                let next_skip = skip.get(sk).map_or(usize::MAX, |sp| sp.start);
                if hit.span.end <= to.min(next_skip) {
                    i = hit.span.end;
                    out.push(hit);
                    continue;
                }
            }
            i += 1;
            if c.is_ascii_digit() {
                // Skip the rest of this digit run: a number never starts inside one.
                while i < to && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
            continue;
        }
        i += 1;
        while i < to && !s.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

/// A byte of an operator: ASCII `+ - * / ^`, or the lead byte of `×` / `÷`.
fn is_op_byte(c: u8) -> bool {
    matches!(c, b'+' | b'-' | b'*' | b'/' | b'^' | 0xC3)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unoptimized builds run the size tests on smaller inputs.
    const DEBUG_SHRINK: usize = if cfg!(debug_assertions) { 5 } else { 1 };

    fn texts(s: &str) -> Vec<String> {
        all_numbers(s, 0, s.len(), &[]).into_iter().map(|h| h.text).collect()
    }

    fn last(s: &str) -> String {
        texts(s).pop().unwrap_or_default()
    }

    #[test]
    fn plain_numbers() {
        assert_eq!(last("7,425,000"), "7425000");
        assert_eq!(last("1,000.0"), "1000.0");
        assert_eq!(last("1,000.99"), "1000.99");
        assert_eq!(last(".4"), "0.4");
        assert_eq!(last("-3"), "-3");
        assert_eq!(last("007"), "7");
        assert_eq!(last("0"), "0");
        assert_eq!(last("0.25"), "0.25");
    }

    #[test]
    fn decimal_comma_only_where_it_cannot_group() {
        assert_eq!(last("Soucis : 2,74 $ a.."), "2.74");
        assert_eq!(last("0,125"), "0.125");
        assert_eq!(last("1,234"), "1234");
        assert_eq!(texts("1,2,3"), vec!["1", "2", "3"]);
        // The result after a calculator annotation is read whole.
        assert_eq!(texts("=25000>>25,000"), vec!["25000", "25000"]);
    }

    #[test]
    fn currency_and_units() {
        assert_eq!(last("1,000.99€"), "1000.99");
        assert_eq!(last("1,000.99$"), "1000.99");
        assert_eq!(last("$10,455."), "10455");
        assert_eq!(last("1,000.99m²"), "1000.99");
        assert_eq!(last("so the number is 10 which is 1,000.99m²"), "1000.99");
    }

    #[test]
    fn percent() {
        assert_eq!(last("28 percent"), "28%");
        assert_eq!(last("28 %"), "28%");
        assert_eq!(last("28%"), "28%");
        assert_eq!(last("28 Percentage"), "28%");
    }

    #[test]
    fn expressions() {
        assert_eq!(last("10/9"), "10/9");
        assert_eq!(last("it is 1/2 + 3."), "1/2 + 3");
        assert_eq!(last("(1 + 2) × 3"), "(1 + 2) * 3");
        assert_eq!(texts("2 + 3 = 5"), vec!["2 + 3", "5"]);
        assert_eq!(last("so 2x+1"), "2");
        assert_eq!(texts("(5 apples)"), vec!["5"]);
    }

    #[test]
    fn numbers_must_start_a_token() {
        assert!(texts("XDY2K").is_empty());
        assert_eq!(texts("x-5"), Vec::<String>::new());
        assert_eq!(texts("答案是12。"), vec!["12"]);
        assert_eq!(texts("x=5"), vec!["5"]);
    }

    #[test]
    fn pathological_inputs_are_fast() {
        for unit in ["(1 ", "(1+", "1 ", "-(", "1,000 "] {
            let s = unit.repeat(500_000 / DEBUG_SHRINK);
            let t = std::time::Instant::now();
            let _ = all_numbers(&s, 0, s.len(), &[]);
            assert!(t.elapsed().as_secs_f64() < 3.0, "{unit:?}");
        }
    }

    #[test]
    fn calculator_annotations() {
        let s = "3 rows * 8 = <<3*8=24>>24 stars, then <<oops";
        let a = calc_annotations(s);
        assert_eq!(a.iter().map(|sp| &s[sp.start..sp.end]).collect::<Vec<_>>(), vec!["<<3*8=24>>"]);
        assert_eq!(all_numbers(s, 0, s.len(), &a).into_iter().map(|h| h.text).collect::<Vec<_>>(), vec!["3", "8", "24"]);
        let annotations = |s: &str| calc_annotations(s).iter().map(|sp| s[sp.start..sp.end].to_string()).collect::<Vec<_>>();
        // Not across a line break; the first `>>` closes (`>>>`); never
        // longer than MAX_ANNOTATION; an opener inside a failed one opens.
        assert_eq!(annotations("<<1\n=1>> <<2=2>>> <<<3=3>>"), vec!["<<2=2>>", "<<<3=3>>"]);
        let long = format!("<<{}>> <<1=1>>", "1".repeat(MAX_ANNOTATION));
        assert_eq!(annotations(&long), vec!["<<1=1>>"]);
        let fits = format!("<<{}>>", "1".repeat(MAX_ANNOTATION - 4));
        assert_eq!(annotations(&fits), vec![fits.clone()]);
        let over = format!("<<{}>>", "1".repeat(MAX_ANNOTATION - 3));
        assert!(annotations(&over).is_empty());
        assert!(annotations(&"<<".repeat(100_000)).is_empty());
    }

    #[test]
    fn the_result_after_the_last_equals() {
        let stated = |s: &str| {
            let skip = calc_annotations(s);
            let nums = all_numbers(s, 0, s.len(), &skip);
            stated_result(s, nums.last()?, &skip).map(|h| h.text)
        };
        assert_eq!(stated("He has 7.\nSo 30 cups/6 cups = <<30/6=5>>5 boxes of 6 cups.").as_deref(), Some("5"));
        assert_eq!(stated("Total: $3 + $4 = $7 for 2 pens and 3 pads.").as_deref(), Some("7"));
        // The last number is the result itself; no `=` in the last sentence.
        assert_eq!(stated("So 2 + 3 = 5 apples."), None);
        assert_eq!(stated("x = 4. She buys 3 more, 12 in all."), None);
    }

    #[test]
    fn skipped_ranges() {
        let s = "a 1 b $2$ c 3";
        assert_eq!(
            all_numbers(s, 0, s.len(), &[Span::new(6, 9)]).into_iter().map(|h| h.text).collect::<Vec<_>>(),
            vec!["1", "3"]
        );
    }
}
