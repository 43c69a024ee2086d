//! Inputs found by the 10-minute fuzz runs (issue 7), each with the exact
//! outcome it must have: printed forms that read back to the same
//! canonical form.

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
