//! The spoken printer (issue 6): exact speech for a set of expressions in
//! both styles, and `parse(to_spoken(e))` equal to `e` on random trees.

use mathgrade::ast::{Constant, ExprKind, Func, RelOp, Symbol};
use mathgrade::compare::{verify, Options};
use mathgrade::{canonical, parse, to_latex, to_spoken, Expr, Span, SpokenStyle, Syntax};
use num_rational::BigRational;
use proptest::prelude::*;

/// LaTeX, its natural speech, its ClearSpeak-like speech.
const CASES: &[(&str, &str, &str)] = &[
    (r"x^2+2x+1", "x squared plus two x plus one", "x squared plus 2 x plus 1"),
    (r"\frac{x+1}{x-1}", "the quantity x plus one end quantity over the quantity x minus one end quantity", "the fraction with numerator x plus 1 and denominator x minus 1 end fraction"),
    (r"\frac{1}{2}x", "one half x", "one half x"),
    (r"\sqrt{b^2-4ac}", "the square root of b squared minus four a c end root", "the square root of b squared minus 4 a c end root"),
    (r"\sin^2 x+\cos^2 x=1", "sine squared of x plus cosine squared of x equals one", "sine squared of open paren x close paren plus cosine squared of open paren x close paren equals 1"),
    (r"\log_2 8=3", "log base two of eight equals three", "log base 2 of open paren 8 close paren equals 3"),
    (r"\int_0^1 x^2\,dx", "the integral from zero to one of x squared d x", "the integral from 0 to 1 of x squared d x"),
    (r"\sum_{k=1}^{n} k^2", "the sum from k equals one to n of k squared", "the sum from k equals 1 to n of k squared"),
    (r"\lim_{x\to 0^+}\frac{\sin x}{x}", "the limit as x approaches zero from the right of the quantity sine of x end quantity over x", "the limit as x approaches 0 from the right of the fraction with numerator sine of open paren x close paren and denominator x end fraction"),
    (r"\frac{d}{dx}x^3", "the derivative of x cubed with respect to x", "the derivative of x cubed with respect to x"),
    (r"\binom{n}{k}", "n choose k", "StartBinomialOrMatrix n Choose k EndBinomialOrMatrix"),
    (r"|x-1|\le 2", "the absolute value of x minus one end absolute value is less than or equal to two", "the absolute value of x minus 1 end absolute value is less than or equal to 2"),
    (r"[0,1)\cup(2,3]", "open bracket zero comma one close paren union open paren two comma three close bracket", "open bracket 0 comma 1 close paren union open paren 2 comma 3 close bracket"),
    (r"\{1,2,3\}", "the set one comma two comma three end set", "the set 1 comma 2 comma 3 end set"),
    (r"\begin{pmatrix}1&2\\3&4\end{pmatrix}", "Start 2 By 2 Matrix 1st Row 1st Column one 2nd Column two 2nd Row 1st Column three 2nd Column four EndMatrix", "Start 2 By 2 Matrix 1st Row 1st Column 1 2nd Column 2 2nd Row 1st Column 3 2nd Column 4 EndMatrix"),
    (r"x_{n+1}=2x_n", "x sub the quantity n plus one end quantity equals two x sub n", "x sub open paren n plus 1 close paren equals 2 x sub n"),
    (r"f'(x)", "f prime of x", "f prime open paren x close paren"),
    (r"e^{i\pi}+1=0", "e raised to the i pi power plus one equals zero", "e raised to the i pi power plus 1 equals 0"),
    (r"\sqrt[3]{x}", "the cube root of x end root", "the cube root of x end root"),
    (r"2\sqrt{3}\sin x", "two the square root of three end root sine of x", "2 the square root of 3 end root sine of open paren x close paren"),
    (r"\bar{x}", "x bar", "x bar"),
    (r"30^\circ", "thirty degrees", "30 degrees"),
];

#[test]
fn speech_of_expressions() {
    let mut wrong = Vec::new();
    for (latex, natural, clear) in CASES {
        let e = parse(latex, Syntax::Latex).unwrap_or_else(|err| panic!("{latex}: {err}"));
        for (style, want) in [(SpokenStyle::Natural, natural), (SpokenStyle::ClearSpeak, clear)] {
            let got = to_spoken(&e, style);
            if got != *want {
                wrong.push(format!("{latex} {style:?}: got {got:?}, want {want:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every speech above reads back to its expression.
#[test]
fn speech_reads_back() {
    for (latex, natural, clear) in CASES {
        let e = parse(latex, Syntax::Latex).expect("LaTeX parses");
        for speech in [natural, clear] {
            let back = parse(speech, Syntax::Spoken).unwrap_or_else(|err| panic!("{speech:?}: {err}"));
            assert_eq!(canonical(&back), canonical(&e), "{speech:?} read as {}", to_latex(&back));
        }
    }
}

/// Canonical forms (what `mathgrade canon` speaks) read back too. A root is
/// a power `x^{1/2}` there, said as a root (it was `two raised to the one
/// half power`).
#[test]
fn canonical_forms_read_back() {
    let c = |latex: &str| canonical(&parse(latex, Syntax::Latex).unwrap_or_else(|err| panic!("{latex}: {err}")));
    assert_eq!(to_spoken(&c(r"\sqrt{8}"), SpokenStyle::Natural), "two times the square root of two end root");
    assert_eq!(to_spoken(&c(r"\sqrt[3]{2}"), SpokenStyle::ClearSpeak), "the cube root of 2 end root");
    for latex in [r"\sqrt{8}", r"\sqrt[3]{2}", r"\frac{1}{\sqrt{x}}", r"x^{1/2}+1", r"\sqrt[5]{x+1}", r"(x+1)^2", r"\frac{2}{4}"] {
        let want = c(latex);
        for style in [SpokenStyle::Natural, SpokenStyle::ClearSpeak] {
            let speech = to_spoken(&want, style);
            let back = parse(&speech, Syntax::Spoken).unwrap_or_else(|err| panic!("{speech:?}: {err}"));
            assert_eq!(canonical(&back), want, "{latex}: {speech:?} read as {}", to_latex(&back));
        }
    }
}

// ---- random trees -------------------------------------------------------------

const S: Span = Span::EMPTY;

fn k(kind: ExprKind) -> Expr {
    Expr::new(kind, S)
}

fn leaf() -> impl Strategy<Value = Expr> {
    prop_oneof![
        (0i64..30).prop_map(|n| Expr::int(n, S)),
        (1i64..40, 2i64..40).prop_map(|(n, d)| Expr::div(Expr::int(n, S), Expr::int(d, S), S)),
        (0i64..2000).prop_map(|n| k(ExprKind::Decimal {
            value: BigRational::new(n.into(), 100.into()),
            text: format!("{}.{:02}", n / 100, n % 100)
        })),
        prop::sample::select(vec!["x", "y", "a", "b", "n", "t", "A", "theta", "alpha"]).prop_map(|v| Expr::symbol(v, S)),
        Just(Expr::sym(Symbol { name: "x".into(), accent: None, sub: Some("1".into()), primes: 0 }, S)),
        Just(Expr::sym(Symbol { name: "v".into(), accent: Some("bar".into()), sub: None, primes: 0 }, S)),
        prop_oneof![Just(Constant::Pi), Just(Constant::E), Just(Constant::I)].prop_map(|c| Expr::constant(c, S)),
    ]
}

fn func() -> impl Strategy<Value = Func> {
    prop::sample::select(vec![Func::Sin, Func::Cos, Func::Tan, Func::Asin, Func::Sinh, Func::Ln, Func::Exp, Func::Abs, Func::Floor])
}

fn tree() -> impl Strategy<Value = Expr> {
    leaf().prop_recursive(4, 24, 3, |inner| {
        let bx = |e: Expr| Box::new(e);
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4).prop_map(|terms| k(ExprKind::Add { terms })),
            prop::collection::vec(inner.clone(), 2..4).prop_map(|factors| k(ExprKind::Mul { factors })),
            (inner.clone(), inner.clone()).prop_map(move |(a, b)| k(ExprKind::Div { num: bx(a), den: bx(b) })),
            (inner.clone(), prop_oneof![(2i64..6).prop_map(|n| Expr::int(n, S)), leaf()])
                .prop_map(move |(a, b)| k(ExprKind::Pow { base: bx(a), exp: bx(b) })),
            inner.clone().prop_map(move |a| k(ExprKind::Neg { arg: bx(a) })),
            inner.clone().prop_map(move |a| k(ExprKind::Root { radicand: bx(a), index: None })),
            (func(), inner.clone()).prop_map(|(f, a)| Expr::func(f, vec![a], S)),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| Expr::func(Func::Log, vec![a, b], S)),
            inner.clone().prop_map(|a| Expr::func(Func::Factorial, vec![a], S)),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| k(ExprKind::Relation { ops: vec![RelOp::Le], operands: vec![a, b] })),
        ]
    })
}

fn round_trips(e: &Expr, style: SpokenStyle) -> Result<(), String> {
    let speech = to_spoken(e, style);
    let back = parse(&speech, Syntax::Spoken).map_err(|err| format!("{speech:?}: {err}"))?;
    if canonical(&back) == canonical(e) || verify(e, &back, &Options::default()).equal {
        return Ok(());
    }
    Err(format!("{} spoken {speech:?} read back as {}", to_latex(e), to_latex(&back)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Speech of any of these trees reads back to an equal tree.
    #[test]
    fn random_trees_round_trip(e in tree()) {
        for style in [SpokenStyle::Natural, SpokenStyle::ClearSpeak] {
            if let Err(msg) = round_trips(&e, style) {
                prop_assert!(false, "{}", msg);
            }
        }
    }
}
