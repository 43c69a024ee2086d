//! Equations and inequalities.
//!
//! * `x = 2` (a name on one side) against a value compares the value, in
//!   either direction; in a chain `x = 5+5+1 = 1/3 \approx 11` the value is
//!   the last one before `\approx`.
//! * Two equations are equal when `lhs - rhs` of one is a nonzero constant
//!   multiple of the other's, tested at seeded random points:
//!   `34x+45y-20z+100=0` = `-34x-45y+20z-100=0`, never `3x+4y+14=0` vs
//!   `3x-y+13=0`.
//! * Inequalities are turned to `<` / `\le` form and compared by the same
//!   ratio test, which must be positive.
//! * An inequality against an interval (or `x \in S`) is read as a set: a
//!   gold relation always may be; a predicted inequality only with
//!   `allow_set_relation_comp` (Math-Verify's asymmetric rule).

use rug::Complex;

use super::collection;
use super::verdict::Method;
use super::{compare, Ctx, Outcome};
use crate::ast::{Constant, Expr, ExprKind, RelOp};
use crate::eval::points::{compare_at_points, Agree, Identity};
use crate::eval::PREC;
use crate::span::Span;

pub fn compare_relation(g: &Expr, p: &Expr, ctx: &Ctx) -> Outcome {
    match (&g.kind, &p.kind) {
        (ExprKind::Relation { .. }, ExprKind::Relation { .. }) => compare_two(g, p, ctx),
        (ExprKind::Relation { .. }, _) => {
            if let Some(v) = named_value(g) {
                return tagged(compare(v, p, ctx), Method::Equation);
            }
            if collection::is_set_like(p) {
                if let Some(s) = as_set(g) {
                    return tagged(compare(&s, p, ctx), Method::Inequality);
                }
            }
            Some((false, Method::Mismatch))
        }
        (_, ExprKind::Relation { .. }) => {
            if let Some(v) = named_value(p) {
                return tagged(compare(g, v, ctx), Method::Equation);
            }
            if collection::is_set_like(g) {
                if let Some(s) = as_set_pred(p, ctx) {
                    return tagged(compare(g, &s, ctx), Method::Inequality);
                }
            }
            Some((false, Method::Mismatch))
        }
        _ => None,
    }
}

fn tagged(o: Outcome, m: Method) -> Outcome {
    o.map(|(eq, _)| (eq, m))
}

/// A name: what stands on the left of an answer like `x = 2`, `f(x) = …`,
/// `|AB| = 1`, `A:B = 1`, `(p, q) = (3, 2)`, `S_{1}:S = 7:32`.
fn is_name(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Symbol { .. } | ExprKind::Apply { .. } => true,
        ExprKind::Constant { constant: Constant::E | Constant::I } => true,
        ExprKind::Func { func: crate::ast::Func::Abs, args } => args.iter().all(is_name),
        ExprKind::Div { num, den } => is_name(num) && is_name(den),
        ExprKind::Mul { factors } => factors.iter().all(is_name),
        ExprKind::Tuple { items } => !items.is_empty() && items.iter().all(is_name),
        // `B^{-1} = …`
        ExprKind::Pow { base, exp } => is_name(base) && matches!(&exp.kind, ExprKind::Neg { arg } if arg.is_one()),
        _ => false,
    }
}

/// The value an answer of the form `name = value` gives.
pub fn named_value(r: &Expr) -> Option<&Expr> {
    let ExprKind::Relation { ops, operands } = &r.kind else { return None };
    if !ops.iter().all(|o| matches!(o, RelOp::Eq | RelOp::Approx)) {
        return None;
    }
    if is_name(&operands[0]) {
        // The last value before an `\approx` (or the approximation itself
        // when that is all there is).
        let stop = ops.iter().position(|o| *o == RelOp::Approx).unwrap_or(ops.len());
        let last = if stop == 0 { 1 } else { stop };
        let v = &operands[last];
        if is_name(v) && !matches!(v.kind, ExprKind::Tuple { .. }) && ops.len() == 1 {
            // `a = b` between two names is an equation, not an answer.
            return None;
        }
        return Some(v);
    }
    if ops.len() == 1 && ops[0] == RelOp::Eq && is_name(&operands[1]) && super::scalar::free_symbols(&operands[0]).is_empty() {
        return Some(&operands[0]);
    }
    // A worked computation ends in its value: `5+5+5 = 15`,
    // `2(a+b) - 2016 = \dots = -2016`. Only for arithmetic, or chains of
    // three or more, so an equation like `a + 3z = 0` is not read as `0`.
    let stop = ops.iter().position(|o| *o == RelOp::Approx).unwrap_or(ops.len());
    let chain = &operands[..=stop];
    let last = chain.last()?;
    let constant = |e: &Expr| super::scalar::free_symbols(e).is_empty() && super::scalar::is_scalar(e);
    if chain.len() >= 2 && constant(last) && (chain.len() >= 3 || chain.iter().all(constant)) {
        return Some(last);
    }
    // `A = B = C`: a chain of rewrites of one expression ends in its answer.
    if chain.len() >= 3 && super::scalar::is_scalar(last) {
        return Some(last);
    }
    None
}

/// The value an equation that closes a derivation states: its named value
/// (`k = 13`, `y = 2 \cdot 4 + 3 = 11`), or a constant right side after
/// an expression in variables (`x + y = 4027`). Used only where the
/// equation is known to close a worked list (see `collection`), never for
/// a lone equation (`a + 3z = 0` is not the answer 0).
pub fn stated_value(r: &Expr) -> Option<&Expr> {
    if let Some(v) = named_value(r) {
        return Some(v);
    }
    let ExprKind::Relation { ops, operands } = &r.kind else { return None };
    let last = operands.last()?;
    let constant = |e: &Expr| super::scalar::free_symbols(e).is_empty() && super::scalar::is_scalar(e);
    let varying = !super::scalar::free_symbols(&operands[0]).is_empty();
    (ops.iter().all(|o| *o == RelOp::Eq) && varying && constant(last)).then_some(last)
}

fn compare_two(g: &Expr, p: &Expr, ctx: &Ctx) -> Outcome {
    let (ExprKind::Relation { ops: gops, operands: gx }, ExprKind::Relation { ops: pops, operands: px }) = (&g.kind, &p.kind)
    else {
        return None;
    };
    // `x = 1/3` vs `x = 0.3333`: the same name, compare the values.
    if let (Some(a), Some(b)) = (named_value(g), named_value(p)) {
        if same_name(g, p) {
            return tagged(compare(a, b, ctx), Method::Equation);
        }
    }
    let g_eq = gops.iter().all(|o| *o == RelOp::Eq);
    let p_eq = pops.iter().all(|o| *o == RelOp::Eq);
    if g_eq && p_eq && gx.len() == 2 && px.len() == 2 {
        return equations(&gx[0], &gx[1], &px[0], &px[1], ctx, false);
    }
    if gops.len() == 1 && pops.len() == 1 && gops[0] == RelOp::Ne && pops[0] == RelOp::Ne {
        return equations(&gx[0], &gx[1], &px[0], &px[1], ctx, false);
    }
    if gops.iter().all(|o| *o == RelOp::In) && pops.iter().all(|o| *o == RelOp::In) && gx.len() == 2 && px.len() == 2 {
        return tagged(compare(&gx[1], &px[1], ctx), Method::Set);
    }
    if let (Some(gi), Some(pi)) = (inequality(gops, gx), inequality(pops, px)) {
        return inequalities(&gi, &pi, ctx);
    }
    // Set readings: `x \in [-2, 7]` vs `-2 \le x \le 7`.
    match (as_set(g), as_set_pred(p, ctx)) {
        (Some(a), Some(b)) => tagged(compare(&a, &b, ctx), Method::Inequality),
        _ => Some((false, Method::Mismatch)),
    }
}

fn same_name(g: &Expr, p: &Expr) -> bool {
    match (&g.kind, &p.kind) {
        (ExprKind::Relation { operands: a, .. }, ExprKind::Relation { operands: b, .. }) => a[0] == b[0],
        _ => false,
    }
}

/// `gl = gr` vs `pl = pr`: is `(gl - gr) / (pl - pr)` a nonzero constant
/// (positive, for inequalities)?
fn equations(gl: &Expr, gr: &Expr, pl: &Expr, pr: &Expr, ctx: &Ctx, positive: bool) -> Outcome {
    let dg = difference(gl, gr);
    let dp = difference(pl, pr);
    let mut vars = super::scalar::free_symbols(&dg);
    vars.extend(super::scalar::free_symbols(&dp));
    vars.sort();
    vars.dedup();
    if vars.is_empty() {
        // Statements about numbers: compare the sides as written.
        let a = compare(gl, pl, ctx).is_some_and(|o| o.0) && compare(gr, pr, ctx).is_some_and(|o| o.0);
        let b = !positive && compare(gl, pr, ctx).is_some_and(|o| o.0) && compare(gr, pl, ctx).is_some_and(|o| o.0);
        return Some((a || b, Method::Equation));
    }
    let method = if positive { Method::Inequality } else { Method::Equation };
    let mut ratio: Option<Complex> = None;
    let mut agree = |x: &Complex, y: &Complex| -> bool {
        let (x0, y0) = (x.is_zero(), y.is_zero());
        if x0 || y0 {
            return x0 && y0;
        }
        let r = Complex::with_val(PREC, x / y);
        if positive && !(crate::eval::is_real(&r) && r.real().is_sign_positive()) {
            return false;
        }
        match &ratio {
            None => {
                ratio = Some(r);
                true
            }
            // The ratios are compared relative to each other: `close` has
            // an absolute floor (right for values that should be zero),
            // under which every tiny ratio would agree (`x \le 1` was equal
            // to `10^{95} x \le 0`, whose ratios are all near 10^{-95}).
            Some(first) => crate::eval::points::close(&Complex::with_val(PREC, &r / first), &Complex::with_val(PREC, 1)),
        }
    };
    match compare_at_points(&dg, &dp, &vars, ctx.seed(), ctx.budget(), Agree::By(&mut agree)) {
        Identity::Equal { .. } => Some((true, method)),
        Identity::Different => Some((false, method)),
        Identity::Unknown => Some((false, method)),
    }
}

fn difference(a: &Expr, b: &Expr) -> Expr {
    Expr::add(vec![a.clone(), Expr::neg(b.clone(), b.span)], Span::EMPTY)
}

/// An inequality chain in `<` / `\le` form: operands low to high.
struct Ineq {
    operands: Vec<Expr>,
    strict: Vec<bool>,
}

fn inequality(ops: &[RelOp], operands: &[Expr]) -> Option<Ineq> {
    let up = ops.iter().all(|o| matches!(o, RelOp::Lt | RelOp::Le));
    let down = ops.iter().all(|o| matches!(o, RelOp::Gt | RelOp::Ge));
    if !(up || down) {
        return None;
    }
    let mut operands = operands.to_vec();
    let mut strict: Vec<bool> = ops.iter().map(|o| matches!(o, RelOp::Lt | RelOp::Gt)).collect();
    if down {
        operands.reverse();
        strict.reverse();
    }
    Some(Ineq { operands, strict })
}

fn inequalities(g: &Ineq, p: &Ineq, ctx: &Ctx) -> Outcome {
    if g.strict != p.strict || g.operands.len() != p.operands.len() {
        return Some((false, Method::Inequality));
    }
    if g.operands.len() == 2 {
        // `x \le 1` vs `-x \ge -1`: (rhs - lhs) a positive multiple.
        return equations(&g.operands[1], &g.operands[0], &p.operands[1], &p.operands[0], ctx, true);
    }
    for (a, b) in g.operands.iter().zip(&p.operands) {
        if !compare(a, b, ctx).is_some_and(|o| o.0) {
            return Some((false, Method::Inequality));
        }
    }
    Some((true, Method::Inequality))
}

/// A relation read as a subset of the reals: `x < 3` is `(-\infty, 3)`,
/// `a \le x < b` is `[a, b)`, `x \ne a` is `(-\infty, a) \cup (a, \infty)`,
/// `x \in S` is `S`.
pub fn as_set(r: &Expr) -> Option<Expr> {
    let ExprKind::Relation { ops, operands } = &r.kind else { return None };
    let inf = || Expr::constant(Constant::Infinity, Span::EMPTY);
    let ninf = || Expr::neg(inf(), Span::EMPTY);
    let interval = |lo: Expr, hi: Expr, lo_closed: bool, hi_closed: bool| {
        Expr::new(ExprKind::Interval { lo: Box::new(lo), hi: Box::new(hi), lo_closed, hi_closed }, r.span)
    };
    if ops.len() == 1 && ops[0] == RelOp::In {
        return Some(operands[1].clone());
    }
    if ops.len() == 1 && ops[0] == RelOp::Ne && is_variable(&operands[0]) {
        let a = operands[1].clone();
        return Some(Expr::new(
            ExprKind::SetOp {
                op: crate::ast::SetOp::Union,
                lhs: Box::new(interval(ninf(), a.clone(), false, false)),
                rhs: Box::new(interval(a, inf(), false, false)),
            },
            r.span,
        ));
    }
    let ineq = inequality(ops, operands)?;
    match ineq.operands.len() {
        2 => {
            let (lo, hi) = (&ineq.operands[0], &ineq.operands[1]);
            let strict = ineq.strict[0];
            if is_variable(lo) && !is_variable(hi) {
                Some(interval(ninf(), hi.clone(), false, !strict))
            } else if is_variable(hi) && !is_variable(lo) {
                Some(interval(lo.clone(), inf(), !strict, false))
            } else {
                None
            }
        }
        3 if is_variable(&ineq.operands[1]) || !super::scalar::free_symbols(&ineq.operands[1]).is_empty() => Some(interval(
            ineq.operands[0].clone(),
            ineq.operands[2].clone(),
            !ineq.strict[0],
            !ineq.strict[1],
        )),
        _ => None,
    }
}

/// A predicted relation as a set: `x \in S` always; inequalities only when
/// `allow_set_relation_comp` is on.
fn as_set_pred(r: &Expr, ctx: &Ctx) -> Option<Expr> {
    let ExprKind::Relation { ops, .. } = &r.kind else { return None };
    if ops.iter().all(|o| *o == RelOp::In) || ctx.opts.allow_set_relation_comp {
        return as_set(r);
    }
    None
}

/// The side of an inequality that is the variable (or an expression in
/// variables, as `0 < f(x) < 1`).
fn is_variable(e: &Expr) -> bool {
    !super::scalar::free_symbols(e).is_empty() || matches!(e.kind, ExprKind::Apply { .. })
}
