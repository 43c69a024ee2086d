//! Grading conformance on the shared corpora: the same grading as
//! `mathgrade grade` (library calls, through `src/cli/record.rs`), compared
//! with each record's expected verdict.
//!
//! | corpus | expected | options | threshold |
//! |---|---|---|---|
//! | `mathverify-cases.dev.jsonl` | `expected` | per record (`extract`, `precision`, `strict`, `allow_set_relation_comp`, `boxed_match_priority`) | ≥ 97%, no false positive |
//! | `equivalence.dev.jsonl` | `expected` | `allow_set_relation_comp` per record | ≥ 97%, ≤ 4 false positives |
//! | `outputs.dev.jsonl` | `label` | the record's `dataset` preset | ≥ 99.5%, no false positive |
//! | `references.dev.jsonl` | `label` | the record's `dataset` preset, options from `problem` | ≥ 98%, no false positive |
//! | `latex2sympy-cases.dev.jsonl`, `kind: parse` | equal | gold = `latex` read as LaTeX, prediction = `expected_sympy` read as plain SymPy text | ≥ 90% |
//!
//! The figures (agreement, false positives / negatives overall and by
//! `test_function` or `family`, the slowest record, the disagreeing ids)
//! are always printed; run with `--nocapture` to see them. The thresholds
//! are asserted only with `MATHGRADE_ENFORCE_THRESHOLDS=1`. Where
//! `../shared/corpus/` is absent each test says "skipped" and passes.

#[path = "../src/cli/record.rs"]
mod record;

use std::path::{Path, PathBuf};
use std::time::Instant;

use mathgrade::compare::{verify, Options};
use mathgrade::{parse_with, Syntax};
use serde_json::{Map, Value};

use record::{grade, Fields, Tally};

const MATHVERIFY: &str = "mathverify-cases.dev.jsonl";
const EQUIVALENCE: &str = "equivalence.dev.jsonl";
const LATEX2SYMPY: &str = "latex2sympy-cases.dev.jsonl";
/// How many disagreeing ids to list.
const SHOW: usize = 40;

fn corpus(name: &str) -> Option<(PathBuf, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some((path, text)),
        Err(_) => {
            println!("skipped: {} not found", path.display());
            None
        }
    }
}

fn enforce() -> bool {
    std::env::var("MATHGRADE_ENFORCE_THRESHOLDS").as_deref() == Ok("1")
}

/// The records of a JSON Lines corpus (a bad line fails the test: the
/// corpus is data we rely on).
fn records<'a>(path: &'a Path, text: &'a str) -> impl Iterator<Item = Map<String, Value>> + 'a {
    text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(move |(n, line)| {
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(m)) => m,
            _ => panic!("{}:{}: not a JSON object", path.display(), n + 1),
        }
    })
}

fn str_field<'a>(rec: &'a Map<String, Value>, k: &str) -> &'a str {
    rec.get(k).and_then(Value::as_str).unwrap_or("?")
}

/// Grade every record of a gold/pred corpus against its `expected` field.
/// Returns the tally and the disagreeing records (`FP id` / `FN id`).
fn grade_corpus(path: &Path, text: &str, group_field: &str) -> (Tally, Vec<String>) {
    grade_corpus_expecting(path, text, group_field, "expected")
}

/// As [`grade_corpus`], with the expected verdict in `expect_field`.
fn grade_corpus_expecting(path: &Path, text: &str, group_field: &str, expect_field: &str) -> (Tally, Vec<String>) {
    let fields = Fields::default();
    let base = Options::default();
    let mut tally = Tally::default();
    let mut wrong = Vec::new();
    for rec in records(path, text) {
        let id = str_field(&rec, "id").to_string();
        let Some(expected) = rec.get(expect_field).and_then(Value::as_bool) else { continue };
        let got = match grade(&rec, &fields, &base) {
            Ok(g) => {
                tally.time(g.millis, id.clone());
                g.verdict.equal
            }
            Err(e) => {
                println!("  {id}: {e}");
                false
            }
        };
        tally.add(expected, got, Some(str_field(&rec, group_field)));
        if expected != got {
            wrong.push(format!("{} {id}", if got { "FP" } else { "FN" }));
        }
    }
    (tally, wrong)
}

fn report(title: &str, group_field: &str, tally: &Tally, wrong: &[String], seconds: f64) {
    println!("== {title}");
    println!("{}", tally.agreement_line());
    if let Some(line) = tally.slowest_line() {
        println!("{line}");
    }
    println!("total: {seconds:.2} s");
    let groups = tally.group_lines();
    if !groups.is_empty() {
        println!("false positives / negatives by {group_field}:");
        for g in groups {
            println!("{g}");
        }
    }
    for w in wrong.iter().take(SHOW) {
        println!("  {w}");
    }
    if wrong.len() > SHOW {
        println!("  ... and {} more", wrong.len() - SHOW);
    }
}

/// Assert a threshold when enforcing; say so either way.
fn check(title: &str, tally: &Tally, min_percent: f64, max_false_pos: Option<usize>) {
    let c = tally.all;
    let ok = c.percent() >= min_percent && max_false_pos.is_none_or(|m| c.false_pos <= m);
    let threshold = match max_false_pos {
        Some(m) => format!(">= {min_percent}% with <= {m} false positives"),
        None => format!(">= {min_percent}%"),
    };
    println!("{title}: {} the threshold ({threshold})", if ok { "meets" } else { "below" });
    if enforce() {
        assert!(ok, "{title}: {} — threshold {threshold}", tally.agreement_line());
    } else if !ok {
        println!("(not enforced: set MATHGRADE_ENFORCE_THRESHOLDS=1)");
    }
}

#[test]
fn mathverify_cases() {
    let Some((path, text)) = corpus(MATHVERIFY) else { return };
    let started = Instant::now();
    let (tally, wrong) = grade_corpus(&path, &text, "test_function");
    report("mathverify-cases.dev", "test_function", &tally, &wrong, started.elapsed().as_secs_f64());
    check("mathverify-cases.dev", &tally, 97.0, Some(0));
}

#[test]
fn equivalence_pairs() {
    let Some((path, text)) = corpus(EQUIVALENCE) else { return };
    let started = Instant::now();
    let (tally, wrong) = grade_corpus(&path, &text, "family");
    report("equivalence.dev", "family", &tally, &wrong, started.elapsed().as_secs_f64());
    check("equivalence.dev", &tally, 97.0, Some(4));
}

/// Real model outputs (issue 4: >= 99.5%, 0 false positives).
#[test]
fn model_outputs() {
    let Some((path, text)) = corpus("outputs.dev.jsonl") else { return };
    let started = Instant::now();
    let (tally, wrong) = grade_corpus_expecting(&path, &text, "dataset", "label");
    report("outputs.dev", "dataset", &tally, &wrong, started.elapsed().as_secs_f64());
    check("outputs.dev", &tally, 99.5, Some(0));
}

/// Reference solutions against their gold (issue 4: >= 98%, 0 false
/// positives). Each record's `dataset` field picks its preset and its
/// `problem` lists the options of multiple-choice items, as in
/// `mathgrade grade`.
#[test]
fn reference_solutions() {
    let Some((path, text)) = corpus("references.dev.jsonl") else { return };
    let started = Instant::now();
    let (tally, wrong) = grade_corpus_expecting(&path, &text, "dataset", "label");
    report("references.dev", "dataset", &tally, &wrong, started.elapsed().as_secs_f64());
    check("references.dev", &tally, 98.0, Some(0));
}

/// latex2sympy's `parse` cases: the LaTeX and SymPy's printing of what it
/// should parse to are the same answer.
#[test]
fn latex2sympy_parse_cases() {
    let Some((path, text)) = corpus(LATEX2SYMPY) else { return };
    let started = Instant::now();
    let opts = Options::default();
    let mut tally = Tally::default();
    let mut wrong = Vec::new();
    for rec in records(&path, &text) {
        if str_field(&rec, "kind") != "parse" {
            continue;
        }
        let id = str_field(&rec, "id").to_string();
        let (Some(latex), Some(sympy)) =
            (rec.get("latex").and_then(Value::as_str), rec.get("expected_sympy").and_then(Value::as_str))
        else {
            continue;
        };
        let t = Instant::now();
        let run = std::panic::catch_unwind(|| {
            let gold = parse_with(latex, Syntax::Latex, &opts.limits).map_err(|e| format!("latex: {e}"))?;
            let pred = parse_with(sympy, Syntax::Plain, &opts.limits).map_err(|e| format!("sympy: {e}"))?;
            Ok::<bool, String>(verify(&gold, &pred, &opts).equal)
        });
        tally.time(t.elapsed().as_secs_f64() * 1000.0, id.clone());
        let outcome = run.unwrap_or_else(|_| Err("panic".into()));
        let got = outcome.as_ref().is_ok_and(|eq| *eq);
        tally.add(true, got, Some(str_field(&rec, "test_function")));
        if !got {
            wrong.push(match outcome {
                Err(e) => format!("FN {id}: {e}"),
                Ok(_) => format!("FN {id}: {latex:?} vs {sympy:?}"),
            });
        }
    }
    report("latex2sympy-cases.dev (kind: parse)", "test_function", &tally, &wrong, started.elapsed().as_secs_f64());
    check("latex2sympy-cases.dev (kind: parse)", &tally, 90.0, None);
}

/// Batch grading (`mathgrade::grade::Batch`, each gold read once, what
/// Python's `grade` runs) gives every record of the model outputs and
/// reference solutions the verdict and method `grade` gives it alone.
#[test]
fn batch_verdicts_are_grade_verdicts() {
    use mathgrade::compare::Detail;
    use mathgrade::grade::{Batch, Dataset, Task};
    for name in ["outputs.dev.jsonl", "references.dev.jsonl"] {
        let Some((path, text)) = corpus(name) else { return };
        let recs: Vec<Map<String, Value>> = records(&path, &text).collect();
        let golds: Vec<String> = recs.iter().map(|r| record::text_of(&r["gold"]).unwrap_or_default()).collect();
        let tasks: Vec<Task> = recs
            .iter()
            .zip(&golds)
            .filter_map(|(r, g)| {
                let pred = r.get("output").or(r.get("pred")).and_then(Value::as_str)?;
                let dataset = r.get("dataset").and_then(Value::as_str).and_then(Dataset::recognize).unwrap_or(Dataset::Auto);
                Some(Task { gold: g, pred, dataset, problem: r.get("problem").and_then(Value::as_str) })
            })
            .collect();
        assert!(tasks.len() * 10 >= recs.len() * 9, "{name}: {} of {} records read", tasks.len(), recs.len());
        let opts = Options::default();
        let batch = Batch::new(&tasks, &opts);
        let mut differ = Vec::new();
        for (i, t) in tasks.iter().enumerate() {
            let alone = mathgrade::grade::grade(t, &opts).verdict;
            let batched = batch.grade(i, Detail::EqualOnly).verdict;
            if (alone.equal, alone.method) != (batched.equal, batched.method) {
                differ.push(format!("{name} #{i}: alone {} {:?}, batched {} {:?}", alone.equal, alone.method, batched.equal, batched.method));
            }
        }
        println!("{name}: {} tasks, {} differ", tasks.len(), differ.len());
        assert!(differ.is_empty(), "{}", differ.join("\n"));
    }
}
