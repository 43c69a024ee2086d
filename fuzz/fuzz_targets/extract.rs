//! Answer extraction from long free text, with every target list and box
//! priority a caller can give: no panic; every candidate's span lies inside
//! the input on character boundaries, its text is non-empty, its syntax is
//! never `Auto`, and no two candidates repeat (text, syntax); `extract` is
//! the first of `extract_all`; asking twice gives the same candidates. The
//! first candidate that parses (as the grader reads it) is a tree with the
//! parse targets' properties, and equals itself by `verify_str` and
//! `verify`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mathgrade::compare::{read_answer, Options, Target};
use mathgrade::extract::{extract, extract_all};
use mathgrade::Syntax;
use mathgrade_fuzz::{check_self_verdicts, check_tree, input_limits, run_input};

const TARGETS: &[&[Target]] = &[
    &[Target::Latex],
    &[Target::Expr],
    &[Target::String],
    &[Target::Latex, Target::Expr],
    &[Target::String, Target::Latex, Target::Expr],
    &[Target::Expr, Target::String, Target::Latex],
];
/// Boxes first, after final-answer phrases (the default), never on their own.
const BOX_PRIORITIES: &[i32] = &[0, 50, -1];

fuzz_target!(|data: &[u8]| run_input(data, |data| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for targets in TARGETS {
        for &prio in BOX_PRIORITIES {
            let all = extract_all(text, targets, prio);
            for (k, ex) in all.iter().enumerate() {
                assert!(
                    ex.span.start <= ex.span.end
                        && ex.span.end <= text.len()
                        && text.is_char_boundary(ex.span.start)
                        && text.is_char_boundary(ex.span.end),
                    "{targets:?}/{prio}: candidate {ex:?} has a span outside the input or inside a character"
                );
                assert!(!ex.text.is_empty(), "{targets:?}/{prio}: empty candidate {ex:?}");
                assert!(ex.syntax != Syntax::Auto, "{targets:?}/{prio}: candidate {ex:?} has syntax Auto");
                assert!(
                    !all[..k].iter().any(|o| o.text == ex.text && o.syntax == ex.syntax),
                    "{targets:?}/{prio}: candidate {ex:?} repeats"
                );
            }
            assert_eq!(extract(text, targets, prio).as_ref(), all.first(), "{targets:?}/{prio}: extract is not the first of extract_all");
            assert_eq!(extract_all(text, targets, prio), all, "{targets:?}/{prio}: extraction differs when asked twice");
        }
    }
    // The answer as the grader reads it (default targets and priority).
    let opts = Options { limits: input_limits(), ..Options::default() };
    if let Some((expr, answer)) = read_answer(text, &opts.gold_targets, &opts) {
        check_tree(&expr, &answer, &opts.limits);
        check_self_verdicts(&expr, &answer, &opts);
    }
}));
