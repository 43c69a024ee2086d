//! Properties of the canonical form and the printers on random small trees:
//! canonicalization is idempotent, never panics, stays fast; printing any
//! tree never panics.

use std::time::{Duration, Instant};

use mathgrade::ast::{BigOp, Constant, ExprKind, Func, LimitDir, MatrixKind, RelOp, SetOp, Symbol};
use mathgrade::{canonical, canonical_with, to_latex, to_plain, Expr, Limits, Span};
use num_rational::BigRational;
use proptest::prelude::*;

const S: Span = Span::EMPTY;

fn i(n: i64) -> Expr {
    Expr::int(n, S)
}
fn v(name: &str) -> Expr {
    Expr::symbol(name, S)
}
fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}
fn k(kind: ExprKind) -> Expr {
    Expr::new(kind, S)
}

fn leaf() -> impl Strategy<Value = Expr> {
    prop_oneof![
        (-6i64..7).prop_map(i),
        (-5i64..6, 2i64..7).prop_map(|(n, d)| Expr::rational(BigRational::new(n.into(), d.into()), S)),
        (0i64..200).prop_map(|n| k(ExprKind::Decimal {
            value: BigRational::new(n.into(), 10.into()),
            text: format!("{}.{}", n / 10, n % 10)
        })),
        Just(v("x")),
        Just(v("y")),
        Just(v("z")),
        Just(Expr::sym(Symbol { name: "a".into(), accent: None, sub: Some("1".into()), primes: 0 }, S)),
        prop_oneof![Just(Constant::Pi), Just(Constant::E), Just(Constant::I), Just(Constant::Infinity)]
            .prop_map(|c| Expr::constant(c, S)),
    ]
}

fn func() -> impl Strategy<Value = Func> {
    prop::sample::select(Func::ALL.iter().map(|(f, _)| *f).collect::<Vec<_>>())
}

/// Functions both parsers can read back (no LaTeX spelling of `conjugate`
/// yet).
fn readable_func() -> impl Strategy<Value = Func> {
    prop::sample::select(Func::ALL.iter().map(|(f, _)| *f).filter(|f| *f != Func::Conj).collect::<Vec<_>>())
}

/// A valid argument count for `f`.
fn arity(f: Func) -> usize {
    match f {
        Func::Binom | Func::Mod | Func::Gcd | Func::Lcm | Func::Min | Func::Max => 2,
        Func::Log => 2,
        _ => 1,
    }
}

/// Relation operators; `readable` leaves out `in`, which plain text after
/// a number reads as the unit inch (`0 in A`).
fn relop(readable: bool) -> impl Strategy<Value = RelOp> {
    let mut ops = vec![
        RelOp::Eq,
        RelOp::Ne,
        RelOp::Lt,
        RelOp::Le,
        RelOp::Gt,
        RelOp::Ge,
        RelOp::Approx,
        RelOp::Subset,
        RelOp::Supset,
    ];
    if !readable {
        ops.push(RelOp::In);
    }
    prop::sample::select(ops)
}

fn sym() -> impl Strategy<Value = Symbol> {
    prop::sample::select(vec!["x", "k", "f"]).prop_map(Symbol::new)
}

/// Arithmetic, functions and calculus: what can appear anywhere.
fn arith(inner: BoxedStrategy<Expr>, readable: bool) -> BoxedStrategy<Expr> {
    let funcs = if readable { readable_func().boxed() } else { func().boxed() };
    // Unknown functions: a letter that applies, or a word.
    let fname = prop::sample::select(vec!["f", "g", "foo"]).prop_map(Symbol::new);
    prop_oneof![
        prop::collection::vec(inner.clone(), 1..4).prop_map(|t| k(ExprKind::Add { terms: t })),
        prop::collection::vec(inner.clone(), 1..4).prop_map(|t| k(ExprKind::Mul { factors: t })),
        (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::div(a, b, S)),
        (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::pow(a, b, S)),
        (inner.clone(), -3i64..6).prop_map(|(a, n)| Expr::pow(a, i(n), S)),
        inner.clone().prop_map(|a| Expr::neg(a, S)),
        (inner.clone(), prop::option::of(2i64..5))
            .prop_map(|(a, n)| k(ExprKind::Root { radicand: bx(a), index: n.map(|n| bx(i(n))) })),
        (funcs, prop::collection::vec(inner.clone(), 3)).prop_map(|(f, mut args)| {
            args.truncate(arity(f));
            Expr::func(f, args, S)
        }),
        (prop::option::of(inner.clone()), inner.clone(), any::<bool>()).prop_map(|(l, r, mp)| k(ExprKind::PlusMinus {
            lhs: l.map(bx),
            rhs: bx(r),
            minus_plus: mp
        })),
        // Bounds come with a variable, both or neither (as written).
        (inner.clone(), sym(), prop::option::of((inner.clone(), inner.clone()))).prop_map(|(b, var, bounds)| {
            let (lo, hi) = bounds.map(|(l, h)| (Some(bx(l)), Some(bx(h)))).unwrap_or((None, None));
            k(ExprKind::BigOp { op: BigOp::Sum, body: bx(b), var: Some(var), lower: lo, upper: hi })
        }),
        (inner.clone(), sym(), prop::option::of((inner.clone(), inner.clone()))).prop_map(|(b, var, bounds)| {
            let (lo, hi) = bounds.map(|(l, h)| (Some(bx(l)), Some(bx(h)))).unwrap_or((None, None));
            k(ExprKind::Integral { body: bx(b), var: Some(var), lower: lo, upper: hi })
        }),
        (
            inner.clone(),
            sym(),
            inner.clone(),
            prop::option::of(prop::sample::select(vec![LimitDir::Plus, LimitDir::Minus]))
        )
            .prop_map(|(b, var, to, dir)| k(ExprKind::Limit { body: bx(b), var, to: bx(to), dir })),
        (inner.clone(), sym(), 1u32..3).prop_map(|(b, var, order)| k(ExprKind::Derivative { body: bx(b), var, order })),
        (fname, prop::collection::vec(inner.clone(), 1..3)).prop_map(|(name, args)| k(ExprKind::Apply { name, args })),
    ]
    .boxed()
}

/// Relations, collections, tagged values. `readable` leaves out what has
/// no printed form the parsers read back: bare lists below the top, text,
/// `Vmatrix`.
fn containers(inner: BoxedStrategy<Expr>, readable: bool) -> BoxedStrategy<Expr> {
    let list_len = if readable { 0..1 } else { 2..4 };
    prop_oneof![
        (prop::collection::vec(relop(readable), 1..3), prop::collection::vec(inner.clone(), 3)).prop_map(
            |(ops, mut xs)| {
                xs.truncate(ops.len() + 1);
                k(ExprKind::Relation { ops, operands: xs })
            }
        ),
        prop::collection::vec(inner.clone(), 0..4).prop_map(|items| k(ExprKind::Set { items })),
        prop::collection::vec(inner.clone(), 2..4).prop_map(|items| k(ExprKind::Tuple { items })),
        prop::collection::vec(inner.clone(), list_len).prop_map(|items| if items.is_empty() {
            i(7)
        } else {
            k(ExprKind::List { items })
        }),
        (inner.clone(), inner.clone(), any::<bool>(), any::<bool>()).prop_map(|(a, b, lc, hc)| k(ExprKind::Interval {
            lo: bx(a),
            hi: bx(b),
            lo_closed: lc,
            hi_closed: hc
        })),
        (
            prop::sample::select(vec![SetOp::Union, SetOp::Intersection, SetOp::Difference]),
            inner.clone(),
            inner.clone()
        )
            .prop_map(|(op, a, b)| k(ExprKind::SetOp { op, lhs: bx(a), rhs: bx(b) })),
        // A percent sign follows a number.
        (0i64..200).prop_map(|n| k(ExprKind::Percent { value: bx(i(n)) })),
        // Units are read after a number only.
        (-20i64..20, prop::sample::select(vec!["deg", "cm"]))
            .prop_map(|(n, u)| k(ExprKind::Quantity { value: bx(i(n)), unit: u.into() })),
        (
            // `Vmatrix` (a norm) has no plain spelling.
            prop::sample::select(if readable {
                vec![MatrixKind::Plain, MatrixKind::Paren, MatrixKind::Bracket, MatrixKind::Vert]
            } else {
                vec![
                    MatrixKind::Plain,
                    MatrixKind::Paren,
                    MatrixKind::Bracket,
                    MatrixKind::Vert,
                    MatrixKind::DoubleVert,
                ]
            }),
            prop::collection::vec(inner.clone(), 4)
        )
            .prop_map(|(kind, c)| k(ExprKind::Matrix { kind, rows: vec![c[..2].to_vec(), c[2..].to_vec()] })),
        (inner.clone(), prop::option::of(inner.clone()))
            .prop_map(|(a, c)| k(ExprKind::Piecewise { pieces: vec![(a, c), (i(0), None)] })),
        // Text inside arithmetic is dropped by the parsers as a remark.
        Just(if readable { i(9) } else { Expr::text(" some  text ", S) }),
        Just(k(ExprKind::EmptySet)),
    ]
    .boxed()
}

/// Arithmetic-heavy trees (the canonicalizer's real work).
fn arith_tree(readable: bool) -> impl Strategy<Value = Expr> {
    leaf().prop_recursive(5, 40, 4, move |inner| arith(inner.boxed(), readable))
}

/// Trees of every node kind, any node anywhere.
fn any_tree() -> impl Strategy<Value = Expr> {
    leaf().prop_recursive(4, 32, 4, move |inner| {
        let inner = inner.boxed();
        prop_oneof![3 => arith(inner.clone(), false), 1 => containers(inner, false)]
    })
}

/// Trees as answers are written: arithmetic, or one relation / collection
/// of arithmetic.
fn answer_tree() -> impl Strategy<Value = Expr> {
    let a = || leaf().prop_recursive(4, 24, 4, |inner| arith(inner.boxed(), true)).boxed();
    prop_oneof![a(), containers(a(), true)]
}

fn check(e: &Expr) {
    let start = Instant::now();
    let c1 = canonical(e);
    let c2 = canonical(&c1);
    assert_eq!(
        c2,
        c1,
        "not idempotent:\n  input {}\n  once  {}\n  twice {}",
        to_latex(e),
        to_latex(&c1),
        to_latex(&c2)
    );
    // Printing never panics, canonical or not.
    let _ = (to_latex(e), to_plain(e), to_latex(&c1), to_plain(&c1));
    assert!(start.elapsed() < Duration::from_secs(5), "slow: {} took {:?}", to_latex(e), start.elapsed());
}

proptest! {
    // PROPTEST_CASES raises the count for a longer search.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1500),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arithmetic_canonical_is_idempotent(e in arith_tree(false)) {
        check(&e);
    }

    #[test]
    fn any_canonical_is_idempotent(e in any_tree()) {
        check(&e);
    }

    #[test]
    fn tight_limits_are_respected(e in arith_tree(false)) {
        let limits =
            Limits { max_expand_terms: 4, max_expand_power: 3, max_int_bits: 64, max_factorial: 10, ..Limits::default() };
        let c1 = canonical_with(&e, &limits);
        prop_assert_eq!(canonical_with(&c1, &limits), c1);
    }
}

#[test]
fn worst_case_expansions_are_fast() {
    // The largest expansions the term bound allows, with the power cap
    // lifted.
    let wide = Limits { max_expand_power: 1000, ..Limits::default() };
    let start = Instant::now();
    let s3 = k(ExprKind::Add { terms: vec![v("x"), v("y"), v("z")] });
    let e = canonical_with(&Expr::pow(s3, i(21), S), &wide);
    if let ExprKind::Add { terms } = &e.kind {
        assert_eq!(terms.len(), 253);
    } else {
        panic!("expected an expanded sum");
    }
    let s4 = k(ExprKind::Add { terms: vec![v("a"), v("b"), v("c"), v("d")] });
    let e = canonical_with(&Expr::pow(s4, i(9), S), &wide);
    assert!(matches!(&e.kind, ExprKind::Add { terms } if terms.len() == 220));
    assert!(start.elapsed() < Duration::from_secs(20), "took {:?}", start.elapsed());
}

/// The printer contract on random answers: the canonical form printed in
/// either syntax parses back to the same canonical form. Trees are limited
/// to what has a printed form the parsers read (see `answer_tree`).
mod parse_roundtrip {
    use super::*;
    use mathgrade::{parse, Syntax};

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1500),
            ..ProptestConfig::default()
        })]
        #[test]
        fn printed_canonical_parses_back(e in answer_tree()) {
            let c = canonical(&e);
            for (syn, text) in [(Syntax::Latex, to_latex(&c)), (Syntax::Plain, to_plain(&c))] {
                let back = parse(&text, syn).map(|t| canonical(&t));
                prop_assert!(back.as_ref().is_ok_and(|b| *b == c), "{:?} {} -> {:?}\n{:?}\n{:?}", syn, text, back.as_ref().map(to_latex), c, back);
            }
        }
    }
}
