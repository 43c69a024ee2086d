//! Determinism (issue 7): the same pair gets the same verdict, method,
//! note, canonical forms, extraction rule and answer key serially, from
//! eight threads at once, in another process (this test binary run again
//! as a child), and through `mathgrade grade` with one thread and with
//! eight. The random points of identity tests come from a seed derived from
//! the two answers, never from a clock, a thread or a process; this checks
//! that nothing else (hash-map order, shared caches, thread-local state)
//! leaks into a verdict either.
//!
//! Every case also has an exact expected verdict and method, so a change of
//! rules shows here as a failure to look at, not as silent drift.

use std::process::{Command, Stdio};

use mathgrade::compare::{Method, Options};
use mathgrade::compare::Detail;
use mathgrade::grade::{grade, Batch, Dataset, Task};
use serde_json::{json, Value};

/// Set in the child process: it prints its outcomes instead of checking.
const CHILD_ENV: &str = "MATHGRADE_DETERMINISM_CHILD";
const BEGIN: &str = "=== determinism outcomes begin";
const END: &str = "=== determinism outcomes end";

/// (gold, prediction, expected equal, expected method)
fn cases() -> Vec<(String, String, bool, Method)> {
    use Method::*;
    let mut v: Vec<(String, String, bool, Method)> = [
        // Identities at seeded random points.
        (r"\tan^2 y + 1", r"\sec^2 y", true, Identity),
        (r"\frac{1}{\sqrt{n}}", r"\sqrt{\frac{1}{n}}", true, Identity),
        (r"\sin(x)", r"\cos(x - \frac{\pi}{2})", true, Identity),
        (r"f(x)+f(y)", r"f(y)+f(x)", true, Exact),
        (r"\frac{x^2-1}{x-1}", r"x+1", true, Identity),
        // Powers of one base combine before expansion: the same canonical form.
        (r"(x+1)^{20}", r"(1+x)^{19}(x+1)", true, Exact),
        (r"\ln(xy)", r"\ln x + \ln y", true, Identity),
        (r"\sqrt{x^2}", r"x", true, Identity),
        (r"|x|", r"x", false, Identity),
        (r"\tan x", r"\cot x", false, Identity),
        (r"x^3 - y^3", r"(x-y)(x^2+xy+y^2)", true, Exact),
        // Numbers: exact, numeric tolerance, huge values.
        (r"33.3", r"100/3", true, Numeric),
        (r"\frac{1}{12}", r"0.0833333333", true, Numeric),
        (r"\frac{1}{2004!}", r"\frac{1}{2006!}", false, Numeric),
        (r"\pi", r"\frac{355}{113}", false, Numeric),
        (r"e^{16}-1", r"-1+\exp(16)", true, Exact),
        // Past MPFR's range: compared by logarithm (README), a numeric rule.
        (r"5^{5^{5^5}}", r"5^{5^{5^5}}+1", false, Numeric),
        (r"5^{5^{5^5}}", r"2\cdot5^{5^{5^5}}", false, Numeric),
        (r"27.39", r"27.38", false, Numeric),
        // Equations, sets, tagged values.
        (r"2x+4y-3=0", r"y=-\frac12x+\frac34", true, Equation),
        (r"3x+4y+14=0", r"3x-y+13=0", false, Equation),
        (r"\{1, 2, 3\}", r"3, 1, 2", true, Set),
        (r"30^\circ", r"\frac{\pi}{6}", true, Degree),
        (r"28\%", r"0.28", true, Percent),
    ]
    .iter()
    .map(|(g, p, e, m)| (g.to_string(), p.to_string(), *e, *m))
    .collect();
    // Extraction from long model outputs: the answer is found after many
    // other numbers and math spans.
    v.push((r"\frac{3}{4}".into(), long_solution(r"The final answer is $\boxed{\frac{6}{8}}$."), true, Exact));
    // A terminating decimal is its exact value: the same canonical form.
    v.push(("0.75".into(), long_solution(r"So the answer is $\frac{3}{4}$."), true, Exact));
    v.push((r"x^2+2x+1".into(), long_solution(r"Therefore $f(x) = \boxed{(x+1)^2}$."), true, Exact));
    v.push(("42".into(), long_solution("The answer is 41."), false, Numeric));
    v
}

/// A long solution with many numbers and math spans before its last line.
fn long_solution(last: &str) -> String {
    let mut s = String::from("Let us work through the problem step by step.\n");
    for k in 1..=400u32 {
        s.push_str(&format!("Step {k}: we have $a_{{{k}}} = {} + \\frac{{{k}}}{{{}}}$, so the total is {}.\n", k * k, k + 1, k * 3));
    }
    s.push_str(last);
    s
}

/// One pair's outcome, every field that must not vary.
fn outcome(gold: &str, pred: &str) -> Value {
    let g = grade(&Task::new(gold, pred), &Options::default());
    json!({
        "equal": g.verdict.equal,
        "method": g.verdict.method,
        "note": g.verdict.note,
        "gold_canonical": g.verdict.gold_canonical,
        "pred_canonical": g.verdict.pred_canonical,
        "rule": g.rule,
        "key": g.key,
    })
}

fn all_outcomes() -> Vec<Value> {
    cases().iter().map(|(g, p, _, _)| outcome(g, p)).collect()
}

#[test]
fn verdicts_are_as_expected() {
    let mut failures = Vec::new();
    for ((g, p, equal, method), got) in cases().iter().zip(all_outcomes()) {
        let want = json!({ "equal": equal, "method": method });
        if got["equal"] != want["equal"] || got["method"] != want["method"] {
            failures.push(format!("{g:?} vs {:?}: got {} by {}, want {want}", short(p), got["equal"], got["method"]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn same_outcomes_from_eight_threads_at_once() {
    let serial = all_outcomes();
    let n = serial.len();
    let per_thread: Vec<Vec<Value>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|t| {
                s.spawn(move || {
                    // Each thread starts at a different case, so the same
                    // pair is graded on several threads at the same time
                    // and in different orders.
                    let cases = cases();
                    let mut out = vec![Value::Null; n];
                    for k in 0..n {
                        let i = (k + t * 3) % n;
                        out[i] = outcome(&cases[i].0, &cases[i].1);
                    }
                    out
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("a grading thread panicked")).collect()
    });
    for (t, got) in per_thread.iter().enumerate() {
        for (i, (a, b)) in serial.iter().zip(got).enumerate() {
            assert_eq!(a, b, "case {i} differs on thread {t}");
        }
    }
    // And again on this thread, after the others.
    assert_eq!(all_outcomes(), serial);
}

/// A batch reads each distinct gold once and may be graded from many
/// threads at once: every task gets exactly `grade`'s outcome (with
/// `Detail::Full`), and `Detail::EqualOnly` the same `equal` and `method`
/// with no strings. Golds repeat (several samples per problem, also under
/// two presets) and the threads take the tasks in different orders, so a
/// gold is first read by different threads.
#[test]
fn a_batch_grades_each_task_as_grade_does_from_any_thread() {
    let cases = cases();
    let mut tasks: Vec<Task> = Vec::new();
    for (g, p, _, _) in &cases {
        tasks.push(Task::new(g, p));
        // The same gold against other predictions, and under a preset.
        tasks.push(Task::new(g, g));
        tasks.push(Task::new(g, &cases[0].1));
        tasks.push(Task { dataset: Dataset::Math, ..Task::new(g, p) });
    }
    let opts = Options::default();
    let want: Vec<Value> = tasks
        .iter()
        .map(|t| {
            let g = grade(t, &opts);
            json!({"equal": g.verdict.equal, "method": g.verdict.method, "note": g.verdict.note,
                   "gold_canonical": g.verdict.gold_canonical, "pred_canonical": g.verdict.pred_canonical,
                   "rule": g.rule, "key": g.key, "chosen": g.chosen})
        })
        .collect();
    let batch = Batch::new(&tasks, &opts);
    let n = tasks.len();
    std::thread::scope(|s| {
        for t in 0..4 {
            let (batch, want) = (&batch, &want);
            s.spawn(move || {
                for k in 0..n {
                    let i = (k + t * 7) % n;
                    let full = batch.grade(i, Detail::Full);
                    let got = json!({"equal": full.verdict.equal, "method": full.verdict.method, "note": full.verdict.note,
                        "gold_canonical": full.verdict.gold_canonical, "pred_canonical": full.verdict.pred_canonical,
                        "rule": full.rule, "key": full.key, "chosen": full.chosen});
                    assert_eq!(got, want[i], "task {i} on thread {t}");
                    let bare = batch.grade(i, Detail::EqualOnly);
                    assert_eq!((bare.verdict.equal, bare.verdict.method), (full.verdict.equal, full.verdict.method), "task {i}");
                    assert_eq!((bare.verdict.gold_canonical, bare.verdict.pred_canonical, bare.key), (None, None, None), "task {i}");
                    assert_eq!(bare.verdict.note, "", "task {i}");
                }
            });
        }
    });
}

/// In the child process: print the outcomes between markers.
#[test]
fn child_prints_outcomes() {
    if std::env::var_os(CHILD_ENV).is_none() {
        return;
    }
    println!("{BEGIN}");
    for o in all_outcomes() {
        println!("{o}");
    }
    println!("{END}");
}

#[test]
fn same_outcomes_in_another_process() {
    let exe = std::env::current_exe().expect("the test binary's path");
    let out = Command::new(exe)
        .args(["child_prints_outcomes", "--exact", "--nocapture", "--test-threads", "1"])
        .env(CHILD_ENV, "1")
        .output()
        .expect("run the test binary as a child");
    assert!(out.status.success(), "child failed: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let block = stdout
        .split_once(BEGIN)
        .and_then(|(_, rest)| rest.split_once(END))
        .map(|(b, _)| b)
        .unwrap_or_else(|| panic!("no outcomes in the child's output:\n{stdout}"));
    let child: Vec<Value> = block.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).expect("an outcome")).collect();
    let here = all_outcomes();
    assert_eq!(child.len(), here.len());
    for (i, (a, b)) in here.iter().zip(&child).enumerate() {
        assert_eq!(a, b, "case {i} differs in the child process");
    }
}

#[test]
fn same_outcomes_through_the_command_line_on_one_and_eight_threads() {
    let input: String = cases().iter().map(|(g, p, _, _)| format!("{}\n", json!({ "gold": g, "pred": p }))).collect();
    let run = |threads: &str| -> Vec<Value> {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mathgrade"))
            .args(["grade", "-", "--quiet", "--threads", threads])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run mathgrade grade");
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(input.as_bytes()).expect("write records");
        }
        let out = child.wait_with_output().expect("mathgrade grade output");
        assert!(out.status.success(), "mathgrade grade failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout)
            .expect("UTF-8 output")
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).expect("a record"))
            .map(|r| json!({ "correct": r["correct"], "method": r["method"], "rule": r["rule"], "pred_answer": r["pred_answer"] }))
            .collect()
    };
    let one = run("1");
    let eight = run("8");
    assert_eq!(one, eight, "mathgrade grade differs between one and eight threads");
    // The command line agrees with the library.
    for (i, (cli, lib)) in one.iter().zip(all_outcomes()).enumerate() {
        assert_eq!(cli["correct"], lib["equal"], "case {i}: command line and library disagree");
        assert_eq!(cli["method"], lib["method"], "case {i}: command line and library disagree");
        assert_eq!(cli["rule"], lib["rule"], "case {i}: command line and library disagree");
    }
}

/// The last 60 characters of a long prediction, for messages.
fn short(s: &str) -> String {
    let n = s.chars().count();
    if n > 60 {
        format!("…{}", s.chars().skip(n - 60).collect::<String>())
    } else {
        s.to_string()
    }
}
