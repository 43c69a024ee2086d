//! `\boxed{…}` and `\fbox{…}`, and boxes that together form one answer.
//!
//! A box's argument is brace-matched (`\{`, `\}` are not structural), may
//! follow spaces (`\boxed {5}`), or be a single token (`\boxed 5`,
//! `\boxed\pi`). An unclosed `\boxed{` runs to the end of the text.
//!
//! Several boxes form one answer when they sit in the same math span
//! (`$\boxed{2}, \boxed{3}$`, `$$\boxed{(3, 3)} \text{ for part (a) and }
//! \boxed{(1, 1)}$$`) or when only connectives separate them: commas,
//! "and"/"or" (bare or in `\text{}`), spacing commands, math delimiters and
//! short labels (`\(y_1 = \boxed{…}\) and \(y_2 = \boxed{…}\)`). Their
//! contents are joined with ", ", each distinct content once.

use rustc_hash::FxHashSet as HashSet;

use super::math_span::{containing, MathSpan};
use super::scan::{match_brace, skip_ws, Needle};
use crate::span::Span;

/// One top-level box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoxHit {
    /// From the backslash of `\boxed` to the end of its argument.
    pub outer: Span,
    /// The argument, without braces.
    pub inner: Span,
}

/// A run of boxes that form one answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoxGroup {
    /// Indices into the box list, in order.
    pub first: usize,
    pub last: usize,
    /// From the first box to the end of the last.
    pub span: Span,
    /// The joined contents.
    pub text: String,
}

const BOX_COMMANDS: [&str; 2] = ["\\boxed", "\\fbox"];

/// The box whose command starts at byte `i`, if one does.
pub fn box_at(s: &str, i: usize) -> Option<BoxHit> {
    let b = s.as_bytes();
    let cmd = BOX_COMMANDS.iter().find(|c| s[i..].starts_with(**c))?;
    let after = i + cmd.len();
    if b.get(after).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None; // `\boxedsymbol`, not a box
    }
    let j = skip_ws(b, after);
    match b.get(j)? {
        b'{' => {
            let (inner_end, outer_end) = match match_brace(b, j) {
                Some(close) => (close, close + 1),
                None => (b.len(), b.len()),
            };
            Some(BoxHit { outer: Span::new(i, outer_end), inner: Span::new(j + 1, inner_end) })
        }
        b'\\' => {
            // `\boxed\pi`: one control word.
            let mut k = j + 1;
            while k < b.len() && b[k].is_ascii_alphabetic() {
                k += 1;
            }
            (k > j + 1).then(|| BoxHit { outer: Span::new(i, k), inner: Span::new(j, k) })
        }
        c if c.is_ascii_alphanumeric() => {
            // `\boxed 5`, `\boxed 12.5`: one token of digits / letters.
            let mut k = j;
            while k < b.len()
                && (b[k].is_ascii_alphanumeric() || (b[k] == b'.' && b.get(k + 1).is_some_and(u8::is_ascii_digit)))
            {
                k += 1;
            }
            Some(BoxHit { outer: Span::new(i, k), inner: Span::new(j, k) })
        }
        _ => None,
    }
}

/// Every top-level box, in order (a box inside another box's argument is
/// part of that argument, not a box of its own).
pub fn all_boxes(s: &str) -> Vec<BoxHit> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    // Boxes start at or after `i` (the end of the last box found).
    let mut i = 0;
    // Only where "box" is written can a command start: `\boxed` one byte
    // before it, `\fbox` two (a SIMD substring search skips the other
    // backslashes of LaTeX-heavy text).
    static BOX: Needle = Needle::new("box");
    for p in BOX.find_all(b) {
        let at = if p >= 1 && b[p - 1] == b'\\' {
            p - 1
        } else if p >= 2 && &b[p - 2..p] == b"\\f" {
            p - 2
        } else {
            continue;
        };
        if at < i {
            continue;
        }
        if let Some(bx) = box_at(s, at) {
            if !s[bx.inner.start..bx.inner.end].trim().is_empty() {
                out.push(bx);
            }
            i = bx.outer.end.max(at + 1);
        }
    }
    out
}

/// The content of a box, with a box that only wraps another box unwrapped
/// (`\boxed{\boxed{5}}` is `5`).
pub fn box_content(s: &str, bx: &BoxHit) -> String {
    box_content_str(s, bx).to_string()
}

/// [`box_content`], borrowed from `s`.
fn box_content_str<'s>(s: &'s str, bx: &BoxHit) -> &'s str {
    let (mut a, mut b) = trim_range(s, bx.inner);
    // A few levels only: each look costs the length of the box.
    for _ in 0..4 {
        match box_at(&s[..b], a) {
            Some(inner) if inner.outer.end == b => (a, b) = trim_range(s, inner.inner),
            _ => break,
        }
    }
    &s[a..b]
}

/// `sp` without surrounding whitespace.
fn trim_range(s: &str, sp: Span) -> (usize, usize) {
    let t = &s[sp.start..sp.end];
    let a = sp.start + (t.len() - t.trim_start().len());
    (a, a + t.trim().len())
}

/// A run of boxes that form one answer, without its text (built only for
/// the runs a rule reads, with [`make_group`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoxRun {
    /// Indices into the box list, in order.
    pub first: usize,
    pub last: usize,
    /// From the first box to the end of the last.
    pub span: Span,
}

/// Group the boxes into answers (see the module docs).
pub fn group_boxes(s: &str, boxes: &[BoxHit], spans: &[MathSpan]) -> Vec<BoxGroup> {
    box_runs(s, boxes, spans).into_iter().map(|r| make_group(s, boxes, r.first, r.last)).collect()
}

/// The runs of [`group_boxes`], without their texts. `spans` are read
/// only to tell whether two boxes share a span: with fewer than two
/// boxes they are not needed.
pub fn box_runs(s: &str, boxes: &[BoxHit], spans: &[MathSpan]) -> Vec<BoxRun> {
    let mut groups: Vec<BoxRun> = Vec::new();
    let mut start = 0;
    for k in 0..boxes.len() {
        let joins_next = k + 1 < boxes.len() && {
            let (a, b) = (&boxes[k], &boxes[k + 1]);
            let same_span = match (containing(spans, a.outer.start), containing(spans, b.outer.start)) {
                (Some(x), Some(y)) => x == y,
                _ => false,
            };
            same_span || gap_is_connective(&s[a.outer.end..b.outer.start])
        };
        if !joins_next {
            let span = Span::new(boxes[start].outer.start, boxes[k].outer.end);
            groups.push(BoxRun { first: start, last: k, span });
            start = k + 1;
        }
    }
    groups
}

/// The group made of boxes `first..=last`.
pub fn make_group(s: &str, boxes: &[BoxHit], first: usize, last: usize) -> BoxGroup {
    let span = Span::new(boxes[first].outer.start, boxes[last].outer.end);
    if first == last {
        // One box (most groups): its content is the text.
        return BoxGroup { first, last, span, text: box_content_str(s, &boxes[first]).to_string() };
    }
    let mut parts: Vec<&str> = Vec::new();
    // Past a few parts, repeats are looked up in a set: a long run of
    // boxes costs linear time, not quadratic.
    let mut seen: Option<HashSet<&str>> = None;
    for bx in &boxes[first..=last] {
        let c = box_content_str(s, bx);
        let new = match seen.as_mut() {
            Some(set) => set.insert(c),
            None => !parts.contains(&c),
        };
        if new {
            parts.push(c);
            if seen.is_none() && parts.len() > SCANNED_PARTS {
                seen = Some(parts.iter().copied().collect());
            }
        }
    }
    BoxGroup { first, last, span, text: parts.join(", ") }
}

/// Most distinct parts of a group compared one by one.
const SCANNED_PARTS: usize = 8;

/// Longest gap between two boxes that can still be a connective.
const MAX_GAP: usize = 160;

/// Only connectives between two boxes: separators, "and"/"or" (bare or in
/// `\text{}`), spacing, math delimiters, and a short label before an `=`.
pub fn gap_is_connective(gap: &str) -> bool {
    if gap.len() > MAX_GAP {
        return false;
    }
    let b = gap.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() || matches!(c, b',' | b';' | b'&' | b'~' | b'$') {
            i += 1;
            continue;
        }
        let rest = &gap[i..];
        if let Some(len) = connective_word(rest) {
            i += len;
            continue;
        }
        if c == b'\\' {
            // Spacing, math delimiters, line breaks.
            if let Some(len) = [
                "\\qquad", "\\quad", "\\,", "\\;", "\\:", "\\!", "\\ ", "\\\\", "\\(", "\\)", "\\[", "\\]", "\\hspace",
                "\\text", "\\textrm", "\\mbox", "\\mathrm",
            ]
            .iter()
            .find(|p| {
                rest.starts_with(**p)
                    && !(p.len() > 2 && rest.as_bytes().get(p.len()).is_some_and(u8::is_ascii_alphabetic))
            })
            .map(|p| p.len())
            {
                let cmd = &rest[..len];
                i += len;
                if matches!(cmd, "\\hspace" | "\\text" | "\\textrm" | "\\mbox" | "\\mathrm") {
                    // Its argument must itself be connectives only (or a length).
                    let j = skip_ws(b, i);
                    if b.get(j) != Some(&b'{') {
                        return false;
                    }
                    let Some(close) = match_brace(b, j) else { return false };
                    let arg = &gap[j + 1..close];
                    if cmd != "\\hspace" && !gap_is_connective(arg) {
                        return false;
                    }
                    i = close + 1;
                }
                continue;
            }
            return false;
        }
        if let Some(len) = label_len(rest) {
            i += len;
            continue;
        }
        // Full-width separators.
        if let Some(len) =
            ["，", "；", "、", "和", "或", "以及", "与", "及"].iter().find(|p| rest.starts_with(**p)).map(|p| p.len())
        {
            i += len;
            continue;
        }
        return false;
    }
    true
}

/// `and` / `or` as a whole word at the start of `rest`: its length.
fn connective_word(rest: &str) -> Option<usize> {
    for w in ["and", "or"] {
        if rest.len() >= w.len()
            && rest.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            && !rest.as_bytes().get(w.len()).is_some_and(u8::is_ascii_alphanumeric)
        {
            return Some(w.len());
        }
    }
    None
}

/// A short label such as `x =`, `y_2 =`, `y_{1}=`, `k=` at the start of
/// `rest`: its length (through the `=`).
fn label_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let mut i = 0;
    if !b.first()?.is_ascii_alphabetic() {
        return None;
    }
    while i < b.len() && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i > 3 {
        return None; // a word, not a variable name
    }
    if b.get(i) == Some(&b'_') {
        i += 1;
        match b.get(i)? {
            b'{' => i = match_brace(b, i)? + 1,
            c if c.is_ascii_alphanumeric() => i += 1,
            _ => return None,
        }
    }
    while b.get(i) == Some(&b'\'') {
        i += 1;
    }
    let j = skip_ws(b, i);
    (b.get(j) == Some(&b'=')).then_some(j + 1)
}

#[cfg(test)]
mod tests {
    use super::super::math_span::all_spans;
    use super::*;

    fn contents(s: &str) -> Vec<String> {
        all_boxes(s).iter().map(|b| box_content(s, b)).collect()
    }

    fn groups(s: &str) -> Vec<String> {
        let boxes = all_boxes(s);
        let spans = all_spans(s);
        group_boxes(s, &boxes, &spans).into_iter().map(|g| g.text).collect()
    }

    #[test]
    fn box_arguments() {
        assert_eq!(contents(r"\boxed{\frac{1}{2}}"), vec![r"\frac{1}{2}"]);
        assert_eq!(contents(r"\boxed {5}"), vec!["5"]);
        assert_eq!(contents(r"\boxed 5."), vec!["5"]);
        assert_eq!(contents(r"\boxed 12.5 cm"), vec!["12.5"]);
        assert_eq!(contents(r"\boxed\pi"), vec![r"\pi"]);
        assert_eq!(contents(r"\fbox{7}"), vec!["7"]);
        assert_eq!(contents(r"\boxed{\{1\pm\sqrt{5},-2\}}"), vec![r"\{1\pm\sqrt{5},-2\}"]);
        assert_eq!(contents(r"\boxed{\boxed{5}}"), vec!["5"]);
        assert_eq!(
            contents("\\boxed{\n\\begin{pmatrix} 0 \\end{pmatrix}\n}."),
            vec!["\\begin{pmatrix} 0 \\end{pmatrix}"]
        );
    }

    #[test]
    fn unclosed_box_runs_to_the_end() {
        assert_eq!(contents(r"so \boxed{28 percentage"), vec!["28 percentage"]);
    }

    #[test]
    fn not_boxes() {
        assert!(contents(r"\boxedsymbol x").is_empty());
        assert!(contents(r"\boxed{}").is_empty());
        assert!(contents(r"\boxed, x").is_empty());
    }

    #[test]
    fn separate_boxes_stay_separate() {
        assert_eq!(groups(r"first $\boxed{200}$ then we get $\boxed{255}$"), vec!["200", "255"]);
    }

    #[test]
    fn adjacent_boxes_join() {
        assert_eq!(groups(r"\boxed{1}, \boxed{2}"), vec!["1, 2"]);
        assert_eq!(groups(r"\boxed{1},\boxed{2},\boxed{3}"), vec!["1, 2, 3"]);
        assert_eq!(groups(r"$\boxed{2}, \boxed{3}, \boxed{5}$"), vec!["2, 3, 5"]);
        assert_eq!(groups(r"$$\boxed{(2, 2)} \quad \text{and} \quad \boxed{(6, 2)}$$"), vec!["(2, 2), (6, 2)"]);
        assert_eq!(groups(r"\(\boxed{1}\) and \(\boxed{-2}\)."), vec!["1, -2"]);
        assert_eq!(
            groups(r"\($y_1 = \boxed{-2(x - 1)^2 + 5} \) and \( y_2 = \boxed{3(x + 2)^2 - 2} \) "),
            vec!["-2(x - 1)^2 + 5, 3(x + 2)^2 - 2"]
        );
        assert_eq!(groups(r"$$\boxed{(3, 3)} \text{ for part (a) and } \boxed{(1, 1)}$$"), vec!["(3, 3), (1, 1)"]);
        assert_eq!(groups(r"\boxed{x=1} 和 \boxed{x=2}"), vec!["x=1, x=2"]);
    }

    #[test]
    fn repeated_boxes_count_once() {
        assert_eq!(groups(r"$\boxed{5}$ and $\boxed{5}$"), vec!["5"]);
        // Past the parts compared one by one, a set finds the repeats.
        let many: String = (0..20).chain(0..20).chain([7, 25]).map(|k| format!("\\boxed{{{k}}}, ")).collect();
        let want: Vec<String> = (0..20).chain([25]).map(|k| k.to_string()).collect();
        assert_eq!(groups(&many), vec![want.join(", ")]);
    }

    #[test]
    fn connective_gaps() {
        assert!(gap_is_connective(r" \quad \text{and} \quad "));
        assert!(gap_is_connective(r"\) or \("));
        assert!(gap_is_connective(r", \ "));
        assert!(!gap_is_connective(r" so the other one is "));
        assert!(!gap_is_connective(r" \frac{1}{2} "));
        assert!(!gap_is_connective(r". Then "));
    }
}
