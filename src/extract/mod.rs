//! Answer extraction: find the final answer(s) in free text — a model's
//! output or a gold string — the way Math-Verify's `parse()` does, with
//! more phrases, Chinese, bare answers after phrases, joined boxes and a
//! linear-time scan.
//!
//! [`extract_all`] returns candidates best first; a grader parses them in
//! order and keeps the first that parses. The order follows Math-Verify's
//! priorities (lower tiers first, and within a tier the candidate that ends
//! last first):
//!
//! | tier | what |
//! |---|---|
//! | 0 | "The final answer is X. I hope it is correct." (Minerva's format) |
//! | `boxed_priority` (0 / 50 / off) | the last `\boxed{}` (boxes that together form one answer joined with ", ") |
//! | 50 | X after a final-answer phrase: "final answer … is", "the answer is", "Answer:", "答案是", "答案为", "故答案为：" |
//! | 150 | X in a Chinese conclusion "所以 … 为 X", "因此 … 是 X" |
//! | 190 | the term holding the last numeric `\mathbf{…}` in math (a bolded result) |
//! | 200 | a math span or number within 50 bytes after "answer" (not "this answer", which refers back) |
//! | 220 | math that is a whole sentence opened by "Therefore," / "Thus," / "Hence,", when no equation follows it (a remark or check may) |
//! | 230 | the extremum an answer-first solution states in its first sentence ("The largest such number is 98721.") |
//! | 240 | an option letter that is the last token of the text |
//! | 250 | the whole text, when it is an answer and not prose (a bare gold such as `\dfrac{1}{9}`, or one whose outer `$` were stripped: `69$,$84`) |
//! | 260, 280 | an option letter opening a line; a marked option letter (`(B)`, `\textbf{B}`) |
//! | 300 | the last math span (`$…$`, its value when it is an equation ending in a number `$m+n=1$` or a chain whose last line does, `$$…$$`, `\(…\)`, `\[…\]`, a bare `\frac{1}{2}`), the last number or expression in prose (the number after the last `=` of the last sentence first: `= 8 rows of 5 stars`), the last bare option letter |
//! | 310 | math qualifying the statement before it in its sentence ("… for all $n$", "… since $x>0$", "(and $r=2$)") |
//!
//! Everything after a closing "Remark:" / "Comment:" heading is looked at
//! only when nothing before it is an answer. GSM8K's calculator
//! annotations `<<3*8=24>>` are never read. A gold that defines functions
//! makes the grader read the prediction's statements `$f(x)=…$ for all $x$`
//! ([`function`]) when no box or answer phrase gives its answer.
//!
//! One module per job: [`scan`] (byte helpers), [`math_span`] (delimiters),
//! [`boxed`] (boxes and their grouping), [`anchor`] (phrases), [`bare`]
//! (answers without delimiters), [`number`] (numbers in prose), [`choice`]
//! (option letters), [`prose`] (prose or answer), [`clean`] (trimming and
//! the syntax to parse with), [`bold`] (bolded results), [`equation`] (the
//! value a closing equation states), [`lead`] (answer-first solutions),
//! [`function`] (functions stated for all arguments).

pub mod anchor;
pub mod bare;
pub mod bold;
pub mod boxed;
pub mod choice;
pub mod clean;
pub mod equation;
pub mod function;
pub mod lead;
pub mod math_span;
pub mod number;
pub mod prose;
pub mod scan;

use std::borrow::Cow;
use std::cell::OnceCell;

use serde::{Deserialize, Serialize};

use crate::compare::Target;
use crate::parse::Syntax;
use crate::span::Span;

use anchor::{find_anchors_with, i_hope_follows, AnchorHit, AnchorKind};
use boxed::{all_boxes, box_runs, make_group, BoxHit, BoxRun};
use choice::{all_choices, ChoiceHit, Form};
use clean::{choose_syntax, finish, finish_owned, has_content};
use math_span::{all_spans, containing, MathSpan, SpanFinder};
use number::{all_numbers, NumberHit};

/// The rule that found an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// `\boxed{…}` / `\fbox{…}`; several boxes forming one answer are
    /// joined with ", ".
    Boxed,
    /// The answer after a final-answer phrase ("the final answer is",
    /// "Answer:", "答案是"), in delimiters, boxed, or bare.
    FinalAnswerPhrase,
    /// A math span `$…$`, `$$…$$`, `\(…\)`, `\[…\]` (spans joined by ","
    /// / "and" / "or" form one answer).
    LatexEnv,
    /// A bare `\frac{1}{2}` of numbers outside math delimiters.
    LatexFraction,
    /// The whole text is the answer.
    WholeText,
    /// A plain-text expression: the whole text, or `10/9` in prose.
    PlainExpr,
    /// A number in prose (`1,000.99`, `.4`, `28 percent`).
    Number,
    /// A multiple-choice letter (`B`, `(B)`, `\textbf{(B)}`).
    OptionLetter,
}

/// One extracted answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// The answer with its delimiters removed. Mostly a substring of the
    /// input; rewritten where noted: joined boxes / spans (", "), "and" /
    /// "or" between bare answers (", "), a percent word after a number (`\%`
    /// or `%`), a number in prose normalized (`1,000.99` → `1000.99`,
    /// `2,74` → `2.74`), a lone word after a phrase as `\text{word}`, an
    /// option letter as the bare letter.
    pub text: String,
    /// Where the answer is written in the input (for joined answers, from
    /// the first to the end of the last).
    pub span: Span,
    pub rule: Rule,
    /// The syntax to parse `text` with (never `Auto`).
    pub syntax: Syntax,
}

/// Math-Verify's default priority of `\boxed{}`: after "final answer is".
pub const DEFAULT_BOXED_PRIORITY: i32 = 50;

const TIER_MINERVA: i32 = 0;
const TIER_ANSWER: i32 = 50;
const TIER_THEREFORE: i32 = 150;
/// The last numeric `\mathbf{…}` in math (before "answer" nearby: a
/// solution's bolded result is its answer).
const TIER_BOLD: i32 = 190;
const TIER_NEAR: i32 = 200;
/// Math that is a whole sentence opened by "Therefore," / "Thus," /
/// "Hence," (a remark may follow it).
const TIER_CONCLUSION: i32 = 220;
/// The extremum an answer-first solution states in its first sentence
/// ("The largest such number is 98721.").
const TIER_LEAD: i32 = 230;
/// An option letter that is the last token of the text.
const TIER_LAST_LETTER: i32 = 240;
const TIER_WHOLE: i32 = 250;
const TIER_LINE_START: i32 = 260;
const TIER_MARKED: i32 = 280;
const TIER_ANY: i32 = 300;
/// Math that qualifies the statement before it in its sentence ("… for
/// all $n$", "… since $x>0$"): after every other candidate.
const TIER_QUALIFIER: i32 = 310;
/// Longest text between a statement and its qualifier, in bytes.
const QUALIFIER_GAP: usize = 40;

/// How many candidates one unanchored rule contributes (its last ones).
const PER_RULE: usize = 6;
/// Most candidates returned.
const MAX_CANDIDATES: usize = 16;
/// How far after "answer" (no "is") a span or number may start.
const NEAR_WINDOW: usize = 50;

/// The part of `text` extraction reads: all of it, or when it is longer
/// than `max` bytes ([`crate::Limits::max_extract_len`]) its last `max`
/// bytes from the first line start in them (else from the first char
/// boundary), so that no line — and no inline math — is cut. A final answer
/// is at the end of a text; this keeps every rule's work bounded on a
/// text of any length.
pub fn window(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut from = text.len() - max;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    match memchr::memchr(b'\n', &text.as_bytes()[from..]) {
        Some(nl) if from + nl + 1 < text.len() => &text[from + nl + 1..],
        _ => &text[from..],
    }
}

/// The best answer, if any (the first of [`extract_all`]).
pub fn extract(input: &str, targets: &[Target], boxed_priority: i32) -> Option<Extraction> {
    first_accepted(input, targets, boxed_priority, Some)
}

/// Every answer candidate in `input` for `targets`, best first (see the
/// module docs for the order). `boxed_priority`: the tier of `\boxed{}`
/// (0 boxed first, 50 after final-answer phrases, negative: boxes are not
/// looked for on their own, though a box inside an answer span still gives
/// the answer).
pub fn extract_all(input: &str, targets: &[Target], boxed_priority: i32) -> Vec<Extraction> {
    // A closing remark ("Remark: the answer for general $a$ and $b$ is …")
    // comes after the solution has stated its answer: look before it
    // first.
    let marks = Marks::of(input);
    if let Some(cut) = marks.remark {
        let found = Doc::new(&input[..cut], &marks.hashes).candidates(targets, boxed_priority);
        if !found.is_empty() {
            return found;
        }
    }
    Doc::new(input, &marks.hashes).candidates(targets, boxed_priority)
}

/// The first candidate of [`extract_all`] that `accept` turns into a
/// value (a grader passes its parser), without building the candidates it
/// never reaches: the cheap tiers (up to [`CHEAP_TIERS`]: boxes and
/// final-answer phrases) come first, and the rules that read the whole
/// text for math spans, numbers and letters run only when none of those
/// is accepted. Always the same as
/// `extract_all(..).into_iter().find_map(accept)`.
pub fn first_accepted<R>(
    input: &str,
    targets: &[Target],
    boxed_priority: i32,
    mut accept: impl FnMut(Extraction) -> Option<R>,
) -> Option<R> {
    // A bare number (`140`, `-5`, `3.25`; most golds) is first the whole
    // text: no rule ranked before it finds anything in digits. Offered
    // without building the document; if it is not accepted, the full
    // list is tried (offering it again, as its first).
    if let Some(ex) = bare_number_whole(input, targets) {
        if let Some(r) = accept(ex) {
            return Some(r);
        }
    }
    let marks = Marks::of(input);
    if let Some(cut) = marks.remark {
        match Doc::new(&input[..cut], &marks.hashes).first_accepted(targets, boxed_priority, &mut accept) {
            Tried::Accepted(r) => return Some(r),
            // `extract_all` keeps a non-empty list from before the remark.
            Tried::NoneAccepted => return None,
            Tried::Empty => {}
        }
    }
    match Doc::new(input, &marks.hashes).first_accepted(targets, boxed_priority, &mut accept) {
        Tried::Accepted(r) => Some(r),
        Tried::NoneAccepted | Tried::Empty => None,
    }
}

/// The whole text as [`Doc::whole_text`] gives it, when it is a bare
/// number (an optional `-`, digits, optionally `.` and digits; at most 30
/// of each) and the targets are LaTeX, with or without plain expressions:
/// then it is the first of [`extract_all`] (the test
/// `a_bare_number_is_first_the_whole_text` holds both to it).
fn bare_number_whole(input: &str, targets: &[Target]) -> Option<Extraction> {
    if !targets.contains(&Target::Latex) || !targets.iter().all(|t| matches!(t, Target::Latex | Target::Expr)) {
        return None;
    }
    let t = input.trim();
    // Longest: a sign, 30 digits, a point, 30 digits. Checked byte by byte,
    // stopping at the first that does not fit (a model output fails at
    // once, without a search through it).
    if t.len() > 62 {
        return None;
    }
    let unsigned = t.strip_prefix('-').unwrap_or(t).as_bytes();
    let int_len = unsigned.iter().take_while(|c| c.is_ascii_digit()).count();
    let frac_len = match &unsigned[int_len..] {
        [] => 0,
        [b'.', frac @ ..] if !frac.is_empty() && frac.iter().all(u8::is_ascii_digit) => frac.len(),
        _ => return None,
    };
    if int_len == 0 || int_len > 30 || frac_len > 30 {
        return None;
    }
    let start = input.len() - input.trim_start().len();
    Some(Extraction { text: t.to_string(), span: Span::new(start, start + t.len()), rule: Rule::WholeText, syntax: Syntax::Latex })
}

/// The highest tier [`first_accepted`] tries before running every rule:
/// the Minerva closing, boxes (at the default priority) and final-answer
/// phrases, which answer most model outputs.
pub const CHEAP_TIERS: i32 = TIER_ANSWER;

/// What trying a text's candidates in order gave.
enum Tried<R> {
    Accepted(R),
    /// There were candidates; none was accepted.
    NoneAccepted,
    /// No candidate at all.
    Empty,
}

/// What a candidate is made from: an extraction already built, or a box
/// group whose text is built only when the candidate is reached (a text
/// may hold many groups; usually only the last is tried).
enum Source {
    Built(Extraction),
    /// The box group of this index in [`Doc::groups`], by the boxed rule.
    Group(usize),
    /// The math item of this index in [`Doc::items`] as the answer a
    /// solution closes with ([`Doc::closing_extraction`]).
    Closing(usize),
}

/// A candidate before ranking.
struct Candidate {
    src: Source,
    tier: i32,
    /// Where the matched text ends (later is better within a tier).
    end: usize,
    /// The target's position in the caller's list.
    rank: usize,
}

/// The candidates of one pass over the rules. A pass may keep only the
/// tiers in `min_tier < tier <= max_tier`: the kept ones are then pushed
/// in the same relative order as in a full pass, so after the (stable)
/// sort they are exactly the full list's run of those tiers.
struct Collector {
    cands: Vec<Candidate>,
    min_tier: i32,
    max_tier: i32,
}

impl Collector {
    fn new(min_tier: i32, max_tier: i32) -> Collector {
        Collector { cands: Vec::new(), min_tier, max_tier }
    }

    /// Candidates of `tier` may be kept by this pass (a rule that only
    /// produces higher tiers is skipped otherwise: its work is not
    /// needed).
    fn wants(&self, tier: i32) -> bool {
        tier <= self.max_tier
    }

    /// Candidates of some tier in `lowest..=highest` are kept by this pass.
    fn wants_any(&self, lowest: i32, highest: i32) -> bool {
        lowest <= self.max_tier && highest > self.min_tier
    }

    fn keeps(&self, tier: i32) -> bool {
        self.min_tier < tier && tier <= self.max_tier
    }

    fn push(&mut self, tier: i32, end: usize, rank: usize, ex: Extraction) {
        if ex.text.is_empty() || !self.keeps(tier) {
            return;
        }
        self.cands.push(Candidate { src: Source::Built(ex), tier, end, rank });
    }

    /// A candidate built when reached ([`Source::Group`],
    /// [`Source::Closing`]).
    fn push_lazy(&mut self, tier: i32, end: usize, rank: usize, src: Source) {
        if self.keeps(tier) {
            self.cands.push(Candidate { src, tier, end, rank });
        }
    }

    /// The candidates in rank order, not yet built.
    fn sorted(mut self) -> Vec<Candidate> {
        // Stable: equal keys keep the order they were found in.
        self.cands.sort_by_key(|c| (c.tier, std::cmp::Reverse(c.end), c.rank));
        self.cands
    }
}

/// The candidates given out so far, best first: a candidate equal to one
/// of them (same text and syntax) is dropped, and at most
/// [`MAX_CANDIDATES`] are given.
#[derive(Default)]
struct Given {
    seen: Vec<(String, Syntax)>,
}

impl Given {
    fn full(&self) -> bool {
        self.seen.len() == MAX_CANDIDATES
    }

    /// `c` built, if it is given out (not empty, not a repeat, room left).
    fn give(&mut self, doc: &Doc<'_>, c: Candidate) -> Option<Extraction> {
        if self.full() {
            return None;
        }
        let ex = match c.src {
            Source::Built(ex) => ex,
            // An empty one is dropped, as `Collector::push` drops a built one.
            Source::Group(k) => Some(doc.group_extraction(k)).filter(|ex| !ex.text.is_empty())?,
            Source::Closing(k) => Some(doc.closing_extraction(&doc.items()[k])).filter(|ex| !ex.text.is_empty())?,
        };
        if self.seen.iter().any(|(t, syn)| *t == ex.text && *syn == ex.syntax) {
            return None;
        }
        self.seen.push((ex.text.clone(), ex.syntax));
        Some(ex)
    }
}

/// An answer found at a position.
struct Found {
    text: String,
    span: Span,
    syntax: Syntax,
    /// The end of what was matched, delimiters included.
    end: usize,
}

/// A run of math spans joined by "," / "and" / "or", or a box group
/// outside math spans.
struct MathItem {
    span: Span,
    text: String,
    /// A box group, not math spans.
    boxed: bool,
}

/// The input and what every rule shares: spans, boxes, phrases. Each part
/// is found on first use: a pass that stops at the cheap tiers, or a
/// target that never reads boxes, does not pay for the others.
struct Doc<'a> {
    s: &'a str,
    spans: OnceCell<Vec<MathSpan>>,
    boxes: OnceCell<Vec<BoxHit>>,
    groups: OnceCell<Vec<BoxRun>>,
    anchors: Vec<AnchorHit>,
    /// Span runs and box groups outside spans, in order (only the rules
    /// after the cheap tiers read them).
    items: OnceCell<Vec<MathItem>>,
    /// The whole text (trimmed) reads as prose: asked by two rules.
    prose: OnceCell<bool>,
    /// Words outside the math spans (asked by each closing extraction).
    words_outside_math: OnceCell<bool>,
}

impl<'a> Doc<'a> {
    /// `hashes`: where `#` is in a text `s` begins ([`Marks`]).
    fn new(s: &'a str, hashes: &[usize]) -> Doc<'a> {
        let anchors = keep_last_anchors(find_anchors_with(s, hashes));
        Doc {
            s,
            spans: OnceCell::new(),
            boxes: OnceCell::new(),
            groups: OnceCell::new(),
            anchors,
            items: OnceCell::new(),
            prose: OnceCell::new(),
            words_outside_math: OnceCell::new(),
        }
    }

    fn spans(&self) -> &[MathSpan] {
        self.spans.get_or_init(|| all_spans(self.s))
    }

    fn boxes(&self) -> &[BoxHit] {
        self.boxes.get_or_init(|| all_boxes(self.s))
    }

    fn groups(&self) -> &[BoxRun] {
        self.groups.get_or_init(|| {
            let boxes = self.boxes();
            // The spans only tell whether two boxes share one.
            let spans = if boxes.len() < 2 { &[][..] } else { self.spans() };
            box_runs(self.s, boxes, spans)
        })
    }

    /// The joined contents of box group `k`.
    fn group_text(&self, k: usize) -> String {
        let g = self.groups()[k];
        make_group(self.s, self.boxes(), g.first, g.last).text
    }

    /// Box group `k` as the boxed rule's answer.
    fn group_extraction(&self, k: usize) -> Extraction {
        let span = self.groups()[k].span;
        let text = with_percent(self.s, span.end, self.group_text(k));
        let syntax = choose_syntax(&text);
        Extraction { text: finish_owned(text, syntax), span, rule: Rule::Boxed, syntax }
    }

    /// [`prose::looks_like_prose`] of the trimmed text.
    fn whole_is_prose(&self) -> bool {
        *self.prose.get_or_init(|| prose::looks_like_prose(self.s.trim()))
    }

    fn items(&self) -> &[MathItem] {
        self.items.get_or_init(|| self.math_items())
    }

    /// The candidates for `targets` of tiers in `min_tier < tier <=
    /// max_tier`, best first, not yet built.
    fn collect(&self, targets: &[Target], boxed_priority: i32, min_tier: i32, max_tier: i32) -> Vec<Candidate> {
        let mut out = Collector::new(min_tier, max_tier);
        // The kinds of target seen so far, one bit each (no list to allocate).
        let mut seen = 0u8;
        for &t in targets {
            let bit = 1u8 << (t as u8);
            if seen & bit != 0 {
                continue;
            }
            seen |= bit;
            let rank = seen.count_ones() as usize - 1;
            match t {
                Target::Latex => self.latex(rank, boxed_priority, &mut out),
                Target::Expr => self.expr(rank, targets.contains(&Target::Latex), &mut out),
                Target::String => self.string(rank, &mut out),
            }
        }
        out.sorted()
    }

    /// Every candidate for `targets`, best first.
    fn candidates(&self, targets: &[Target], boxed_priority: i32) -> Vec<Extraction> {
        let mut given = Given::default();
        let cands = self.collect(targets, boxed_priority, i32::MIN, i32::MAX);
        cands.into_iter().filter_map(|c| given.give(self, c)).collect()
    }

    /// The candidates in order until `accept` takes one, each built only
    /// when reached: the cheap tiers first, then (only if needed) the
    /// tiers past them. The two runs together are the full list (see
    /// [`Collector`]), so the candidates tried are exactly the full
    /// list's.
    fn first_accepted<R>(
        &self,
        targets: &[Target],
        boxed_priority: i32,
        accept: &mut impl FnMut(Extraction) -> Option<R>,
    ) -> Tried<R> {
        let mut given = Given::default();
        for (lo, hi) in [(i32::MIN, CHEAP_TIERS), (CHEAP_TIERS, i32::MAX)] {
            if given.full() {
                break;
            }
            for c in self.collect(targets, boxed_priority, lo, hi) {
                if let Some(r) = given.give(self, c).and_then(&mut *accept) {
                    return Tried::Accepted(r);
                }
            }
        }
        if given.seen.is_empty() {
            Tried::Empty
        } else {
            Tried::NoneAccepted
        }
    }

    // ----- the latex target -----

    fn latex(&self, rank: usize, boxed_priority: i32, out: &mut Collector) {
        let s = self.s;
        if boxed_priority >= 0 && out.wants_any(boxed_priority, boxed_priority) {
            let groups = self.groups();
            for k in (0..groups.len()).rev().take(PER_RULE) {
                out.push_lazy(boxed_priority, groups[k].span.end, rank, Source::Group(k));
            }
        }
        self.anchored(rank, true, out);
        // The rules below give tiers past the cheap ones: a cheap pass
        // skips their work (see `Collector::wants`).
        if !out.wants(TIER_BOLD.min(TIER_NEAR)) {
            return;
        }
        for a in self.anchors.iter().filter(|a| a.kind == AnchorKind::AnswerNear) {
            if let Some(item) = self.first_item_near(a.answer_from) {
                out.push(TIER_NEAR, item.span.end, rank, self.item_extraction(item, Rule::FinalAnswerPhrase));
            }
        }
        if let Some((span, raw)) = bold::last_bold_answer(s, self.spans()) {
            let text = clean::trim_answer(&raw).to_string();
            let syntax = choose_syntax(&text);
            let ex = Extraction { text: finish(&text, syntax), span, rule: Rule::LatexEnv, syntax };
            out.push(TIER_BOLD, span.end, rank, ex);
        }
        if let Some((span, raw)) = lead::leading_claim(s) {
            let syntax = choose_syntax(&raw);
            let ex = Extraction { text: finish(&raw, syntax), span, rule: Rule::FinalAnswerPhrase, syntax };
            out.push(TIER_LEAD, span.end, rank, ex);
        }
        if let Some(ex) = self.whole_text().or_else(|| self.whole_text_unwrapped()) {
            out.push(TIER_WHOLE, s.len(), rank, ex);
        }
        let items = self.items();
        let unboxed: Vec<usize> = (0..items.len()).filter(|&i| !items[i].boxed).collect();
        for (k, &i) in unboxed.iter().enumerate().rev().take(PER_RULE) {
            let item = &items[i];
            let qualifies = k > 0 && self.qualifies(&items[unboxed[k - 1]], item);
            let tier = if qualifies { TIER_QUALIFIER } else { TIER_ANY };
            out.push_lazy(tier, item.span.end, rank, Source::Closing(i));
        }
        if let Some(i) = self.last_conclusion() {
            out.push_lazy(TIER_CONCLUSION, items[i].span.end, rank, Source::Closing(i));
        }
        for (span, text) in bare_fractions(s, self.spans(), self.boxes()).into_iter().rev().take(PER_RULE) {
            let ex = Extraction { text, span, rule: Rule::LatexFraction, syntax: Syntax::Latex };
            out.push(TIER_ANY, span.end, rank, ex);
        }
    }

    /// `item` qualifies the statement `prev` makes in the same sentence:
    /// "$f(n)=n$ for all $n$", "$\sin x=\frac34$ since $\sin x>0$
    /// because $0<x<90$", "$pq=5$ (and $r=-2$)": a quantified variable, a
    /// reason or an aside, not what the sentence states.
    fn qualifies(&self, prev: &MathItem, item: &MathItem) -> bool {
        let gap = &self.s[prev.span.end.min(item.span.start)..item.span.start];
        if gap.len() > QUALIFIER_GAP || gap.contains('\n') || gap.contains(". ") {
            return false;
        }
        let g = gap.trim_end();
        if g.ends_with('(') || g.strip_suffix("and").is_some_and(|x| x.trim_end().ends_with('(')) {
            return true;
        }
        let words: Vec<&str> = gap.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).collect();
        match words.as_slice() {
            [.., "for", q] => matches!(*q, "all" | "every" | "each" | "any"),
            [.., w] => matches!(*w, "since" | "because"),
            _ => false,
        }
    }

    /// A math item as the answer a solution closes with. A closing equation
    /// in prose states its value: "Therefore, $m + n = 1$." (a lone
    /// equation is an answer of its own).
    fn closing_extraction(&self, item: &MathItem) -> Extraction {
        let mut ex = self.item_extraction(item, Rule::LatexEnv);
        if let Some(v) = equation::stated_value(&ex.text).filter(|_| self.has_prose_outside_math()) {
            ex.text = finish(v, Syntax::Latex);
            ex.syntax = Syntax::Latex;
        }
        ex
    }

    /// The last concluding sentence ([`Doc::is_conclusion`]), when no
    /// equation follows it: what comes after is a remark or a check
    /// ("That is, the 5th and 15th terms …", "(We note that $a>0$ …)"),
    /// not a further step (`Thus, $y=2x+3$. When $x=4$, $y=11$.`).
    fn last_conclusion(&self) -> Option<usize> {
        let items = self.items();
        for (i, item) in items.iter().enumerate().rev().filter(|(_, i)| !i.boxed) {
            if self.is_conclusion(item) {
                return Some(i);
            }
            if has_top_level_equals(&item.text) {
                return None;
            }
        }
        None
    }

    /// A sentence that is a conclusion and nothing else: "Therefore,"
    /// (or "Thus," / "Hence,") opening a sentence, then this item, then the
    /// sentence's end: "Therefore, $n=5$ or $n=15$." A remark may follow
    /// it; what it concludes is the answer.
    fn is_conclusion(&self, item: &MathItem) -> bool {
        let s = self.s;
        let lead = s[..item.span.start].trim_end_matches([' ', '\t']);
        let Some(word_end) = lead.strip_suffix(',').map(str::len) else { return false };
        let Some(word) = CONCLUSION_WORDS.iter().find(|w| s[..word_end].ends_with(**w)) else { return false };
        let before = s[..word_end - word.len()].trim_end_matches([' ', '\t']);
        let opens_sentence = before.is_empty() || before.ends_with(['\n', '.', '!', ':']);
        opens_sentence && ends_sentence(s, item.span.end)
    }

    /// [`Doc::has_words_outside_math`], found once.
    fn has_prose_outside_math(&self) -> bool {
        *self.words_outside_math.get_or_init(|| self.has_words_outside_math())
    }

    /// A word (three ASCII letters in a row) outside math spans: the text
    /// is prose around its math.
    fn has_words_outside_math(&self) -> bool {
        let b = self.s.as_bytes();
        let mut from = 0;
        let spans = self.spans();
        let mut gaps: Vec<(usize, usize)> = Vec::with_capacity(spans.len() + 1);
        for sp in spans {
            gaps.push((from, sp.outer.start.max(from)));
            from = from.max(sp.outer.end);
        }
        gaps.push((from, b.len()));
        gaps.iter().any(|&(a, z)| {
            let mut run = 0;
            b[a..z].iter().any(|c| {
                run = if c.is_ascii_alphabetic() { run + 1 } else { 0 };
                run >= 3
            })
        })
    }

    /// Answers announced by phrases ("the answer is X"): in delimiters,
    /// boxed, or bare. `bare` also allows answers without delimiters.
    fn anchored(&self, rank: usize, bare: bool, out: &mut Collector) {
        let mut finder = SpanFinder::new(self.s);
        for a in &self.anchors {
            let base_tier = match a.kind {
                AnchorKind::FinalAnswerIs | AnchorKind::Answer => TIER_ANSWER,
                AnchorKind::Therefore => TIER_THEREFORE,
                _ => continue,
            };
            let lowest = if a.kind == AnchorKind::FinalAnswerIs { TIER_MINERVA } else { base_tier };
            if !out.wants_any(lowest, base_tier) {
                continue;
            }
            let Some(found) = self.answer_at(&mut finder, a.answer_from, bare) else { continue };
            let tier = if a.kind == AnchorKind::FinalAnswerIs && i_hope_follows(self.s, found.end) {
                TIER_MINERVA
            } else {
                base_tier
            };
            let ex =
                Extraction { text: found.text, span: found.span, rule: Rule::FinalAnswerPhrase, syntax: found.syntax };
            out.push(tier, found.end, rank, ex);
        }
    }

    /// The answer that starts at `pos` (after spaces and emphasis): a box
    /// group, a run of math spans, or (with `bare`) text up to the end of
    /// the sentence.
    fn answer_at(&self, finder: &mut SpanFinder<'_>, pos: usize, bare: bool) -> Option<Found> {
        let s = self.s;
        let b = s.as_bytes();
        let p = skip_answer_lead(b, pos);
        if p >= b.len() {
            return None;
        }
        {
            let boxes = self.boxes();
            let k = boxes.partition_point(|bx| bx.outer.start < p);
            if boxes.get(k).is_some_and(|bx| bx.outer.start == p) {
                let groups = self.groups();
                let gi = groups.partition_point(|g| g.last < k);
                let last = groups.get(gi).filter(|g| g.first <= k).map_or(k, |g| g.last);
                let g = make_group(s, boxes, k, last);
                return Some(self.found(g.text, g.span, g.span.end));
            }
        }
        if let Some(first) = finder.span_at(p) {
            let mut parts = vec![self.span_text(&first)];
            let mut last = first;
            while parts.len() < 6 {
                let next_start = skip_span_connective(s, last.outer.end);
                let Some(next) = next_start.and_then(|q| finder.span_at(q)) else { break };
                let t = self.span_text(&next);
                if !parts.contains(&t) {
                    parts.push(t);
                }
                last = next;
            }
            let span = Span::new(first.inner.start, last.inner.end);
            return Some(self.found(parts.join(", "), span, last.outer.end));
        }
        if !bare {
            return None;
        }
        let found = bare::bare_answer(s, p)?;
        let syntax = choose_syntax(&found.text);
        let text = finish(&found.text, syntax);
        has_content(&text).then_some(Found { text, span: found.span, syntax, end: found.span.end })
    }

    fn found(&self, text: String, span: Span, end: usize) -> Found {
        let text = with_percent(self.s, end, text);
        let syntax = choose_syntax(&text);
        Found { text: finish_owned(text, syntax), span, syntax, end }
    }

    /// A math span's answer: the boxes inside it, if any, else its content.
    fn span_text(&self, sp: &MathSpan) -> Cow<'a, str> {
        let s = self.s;
        let boxes = self.boxes();
        let first = boxes.partition_point(|bx| bx.outer.start < sp.inner.start);
        let mut last = first;
        while last < boxes.len() && boxes[last].outer.end <= sp.inner.end {
            last += 1;
        }
        if last > first {
            return Cow::Owned(make_group(s, boxes, first, last - 1).text);
        }
        Cow::Borrowed(clean::trim_answer(&s[sp.inner.start..sp.inner.end]))
    }

    /// Runs of math spans (joined by connectives) and box groups outside
    /// math spans, in order.
    fn math_items(&self) -> Vec<MathItem> {
        let s = self.s;
        let spans = self.spans();
        let mut items = Vec::new();
        let mut k = 0;
        while k < spans.len() {
            let first = spans[k];
            let mut parts = vec![self.span_text(&first)];
            let mut last = first;
            while k + 1 < spans.len() && parts.len() < 6 {
                let next = spans[k + 1];
                if skip_span_connective(s, last.outer.end) != Some(next.outer.start) {
                    break;
                }
                let t = self.span_text(&next);
                if !parts.contains(&t) {
                    parts.push(t);
                }
                last = next;
                k += 1;
            }
            let text = with_percent(s, last.outer.end, parts.join(", "));
            items.push(MathItem { span: Span::new(first.outer.start, last.outer.end), text, boxed: false });
            k += 1;
        }
        for (gk, g) in self.groups().iter().enumerate() {
            if containing(spans, g.span.start).is_none() {
                let text = with_percent(s, g.span.end, self.group_text(gk));
                items.push(MathItem { span: g.span, text, boxed: true });
            }
        }
        items.sort_by_key(|i| i.span.start);
        items
    }

    fn item_extraction(&self, item: &MathItem, rule: Rule) -> Extraction {
        let syntax = choose_syntax(&item.text);
        Extraction { text: finish(&item.text, syntax), span: item.span, rule, syntax }
    }

    /// The first math item starting within [`NEAR_WINDOW`] bytes of `from`.
    fn first_item_near(&self, from: usize) -> Option<&MathItem> {
        let items = self.items();
        let k = items.partition_point(|i| i.span.start < from);
        items.get(k).filter(|i| i.span.start <= from + NEAR_WINDOW && !has_blank_line(&self.s[from..i.span.start]))
    }

    /// The whole input, when it reads as one answer: no math delimiters,
    /// not prose.
    fn whole_text(&self) -> Option<Extraction> {
        let s = self.s;
        let t = s.trim();
        if t.is_empty() || !self.spans().is_empty() || has_math_delimiter(t) || self.whole_is_prose() {
            return None;
        }
        let syntax = choose_syntax(t);
        let text = finish(t, syntax);
        if !has_content(&text) {
            return None;
        }
        let start = s.len() - s.trim_start().len();
        Some(Extraction { text, span: Span::new(start, start + t.len()), rule: Rule::WholeText, syntax })
    }

    /// The whole input, when it is math whose outer `$` were stripped:
    /// `69$,$84`, `f(n)=n$, $g(n)=1`, `x \cos t+$ $\dot{x} \sin t` (a
    /// dataset's `$69$, $84$` with its first and last `$` removed). Read as
    /// `$…$` it is math spans with nothing but punctuation and spaces
    /// between them; the answer is the text without the `$`. Text between
    /// the spans (`f(x)=ax+b$, where $b$ is an integer`) is prose: no.
    fn whole_text_unwrapped(&self) -> Option<Extraction> {
        let s = self.s;
        let t = s.trim();
        if !t.contains('$') || t.starts_with('$') || t.ends_with('$') || t.contains("\\$") || t.contains("$$") {
            return None;
        }
        let pieces: Vec<&str> = t.split('$').collect();
        // Wrapped in `$…$`, the even pieces are math and the odd ones lie
        // between two spans.
        let between_ok = pieces.len() % 2 == 1
            && pieces.iter().skip(1).step_by(2).all(|g| g.chars().all(|c| c.is_whitespace() || matches!(c, ',' | ';' | '，')));
        if !between_ok || pieces.iter().step_by(2).any(|m| !has_content(m)) {
            return None;
        }
        let joined = pieces.concat();
        let syntax = choose_syntax(&joined);
        let text = finish(&joined, syntax);
        let start = s.len() - s.trim_start().len();
        Some(Extraction { text, span: Span::new(start, start + t.len()), rule: Rule::WholeText, syntax })
    }

    // ----- the expr target -----

    fn expr(&self, rank: usize, with_latex: bool, out: &mut Collector) {
        let s = self.s;
        if !with_latex {
            self.anchored(rank, true, out);
        }
        // Numbers after phrases.
        for a in &self.anchors {
            let tier = match a.kind {
                AnchorKind::FinalAnswerIs | AnchorKind::Answer => TIER_ANSWER,
                AnchorKind::Therefore => TIER_THEREFORE,
                AnchorKind::AnswerNear => TIER_NEAR,
                _ => continue,
            };
            let lowest = if a.kind == AnchorKind::FinalAnswerIs { TIER_MINERVA } else { tier };
            if !out.wants_any(lowest, tier) {
                continue;
            }
            if let Some(hit) = first_number_near(s, a.answer_from) {
                let tier = if a.kind == AnchorKind::FinalAnswerIs && i_hope_follows(s, hit.span.end) {
                    TIER_MINERVA
                } else {
                    tier
                };
                out.push(tier, hit.span.end, rank, number_extraction(hit));
            }
        }
        if !out.wants(TIER_WHOLE.min(TIER_ANY)) {
            return;
        }
        if let Some(ex) = self.whole_plain_expr() {
            out.push(TIER_WHOLE, s.len(), rank, ex);
        }
        let skip = self.number_skips(with_latex);
        let numbers = all_numbers(s, 0, s.len(), &skip);
        // The result the last sentence states after its last `=`, before
        // the words about what it counts: it ranks as the sentence's end.
        if let Some(last) = numbers.last() {
            if let Some(hit) = number::stated_result(s, last, &skip) {
                out.push(TIER_ANY, last.span.end, rank, number_extraction(hit));
            }
        }
        for hit in numbers.into_iter().rev().take(PER_RULE) {
            let end = hit.span.end;
            out.push(TIER_ANY, end, rank, number_extraction(hit));
        }
    }

    /// The whole input as a plain expression: no LaTeX markup, not prose,
    /// and not a number followed by a unit word (`1,000.99m²` is the
    /// number 1000.99 in prose).
    fn whole_plain_expr(&self) -> Option<Extraction> {
        let s = self.s;
        let t = s.trim();
        if t.is_empty() || t.contains(['\\', '{', '}', '$']) || self.whole_is_prose() {
            return None;
        }
        // A lone number, or a number with a unit or currency, is the
        // number rule's.
        if let Some(h) = number::number_at(t, 0) {
            let rest = t[h.span.end..].trim_start();
            if !rest.starts_with(['+', '-', '*', '/', '^', '×', '÷', '=', '<', '>', '!', ',', '(']) {
                return None;
            }
        }
        let syntax = Syntax::Plain;
        let text = finish(t, syntax);
        let start = s.len() - s.trim_start().len();
        has_content(&text).then(|| Extraction {
            text,
            span: Span::new(start, start + t.len()),
            rule: Rule::PlainExpr,
            syntax,
        })
    }

    /// Where numbers in prose are not looked for: calculator annotations
    /// `<<3*8=24>>` (working, not an answer), and with the latex target
    /// math spans and boxes (their numbers are its). Sorted, merged.
    fn number_skips(&self, with_latex: bool) -> Vec<Span> {
        let mut r = number::calc_annotations(self.s);
        if with_latex {
            r.extend(self.spans().iter().map(|sp| sp.outer).chain(self.boxes().iter().map(|b| b.outer)));
        }
        merge_spans(r)
    }

    // ----- the string target -----

    fn string(&self, rank: usize, out: &mut Collector) {
        let s = self.s;
        let choices = all_choices(s);
        let ex = |h: &ChoiceHit| Extraction {
            text: h.letter.to_string(),
            span: h.span,
            rule: Rule::OptionLetter,
            syntax: Syntax::Plain,
        };
        for a in &self.anchors {
            let tier = match a.kind {
                AnchorKind::FinalAnswerIs | AnchorKind::Answer | AnchorKind::Choose => TIER_ANSWER,
                AnchorKind::AnswerNear => TIER_NEAR,
                _ => continue,
            };
            let lowest = if a.kind == AnchorKind::FinalAnswerIs { TIER_MINERVA } else { tier };
            if !out.wants_any(lowest, tier) {
                continue;
            }
            let k = choices.partition_point(|h| h.span.start < a.answer_from);
            if let Some(h) = choices.get(k).filter(|h| h.span.start <= a.answer_from + NEAR_WINDOW) {
                if s[a.answer_from..h.span.start].contains('\n') && a.kind != AnchorKind::Answer {
                    continue;
                }
                let tier = if a.kind == AnchorKind::FinalAnswerIs && i_hope_follows(s, h.span.end) {
                    TIER_MINERVA
                } else {
                    tier
                };
                // The letter answers the phrase: what follows it in the
                // sentence ("option D) 61.") is that option's content.
                out.push(tier, choice_sentence_end(s, h.span.end), rank, ex(h));
            }
        }
        if !out.wants(TIER_LAST_LETTER.min(TIER_LINE_START)) {
            return;
        }
        // A letter that ends the text (`… = 0.16/0.8 = 0.2\nA`) is the
        // option the working arrives at.
        if let Some(h) = choices.last().filter(|h| s[h.span.end..].trim_end_matches(['.', ' ', '\t', '\n', '\r']).is_empty()) {
            out.push(TIER_LAST_LETTER, h.span.end, rank, ex(h));
        }
        let (mut marked, mut any, mut lines) = (0, 0, 0);
        for h in choices.iter().rev() {
            if marked == PER_RULE && any == PER_RULE && lines == PER_RULE {
                break;
            }
            let before = s[..h.span.start].trim_end_matches([' ', '\t', '*']);
            if lines < PER_RULE && (before.is_empty() || before.ends_with('\n')) {
                lines += 1;
                out.push(TIER_LINE_START, h.span.end, rank, ex(h));
            }
            if h.form == Form::Marked && marked < PER_RULE {
                marked += 1;
                out.push(TIER_MARKED, h.span.end, rank, ex(h));
            }
            if any < PER_RULE {
                any += 1;
                out.push(TIER_ANY, h.span.end, rank, ex(h));
            }
        }
    }
}

/// What a text is first searched for, in one pass over it: where a remark
/// after the solution starts, and every `#` (GSM8K's `####` answer line).
/// Both are rare bytes: the capitals that may start "Remark" / "Comment",
/// and `#`.
struct Marks {
    /// The first line (not the text's first) that opens with "Remark" /
    /// "Remarks" / "Comment" and `:` or `.`, optionally after `**` / `#`
    /// markup.
    remark: Option<usize>,
    hashes: Vec<usize>,
}

impl Marks {
    fn of(s: &str) -> Marks {
        let b = s.as_bytes();
        let mut marks = Marks { remark: None, hashes: Vec::new() };
        for at in memchr::memchr3_iter(b'R', b'C', b'#', b) {
            if b[at] == b'#' {
                marks.hashes.push(at);
            } else if marks.remark.is_none() {
                // In text order, the first heading found is on the first
                // such line.
                marks.remark = remark_at(b, at);
            }
        }
        marks
    }
}

/// [`Marks::remark`] of `s`.
#[cfg(test)]
fn remark_start(s: &str) -> Option<usize> {
    Marks::of(s).remark
}

/// The start of the remark heading's line when the capital at `at` starts
/// its word: a heading's word is the first thing on its line after
/// markup, so walk back over the markup to the line break.
fn remark_at(b: &[u8], at: usize) -> Option<usize> {
    if !(b[at..].starts_with(b"Remark") || b[at..].starts_with(b"Comment")) {
        return None;
    }
    let mut j = at;
    while j > 0 && matches!(b[j - 1], b' ' | b'\t' | b'*' | b'#') {
        j -= 1;
    }
    (j > 0 && b[j - 1] == b'\n' && is_remark_heading(b, j)).then_some(j)
}

fn is_remark_heading(b: &[u8], line: usize) -> bool {
    let mut j = line;
    while j < b.len() && matches!(b[j], b' ' | b'\t' | b'*' | b'#') {
        j += 1;
    }
    let Some(w) = ["Remark", "Comment"].iter().find(|w| b[j..].starts_with(w.as_bytes())) else { return false };
    j += w.len();
    if b.get(j) == Some(&b's') {
        j += 1;
    }
    while b.get(j) == Some(&b'*') {
        j += 1;
    }
    matches!(b.get(j), Some(b':' | b'.'))
}

/// Most phrases of one kind looked at (the last ones): keeps the work
/// bounded on pathological inputs.
const MAX_ANCHORS_PER_KIND: usize = 64;

fn keep_last_anchors(all: Vec<AnchorHit>) -> Vec<AnchorHit> {
    let mut counts = [0usize; 5];
    let mut kept: Vec<AnchorHit> = Vec::new();
    for a in all.into_iter().rev() {
        let k = match a.kind {
            AnchorKind::FinalAnswerIs => 0,
            AnchorKind::Answer => 1,
            AnchorKind::Choose => 2,
            AnchorKind::AnswerNear => 3,
            AnchorKind::Therefore => 4,
        };
        if counts[k] < MAX_ANCHORS_PER_KIND {
            counts[k] += 1;
            kept.push(a);
        }
    }
    kept.reverse();
    kept
}

/// Skip what may precede an announced answer: spaces, emphasis, up to two
/// line breaks.
fn skip_answer_lead(b: &[u8], mut p: usize) -> usize {
    let mut newlines = 0;
    while p < b.len() {
        match b[p] {
            b'\n' if newlines < 2 => newlines += 1,
            b' ' | b'\t' | b'\r' | b'*' => {}
            _ => break,
        }
        p += 1;
    }
    p
}

/// After a math span ending at `end`: if only a connective ("," / "and" /
/// "or" / "和" / "或" / "、") and spaces follow, where the next span may
/// start.
fn skip_span_connective(s: &str, end: usize) -> Option<usize> {
    let rest = &s[end..];
    let t = rest.trim_start_matches([' ', '\t']);
    let mut q = end + (rest.len() - t.len());
    let mut saw = false;
    for sep in [",", "，", "、"] {
        if s[q..].starts_with(sep) {
            q += sep.len();
            saw = true;
            break;
        }
    }
    let t = &s[q..];
    let t2 = t.trim_start_matches([' ', '\t']);
    q += t.len() - t2.len();
    for w in ["and ", "or ", "和", "或", "以及"] {
        if s[q..].starts_with(w) {
            q += w.len();
            saw = true;
            break;
        }
    }
    let t = &s[q..];
    q += t.len() - t.trim_start_matches([' ', '\t']).len();
    (saw && matches!(s.as_bytes().get(q), Some(b'$' | b'\\'))).then_some(q)
}

/// Spans sorted and overlapping ones merged.
fn merge_spans(mut r: Vec<Span>) -> Vec<Span> {
    r.sort_by_key(|sp| sp.start);
    let mut merged: Vec<Span> = Vec::with_capacity(r.len());
    for sp in r {
        match merged.last_mut() {
            Some(last) if sp.start <= last.end => last.end = last.end.max(sp.end),
            _ => merged.push(sp),
        }
    }
    merged
}

/// An `=` outside braces: the math states an equation.
fn has_top_level_equals(t: &str) -> bool {
    let mut depth = 0usize;
    t.bytes().any(|c| {
        match c {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        c == b'=' && depth == 0
    })
}

/// Words that open a concluding sentence ("Therefore, $x=2$.").
const CONCLUSION_WORDS: [&str; 3] = ["Therefore", "Thus", "Hence"];

/// The sentence ends at `end`: spaces, then `.` / `!` before whitespace or
/// the end of the text, or a line break, or the end.
fn ends_sentence(s: &str, end: usize) -> bool {
    let rest = s[end..].trim_start_matches([' ', '\t']);
    let rest = rest.strip_prefix(['.', '!']).unwrap_or(rest);
    rest.is_empty() || rest.starts_with(char::is_whitespace)
}

/// How far after an option letter the rest of its sentence may run.
const CHOICE_TAIL: usize = 80;

/// The end of the sentence an option letter ending at `end` stands in: the
/// next line break, or a `.` / `!` / `;` before a space or the end, within
/// [`CHOICE_TAIL`] bytes (else `end`).
fn choice_sentence_end(s: &str, end: usize) -> usize {
    let b = s.as_bytes();
    let limit = (end + CHOICE_TAIL).min(b.len());
    let mut i = end;
    while i < limit {
        match b[i] {
            b'\n' => return i,
            b'.' | b'!' | b';' if b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()) => return i + 1,
            _ => {}
        }
        i += 1;
    }
    if limit == b.len() {
        limit
    } else {
        end
    }
}

fn has_blank_line(gap: &str) -> bool {
    gap.contains("\n\n")
}

/// A math delimiter, closed or not: `$` (not `\$`), `\(`, `\)`, `\[`, `\]`.
fn has_math_delimiter(t: &str) -> bool {
    let b = t.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        (c == b'$' && !scan::is_escaped(b, i))
            || (c == b'\\' && matches!(b.get(i + 1), Some(b'(' | b')' | b'[' | b']')) && !scan::is_escaped(b, i))
    })
}

/// A percent sign or word right after an answer ending at `end` (after
/// closing delimiters): append `\%` to `text`.
fn with_percent(s: &str, end: usize, mut text: String) -> String {
    if text.ends_with('%') {
        return text;
    }
    let b = s.as_bytes();
    let mut j = end;
    while j < b.len() && (matches!(b[j], b' ' | b'$') || (b[j] == b'\\' && matches!(b.get(j + 1), Some(b')' | b']')))) {
        j += if b[j] == b'\\' { 2 } else { 1 };
    }
    let rest = &s[j..];
    let is_pct = rest.starts_with("\\%")
        || rest.starts_with('%')
        || ["percentage", "percent", "pct"]
            .iter()
            .any(|w| scan::starts_with_ci(b, j, w) && !b.get(j + w.len()).is_some_and(u8::is_ascii_alphabetic));
    if is_pct {
        text.push_str("\\%");
    }
    text
}

/// The first number or expression within [`NEAR_WINDOW`] bytes after
/// `from`, on the same line.
fn first_number_near(s: &str, from: usize) -> Option<NumberHit> {
    let mut to = (from + NEAR_WINDOW).min(s.len());
    while !s.is_char_boundary(to) {
        to -= 1;
    }
    if let Some(nl) = s[from..to].find('\n') {
        to = from + nl;
    }
    // A number may run past the window's end.
    let mut limit = (to + 2 * NEAR_WINDOW).min(s.len());
    while !s.is_char_boundary(limit) {
        limit -= 1;
    }
    all_numbers(s, from, limit, &[]).into_iter().next().filter(|h| h.span.start < to)
}

fn number_extraction(hit: NumberHit) -> Extraction {
    let rule = if hit.is_expr { Rule::PlainExpr } else { Rule::Number };
    Extraction { text: hit.text, span: hit.span, rule, syntax: Syntax::Plain }
}

/// Bare `\frac{1}{2}` (also `\dfrac`, `\tfrac`, with a sign, decimals)
/// outside math spans and boxes.
fn bare_fractions(s: &str, spans: &[MathSpan], boxes: &[BoxHit]) -> Vec<(Span, String)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = s[from..].find("frac{") {
        let at = from + rel;
        from = at + 5;
        let Some(cmd_start) = ["\\frac{", "\\dfrac{", "\\tfrac{", "\\cfrac{"].iter().find_map(|c| {
            let st = (at + 5).checked_sub(c.len())?;
            s.get(st..at + 5).filter(|x| x == c).map(|_| st)
        }) else {
            continue;
        };
        let in_box = {
            let k = boxes.partition_point(|bx| bx.outer.start <= cmd_start);
            k > 0 && cmd_start < boxes[k - 1].outer.end
        };
        if in_box || containing(spans, cmd_start).is_some() {
            continue;
        }
        // Numbers only: a short window is enough (and keeps this linear).
        let window = &b[..b.len().min(at + 64)];
        let open1 = at + 4;
        let Some(close1) = scan::match_brace(window, open1) else { continue };
        if window.get(close1 + 1) != Some(&b'{') {
            continue;
        }
        let Some(close2) = scan::match_brace(window, close1 + 1) else { continue };
        let num = |t: &str| {
            let t = t.trim().trim_start_matches('-');
            !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit() || c == b'.' || c == b',')
        };
        if !num(&s[open1 + 1..close1]) || !num(&s[close1 + 2..close2]) {
            continue;
        }
        let start = if cmd_start > 0 && b[cmd_start - 1] == b'-' { cmd_start - 1 } else { cmd_start };
        out.push((Span::new(start, close2 + 1), s[start..close2 + 1].to_string()));
        from = close2 + 1;
    }
    out
}

#[cfg(test)]
mod tests;
