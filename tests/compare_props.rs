//! Properties of the comparer: every answer equals itself, and verdicts do
//! not depend on the thread or the run.

use mathgrade::compare::{verify, verify_str, Options};
use mathgrade::{parse, Syntax};
use proptest::prelude::*;

/// Random LaTeX answers built from the constructs answers use.
fn latex_answer() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        (0u32..1000).prop_map(|n| n.to_string()),
        (0u32..100, 1u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
        Just("x".to_string()),
        Just("y".to_string()),
        Just("\\pi".to_string()),
        Just("e".to_string()),
        Just("i".to_string()),
    ];
    leaf.prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a}+{b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a}-{b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("\\frac{{{a}}}{{{b}}}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})({b})")),
            (inner.clone(), 0u32..4).prop_map(|(a, n)| format!("({a})^{{{n}}}")),
            inner.clone().prop_map(|a| format!("\\sqrt{{{a}}}")),
            inner.clone().prop_map(|a| format!("\\sin({a})")),
            inner.clone().prop_map(|a| format!("\\ln({a})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("\\{{{a}, {b}\\}}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a}, {b}]")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} = {b}")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} \\le {b}")),
            inner.clone().prop_map(|a| format!("{a}\\%")),
            inner.clone().prop_map(|a| format!("\\pm {a}")),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn every_answer_equals_itself(s in latex_answer()) {
        if let Ok(e) = parse(&s, Syntax::Latex) {
            let v = verify(&e, &e, &Options::default());
            prop_assert!(v.equal, "{} vs itself: {:?}", s, v);
        }
    }
}

const PAIRS: &[(&str, &str)] = &[
    ("\\tan^2 y + 1", "\\sec^2 y"),
    ("\\frac{x+2}{7}", "\\frac{x}{7}+\\frac{2}{7}"),
    ("3x+4y+14=0", "3x-y+13=0"),
    ("\\frac{1}{\\sqrt{n}}", "\\sqrt{\\frac{1}{n}}"),
    ("\\sin(x)", "\\cos(x - \\frac{\\pi}{2})"),
    ("x^3 - y^3", "(x-y)(x^2+xy+y^2)"),
    ("33.3", "100/3"),
    ("f(x)+f(y)", "f(y)+f(x)"),
    ("f(x)", "f(y)"),
];

fn verdicts() -> Vec<bool> {
    PAIRS.iter().map(|(g, p)| verify_str(g, p, &Options::default()).equal).collect()
}

#[test]
fn verdicts_do_not_depend_on_thread_or_run() {
    let first = verdicts();
    assert_eq!(first, vec![true, true, false, true, true, true, true, true, false]);
    let handles: Vec<_> = (0..4).map(|_| std::thread::spawn(verdicts)).collect();
    for h in handles {
        assert_eq!(h.join().expect("thread"), first);
    }
    assert_eq!(verdicts(), first);
}
