//! The comparer: decides whether two answers are the same, and says why.
//!
//! One entry, [`verify`], dispatches on the shapes of the two answers:
//! * `a \pm b` is the set of its values;
//! * tagged values: percent (`28\%` = `28` = `0.28`), degrees (`30^\circ` =
//!   `30` = `\pi/6`), other units (dropped when one side has none);
//! * text and option letters ([`text`]);
//! * relations: `x = 2` against a value reads the value; equations are equal
//!   up to a nonzero constant factor; inequalities up to flips and positive
//!   factors; against an interval they are read as sets ([`relation`]);
//! * collections: sets and answer lists (order-free), tuples (ordered),
//!   intervals, unions, matrices ([`collection`]);
//! * scalars: exact, numeric (MPFR) and identity tests ([`scalar`]).

pub mod bytes;
mod collection;
pub mod options;
mod relation;
pub mod scalar;
mod text;
pub mod verdict;

pub use bytes::{verify_bytes, InvalidUtf8, Side};
pub use options::{Options, Target};
pub use verdict::{Method, Verdict};

use crate::ast::{Constant, Expr, ExprKind};
use crate::canon::canonical_with;
use crate::extract::Rule;
use crate::parse::{parse_with, Syntax};
use crate::span::Span;

use std::sync::Arc;

/// One comparison's settings and seed.
pub struct Ctx<'o> {
    pub opts: &'o Options,
    /// The seed, once known.
    seed: std::cell::OnceCell<u64>,
    /// The canonical forms the seed is derived from, when it is derived
    /// lazily: only identity tests need it, so most comparisons never
    /// print the s-expressions it hashes.
    seed_from: Option<(Expr, Expr)>,
    /// Canonical forms already computed in this comparison: the rules ask
    /// for the same ones repeatedly.
    // FxHash (rustc's): much cheaper than SipHash on tree keys; the memo
    // lives for one comparison, so hash flooding is not a concern.
    canon_memo: std::cell::RefCell<rustc_hash::FxHashMap<Expr, Expr>>,
    /// The gold's canonical form, computed before this comparison (a batch
    /// reads a gold once): the tree it is of, by address, and the form.
    known: Option<(&'o Expr, &'o Expr)>,
}

impl<'o> Ctx<'o> {
    pub fn new(opts: &'o Options, seed: u64) -> Ctx<'o> {
        Ctx { opts, seed: std::cell::OnceCell::from(seed), seed_from: None, canon_memo: Default::default(), known: None }
    }

    pub fn canon(&self, e: &Expr) -> Expr {
        if let Some((tree, form)) = self.known {
            if std::ptr::eq(tree, e) {
                return form.clone();
            }
        }
        if let Some(c) = self.canon_memo.borrow().get(e) {
            return c.clone();
        }
        let c = canonical_with(e, &self.opts.limits);
        self.canon_memo.borrow_mut().insert(e.clone(), c.clone());
        c
    }

    /// The seed of the random points, derived from the inputs, the same
    /// whichever side is the gold: both orders of a pair are tested at the
    /// same points, so a verdict the rules make symmetric is symmetric (at
    /// other points, `(10^{-10cpsw})!` against 1 agreed at every point that
    /// evaluated one way and not the other).
    pub fn seed(&self) -> u64 {
        *self.seed.get_or_init(|| match &self.seed_from {
            Some((gc, pc)) => {
                let (g, p) = (gc.sexpr(), pc.sexpr());
                let (lo, hi) = if g <= p { (g, p) } else { (p, g) };
                crate::eval::points::seed_of(&[&lo, &hi])
            }
            None => 0,
        })
    }

    /// Node visits allowed to one numeric evaluation
    /// ([`crate::Limits::eval_budget`]).
    pub fn budget(&self) -> u64 {
        self.opts.limits.eval_budget
    }
}

/// The outcome of one rule: decided (equal or not) with its method, or
/// `None` when no rule applies.
pub(crate) type Outcome = Option<(bool, Method)>;

/// Compare two parsed answers.
pub fn verify(gold: &Expr, pred: &Expr, opts: &Options) -> Verdict {
    verify_forms(gold, None, pred, opts, Detail::Full).0
}

/// How much of a verdict to write out. Callers that only ask "equal?"
/// (batch grading for rewards) skip printing the canonical forms and the
/// note; `equal` and `method` are the same either way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Detail {
    /// Canonical forms printed and a note written.
    Full,
    /// `gold_canonical` and `pred_canonical` are `None`, the note is empty.
    EqualOnly,
}

/// [`verify`], also giving the prediction's canonical form it compared
/// (under `opts.limits`), so a caller needing it does not compute it again.
/// `gold_form` is the gold's canonical form when already known.
fn verify_forms(gold: &Expr, gold_form: Option<&Expr>, pred: &Expr, opts: &Options, detail: Detail) -> (Verdict, Expr) {
    // A prediction that wrote the gold's very tree (the usual right answer
    // in a batch): its canonical form is the gold's, which `compare`
    // checks first, so the verdict is "equal, same canonical form" without
    // canonicalizing it again.
    if let Some(form) = gold_form.filter(|_| gold == pred) {
        return (forms_verdict(true, Method::Exact, form, form, detail), form.clone());
    }
    let mut ctx = Ctx {
        opts,
        seed: std::cell::OnceCell::new(),
        seed_from: None,
        canon_memo: Default::default(),
        known: gold_form.map(|f| (gold, f)),
    };
    let gc = ctx.canon(gold);
    let pc = ctx.canon(pred);
    // The seed hashes both canonical forms' s-expressions, computed only
    // if a rule asks for it (the same value as computing it here).
    ctx.seed_from = Some((gc, pc));
    let outcome = compare(gold, pred, &ctx);
    let (equal, method) = outcome.unwrap_or((false, Method::Mismatch));
    let (gc, pc) = ctx.seed_from.take().expect("set above");
    (forms_verdict(equal, method, &gc, &pc, detail), pc)
}

/// The verdict of [`verify_forms`] on trees of canonical forms `gc` and
/// `pc`: with [`Detail::Full`], the forms printed and a note.
fn forms_verdict(equal: bool, method: Method, gc: &Expr, pc: &Expr, detail: Detail) -> Verdict {
    match detail {
        Detail::Full => Verdict {
            equal,
            method,
            gold_canonical: Some(crate::print::to_latex(gc)),
            pred_canonical: Some(crate::print::to_latex(pc)),
            note: note_for(equal, method),
        },
        Detail::EqualOnly => Verdict { equal, method, gold_canonical: None, pred_canonical: None, note: String::new() },
    }
}

fn note_for(equal: bool, method: Method) -> String {
    let verb = if equal { "equal" } else { "not equal" };
    let how = match method {
        Method::Exact => "same canonical form",
        Method::Numeric => "values compared with MPFR under the precision rules",
        Method::Identity => "expressions compared at seeded random points",
        Method::Set => "elements matched without regard to order",
        Method::Tuple => "elements compared in order",
        Method::Interval => "endpoints and closedness compared",
        Method::Matrix => "entries compared",
        Method::Equation => "equations compared as solution sets",
        Method::Inequality => "inequalities compared after normalising direction",
        Method::PlusMinus => "± expanded into its values",
        Method::Percent => "percent read as the number or its hundredth",
        Method::Degree => "degrees read as the number or in radians",
        Method::Unit => "values compared with units dropped",
        Method::Text => "text compared without case, spacing or markup",
        Method::Choice => "option letters compared",
        Method::NoAnswer => "no answer could be read",
        Method::Mismatch => "different kinds of answer",
    };
    format!("{verb}: {how}")
}

/// The dispatcher (see the module docs).
pub(crate) fn compare(g: &Expr, p: &Expr, ctx: &Ctx) -> Outcome {
    // Deep recursion through nested structures stays bounded by the
    // parser's depth limit; make sure the stack keeps up.
    stacker::maybe_grow(128 * 1024, 2 * 1024 * 1024, || compare_inner(g, p, ctx))
}

fn compare_inner(g: &Expr, p: &Expr, ctx: &Ctx) -> Outcome {
    if ctx.canon(g) == ctx.canon(p) {
        return Some((true, Method::Exact));
    }
    // `-30^\circ` is the quantity −30°.
    let (gl, pl) = (lift_sign(g), lift_sign(p));
    if gl.is_some() || pl.is_some() {
        return compare(gl.as_ref().unwrap_or(g), pl.as_ref().unwrap_or(p), ctx);
    }
    // Units other than degrees: values compared with the units dropped,
    // unless both name different known units.
    if has_unit(g) || has_unit(p) {
        if let (ExprKind::Quantity { unit: u, .. }, ExprKind::Quantity { unit: w, .. }) = (&g.kind, &p.kind) {
            let known = |x: &str| crate::normalize::unit(x).is_some();
            if u != w && known(u) && known(w) && u != "deg" && w != "deg" {
                return Some((false, Method::Unit));
            }
        }
        return tag(compare(&strip_units(g), &strip_units(p), ctx), Method::Unit);
    }
    // ± anywhere near the top: the set of values.
    if collection::has_plus_minus(g) || collection::has_plus_minus(p) {
        let gs = collection::expand_plus_minus(g);
        let ps = collection::expand_plus_minus(p);
        if gs.len() > 1 || ps.len() > 1 {
            return Some((collection::match_multisets(&gs, &ps, ctx, true), Method::PlusMinus));
        }
    }
    use ExprKind::*;
    match (&g.kind, &p.kind) {
        // ---- tagged values -------------------------------------------
        (Percent { value: a }, Percent { value: b }) => tag(compare(a, b, ctx), Method::Percent),
        (Percent { value: a }, _) => {
            either(compare(a, p, ctx), || compare(&hundredth(a), p, ctx), Method::Percent)
        }
        (_, Percent { value: b }) => {
            either(compare(g, b, ctx), || compare(g, &hundredth(b), ctx), Method::Percent)
        }
        (Quantity { value: a, unit: u }, Quantity { value: b, unit: w }) => {
            if u == w || u == "deg" || w == "deg" || !crate::normalize::unit(u).is_some() || !crate::normalize::unit(w).is_some() {
                if u == "deg" && w != "deg" {
                    return tag(compare(a, b, ctx), Method::Degree);
                }
                tag(compare(a, b, ctx), Method::Unit)
            } else {
                Some((false, Method::Unit))
            }
        }
        (Quantity { value: a, unit }, _) if unit == "deg" => {
            either(compare(a, p, ctx), || compare(&radians(a), p, ctx), Method::Degree)
        }
        (_, Quantity { value: b, unit }) if unit == "deg" => {
            either(compare(g, b, ctx), || compare(g, &radians(b), ctx), Method::Degree)
        }
        (Quantity { value: a, .. }, _) => tag(compare(a, p, ctx), Method::Unit),
        (_, Quantity { value: b, .. }) => tag(compare(g, b, ctx), Method::Unit),

        // ---- words ------------------------------------------------------
        (Text { .. }, _) | (_, Text { .. }) => text::compare_text(g, p),
        // An option letter against a lone letter (`E` may read as e).
        _ if text::is_option_symbol(g) && text::is_lone_letter(p) || text::is_option_symbol(p) && text::is_lone_letter(g) => {
            text::compare_text(g, p)
        }

        // ---- relations --------------------------------------------------
        (Relation { .. }, _) | (_, Relation { .. }) => relation::compare_relation(g, p, ctx),

        // ---- everything else ------------------------------------------
        _ => {
            if scalar::is_scalar(g) && scalar::is_scalar(p) {
                return scalar::compare_scalars(g, p, ctx);
            }
            collection::compare_collections(g, p, ctx)
        }
    }
}

/// `-(30^\circ)` → `(-30)^\circ`, `-(5\%)` → `(-5)\%`: the sign moves inside
/// the tag so tagged rules see it.
fn lift_sign(e: &Expr) -> Option<Expr> {
    let ExprKind::Neg { arg } = &e.kind else { return None };
    match &arg.kind {
        ExprKind::Quantity { value, unit } => Some(Expr::new(
            ExprKind::Quantity { value: Box::new(Expr::neg((**value).clone(), e.span)), unit: unit.clone() },
            e.span,
        )),
        ExprKind::Percent { value } => {
            Some(Expr::new(ExprKind::Percent { value: Box::new(Expr::neg((**value).clone(), e.span)) }, e.span))
        }
        _ => None,
    }
}

fn has_unit(e: &Expr) -> bool {
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        if matches!(&x.kind, ExprKind::Quantity { unit, .. } if unit != "deg") {
            return true;
        }
        x.push_children(&mut stack);
    }
    false
}

/// Drop every unit other than degrees.
fn strip_units(e: &Expr) -> Expr {
    crate::ast::map_bottom_up(e.clone(), &mut |x| match x.kind {
        ExprKind::Quantity { value, unit } if unit != "deg" => *value,
        kind => Expr::new(kind, x.span),
    })
}

/// Replace the method of a decided outcome; keep "no rule" as is.
fn tag(o: Outcome, m: Method) -> Outcome {
    o.map(|(eq, inner)| match (eq, inner) {
        (true, Method::Exact) => (true, Method::Exact),
        // Different kinds of answer stay a mismatch, so the caller may still
        // try reading both as words.
        (false, Method::Mismatch) => (false, Method::Mismatch),
        _ => (eq, m),
    })
}

/// Equal if either reading is equal.
fn either(first: Outcome, second: impl FnOnce() -> Outcome, m: Method) -> Outcome {
    if let Some((true, _)) = first {
        return Some((true, m));
    }
    match second() {
        Some((true, _)) => Some((true, m)),
        Some((false, _)) => Some((false, m)),
        None => first.map(|(eq, _)| (eq, m)),
    }
}

/// `x / 100`
fn hundredth(x: &Expr) -> Expr {
    Expr::div(x.clone(), Expr::int(100, Span::EMPTY), x.span)
}

/// `x · π / 180`
fn radians(x: &Expr) -> Expr {
    let pi = Expr::constant(Constant::Pi, Span::EMPTY);
    Expr::div(Expr::mul(vec![x.clone(), pi], x.span), Expr::int(180, Span::EMPTY), x.span)
}

/// Compare two answers given as text. Free text is allowed: the answer is
/// found first (the last `\boxed{}`, a final-answer phrase, math in `$…$`,
/// the last number…), then parsed and compared.
pub fn verify_str(gold: &str, pred: &str, opts: &Options) -> Verdict {
    check_str(gold, pred, opts).verdict
}

/// An answer found in a text and parsed.
#[derive(Clone, Debug)]
pub struct Answer {
    /// Shared: a batch's memo hands the same tree to every sample that
    /// wrote the same answer text, without copying it.
    pub expr: Arc<Expr>,
    /// The text that was parsed.
    pub text: String,
    /// The extraction rule that found it (`None`: the whole text, read as
    /// a last resort).
    pub rule: Option<Rule>,
}

/// A verdict with the answers it was reached on.
#[derive(Clone, Debug)]
pub struct Checked {
    pub verdict: Verdict,
    pub gold: Option<Answer>,
    pub pred: Option<Answer>,
    /// The canonical form of `pred`'s expression (under the options'
    /// limits), when one was read.
    pub pred_canonical: Option<Expr>,
}

/// A gold text read once, to be checked against any number of
/// predictions ([`check_gold`]): a batch of samples per problem reads its
/// gold once. Made by [`read_gold`] under the options it is checked with.
#[derive(Clone, Debug)]
pub struct Gold {
    /// The part of the text every rule reads (see `max_extract_len`).
    text: String,
    answer: Option<Answer>,
    /// Its canonical form under the options' limits.
    canonical: Option<Expr>,
    /// The gold is an option letter (`B`, `(B)`): the prediction's
    /// letters are looked for first.
    letter: bool,
    /// The one-letter functions the gold defines, whose last statements
    /// are read from the prediction (see `function_statements`).
    functions: Option<Vec<char>>,
}

impl Gold {
    /// The answer read from the gold text, if any.
    pub fn answer(&self) -> Option<&Answer> {
        self.answer.as_ref()
    }

    /// The gold text as read (at most `max_extract_len` of it).
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// Read a gold text for [`check_gold`].
pub fn read_gold(gold: &str, opts: &Options) -> Gold {
    // Every rule below reads at most this much of each text.
    let text = crate::extract::window(gold, opts.limits.max_extract_len);
    let answer = match opts.gold_syntax {
        Some(syntax) => read_whole(text, syntax, opts),
        None => read_answer_ex(text, &opts.gold_targets, opts),
    };
    // A gold that is an option letter (`B`, `(B)`) asks for the letter the
    // prediction chose: option letters are looked for first. The letter
    // must be all the answer says: `i\%` folds to the letter `i` but is a
    // percentage.
    //
    // Option letters first is a different reading, so the gold must say the
    // same when read that way: otherwise the same text would be another
    // answer as the prediction (`A: $\text{C}$` is the letter C read as
    // math, but A read for letters first).
    let letter = !opts.pred_targets.contains(&Target::String)
        && answer.as_ref().is_some_and(|a| {
            let letter = text::option_letter(&a.text);
            letter.is_some()
                && a.text.trim().len() <= 16
                // The answer read as math is the letter itself, not a
                // product a character drops out of when folded (`"<NUL>"E`
                // is a text times e: read for letters first, the same gold
                // would be E, and not equal to itself).
                && text::word_of(&a.expr).is_some_and(|w| w.chars().count() == 1 && text::option_letter(&w) == letter)
                && (opts.gold_syntax.is_some()
                    || read_answer_ex(text, &letter_targets(opts), opts).is_some_and(|b| text::option_letter(&b.text) == letter))
        });
    let functions = answer.as_ref().and_then(|a| stated_functions(text, a, opts));
    let canonical = answer.as_ref().map(|a| canonical_with(&a.expr, &opts.limits));
    Gold { text: text.to_string(), answer, canonical, letter, functions }
}

/// The targets a prediction is read with when the gold is an option
/// letter: letters first.
fn letter_targets(opts: &Options) -> Vec<Target> {
    let mut targets = vec![Target::String];
    targets.extend(opts.pred_targets.iter().copied());
    targets
}

/// The functions a gold defines (`f(x)=x+1`; `f(n)=n, g(n)=1`), whose
/// statements are then read from the prediction. The gold text's own
/// statements, if it has any and its answer is not announced (a box, an
/// answer phrase), must be its answer: otherwise the same text would be
/// another answer as the prediction (`$f(x)=2$ and $f(x)=1$ for all $x$`
/// is both functions as the gold, the stated one as the prediction).
fn stated_functions(gold: &str, a: &Answer, opts: &Options) -> Option<Vec<char>> {
    let names = defined_functions(&a.expr)?;
    let announced = matches!(a.rule, Some(Rule::Boxed | Rule::FinalAnswerPhrase));
    if opts.gold_syntax.is_none() && !announced {
        if let Some(gx) = crate::extract::function::for_all_statements(gold, &names) {
            let same = parse_with(&gx.text, gx.syntax, &opts.limits).is_ok_and(|e| {
                e == *a.expr || canonical_with(&e, &opts.limits) == canonical_with(&a.expr, &opts.limits)
            });
            if !same {
                return None;
            }
        }
    }
    Some(names)
}

/// [`verify_str`], keeping the answers read from both texts (for answer
/// keys, extraction statistics and explanations).
pub fn check_str(gold: &str, pred: &str, opts: &Options) -> Checked {
    check_gold(&read_gold(gold, opts), pred, opts, Detail::Full)
}

/// [`check_str`] with the gold already read (under the same `opts`).
pub fn check_gold(gold: &Gold, pred: &str, opts: &Options, detail: Detail) -> Checked {
    check_gold_in(gold, pred, opts, detail, None)
}

/// What one gold's checks in a batch have already worked out: the trees
/// of candidate texts and the verdicts on answers. Samples of one problem
/// mostly give the same few answers; each is then parsed and compared once.
/// A verdict depends only on the gold (fixed per memo), the answer's tree
/// and its text, so a remembered one is the one recomputing would give.
/// One memo per gold and options: [`crate::grade::Batch`] keeps them.
#[derive(Debug, Default)]
pub struct Memo {
    /// Candidate text → per syntax, its tree (`None`: it does not parse).
    parsed: rustc_hash::FxHashMap<String, Vec<(Syntax, Option<Arc<Expr>>)>>,
    /// The verdicts on answers whose tree came from `parsed`, by the
    /// tree's address: one text and syntax always gives the same shared
    /// tree, and the entry holds it, so the address is never reused for
    /// another while the memo lives.
    verdicts: rustc_hash::FxHashMap<usize, Vec<Remembered>>,
}

/// A verdict on one answer: its tree, its text, the detail asked for, the
/// verdict and the canonical form (kept under [`Detail::Full`] only).
type Remembered = (Arc<Expr>, String, Detail, Verdict, Option<Expr>);

impl Memo {
    fn parse(memo: Option<&mut MemoRef<'_>>, text: &str, syntax: Syntax, opts: &Options) -> Option<Arc<Expr>> {
        let Some(memo) = memo else { return parse_with(text, syntax, &opts.limits).ok().map(Arc::new) };
        // A shared memo is locked for lookups only, never while parsing.
        let known = memo.with(|m| {
            let seen = m.parsed.get(text)?;
            seen.iter().find(|(s, _)| *s == syntax).map(|(_, tree)| tree.clone())
        });
        if let Some(tree) = known {
            return tree;
        }
        let tree = parse_with(text, syntax, &opts.limits).ok().map(Arc::new);
        memo.with(|m| m.parsed.entry(text.to_string()).or_default().push((syntax, tree.clone())));
        tree
    }

    /// The verdict remembered on `answer` at `detail`.
    fn verdict(&self, answer: &Answer, detail: Detail) -> Option<(Verdict, Option<Expr>)> {
        let seen = self.verdicts.get(&(Arc::as_ptr(&answer.expr) as usize))?;
        seen.iter()
            .find(|(e, t, d, _, _)| Arc::ptr_eq(e, &answer.expr) && *t == answer.text && *d == detail)
            .map(|(_, _, _, v, c)| (v.clone(), c.clone()))
    }

    fn remember(&mut self, answer: &Answer, detail: Detail, verdict: &Verdict, canonical: &Option<Expr>) {
        let canonical = if detail == Detail::Full { canonical.clone() } else { None };
        let entry = (answer.expr.clone(), answer.text.clone(), detail, verdict.clone(), canonical);
        self.verdicts.entry(Arc::as_ptr(&answer.expr) as usize).or_default().push(entry);
    }
}

/// A memo is only ever read whole or written whole: one poisoned by a
/// panic elsewhere is still consistent.
fn lock(m: &std::sync::Mutex<Memo>) -> std::sync::MutexGuard<'_, Memo> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// How a check reaches its gold's memo: shared by the threads grading a
/// batch (locked for each lookup), or held by the one caller grading it
/// alone, who reads and writes it without a lock (a lock and an unlock
/// per lookup are atomic instructions, a few percent of a check).
pub enum MemoRef<'a> {
    Shared(&'a std::sync::Mutex<Memo>),
    Held(&'a mut Memo),
}

impl MemoRef<'_> {
    fn with<R>(&mut self, f: impl FnOnce(&mut Memo) -> R) -> R {
        match self {
            MemoRef::Shared(m) => f(&mut lock(m)),
            MemoRef::Held(m) => f(m),
        }
    }
}

/// [`check_gold`], with the batch's memo of this gold when there is one.
pub fn check_gold_in(gold: &Gold, pred: &str, opts: &Options, detail: Detail, memo: Option<&std::sync::Mutex<Memo>>) -> Checked {
    let (verdict, pred, pred_canonical) = check_pred_in(gold, pred, opts, detail, memo.map(MemoRef::Shared).as_mut());
    Checked { verdict, gold: gold.answer.clone(), pred, pred_canonical }
}

/// [`check_gold_in`] without a copy of the gold's answer (the caller has
/// the gold). With a memo and [`Detail::EqualOnly`], the canonical form
/// is not given (a batch grading for rewards has no use for it).
pub(crate) fn check_pred_in(
    gold: &Gold,
    pred: &str,
    opts: &Options,
    detail: Detail,
    mut memo: Option<&mut MemoRef<'_>>,
) -> (Verdict, Option<Answer>, Option<Expr>) {
    let pred = crate::extract::window(pred, opts.limits.max_extract_len);
    let g = gold.answer.as_ref();
    let p = if let Some(syntax) = opts.pred_syntax {
        read_whole(pred, syntax, opts)
    } else if gold.letter {
        read_answer_in(pred, &letter_targets(opts), opts, memo.as_deref_mut())
    } else {
        read_answer_in(pred, &opts.pred_targets, opts, memo.as_deref_mut())
    };
    let p = if opts.pred_syntax.is_none() { function_statements(pred, gold.functions.as_deref(), p, opts) } else { p };
    let (verdict, pred_canonical) = match (g, p.as_ref(), memo) {
        (Some(_), Some(pa), Some(memo)) => {
            // Locked for the lookup only, not while the verdict is worked out.
            let known = memo.with(|m| m.verdict(pa, detail));
            known.unwrap_or_else(|| {
                let (v, c) = verdict_on(gold, pred, Some(pa), opts, detail);
                memo.with(|m| m.remember(pa, detail, &v, &c));
                (v, c.filter(|_| detail == Detail::Full))
            })
        }
        _ => verdict_on(gold, pred, p.as_ref(), opts, detail),
    };
    (verdict, p, pred_canonical)
}

/// A gold that defines functions (`f(x)=x+1`; `f(n)=n, g(n)=1`) asks for
/// the functions the prediction found: unless a box or an answer phrase
/// gives its answer, that is its last statements `$f(x)=…$ for all $x$`
/// of those names (a functional-equation solution states the function,
/// then proves or checks it: its last math is working).
fn function_statements(pred: &str, names: Option<&[char]>, p: Option<Answer>, opts: &Options) -> Option<Answer> {
    let announced = p.as_ref().is_some_and(|a| matches!(a.rule, Some(Rule::Boxed | Rule::FinalAnswerPhrase)));
    let Some(names) = names.filter(|_| !announced) else { return p };
    let Some(ex) = crate::extract::function::for_all_statements(pred, names) else { return p };
    match parse_with(&ex.text, ex.syntax, &opts.limits) {
        Ok(expr) => Some(Answer { expr: Arc::new(expr), text: ex.text, rule: Some(ex.rule) }),
        Err(_) => p,
    }
}

/// The one-letter functions an answer defines: `f(x) = …`, or a list of
/// such definitions.
fn defined_functions(e: &Expr) -> Option<Vec<char>> {
    let items = match &e.kind {
        ExprKind::List { items } | ExprKind::Set { items } => items.as_slice(),
        _ => std::slice::from_ref(e),
    };
    let mut names = Vec::with_capacity(items.len());
    for it in items {
        let ExprKind::Relation { ops, operands } = &it.kind else { return None };
        let ExprKind::Apply { name, .. } = &operands[0].kind else { return None };
        let mut chars = name.name.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else { return None };
        if ops.len() != 1 || ops[0] != crate::ast::RelOp::Eq || name.sub.is_some() {
            return None;
        }
        if !names.contains(&c) {
            names.push(c);
        }
    }
    Some(names)
}

fn verdict_on(gold: &Gold, pred: &str, p: Option<&Answer>, opts: &Options, detail: Detail) -> (Verdict, Option<Expr>) {
    let g = gold.answer.as_ref();
    let full = detail == Detail::Full;
    if g.is_none() && p.is_none() && !gold.text.trim().is_empty() && collapse(&gold.text) == collapse(pred) {
        // Neither reads as math, but they are the same text.
        let v = Verdict {
            equal: true,
            method: Method::Text,
            gold_canonical: None,
            pred_canonical: None,
            note: if full { "equal: unreadable as math, but the same text".into() } else { String::new() },
        };
        return (v, None);
    }
    let (Some(ga), Some(pa)) = (g, p) else {
        // Say which side was unreadable, and show the side that was read.
        let pc = p.map(|a| canonical_with(&a.expr, &opts.limits));
        let side = match (g, p) {
            (None, None) => "from either text",
            (None, Some(_)) => "from the gold text",
            _ => "from the prediction",
        };
        let v = Verdict {
            equal: false,
            method: Method::NoAnswer,
            gold_canonical: gold.canonical.as_ref().filter(|_| full).map(crate::print::to_latex),
            pred_canonical: pc.as_ref().filter(|_| full).map(crate::print::to_latex),
            note: if full { format!("no answer could be read {side}") } else { String::new() },
        };
        return (v, pc);
    };
    let (mut v, pc) = verify_forms(&ga.expr, gold.canonical.as_ref(), &pa.expr, opts, detail);
    if !v.equal && matches!(v.method, Method::Mismatch | Method::Text | Method::NoAnswer) && text::same_words(&ga.text, &pa.text) {
        v.equal = true;
        v.method = Method::Text;
        if full {
            v.note = note_for(true, Method::Text);
        }
    }
    (v, Some(pc))
}

/// Find and parse the answer in `text`: the first extraction candidate
/// that parses (see [`crate::extract`]), else the whole text.
pub fn read_answer(text: &str, targets: &[Target], opts: &Options) -> Option<(Expr, String)> {
    read_answer_ex(text, targets, opts).map(|a| (Arc::unwrap_or_clone(a.expr), a.text))
}

/// [`read_answer`], saying which extraction rule found the answer.
pub fn read_answer_ex(text: &str, targets: &[Target], opts: &Options) -> Option<Answer> {
    read_answer_in(text, targets, opts, None)
}

/// [`read_answer_ex`], parsing through a batch's memo when there is one.
fn read_answer_in(text: &str, targets: &[Target], opts: &Options, mut memo: Option<&mut MemoRef<'_>>) -> Option<Answer> {
    // The first candidate that parses; candidates past it are never built.
    let found = crate::extract::first_accepted(text, targets, opts.boxed_match_priority, |c| {
        let (syntax, rule) = (c.syntax, Some(c.rule));
        let mut answer = |t: String| {
            if t.len() > opts.limits.max_answer_len {
                return None;
            }
            Memo::parse(memo.as_deref_mut(), &t, syntax, opts).map(|expr| Answer { expr, text: t, rule })
        };
        // Doubly escaped LaTeX (`\\frac{1}{2}` from JSON or a raw string) is
        // read unescaped first, unless environments make `\\` line breaks.
        match unescape_backslashes(&c.text) {
            None => answer(c.text),
            Some(u) if c.text.contains("\\begin") => answer(c.text).or_else(|| answer(u)),
            Some(u) => answer(u).or_else(|| answer(c.text)),
        }
    });
    if found.is_some() {
        return found;
    }
    // Prose with no answer in it is no answer, not a product of letters.
    if crate::extract::prose::looks_like_prose(text) {
        return None;
    }
    let trimmed = text.trim().trim_matches('$').trim();
    let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed);
    if trimmed.len() > opts.limits.max_answer_len {
        return None;
    }
    Memo::parse(memo, trimmed, Syntax::Auto, opts).map(|expr| Answer { expr, text: trimmed.to_string(), rule: None })
}

/// A text given as one expression in `syntax` (the caller said so: no
/// extraction). Outer space and a final full stop are not part of it.
fn read_whole(text: &str, syntax: Syntax, opts: &Options) -> Option<Answer> {
    let t = text.trim();
    let t = t.strip_suffix('.').unwrap_or(t).trim_end();
    parse_with(t, syntax, &opts.limits).ok().map(|expr| Answer { expr: Arc::new(expr), text: t.to_string(), rule: Some(Rule::WholeText) })
}

/// `\\frac` → `\frac` when every doubled backslash is followed by a
/// letter or a brace (a line break `\\` never is, in an answer).
fn unescape_backslashes(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    // Each `\\` from the left (not overlapping), found from its first
    // backslash: most answers have none, and a substring search would
    // build its searcher first.
    let mut doubled = false;
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'\\', &bytes[i..]) {
        let at = i + k;
        if bytes.get(at + 1) != Some(&b'\\') {
            i = at + 1;
            continue;
        }
        let after = bytes.get(at + 2).copied();
        if !after.is_some_and(|b| b.is_ascii_alphabetic() || b == b'{' || b == b'}') {
            return None;
        }
        doubled = true;
        i = at + 2;
    }
    doubled.then(|| s.replace("\\\\", "\\"))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubled_backslashes_are_unescaped_before_commands_and_braces_only() {
        let un = |s: &str| unescape_backslashes(s);
        assert_eq!(un("\\\\frac{1}{2}").as_deref(), Some("\\frac{1}{2}"));
        assert_eq!(un("\\\\{1, 2\\\\}").as_deref(), Some("\\{1, 2\\}"));
        // Three backslashes: the pair is followed by a backslash.
        assert_eq!(un("\\\\\\frac12"), None);
        assert_eq!(un("a\\\\b \\\\ c"), None);
        assert_eq!(un("a\\\\b \\\\c").as_deref(), Some("a\\b \\c"));
        assert_eq!(un("\\frac{1}{2}"), None);
        assert_eq!(un("1 \\\\ 2"), None);
        assert_eq!(un("\\\\sqrt2 \\\\"), None);
        assert_eq!(un("\\\\\\\\x"), None);
        assert_eq!(un(""), None);
    }

    #[test]
    fn a_tree_against_itself_is_the_verdict_comparing_gives() {
        let opts = Options::default();
        for text in ["\\frac{3}{8}", "x^2+1", "\\{1,2\\}", "[0, 1)", "25\\%", "x = 2", "\\text{4:30 p.m.}"] {
            let e = parse_with(text, Syntax::Latex, &opts.limits).unwrap();
            let form = canonical_with(&e, &opts.limits);
            for detail in [Detail::Full, Detail::EqualOnly] {
                let (shortcut, c) = verify_forms(&e, Some(&form), &e.clone(), &opts, detail);
                let (compared, d) = verify_forms(&e, None, &e.clone(), &opts, detail);
                assert_eq!((shortcut, c.sexpr()), (compared, d.sexpr()), "{text} {detail:?}");
            }
        }
    }
}
