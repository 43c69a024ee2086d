//! Adversarial inputs (issue 7) answered with the exact verdict or typed
//! error each one gets. How long each takes is measured by
//! `benches/adversarial.rs`, not here.
//!
//! A few outcomes follow from documented limits rather than from the
//! input's mathematical meaning:
//! * texts longer than `Limits::max_extract_len` (64 KiB) are read from
//!   their last 64 KiB: `sum_100k_terms` loses its opening `$$`;
//! * an extracted answer longer than `Limits::max_answer_len` (4 KiB) is
//!   passed over: the 32k-term tail of `sum_100k_terms`, the 64 KiB
//!   `digit_run`, the set of all of `boxed_many_distinct`'s boxes are no
//!   answer; `digits_with_commas` and `percent_words` fall back to their
//!   last number (`1`, `1 percent`), which equals the gold `1`;
//! * trees deeper than `Limits::max_depth` (100) do not parse
//!   (`TooDeep`), so deep nesting in an output leaves no answer;
//! * the parser refuses texts longer than `Limits::max_input_len` (64 KiB,
//!   the extraction window) before reading them (`TooLong`), so the
//!   100k-term `parse_*` cases are refused at once.

#[path = "adversarial/cases.rs"]
mod cases;

use mathgrade::compare::{verify_bytes, Method, Options, Side};
use mathgrade::{canonical, parse, to_latex, ErrorKind};

use cases::Entry;

/// What a case must give.
#[derive(Debug, PartialEq)]
enum Outcome {
    /// `verify_bytes`: equal or not, and the deciding method.
    Verdict(bool, Method),
    /// `verify_bytes`: the side that is not UTF-8.
    InvalidUtf8(Side),
    /// `parse` + `canonical`: the canonical LaTeX.
    #[allow(dead_code)] // no case is under the input limit and parses today
    Canonical(&'static str),
    /// `parse` + `canonical`: a canonical LaTeX too long to write here, by
    /// its length in bytes and its first 40 bytes.
    CanonicalSize(usize, String),
    /// `parse`: the error kind.
    ParseError(ErrorKind),
}

use Outcome::*;

fn expected() -> Vec<(&'static str, Outcome)> {
    vec![
        ("tower_5_5_5_5_5", Verdict(false, Method::Numeric)),
        ("tower_python_2_30_5", Verdict(true, Method::Exact)),
        ("tower_10_10_10", Verdict(true, Method::Exact)),
        ("tower_10_10_10_vs_plus_one", Verdict(false, Method::Numeric)),
        ("tower_5_5_35_5_vs_variables", Verdict(false, Method::Mismatch)),
        ("factorial_10_pow_10", Verdict(true, Method::Exact)),
        ("factorial_10_pow_10_vs_next", Verdict(false, Method::Numeric)),
        ("binomial_10_9", Verdict(true, Method::Exact)),
        ("binomial_10_9_vs_other", Verdict(false, Method::Mismatch)),
        ("parentheses_100k", Verdict(false, Method::NoAnswer)),
        ("frac_100k", Verdict(false, Method::NoAnswer)),
        ("boxed_nested_100k", Verdict(false, Method::NoAnswer)),
        ("sqrt_nested_100k", Verdict(false, Method::NoAnswer)),
        ("parse_parentheses_100k", ParseError(ErrorKind::TooLong { len: 200_001, limit: 64 * 1024 })),
        ("parse_frac_100k", ParseError(ErrorKind::TooLong { len: 1_000_001, limit: 64 * 1024 })),
        ("parse_power_tower_100k", ParseError(ErrorKind::TooLong { len: 400_001, limit: 64 * 1024 })),
        ("parse_sum_100k_terms", ParseError(ErrorKind::TooLong { len: 199_999, limit: 64 * 1024 })),
        ("parse_sum_100k_variables", ParseError(ErrorKind::TooLong { len: 199_999, limit: 64 * 1024 })),
        ("parse_product_100k", ParseError(ErrorKind::TooLong { len: 699_994, limit: 64 * 1024 })),
        ("parse_10mb", ParseError(ErrorKind::TooLong { len: 10_000_000, limit: 64 * 1024 })),
        ("fuzz_expansion_factorial_exponents", CanonicalSize(86313, "\\frac{2475 P Q s^{2} x^{8} s! \\cdot \\tex".into())),
        ("fuzz_expansion_fraction_exponent", CanonicalSize(100940, "\\frac{2475 P Q x^{9} \\sqrt[5]{c s} s! \\c".into())),
        ("fuzz_expansion_tower_exponents", CanonicalSize(592232, "6503934963865598257284363120784541655438".into())),
        ("prose_10mb_then_answer", Verdict(true, Method::Exact)),
        ("sum_100k_terms", Verdict(false, Method::NoAnswer)),
        ("sum_100k_variables", Verdict(false, Method::NoAnswer)),
        ("boxed_100k", Verdict(true, Method::Exact)),
        ("boxed_many_distinct", Verdict(false, Method::NoAnswer)),
        ("dollars_1mb", Verdict(false, Method::NoAnswer)),
        ("double_dollars_open", Verdict(true, Method::Exact)),
        ("paren_delims_open", Verdict(true, Method::Exact)),
        ("bracket_delims_open", Verdict(true, Method::Exact)),
        ("boxed_unclosed", Verdict(false, Method::NoAnswer)),
        ("answer_is_repeated", Verdict(false, Method::NoAnswer)),
        ("final_answer_repeated", Verdict(false, Method::Mismatch)),
        ("answer_near_repeated", Verdict(false, Method::NoAnswer)),
        ("digits_with_commas", Verdict(true, Method::Exact)),
        ("digit_run", Verdict(false, Method::NoAnswer)),
        ("calculator_open", Verdict(false, Method::NoAnswer)),
        ("calculator_annotations", Verdict(true, Method::Exact)),
        ("option_letters", Verdict(true, Method::Exact)),
        ("option_letters_lines", Verdict(true, Method::Exact)),
        ("chinese_answer_phrases", Verdict(false, Method::NoAnswer)),
        ("chinese_choose", Verdict(false, Method::NoAnswer)),
        ("bold_open", Verdict(false, Method::NoAnswer)),
        ("markdown_bold", Verdict(false, Method::NoAnswer)),
        ("remark_lines", Verdict(true, Method::Exact)),
        ("gsm8k_hashes", Verdict(false, Method::NoAnswer)),
        ("span_connectives", Verdict(true, Method::Exact)),
        ("bare_fractions", Verdict(false, Method::NoAnswer)),
        ("therefore_sentences", Verdict(true, Method::Exact)),
        ("equals_signs", Verdict(false, Method::NoAnswer)),
        ("minus_signs", Verdict(false, Method::NoAnswer)),
        ("open_parens_prose", Verdict(false, Method::NoAnswer)),
        ("expression_run", Verdict(false, Method::Numeric)),
        ("percent_words", Verdict(true, Method::Percent)),
        ("backslashes", Verdict(false, Method::NoAnswer)),
        ("braces", Verdict(false, Method::NoAnswer)),
        ("python_import", Verdict(false, Method::NoAnswer)),
        ("python_eval_boxed", Verdict(false, Method::NoAnswer)),
        ("invalid_utf8_pred", InvalidUtf8(Side::Pred)),
        ("invalid_utf8_gold", InvalidUtf8(Side::Gold)),
    ]
}

fn outcome(case: &cases::Case, opts: &Options) -> String {
    match case.entry {
        Entry::Verify => match verify_bytes(&case.gold, &case.pred, opts) {
            Ok(v) => format!("{:?}", Verdict(v.equal, v.method)),
            Err(e) => format!("{:?}", InvalidUtf8(e.side)),
        },
        Entry::ParseCanon(syntax) => {
            let text = std::str::from_utf8(&case.pred).expect("parse cases are UTF-8");
            match parse(text, syntax) {
                Ok(e) => {
                    let latex = to_latex(&canonical(&e));
                    match expected().iter().find(|(name, _)| *name == case.name) {
                        Some((_, CanonicalSize(..))) => {
                            format!("{:?}", CanonicalSize(latex.len(), latex[..latex.len().min(40)].to_string()))
                        }
                        _ => format!("Canonical({latex:?})"),
                    }
                }
                Err(e) => format!("{:?}", ParseError(e.kind)),
            }
        }
    }
}

#[test]
fn every_adversarial_input_gets_its_exact_outcome() {
    let opts = Options::default();
    let expected = expected();
    let all = cases::all();
    assert_eq!(all.len(), expected.len(), "every case has an expectation");
    for (case, (name, want)) in all.iter().zip(&expected) {
        assert_eq!(case.name, *name, "cases and expectations are in the same order");
        assert_eq!(outcome(case, &opts), format!("{want:?}"), "case {name}");
    }
}

#[test]
fn code_is_read_as_text_never_run() {
    // `__import__('os').system(...)` has no answer in it: nothing is
    // evaluated, and the verdict is a plain "no answer".
    let v = verify_bytes(b"0", b"__import__('os').system('rm -rf /')", &Options::default()).unwrap();
    assert_eq!((v.equal, v.method), (false, Method::NoAnswer));
}

#[test]
fn the_extraction_window_reads_the_end_of_a_long_text() {
    let mut text = "a line of working that states nothing final\n".repeat(4000);
    text.push_str("The answer is $7$.");
    assert!(text.len() > Options::default().limits.max_extract_len);
    let w = mathgrade::extract::window(&text, Options::default().limits.max_extract_len);
    assert!(w.len() <= Options::default().limits.max_extract_len);
    assert!(w.starts_with("a line of working"), "the window starts at a line start");
    assert!(verify_bytes(b"7", text.as_bytes(), &Options::default()).unwrap().equal);
}

#[test]
fn answers_longer_than_the_answer_limit_are_passed_over() {
    // A boxed sum of 2400 ones is 4.8 KB: over the default 4 KiB answer
    // limit, so the box is passed over and nothing else in the text is an
    // answer; with the limit raised the same box is read and summed.
    let boxed = format!("\\boxed{{{}1}}", "1+".repeat(2399));
    assert!(boxed.len() > 4096 && boxed.len() < 8192);
    let v = verify_bytes(b"2400", boxed.as_bytes(), &Options::default()).unwrap();
    assert_eq!((v.equal, v.method), (false, Method::NoAnswer));
    let mut opts = Options::default();
    opts.limits.max_answer_len = 8192;
    let v = verify_bytes(b"2400", boxed.as_bytes(), &opts).unwrap();
    assert_eq!((v.equal, v.method), (true, Method::Exact));
    // The shorter box is read under the default limit.
    let short = format!("\\boxed{{{}1}}", "1+".repeat(1999));
    let v = verify_bytes(b"2000", short.as_bytes(), &Options::default()).unwrap();
    assert_eq!((v.equal, v.method), (true, Method::Exact));
}
