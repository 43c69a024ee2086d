//! The properties the fuzz targets assert, shared by all of them (one target
//! per entry point, see `fuzz_targets/`). Each check panics with the input
//! and what went wrong, so libFuzzer records the input as a finding.
//!
//! The properties, and where each one is weaker than "always":
//! * parsing never panics; an error's span lies inside the input and the
//!   error renders; every node of a tree has a span inside the input;
//! * canonical form is idempotent, under default and under tight limits;
//! * a tree (as parsed, and canonical) printed as LaTeX and as plain text
//!   parses again, in that syntax, to the same canonical form. The printed
//!   form is re-read under *wider* depth and size limits than the input was:
//!   printing adds the braces and brackets the input left out (`x^2` prints
//!   as `x^{2}`, a sum under a power gets `\left( \right)`), so a tree at the
//!   depth limit may print deeper than the limit. The property is about
//!   meaning; the limits are tested by the parse of the input itself;
//! * speech: any tree prints as speech in both styles without panicking,
//!   and the speech parses (to a tree or an error) without panicking. That
//!   the speech reads back to the same answer is *not* asserted: the spoken
//!   conformance test (`tests/conformance_spoken.rs`) holds it to >= 99%,
//!   not to every tree (speech has no brackets, so some groupings are
//!   ambiguous by design);
//! * comparison: `verify(x, x)` holds, `verify(x, reparse(print(x)))` holds,
//!   and the verdict is symmetric on the pairs where the rules are (see
//!   [`symmetric_pair`]); verdicts, notes and canonical forms are the same
//!   when asked twice.

use mathgrade::ast::{any_node, Expr, ExprKind};
use mathgrade::compare::{verify, Method, Options};
use mathgrade::{canonical_with, parse_with, to_latex, to_plain, to_spoken, Limits, SpokenStyle, Syntax};

/// Longest input the parse targets hand to the parser. Longer inputs only
/// repeat what shorter ones exercise and slow every execution down.
pub const MAX_PARSE_INPUT: usize = 4096;

/// Limits for parsing fuzz input: the defaults (the limits are part of what
/// is tested) with a shorter input.
pub fn input_limits() -> Limits {
    Limits { max_input_len: MAX_PARSE_INPUT, ..Limits::default() }
}

/// Limits for re-reading a printed form: wider depth and size (see the
/// module docs for why).
pub fn reread_limits() -> Limits {
    let d = Limits::default();
    Limits { max_input_len: usize::MAX, max_depth: d.max_depth * 4, max_nodes: d.max_nodes * 4, ..d }
}

/// Tight arithmetic and expansion limits: canonical forms must stay
/// idempotent when the limits stop expansion and exact arithmetic early.
pub fn tight_limits() -> Limits {
    Limits { max_int_bits: 64, max_factorial: 20, max_expand_terms: 8, max_expand_power: 3, ..Limits::default() }
}

/// Parse `text` in `syntax`; on success check the tree (see the module
/// docs), on failure check the error. Returns the tree.
pub fn check_parse(text: &str, syntax: Syntax, limits: &Limits) -> Option<Expr> {
    match parse_with(text, syntax, limits) {
        Ok(e) => {
            check_spans(&e, text);
            check_tree(&e, text, limits);
            Some(e)
        }
        Err(err) => {
            assert!(
                err.span.start <= err.span.end && err.span.end <= text.len(),
                "error span {:?} outside the input {text:?} ({} bytes)",
                err.span,
                text.len()
            );
            let _ = err.render(text);
            let _ = err.to_string();
            None
        }
    }
}

/// Every node's span lies inside the original input.
pub fn check_spans(e: &Expr, text: &str) {
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        assert!(
            x.span.start <= x.span.end && x.span.end <= text.len(),
            "node {} has span {:?} outside the input {text:?} ({} bytes)",
            x.sexpr(),
            x.span,
            text.len()
        );
        stack.extend(x.children());
    }
}

/// The tree properties: canonical idempotence, print and re-read, speech.
pub fn check_tree(e: &Expr, origin: &str, limits: &Limits) {
    let canon = canonical_with(e, limits);
    check_idempotent(&canon, origin, limits);
    for tree in [e, &canon] {
        check_reread(tree, &canon, origin, limits);
    }
    check_speech(&canon);
}

/// `canonical(canonical(x)) == canonical(x)`.
pub fn check_idempotent(canon: &Expr, origin: &str, limits: &Limits) {
    let again = canonical_with(canon, limits);
    assert!(
        again == *canon,
        "canonical form of {origin:?} is not idempotent:\n  once:  {}\n  twice: {}",
        canon.sexpr(),
        again.sexpr()
    );
}

/// `tree` printed as LaTeX and as plain text reads back, in that syntax, to
/// the canonical form `canon` of the original tree.
pub fn check_reread(tree: &Expr, canon: &Expr, origin: &str, limits: &Limits) {
    for (printed, syntax) in [(to_latex(tree), Syntax::Latex), (to_plain(tree), Syntax::Plain)] {
        if syntax == Syntax::Plain && !plain_can_write(tree) {
            continue;
        }
        let reparsed = match parse_with(&printed, syntax, &reread_limits()) {
            Ok(r) => r,
            Err(err) => panic!(
                "{origin:?}: the tree {} prints as {syntax:?} {printed:?}, which does not parse: {err}",
                tree.sexpr()
            ),
        };
        let again = canonical_with(&reparsed, limits);
        assert!(
            again == *canon,
            "{origin:?}: the tree {} prints as {syntax:?} {printed:?}, which reads back to another canonical form:\n  before: {}\n  after:  {}",
            tree.sexpr(),
            canon.sexpr(),
            again.sexpr()
        );
    }
}

/// Plain text reads a unit only as a known unit word after a number
/// (`10 cm`, `30°`, grammars/units.tsv); LaTeX reads any unit-like
/// `\text{…}` there (`4:30 \text{ p.m.}`, `25 \text{cit}`, `100 \text{
/// square units}`), and a known unit after any value (`m \text{ m}`, `x
/// \text{ cm}`), where plain `x cm` can only be a product of letters. A tree
/// with a unit plain text has no way to write is not re-read as plain (it
/// is as LaTeX).
pub fn plain_can_write(tree: &Expr) -> bool {
    !any_node(tree, |x| match &x.kind {
        // A known unit of several words (`square units`) is read as words.
        ExprKind::Quantity { unit, value } => {
            unit != "deg"
                && (mathgrade::normalize::unit(unit).is_none()
                    || unit.contains(char::is_whitespace)
                    || !numeric_value(value))
        }
        _ => false,
    })
}

/// A value plain text writes a unit after: no variables, function calls or
/// text in it (the plain parser's rule).
fn numeric_value(e: &Expr) -> bool {
    !any_node(e, |x| matches!(x.kind, ExprKind::Symbol { .. } | ExprKind::Apply { .. } | ExprKind::Text { .. }))
}

/// Speech: prints in both styles and the printed speech parses or errs,
/// without panicking (no round-trip equality, see the module docs).
pub fn check_speech(tree: &Expr) {
    for style in [SpokenStyle::Natural, SpokenStyle::ClearSpeak] {
        let speech = to_spoken(tree, style);
        let _ = parse_with(&speech, Syntax::Spoken, &reread_limits());
    }
}

/// `verify(x, x)` and `verify(x, reparse(to_latex(x)))` (and plain) hold,
/// and asking twice gives the same verdict.
pub fn check_self_verdicts(x: &Expr, origin: &str, opts: &Options) {
    let v = verify(x, x, opts);
    assert!(v.equal, "{origin:?} (tree {}) is not equal to itself: {v:?}", x.sexpr());
    assert_eq!(v, verify(x, x, opts), "{origin:?}: verify(x, x) differs when asked twice");
    for (printed, syntax) in [(to_latex(x), Syntax::Latex), (to_plain(x), Syntax::Plain)] {
        if syntax == Syntax::Plain && !plain_can_write(x) {
            continue;
        }
        let Ok(y) = parse_with(&printed, syntax, &reread_limits()) else {
            // A printed form that does not parse is a finding of
            // `check_reread`, which the parse targets run.
            continue;
        };
        let v = verify(x, &y, opts);
        assert!(v.equal, "{origin:?} (tree {}) is not equal to its printed form {printed:?}: {v:?}", x.sexpr());
    }
}

/// Pairs on which every rule the comparer may use is symmetric, so
/// `verify(a, b).equal == verify(b, a).equal`:
/// * no decimal anywhere: a decimal gold is compared at its own written
///   precision and an approximate prediction relative to the gold's size
///   (`33.3` = `100/3` but `100/3` ≠ `33.3` is the rule, not a bug);
/// * no relation together with anything set-like, on either side
///   (`x > 2` vs `(2, \infty)`, `x \in [-2, 7]` vs `-2 \le x \le 7`): a
///   gold relation may be read as a set, a predicted one only with
///   `allow_set_relation_comp` (Math-Verify's asymmetric rule). Two
///   inequalities, or a relation `x = c` against a value, are symmetric.
/// * not a list of relations (a worked list of equations: the gold's list
///   is read as the pieces of a union, the prediction's only with
///   `allow_set_relation_comp`).
pub fn symmetric_pair(a: &Expr, b: &Expr) -> bool {
    if has_decimal(a) || has_decimal(b) {
        return false;
    }
    if (has_relation(a) || has_relation(b)) && (set_like(a) || set_like(b)) {
        return false;
    }
    !relation_list(a) && !relation_list(b)
}

fn has_decimal(e: &Expr) -> bool {
    any_node(e, |x| matches!(x.kind, ExprKind::Decimal { .. }))
}

fn has_relation(e: &Expr) -> bool {
    any_node(e, |x| matches!(x.kind, ExprKind::Relation { .. }))
}

fn set_like(e: &Expr) -> bool {
    any_node(e, |x| {
        matches!(
            x.kind,
            ExprKind::Set { .. }
                | ExprKind::Interval { .. }
                | ExprKind::SetOp { .. }
                | ExprKind::EmptySet
                | ExprKind::NumberSet { .. }
                | ExprKind::Tuple { .. }
        )
    })
}

fn relation_list(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::List { items } if items.iter().any(has_relation))
}

/// The symmetry property on a pair (only asserted for [`symmetric_pair`]s).
pub fn check_symmetry(a: &Expr, b: &Expr, origin: (&str, &str), opts: &Options) {
    if !symmetric_pair(a, b) {
        return;
    }
    let ab = verify(a, b, opts);
    let ba = verify(b, a, opts);
    assert!(
        ab.equal == ba.equal,
        "verdicts not symmetric for {:?} vs {:?} (trees {} / {}):\n  forward:  {ab:?}\n  backward: {ba:?}",
        origin.0,
        origin.1,
        a.sexpr(),
        b.sexpr()
    );
    // Equal by some rule means the rule says so; a decided "equal" never
    // comes from "no answer" or "different kinds".
    if ab.equal {
        assert!(!matches!(ab.method, Method::NoAnswer | Method::Mismatch), "equal by {:?}", ab.method);
    }
}

/// Split fuzz input into two texts at the first 0xFF byte, which never
/// occurs in UTF-8, so neither text can contain the separator. `None` when
/// there is no separator or a side is not UTF-8.
pub fn split_pair(data: &[u8]) -> Option<(&str, &str)> {
    let k = data.iter().position(|&b| b == 0xFF)?;
    let a = std::str::from_utf8(&data[..k]).ok()?;
    let b = std::str::from_utf8(&data[k + 1..]).ok()?;
    Some((a, b))
}
