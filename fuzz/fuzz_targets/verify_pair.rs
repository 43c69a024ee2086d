//! Comparison of two answers. The input is `flags, gold, 0xFF, pred` (0xFF
//! never occurs in UTF-8, so it cannot be part of either text). The flags
//! choose options: bit 0 `strict`, bit 1 `allow_set_relation_comp`, bit 2
//! `precision` 2 instead of 6.
//! * `verify_str(gold, pred)` never panics, gives the same verdict (method,
//!   note, canonical forms) when asked twice, and an "equal" verdict names a
//!   rule (never "no answer" / "different kinds");
//! * `verify_str(t, t)` holds for each side that reads as an answer
//!   (nothing needs to match but the text with itself);
//! * each side read as a bare answer (LaTeX, else plain) equals itself and
//!   its printed forms by `verify`, and the pair gets the same verdict both
//!   ways where every rule is symmetric (`mathgrade_fuzz::symmetric_pair`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mathgrade::compare::{read_answer, verify_str, Method, Options};
use mathgrade::{parse_with, Syntax};
use mathgrade_fuzz::{check_self_verdicts, check_symmetry, input_limits, run_input, split_pair};

fuzz_target!(|data: &[u8]| run_input(data, |data| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let Some((gold, pred)) = split_pair(rest) else { return };
    let opts = Options {
        strict: flags & 1 == 0,
        allow_set_relation_comp: flags & 2 != 0,
        precision: if flags & 4 == 0 { 6 } else { 2 },
        limits: input_limits(),
        ..Options::default()
    };

    let v = verify_str(gold, pred, &opts);
    assert_eq!(v, verify_str(gold, pred, &opts), "{gold:?} vs {pred:?}: the verdict differs when asked twice");
    if v.equal {
        assert!(!matches!(v.method, Method::NoAnswer | Method::Mismatch), "{gold:?} vs {pred:?}: equal by {:?}", v.method);
    }
    for side in [gold, pred] {
        if read_answer(side, &opts.gold_targets, &opts).is_some() {
            let s = verify_str(side, side, &opts);
            assert!(s.equal, "{side:?} is not equal to itself: {s:?}");
        }
    }

    let bare = |t: &str| parse_with(t, Syntax::Latex, &opts.limits).or_else(|_| parse_with(t, Syntax::Plain, &opts.limits)).ok();
    let (Some(g), Some(p)) = (bare(gold), bare(pred)) else { return };
    check_self_verdicts(&g, gold, &opts);
    check_self_verdicts(&p, pred, &opts);
    check_symmetry(&g, &p, (gold, pred), &opts);
}));
