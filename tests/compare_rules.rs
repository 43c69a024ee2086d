//! The comparison rules, each in both directions and with a near miss that
//! must stay unequal.

use mathgrade::compare::{verify_str, Method, Options};

fn check(gold: &str, pred: &str, opts: &Options) -> (bool, Method) {
    let v = verify_str(gold, pred, opts);
    (v.equal, v.method)
}

/// (gold, pred, expected equal, method when equal)
fn run(cases: &[(&str, &str, bool, Option<Method>)], opts: &Options, symmetric: bool) {
    let mut failures = Vec::new();
    for (g, p, want, method) in cases {
        let (eq, m) = check(g, p, opts);
        if eq != *want || (eq && m != Method::Exact && method.is_some_and(|x| x != m)) {
            failures.push(format!("{g:?} vs {p:?}: got {eq} by {m:?}, want {want} {method:?}"));
        }
        if symmetric {
            let (eq2, m2) = check(p, g, opts);
            if eq2 != *want {
                failures.push(format!("(reversed) {p:?} vs {g:?}: got {eq2} by {m2:?}, want {want}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

use Method::*;

#[test]
fn exact_numbers_and_forms() {
    run(
        &[
            ("\\frac{1}{2}", "0.5", true, None),
            ("\\frac{2}{4}", "1/2", true, Some(Exact)),
            ("2\\frac{1}{2}", "\\frac{5}{2}", true, Some(Exact)),
            ("\\sqrt{8}", "2\\sqrt{2}", true, Some(Exact)),
            ("\\sqrt{2}", "\\frac{2}{\\sqrt{2}}", true, None),
            ("x+x", "2x", true, Some(Exact)),
            ("(x+1)^2", "x^2+2x+1", true, Some(Exact)),
            ("e^{16}-1", "-1+\\exp(16)", true, None),
            ("\\frac{1}{3}", "\\frac{1}{2}", false, None),
            ("27", "72", false, None),
            ("3", "-3", false, None),
            ("\\sqrt{6}", "\\sqrt{5}", false, None),
        ],
        &Options::default(),
        true,
    );
}

#[test]
fn numeric_precision_rules() {
    let opts = Options::default();
    run(
        &[
            // A written-decimal gold is compared at its written precision …
            ("33.3", "100/3", true, Some(Numeric)),
            ("0.29", "0.290243", true, Some(Numeric)),
            // … but is exact against a prediction just as coarse.
            ("27.39", "27.38", false, None),
            ("13742.19", "13742.18", false, None),
            ("33.3", "33", false, None),
            // An exact gold needs `precision` digits.
            ("\\frac{1}{12}", "0.0833333333", true, Some(Numeric)),
            ("\\sqrt{17}", "4.123105625617661", true, Some(Numeric)),
            ("\\frac{45}{7}", "6", false, None),
            ("\\frac{1}{3}", "0.33", false, None),
            ("4", "4\\sqrt{2}", false, None),
            // Relative, never absolute, tolerance.
            ("\\frac{1}{2004!}", "\\frac{1}{2006!}", false, None),
            ("\\frac{1}{2^{99}}", "\\frac{1}{2^{98}}", false, None),
            ("\\pi", "\\frac{355}{113}", false, None),
            // Complex numbers.
            ("14 - i", "14.0 + -1.0i", true, None),
            ("5+9i", "5-9i", false, None),
        ],
        &opts,
        false,
    );
    let loose = Options { precision: 2, ..Options::default() };
    run(&[("\\frac{1}{3}", "0.33", true, Some(Numeric))], &loose, false);
    let four = Options { precision: 4, ..Options::default() };
    run(&[("\\frac{1}{3}", "0.3333", true, Some(Numeric))], &four, false);
}

#[test]
fn huge_values_by_magnitude() {
    run(
        &[
            ("10^{10^{10}}", "10^{10^{10}}", true, None),
            ("10^{10^{10}}", "10^{10^{10}+1}", false, None),
            ("10^{10}!", "(10^{10})!", true, None),
            ("5^{5^{5^5}}", "5^{5^{5^5}}", true, None),
            // Too big to see the +1, but not the same number.
            ("5^{5^{5^5}}", "5^{5^{5^5}} + 1", false, Some(Numeric)),
            ("10^{10^{10}}", "-10^{10^{10}}", false, None),
            // A factor of 2 is ln 2 apart in the logarithms, however large
            // they are (this was called equal: the logs were compared with
            // a tolerance relative to their own size).
            ("5^{5^{5^5}}", "2\\cdot5^{5^{5^5}}", false, Some(Numeric)),
            ("10^{10^{10}}", "2\\cdot10^{10^{10}}", false, Some(Numeric)),
            ("10^{10^{10}}", "10^{10^{10}} \\cdot 1.001", false, Some(Numeric)),
            // Logarithms small enough to resolve: equal values stay equal.
            ("2^{2^{100}}", "4^{2^{99}}", true, None),
            ("10^{10^{10}}", "1.0\\times10^{10^{10}}", true, None),
            // Within the written precision (10^-6 relative) either way.
            ("10^{10^{10}}", "10^{10^{10}} \\cdot 1.0000001", true, Some(Numeric)),
        ],
        &Options::default(),
        false,
    );
}

#[test]
fn identities_with_variables() {
    run(
        &[
            ("\\frac{x+2}{7}", "\\frac{x}{7}+\\frac{2}{7}", true, None),
            ("\\tan^2(y)+1", "\\sec^2(y)", true, Some(Identity)),
            ("\\frac{1}{\\sqrt{n}}", "\\sqrt{\\frac{1}{n}}", true, Some(Identity)),
            ("2 \\sin b \\cos a", "\\sin(a+b) - \\sin(a-b)", true, Some(Identity)),
            ("-\\tan(x)", "-\\cot(x)", false, None),
            ("2s", "2t", false, None),
            ("|x|", "x", false, None),
        ],
        &Options::default(),
        true,
    );
    // Not strict: variables matched by position.
    let lax = Options { strict: false, ..Options::default() };
    run(&[("f(x)", "f(y)", true, None), ("2s", "2t", true, None)], &lax, false);
}

#[test]
fn equations() {
    run(
        &[
            ("x = 2", "2", true, Some(Equation)),
            ("k=1", "1", true, Some(Equation)),
            ("a = b", "b = a", true, None),
            ("y=2x", "3 y = 6 x", true, Some(Equation)),
            ("34x+45y-20z+100=0", "-34x-45y+20z-100=0", true, Some(Equation)),
            ("2x+4y-3=0", "y=-\\frac12x+\\frac34", true, Some(Equation)),
            ("\\frac{x^2}{4} + \\frac{y^2}{3} = 1", "\\frac{x^2}{16}+\\frac{y^2}{12} = \\frac14", true, Some(Equation)),
            ("3x+4y+14=0", "3x-y+13=0", false, None),
            ("x = 2", "x = 3", false, None),
            ("a+3z=0", "0", false, None),
            ("7 = 11a+c", "11a+c", false, None),
        ],
        &Options::default(),
        true,
    );
    // A worked computation gives its last value; an equation in variables
    // does not.
    run(
        &[
            ("15", "5+5+5=15", true, Some(Equation)),
            ("-2016", "2a+2b-2016 = 2(a+b)-2016 = -2016", true, Some(Equation)),
            ("16", "5+5+5=15", false, None),
            ("0", "a+3z=0", false, None),
        ],
        &Options::default(),
        true,
    );
    // The value of a chain is the last one before `\approx`.
    run(&[("x = 1/3", "x = 5+5+1 = 1/3 \\approx 11", true, None), ("11", "x\\approx11", true, None)], &Options::default(), false);
}

#[test]
fn inequalities_and_intervals() {
    run(
        &[
            ("x < 3", "3 > x", true, Some(Inequality)),
            ("x \\le 5", "5 \\ge x", true, None),
            ("x <= 1", "-x >= -1", true, None),
            ("x \\geqslant 16", "x > 16", false, None),
            ("x \\geqslant 16", "x \\leq 16", false, None),
            ("[0,1)", "[0,1)", true, None),
            ("(4,7)", "[4,7)", false, None),
            ("(-\\infty, 2) \\cup(2,3]", "(2,3] \\cup (-\\infty, 2)", true, Some(Set)),
            ("(-\\infty, 2) \\cup(2,3]", "(2,3]", false, None),
        ],
        &Options::default(),
        true,
    );
    let allow = Options { allow_set_relation_comp: true, ..Options::default() };
    run(
        &[
            ("(4,7)", "4 < x < 7", true, None),
            ("x>-1", "(-1, \\infty)", true, None),
            ("x < 3", "(-\\infty, 3)", true, None),
            ("[2,3)", "2 < x < 3", false, None),
            ("(-\\infty,-7) \\cup(1, \\infty)", "x < -7 \\text{ or } x > 1", true, None),
        ],
        &allow,
        true,
    );
    // Without the switch only a gold relation meets a predicted set.
    let d = Options::default();
    assert!(verify_str("-2 \\le x \\le 7", "x \\in [-2,7]", &d).equal);
    assert!(!verify_str("x \\in [-2,7]", "-2 \\le x \\le 7", &d).equal);
}

#[test]
fn collections() {
    run(
        &[
            ("\\{2,3,5\\}", "\\{3, 2, 5\\}", true, Some(Set)),
            ("1, 2, 3", "3, 1, 2", true, Some(Set)),
            ("0,5", "0", false, None),
            ("(0,3)", "(3, 0)", false, None),
            ("(1, 2)", "(1, 2)", true, None),
            ("-\\frac{1}{3},-1", "-\\frac{2}{6}, -1", true, None),
            ("x=1 \\text{ or } x=2", "\\{1,2\\}", true, None),
            ("AB=4,CD=5", "4, 5", true, None),
            ("\\begin{pmatrix}1 & 2\\\\3 & 4\\end{pmatrix}", "\\begin{bmatrix}1 & 2\\\\3 & 4\\end{bmatrix}", true, None),
            ("\\begin{pmatrix}3 & 7\\\\5 & 12\\end{pmatrix}", "\\begin{pmatrix}3 & 5\\\\7 & 12\\end{pmatrix}", false, None),
            ("\\pm 2021", "\\{-2021, 2021\\}", true, Some(PlusMinus)),
            ("\\pm 2021", "2021", false, None),
            ("x = \\pm 8", "x = 8, x = -8", true, Some(PlusMinus)),
            ("x = \\pm 8", "x = 8", false, None),
            ("3 \\pm 2\\sqrt{2}", "3+2\\sqrt2, 3-2\\sqrt2", true, None),
            // A repeated answer counts once.
            ("(1,2),(3,4)", "(3,4),(1,2),(3,4)", true, Some(Set)),
            // Matrix arithmetic.
            (
                "\\begin{pmatrix}6 & 8\\\\10 & 12\\end{pmatrix}",
                "\\begin{pmatrix}1 & 2\\\\3 & 4\\end{pmatrix} + \\begin{pmatrix}5 & 6\\\\7 & 8\\end{pmatrix}",
                true,
                Some(Matrix),
            ),
            (
                "\\begin{pmatrix}2 & 4\\end{pmatrix}",
                "2\\begin{pmatrix}1 & 3\\end{pmatrix}",
                false,
                None,
            ),
        ],
        &Options::default(),
        true,
    );
}

#[test]
fn tagged_values() {
    run(
        &[
            ("12\\%", "12", true, Some(Percent)),
            ("12\\%", "0.12", true, Some(Percent)),
            ("12\\%", "12 \\text{ percent}", true, None),
            ("10 \\%", "10 %", true, None),
            ("12\\%", "0.12\\%", false, None),
            ("90^{\\circ}", "90", true, None),
            ("90^{\\circ}", "\\frac{\\pi}{2}", true, Some(Degree)),
            ("-2 \\pi", "-360^{\\circ}", true, Some(Degree)),
            ("300^{\\circ}", "\\frac{5}{3}", false, None),
            ("90^{\\circ}", "\\frac{90}{180}", false, None),
            ("10\\text{ cm}", "10", true, Some(Unit)),
            ("25 \\mathrm{ft}", "25 \\text{ ft}", true, None),
            ("3.033 \\mathrm{~km} / \\mathrm{hr}", "3.033", true, Some(Unit)),
            ("25 \\mathrm{ft}", "-25 \\mathrm{ft}", false, None),
            ("10\\text{ cm}", "10\\text{ m}", false, None),
        ],
        &Options::default(),
        true,
    );
}

#[test]
fn text_and_choices() {
    run(
        &[
            ("\\text{4:30 p.m.}", "4:30 \\text{ p.m.}", true, None),
            ("\\text{Evelyn}", "\\text{evelyn}", true, Some(Text)),
            ("\\text{(C)}", "\\text{C}", true, Some(Choice)),
            ("\\textbf{(B)}", "B", true, Some(Choice)),
            ("\\text{odd}", "odd", true, None),
            ("\\text{(B)}", "\\text{(C)}", false, None),
            ("\\text{Evelyn}", "\\text{Briana}", false, None),
        ],
        &Options::default(),
        true,
    );
}

#[test]
fn verdicts_explain_themselves() {
    let v = verify_str("\\frac{1}{2}", "0.5", &Options::default());
    assert!(v.equal);
    assert_eq!(v.gold_canonical.as_deref(), Some("\\frac{1}{2}"));
    assert_eq!(v.pred_canonical.as_deref(), Some("\\frac{1}{2}"));
    assert!(v.note.starts_with("equal: "), "{}", v.note);
    let v = verify_str("1", "\\frac{1}{", &Options::default());
    assert!(!v.equal);
    assert_eq!(v.method, NoAnswer);
}

#[test]
fn doubly_escaped_and_unreadable_inputs() {
    let d = Options::default();
    // `\\frac` from a raw string or JSON is read as `\frac`.
    assert!(verify_str("$\\\\left(\\\\frac{1}{5},\\\\frac{1}{6}\\\\right)$", "$\\left( \\frac{1}{5}, \\frac{1}{6} \\right)$", &d).equal);
    assert!(verify_str("$-2 \\\\le x \\\\le 7$", "$x \\in [-2,7]$", &d).equal);
    // Unreadable but identical text is the same answer; different text is not.
    let v = verify_str("\\foo{1}", "\\foo{1}", &d);
    assert_eq!((v.equal, v.method), (true, Text));
    assert!(!verify_str("\\foo{1}", "\\foo{2}", &d).equal);
}

#[test]
fn worked_lists_of_equations() {
    run(
        &[
            // Values of one variable are a set of answers …
            ("69, 84", "so $n=50+19=69$ and $n=50+34=84$.", true, None),
            ("8, 4", "and so $k=8$ or $k=4$.", true, None),
            ("69, 85", "so $n=50+19=69$ and $n=50+34=84$.", false, None),
            // … values of different names come in order.
            ("221, 8", "then $m=221$ and $n=8$ satisfy it.", true, Some(Tuple)),
            ("221, 8", "then $m=8$ and $n=221$ satisfy it.", false, None),
            // A derivation's last equation states the result.
            ("13", "With $T=650, k=13$.", true, None),
            ("650", "With $T=650, k=13$.", false, None),
            ("11", "When $x = 4$, $y = 2 \\times 4 + 3 = 11$.", true, None),
            ("4027", "so $x-2013+y-2014=0$ or $x+y=4027$.", true, None),
            ("0", "so $x-2013+y-2014=0$ or $x+y=4027$.", false, None),
            // Two answers of one name are not the last of them.
            ("84", "so $n=69$ and $n=84$.", false, None),
            // A lone equation is not its right side.
            ("4027", "$x+y=4027$", false, None),
        ],
        &Options::default(),
        false,
    );
}

#[test]
fn a_list_of_one_value_written_twice() {
    run(
        &[
            ("\\frac{2}{5}", "the probability is $\\frac{4}{10}$ or $\\frac{2}{5}$.", true, None),
            ("\\frac{2}{5}", "the probability is $\\frac{4}{10}$ or $\\frac{3}{5}$.", false, None),
            // A point with equal coordinates is not a number.
            ("2", "(2, 2)", false, None),
        ],
        &Options::default(),
        false,
    );
}

#[test]
fn golds_with_their_outer_dollars_stripped() {
    run(
        &[
            ("69$,$84", "so $n=69$ and $n=84$.", true, None),
            ("69$,$84", "so $n=84$.", false, None),
            ("f(n)=n$, $g(n)=1", "$f(n)=n, g(n)=1$", true, None),
        ],
        &Options::default(),
        false,
    );
}

#[test]
fn functions_stated_for_all_arguments() {
    let solution = |f: &str| {
        format!("Step 4: ${f}$ for all $x \\in \\mathbb{{R}}^{{+}}$.\n\nWrite $f(x)=a x+b$. Then $a-a b=0$, and so $a=b=1$.")
    };
    run(
        &[
            ("f(x)=x+1", &solution("f(x)=x+1"), true, None),
            ("f(x)=x+1", &solution("f(x)=x+2"), false, None),
            // Each function the gold names, the last statement of each.
            ("f(n)=n$, $g(n)=1", "so $f(n)=2 n$ for all $n$; then $f(n)=n$ for all $n$, and $g(n)=1$ for all $n$.", true, None),
            ("f(n)=n$, $g(n)=1", "so $f(n)=n$ for all $n$. Then $g(n)=n$ for all $n$.", false, None),
            // A boxed answer is the answer.
            ("f(x)=x+1", "$f(x)=x+1$ for all $x$ fails. So $\\boxed{f(x)=x}$.", false, None),
        ],
        &Options::default(),
        false,
    );
}

#[test]
fn capital_names_and_trailing_point_decimals() {
    run(
        &[
            ("SRAC=LRAC", "\\boxed{SRAC=LRAC}, short-run average cost equals long-run average cost.", true, None),
            ("SRAC=LRAC", "\\boxed{SRMC=LRMC}, or short-run marginal cost equals long-run levels.", false, None),
            ("-1./3", "So the answer is $\\boxed{-1/3}$.", true, None),
            ("-1./3", "So the answer is $\\boxed{-1/2}$.", false, None),
            ("(2.)", "2", true, None),
        ],
        &Options::default(),
        false,
    );
}

/// Fuzz finding: a gold `i\%` folds to the letter `i`, so it was taken for
/// an option letter and the prediction was searched for letters first: the
/// text `$$i$$$$$%$$\cup B` against itself read the gold as `i\%` and the
/// prediction as the option `B`, and was not equal to itself.
#[test]
fn a_percentage_of_a_letter_is_no_option_letter() {
    let t = "$$i$$$$$%$$\\cup B";
    let v = verify_str(t, t, &Options::default());
    assert_eq!((v.equal, v.method), (true, Exact), "{v:?}");
    assert_eq!(v.gold_canonical.as_deref(), Some("i\\%"));
    assert_eq!(v.pred_canonical.as_deref(), Some("i\\%"));
    // A decorated letter is still an option letter.
    assert_eq!(check("\\textbf{(B)}", "The answer is (B), not i", &Options::default()), (true, Choice));
}

/// Fuzz finding (a 12 s timeout in `verify_pair`): `5^{x}` with `x` about
/// `2^{3700000}` at a random point made MPC compute `exp(x ln 5)` with
/// millions of bits, for minutes; so did `\sin` of such a value (argument
/// reduction) and of a tiny one (`|s| < 1`). Past `2^{±4096}` such an
/// argument's value is unknown, and the next rule decides, at once.
#[test]
fn huge_arguments_of_periodic_functions_are_not_evaluated() {
    let opts = Options::default();
    let cases: &[(&str, &str)] = &[
        ("5^{5ot5_{5n}^{5^5}^{5^5}}", "2\\cdot5_{5^{5^5}}"),
        ("\\sin\\left(s^{9765625}\\right)", "\\sin\\left(s^{9765624}\\right)"),
        ("5^{s^{9765625}}", "5^{s^{9765624}}"),
        ("e^{i s^{9765625}}", "e^{i s^{9765624}}"),
        ("f\\left(s^{9765625}\\right)", "f\\left(s^{9765624}\\right)"),
    ];
    for (g, p) in cases {
        assert_eq!(check(g, p, &opts), (false, Mismatch), "{g:?} vs {p:?}");
    }
    // Written arguments far below the bound still evaluate.
    assert_eq!(check("\\sin\\left(x^{2}\\right)^{2} + \\cos\\left(x^{2}\\right)^{2}", "1", &opts), (true, Identity));
    assert_eq!(check("e^{i \\pi}", "-1", &opts), (true, Numeric));
}

#[test]
fn inequalities_with_huge_coefficients_keep_their_ratio() {
    // `verify_pair` found `-x \ge -1` called equal to `444…4 x \le 0` (but
    // not the other way round): the ratios of the two sides at the random
    // points were all near 10^{-95}, under the absolute floor of the
    // closeness test. Ratios are now compared relative to each other.
    let opts = Options::default();
    let big = format!("x{} <= 0", "4".repeat(96));
    assert_eq!(check("-x >= -1", &big, &opts), (false, Inequality));
    assert_eq!(check(&big, "-x >= -1", &opts), (false, Inequality));
    // A positive multiple of either size is the same inequality.
    let tiny = format!("0.{}1 x <= 0.{}1", "0".repeat(59), "0".repeat(59));
    assert_eq!(check("-x >= -1", &tiny, &opts), (true, Inequality));
    let huge = format!("{0} x <= {0}", "4".repeat(96));
    assert_eq!(check("x \\le 1", &huge, &opts), (true, Inequality));
}

#[test]
fn values_that_underflow_at_every_point_prove_nothing() {
    // `verify_pair` found `\sec(2\cdot2^B B^9 E^{18} y)` called equal to
    // `\tan^2(B^{16}-B^8E^{13}y)+1` (one way round only): at the random
    // points the arguments had huge imaginary parts, both sides vanished
    // like e^{-|Im z|} (or to exactly 0), and tiny values passed the
    // absolute floor of the closeness test. `e^{-1000x}` against 0 was
    // "equal" the same way. Points where both sides are below 2^-300 are
    // now skipped; cancellation noise (about 2^-256) still counts as zero.
    let opts = Options::default();
    let sec = "\\sec2^BBBBBBBBBBEEEEEEEEEEEEEEEEEE2(y)";
    let tan = "\\tan^2(BBBBBBBBBBBBBBBB-BBBBBBBBEEEEEEEEEEEEEy)+1";
    assert!(!verify_str(sec, tan, &opts).equal);
    assert!(!verify_str(tan, sec, &opts).equal);
    assert!(!verify_str("e^{-1000x}", "0", &opts).equal);
    assert!(!verify_str("e^{-1000x}", "e^{-999x}", &opts).equal);
    assert_eq!(check("\\sin^2 x+\\cos^2 x-1", "0", &opts), (true, Identity));
    assert_eq!(check("\\tan^2 y + 1", "\\sec^2 y", &opts), (true, Identity));
    assert!(verify_str("e^{-1000x}", "e^{-1000x}", &opts).equal);
}
