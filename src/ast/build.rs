//! Small constructors, so parsers and the canonicalizer read like the math
//! they build.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::One;

use super::{Constant, Expr, ExprKind, Func, Span, Symbol};

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    pub fn int(value: impl Into<BigInt>, span: Span) -> Expr {
        Expr::new(ExprKind::Integer { value: value.into() }, span)
    }

    /// An exact rational, written as an integer when the denominator is 1.
    pub fn rational(value: BigRational, span: Span) -> Expr {
        if value.denom().is_one() {
            Expr::new(ExprKind::Integer { value: value.numer().clone() }, span)
        } else {
            Expr::new(ExprKind::Rational { value }, span)
        }
    }

    pub fn symbol(name: impl Into<String>, span: Span) -> Expr {
        Expr::new(ExprKind::Symbol { sym: Symbol::new(name) }, span)
    }

    pub fn sym(sym: Symbol, span: Span) -> Expr {
        Expr::new(ExprKind::Symbol { sym }, span)
    }

    pub fn constant(constant: Constant, span: Span) -> Expr {
        Expr::new(ExprKind::Constant { constant }, span)
    }

    pub fn neg(arg: Expr, span: Span) -> Expr {
        Expr::new(ExprKind::Neg { arg: Box::new(arg) }, span)
    }

    pub fn pow(base: Expr, exp: Expr, span: Span) -> Expr {
        Expr::new(ExprKind::Pow { base: Box::new(base), exp: Box::new(exp) }, span)
    }

    pub fn div(num: Expr, den: Expr, span: Span) -> Expr {
        Expr::new(ExprKind::Div { num: Box::new(num), den: Box::new(den) }, span)
    }

    pub fn func(func: Func, args: Vec<Expr>, span: Span) -> Expr {
        Expr::new(ExprKind::Func { func, args }, span)
    }

    pub fn text(text: impl Into<String>, span: Span) -> Expr {
        Expr::new(ExprKind::Text { text: text.into() }, span)
    }

    /// A sum, or the single term itself.
    pub fn add(mut terms: Vec<Expr>, span: Span) -> Expr {
        if terms.len() == 1 {
            return terms.pop().expect("one term");
        }
        Expr::new(ExprKind::Add { terms }, span)
    }

    /// A product, or the single factor itself.
    pub fn mul(mut factors: Vec<Expr>, span: Span) -> Expr {
        if factors.len() == 1 {
            return factors.pop().expect("one factor");
        }
        Expr::new(ExprKind::Mul { factors }, span)
    }

    /// `lhs · rhs` as one product: factors of a product `lhs` are kept
    /// flat (`a b c`, not `(a b) c`). Both parsers build products with it.
    pub fn times(lhs: Expr, rhs: Expr) -> ExprKind {
        let mut factors = match lhs.kind {
            ExprKind::Mul { factors } => factors,
            other => vec![Expr::new(other, lhs.span)],
        };
        factors.push(rhs);
        ExprKind::Mul { factors }
    }

    /// Children in order, for generic walks (node counting, depth checks).
    pub fn children(&self) -> Vec<&Expr> {
        let mut out: Vec<&Expr> = Vec::new();
        self.push_children(&mut out);
        out
    }

    /// [`Expr::children`] pushed onto `out`: a walk with a stack of nodes
    /// pushes each node's children without a list of its own per node.
    pub fn push_children<'a>(&'a self, out: &mut Vec<&'a Expr>) {
        use ExprKind::*;
        match &self.kind {
            Integer { .. } | Rational { .. } | Decimal { .. } | Symbol { .. } | Constant { .. }
            | NumberSet { .. } | EmptySet | Text { .. } => {}
            Add { terms } => out.extend(terms),
            Mul { factors } => out.extend(factors),
            Div { num, den } => out.extend([&**num, &**den]),
            Pow { base, exp } => out.extend([&**base, &**exp]),
            Root { radicand, index } => {
                out.push(radicand);
                out.extend(index.as_deref());
            }
            Neg { arg } => out.push(arg),
            PlusMinus { lhs, rhs, .. } => {
                out.extend(lhs.as_deref());
                out.push(rhs);
            }
            Func { args, .. } | Apply { args, .. } => out.extend(args),
            BigOp { body, lower, upper, .. } | Integral { body, lower, upper, .. } => {
                out.push(body);
                out.extend(lower.as_deref());
                out.extend(upper.as_deref());
            }
            Limit { body, to, .. } => out.extend([&**body, &**to]),
            Derivative { body, .. } => out.push(body),
            Relation { operands, .. } => out.extend(operands),
            Percent { value } | Quantity { value, .. } => out.push(value),
            Set { items } | Tuple { items } | List { items } => out.extend(items),
            Interval { lo, hi, .. } => out.extend([&**lo, &**hi]),
            SetOp { lhs, rhs, .. } => out.extend([&**lhs, &**rhs]),
            Matrix { rows, .. } => out.extend(rows.iter().flatten()),
            Piecewise { pieces } => {
                for (v, c) in pieces {
                    out.push(v);
                    out.extend(c.as_ref());
                }
            }
        }
    }

    /// Number of nodes in the tree (iterative: safe on any depth).
    pub fn node_count(&self) -> usize {
        let mut stack = vec![self];
        let mut n = 0;
        while let Some(e) = stack.pop() {
            n += 1;
            e.push_children(&mut stack);
        }
        n
    }

    /// Depth of the tree, a leaf being 1 (iterative).
    pub fn depth(&self) -> usize {
        let mut stack = vec![(self, 1usize)];
        let mut max = 0;
        while let Some((e, d)) = stack.pop() {
            max = max.max(d);
            for c in e.children() {
                stack.push((c, d + 1));
            }
        }
        max
    }

    /// Is this exactly the integer `n`?
    pub fn is_int(&self, n: i64) -> bool {
        matches!(&self.kind, ExprKind::Integer { value } if *value == BigInt::from(n))
    }

    pub fn is_one(&self) -> bool {
        matches!(&self.kind, ExprKind::Integer { value } if value.is_one())
    }
}
