//! Generic rewriting of trees.

use super::{Expr, ExprKind};

/// Rebuild `e` bottom-up, applying `f` to every node after its children.
/// Recursion depth equals tree depth, which the parser bounds.
pub fn map_bottom_up(e: Expr, f: &mut dyn FnMut(Expr) -> Expr) -> Expr {
    let Expr { kind, span } = e;
    let mut m = |x: Expr| map_bottom_up(x, f);
    let kind = map_children(kind, &mut m);
    f(Expr { kind, span })
}

/// Does any node of `e` (itself included) satisfy `pred`? Iterative, so
/// any depth is safe; stops at the first match.
pub fn any_node(e: &Expr, pred: impl Fn(&Expr) -> bool) -> bool {
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        if pred(x) {
            return true;
        }
        x.push_children(&mut stack);
    }
    false
}

/// Apply `m` to every direct child of `kind`.
pub fn map_children(kind: ExprKind, m: &mut dyn FnMut(Expr) -> Expr) -> ExprKind {
    use ExprKind::*;
    let bx = |b: Box<Expr>, m: &mut dyn FnMut(Expr) -> Expr| Box::new(m(*b));
    match kind {
        k @ (Integer { .. } | Rational { .. } | Decimal { .. } | Symbol { .. } | Constant { .. } | NumberSet { .. }
        | EmptySet | Text { .. }) => k,
        Add { terms } => Add { terms: terms.into_iter().map(&mut *m).collect() },
        Mul { factors } => Mul { factors: factors.into_iter().map(&mut *m).collect() },
        Div { num, den } => Div { num: bx(num, m), den: bx(den, m) },
        Pow { base, exp } => Pow { base: bx(base, m), exp: bx(exp, m) },
        Root { radicand, index } => Root { radicand: bx(radicand, m), index: index.map(|i| bx(i, m)) },
        Neg { arg } => Neg { arg: bx(arg, m) },
        PlusMinus { lhs, rhs, minus_plus } => PlusMinus { lhs: lhs.map(|l| bx(l, m)), rhs: bx(rhs, m), minus_plus },
        Func { func, args } => Func { func, args: args.into_iter().map(&mut *m).collect() },
        Apply { name, args } => Apply { name, args: args.into_iter().map(&mut *m).collect() },
        BigOp { op, body, var, lower, upper } => {
            BigOp { op, body: bx(body, m), var, lower: lower.map(|l| bx(l, m)), upper: upper.map(|u| bx(u, m)) }
        }
        Integral { body, var, lower, upper } => {
            Integral { body: bx(body, m), var, lower: lower.map(|l| bx(l, m)), upper: upper.map(|u| bx(u, m)) }
        }
        Limit { body, var, to, dir } => Limit { body: bx(body, m), var, to: bx(to, m), dir },
        Derivative { body, var, order } => Derivative { body: bx(body, m), var, order },
        Relation { ops, operands } => Relation { ops, operands: operands.into_iter().map(&mut *m).collect() },
        Percent { value } => Percent { value: bx(value, m) },
        Quantity { value, unit } => Quantity { value: bx(value, m), unit },
        Set { items } => Set { items: items.into_iter().map(&mut *m).collect() },
        Tuple { items } => Tuple { items: items.into_iter().map(&mut *m).collect() },
        List { items } => List { items: items.into_iter().map(&mut *m).collect() },
        Interval { lo, hi, lo_closed, hi_closed } => Interval { lo: bx(lo, m), hi: bx(hi, m), lo_closed, hi_closed },
        SetOp { op, lhs, rhs } => SetOp { op, lhs: bx(lhs, m), rhs: bx(rhs, m) },
        Matrix { kind, rows } => {
            Matrix { kind, rows: rows.into_iter().map(|r| r.into_iter().map(&mut *m).collect()).collect() }
        }
        Piecewise { pieces } => Piecewise { pieces: pieces.into_iter().map(|(v, c)| (m(v), c.map(&mut *m))).collect() },
    }
}
