//! Everything that is not arithmetic: relations, collections, intervals,
//! set operations, matrices, calculus nodes and tagged values. Children are
//! canonicalized; the node itself changes only where two spellings mean the
//! same thing:
//! * `a ± b` has a right side with a positive leading coefficient
//!   (`a ± (-b)` is `a ∓ b`); sums and products move into it (see the
//!   `sum` and `product` modules);
//! * `a > b` is `b < a` (also all-`>`/`>=` chains, and `\supset` chains);
//!   `a = b`, `a \ne b`, `a \approx b` have their two sides sorted;
//! * a set is sorted without duplicates; the empty set `\{\}` is `\emptyset`;
//! * an interval open at both ends is the 2-tuple `(a, b)` (see
//!   grammars/README.md, "Decisions");
//! * nested unions (intersections) are one sorted, left-nested chain;
//! * `matrix`, `bmatrix`, `Bmatrix` are `pmatrix`; `vmatrix` is the
//!   determinant of the `pmatrix`;
//! * a quantity or percentage with a negative value is the negation of
//!   the positive one (`-5 cm` is read as `-(5 cm)`); a unit has no spaces
//!   around its `/` and `^`;
//! * a list of one item is the item; an empty list is the empty tuple; a
//!   list inside another node is a tuple (see `nested_lists_as_tuples`);
//! * a sum or product with no index and a lone letter as its lower bound
//!   has that letter as its index (`\sum_{i}^{n}`);
//! * an integrand that is a one-element set is its element (braces that
//!   group, as `\int \{x\} dx` is read);
//! * text has its whitespace trimmed and collapsed, and its symbols
//!   written as LaTeX reads them (see `canonical_text`); a piecewise condition
//!   `\text{otherwise}` is no condition.

use crate::ast::{Expr, ExprKind, MatrixKind, RelOp, SetOp};
use crate::parse::parser::latex_cmd::{bound_symbol, rebind_constant_letter};
use crate::span::Span;

use num_traits::Signed;

use super::sum::{build_sum, make_term, negate_terms, split_term};
use super::Ctx;

/// The index a lower bound names when the sum has none, as the LaTeX
/// parser reads `\sum_{…}`: a lone letter (no start value), or the letter
/// on the left of `k = a` (start `a`).
fn index_of_bound(lower: &Expr) -> Option<(crate::ast::Symbol, Option<Expr>)> {
    match &lower.kind {
        ExprKind::Relation { ops, operands } if ops.len() == 1 && ops[0] == RelOp::Eq && operands.len() == 2 => {
            bound_symbol(&operands[0]).map(|v| (v, Some(operands[1].clone())))
        }
        _ => bound_symbol(lower).map(|v| (v, None)),
    }
}

impl Ctx<'_> {
    fn boxed(&self, e: &Expr) -> Box<Expr> {
        Box::new(self.canon(e))
    }

    fn opt(&self, e: &Option<Box<Expr>>) -> Option<Box<Expr>> {
        e.as_ref().map(|e| self.boxed(e))
    }

    fn all(&self, es: &[Expr]) -> Vec<Expr> {
        es.iter().map(|e| self.canon(e)).collect()
    }

    pub(crate) fn canon_structure(&self, e: &Expr) -> Expr {
        use ExprKind::*;
        let kind = match &e.kind {
            Apply { name, args } => Apply { name: name.clone(), args: self.all(args) },
            BigOp { op, body, var, lower, upper } => {
                let lower = self.opt(lower);
                // `\sum_{i}^{n}`: with no index, a lower bound that is a
                // lone letter is the index, as the parsers read it (and how
                // `\sum_{i/1}^{n}` prints once its bound is `i`); so is the
                // letter of a bound `k = a` (how a bound `x k = 1 k` prints
                // once canonical, `k = x`). The body's constant `e` (`i`)
                // is then that index, as where the parsers rebind it; it
                // is rebound once the body is canonical, so that `\exp(x)`
                // and `\sqrt{-1}` are rebound as `e^{x}` and `i` are (the
                // printed `e^{x}` must read back the same).
                let index = if var.is_none() { lower.as_deref().and_then(index_of_bound) } else { None };
                match index {
                    Some((v, from)) => BigOp {
                        op: *op,
                        body: Box::new(self.canon(&rebind_constant_letter(self.canon(body), &v))),
                        var: Some(v),
                        lower: from.map(Box::new),
                        upper: self.opt(upper),
                    },
                    None => BigOp { op: *op, body: self.boxed(body), var: var.clone(), lower, upper: self.opt(upper) },
                }
            }
            Integral { body, var, lower, upper } => {
                // A one-element set as the whole integrand is braces that
                // group, as the LaTeX and spoken readers take `\int \{x\}`
                // (plain `Integral({x})` keeps the set as written).
                // Braces in braces group too: unwrapping one level only
                // left `{1}` of `{{1}}` for the next canonical form to unwrap.
                let mut body = self.canon(body);
                while let Expr { kind: Set { items }, .. } = &mut body {
                    if items.len() != 1 {
                        break;
                    }
                    body = items.pop().expect("one");
                }
                Integral { body: Box::new(body), var: var.clone(), lower: self.opt(lower), upper: self.opt(upper) }
            }
            Limit { body, var, to, dir } => {
                Limit { body: self.boxed(body), var: var.clone(), to: self.boxed(to), dir: *dir }
            }
            Derivative { body, var, order } => Derivative { body: self.boxed(body), var: var.clone(), order: *order },
            Relation { ops, operands } => return self.relation(ops, operands),
            Percent { value } => {
                let (neg, v) = pull_sign(self.canon(value));
                return self.signed(neg, Expr::new(Percent { value: Box::new(v) }, e.span));
            }
            Quantity { value, unit } => {
                let (neg, v) = pull_sign(self.canon(value));
                return self.signed(neg, Expr::new(Quantity { value: Box::new(v), unit: canonical_unit(unit) }, e.span));
            }
            PlusMinus { lhs, rhs, minus_plus } => {
                let lhs = lhs.as_ref().map(|l| self.canon(l));
                let terms = lhs.into_iter().collect::<Vec<_>>();
                // `a ± b` is the sum `a + (±b)`: the sum code moves the
                // other terms into the left side.
                let pm = plus_minus(None, self.canon(rhs), *minus_plus);
                let mut out = super::sum::add_canonical(terms.into_iter().chain([pm]).collect());
                out.span = e.span;
                return out;
            }
            Set { items } => {
                let mut items = self.all(items);
                items.sort();
                items.dedup();
                if items.is_empty() {
                    EmptySet
                } else {
                    Set { items }
                }
            }
            Tuple { items } => Tuple { items: self.all(items) },
            // A list of one answer is that answer (plain `[x]`): LaTeX has
            // no brackets for a list, so both print it as the item.
            List { items } if items.len() == 1 => return self.canon(&items[0]),
            // An empty list (plain `[]`) is the empty tuple `\left(\right)`,
            // its only LaTeX spelling.
            List { items } if items.is_empty() => Tuple { items: Vec::new() },
            List { items } => List { items: self.all(items) },
            Interval { lo, hi, lo_closed, hi_closed } => {
                if !lo_closed && !hi_closed {
                    Tuple { items: vec![self.canon(lo), self.canon(hi)] }
                } else {
                    Interval { lo: self.boxed(lo), hi: self.boxed(hi), lo_closed: *lo_closed, hi_closed: *hi_closed }
                }
            }
            SetOp { op: op @ (crate::ast::SetOp::Union | crate::ast::SetOp::Intersection), .. } => {
                return self.set_chain(e, *op)
            }
            SetOp { op, lhs, rhs } => SetOp { op: *op, lhs: self.boxed(lhs), rhs: self.boxed(rhs) },
            Matrix { kind, rows } => {
                let rows: Vec<Vec<Expr>> = rows.iter().map(|r| self.all(r)).collect();
                match kind {
                    MatrixKind::Vert => {
                        let m = Expr::new(Matrix { kind: MatrixKind::Paren, rows }, Span::EMPTY);
                        Func { func: crate::ast::Func::Det, args: vec![m] }
                    }
                    MatrixKind::DoubleVert => Matrix { kind: MatrixKind::DoubleVert, rows },
                    _ => Matrix { kind: MatrixKind::Paren, rows },
                }
            }
            Piecewise { pieces } => Piecewise {
                pieces: pieces
                    .iter()
                    .map(|(v, c)| (self.canon(v), c.as_ref().map(|c| self.canon(c)).filter(|c| !is_otherwise(c))))
                    .collect(),
            },
            Text { text } => Text { text: canonical_text(text) },
            // Leaves and arithmetic are handled by the caller; anything
            // else is kept with canonical children.
            other => other.clone(),
        };
        Expr::new(kind, e.span)
    }

    /// `-t` for a tagged value whose sign was pulled out: `-5 cm` is
    /// `-(5 cm)`, as the parsers read it.
    fn signed(&self, neg: bool, t: Expr) -> Expr {
        if !neg {
            return t;
        }
        let span = t.span;
        let mut out = self.mul_canonical(vec![crate::canon::number::int(-1), t]);
        out.span = span;
        out
    }

    fn relation(&self, ops: &[RelOp], operands: &[Expr]) -> Expr {
        let mut operands = self.all(operands);
        let mut ops = ops.to_vec();
        let well_formed = !ops.is_empty() && operands.len() == ops.len() + 1;
        if well_formed {
            let all_in = |set: &[RelOp]| ops.iter().all(|o| set.contains(o));
            if all_in(&[RelOp::Gt, RelOp::Ge]) || all_in(&[RelOp::Supset, RelOp::SupsetEq]) {
                // Read right to left: a > b >= c is c <= b < a.
                operands.reverse();
                ops.reverse();
                for o in &mut ops {
                    *o = o.flipped();
                }
            } else if ops.len() == 1 && matches!(ops[0], RelOp::Eq | RelOp::Ne | RelOp::Approx) {
                operands.sort();
            }
        }
        Expr::new(ExprKind::Relation { ops, operands }, Span::EMPTY)
    }

    /// A union (or intersection) chain: the operands of all directly nested
    /// nodes of the same operation, canonical, sorted, deduplicated, then
    /// rebuilt left-nested.
    fn set_chain(&self, e: &Expr, op: SetOp) -> Expr {
        let mut leaves: Vec<Expr> = Vec::new();
        let mut stack = vec![e];
        while let Some(x) = stack.pop() {
            match &x.kind {
                ExprKind::SetOp { op: o, lhs, rhs } if *o == op => {
                    stack.push(&**rhs);
                    stack.push(&**lhs);
                }
                _ => {
                    let c = self.canon(x);
                    // A leaf may canonicalize to the same operation (it
                    // cannot today, but keep the chain flat regardless).
                    flatten_into(c, op, &mut leaves);
                }
            }
        }
        leaves.sort();
        leaves.dedup();
        let mut it = leaves.into_iter();
        let first = it.next().unwrap_or_else(|| Expr::new(ExprKind::EmptySet, Span::EMPTY));
        let mut out = it
            .fold(first, |acc, x| Expr::new(ExprKind::SetOp { op, lhs: Box::new(acc), rhs: Box::new(x) }, Span::EMPTY));
        out.span = e.span;
        out
    }
}

/// A canonical `lhs ± rhs` from canonical parts: the right side's leading
/// coefficient made positive (`± (-b)` is `∓ b`), a zero left side dropped.
pub(crate) fn plus_minus(lhs: Option<Expr>, rhs: Expr, minus_plus: bool) -> Expr {
    let (neg, rhs) = pull_sign(rhs);
    let lhs = lhs.filter(|l| !l.is_int(0)).map(Box::new);
    Expr::new(ExprKind::PlusMinus { lhs, rhs: Box::new(rhs), minus_plus: minus_plus ^ neg }, Span::EMPTY)
}

/// A value with a negative leading coefficient, negated: `(true, 5)` for
/// `-5`.
fn pull_sign(v: Expr) -> (bool, Expr) {
    let negative = match &v.kind {
        ExprKind::Add { terms } => terms.first().is_some_and(|t| split_term(t.clone()).0.is_negative()),
        _ => split_term(v.clone()).0.is_negative(),
    };
    if !negative {
        return (false, v);
    }
    let neg = match &v.kind {
        ExprKind::Add { terms } => build_sum(negate_terms(terms)),
        _ => {
            let (c, m) = split_term(v);
            make_term(-c, m)
        }
    };
    (true, neg)
}

/// A piecewise condition that means "no condition": `\text{otherwise}`.
fn is_otherwise(c: &Expr) -> bool {
    matches!(&c.kind, ExprKind::Text { text } if text.eq_ignore_ascii_case("otherwise") || text.eq_ignore_ascii_case("else"))
}

fn flatten_into(c: Expr, op: SetOp, out: &mut Vec<Expr>) {
    let mut stack = vec![c];
    while let Some(x) = stack.pop() {
        match x.kind {
            ExprKind::SetOp { op: o, lhs, rhs } if o == op => {
                stack.push(*rhs);
                stack.push(*lhs);
            }
            kind => out.push(Expr::new(kind, x.span)),
        }
    }
}

/// Text as LaTeX input reads it. LaTeX input is normalized whole before it
/// is lexed, `\text{…}` included (`\text{∪}` is the text `\cup`), while a
/// plain string keeps its `∪`: the same text written in either syntax gets
/// the one canonical form when it is normalized likewise. ASCII is its own
/// normal form.
fn canonical_text(text: &str) -> String {
    let normalized;
    let t = if text.is_ascii() {
        text
    } else {
        normalized = crate::normalize::normalize(text, crate::parse::Syntax::Latex).text;
        normalized.as_str()
    };
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A unit with no spaces around its `/` and `^` (`\text{ mz / m}` and
/// `\text{ mz}/\text{m}`, how the printer writes a compound unit, are the
/// same unit); spaces inside a word of several (`square units`) stay.
fn canonical_unit(unit: &str) -> String {
    if !unit.contains(['/', '^']) {
        return unit.to_string();
    }
    unit.split('/')
        .map(|part| part.split('^').map(str::trim).collect::<Vec<_>>().join("^"))
        .collect::<Vec<_>>()
        .join("/")
}
