//! Printer output for every node kind, LaTeX and plain, on trees built by
//! hand (canonical or not), in the notation of grammars/README.md.

use mathgrade::ast::{BigOp, Constant, ExprKind, Func, LimitDir, MatrixKind, NumberSet, RelOp, SetOp, Symbol};
use mathgrade::{to_latex, to_plain, Expr, Span};
use num_rational::BigRational;

const S: Span = Span::EMPTY;

fn i(n: i64) -> Expr {
    Expr::int(n, S)
}
fn q(n: i64, d: i64) -> Expr {
    Expr::rational(BigRational::new(n.into(), d.into()), S)
}
fn v(name: &str) -> Expr {
    Expr::symbol(name, S)
}
fn x() -> Expr {
    v("x")
}
fn y() -> Expr {
    v("y")
}
fn k(kind: ExprKind) -> Expr {
    Expr::new(kind, S)
}
fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}
fn add(t: Vec<Expr>) -> Expr {
    k(ExprKind::Add { terms: t })
}
fn mul(t: Vec<Expr>) -> Expr {
    k(ExprKind::Mul { factors: t })
}
fn pow(a: Expr, b: Expr) -> Expr {
    Expr::pow(a, b, S)
}
fn neg(a: Expr) -> Expr {
    Expr::neg(a, S)
}
fn f(func: Func, args: Vec<Expr>) -> Expr {
    Expr::func(func, args, S)
}
fn set(items: Vec<Expr>) -> Expr {
    k(ExprKind::Set { items })
}

#[track_caller]
fn p(e: &Expr, latex: &str, plain: &str) {
    assert_eq!(to_latex(e), latex, "latex");
    assert_eq!(to_plain(e), plain, "plain");
}

#[test]
fn numbers() {
    p(&i(3), "3", "3");
    p(&i(-3), "-3", "-3");
    p(&q(1, 2), "\\frac{1}{2}", "1/2");
    p(&q(-1, 2), "-\\frac{1}{2}", "-1/2");
    let dec =
        |n: i64, d: i64, t: &str| k(ExprKind::Decimal { value: BigRational::new(n.into(), d.into()), text: t.into() });
    p(&dec(1, 4, "0.25"), "0.25", "0.25");
    p(&dec(3, 2000, "1.5e-3"), "0.0015", "0.0015");
    p(&dec(333, 10, "33.30"), "33.30", "33.30");
}

#[test]
fn symbols_and_constants() {
    p(&x(), "x", "x");
    p(&v("alpha"), "\\alpha", "alpha");
    p(&v("Omega"), "\\Omega", "Omega");
    let sym = |name: &str, accent: Option<&str>, sub: Option<&str>, primes| {
        Expr::sym(Symbol { name: name.into(), accent: accent.map(Into::into), sub: sub.map(Into::into), primes }, S)
    };
    p(&sym("x", None, Some("1"), 0), "x_{1}", "x_1");
    p(&sym("x", None, Some("i,j"), 0), "x_{i,j}", "Symbol('x_{i,j}')");
    p(&sym("x", Some("bar"), None, 0), "\\bar{x}", "Symbol('\\bar{x}')");
    p(&sym("f", None, None, 1), "f'", "Symbol(\"f'\")");
    p(&v("speed"), "\\operatorname{speed}", "Symbol('\\operatorname{speed}')");
    let c = |k| Expr::constant(k, S);
    p(&c(Constant::Pi), "\\pi", "pi");
    p(&c(Constant::E), "e", "E");
    p(&c(Constant::I), "i", "I");
    p(&c(Constant::Infinity), "\\infty", "oo");
    p(&neg(c(Constant::Infinity)), "-\\infty", "-oo");
}

#[test]
fn sums_and_products() {
    p(&add(vec![pow(x(), i(2)), mul(vec![i(2), x()]), i(1)]), "x^{2} + 2 x + 1", "x^2 + 2*x + 1");
    p(&add(vec![x(), i(-3)]), "x - 3", "x - 3");
    p(&add(vec![x(), mul(vec![i(-1), y()])]), "x - y", "x - y");
    p(&add(vec![x(), neg(add(vec![y(), i(1)]))]), "x - \\left(y + 1\\right)", "x - (y + 1)");
    p(&add(vec![x(), q(-1, 2)]), "x - \\frac{1}{2}", "x - 1/2");
    p(&mul(vec![i(2), i(3)]), "2 \\cdot 3", "2*3");
    p(&mul(vec![x(), i(2)]), "x \\cdot 2", "x*2");
    p(&mul(vec![i(2), i(-3)]), "2 \\left(-3\\right)", "2*(-3)");
    p(&mul(vec![i(2), q(1, 2)]), "2 \\cdot \\frac{1}{2}", "2*(1/2)");
    p(&mul(vec![i(2), k(ExprKind::Div { num: bx(i(1)), den: bx(i(2)) })]), "2 \\cdot \\frac{1}{2}", "2*(1/2)");
    p(&mul(vec![i(-1), x()]), "-x", "-x");
    p(&mul(vec![i(-2), x(), y()]), "-2 x y", "-2*x*y");
    p(&mul(vec![i(2), add(vec![x(), i(1)])]), "2 \\left(x + 1\\right)", "2*(x + 1)");
    p(&mul(vec![v("f"), add(vec![x(), i(1)])]), "f \\cdot \\left(x + 1\\right)", "f*(x + 1)");
    p(&mul(vec![i(2), pow(i(2), q(1, 2))]), "2 \\sqrt{2}", "2*sqrt(2)");
    p(&mul(vec![x(), neg(y())]), "x \\cdot \\left(-y\\right)", "x*(-y)");
    // `d x` would read as a differential inside an integral.
    p(&mul(vec![v("d"), x()]), "d \\cdot x", "d*x");
    p(&neg(x()), "-x", "-x");
    p(&neg(neg(x())), "-\\left(-x\\right)", "-(-x)");
    p(&neg(pow(x(), i(2))), "-x^{2}", "-x^2");
    p(&neg(add(vec![x(), i(1)])), "-\\left(x + 1\\right)", "-(x + 1)");
}

#[test]
fn quotients_and_fraction_views() {
    let div = |a, b| Expr::div(a, b, S);
    p(&div(v("a"), v("b")), "\\frac{a}{b}", "a/b");
    p(&div(add(vec![x(), i(1)]), i(7)), "\\frac{x + 1}{7}", "(x + 1)/7");
    p(&div(x(), mul(vec![i(2), y()])), "\\frac{x}{2 y}", "x/(2*y)");
    p(&div(div(v("a"), v("b")), v("c")), "\\frac{\\frac{a}{b}}{c}", "a/b/c");
    p(&div(v("a"), div(v("b"), v("c"))), "\\frac{a}{\\frac{b}{c}}", "a/(b/c)");
    p(&mul(vec![q(1, 7), x()]), "\\frac{x}{7}", "x/7");
    p(&mul(vec![q(-5, 2), x()]), "-\\frac{5 x}{2}", "-5*x/2");
    p(&mul(vec![q(1, 2), pow(i(2), q(1, 2))]), "\\frac{\\sqrt{2}}{2}", "sqrt(2)/2");
    p(&mul(vec![i(2), x(), pow(y(), i(-1))]), "\\frac{2 x}{y}", "2*x/y");
    p(&mul(vec![i(-1), pow(add(vec![x(), i(-1)]), i(-1))]), "-\\frac{1}{x - 1}", "-1/(x - 1)");
    p(&pow(x(), i(-1)), "\\frac{1}{x}", "1/x");
    p(&pow(x(), i(-2)), "\\frac{1}{x^{2}}", "1/x^2");
    p(&pow(x(), q(-1, 2)), "\\frac{1}{\\sqrt{x}}", "1/sqrt(x)");
}

#[test]
fn powers_and_roots() {
    p(&pow(x(), i(2)), "x^{2}", "x^2");
    p(&pow(x(), add(vec![v("n"), i(1)])), "x^{n + 1}", "x^(n + 1)");
    p(&pow(x(), q(3, 2)), "x^{\\frac{3}{2}}", "x^(3/2)");
    p(&pow(x(), neg(v("n"))), "x^{-n}", "x^(-n)");
    p(&pow(i(-2), i(3)), "\\left(-2\\right)^{3}", "(-2)^3");
    p(&pow(q(1, 2), i(3)), "\\left(\\frac{1}{2}\\right)^{3}", "(1/2)^3");
    p(&pow(pow(x(), i(2)), i(3)), "\\left(x^{2}\\right)^{3}", "(x^2)^3");
    p(&pow(i(2), pow(i(3), i(2))), "2^{3^{2}}", "2^(3^2)");
    p(&pow(add(vec![x(), i(1)]), i(2)), "\\left(x + 1\\right)^{2}", "(x + 1)^2");
    p(&pow(mul(vec![i(2), x()]), i(2)), "\\left(2 x\\right)^{2}", "(2*x)^2");
    p(&pow(x(), q(1, 2)), "\\sqrt{x}", "sqrt(x)");
    p(&pow(x(), q(1, 3)), "\\sqrt[3]{x}", "root(x, 3)");
    p(&pow(pow(x(), q(1, 2)), i(3)), "\\sqrt{x}^{3}", "sqrt(x)^3");
    p(&pow(Expr::constant(Constant::E, S), x()), "e^{x}", "exp(x)");
    let root = |r, ix: Option<Expr>| k(ExprKind::Root { radicand: bx(r), index: ix.map(bx) });
    p(&root(x(), None), "\\sqrt{x}", "sqrt(x)");
    p(&root(add(vec![x(), i(1)]), Some(i(3))), "\\sqrt[3]{x + 1}", "root(x + 1, 3)");
    let sym = |primes| Expr::sym(Symbol { name: "f".into(), accent: None, sub: None, primes }, S);
    p(&pow(sym(1), i(2)), "\\left(f'\\right)^{2}", "Symbol(\"f'\")^2");
}

#[test]
fn plus_minus() {
    let pm = |l: Option<Expr>, r, mp| k(ExprKind::PlusMinus { lhs: l.map(bx), rhs: bx(r), minus_plus: mp });
    p(&pm(Some(v("a")), v("b"), false), "a \\pm b", "a +- b");
    p(&pm(None, v("b"), true), "\\mp b", "-+ b");
    p(&pm(Some(i(3)), add(vec![x(), i(1)]), false), "3 \\pm \\left(x + 1\\right)", "3 +- (x + 1)");
}

#[test]
fn functions() {
    p(&f(Func::Sin, vec![x()]), "\\sin\\left(x\\right)", "sin(x)");
    p(&pow(f(Func::Sin, vec![x()]), i(2)), "\\sin^{2}\\left(x\\right)", "sin(x)^2");
    p(&pow(f(Func::Sin, vec![x()]), i(-1)), "\\frac{1}{\\sin\\left(x\\right)}", "1/sin(x)");
    p(&pow(f(Func::Sin, vec![x()]), x()), "\\left(\\sin\\left(x\\right)\\right)^{x}", "sin(x)^x");
    p(&f(Func::Asin, vec![x()]), "\\arcsin\\left(x\\right)", "asin(x)");
    p(&f(Func::Acot, vec![x()]), "\\operatorname{arccot}\\left(x\\right)", "acot(x)");
    p(&f(Func::Sech, vec![x()]), "\\operatorname{sech}\\left(x\\right)", "sech(x)");
    p(&f(Func::Asinh, vec![x()]), "\\operatorname{arsinh}\\left(x\\right)", "asinh(x)");
    p(&f(Func::Cosh, vec![x()]), "\\cosh\\left(x\\right)", "cosh(x)");
    p(&f(Func::Ln, vec![x()]), "\\ln\\left(x\\right)", "ln(x)");
    p(&pow(f(Func::Ln, vec![x()]), i(2)), "\\left(\\ln\\left(x\\right)\\right)^{2}", "ln(x)^2");
    p(&f(Func::Log, vec![x()]), "\\log\\left(x\\right)", "log(x, 10)");
    p(&f(Func::Log, vec![x(), i(2)]), "\\log_{2}\\left(x\\right)", "log(x, 2)");
    p(&f(Func::Exp, vec![x()]), "e^{x}", "exp(x)");
    p(&f(Func::Abs, vec![add(vec![x(), i(-1)])]), "\\left|x - 1\\right|", "Abs(x - 1)");
    p(&f(Func::Floor, vec![x()]), "\\lfloor x\\rfloor", "floor(x)");
    p(&f(Func::Ceil, vec![x()]), "\\lceil x\\rceil", "ceiling(x)");
    p(&f(Func::Factorial, vec![v("n")]), "n!", "factorial(n)");
    p(&f(Func::Factorial, vec![add(vec![v("n"), i(1)])]), "\\left(n + 1\\right)!", "factorial(n + 1)");
    p(&f(Func::Factorial, vec![i(-3)]), "\\left(-3\\right)!", "factorial(-3)");
    p(&pow(f(Func::Factorial, vec![v("n")]), i(2)), "n!^{2}", "factorial(n)^2");
    p(&f(Func::Binom, vec![v("n"), v("k")]), "\\binom{n}{k}", "binomial(n, k)");
    p(&f(Func::Gcd, vec![v("a"), v("b")]), "\\gcd\\left(a, b\\right)", "gcd(a, b)");
    p(&f(Func::Lcm, vec![v("a"), v("b")]), "\\operatorname{lcm}\\left(a, b\\right)", "lcm(a, b)");
    p(&f(Func::Min, vec![v("a"), v("b")]), "\\min\\left(a, b\\right)", "Min(a, b)");
    p(&f(Func::Max, vec![v("a"), v("b")]), "\\max\\left(a, b\\right)", "Max(a, b)");
    p(&f(Func::Mod, vec![v("a"), v("b")]), "a \\bmod b", "Mod(a, b)");
    p(&mul(vec![i(2), f(Func::Mod, vec![v("a"), v("b")])]), "2 \\left(a \\bmod b\\right)", "2*Mod(a, b)");
    p(&f(Func::Sign, vec![x()]), "\\operatorname{sign}\\left(x\\right)", "sign(x)");
    p(&f(Func::Re, vec![x()]), "\\operatorname{Re}\\left(x\\right)", "re(x)");
    p(&f(Func::Conj, vec![x()]), "\\operatorname{conjugate}\\left(x\\right)", "conjugate(x)");
    p(&f(Func::Det, vec![v("A")]), "\\det\\left(A\\right)", "det(A)");
    let apply = |name: Symbol, args| k(ExprKind::Apply { name, args });
    p(&apply(Symbol::new("f"), vec![x()]), "f\\left(x\\right)", "f(x)");
    p(&apply(Symbol::new("foo"), vec![x(), y()]), "\\operatorname{foo}\\left(x, y\\right)", "foo(x, y)");
    let g1 = Symbol { name: "g".into(), accent: None, sub: None, primes: 1 };
    p(&apply(g1, vec![v("t")]), "g'\\left(t\\right)", "g'(t)");
}

#[test]
fn calculus() {
    let sum = k(ExprKind::BigOp {
        op: BigOp::Sum,
        body: bx(pow(v("k"), i(2))),
        var: Some(Symbol::new("k")),
        lower: Some(bx(i(1))),
        upper: Some(bx(v("n"))),
    });
    p(&sum, "\\sum_{k=1}^{n} k^{2}", "Sum(k^2, (k, 1, n))");
    let prod = k(ExprKind::BigOp {
        op: BigOp::Product,
        body: bx(add(vec![v("k"), i(1)])),
        var: Some(Symbol::new("k")),
        lower: None,
        upper: None,
    });
    p(&prod, "\\prod_{k} \\left(k + 1\\right)", "Product(k + 1, k)");
    let int = |lower: Option<Expr>, upper: Option<Expr>| {
        k(ExprKind::Integral {
            body: bx(pow(x(), i(2))),
            var: Some(Symbol::new("x")),
            lower: lower.map(bx),
            upper: upper.map(bx),
        })
    };
    p(&int(Some(i(0)), Some(i(1))), "\\int_{0}^{1} x^{2} \\, dx", "Integral(x^2, (x, 0, 1))");
    p(&int(None, None), "\\int x^{2} \\, dx", "Integral(x^2, x)");
    // A missing variable or bound is `None` in plain text.
    let no_var = k(ExprKind::Integral { body: bx(x()), var: None, lower: Some(bx(i(0))), upper: Some(bx(i(1))) });
    p(&no_var, "\\int_{0}^{1} x", "Integral(x, (None, 0, 1))");
    let lower_only = k(ExprKind::BigOp {
        op: BigOp::Product,
        body: bx(v("k")),
        var: Some(Symbol::new("k")),
        lower: Some(bx(i(1))),
        upper: None,
    });
    p(&lower_only, "\\prod_{k=1} k", "Product(k, (k, 1, None))");
    let lim = |dir| k(ExprKind::Limit { body: bx(v("f")), var: Symbol::new("x"), to: bx(i(0)), dir });
    p(&lim(Some(LimitDir::Plus)), "\\lim_{x \\to 0^{+}} f", "Limit(f, x, 0, '+')");
    p(&lim(Some(LimitDir::Minus)), "\\lim_{x \\to 0^{-}} f", "Limit(f, x, 0, '-')");
    p(&lim(None), "\\lim_{x \\to 0} f", "Limit(f, x, 0)");
    let d = |order| k(ExprKind::Derivative { body: bx(v("f")), var: Symbol::new("x"), order });
    p(&d(1), "\\frac{d}{dx} f", "Derivative(f, x)");
    p(&d(2), "\\frac{d^{2}}{dx^{2}} f", "Derivative(f, (x, 2))");
    // Inside a sum the big operator is parenthesized as a factor.
    p(&mul(vec![i(2), sum]), "2 \\left(\\sum_{k=1}^{n} k^{2}\\right)", "2*Sum(k^2, (k, 1, n))");
}

#[test]
fn relations() {
    let rel = |ops, operands| k(ExprKind::Relation { ops, operands });
    let ops = [
        (RelOp::Eq, "=", "="),
        (RelOp::Ne, "\\ne", "!="),
        (RelOp::Lt, "<", "<"),
        (RelOp::Le, "\\le", "<="),
        (RelOp::Gt, ">", ">"),
        (RelOp::Ge, "\\ge", ">="),
        (RelOp::Approx, "\\approx", "~="),
        (RelOp::In, "\\in", "in"),
        (RelOp::NotIn, "\\notin", "notin"),
        (RelOp::Subset, "\\subset", "subset"),
        (RelOp::SubsetEq, "\\subseteq", "subseteq"),
        (RelOp::Supset, "\\supset", "supset"),
        (RelOp::SupsetEq, "\\supseteq", "supseteq"),
    ];
    for (op, l, pl) in ops {
        p(&rel(vec![op], vec![v("a"), v("b")]), &format!("a {l} b"), &format!("a {pl} b"));
    }
    p(&rel(vec![RelOp::Lt, RelOp::Le], vec![i(0), x(), add(vec![y(), i(1)])]), "0 < x \\le y + 1", "0 < x <= y + 1");
}

#[test]
fn tagged_values() {
    let pct = |v| k(ExprKind::Percent { value: bx(v) });
    p(&pct(i(28)), "28\\%", "28%");
    p(&pct(add(vec![x(), i(1)])), "\\left(x + 1\\right)\\%", "(x + 1)%");
    let qty = |v, u: &str| k(ExprKind::Quantity { value: bx(v), unit: u.into() });
    p(&qty(i(30), "deg"), "30^{\\circ}", "30°");
    p(&qty(i(10), "cm"), "10 \\text{ cm}", "10 cm");
    // A one-letter unit is read in plain text only before a closer.
    p(&qty(i(5), "m"), "5 \\text{ m}", "(5 m)");
    p(&qty(add(vec![x(), i(1)]), "cm"), "\\left(x + 1\\right) \\text{ cm}", "(x + 1) cm");
    p(&Expr::text("Evelyn", S), "\\text{Evelyn}", "\"Evelyn\"");
    p(&Expr::text("50% off", S), "\\text{50\\% off}", "\"50% off\"");
}

#[test]
fn collections() {
    p(&set(vec![i(1), i(2)]), "\\left\\{1, 2\\right\\}", "{1, 2}");
    p(&set(vec![]), "\\emptyset", "EmptySet");
    p(&k(ExprKind::Tuple { items: vec![i(1), i(2)] }), "\\left(1, 2\\right)", "(1, 2)");
    p(&k(ExprKind::Tuple { items: vec![i(1)] }), "\\left\\langle 1\\right\\rangle", "(1,)");
    // Text after a comma is braced: `, \text{…}` reads as a connector.
    p(&k(ExprKind::List { items: vec![i(1), Expr::text("a", S)] }), "1, {\\text{a}}", "1, \"a\"");
    p(&k(ExprKind::List { items: vec![i(1), i(2), i(3)] }), "1, 2, 3", "1, 2, 3");
    let interval = |lc, hc| k(ExprKind::Interval { lo: bx(i(0)), hi: bx(i(1)), lo_closed: lc, hi_closed: hc });
    p(&interval(true, false), "\\left[0, 1\\right)", "Interval.Ropen(0, 1)");
    p(&interval(false, true), "\\left(0, 1\\right]", "Interval.Lopen(0, 1)");
    p(&interval(true, true), "\\left[0, 1\\right]", "Interval(0, 1)");
    p(&interval(false, false), "\\left(0, 1\\right)", "(0, 1)");
    let setop = |op, a, b| k(ExprKind::SetOp { op, lhs: bx(a), rhs: bx(b) });
    let (a, b, c) = (v("A"), v("B"), v("C"));
    p(&setop(SetOp::Union, a.clone(), b.clone()), "A \\cup B", "Union(A, B)");
    p(&setop(SetOp::Intersection, a.clone(), b.clone()), "A \\cap B", "Intersection(A, B)");
    p(&setop(SetOp::Difference, a.clone(), b.clone()), "A \\setminus B", "Complement(A, B)");
    p(
        &setop(SetOp::Union, setop(SetOp::Union, a.clone(), b.clone()), c.clone()),
        "A \\cup B \\cup C",
        "Union(Union(A, B), C)",
    );
    p(
        &setop(SetOp::Union, a.clone(), setop(SetOp::Intersection, b.clone(), c.clone())),
        "A \\cup \\left(B \\cap C\\right)",
        "Union(A, Intersection(B, C))",
    );
    p(
        &setop(SetOp::Intersection, setop(SetOp::Union, a.clone(), b.clone()), c.clone()),
        "\\left(A \\cup B\\right) \\cap C",
        "Intersection(Union(A, B), C)",
    );
    let ns = |set| k(ExprKind::NumberSet { set });
    p(&ns(NumberSet::Naturals), "\\mathbb{N}", "Naturals");
    p(&ns(NumberSet::Integers), "\\mathbb{Z}", "Integers");
    p(&ns(NumberSet::Rationals), "\\mathbb{Q}", "Rationals");
    p(&ns(NumberSet::Reals), "\\mathbb{R}", "Reals");
    p(&ns(NumberSet::Complexes), "\\mathbb{C}", "Complexes");
    p(&k(ExprKind::EmptySet), "\\emptyset", "EmptySet");
}

#[test]
fn matrices_and_cases() {
    let m = |kind| k(ExprKind::Matrix { kind, rows: vec![vec![i(1), i(2)], vec![i(3), i(-4)]] });
    p(&m(MatrixKind::Paren), "\\begin{pmatrix}1 & 2 \\\\ 3 & -4\\end{pmatrix}", "Matrix([[1, 2], [3, -4]])");
    p(&m(MatrixKind::Plain), "\\begin{matrix}1 & 2 \\\\ 3 & -4\\end{matrix}", "Matrix([[1, 2], [3, -4]])");
    p(&m(MatrixKind::Bracket), "\\begin{bmatrix}1 & 2 \\\\ 3 & -4\\end{bmatrix}", "Matrix([[1, 2], [3, -4]])");
    p(&m(MatrixKind::Vert), "\\begin{vmatrix}1 & 2 \\\\ 3 & -4\\end{vmatrix}", "det(Matrix([[1, 2], [3, -4]]))");
    let cases = k(ExprKind::Piecewise {
        pieces: vec![
            (x(), Some(k(ExprKind::Relation { ops: vec![RelOp::Gt], operands: vec![x(), i(0)] }))),
            (i(0), None),
        ],
    });
    p(&cases, "\\begin{cases}x & x > 0 \\\\ 0 & \\text{otherwise}\\end{cases}", "Piecewise((x, x > 0), (0, True))");
}

/// Fuzz findings in the printers (`fuzz/`), each with the exact text the
/// tree prints as.
#[test]
fn fuzz_findings_printed() {
    let list = |items| k(ExprKind::List { items });
    // A list in a numerator or as a function's argument printed in plain
    // text in parentheses, `(1, x)/3`, which reads as a tuple.
    p(&k(ExprKind::Div { num: bx(list(vec![i(1), x()])), den: bx(i(3)) }), "\\frac{1, x}{3}", "[1, x]/3");
    p(
        &f(Func::Max, vec![list(vec![list(vec![i(1), i(2)]), list(vec![i(3), i(4)])])]),
        "\\max\\left(\\left(\\left(1, 2\\right), \\left(3, 4\\right)\\right)\\right)",
        "Max([[1, 2], [3, 4]])",
    );
    p(&mul(vec![list(vec![i(1), i(2)]), i(3)]), "\\left(1, 2\\right) \\cdot 3", "[1, 2]*3");
    // An integral of the letter `d` printed `\int_{0}^{2} d \, dd`, which
    // reads as `d` times the integral of 1.
    let d = || v("d");
    let int_d = k(ExprKind::Integral {
        body: bx(d()),
        var: Some(Symbol::new("d")),
        lower: Some(bx(i(0))),
        upper: Some(bx(i(2))),
    });
    p(&int_d, "\\int_{0}^{2} \\left(d\\right) \\, dd", "Integral(d, (d, 0, 2))");
    let int_2d = k(ExprKind::Integral { body: bx(mul(vec![i(2), d()])), var: Some(Symbol::new("x")), lower: None, upper: None });
    p(&int_2d, "\\int \\left(2 d\\right) \\, dx", "Integral(2*d, x)");
    // `d/(d d)` printed `\frac{d}{d \cdot d}`, a derivative operator (the
    // factors the other way round are the same): `d^{2}`; with an accent,
    // which the parser ignores there, a leading `1`.
    p(&k(ExprKind::Div { num: bx(d()), den: bx(mul(vec![d(), d()])) }), "\\frac{d}{d^{2}}", "d/(d*d)");
    let bar_d = k(ExprKind::Symbol { sym: Symbol { name: "d".into(), accent: Some("bar".into()), sub: None, primes: 0 } });
    p(
        &k(ExprKind::Div { num: bx(d()), den: bx(mul(vec![bar_d.clone(), d()])) }),
        "\\frac{d}{1 \\cdot \\bar{d} d}",
        "d/(Symbol('\\bar{d}')*d)",
    );
    // A decorated digit prints as written: `\bar{1}` (read back with its
    // accent, see tests/parse_latex.rs).
    let bar1 = Symbol { name: "1".into(), accent: Some("bar".into()), sub: Some("n".into()), primes: 0 };
    p(&k(ExprKind::Symbol { sym: bar1 }), "\\bar{1}_{n}", "Symbol('\\bar{1}_{n}')");
    // A percentage of a letter printed `Z_{2}\%`, which the parsers reject
    // (`a\%` is no percentage): the letter is parenthesized.
    let z2 = Symbol { name: "Z".into(), accent: None, sub: Some("2".into()), primes: 0 };
    p(&k(ExprKind::Percent { value: bx(k(ExprKind::Symbol { sym: z2 })) }), "\\left(Z_{2}\\right)\\%", "(Z_2)%");
    p(&k(ExprKind::Percent { value: bx(i(5)) }), "5\\%", "5%");
    // A product of text printed `\prod_{k=1}^{n} \text{kdd}`: `\prod` needs
    // an operand, and text is none.
    let prod = k(ExprKind::BigOp {
        op: mathgrade::ast::BigOp::Product,
        body: bx(k(ExprKind::Text { text: "kdd".into() })),
        var: Some(Symbol::new("k")),
        lower: Some(bx(i(1))),
        upper: Some(bx(v("n"))),
    });
    p(&prod, "\\prod_{k=1}^{n} \\left(\\text{kdd}\\right)", "Product(\"kdd\", (k, 1, n))");
    // A sum's index `i` is printed bare: the parsers read it as the index.
    let sum_i = k(ExprKind::BigOp {
        op: mathgrade::ast::BigOp::Sum,
        body: bx(v("i")),
        var: Some(Symbol::new("i")),
        lower: Some(bx(i(1))),
        upper: Some(bx(v("n"))),
    });
    p(&sum_i, "\\sum_{i=1}^{n} i", "Sum(i, (i, 1, n))");
}

