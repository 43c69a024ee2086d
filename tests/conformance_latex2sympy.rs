//! Conformance with the latex2sympy2_extended test suite: how much of the
//! LaTeX it parses, mathgrade parses too.
//!
//! Reads `../shared/corpus/latex2sympy-cases.dev.jsonl` (relative to the
//! crate root); when that is absent the test says so and passes. The corpus
//! is data from another project and is not copied into this repository.
//!
//! * `parse` and `equivalent_latex` records: `latex` (and `expected_latex`)
//!   must parse; the rate must be at least 95%.
//! * `parse_expect_error` records: every one must be an error.
//! * `parse_expect_error_or_mismatch`, `normalize`: not checked here.
//!
//! Run with `cargo test --release --test conformance_latex2sympy -- --nocapture`
//! to see the figures.

use std::path::Path;
use std::time::Instant;

use mathgrade::{parse_with, Limits, Syntax};

const CORPUS: &str = "../shared/corpus/latex2sympy-cases.dev.jsonl";
const MIN_PARSE_RATE: f64 = 0.95;
const SHOW_FAILURES: usize = 40;

/// Math-Verify's strings are sometimes wrapped in `$...$` (or `$$...$$`):
/// strip one surrounding pair.
fn strip_dollars(s: &str) -> &str {
    let t = s.trim();
    for d in ["$$", "$"] {
        if let Some(inner) = t.strip_prefix(d).and_then(|r| r.strip_suffix(d)) {
            if !inner.is_empty() {
                return inner;
            }
        }
    }
    t
}

#[test]
fn latex2sympy_corpus() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipped: ../shared/corpus not found ({} is absent)", path.display());
        return;
    };
    let limits = Limits::default();
    let parse = |latex: &str| parse_with(strip_dollars(latex), Syntax::Latex, &limits);

    let mut parsed = 0usize;
    let mut parse_total = 0usize;
    let mut failures: Vec<(String, String, String)> = Vec::new(); // id, input, error
    let mut expect_error_total = 0usize;
    let mut accepted: Vec<(String, String)> = Vec::new(); // id, input
    let started = Instant::now();

    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{}:{}: bad JSON: {e}", path.display(), n + 1));
        let field = |k: &str| rec.get(k).and_then(|v| v.as_str());
        let id = field("id").unwrap_or("?").to_string();
        let kind = field("kind").unwrap_or("");
        let Some(latex) = field("latex") else { continue };
        match kind {
            "parse" | "equivalent_latex" => {
                parse_total += 1;
                let mut inputs = vec![latex];
                if let Some(other) = field("expected_latex") {
                    inputs.push(other);
                }
                let first_err = inputs.iter().find_map(|s| parse(s).err().map(|e| (s.to_string(), e)));
                match first_err {
                    None => parsed += 1,
                    Some((input, e)) => failures.push((id, input, format!("{e} at {}..{}", e.span.start, e.span.end))),
                }
            }
            "parse_expect_error" => {
                expect_error_total += 1;
                if parse(latex).is_ok() {
                    accepted.push((id, latex.to_string()));
                }
            }
            _ => {}
        }
    }

    let rate = if parse_total == 0 { 1.0 } else { parsed as f64 / parse_total as f64 };
    println!(
        "conformance latex2sympy: parsed {parsed}/{parse_total} = {:.1}% (need {:.0}%), in {:.2?}",
        100.0 * rate,
        100.0 * MIN_PARSE_RATE,
        started.elapsed()
    );
    println!(
        "conformance latex2sympy: expected errors {}/{expect_error_total} rejected",
        expect_error_total - accepted.len()
    );
    if !failures.is_empty() {
        println!("failed to parse (first {} of {}):", SHOW_FAILURES.min(failures.len()), failures.len());
        for (id, input, err) in failures.iter().take(SHOW_FAILURES) {
            println!("  {input:?}: {err}   [{id}]");
        }
    }
    if !accepted.is_empty() {
        println!("parsed, but should be errors:");
        for (id, input) in &accepted {
            println!("  {input:?}   [{id}]");
        }
    }

    assert!(parse_total > 0, "no parse records in {}", path.display());
    assert!(
        rate >= MIN_PARSE_RATE,
        "parse rate {:.1}% is below {:.0}% ({} failures, listed above)",
        100.0 * rate,
        100.0 * MIN_PARSE_RATE,
        failures.len()
    );
    assert!(accepted.is_empty(), "{} inputs that must fail parsed (listed above)", accepted.len());
}

#[test]
fn strip_dollars_removes_one_pair() {
    assert_eq!(strip_dollars("$x$"), "x");
    assert_eq!(strip_dollars("$$x$$"), "x");
    assert_eq!(strip_dollars(" $k=1, b=2$ "), "k=1, b=2");
    assert_eq!(strip_dollars("x"), "x");
    assert_eq!(strip_dollars("\\$"), "\\$");
    assert_eq!(strip_dollars("$"), "$");
}
