//! The spoken-math parser (issue 6): one table test per construct (speech
//! → the canonical LaTeX of what it reads as, exactly), the golden file of
//! (speech, LaTeX) pairs in `tests/data/spoken_golden.tsv`, typed errors
//! with spans, resource limits, and no panics on word soup.

use mathgrade::compare::{verify, Options};
use mathgrade::{canonical, parse, parse_with, spoken_readings, to_latex, ErrorKind, Limits, Syntax};
use proptest::prelude::*;

/// Each speech must read as exactly this canonical LaTeX.
fn check(cases: &[(&str, &str)]) {
    let mut wrong = Vec::new();
    for (speech, want) in cases {
        match parse(speech, Syntax::Spoken) {
            Ok(e) => {
                let got = to_latex(&canonical(&e));
                if got != *want {
                    wrong.push(format!("{speech:?}: got {got:?}, want {want:?}"));
                }
            }
            Err(err) => wrong.push(format!("{speech:?}: error {err}")),
        }
    }
    assert!(wrong.is_empty(), "{} of {} wrong:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
}

#[test]
fn numbers() {
    check(&[
        ("forty two", r"42"),
        ("one hundred and five", r"105"),
        ("two million", r"2000000"),
        ("three point one four", r"\frac{157}{50}"),
        ("point oh five", r"\frac{1}{20}"),
        ("negative seven", r"-7"),
        ("46.08", r"\frac{1152}{25}"),
        ("35 comma 000", r"35000"),
        ("open paren 2 comma 251 close paren", r"\left(2, 251\right)"),
        ("six and two thirds", r"\frac{20}{3}"),
        ("1 and four fifths", r"\frac{9}{5}"),
    ]);
}

#[test]
fn spoken_fractions() {
    check(&[
        ("one half", r"\frac{1}{2}"),
        ("three halves", r"\frac{3}{2}"),
        ("two thirds", r"\frac{2}{3}"),
        ("three quarters", r"\frac{3}{4}"),
        ("seven hundredths", r"\frac{7}{100}"),
        ("nine twenty fifths", r"\frac{9}{25}"),
        ("six ninety firsts", r"\frac{6}{91}"),
        ("one fifty fourth", r"\frac{1}{54}"),
    ]);
}

#[test]
fn powers() {
    check(&[
        ("x squared", r"x^{2}"),
        ("x cubed", r"x^{3}"),
        ("x to the fourth power", r"x^{4}"),
        ("x to the n-th power", r"x^{n}"),
        ("x to the fifth", r"x^{5}"),
        ("x to the n", r"x^{n}"),
        ("e to the i pi", r"e^{\pi i}"),
        ("x to the power of n plus one", r"x^{n} + 1"),
        ("x raised to the n plus 1 power", r"x^{n + 1}"),
        ("e raised to the exponent negative x squared end exponent", r"e^{-x^{2}}"),
        ("x to the m-th power to the n-th power", r"\left(x^{m}\right)^{n}"),
        ("x Superscript m minus n Baseline plus 1", r"x^{m - n} + 1"),
        ("x Superscript 2 n plus 1", r"x^{2 n + 1}"),
        ("x Sup a Sup Sup b Base", r"x^{a^{b}}"),
    ]);
}

#[test]
fn roots() {
    check(&[
        ("the square root of two", r"\sqrt{2}"),
        ("the square root of b squared minus four a c", r"\sqrt{-4 a c + b^{2}}"),
        ("the square root of 5 minus 1", r"-1 + \sqrt{5}"),
        ("the square root of 3 over 2", r"\frac{\sqrt{3}}{2}"),
        ("the square root of q over s", r"\sqrt{\frac{q}{s}}"),
        ("4 the square root of 5 over 5", r"\frac{4 \sqrt{5}}{5}"),
        ("the cube root of x", r"\sqrt[3]{x}"),
        ("the 20th root of x", r"\sqrt[20]{x}"),
        ("the n-th root of x", r"x^{\frac{1}{n}}"),
        ("StartRoot x plus 1 EndRoot", r"\sqrt{x + 1}"),
        ("RootIndex 3 StartRoot 27 EndRoot", r"3"),
        ("root two", r"\sqrt{2}"),
    ]);
}

#[test]
fn fractions() {
    check(&[
        ("a over b", r"\frac{a}{b}"),
        ("one over two pi", r"\frac{\pi}{2}"),
        ("x over two plus one", r"\frac{x}{2} + 1"),
        ("StartFraction 1 Over x plus 1 EndFraction", r"\frac{1}{x + 1}"),
        ("StartStartFraction 1 OverOver StartFraction 1 Over x EndFraction EndEndFraction", r"x"),
        ("the fraction with numerator x plus 1 and denominator x minus 1", r"\frac{x}{x - 1} + \frac{1}{x - 1}"),
        ("the fraction with numerator 1 and denominator 1 minus r", r"-\frac{1}{r - 1}"),
        ("x divided by two", r"\frac{x}{2}"),
        ("35 over 3 x to the fourth power", r"\frac{35 x^{4}}{3}"),
        ("t over 4 sine 2 t", r"\frac{t \sin\left(2 t\right)}{4}"),
    ]);
}

#[test]
fn scope_cues() {
    check(&[
        ("a plus b all over c", r"\frac{a}{c} + \frac{b}{c}"),
        ("a plus b all squared", r"a^{2} + 2 a b + b^{2}"),
        ("the quantity a plus b end quantity times c", r"a c + b c"),
        ("the quantity a plus b times the quantity a minus b", r"a^{2} - b^{2}"),
        ("x equals minus b plus or minus the square root of b squared minus four a c all over two a", r"x = \frac{-b \pm \sqrt{-4 a c + b^{2}}}{2 a}"),
        ("x equals negative b plus or minus the square root of b squared minus four a c, all over two a", r"x = \frac{-b \pm \sqrt{-4 a c + b^{2}}}{2 a}"),
    ]);
}

#[test]
fn subscripts() {
    check(&[
        ("x sub one", r"x_{1}"),
        ("a sub n plus one", r"a_{n+1}"),
        ("x sub i squared", r"x_{i}^{2}"),
        ("x Subscript i Baseline", r"x_{i}"),
        ("x 2 plus y 2", r"x_{2} + y_{2}"),
        ("v naught", r"v_{0}"),
        ("a Subscript i Superscript 2 Baseline", r"a_{i}^{2}"),
    ]);
}

#[test]
fn functions() {
    check(&[
        ("sine x", r"\sin\left(x\right)"),
        ("sine of x", r"\sin\left(x\right)"),
        ("the sine of open paren alpha plus beta close paren", r"\sin\left(\alpha + \beta\right)"),
        ("sine squared x plus cosine squared x", r"\sin^{2}\left(x\right) + \cos^{2}\left(x\right)"),
        ("the cosine squared of theta", r"\cos^{2}\left(\theta\right)"),
        ("sine alpha cosine beta", r"\sin\left(\alpha\right) \cos\left(\beta\right)"),
        ("cosine Superscript negative 1 Baseline left parenthesis 0 right parenthesis", r"\arccos\left(0\right)"),
        ("the inverse cosine of 0", r"\arccos\left(0\right)"),
        ("log base two of eight", r"3"),
        ("the log base b of x over y", r"\log_{b}\left(\frac{x}{y}\right)"),
        ("log Subscript 2 Baseline 8", r"3"),
        ("natural log of x", r"\ln\left(x\right)"),
        ("l n of 5 over l n of 3", r"\frac{\ln\left(5\right)}{\ln\left(3\right)}"),
        ("max of a and b", r"\max\left(a, b\right)"),
        ("f of x", r"f\left(x\right)"),
        ("g of f of x", r"g\left(f\left(x\right)\right)"),
        ("f prime of x", r"f'\left(x\right)"),
    ]);
}

#[test]
fn factorials_and_binomials() {
    check(&[
        ("n factorial", r"n!"),
        ("n choose k", r"\binom{n}{k}"),
        ("StartBinomialOrMatrix n Choose k EndBinomialOrMatrix", r"\binom{n}{k}"),
        ("n minus one factorial", r"n - 1"),
    ]);
}

#[test]
fn absolute_values_and_floors() {
    check(&[
        ("the absolute value of x", r"\left|x\right|"),
        ("StartAbsoluteValue x EndAbsoluteValue", r"\left|x\right|"),
        ("the absolute value of a plus the absolute value of b", r"\left|a\right| + \left|b\right|"),
        ("left floor x right floor", r"\lfloor x\rfloor"),
        ("left ceiling x right ceiling", r"\lceil x\rceil"),
    ]);
}

#[test]
fn integrals() {
    check(&[
        ("the integral from zero to one of x squared d x", r"\int_{0}^{1} x^{2} \, dx"),
        ("the integral of x d x", r"\int x \, dx"),
        ("the integral of t squared dt from zero to two", r"\int_{0}^{2} t^{2} \, dt"),
        ("integral Subscript 0 Superscript 1 Baseline x d x", r"\int_{0}^{1} x \, dx"),
        ("the integral of the cosine of x times d x", r"\int \cos\left(x\right) \, dx"),
        // Fuzz finding: printed `\int_{0}^{2} d \, dd`, which LaTeX reads as
        // `d` times the integral of 1 (`d \, d` is a differential).
        ("the integral d. from zero to two", r"\int_{0}^{2} \left(d\right) \, dd"),
    ]);
    let e = canonical(&parse("the integral d. from zero to two", Syntax::Spoken).unwrap());
    assert_eq!(canonical(&parse(&to_latex(&e), Syntax::Latex).unwrap()), e);
}

#[test]
fn sums_and_products() {
    check(&[
        ("the sum from k equals one to n of k squared", r"\sum_{k=1}^{n} k^{2}"),
        ("sigma summation Underscript k equals 1 Overscript n Endscripts k", r"\sum_{k=1}^{n} k"),
        ("sum of one over n squared from n equals one to infinity", r"\sum_{n=1}^{\infty} \frac{1}{n^{2}}"),
        ("the product from i equals 1 to n of i", r"\prod_{i=1}^{n} i"),
        ("the product of x and y", r"x y"),
    ]);
}

#[test]
fn limits() {
    check(&[
        ("the limit as x approaches zero of sine x over x", r"\lim_{x \to 0} \frac{\sin\left(x\right)}{x}"),
        ("lim over x right arrow 0 of 1 over x", r"\lim_{x \to 0} \frac{1}{x}"),
        ("limit Underscript x right arrow 0 Endscripts x", r"\lim_{x \to 0} x"),
        ("the limit of x squared as x approaches two", r"\lim_{x \to 2} x^{2}"),
        ("the limit as x approaches zero from the right of one over x", r"\lim_{x \to 0^{+}} \frac{1}{x}"),
        ("limit as t tends to zero of e to the t minus one all over t", r"\lim_{t \to 0} \left(\frac{e^{t}}{t} - \frac{1}{t}\right)"),
    ]);
}

#[test]
fn derivatives() {
    check(&[
        ("the derivative of x squared with respect to x", r"\frac{d}{dx} x^{2}"),
        ("the second derivative of y with respect to x", r"\frac{d^{2}}{dx^{2}} y"),
        ("d over d x x squared", r"\frac{d}{dx} x^{2}"),
        ("StartFraction d Over d x EndFraction sine x", r"\frac{d}{dx} \sin\left(x\right)"),
        ("partial f partial x", r"\frac{f}{x}"),
    ]);
}

#[test]
fn relations() {
    check(&[
        ("x equals two", r"2 = x"),
        ("x is less than or equal to five", r"x \le 5"),
        ("a is less than b is less than c", r"a < b < c"),
        ("x is not equal to zero", r"0 \ne x"),
        ("x greater than or slanted equals 2", r"2 \le x"),
        ("x is an element of the real numbers", r"x \in \mathbb{R}"),
    ]);
}

#[test]
fn sets_and_intervals() {
    check(&[
        ("the set 1 comma 2 comma 3", r"\left\{1, 2, 3\right\}"),
        ("StartSet 1 comma 2 EndSet", r"\left\{1, 2\right\}"),
        ("the set of one, two and three", r"\left\{1, 2, 3\right\}"),
        ("the empty set", r"\emptyset"),
        ("the open interval from zero to one", r"\left(0, 1\right)"),
        ("the closed interval from a to b", r"\left[a, b\right]"),
        ("the interval from zero to infinity open on both ends", r"\left(0, \infty\right)"),
        ("open bracket 0 comma 1 close paren", r"\left[0, 1\right)"),
        ("left parenthesis negative normal infinity comma 0 right parenthesis union left parenthesis 0 comma normal infinity right parenthesis", r"\left(0, \infty\right) \cup \left(-\infty, 0\right)"),
    ]);
}

#[test]
fn matrices_and_vectors() {
    check(&[
        ("the 2 by 2 matrix Row 1: 1 2 Row 2: 3 4", r"\begin{pmatrix}1 & 2 \\ 3 & 4\end{pmatrix}"),
        ("Start 2 By 2 Matrix 1st Row 1st Column 1 2nd Column 2 2nd Row 1st Column 3 2nd Column 4 EndMatrix", r"\begin{pmatrix}1 & 2 \\ 3 & 4\end{pmatrix}"),
        ("the 2 by 1 column matrix n k", r"\begin{pmatrix}n \\ k\end{pmatrix}"),
        ("the two by two matrix one two three four", r"\begin{pmatrix}1 & 2 \\ 3 & 4\end{pmatrix}"),
        ("the matrix with rows a b and c d", r"\begin{pmatrix}a & b \\ c & d\end{pmatrix}"),
        ("the determinant of the matrix a b c d", r"\det\left(\begin{pmatrix}a & b \\ c & d\end{pmatrix}\right)"),
        ("the vector one two three", r"\left(1, 2, 3\right)"),
        ("left angle bracket 1 comma 2 right angle bracket", r"\left(1, 2\right)"),
    ]);
}

#[test]
fn letters_and_decorations() {
    check(&[
        ("upper A", r"A"),
        ("capital gamma", r"\Gamma"),
        ("normal upper Gamma", r"\Gamma"),
        ("x bar", r"\bar{x}"),
        ("z overbar", r"\bar{z}"),
        ("ModifyingAbove u With right arrow", r"\vec{u}"),
        ("theta two dots", r"\ddot{\theta}"),
        ("y double prime", r"y''"),
        ("delta x", r"\delta x"),
        ("lamda", r"\lambda"),
        ("italic h over two pi", r"\hbar"),
    ]);
}

#[test]
fn units_percent_degrees_text_cases() {
    check(&[
        ("thirty degrees", r"30^{\circ}"),
        ("fifty percent", r"50\%"),
        ("10 centimeters", r"10 \text{ cm}"),
        ("the text Evelyn end text", r"\text{Evelyn}"),
        ("piecewise x if x is greater than 0, 0 otherwise, end piecewise", r"\begin{cases}x & 0 < x \\ 0 & \text{otherwise}\end{cases}"),
    ]);
}

#[test]
fn lists() {
    check(&[
        ("x equals 1 or x equals 2", r"1 = x, 2 = x"),
        ("1, 2, 3", r"1, 2, 3"),
    ]);
}

/// `tests/data/spoken_golden.tsv`: pairs written for mathgrade, each speech
/// equal by the comparer to its LaTeX.
#[test]
fn golden_pairs() {
    let text = include_str!("data/spoken_golden.tsv");
    let opts = Options::default();
    let mut wrong = Vec::new();
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((speech, latex)) = line.split_once('\t') else {
            panic!("spoken_golden.tsv:{}: expected speech<TAB>latex", i + 1);
        };
        n += 1;
        let gold = parse(latex, Syntax::Latex).unwrap_or_else(|e| panic!("spoken_golden.tsv:{}: bad LaTeX: {e}", i + 1));
        match parse(speech, Syntax::Spoken) {
            Ok(pred) if verify(&gold, &pred, &opts).equal => {}
            Ok(pred) => wrong.push(format!("line {}: {speech:?} read as {}, want {latex}", i + 1, to_latex(&pred))),
            Err(e) => wrong.push(format!("line {}: {speech:?}: {e}", i + 1)),
        }
    }
    assert!(n >= 150, "golden file unexpectedly small: {n} pairs");
    assert!(wrong.is_empty(), "{} of {n} golden pairs wrong:\n{}", wrong.len(), wrong.join("\n"));
}

/// `Auto` never reads speech: spoken words are LaTeX or plain letters to it.
#[test]
fn auto_never_picks_spoken() {
    assert_eq!(mathgrade::parse::detect_syntax("x squared plus one"), Syntax::Latex);
    let auto = parse("x squared", Syntax::Auto).map(|e| to_latex(&canonical(&e)));
    let spoken = parse("x squared", Syntax::Spoken).map(|e| to_latex(&canonical(&e)));
    assert_eq!(spoken.as_deref(), Ok("x^{2}"));
    assert_ne!(auto, spoken);
}

/// Errors are typed, with the span of the words at fault.
#[test]
fn typed_errors_with_spans() {
    let cases: &[(&str, ErrorKind, (usize, usize))] = &[
        ("", ErrorKind::Empty, (0, 0)),
        ("x plus xyzzy", ErrorKind::UnknownWord { word: "xyzzy".into() }, (7, 12)),
        ("x plus", ErrorKind::UnexpectedEnd { expected: "an operand" }, (6, 6)),
        ("x equals", ErrorKind::UnexpectedEnd { expected: "the right-hand side of a relation" }, (8, 8)),
        ("open paren x plus 1", ErrorKind::Unclosed { open: "`open paren`".into() }, (0, 10)),
        ("StartFraction 1 Over 2", ErrorKind::UnexpectedEnd { expected: "`EndFraction`" }, (22, 22)),
        (
            "x close paren",
            ErrorKind::Unexpected { found: "`close paren`".into(), expected: "an operator or end of input" },
            (2, 13),
        ),
        ("sine", ErrorKind::MissingArgument { command: "sin".into() }, (0, 4)),
        ("the 3 by 2 matrix 1 2 3", ErrorKind::UnexpectedEnd { expected: "an expression" }, (23, 23)),
    ];
    for (speech, kind, (start, end)) in cases {
        let err = parse(speech, Syntax::Spoken).expect_err(speech);
        assert_eq!(&err.kind, kind, "{speech:?}");
        assert_eq!((err.span.start, err.span.end), (*start, *end), "{speech:?}");
    }
    // The caret points at the unknown word.
    let err = parse("x plus xyzzy", Syntax::Spoken).expect_err("unknown word");
    assert_eq!(err.render("x plus xyzzy"), "error: unknown word `xyzzy`\n --> 1:8\n  |\n1 | x plus xyzzy\n  |        ^^^^^");
}

/// The limits the other parsers honour: depth, nodes, length.
#[test]
fn limits_are_respected() {
    let limits = Limits { max_depth: 20, max_nodes: 50, max_input_len: 200, ..Limits::default() };
    let deep = "open paren ".repeat(30) + "x" + &" close paren".repeat(30);
    let err = parse_with(&deep, Syntax::Spoken, &Limits { max_input_len: 1 << 20, ..limits.clone() }).expect_err("deep");
    assert_eq!(err.kind, ErrorKind::TooDeep { limit: 20 });
    let wide = vec!["x"; 60].join(" plus ");
    let err = parse_with(&wide, Syntax::Spoken, &Limits { max_input_len: 1 << 20, ..limits.clone() }).expect_err("wide");
    assert_eq!(err.kind, ErrorKind::TooManyNodes { limit: 50 });
    let long = "x ".repeat(150);
    let err = parse_with(&long, Syntax::Spoken, &limits).expect_err("long");
    assert_eq!(err.kind, ErrorKind::TooLong { len: 300, limit: 200 });
    // Deep nesting within the default limit parses, whatever the stack.
    let ok = "the square root of ".repeat(40) + "x" + &" end root".repeat(40);
    assert!(parse(&ok, Syntax::Spoken).is_ok());
}

/// Many unclosed openers in a row stay linear (the closers ahead are
/// found once, not searched at each opener).
#[test]
fn many_openers_stay_fast() {
    // Longer than the default input limit (64 KiB): raised, so the parser
    // itself is timed.
    let limits = Limits { max_input_len: 1 << 20, ..Limits::default() };
    let text = "the square root of 2 plus ".repeat(20_000) + "1";
    let started = std::time::Instant::now();
    let r = parse_with(&text, Syntax::Spoken, &limits);
    assert!(r.is_ok() || matches!(r, Err(ref e) if matches!(e.kind, ErrorKind::TooManyNodes { .. } | ErrorKind::TooDeep { .. })));
    assert!(started.elapsed().as_secs() < 5, "took {:?}", started.elapsed());
    let text = "RootIndex ".repeat(20_000) + "3";
    let started = std::time::Instant::now();
    assert!(parse_with(&text, Syntax::Spoken, &limits).is_err());
    assert!(started.elapsed().as_secs() < 5, "took {:?}", started.elapsed());
}

/// Words the parser knows, and a few it does not, in any order.
fn word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "x", "y", "2", "one", "half", "thirds", "plus", "minus", "negative", "times", "over", "all", "squared",
        "to", "the", "raised", "power", "of", "sine", "log", "base", "square", "root", "end", "quantity", "open",
        "paren", "close", "bracket", "comma", ",", "equals", "is", "less", "than", "StartFraction", "Over",
        "EndFraction", "StartRoot", "EndRoot", "RootIndex", "Superscript", "Subscript", "Baseline", "Sub", "Sup",
        "sub", "integral", "from", "d", "dx", "sum", "limit", "as", "approaches", "derivative", "with", "respect",
        "matrix", "by", "Row", "Column", "1st", "set", "absolute", "value", "factorial", "choose", "prime", "bar",
        "Start", "EndMatrix", "piecewise", "if", "otherwise", "text", "fraction", "numerator", "and", "denominator",
        "n-th", "xyzzy",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Any word soup parses or fails with a typed error; never a panic.
    #[test]
    fn word_soup_never_panics(words in prop::collection::vec(word(), 0..24)) {
        let text = words.join(" ");
        let _ = parse(&text, Syntax::Spoken);
    }
}

/// Ambiguous speech: the common reading first, then the others, each once
/// (by canonical form); unambiguous speech has one reading.
#[test]
fn readings_of_ambiguous_speech() {
    let latex = |text: &str| -> Vec<String> {
        spoken_readings(text, &Limits::default())
            .unwrap_or_else(|e| panic!("{text:?}: {e}"))
            .iter()
            .map(|e| to_latex(&canonical(e)))
            .collect()
    };
    let want = |items: &[&str]| -> Vec<String> {
        items.iter().map(|l| to_latex(&canonical(&parse(l, Syntax::Latex).unwrap()))).collect()
    };
    assert_eq!(latex("x to the n plus one"), want(&["x^{n}+1", "x^{n+1}"]));
    assert_eq!(latex("the square root of x plus one"), want(&[r"\sqrt{x+1}", r"\sqrt{x}+1"]));
    assert_eq!(latex("the square root of five minus one"), want(&[r"\sqrt{5}-1", r"\sqrt{4}"]));
    // Both kinds in one sentence: every combination that differs.
    assert_eq!(
        latex("e to the x plus the square root of y plus one"),
        want(&[r"e^{x}+\sqrt{y+1}", r"e^{x}+\sqrt{y}+1", r"e^{x+\sqrt{y+1}}", r"e^{x+\sqrt{y}+1}"])
    );
    // Marked scopes leave nothing open.
    assert_eq!(latex("x to the power of the quantity n plus one end quantity"), want(&["x^{n+1}"]));
    assert_eq!(latex("the square root of x end root plus one"), want(&[r"\sqrt{x}+1"]));
    assert_eq!(latex("StartRoot x plus 1 EndRoot"), want(&[r"\sqrt{x+1}"]));
    assert_eq!(latex("x squared plus one"), want(&["x^2+1"]));
    // The first reading is what `parse` gives; errors are `parse`'s.
    let text = "x to the n plus one";
    assert_eq!(spoken_readings(text, &Limits::default()).unwrap()[0], parse(text, Syntax::Spoken).unwrap());
    assert_eq!(spoken_readings("x plus plus", &Limits::default()).unwrap_err(), parse("x plus plus", Syntax::Spoken).unwrap_err());
}

/// Inputs the `parse_spoken` fuzz target found (`fuzz/`): each parses to the
/// tree given (or fails), and its tree printed as LaTeX and as plain text
/// reads back to the same canonical form, with the LaTeX given.
#[test]
fn fuzz_findings_print_and_read_back() {
    use mathgrade::to_plain;
    let cases: &[(&str, &str, &str)] = &[
        // A lower bound that is a relation but not `index = start` took the
        // body's variable as its index and printed `\sum_{i=i r = 1}^{n} i`,
        // a chain of equations: now a sum without an index (the condition
        // `i r = 1`), as LaTeX reads `\sum_{i r = 1}`.
        ("the sum from i r equals 1 to n of i", "(sum _ i (rel (mul i r) eq 1) n)", r"\sum_{i r = 1}^{n} i"),
        // An integral without `d x` over `x_1` printed `\int x_{1} \, dx_{1}`;
        // a differential names no subscripted variable, so there is none.
        ("the integral of x  one", "(integral _ x_{1})", r"\int x_{1}"),
        ("the integral of theta", "(integral theta theta)", r"\int \theta \, d\theta"),
        // A one-element set as the integrand printed `\int \left\{1\right\}`,
        // which LaTeX reads as braces that group: so does speech.
        ("integral set 1", "(integral _ 1)", r"\int 1"),
        // `d/(d d)` printed `\frac{d}{d \cdot d}`, a derivative operator
        // with no operand.
        ("d over dd", "(div d (mul d d))", r"\frac{d}{d^{2}}"),
        // With respect to `i` printed `\frac{d}{di}`, which LaTeX read as
        // the quotient `1/i` (the imaginary unit) times the body.
        (
            "the derivative m-f x cubed with respect to i",
            "(derivative i 1 (mul m f (pow x 3)))",
            r"\frac{d}{di} m f x^{3}",
        ),
    ];
    for (input, tree, latex) in cases {
        let e = parse(input, Syntax::Spoken).unwrap_or_else(|err| panic!("{input:?}: {}", err.render(input)));
        assert_eq!(e.sexpr(), *tree, "{input:?}");
        assert_eq!(to_latex(&e), *latex, "{input:?}");
        let c = canonical(&e);
        for t in [&e, &c] {
            for (printed, syntax) in [(to_latex(t), Syntax::Latex), (to_plain(t), Syntax::Plain)] {
                let back = parse(&printed, syntax).unwrap_or_else(|err| panic!("{input:?} -> {printed:?}: {err}"));
                assert_eq!(canonical(&back).sexpr(), c.sexpr(), "{input:?} -> {printed:?}");
            }
        }
    }
    // Percent of a bare variable printed `x\%`, which LaTeX rejects.
    let err = parse("fifty of x equals g of x percent", Syntax::Spoken).expect_err("percent of a letter");
    assert!(matches!(err.kind, ErrorKind::Unexpected { expected: "a number before `percent`", .. }), "{err:?}");
    assert_eq!(parse("x plus 5 percent", Syntax::Spoken).map(|e| e.sexpr()), Ok("(add x (percent 5))".to_string()));
    // An index beside a condition (`\sum_{k=i r = 1}`) cannot be written.
    let err = parse("sum over k from i r equals 1 to n of k", Syntax::Spoken).expect_err("index and condition");
    assert!(matches!(err.kind, ErrorKind::Unexpected { expected: "bounds of the index", .. }), "{err:?}");
}
