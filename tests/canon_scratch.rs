use mathgrade::ast::*;
use mathgrade::{canonical, to_latex, to_plain, Expr, Span};
use num_bigint::BigInt;
use num_rational::BigRational;

const S: Span = Span::EMPTY;
fn i(n: i64) -> Expr { Expr::int(n, S) }
fn v(s: &str) -> Expr { Expr::symbol(s, S) }
fn add(t: Vec<Expr>) -> Expr { Expr::new(ExprKind::Add { terms: t }, S) }
fn mul(t: Vec<Expr>) -> Expr { Expr::new(ExprKind::Mul { factors: t }, S) }
fn pow(a: Expr, b: Expr) -> Expr { Expr::pow(a, b, S) }
fn div(a: Expr, b: Expr) -> Expr { Expr::div(a, b, S) }
fn neg(a: Expr) -> Expr { Expr::neg(a, S) }
fn sqrt(a: Expr) -> Expr { Expr::new(ExprKind::Root { radicand: Box::new(a), index: None }, S) }
fn root(a: Expr, n: i64) -> Expr { Expr::new(ExprKind::Root { radicand: Box::new(a), index: Some(Box::new(i(n))) }, S) }

#[test]
fn scratch() {
    let x = || v("x");
    let y = || v("y");
    let cases = vec![
        add(vec![x(), i(1)]),
        pow(add(vec![x(), i(1)]), i(2)),
        pow(add(vec![x(), y()]), i(3)),
        div(add(vec![x(), i(2)]), i(7)),
        add(vec![x(), neg(i(3))]),
        sqrt(i(8)), sqrt(i(50)), sqrt(i(27)), pow(i(2), div(i(-1), i(2))),
        mul(vec![sqrt(i(2)), sqrt(i(3))]), sqrt(i(-4)), sqrt(div(i(1), i(4))), sqrt(div(i(4), i(9))),
        sqrt(div(i(2), i(3))), root(x(), 3), root(i(-8), 3), root(i(16), 4), root(i(4), 4),
        mul(vec![root(i(4), 4), root(i(2), 3)]),
        pow(i(2), pow(i(10), i(9))), pow(i(10), pow(i(10), i(10))),
        div(pow(add(vec![x(), i(1)]), i(2)), add(vec![x(), i(1)])),
        div(i(1), add(vec![i(1), neg(x())])),
        div(i(1), add(vec![mul(vec![i(2), x()]), i(2)])),
        pow(add(vec![x(), i(1)]), i(300)),
        mul(vec![pow(add(vec![x(), i(1)]), i(20)), pow(add(vec![x(), i(2)]), i(20))]),
        pow(Expr::func(Func::Sin, vec![x()], S), i(2)),
        Expr::func(Func::Exp, vec![x()], S),
        div(i(1), x()), pow(x(), div(i(-1), i(2))), pow(i(-2), i(3)), pow(neg(i(2)), x()),
        add(vec![i(1), sqrt(i(2))]),
        add(vec![i(1), mul(vec![i(2), Expr::constant(Constant::I, S)])]),
        pow(Expr::constant(Constant::I, S), i(3)),
        pow(add(vec![i(1), sqrt(i(2))]), i(2)),
        mul(vec![add(vec![x(), i(1)]), add(vec![x(), neg(i(1))])]),
        neg(add(vec![x(), i(1)])),
        add(vec![pow(x(), i(2)), mul(vec![x(), y()]), pow(y(), i(2)), x(), i(5)]),
        Expr::func(Func::Log, vec![i(100)], S),
        Expr::func(Func::Log, vec![x()], S),
        Expr::func(Func::Factorial, vec![i(10)], S),
        Expr::func(Func::Factorial, vec![x()], S),
        pow(Expr::func(Func::Factorial, vec![x()], S), i(2)),
        Expr::new(ExprKind::Decimal { value: BigRational::new(BigInt::from(3), BigInt::from(2000)), text: "1.5e-3".into() }, S),
        mul(vec![i(2), i(3), x()]),
        sqrt(mul(vec![i(4), x()])),
        sqrt(pow(x(), i(2))),
        sqrt(sqrt(x())),
        mul(vec![x(), pow(y(), i(-2)), i(3)]),
    ];
    for e in cases {
        let c = canonical(&e);
        let cc = canonical(&c);
        println!("{:50} | {:40} | {}", to_latex(&e), to_latex(&c), to_plain(&c));
        assert_eq!(c, cc, "not idempotent: {}", to_latex(&e));
    }
}
