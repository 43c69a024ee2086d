//! Sets, answer lists, tuples, intervals, unions, matrices, and `±`.

use super::verdict::Method;
use super::{compare, Ctx, Outcome};
use crate::ast::{Expr, ExprKind, SetOp};

/// Most `±` signs expanded (2^4 = 16 values).
const MAX_PLUS_MINUS: usize = 4;
/// Largest collections matched element by element (quadratic work).
const MAX_MATCH: usize = 200;

pub fn has_plus_minus(e: &Expr) -> bool {
    crate::ast::any_node(e, |x| matches!(x.kind, ExprKind::PlusMinus { .. }))
}

/// The values an answer with `±` stands for: `3 \pm 2` is `[5, 1]`;
/// a list expands item by item.
pub fn expand_plus_minus(e: &Expr) -> Vec<Expr> {
    match &e.kind {
        ExprKind::List { items } | ExprKind::Set { items } => items.iter().flat_map(expand_plus_minus).collect(),
        _ => {
            let n = count_pm(e);
            if n == 0 || n > MAX_PLUS_MINUS {
                return vec![e.clone()];
            }
            (0..(1u32 << n)).map(|mask| choose_signs(e, mask, &mut 0)).collect()
        }
    }
}

fn count_pm(e: &Expr) -> usize {
    let mut n = 0;
    let mut stack = vec![e];
    while let Some(x) = stack.pop() {
        if matches!(x.kind, ExprKind::PlusMinus { .. }) {
            n += 1;
        }
        x.push_children(&mut stack);
    }
    n
}

/// Replace the k-th `±` (in walk order) by `+` if bit k of `mask` is 0.
fn choose_signs(e: &Expr, mask: u32, k: &mut u32) -> Expr {
    crate::ast::map_bottom_up(e.clone(), &mut |x| match x.kind {
        ExprKind::PlusMinus { lhs, rhs, minus_plus } => {
            let plus = ((mask >> *k) & 1 == 0) != minus_plus;
            *k += 1;
            let signed = if plus { *rhs } else { Expr::neg(*rhs, x.span) };
            match lhs {
                Some(l) => Expr::add(vec![*l, signed], x.span),
                None => signed,
            }
        }
        kind => Expr::new(kind, x.span),
    })
}

/// Can this stand for a set of numbers?
pub fn is_set_like(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Set { .. }
            | ExprKind::Interval { .. }
            | ExprKind::SetOp { .. }
            | ExprKind::EmptySet
            | ExprKind::NumberSet { .. }
    ) || matches!(&e.kind, ExprKind::Tuple { items } if items.len() == 2)
}

/// Every element of `gs` matched to a distinct element of `ps` and back.
/// With `dedupe`, repeated elements count once (sets).
pub fn match_multisets(gs: &[Expr], ps: &[Expr], ctx: &Ctx, dedupe: bool) -> bool {
    let (gs, ps) = if dedupe { (dedup(gs, ctx), dedup(ps, ctx)) } else { (gs.to_vec(), ps.to_vec()) };
    if gs.len() != ps.len() {
        return false;
    }
    if gs.len() > MAX_MATCH {
        let mut a: Vec<Expr> = gs.iter().map(|x| ctx.canon(x)).collect();
        let mut b: Vec<Expr> = ps.iter().map(|x| ctx.canon(x)).collect();
        a.sort();
        b.sort();
        return a == b;
    }
    let mut used = vec![false; ps.len()];
    'outer: for g in &gs {
        for (j, p) in ps.iter().enumerate() {
            if !used[j] && compare(g, p, ctx).is_some_and(|o| o.0) {
                used[j] = true;
                continue 'outer;
            }
        }
        return false;
    }
    true
}

fn dedup(xs: &[Expr], ctx: &Ctx) -> Vec<Expr> {
    let mut seen: Vec<Expr> = Vec::new();
    let mut out = Vec::new();
    for x in xs {
        let c = ctx.canon(x);
        if !seen.contains(&c) {
            seen.push(c);
            out.push(x.clone());
        }
    }
    out
}

fn all_pairs(gs: &[Expr], ps: &[Expr], ctx: &Ctx) -> bool {
    gs.len() == ps.len() && gs.iter().zip(ps).all(|(g, p)| compare(g, p, ctx).is_some_and(|o| o.0))
}

/// The pieces of a union, flattened.
fn union_pieces(e: &Expr, out: &mut Vec<Expr>) {
    match &e.kind {
        ExprKind::SetOp { op: SetOp::Union, lhs, rhs } => {
            union_pieces(lhs, out);
            union_pieces(rhs, out);
        }
        _ => out.push(e.clone()),
    }
}

/// A list of relations (or one) read as the pieces of a union: a gold may
/// always be read so, a prediction with `allow_set_relation_comp`.
fn relations_as_sets(pieces: Vec<Expr>, ctx: &Ctx, gold: bool) -> Vec<Expr> {
    if pieces.len() != 1 || !(gold || ctx.opts.allow_set_relation_comp) {
        return pieces;
    }
    let items: Vec<Expr> = match &pieces[0].kind {
        ExprKind::List { items } => items.clone(),
        ExprKind::Relation { .. } => vec![pieces[0].clone()],
        _ => return pieces,
    };
    let sets: Option<Vec<Expr>> = items.iter().map(super::relation::as_set).collect();
    sets.unwrap_or(pieces)
}

/// A 2-tuple read as an open interval.
fn as_interval(e: &Expr) -> Option<(Expr, Expr, bool, bool)> {
    match &e.kind {
        ExprKind::Interval { lo, hi, lo_closed, hi_closed } => Some(((**lo).clone(), (**hi).clone(), *lo_closed, *hi_closed)),
        ExprKind::Tuple { items } if items.len() == 2 => Some((items[0].clone(), items[1].clone(), false, false)),
        _ => None,
    }
}

/// Items of a collection read as an unordered answer list.
fn items_of(e: &Expr) -> Option<&[Expr]> {
    match &e.kind {
        ExprKind::Set { items } | ExprKind::List { items } | ExprKind::Tuple { items } => Some(items),
        _ => None,
    }
}

/// Matrix cells, with a 1×n or n×1 matrix also read as a vector.
fn vector_of(e: &Expr) -> Option<Vec<Expr>> {
    match &e.kind {
        ExprKind::Matrix { rows, .. } if rows.len() == 1 => Some(rows[0].clone()),
        ExprKind::Matrix { rows, .. } if rows.iter().all(|r| r.len() == 1) => Some(rows.iter().map(|r| r[0].clone()).collect()),
        ExprKind::Tuple { items } => Some(items.clone()),
        _ => None,
    }
}

/// Largest matrix dimension evaluated by matrix arithmetic.
const MAX_MATRIX_DIM: usize = 16;

/// The entries of a matrix expression: sums, negations, scalar multiples
/// and products of matrices, entry by entry (`A + B` against its sum).
fn matrix_value(e: &Expr) -> Option<Vec<Vec<Expr>>> {
    let sp = e.span;
    match &e.kind {
        ExprKind::Matrix { rows, .. } => {
            (rows.len() <= MAX_MATRIX_DIM && rows.iter().all(|r| r.len() <= MAX_MATRIX_DIM)).then(|| rows.clone())
        }
        ExprKind::Neg { arg } => {
            let m = matrix_value(arg)?;
            Some(m.into_iter().map(|r| r.into_iter().map(|x| Expr::neg(x, sp)).collect()).collect())
        }
        ExprKind::Add { terms } => {
            let ms: Option<Vec<_>> = terms.iter().map(matrix_value).collect();
            let ms = ms?;
            let (r, c) = (ms[0].len(), ms[0].first().map_or(0, Vec::len));
            if ms.iter().any(|m| m.len() != r || m.iter().any(|row| row.len() != c)) {
                return None;
            }
            Some(
                (0..r)
                    .map(|i| (0..c).map(|j| Expr::add(ms.iter().map(|m| m[i][j].clone()).collect(), sp)).collect())
                    .collect(),
            )
        }
        ExprKind::Mul { factors } => {
            let mut acc: Option<Vec<Vec<Expr>>> = None;
            let mut scalars = Vec::new();
            for f in factors {
                match matrix_value(f) {
                    Some(m) => {
                        acc = Some(match acc {
                            None => m,
                            Some(a) => mat_mul(&a, &m, sp)?,
                        })
                    }
                    None if super::scalar::is_scalar(f) => scalars.push(f.clone()),
                    None => return None,
                }
            }
            let m = acc?;
            Some(
                m.into_iter()
                    .map(|r| {
                        r.into_iter()
                            .map(|x| {
                                let mut fs = scalars.clone();
                                fs.push(x);
                                Expr::mul(fs, sp)
                            })
                            .collect()
                    })
                    .collect(),
            )
        }
        _ => None,
    }
}

fn mat_mul(a: &[Vec<Expr>], b: &[Vec<Expr>], sp: crate::span::Span) -> Option<Vec<Vec<Expr>>> {
    let inner = a.first()?.len();
    if inner != b.len() || inner == 0 {
        return None;
    }
    let cols = b[0].len();
    // A ragged matrix (LaTeX allows rows of other lengths) has no product.
    if a.iter().any(|row| row.len() != inner) || b.iter().any(|row| row.len() != cols) {
        return None;
    }
    Some(
        a.iter()
            .map(|row| {
                (0..cols)
                    .map(|j| Expr::add((0..inner).map(|k| Expr::mul(vec![row[k].clone(), b[k][j].clone()], sp)).collect(), sp))
                    .collect()
            })
            .collect(),
    )
}

pub fn compare_collections(g: &Expr, p: &Expr, ctx: &Ctx) -> Outcome {
    use ExprKind::*;
    // Matrix arithmetic on either side.
    let is_matrix = |e: &Expr| matches!(e.kind, Matrix { .. });
    if (is_matrix(g) || is_matrix(p)) && !(is_matrix(g) && is_matrix(p)) {
        if let (Some(a), Some(b)) = (matrix_value(g), matrix_value(p)) {
            let same_shape = a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| x.len() == y.len());
            let eq = same_shape && a.iter().zip(&b).all(|(x, y)| all_pairs(x, y, ctx));
            return Some((eq, Method::Matrix));
        }
    }
    // A matrix in parentheses is still the matrix; a one-element set or
    // list against a single value compares the element.
    match (&g.kind, &p.kind) {
        (Matrix { rows: a, .. }, Matrix { rows: b, .. }) => {
            let same_shape = a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.len() == y.len());
            let eq = same_shape && a.iter().zip(b).all(|(x, y)| all_pairs(x, y, ctx));
            return Some((eq, Method::Matrix));
        }
        (Matrix { .. }, Tuple { .. }) | (Tuple { .. }, Matrix { .. }) => {
            let eq = match (vector_of(g), vector_of(p)) {
                (Some(a), Some(b)) => all_pairs(&a, &b, ctx),
                _ => false,
            };
            return Some((eq, Method::Matrix));
        }
        (Tuple { items: a }, Tuple { items: b }) => return Some((all_pairs(a, b, ctx), Method::Tuple)),
        (SetOp { op: crate::ast::SetOp::Union, .. }, _) | (_, SetOp { op: crate::ast::SetOp::Union, .. }) => {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            union_pieces(g, &mut a);
            union_pieces(p, &mut b);
            // `x < -7 \text{ or } x > 1`: answers joined by "or" are pieces.
            let a = relations_as_sets(a, ctx, true);
            let b = relations_as_sets(b, ctx, false);
            if a.len() == 1 && b.len() == 1 {
                return Some((false, Method::Set));
            }
            return Some((match_multisets(&a, &b, ctx, true), Method::Set));
        }
        (SetOp { op: o1, lhs: l1, rhs: r1 }, SetOp { op: o2, lhs: l2, rhs: r2 }) => {
            let eq = o1 == o2
                && compare(l1, l2, ctx).is_some_and(|o| o.0)
                && compare(r1, r2, ctx).is_some_and(|o| o.0);
            return Some((eq, Method::Set));
        }
        _ => {}
    }
    // Intervals (and open 2-tuples against an interval).
    if matches!(g.kind, Interval { .. }) || matches!(p.kind, Interval { .. }) {
        return match (as_interval(g), as_interval(p)) {
            (Some((a, b, c, d)), Some((w, x, y, z))) => {
                let eq = c == y
                    && d == z
                    && compare(&a, &w, ctx).is_some_and(|o| o.0)
                    && compare(&b, &x, ctx).is_some_and(|o| o.0);
                Some((eq, Method::Interval))
            }
            _ => Some((false, Method::Interval)),
        };
    }
    // Unordered answers: sets, lists, and a tuple against a set.
    if let (Some(a), Some(b)) = (items_of(g), items_of(p)) {
        if let Some(eq) = named_in_order(a, b, ctx) {
            return Some((eq, Method::Tuple));
        }
        // Answer lists are sets of solutions: a repeated answer counts once.
        return Some((match_multisets(a, b, ctx, true), Method::Set));
    }
    // One element against a value.
    if let Some(a) = items_of(g) {
        if let Some(x) = single_value(g, a, ctx) {
            return compare(&x, p, ctx);
        }
        return Some((false, Method::Set));
    }
    if let Some(b) = items_of(p) {
        if let Some(x) = single_value(p, b, ctx) {
            return compare(g, &x, ctx);
        }
        // A worked list `T=650, k=13` against one value: its last equation
        // states the result.
        if let Some(v) = last_stated_value(p) {
            return super::tag(compare(g, v, ctx), Method::Equation);
        }
        return Some((false, Method::Set));
    }
    // A determinant-style matrix against a value, empty sets, …
    Some((false, Method::Mismatch))
}

/// The one value a collection stands for: its only item, or, for an
/// answer list or set, the value every item has (`\frac{4}{10}` or
/// `\frac{2}{5}` answers one value written two ways). A tuple `(2, 2)` is
/// a point, never the number 2.
fn single_value(e: &Expr, items: &[Expr], ctx: &Ctx) -> Option<Expr> {
    if items.len() == 1 {
        return Some(items[0].clone());
    }
    let list = matches!(e.kind, ExprKind::List { .. } | ExprKind::Set { .. });
    // An empty list or set (`\left[\right]`) stands for no value.
    if !list || items.is_empty() || items.len() > MAX_MATCH {
        return None;
    }
    let first = ctx.canon(&items[0]);
    items[1..].iter().all(|x| ctx.canon(x) == first).then(|| items[0].clone())
}

/// The value an answer list of equations ends with: `T=650, k=13`,
/// `x = 4, y = 2 \times 4 + 3 = 11`, `x-2013+y-2014=0, x+y=4027` give
/// `13`, `11`, `4027`. Such a list is a derivation (givens, then the
/// result), so its last equation is what it finds. Only a list of two or
/// more equations: a lone `x + y = 4027` is an equation, not the value
/// 4027; and not when an earlier equation has the last one's left side
/// (`n = 69, n = 84` lists two answers, neither is the answer 84).
fn last_stated_value(p: &Expr) -> Option<&Expr> {
    let ExprKind::List { items } = &p.kind else { return None };
    let lhs: Option<Vec<&Expr>> = items.iter().map(equation_lhs).collect();
    let lhs = lhs?;
    let (last, earlier) = lhs.split_last()?;
    if earlier.is_empty() || earlier.contains(last) {
        return None;
    }
    super::relation::stated_value(items.last()?)
}

/// The left side of an equation (every relation `=`).
fn equation_lhs(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Relation { ops, operands } if ops.iter().all(|o| *o == crate::ast::RelOp::Eq) => operands.first(),
        _ => None,
    }
}

/// Values against equations of different names, `221, 8` vs `m=221, n=8`:
/// the names say which value is which, so the values compare in order
/// (`m=8, n=221` is another answer). `None` when the rule does not apply:
/// not all items on one side are `name = value`, the names repeat
/// (`k=8, k=4` is a set of values of one `k`), or the other side has
/// relations too.
fn named_in_order(a: &[Expr], b: &[Expr], ctx: &Ctx) -> Option<bool> {
    if a.len() != b.len() || a.len() < 2 || a.len() > MAX_MATCH {
        return None;
    }
    let is_rel = |e: &Expr| matches!(e.kind, ExprKind::Relation { .. });
    let (values, named) = if b.iter().all(is_rel) && !a.iter().any(is_rel) {
        (a, b)
    } else if a.iter().all(is_rel) && !b.iter().any(is_rel) {
        (b, a)
    } else {
        return None;
    };
    let mut names: Vec<&Expr> = Vec::with_capacity(named.len());
    let mut vals: Vec<&Expr> = Vec::with_capacity(named.len());
    for r in named {
        let ExprKind::Relation { operands, .. } = &r.kind else { return None };
        let v = super::relation::named_value(r)?;
        if names.contains(&&operands[0]) || std::ptr::eq(v, &operands[0]) {
            return None;
        }
        names.push(&operands[0]);
        vals.push(v);
    }
    Some(values.iter().zip(vals).all(|(x, v)| compare(x, v, ctx).is_some_and(|o| o.0)))
}
