//! Snapshot tests of rendered parse errors: the message, and the caret under
//! the right place of the original input (through Unicode normalization).
//!
//! Snapshots live in tests/snapshots/. After an intended change, regenerate
//! with `INSTA_UPDATE=always cargo test --test errors` and review every
//! changed `.snap` file before committing.

use mathgrade::{parse_with, Limits, Syntax};

/// The snapshot text: the input, the error as JSON (kind and span), then the
/// rendered report.
fn report(input: &str, syntax: Syntax, limits: &Limits) -> String {
    match parse_with(input, syntax, limits) {
        Ok(e) => panic!("{input:?} parsed, but should not:\n{e:?}"),
        Err(err) => format!(
            "input: {input}\nerror: {}\n---\n{}",
            serde_json::to_string(&err).expect("error serializes"),
            err.render(input)
        ),
    }
}

macro_rules! error_case {
    ($name:ident, $syntax:expr, $input:expr) => {
        error_case!($name, $syntax, $input, Limits::default());
    };
    ($name:ident, $syntax:expr, $input:expr, $limits:expr) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(report($input, $syntax, &$limits));
        }
    };
}

fn small_depth() -> Limits {
    Limits { max_depth: 8, ..Limits::default() }
}

fn small_input() -> Limits {
    Limits { max_input_len: 10, ..Limits::default() }
}

// ---- LaTeX ---------------------------------------------------------------
error_case!(latex_frac_unclosed, Syntax::Latex, "\\frac{1");
error_case!(latex_frac_missing_denominator, Syntax::Latex, "\\frac{1}");
error_case!(latex_sqrt_without_argument, Syntax::Latex, "\\sqrt");
error_case!(latex_lone_open_brace, Syntax::Latex, "{");
error_case!(latex_lone_caret, Syntax::Latex, "^");
error_case!(latex_trailing_plus, Syntax::Latex, "x+");
error_case!(latex_unmatched_close_paren, Syntax::Latex, ")");
error_case!(latex_unmatched_close_later, Syntax::Latex, "(x+1))");
error_case!(latex_unknown_command, Syntax::Latex, "\\unknowncmd{x}");
error_case!(latex_mismatched_environment, Syntax::Latex, "\\begin{pmatrix}1\\end{bmatrix}");
error_case!(latex_unknown_environment, Syntax::Latex, "\\begin{foo}1\\end{foo}");
error_case!(latex_invalid_number, Syntax::Latex, "1.2.3");
error_case!(latex_left_without_right, Syntax::Latex, "\\left( x+1");
error_case!(latex_only_spacing, Syntax::Latex, "  \\, \\quad ");
error_case!(latex_too_deep, Syntax::Latex, "((((((((((x))))))))))", small_depth());
error_case!(latex_too_long, Syntax::Latex, "x+x+x+x+x+x", small_input());
error_case!(latex_unclosed_after_unicode, Syntax::Latex, "α + \\frac{β}{2");

// ---- plain ---------------------------------------------------------------
error_case!(plain_unclosed_paren, Syntax::Plain, "sqrt(2");
error_case!(plain_trailing_times, Syntax::Plain, "2*");
error_case!(plain_unexpected_char, Syntax::Plain, "3 @ 4");
error_case!(plain_unclosed_after_unicode, Syntax::Plain, "½ + (β");
error_case!(plain_second_line, Syntax::Plain, "x + 1\n+ )");

/// Nesting far over the default limit: a clean error (no stack overflow),
/// reported at the first group past the limit.
#[test]
fn latex_deep_nesting_default_limit() {
    let depth = Limits::default().max_depth * 5;
    let input = format!("{}x{}", "{".repeat(depth), "}".repeat(depth));
    let err = parse_with(&input, Syntax::Latex, &Limits::default()).expect_err("too deep");
    insta::assert_snapshot!(format!("{}\nspan: {:?}", err, err.span));
}

#[test]
fn plain_deep_nesting_default_limit() {
    let depth = Limits::default().max_depth * 5;
    let input = format!("{}x{}", "(".repeat(depth), ")".repeat(depth));
    let err = parse_with(&input, Syntax::Plain, &Limits::default()).expect_err("too deep");
    insta::assert_snapshot!(format!("{}\nspan: {:?}", err, err.span));
}
