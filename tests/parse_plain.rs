//! The plain / Python / SymPy-style parser: each input with the exact tree
//! it must give (`Expr::sexpr`), and auto-detection of the syntax.

use mathgrade::parse::detect_syntax;
use mathgrade::{parse, Syntax};

fn tree(input: &str) -> String {
    match parse(input, Syntax::Plain) {
        Ok(e) => e.sexpr(),
        Err(e) => panic!("{input:?} did not parse: {}", e.render(input)),
    }
}

#[test]
fn constructs() {
    let cases: &[(&str, &str)] = &[
        (r#"1/2"#, r#"(div 1 2)"#),
        (r#"x**2 + 3*x"#, r#"(add (pow x 2) (mul 3 x))"#),
        (r#"x^2"#, r#"(pow x 2)"#),
        (r#"2**3**2"#, r#"(pow 2 (pow 3 2))"#),
        (r#"2**-1"#, r#"(pow 2 (neg 1))"#),
        (r#"sqrt(2)/2"#, r#"(div (sqrt 2) 2)"#),
        (r#"sqrt 2"#, r#"(sqrt 2)"#),
        (r#"sqrt2"#, r#"(sqrt 2)"#),
        (r#"cbrt(8)"#, r#"(root 8 3)"#),
        (r#"root(x, 3)"#, r#"(root x 3)"#),
        (r#"pi"#, r#"pi"#),
        (r#"oo"#, r#"infinity"#),
        (r#"-oo"#, r#"(neg infinity)"#),
        (r#"I"#, r#"i"#),
        (r#"E"#, r#"e"#),
        (r#"exp(x)"#, r#"(exp x)"#),
        (r#"log(x)"#, r#"(ln x)"#),
        (r#"log(x, 2)"#, r#"(log x 2)"#),
        (r#"ln(x)"#, r#"(ln x)"#),
        (r#"Rational(1, 3)"#, r#"(div 1 3)"#),
        (r#"Interval(0, 1)"#, r#"(interval[] 0 1)"#),
        (r#"Interval.open(0, 1)"#, r#"(interval() 0 1)"#),
        (r#"Interval.Lopen(0, 1)"#, r#"(interval(] 0 1)"#),
        (r#"Interval.Ropen(0, 1)"#, r#"(interval[) 0 1)"#),
        (r#"FiniteSet(1, 2)"#, r#"(set 1 2)"#),
        (r#"{1, 2}"#, r#"(set 1 2)"#),
        (r#"[1, 2]"#, r#"(list 1 2)"#),
        (r#"(1, 2)"#, r#"(tuple 1 2)"#),
        (r#"Matrix([[1, 2], [3, 4]])"#, r#"(matrix plain [1 2] [3 4])"#),
        (r#"1e-3"#, r#"1e-3"#),
        (r#"50%"#, r#"(percent 50)"#),
        (r#"x >= 2"#, r#"(rel x ge 2)"#),
        (r#"x != 3"#, r#"(rel x ne 3)"#),
        (r#"Eq(x, 2)"#, r#"(rel x eq 2)"#),
        (r#"2x"#, r#"(mul 2 x)"#),
        (r#"xy"#, r#"(mul x y)"#),
        (r#"x1"#, r#"x_{1}"#),
        (r#"x_1"#, r#"x_{1}"#),
        (r#"Abs(x)"#, r#"(abs x)"#),
        (r#"|x|"#, r#"(abs x)"#),
        (r#"factorial(5)"#, r#"(factorial 5)"#),
        (r#"5!"#, r#"(factorial 5)"#),
        (r#"binomial(5, 2)"#, r#"(binomial 5 2)"#),
        (r#"Min(1, 2)"#, r#"(min 1 2)"#),
        (r#"Mod(7, 3)"#, r#"(mod 7 3)"#),
        (r#"7 mod 3"#, r#"(mod 7 3)"#),
        (r#"f(x)"#, r#"(apply f x)"#),
        (r#"foo(x)"#, r#"(apply foo x)"#),
        (r#"3 +- 2"#, r#"(pm 3 2)"#),
        (r#""hello""#, r#""hello""#),
        (r#"odd"#, r#""odd""#),
        (r#"Sum(k**2, (k, 1, n))"#, r#"(sum k (pow k 2) 1 n)"#),
        (r#"Integral(x**2, (x, 0, 1))"#, r#"(integral x (pow x 2) 0 1)"#),
        (r#"Limit(sin(x)/x, x, 0, dir='+')"#, r#"(limit x+ (div (sin x) x) 0)"#),
        (r#"Derivative(x**2, x)"#, r#"(derivative x 1 (pow x 2))"#),
        (r#"Union(Interval(0, 1), Interval(2, 3))"#, r#"(union (interval[] 0 1) (interval[] 2 3))"#),
        (r#"Reals"#, r#"reals"#),
        (r#"S.EmptySet"#, r#"emptyset"#),
        (r#"10 cm"#, r#"(quantity "cm" 10)"#),
        (r#"5 m"#, r#"(quantity "m" 5)"#),
        (r#"x in Reals"#, r#"(rel x in reals)"#),
        (r#"1/2x"#, r#"(mul (div 1 2) x)"#),
        (r#"sin x"#, r#"(sin x)"#),
        (r#"alpha + beta"#, r#"(add alpha beta)"#),
        (r#"Symbol('x_{1}')"#, r#"x_{1}"#),
        (r#"√2/2"#, r#"(div (sqrt 2) 2)"#),
        (r#"9x² − 36x"#, r#"(add (mul 9 (pow x 2)) (neg (mul 36 x)))"#),
        (r#"30°"#, r#"(quantity "deg" 30)"#),
        (r#"Piecewise((x, x > 0), (0, True))"#, r#"(piecewise [x (rel x gt 0)] [0])"#),
    ];
    let mut failures = Vec::new();
    for (input, expected) in cases {
        let got = tree(input);
        if got != *expected {
            failures.push(format!("{input:?}\n  expected {expected}\n  got      {got}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn text_that_looks_like_code_is_only_parsed() {
    // Never evaluated: a call of an unknown function is just a tree.
    let e = parse("__import__('os')", Syntax::Plain);
    match e {
        Ok(t) => assert_eq!(t.sexpr(), "(apply __import__ \"os\")"),
        Err(err) => assert!(err.span.end <= 16, "{err}"),
    }
    assert!(parse("exec(\"print(1)\")", Syntax::Plain).is_ok());
}

#[test]
fn sympy_names_of_decorated_symbols() {
    assert_eq!(tree("2*bar{x}_n"), "(mul 2 bar:x_{n})");
    assert_eq!(tree("hat{y}**2"), "(pow hat:y 2)");
}

#[test]
fn plain_errors() {
    use mathgrade::ErrorKind;
    let err = parse("sqrt(2", Syntax::Plain).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Unclosed { open: "(".into() });
    assert_eq!((err.span.start, err.span.end), (4, 5));
    let err = parse("Rational(1, 2, 3)", Syntax::Plain).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Arity { func: "Rational".into(), expected: "2", found: 3 });
    let err = parse("'abc", Syntax::Plain).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Unclosed { open: "'".into() });
}

#[test]
fn auto_detects_the_syntax() {
    assert_eq!(detect_syntax("\\frac{1}{2}"), Syntax::Latex);
    assert_eq!(detect_syntax("x^2+1"), Syntax::Latex);
    assert_eq!(detect_syntax("x**2"), Syntax::Plain);
    assert_eq!(detect_syntax("sqrt(2)/2"), Syntax::Plain);
    assert_eq!(detect_syntax("-I"), Syntax::Plain);
    assert_eq!(detect_syntax("2*pi"), Syntax::Plain);
    assert_eq!(detect_syntax("[0, 1)"), Syntax::Latex);
    // Both parsers agree on what both can read.
    for input in ["x^2+2x+1", "1/2", "(1, 2)", "3.5", "x >= 2", "-(x+1)^3", "-1./3", "(2.)"] {
        assert_eq!(parse(input, Syntax::Latex).unwrap(), parse(input, Syntax::Plain).unwrap(), "{input}");
    }
    assert_eq!(parse("sqrt(2)", Syntax::Auto).unwrap().sexpr(), "(sqrt 2)");
}

/// Inputs the fuzz targets found (`fuzz/`): each parses to the tree given,
/// and its tree printed as LaTeX and as plain text reads back to the same
/// canonical form.
#[test]
fn fuzz_findings_print_and_read_back() {
    use mathgrade::{canonical, to_latex, to_plain};
    let cases: &[(&str, &str)] = &[
        // The name `x_` printed as LaTeX `x_`, an unfinished subscript.
        (r#"x_"#, r#"x"#),
        (r#"x_,"#, r#"x"#),
        // A trailing underscore after two letters was read as a factor `_`.
        (r#"ix_,"#, r#"(mul i x)"#),
        (r#"foo_bar"#, r#"foo_{bar}"#),
        // A primed `e` read as the constant, so `e'(x)` was a product.
        (r#"e'(x)"#, r#"(apply e' x)"#),
        // The `i` of the body is the index (the LaTeX parser's reading).
        (r#"Sum(i, (i, 1, n))"#, r#"(sum i i 1 n)"#),
        // Empty strings are spacing, as `\text{}` is in LaTeX.
        (r#"1/2''x"#, r#"(mul (div 1 2) x)"#),
        // A one-item list printed as its item, which reads back as the item.
        (r#"[1*2]"#, r#"(list (mul 1 2))"#),
        // Membership after a number read as the unit inch: `(0 in) A`.
        (r#"0 in A"#, r#"(rel 0 in A)"#),
        // Text with LaTeX's special characters printed escaped.
        (r#"'~'"#, r#""~""#),
        (r#""x^2~y""#, r#""x^2~y""#),
        (r#"ymbol('\hatt{y}')"#, r#"(apply ymbol "\\hatt{y}")"#),
        // Text after a comma read as a connector (`, \text{or} …`) and dropped.
        (r#"x6,qrt"#, r#"(list x_{6} "qrt")"#),
        (r#"M;goxM;"#, r#"(list M "goxM")"#),
        // A subscripted function name: `\operatorname{x}_{9}\left(\right)`
        // read as a product.
        (r#"x9()^2"#, r#"(pow (apply x_{9}) 2)"#),
        (r#"L1(x+1)Z2"#, r#"(mul (apply L_{1} (add x 1)) Z_{2})"#),
        // A one-letter unit not at the end: printed `(1 L)`, read as a unit.
        ("P:x^ 4\n1L", r#"(mul (div P (pow x 4)) (quantity "L" 1))"#),
        // Python's one-tuple `(x,)` did not parse.
        (r#"(x*l*y - z,)"#, r#"(tuple (add (mul x l y) (neg z)))"#),
        // A one-letter function name printed `c(g)`, a product: now `c_(g)`.
        (r#"c_(g)"#, r#"(apply c g)"#),
        // A non-ASCII name printed bare in LaTeX, read as a product.
        (r#"(1, oڎ)"#, r#"(tuple 1 oڎ)"#),
        // `\frac{d}{d b}` is a derivative operator: the quotient prints
        // `\frac{d}{b d}`.
        (r#"b*(d/(d*b))"#, r#"(mul b (div d (mul d b)))"#),
        // `(1, 2)` in a matrix cell or a case's value is a tuple, not the list.
        (r#"Matrix([[[1, 2]], [3, -4]])"#, r#"(matrix plain [(list 1 2)] [3 (neg 4)])"#),
        // A subscripted function letter printed `H_{7}\left(…\right)`, which
        // LaTeX reads as a product.
        (r#"H_7(f*x)"#, r#"(apply H_{7} (mul f x))"#),
        // An empty list printed `\left(\right)`, the empty tuple.
        (r#"Pal[] 3"#, r#"(mul "Pal" (list) 3)"#),
        // A list in a function's argument printed in parentheses, a tuple
        // (plain), and LaTeX has no brackets for a list at all: a list inside
        // another node is a tuple in canonical form.
        (r#"det(Max([[1,2],[3,4]]))"#, r#"(det (max (list (list 1 2) (list 3 4))))"#),
        (r#"[[1,2],[3,4]]"#, r#"(list (list 1 2) (list 3 4))"#),
        (r#"[1,2]*3"#, r#"(mul (list 1 2) 3)"#),
        (r#"[[1,2]]"#, r#"(list (list 1 2))"#),
        // `\bar{1}` read as the number 1.
        (r#"2*bar{1}_n"#, r#"(mul 2 bar:1_{n})"#),
        // A list of one list in a matrix cell: LaTeX prints the one item
        // alone, `\left(1, 2\right)`.
        (r#"Matrix([[[1, 2]],text [3, -4]])"#, r#"(matrix plain [(list (list 1 2))] [(mul "text" (list 3 (neg 4)))])"#),
        // The text "." printed as `\text{.}`, which LaTeX read as a number.
        (r#"y'x'&'.'"#, r#"(mul y' x' ".")"#),
        // A percentage of a letter printed `Z_{2}\%`, which LaTeX rejects.
        (r#"(1Z2)%"#, r#"(percent (mul 1 Z_{2}))"#),
        (r#"(x)%"#, r#"(percent x)"#),
        // Text as the body of a product: `\prod_{k=1}^{n} \text{kdd}` had
        // no operand.
        (r#"Product(kdd, (k, 1, n))"#, r#"(product k "kdd" 1 n)"#),
        // Text with symbols LaTeX input normalizes (`\text{∪}` is `\cup`).
        (r#"'∪ ∩ ∖'"#, r#""∪ ∩ ∖""#),
    ];
    for (input, tree) in cases {
        let e = parse(input, Syntax::Plain).unwrap_or_else(|err| panic!("{input:?}: {}", err.render(input)));
        assert_eq!(e.sexpr(), *tree, "{input:?}");
        let c = canonical(&e);
        // The tree as parsed and its canonical form (as the fuzz targets).
        for t in [&e, &c] {
            for (printed, syntax) in [(to_latex(t), Syntax::Latex), (to_plain(t), Syntax::Plain)] {
                let back = parse(&printed, syntax).unwrap_or_else(|err| panic!("{input:?} -> {printed:?}: {err}"));
                assert_eq!(canonical(&back).sexpr(), c.sexpr(), "{input:?} -> {printed:?}");
            }
        }
    }
}

/// Fuzz finding: a list inside another node printed as a tuple in LaTeX
/// (`\left(1, 2\right)`, LaTeX has no brackets for a list) and in plain text
/// (`Max(([1, 2], [3, 4]))`). Only the answer itself is a list of answers; a
/// list inside anything is an ordered sequence, a tuple in canonical form.
#[test]
fn a_list_inside_a_node_is_a_tuple() {
    use mathgrade::{canonical, to_latex, to_plain};
    let c = canonical(&parse("det(Max([[1,2],[3,4]]))", Syntax::Plain).unwrap());
    assert_eq!(c.sexpr(), "(det (tuple (tuple 1 2) (tuple 3 4)))");
    assert_eq!(to_latex(&c), r"\det\left(\left(\left(1, 2\right), \left(3, 4\right)\right)\right)");
    assert_eq!(to_plain(&c), "det(((1, 2), (3, 4)))");
    let c = canonical(&parse("[[1,2],[3,4]]", Syntax::Plain).unwrap());
    assert_eq!(c.sexpr(), "(list (tuple 1 2) (tuple 3 4))");
    assert_eq!(to_latex(&c), r"\left(1, 2\right), \left(3, 4\right)");
    assert_eq!(to_plain(&c), "(1, 2), (3, 4)");
    // The answer list itself stays a list.
    assert_eq!(canonical(&parse("[1,2]", Syntax::Plain).unwrap()).sexpr(), "(list 1 2)");
}
