//! Canonical forms of parsed LaTeX, printed back exactly, and the printer
//! contract (grammars/README.md): what the printers write, the parsers
//! read back to a tree with the same canonical form.

use mathgrade::{canonical, parse, to_latex, to_plain, Expr, Syntax};

fn canon_latex(s: &str) -> Expr {
    canonical(&parse(s, Syntax::Latex).unwrap_or_else(|e| panic!("{s:?} does not parse: {e:?}")))
}

fn canon_plain(s: &str) -> Expr {
    canonical(&parse(s, Syntax::Plain).unwrap_or_else(|e| panic!("{s:?} does not parse: {e:?}")))
}

/// LaTeX input, canonical form printed as LaTeX, and as plain text.
const CASES: &[(&str, &str, &str)] = &[
    (r#"\frac{2}{4}"#, r#"\frac{1}{2}"#, r#"1/2"#),
    (r#"x+x"#, r#"2 x"#, r#"2*x"#),
    (r#"(x+1)^2"#, r#"x^{2} + 2 x + 1"#, r#"x^2 + 2*x + 1"#),
    (r#"2\frac{1}{2}"#, r#"\frac{5}{2}"#, r#"5/2"#),
    (r#"\sqrt{8}"#, r#"2 \sqrt{2}"#, r#"2*sqrt(2)"#),
    (r#"b+a"#, r#"a + b"#, r#"a + b"#),
    (r#"\sin^2 x"#, r#"\sin^{2}\left(x\right)"#, r#"sin(x)^2"#),
    (r#"x > 3"#, r#"3 < x"#, r#"3 < x"#),
    (r#"\frac{x+2}{7}"#, r#"\frac{x}{7} + \frac{2}{7}"#, r#"x/7 + 2/7"#),
    (r#"x - 3"#, r#"x - 3"#, r#"x - 3"#),
    (r#"\sqrt[3]{x}"#, r#"\sqrt[3]{x}"#, r#"root(x, 3)"#),
    (r#"2^{-1/2}"#, r#"\frac{\sqrt{2}}{2}"#, r#"sqrt(2)/2"#),
    (r#"\frac{1}{x}"#, r#"\frac{1}{x}"#, r#"1/x"#),
    (r#"e^{x}"#, r#"e^{x}"#, r#"exp(x)"#),
    (r#"(-2)^x"#, r#"\left(-2\right)^{x}"#, r#"(-2)^x"#),
    (r#"\sqrt{2}\sqrt{3}"#, r#"\sqrt{6}"#, r#"sqrt(6)"#),
    (r#"\sqrt{-4}"#, r#"2 i"#, r#"2*I"#),
    (r#"\sqrt{\frac{2}{3}}"#, r#"\frac{\sqrt{6}}{3}"#, r#"sqrt(6)/3"#),
    (r#"\frac{1}{1-x}"#, r#"-\frac{1}{x - 1}"#, r#"-1/(x - 1)"#),
    (r#"(x+1)^{300}"#, r#"\left(x + 1\right)^{300}"#, r#"(x + 1)^300"#),
    (r#"\log x"#, r#"\log_{10}\left(x\right)"#, r#"log(x, 10)"#),
    (r#"\log_2 x"#, r#"\log_{2}\left(x\right)"#, r#"log(x, 2)"#),
    (r#"\ln x"#, r#"\ln\left(x\right)"#, r#"ln(x)"#),
    (r#"n!"#, r#"n!"#, r#"factorial(n)"#),
    (r#"(n+1)!"#, r#"\left(n + 1\right)!"#, r#"factorial(n + 1)"#),
    (r#"\binom{n}{k}"#, r#"\binom{n}{k}"#, r#"binomial(n, k)"#),
    (r#"\left|x\right|"#, r#"\left|x\right|"#, r#"Abs(x)"#),
    (r#"\lfloor x \rfloor"#, r#"\lfloor x\rfloor"#, r#"floor(x)"#),
    (r#"\lceil x\rceil"#, r#"\lceil x\rceil"#, r#"ceiling(x)"#),
    (r#"\gcd(a, b)"#, r#"\gcd\left(a, b\right)"#, r#"gcd(a, b)"#),
    (r#"\operatorname{lcm}(a,b)"#, r#"\operatorname{lcm}\left(a, b\right)"#, r#"lcm(a, b)"#),
    (r#"\min(a,b)"#, r#"\min\left(a, b\right)"#, r#"Min(a, b)"#),
    (r#"\max(a, b, 3)"#, r#"\max\left(3, a, b\right)"#, r#"Max(3, a, b)"#),
    (r#"a \bmod b"#, r#"a \bmod b"#, r#"Mod(a, b)"#),
    (r#"f(x)"#, r#"f\left(x\right)"#, r#"f(x)"#),
    (r#"\sum_{k=1}^{n} k^2"#, r#"\sum_{k=1}^{n} k^{2}"#, r#"Sum(k^2, (k, 1, n))"#),
    (r#"\prod_{k=1}^{n} k"#, r#"\prod_{k=1}^{n} k"#, r#"Product(k, (k, 1, n))"#),
    (r#"\int_0^1 x^2 \, dx"#, r#"\int_{0}^{1} x^{2} \, dx"#, r#"Integral(x^2, (x, 0, 1))"#),
    (r#"\int x^2 dx"#, r#"\int x^{2} \, dx"#, r#"Integral(x^2, x)"#),
    (r#"\lim_{x \to 0^+} f(x)"#, r#"\lim_{x \to 0^{+}} f\left(x\right)"#, r#"Limit(f(x), x, 0, '+')"#),
    (r#"\lim_{x\to\infty} \frac{1}{x}"#, r#"\lim_{x \to \infty} \frac{1}{x}"#, r#"Limit(1/x, x, oo)"#),
    (r#"\frac{d}{dx} x^2"#, r#"\frac{d}{dx} x^{2}"#, r#"Derivative(x^2, x)"#),
    (r#"\frac{d^2}{dx^2} x^3"#, r#"\frac{d^{2}}{dx^{2}} x^{3}"#, r#"Derivative(x^3, (x, 2))"#),
    (r#"a \le b"#, r#"a \le b"#, r#"a <= b"#),
    (r#"a \ne b"#, r#"a \ne b"#, r#"a != b"#),
    (r#"x \in \mathbb{R}"#, r#"x \in \mathbb{R}"#, r#"x in Reals"#),
    (r#"A \subseteq B"#, r#"A \subseteq B"#, r#"A subseteq B"#),
    (r#"28\%"#, r#"28\%"#, r#"28%"#),
    (r#"30^\circ"#, r#"30^{\circ}"#, r#"30°"#),
    (r#"10 \text{ cm}"#, r#"10 \text{ cm}"#, r#"10 cm"#),
    (r#"\{1, 2, 2\}"#, r#"\left\{1, 2\right\}"#, r#"{1, 2}"#),
    (r#"(1, 2)"#, r#"\left(1, 2\right)"#, r#"(1, 2)"#),
    (r#"[0, 1)"#, r#"\left[0, 1\right)"#, r#"Interval.Ropen(0, 1)"#),
    (r#"(0, 1]"#, r#"\left(0, 1\right]"#, r#"Interval.Lopen(0, 1)"#),
    (r#"[0,1]"#, r#"\left[0, 1\right]"#, r#"Interval(0, 1)"#),
    (r#"A \cup B \cup A"#, r#"A \cup B"#, r#"Union(A, B)"#),
    (r#"A \cap B"#, r#"A \cap B"#, r#"Intersection(A, B)"#),
    (r#"A \setminus B"#, r#"A \setminus B"#, r#"Complement(A, B)"#),
    (r#"\emptyset"#, r#"\emptyset"#, r#"EmptySet"#),
    (r#"\mathbb{Z}"#, r#"\mathbb{Z}"#, r#"Integers"#),
    (
        r#"\begin{pmatrix}1 & 2 \\ 3 & 4\end{pmatrix}"#,
        r#"\begin{pmatrix}1 & 2 \\ 3 & 4\end{pmatrix}"#,
        r#"Matrix([[1, 2], [3, 4]])"#,
    ),
    (
        r#"\begin{vmatrix}1 & 2 \\ 3 & 4\end{vmatrix}"#,
        r#"\det\left(\begin{pmatrix}1 & 2 \\ 3 & 4\end{pmatrix}\right)"#,
        r#"det(Matrix([[1, 2], [3, 4]]))"#,
    ),
    (
        r#"\begin{cases}x & x > 0 \\ 0 & \text{otherwise}\end{cases}"#,
        r#"\begin{cases}x & 0 < x \\ 0 & \text{otherwise}\end{cases}"#,
        r#"Piecewise((x, 0 < x), (0, True))"#,
    ),
    (r#"\text{Evelyn}"#, r#"\text{Evelyn}"#, r#""Evelyn""#),
    (r#"3 \pm 1"#, r#"3 \pm 1"#, r#"3 +- 1"#),
    (r#"\pm 2"#, r#"\pm 2"#, r#"+- 2"#),
    (r#"\alpha + \beta"#, r#"\alpha + \beta"#, r#"alpha + beta"#),
    (r#"x_1 + x_2"#, r#"x_{1} + x_{2}"#, r#"x_1 + x_2"#),
    (r#"\bar{x}"#, r#"\bar{x}"#, r#"Symbol('\bar{x}')"#),
    (r#"f'(x)"#, r#"f'\left(x\right)"#, r#"f'(x)"#),
    (r#"0.25"#, r#"\frac{1}{4}"#, r#"1/4"#),
    (r#"1.5e-3"#, r#"\frac{3}{2000}"#, r#"3/2000"#),
    (r#"-\frac{1}{2}"#, r#"-\frac{1}{2}"#, r#"-1/2"#),
    (r#"\frac{\sqrt{2}}{2}"#, r#"\frac{\sqrt{2}}{2}"#, r#"sqrt(2)/2"#),
    (r#"2 \cdot 3"#, r#"6"#, r#"6"#),
    (r#"x^{-2}"#, r#"\frac{1}{x^{2}}"#, r#"1/x^2"#),
    (r#"\frac{3x}{y^2}"#, r#"\frac{3 x}{y^{2}}"#, r#"3*x/y^2"#),
    (r#"\sin(x)\cos(x)"#, r#"\sin\left(x\right) \cos\left(x\right)"#, r#"sin(x)*cos(x)"#),
    (r#"\arcsin x"#, r#"\arcsin\left(x\right)"#, r#"asin(x)"#),
    (r#"\operatorname{arsinh} x"#, r#"\operatorname{arsinh}\left(x\right)"#, r#"asinh(x)"#),
    (r#"\sec x"#, r#"\sec\left(x\right)"#, r#"sec(x)"#),
    (r#"\csc^2 x"#, r#"\csc^{2}\left(x\right)"#, r#"csc(x)^2"#),
    (r#"\tan^{-1} x"#, r#"\arctan\left(x\right)"#, r#"atan(x)"#),
    (r#"i^2"#, r#"-1"#, r#"-1"#),
    (r#"(1+i)^2"#, r#"2 i"#, r#"2*I"#),
    (r#"\pi r^2"#, r#"\pi r^{2}"#, r#"pi*r^2"#),
    (r#"1, 2, 3"#, r#"1, 2, 3"#, r#"1, 2, 3"#),
    (r#"\sqrt{x^2}"#, r#"\sqrt{x^{2}}"#, r#"sqrt(x^2)"#),
    (r#"\sqrt{4x}"#, r#"2 \sqrt{x}"#, r#"2*sqrt(x)"#),
    (r#"x^{x}"#, r#"x^{x}"#, r#"x^x"#),
    (r#"2^{x+1}"#, r#"2 \cdot 2^{x}"#, r#"2*2^x"#),
    (r#"-x^2"#, r#"-x^{2}"#, r#"-x^2"#),
    (r#"(-x)^2"#, r#"x^{2}"#, r#"x^2"#),
    (r#"-(a+b)"#, r#"-a - b"#, r#"-a - b"#),
    (r#"\frac{a}{b} \cdot \frac{c}{d}"#, r#"\frac{a c}{b d}"#, r#"a*c/(b*d)"#),
    (r#"\frac{1}{2}x"#, r#"\frac{x}{2}"#, r#"x/2"#),
    (r#"x y z"#, r#"x y z"#, r#"x*y*z"#),
    (r#"\sqrt[4]{-1}"#, r#"\sqrt[4]{-1}"#, r#"root(-1, 4)"#),
    (r#"\infty"#, r#"\infty"#, r#"oo"#),
    (r#"-\infty"#, r#"-\infty"#, r#"-oo"#),
    (r#"\frac{1}{\sqrt{x}}"#, r#"\frac{1}{\sqrt{x}}"#, r#"1/sqrt(x)"#),
    (r#"(x+1)(x+2)(x+3)"#, r#"x^{3} + 6 x^{2} + 11 x + 6"#, r#"x^3 + 6*x^2 + 11*x + 6"#),
    (r#"\frac{x^2-1}{x+1}"#, r#"\frac{x^{2}}{x + 1} - \frac{1}{x + 1}"#, r#"x^2/(x + 1) - 1/(x + 1)"#),
    (r#"\log_{10} 100"#, r#"2"#, r#"2"#),
    (r#"\ln e^3"#, r#"3"#, r#"3"#),
    (r#"10!"#, r#"3628800"#, r#"3628800"#),
    (r#"\binom{5}{2}"#, r#"10"#, r#"10"#),
    (r#"\gcd(12, 18)"#, r#"6"#, r#"6"#),
    (r#"\left|-3\right|"#, r#"3"#, r#"3"#),
    (r#"7 \bmod 3"#, r#"1"#, r#"1"#),
    (r#"\sqrt{12}"#, r#"2 \sqrt{3}"#, r#"2*sqrt(3)"#),
    (r#"x^{\frac{3}{2}}"#, r#"x^{\frac{3}{2}}"#, r#"x^(3/2)"#),
    (r#"\sqrt[3]{x^2}"#, r#"\sqrt[3]{x^{2}}"#, r#"root(x^2, 3)"#),
    (r#"a_{i,j}"#, r#"a_{i,j}"#, r#"Symbol('a_{i,j}')"#),
    (r#"-2^2"#, r#"-4"#, r#"-4"#),
    (r#"(-2)^2"#, r#"4"#, r#"4"#),
    (r#"2^{3^2}"#, r#"512"#, r#"512"#),
    (r#"x^{-1/2}"#, r#"\frac{1}{\sqrt{x}}"#, r#"1/sqrt(x)"#),
    (r#"\left(\frac{1}{2}\right)^2"#, r#"\frac{1}{4}"#, r#"1/4"#),
    (r#"\sqrt{2}^3"#, r#"2 \sqrt{2}"#, r#"2*sqrt(2)"#),
    (r#"(x^2)^3"#, r#"x^{6}"#, r#"x^6"#),
    (r#"(n!)^2"#, r#"n!^{2}"#, r#"factorial(n)^2"#),
    (r#"\sin(x)^2"#, r#"\sin^{2}\left(x\right)"#, r#"sin(x)^2"#),
    (r#"\ln(x)^2"#, r#"\left(\ln\left(x\right)\right)^{2}"#, r#"ln(x)^2"#),
    (r#"(\ln x)^2"#, r#"\left(\ln\left(x\right)\right)^{2}"#, r#"ln(x)^2"#),
    (r#"2 \times (-3)"#, r#"-6"#, r#"-6"#),
    (r#"x \cdot (-y)"#, r#"-x y"#, r#"-x*y"#),
    (r#"a - (b - c)"#, r#"a - b + c"#, r#"a - b + c"#),
    (r#"a - (-b)"#, r#"a + b"#, r#"a + b"#),
    (r#"\frac{-1}{x}"#, r#"-\frac{1}{x}"#, r#"-1/x"#),
    (r#"-\frac{x}{2}"#, r#"-\frac{x}{2}"#, r#"-x/2"#),
    (r#"\frac{x}{-2}"#, r#"-\frac{x}{2}"#, r#"-x/2"#),
    (r#"\pm\sqrt{2}"#, r#"\pm \sqrt{2}"#, r#"+- sqrt(2)"#),
    (r#"e^{-x}"#, r#"e^{-x}"#, r#"exp(-x)"#),
    (r#"e^{2x}"#, r#"e^{2 x}"#, r#"exp(2*x)"#),
    (r#"2^{-x}"#, r#"2^{-x}"#, r#"2^(-x)"#),
    (r#"x^{-n}"#, r#"x^{-n}"#, r#"x^(-n)"#),
    (r#"f(x+1)"#, r#"f\left(x + 1\right)"#, r#"f(x + 1)"#),
    (r#"f(x, y)"#, r#"f\left(x, y\right)"#, r#"f(x, y)"#),
    (r#"\sum_{k} k"#, r#"\sum_{k} k"#, r#"Sum(k, k)"#),
    (r#"\left|x-1\right|^2"#, r#"\left|x - 1\right|^{2}"#, r#"Abs(x - 1)^2"#),
    (r#"\frac{1}{2}\%"#, r#"\frac{1}{2}\%"#, r#"(1/2)%"#),
    (r#"-5 \text{ cm}"#, r#"-5 \text{ cm}"#, r#"-5 cm"#),
    (r#"(1, 2, 3)"#, r#"\left(1, 2, 3\right)"#, r#"(1, 2, 3)"#),
    (r#"(0, 1) \cup (2, 3)"#, r#"\left(0, 1\right) \cup \left(2, 3\right)"#, r#"Union((0, 1), (2, 3))"#),
    (r#"A \cup (B \cap C)"#, r#"A \cup \left(B \cap C\right)"#, r#"Union(A, Intersection(B, C))"#),
    (r#"(A \cup B) \cap C"#, r#"C \cap \left(A \cup B\right)"#, r#"Intersection(C, Union(A, B))"#),
    (
        r#"A \setminus (B \setminus C)"#,
        r#"A \setminus \left(B \setminus C\right)"#,
        r#"Complement(A, Complement(B, C))"#,
    ),
    (
        r#"\begin{pmatrix}-1 & x+1\end{pmatrix}"#,
        r#"\begin{pmatrix}-1 & x + 1\end{pmatrix}"#,
        r#"Matrix([[-1, x + 1]])"#,
    ),
    (r#"x = 2"#, r#"2 = x"#, r#"2 = x"#),
    (r#"2 = x"#, r#"2 = x"#, r#"2 = x"#),
    (r#"y = 2x + 1"#, r#"y = 2 x + 1"#, r#"y = 2*x + 1"#),
    (r#"\frac{1}{x^2+1}"#, r#"\frac{1}{x^{2} + 1}"#, r#"1/(x^2 + 1)"#),
    (r#"\frac{2}{3}x^2"#, r#"\frac{2 x^{2}}{3}"#, r#"2*x^2/3"#),
    (r#"-x"#, r#"-x"#, r#"-x"#),
    (r#"-2x"#, r#"-2 x"#, r#"-2*x"#),
    (r#"x^2 - 2x + 1"#, r#"x^{2} - 2 x + 1"#, r#"x^2 - 2*x + 1"#),
    (r#"\frac{x}{y}\frac{z}{w}"#, r#"\frac{x z}{w y}"#, r#"x*z/(w*y)"#),
    (r#"\sqrt{x}\sqrt{x}"#, r#"x"#, r#"x"#),
    (r#"\sqrt{x}\sqrt{y}"#, r#"\sqrt{x} \sqrt{y}"#, r#"sqrt(x)*sqrt(y)"#),
    (r#"x^{1/2} y^{1/2}"#, r#"\sqrt{x} \sqrt{y}"#, r#"sqrt(x)*sqrt(y)"#),
    (r#"\sin x + \cos x"#, r#"\sin\left(x\right) + \cos\left(x\right)"#, r#"sin(x) + cos(x)"#),
    (r#"\sin(2x)"#, r#"\sin\left(2 x\right)"#, r#"sin(2*x)"#),
    (r#"3 e^{x}"#, r#"3 e^{x}"#, r#"3*exp(x)"#),
    (r#"\pi/2"#, r#"\frac{\pi}{2}"#, r#"pi/2"#),
    (r#"\frac{\pi}{2}"#, r#"\frac{\pi}{2}"#, r#"pi/2"#),
    (r#"2\pi"#, r#"2 \pi"#, r#"2*pi"#),
    (r#"\frac{3\pi}{4}"#, r#"\frac{3 \pi}{4}"#, r#"3*pi/4"#),
    (r#"\sqrt{3}/2"#, r#"\frac{\sqrt{3}}{2}"#, r#"sqrt(3)/2"#),
    (r#"\frac{1+\sqrt{5}}{2}"#, r#"\frac{1}{2} + \frac{\sqrt{5}}{2}"#, r#"1/2 + sqrt(5)/2"#),
    (r#"1.50"#, r#"\frac{3}{2}"#, r#"3/2"#),
    (r#"33.3\%"#, r#"\frac{333}{10}\%"#, r#"(333/10)%"#),
    (r#"x^{0}"#, r#"1"#, r#"1"#),
    (r#"0^0"#, r#"1"#, r#"1"#),
    (r#"\frac{1}{0}"#, r#"\frac{1}{0}"#, r#"1/0"#),
    (r#"0 \cdot x"#, r#"0"#, r#"0"#),
    (r#"1^{x}"#, r#"1"#, r#"1"#),
    (r#"x^1"#, r#"x"#, r#"x"#),
    (r#"\hat{y}"#, r#"\hat{y}"#, r#"Symbol('\hat{y}')"#),
    (r#"x''"#, r#"x''"#, r#"Symbol("x''")"#),
    (r#"\frac{d}{dx} \left(x^2 + 1\right)"#, r#"\frac{d}{dx} \left(x^{2} + 1\right)"#, r#"Derivative(x^2 + 1, x)"#),
    (r#"2x \cdot 3y"#, r#"6 x y"#, r#"6*x*y"#),
];

#[test]
fn canonical_forms_print_exactly() {
    for &(input, latex, plain) in CASES {
        let c = canon_latex(input);
        assert_eq!(canonical(&c), c, "not idempotent: {input}");
        assert_eq!(to_latex(&c), latex, "latex of canonical {input}");
        assert_eq!(to_plain(&c), plain, "plain of canonical {input}");
    }
}

#[test]
fn printed_forms_parse_back_to_the_same_canonical_form() {
    for &(input, _, _) in CASES {
        let e = parse(input, Syntax::Latex).expect("parses");
        let c = canonical(&e);
        // The canonical tree and the raw parsed tree, in both syntaxes.
        for t in [&c, &e] {
            let l = to_latex(t);
            assert_eq!(canon_latex(&l), c, "{input}: latex {l}");
            let p = to_plain(t);
            assert_eq!(canon_plain(&p), c, "{input}: plain {p}");
        }
    }
}

/// Each group is one answer written several ways (LaTeX `L:` or plain `P:`).
const GROUPS: &[&[&str]] = &[
    &["L:\\frac{2}{4}", "L:\\frac{1}{2}", "L:0.5", "P:1/2", "P:2/4", "L:\\frac{1}{2}"],
    &["L:x+x", "L:2x", "P:2*x", "P:x*2", "L:x \\cdot 2"],
    &["L:(x+1)^2", "L:x^2+2x+1", "P:(x+1)**2", "P:x^2 + 2*x + 1", "L:(x+1)(x+1)", "L:1 + 2x + x^2"],
    &["L:2\\frac{1}{2}", "L:\\frac{5}{2}", "L:2.5", "P:5/2", "L:2 + \\frac{1}{2}"],
    &["L:\\sqrt{8}", "L:2\\sqrt{2}", "P:sqrt(8)", "P:2*sqrt(2)", "L:8^{1/2}", "L:2^{3/2}"],
    &["L:a+b", "L:b+a", "P:b + a"],
    &["L:\\frac{\\sqrt{2}}{2}", "L:\\frac{1}{\\sqrt{2}}", "P:1/sqrt(2)", "L:2^{-1/2}", "L:\\sqrt{\\frac{1}{2}}"],
    &["L:\\sqrt{2}\\sqrt{3}", "L:\\sqrt{6}", "P:sqrt(2)*sqrt(3)"],
    &["L:x > 3", "L:3 < x", "P:x > 3"],
    // A list of one answer is that answer.
    &["P:[x + 1]", "L:x+1", "P:x + 1"],
    &["L:e^{x}", "P:exp(x)", "L:\\exp(x)"],
    &["L:\\sqrt[3]{x}", "L:x^{1/3}", "P:root(x, 3)", "P:cbrt(x)"],
    &["L:\\frac{1}{1-x}", "L:-\\frac{1}{x-1}", "P:1/(1 - x)"],
    &["L:x \\pm 2", "L:\\pm 2 + x", "P:x +- 2"],
    &["L:(0, 1)", "P:Interval.open(0, 1)", "P:(0, 1)"],
    &["L:\\log x", "L:\\log_{10} x", "P:log(x, 10)"],
    &["L:\\{1, 2\\}", "L:\\{2, 1, 1\\}", "P:{2, 1}"],
];

#[test]
fn groups_share_one_canonical_form() {
    for group in GROUPS {
        let forms: Vec<(String, Expr)> = group
            .iter()
            .map(|s| match s.split_once(':') {
                Some(("L", t)) => (s.to_string(), canon_latex(t)),
                Some(("P", t)) => (s.to_string(), canon_plain(t)),
                _ => panic!("bad group entry {s}"),
            })
            .collect();
        for (s, c) in &forms[1..] {
            assert_eq!(c, &forms[0].1, "{s} vs {}: {} vs {}", forms[0].0, to_latex(c), to_latex(&forms[0].1));
        }
    }
}
