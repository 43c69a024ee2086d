//! The shortcut for simple answers (`simple.rs`) against the full parser:
//! on every shape it takes it must build the parser's tree, spans included,
//! and on every near miss it must decline.

use super::simple::parse_simple;
use super::{parse_full, Syntax};
use crate::limits::Limits;

const SYNTAXES: [Syntax; 3] = [Syntax::Auto, Syntax::Latex, Syntax::Plain];

/// The shortcut's tree, with spans, as text (Expr's `==` ignores spans).
fn shortcut(text: &str, syntax: Syntax, limits: &Limits) -> Option<String> {
    parse_simple(text, syntax, limits).map(|e| format!("{e:?}"))
}

fn full(text: &str, syntax: Syntax, limits: &Limits) -> String {
    format!("{:?}", parse_full(text, syntax, limits).expect("the parser reads every shape the shortcut takes"))
}

fn numbers() -> Vec<String> {
    let mut out: Vec<String> = ["0", "7", "42", "007", "10", "999999999999999999", "123456789012345678", "000000000000000001"]
        .map(String::from)
        .to_vec();
    for len in 1..=18 {
        out.push("9".repeat(len));
        out.push(format!("1{}", "0".repeat(len - 1)));
    }
    out
}

#[test]
fn integers_are_the_parsers_tree() {
    let limits = Limits::default();
    for n in numbers() {
        for text in [n.clone(), format!("-{n}")] {
            for syntax in SYNTAXES {
                assert_eq!(shortcut(&text, syntax, &limits), Some(full(&text, syntax, &limits)), "{text:?} {syntax:?}");
            }
        }
    }
}

#[test]
fn fractions_are_the_parsers_tree_outside_plain_text() {
    let limits = Limits::default();
    for cmd in ["frac", "dfrac", "tfrac"] {
        for (a, b) in [("4", "11"), ("0", "1"), ("1", "0"), ("007", "3"), ("123456789012345678", "999999999999999999")] {
            for text in [format!("\\{cmd}{{{a}}}{{{b}}}"), format!("-\\{cmd}{{{a}}}{{{b}}}")] {
                for syntax in [Syntax::Auto, Syntax::Latex] {
                    assert_eq!(shortcut(&text, syntax, &limits), Some(full(&text, syntax, &limits)), "{text:?} {syntax:?}");
                }
                // Plain text does not read LaTeX commands the same way:
                // the parser decides.
                assert_eq!(shortcut(&text, Syntax::Plain, &limits), None, "{text:?}");
            }
        }
    }
}

#[test]
fn near_misses_are_left_to_the_parser() {
    let limits = Limits::default();
    let misses = [
        "", "-", "--5", "+5", " 5", "5 ", "5-", "1,000", "1 000", "3.25", ".5", "5.", "1e3", "5%", "5!", "x", "5x",
        "1234567890123456789", "-1234567890123456789", "٣", "５", "\\frac{4}{11}}", "\\frac{4}{11} ", "\\frac{4}{11}2",
        "\\frac{4}{}", "\\frac{}{4}", "\\frac{4}{-1}", "\\frac{-4}{1}", "\\frac{4}{1", "\\frac{4}", "\\frac{4}{1}{2}",
        "\\frac{ 4}{1}", "\\frac 4 1", "\\frac41", "\\frac{4}{1234567890123456789}", "\\cfrac{1}{2}", "\\frac{1}{2}\\%",
        "\\dfrac{1}{2}x", "-\\frac{1}{2}-", "--\\frac{1}{2}", "5}", "{5}", "-{5}", "\\frac{4}{11}\\frac{1}{2}",
    ];
    for text in misses {
        for syntax in SYNTAXES {
            assert_eq!(shortcut(text, syntax, &limits), None, "{text:?} {syntax:?}");
        }
    }
}

#[test]
fn tight_limits_are_left_to_the_parser() {
    // The parser reports a depth or node limit; the shortcut never
    // answers where one could apply.
    for limits in [Limits { max_depth: 2, ..Limits::default() }, Limits { max_nodes: 3, ..Limits::default() }] {
        for text in ["5", "-5", "\\frac{4}{11}"] {
            assert_eq!(shortcut(text, Syntax::Latex, &limits), None, "{text:?}");
        }
    }
}
