//! Inputs found by the fuzz runs (issue 7), each with the exact outcome it
//! must have: printed forms that read back to the same canonical form, a
//! text equal to itself.

use mathgrade::compare::{verify_str, Options};
use mathgrade::{canonical, parse, to_latex, to_plain, Syntax};

/// The canonical s-expression of `text` read in `syntax`.
fn canon(text: &str, syntax: Syntax) -> String {
    canonical(&parse(text, syntax).unwrap_or_else(|e| panic!("{text:?}: {e:?}"))).sexpr()
}

#[test]
fn an_empty_list_prints_with_brackets() {
    // `extract` found `\boxed{\left[\right]}`: the empty list printed as
    // nothing at all, which does not parse.
    let e = parse("\\boxed{\\left[\\right]}", Syntax::Latex).unwrap();
    assert_eq!(e.sexpr(), "(list)");
    assert_eq!(to_latex(&e), "\\left[\\right]");
    assert_eq!(to_plain(&e), "[]");
    assert_eq!(parse(&to_latex(&e), Syntax::Latex).unwrap().sexpr(), "(list)");
    assert_eq!(parse(&to_plain(&e), Syntax::Plain).unwrap().sexpr(), "(list)");
}

#[test]
fn a_quoted_number_is_the_number_as_in_latex_text() {
    // `verify_pair` found `…''''0'''…` in plain text: the quoted `0` was a
    // text atom, printed `\text{0}`, which LaTeX reads as the number 0, so
    // the printed form was a different answer. A quoted number is now the
    // number in plain text, as `\text{…}` of a number is in LaTeX.
    for (plain, latex, want) in [
        ("'0'", "\\text{0}", "0"),
        ("'-3'", "\\text{-3}", "-3"),
        ("'(902)'", "\\textbf{(902)}", "902"),
        ("'1,000'", "\\text{1,000}", "1000"),
        ("2*'5'", "2\\cdot\\text{5}", "10"),
    ] {
        assert_eq!(canon(plain, Syntax::Plain), want, "{plain}");
        assert_eq!(canon(latex, Syntax::Latex), want, "{latex}");
    }
    // Text that is no number stays text.
    assert_eq!(canon("'abc'", Syntax::Plain), "\"abc\"");
    let found = "3x-'''?''''''''''''''x-''''''''''''''''''''''''''y+13uuuuuuuuuuuuu''''''''''''''''0'''y+13uuuuuuuuuuuuuuuuuuuuuuuu=0";
    let tree = parse(found, Syntax::Plain).unwrap();
    let printed = to_latex(&tree);
    assert_eq!(canon(&printed, Syntax::Latex), canonical(&tree).sexpr(), "{printed}");
}

#[test]
fn a_wide_space_run_into_a_letter_splits_the_same_for_gold_and_prediction() {
    // `verify_pair` found `\qquadn B` unequal to itself. The LaTeX lexer
    // reads `\qquadn` as `\qquad` then `n` (the product n·B), but the text
    // folding that recognises option letters dropped all of `qquadn`, so
    // the gold looked like the letter B and the prediction was read for
    // letters first: `B` against `n B`. Folding now skips command names as
    // the lexer reads them.
    let opts = Options::default();
    let v = verify_str("\\qquadn B", "\\qquadn B", &opts);
    assert!(v.equal, "{v:?}");
    assert_eq!(v.gold_canonical.as_deref(), Some("B n"));
    assert_eq!(v.pred_canonical.as_deref(), Some("B n"));
    // A written letter still asks for the prediction's letter.
    assert!(verify_str("\\qquad B", "The answer is (B).", &opts).equal);
    assert!(verify_str("(B)", "so the answer is **B**", &opts).equal);
}

#[test]
fn a_gold_is_a_letter_only_if_reading_it_for_letters_gives_that_letter() {
    // The same mechanism: `A: $\text{C}$` reads as the letter C (the math
    // span), so the prediction was read for letters first, which finds A
    // in the same text. The gold is taken as an option letter only when
    // reading it for letters first gives the same letter.
    let opts = Options::default();
    let t = "A: $\\text{C}$";
    let v = verify_str(t, t, &opts);
    assert!(v.equal, "{v:?}");
    assert_eq!(v.gold_canonical.as_deref(), Some("\\text{C}"));
    assert_eq!(v.pred_canonical.as_deref(), Some("\\text{C}"));
}

#[test]
fn membership_of_a_negative_value_prints_in_plain_as_a_membership() {
    // `extract` found `li\in-0.0`: l·i ∈ −0.0 printed in plain text as
    // `l*I in -0.0`, where `in` after the number I reads as inches (as in
    // `5 in - 2 in`). A right side of `in` starting with a sign is
    // parenthesized.
    let e = parse("li\\in-0.0", Syntax::Latex).unwrap();
    assert_eq!(e.sexpr(), "(rel (mul l i) in (neg 0.0))");
    assert_eq!(to_plain(&e), "l*I in (-0.0)");
    assert_eq!(canon(&to_plain(&e), Syntax::Plain), canonical(&e).sexpr());
    assert_eq!(canon(&to_latex(&e), Syntax::Latex), canonical(&e).sexpr());
    let c = canonical(&e);
    assert_eq!(canon(&to_plain(&c), Syntax::Plain), c.sexpr());
    // Inches are still inches.
    assert_eq!(canon("5 in - 2 in", Syntax::Plain), "(add (mul -1 (quantity \"in\" 2)) (quantity \"in\" 5))");
}

#[test]
fn a_symbol_named_like_a_function_with_a_subscript_prints_and_reads_back() {
    // `extract` found `--exp_p_ctct`: plain `exp_p_ctct` is the symbol exp
    // with subscript `p_ctct`, printed `\operatorname{exp}_{p_ctct}`, which
    // LaTeX read as the function exp missing its argument. A subscript
    // after a function's name (only the logarithm takes one) makes it a
    // named symbol, or an unknown function when a call follows.
    let e = parse("--exp_p_ctct", Syntax::Plain).unwrap();
    assert_eq!(e.sexpr(), "(neg (neg exp_{p_ctct}))");
    assert_eq!(canon(&to_latex(&e), Syntax::Latex), canonical(&e).sexpr());
    assert_eq!(canon(&to_plain(&e), Syntax::Plain), canonical(&e).sexpr());
    assert_eq!(canon("\\operatorname{exp}_{2}", Syntax::Latex), "exp_{2}");
    assert_eq!(canon("\\operatorname{sin}_{1}(x)", Syntax::Latex), canon("sin_1(x)", Syntax::Plain));
    // Unsubscripted, they are the functions; log's subscript is its base.
    assert_eq!(canon("\\operatorname{exp}(x)", Syntax::Latex), canon("\\exp(x)", Syntax::Latex));
    assert_eq!(canon("\\operatorname{log}_{2}(x)", Syntax::Latex), canon("\\log_2 x", Syntax::Latex));
}

#[test]
fn a_gold_whose_stated_function_is_not_its_answer_equals_itself() {
    // The mechanism of the `\qquadn B` finding, for function statements:
    // a gold defining functions asks for the prediction's last statements
    // `$f(x)=…$ for all $x$`. Read as the gold, this text is both
    // equations; read as the prediction, only the stated one. Statements
    // are read from the prediction only if the gold's own statements are
    // its answer.
    let opts = Options::default();
    let t = "$f(x)=2$ and $f(x)=1$ for all $x$";
    let v = verify_str(t, t, &opts);
    assert!(v.equal, "{v:?}");
    assert_eq!(v.gold_canonical, v.pred_canonical);
    // A gold that is one definition still reads the prediction's statement.
    let v = verify_str("f(x)=x+1", "Try $f(x)=0$; then $f(x)=x+1$ for all $x$, and we check $f(1)=2$.", &opts);
    assert!(v.equal, "{v:?}");
}

#[test]
fn a_letter_with_an_empty_subscript_is_the_letter_as_written_without_it() {
    // `verify_pair` found `  i_` and `Bs  e_`, `extract` found
    // `i_\u{c}vi*i"i"`: plain `i_` was a symbol named i (the empty
    // subscript dropped after the word was read as a name), which prints
    // as `i` and reads back as the imaginary unit (`e_` likewise), so the
    // answer was not equal to its printed form. The word is now read
    // without its trailing underscore: `i_` is `i`.
    assert_eq!(canon("  i_", Syntax::Plain), canon("i", Syntax::Plain));
    assert_eq!(canon("e_", Syntax::Plain), canon("e", Syntax::Plain));
    assert_eq!(canon("x_", Syntax::Plain), "x");
    // Right before a call the underscore marks a function name, as the
    // printer writes one-letter functions.
    assert_eq!(parse("i_(x)", Syntax::Plain).unwrap().sexpr(), "(apply i x)");
    assert_eq!(canon("i_ (x)", Syntax::Plain), canon("i (x)", Syntax::Plain));
    let opts = Options::default();
    for text in ["  i_", "i_\u{c}vi*i\"i\"", "Bs  e_"] {
        let e = parse(text, Syntax::Plain).unwrap();
        for (printed, syntax) in [(to_latex(&e), Syntax::Latex), (to_plain(&e), Syntax::Plain)] {
            assert_eq!(canon(&printed, syntax), canonical(&e).sexpr(), "{text:?} printed {printed:?}");
            let v = mathgrade::compare::verify(&e, &parse(&printed, syntax).unwrap(), &opts);
            assert!(v.equal, "{text:?} printed {printed:?}: {v:?}");
        }
    }
}

/// verify_pair: `y^{2212}=1+g` was called equal to `y^{2212}=1/(gu)` (one
/// way round): at points outside the unit disc the common power swamps
/// every other term, and every sampled point was outside it. The first
/// point now lies inside the disc.
#[test]
fn a_high_power_common_to_both_sides_does_not_hide_the_other_terms() {
    let opts = Options::default();
    for (g, p) in [("y^{2212}=1+g", "y^{2212}=1/(gu)"), ("y^{2212}=1/(gu)", "y^{2212}=1+g")] {
        let v = verify_str(g, p, &opts);
        assert!(!v.equal, "{g} vs {p}: {v:?}");
    }
    // The full fuzz input, both ways round.
    let (g, p) = ("il y^2212 = 1/se%eeeueeeeeeeeeeeeeeeeeeeeeeeewreg", "il y^2212 = 1/seeeeeeeeeeeeeeeeeeeeeeeeeeeeewr+g");
    assert_eq!(verify_str(g, p, &opts).equal, verify_str(p, g, &opts).equal);
    assert!(verify_str("y^{2212}=1+g", "2y^{2212}=2+2g", &opts).equal);
}
