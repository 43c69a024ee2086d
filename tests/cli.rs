//! End-to-end tests of the `mathgrade` binary.

use std::io::Write;
use std::process::{Command, Output};

fn mathgrade(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mathgrade")).args(args).output().expect("run mathgrade")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// `mathgrade canon INPUT`: the three output lines, asserting success.
fn canon(input: &str) -> String {
    let o = mathgrade(&["canon", input]);
    assert!(o.status.success(), "mathgrade canon {input:?} failed ({:?}):\n{}", o.status.code(), stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "expected `latex:`, `plain:` and `spoken:` lines, got {out:?}");
    assert!(lines[0].starts_with("latex: "), "{out:?}");
    assert!(lines[1].starts_with("plain: "), "{out:?}");
    assert!(lines[2].starts_with("spoken: "), "{out:?}");
    out
}

/// The six canonical groups of the issue: every member of a group prints one
/// identical canonical form, and no two groups print the same.
const GROUPS: &[&[&str]] = &[
    &["\\frac{2}{4}", "\\dfrac12", "\\frac{1}{2}", "1/2"],
    &["x+x", "2x"],
    &["(x+1)^2", "x^2+2x+1"],
    &["2\\frac{1}{2}", "\\frac{5}{2}"],
    &["\\sqrt{8}", "2\\sqrt{2}"],
    &["a+b", "b+a"],
];

#[test]
fn canonical_groups_agree_within_and_differ_across() {
    let mut forms: Vec<String> = Vec::new();
    for group in GROUPS {
        let first = canon(group[0]);
        for input in &group[1..] {
            assert_eq!(canon(input), first, "{input:?} and {:?} should share a canonical form", group[0]);
        }
        for (other, form) in GROUPS.iter().zip(&forms) {
            assert_ne!(&first, form, "groups {:?} and {:?} print the same canonical form", group, other);
        }
        forms.push(first);
    }
}

/// The canonical forms themselves, in the notation of grammars/README.md.
#[test]
fn canonical_group_literals() {
    assert_eq!(canon("\\frac{2}{4}"), "latex: \\frac{1}{2}\nplain: 1/2\nspoken: one half\n");
    assert_eq!(canon("2\\frac{1}{2}"), "latex: \\frac{5}{2}\nplain: 5/2\nspoken: five halves\n");
    assert_eq!(canon("x+x"), "latex: 2 x\nplain: 2*x\nspoken: two x\n");
    // The canonical root is a power `2^{1/2}`; it is said as a root
    // (it was `two times two raised to the one half power`).
    assert_eq!(
        canon("\\sqrt{8}"),
        "latex: 2 \\sqrt{2}\nplain: 2*sqrt(2)\nspoken: two times the square root of two end root\n"
    );
    assert_eq!(canon("\\sqrt[3]{2}"), "latex: \\sqrt[3]{2}\nplain: root(2, 3)\nspoken: the cube root of two end root\n");
    assert_eq!(canon("b+a"), "latex: a + b\nplain: a + b\nspoken: a plus b\n");
    assert_eq!(canon("(x+1)^2"), "latex: x^{2} + 2 x + 1\nplain: x^2 + 2*x + 1\nspoken: x squared plus two x plus one\n");
}

#[test]
fn canon_error_exits_2_with_caret() {
    let o = mathgrade(&["canon", "\\frac{1"]);
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(&o));
    assert!(stdout(&o).is_empty(), "nothing on stdout: {:?}", stdout(&o));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.len() >= 5, "rendered error expected, got {err:?}");
    assert!(lines[0].starts_with("error: "), "{err:?}");
    assert_eq!(lines[3], "1 | \\frac{1", "{err:?}");
    assert!(lines[4].starts_with("  | ") && lines[4].trim_end().ends_with('^'), "{err:?}");
    // Not "nothing to parse": the input is not empty.
    assert_ne!(lines[0], "error: nothing to parse", "{err:?}");
    // The exact report: the caret under the unclosed brace.
    assert_eq!(err, "error: unclosed `{`\n --> 1:6\n  |\n1 | \\frac{1\n  |      ^\n");
}

#[test]
fn parse_error_exits_2() {
    let o = mathgrade(&["parse", "\\frac{1", "--from", "latex"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: "));
}

#[test]
fn parse_prints_the_tree_as_json() {
    let o = mathgrade(&["parse", "x+1", "--from", "plain"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.lines().count() > 1, "pretty by default: {out:?}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["type"], "add", "{out}");
    assert_eq!(v["span"], serde_json::json!([0, 3]), "{out}");

    let o = mathgrade(&["parse", "x+1", "--from", "plain", "--compact"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let compact = stdout(&o);
    assert_eq!(compact.lines().count(), 1, "{compact:?}");
    let w: serde_json::Value = serde_json::from_str(&compact).expect("JSON");
    assert_eq!(v, w);
}

#[test]
fn from_flag_selects_the_syntax() {
    // `x**2` is plain (Python power); as LaTeX it is not the same thing.
    let plain = mathgrade(&["canon", "x**2", "--from", "plain"]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert_eq!(stdout(&plain), canon("x^2"));
    // A bad value is a usage error.
    let bad = mathgrade(&["canon", "x", "--from", "klingon"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn spoken_input_and_output() {
    assert_eq!(canon("x^2+2x+1"), "latex: x^{2} + 2 x + 1\nplain: x^2 + 2*x + 1\nspoken: x squared plus two x plus one\n");
    // Dictation and a screen reader's MathSpeak read to the same trees.
    let o = mathgrade(&["canon", "x squared plus two x plus one", "--from", "spoken"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), canon("(x+1)^2"));
    let o = mathgrade(&["canon", "StartFraction 1 Over 2 EndFraction", "--from", "spoken"]);
    assert_eq!(stdout(&o), "latex: \\frac{1}{2}\nplain: 1/2\nspoken: one half\n");
    let o = mathgrade(&["parse", "x sub one", "--from", "spoken", "--compact"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let tree: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!((&tree["type"], &tree["name"], &tree["sub"]), (&"symbol".into(), &"x".into(), &"1".into()), "{tree}");
    // Ambiguous speech: the common reading, then the others.
    let o = mathgrade(&["canon", "x to the n plus one", "--from", "spoken"]);
    assert_eq!(
        stdout(&o),
        "latex: x^{n} + 1\nplain: x^n + 1\nspoken: x to the n-th power plus one\nalso read as: x^{n + 1}\n"
    );
    // A word the lexicon does not know: exit 2 with the place marked.
    let o = mathgrade(&["canon", "x plus blorp", "--from", "spoken"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("^^^^^"), "{}", stderr(&o));
}

#[test]
fn check_spoken_answers() {
    let check = |args: &[&str]| {
        let mut all = vec!["check", "--explain"];
        all.extend_from_slice(args);
        let o = mathgrade(&all);
        (o.status.code(), stdout(&o))
    };
    // Both sides spoken.
    let (code, out) = check(&["one half", "zero point five", "--from", "spoken"]);
    assert_eq!((code, out.lines().next()), (Some(0), Some("equal")), "{out}");
    // A LaTeX gold, a spoken prediction: the quadratic formula as dictated.
    let (code, out) = check(&[
        "\\frac{-b\\pm\\sqrt{b^2-4ac}}{2a}",
        "x equals minus b plus or minus the square root of b squared minus four a c, all over two a",
        "--pred-syntax",
        "spoken",
    ]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("method: plus_minus"), "{out}");
    let (code, out) = check(&["\\frac{2}{3}", "three halves", "--pred-syntax", "spoken"]);
    assert_eq!((code, out.lines().next()), (Some(1), Some("not equal")), "{out}");
    // Speech that does not parse is no answer; the gold is still shown.
    let (code, out) = check(&["1", "blorp zork", "--pred-syntax", "spoken"]);
    assert_eq!(code, Some(1));
    assert_eq!(out, "not equal\nmethod: no_answer\ngold: 1\npred: (not read)\nnote: no answer could be read from the prediction\n");
    // Without the flag, `two thirds` is prose with no math in it.
    let (code, _) = check(&["\\frac{2}{3}", "two thirds"]);
    assert_eq!(code, Some(1));
    assert_eq!(mathgrade(&["check", "1", "1", "--pred-syntax", "latex"]).status.code(), Some(2));
    // `written` extracts, whatever --from says.
    let (code, _) = check(&["\\frac{2}{3}", "so it is $\\frac{2}{3}$", "--from", "spoken", "--pred-syntax", "written"]);
    assert_eq!(code, Some(1), "the gold is LaTeX, not speech");
    let (code, _) = check(&["two thirds", "so it is $\\frac{2}{3}$", "--from", "spoken", "--pred-syntax", "written"]);
    assert_eq!(code, Some(0));
}

#[test]
fn grade_spoken_predictions() {
    let input = concat!(
        "{\"gold\": \"\\\\frac{2}{3}\", \"pred\": \"two thirds\"}\n",
        "{\"gold\": \"x^2\", \"pred\": \"x Superscript 2 Baseline\"}\n",
        "{\"gold\": \"5\", \"pred\": \"the answer is $5$\", \"pred_syntax\": null}\n",
    );
    // Every prediction spoken: the third is not speech.
    let o = grade_stdin(input, &["--pred-syntax", "spoken", "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(correct_column(&o), vec![true, true, false]);
    // Per record: only records that say so are read as speech.
    let per_record = input.replace("\"pred\": \"two thirds\"}", "\"pred\": \"two thirds\", \"pred_syntax\": \"spoken\"}");
    let o = grade_stdin(&per_record, &["-q"]);
    assert_eq!(correct_column(&o), vec![true, false, true]);
    // A written syntax name is written text: extracted, even under
    // `--pred-syntax spoken` (datasets label their answers `latex`, `unicode`…).
    let written = input.replace("\"pred_syntax\": null", "\"pred_syntax\": \"latex\"");
    let o = grade_stdin(&written, &["--pred-syntax", "spoken", "-q"]);
    assert_eq!(correct_column(&o), vec![true, true, true]);
    // A value that is not a name is that record's error, and grading goes on.
    let bad = "{\"gold\": \"1\", \"pred\": \"one\", \"pred_syntax\": 3}\n{\"gold\": \"1\", \"pred\": \"1\"}\n";
    let o = grade_stdin(bad, &["-q"]);
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["error"], "`pred_syntax` must be a syntax name (\"spoken\", \"latex\", ...), not 3");
    assert_eq!(lines[1]["correct"], true);
}

#[test]
fn leading_minus_is_an_expression_not_a_flag() {
    let o = mathgrade(&["canon", "-1/2"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn canon_needs_expr_or_file() {
    assert_eq!(mathgrade(&["canon"]).status.code(), Some(2));
    assert_eq!(mathgrade(&["canon", "x", "--file", "f"]).status.code(), Some(2));
}

/// `canon --file`: one JSON object per non-blank input line, in order, none
/// dropped; errors carry the message and the span in that line.
#[test]
fn canon_file_writes_one_record_per_line() {
    let dir = std::env::temp_dir().join(format!("mathgrade-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("answers.txt");
    let lines = ["\\frac{2}{4}", "", "   ", "\\frac{1", "x+x", "√2", "1/2\r"];
    let mut f = std::fs::File::create(&path).unwrap();
    for l in lines {
        writeln!(f, "{l}").unwrap();
    }
    drop(f);

    let o = mathgrade(&["canon", "--file", path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let records: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    let inputs: Vec<&str> = records.iter().map(|r| r["input"].as_str().unwrap()).collect();
    assert_eq!(inputs, ["\\frac{2}{4}", "\\frac{1", "x+x", "√2", "1/2"]);
    for r in &records {
        let obj = r.as_object().unwrap();
        let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        if obj.contains_key("error") {
            let span = r["span"].as_array().expect("span");
            let (s, e) = (span[0].as_u64().unwrap(), span[1].as_u64().unwrap());
            assert!(s <= e && e as usize <= r["input"].as_str().unwrap().len(), "{r}");
            assert_eq!(obj.len(), 3, "{r}");
        } else {
            assert_eq!(keys, ["input", "latex", "plain", "spoken"], "{r}");
        }
    }
    // Field order as documented: input first.
    for l in out.lines() {
        assert!(l.starts_with("{\"input\":"), "{l}");
    }
    // The malformed line is an error; the others are not.
    assert!(records[1].get("error").is_some(), "{}", records[1]);
    for i in [0, 2, 3, 4] {
        assert!(records[i].get("error").is_none(), "{}", records[i]);
    }
    // The batch agrees with the one-expression command.
    let single = canon("\\frac{2}{4}");
    assert_eq!(
        single,
        format!(
            "latex: {}\nplain: {}\nspoken: {}\n",
            records[0]["latex"].as_str().unwrap(),
            records[0]["plain"].as_str().unwrap(),
            records[0]["spoken"].as_str().unwrap()
        )
    );
    assert_eq!(records[0]["latex"], records[4]["latex"]);
}

#[test]
fn canon_file_missing_is_an_io_error() {
    let o = mathgrade(&["canon", "--file", "/nonexistent/mathgrade/answers.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));
}

/// The sample file runs through without dropping a line, and only its one
/// deliberately malformed line is an error.
#[test]
fn sample_answers_file() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/answers.txt");
    let o = mathgrade(&["canon", "--file", path]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(path).unwrap();
    let inputs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let out = stdout(&o);
    let records: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), inputs.len());
    for (r, i) in records.iter().zip(&inputs) {
        assert_eq!(r["input"], *i);
    }
    let failed: Vec<&str> =
        records.iter().filter(|r| r.get("error").is_some()).map(|r| r["input"].as_str().unwrap()).collect();
    assert_eq!(failed, ["\\frac{1}{2"], "only the malformed line fails:\n{out}");
}

// ----- check -----

#[test]
fn check_prints_the_verdict_with_exit_codes() {
    let o = mathgrade(&["check", "\\frac{1}{2}", "0.5"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "equal\n");
    let o = mathgrade(&["check", "3", "The answer is $4$."]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o), "not equal\n");
    // Free text on both sides: the answers are extracted.
    let o = mathgrade(&["check", "$\\frac{1}{3}$", "Therefore, the final answer is $\\boxed{\\frac{1}{3}}$."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn check_explain_and_options() {
    let o = mathgrade(&["check", "\\frac12", "0.5", "--explain"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert_eq!(lines[0], "equal");
    assert!(lines[1].starts_with("method: "), "{out}");
    assert_eq!(lines[2], "gold: \\frac{1}{2}");
    assert_eq!(lines[3], "pred: \\frac{1}{2}");
    assert!(lines[4].starts_with("note: "), "{out}");
    // Options reach the comparer: a prediction set against a gold relation
    // is compared either way only with --allow-set-relation-comp.
    let o = mathgrade(&["check", "x \\in [-2,7]", "-2 \\le x \\le 7"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let o = mathgrade(&["check", "x \\in [-2,7]", "-2 \\le x \\le 7", "--allow-set-relation-comp"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = mathgrade(&["check", "1", "2", "--precision", "3", "--no-strict"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn check_bad_usage_exits_2() {
    assert_eq!(mathgrade(&["check", "1"]).status.code(), Some(2));
    assert_eq!(mathgrade(&["check", "1", "1", "--precision", "x"]).status.code(), Some(2));
}

// ----- grade -----

const GRADE_SMALL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/grade_small.jsonl");

#[test]
fn grade_writes_every_record_back_in_order() {
    let o = mathgrade(&["grade", GRADE_SMALL]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    // 11 lines in the file, one blank: 10 out.
    assert_eq!(lines.len(), 10, "{out}");
    // Key order preserved, fields added at the end.
    assert!(
        lines[1].starts_with(r#"{"gold":"3","pred":"The answer is $4$.","expected":false,"id":2,"correct":false,"#),
        "{}",
        lines[1]
    );
    let rec: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(rec["correct"], true);
    assert_eq!(rec["pred_answer"], "\\frac{1}{2}");
    assert!(rec["method"].is_string());
    let keys: Vec<&str> = rec.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(keys, ["id", "gold", "pred", "expected", "correct", "pred_answer", "method", "rule"]);
    // A bare prediction is read whole.
    assert_eq!(rec["rule"], "whole_text");
    // `output` when there is no `pred`.
    let rec: serde_json::Value = serde_json::from_str(lines[2]).unwrap();
    assert_eq!(rec["correct"], true, "{}", lines[2]);
}

#[test]
fn grade_reports_unreadable_lines_and_goes_on() {
    let o = mathgrade(&["grade", GRADE_SMALL]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    let err4: serde_json::Value = serde_json::from_str(lines[3]).unwrap();
    assert_eq!(err4["line"], 4);
    assert!(err4["error"].as_str().unwrap().starts_with("bad JSON"), "{}", lines[3]);
    assert!(lines[3].starts_with(r#"{"line":4,"error":"#), "{}", lines[3]);
    let err8: serde_json::Value = serde_json::from_str(lines[6]).unwrap();
    assert_eq!(err8, serde_json::json!({"line": 8, "error": "not a JSON object"}));
    let err = stderr(&o);
    assert!(err.contains("line 4: bad JSON"), "{err}");
    assert!(err.contains("line 8: not a JSON object"), "{err}");
    // A record without its gold is kept, marked, and reported.
    let rec: serde_json::Value = serde_json::from_str(lines[8]).unwrap();
    assert_eq!(rec["id"], 9);
    assert_eq!(rec["correct"], false);
    assert_eq!(rec["error"], "no gold field `gold`");
    assert!(err.contains("line 10: no gold field `gold`"), "{err}");
    // The records after the bad lines were graded.
    let rec: serde_json::Value = serde_json::from_str(lines[7]).unwrap();
    assert_eq!(rec["correct"], true, "{}", lines[7]);
}

#[test]
fn grade_expect_prints_the_agreement_line() {
    let o = mathgrade(&["grade", GRADE_SMALL, "--expect", "expected"]);
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    // 7 records carry `expected`: 1, 2, 3, 8 agree; 5 is a false positive
    // (equal by design); 6 (no answer) and 9 (no gold) are false negatives.
    assert!(
        err.lines().any(|l| l == "agreement: 4/7 (57.14%)  false positives: 1  false negatives: 2"),
        "{err}"
    );
    let slowest = err.lines().find(|l| l.starts_with("slowest: ")).unwrap_or_else(|| panic!("{err}"));
    let rest = slowest.strip_prefix("slowest: ").unwrap();
    let (ms, place) = rest.split_once(" ms (line ").unwrap_or_else(|| panic!("{slowest}"));
    assert!(ms.parse::<f64>().is_ok() && ms.split_once('.').is_some_and(|(_, d)| d.len() == 2), "{slowest}");
    // `(line 3)`, or `(line 3, id 3)` for a record with an id.
    let line = place.trim_end_matches(')').split(", id ").next().unwrap();
    assert!(place.ends_with(')') && line.parse::<usize>().is_ok(), "{slowest}");
    assert!(err.lines().any(|l| l.starts_with("graded 8 records in ")), "{err}");
    // Without --expect, no agreement line.
    let o = mathgrade(&["grade", GRADE_SMALL]);
    assert!(!stderr(&o).contains("agreement:"));
}

#[test]
fn grade_field_overrides() {
    let o = mathgrade(&["grade", GRADE_SMALL, "--gold-field", "answer", "--pred-field", "response"]);
    let out = stdout(&o);
    let last: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    assert_eq!(last["id"], 10);
    assert_eq!(last["correct"], true, "{last}");
    assert_eq!(last["pred_answer"], "12");
}

#[test]
fn grade_reads_stdin_and_reports_a_missing_file() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mathgrade"))
        .args(["grade", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run mathgrade");
    child.stdin.take().unwrap().write_all(b"{\"gold\": \"2\", \"pred\": \"2.0\"}\n").unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(
        stdout(&o),
        "{\"gold\":\"2\",\"pred\":\"2.0\",\"correct\":true,\"pred_answer\":\"2\",\"method\":\"exact\",\"rule\":\"whole_text\"}\n"
    );
    let o = mathgrade(&["grade", "/nonexistent/file.jsonl"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));
}

/// Run `mathgrade grade` on `input` (given on stdin) with `args`.
fn grade_stdin(input: &str, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mathgrade"))
        .args(["grade", "-"])
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run mathgrade");
    // Written from another thread: the output pipe fills while a large
    // input is still being written.
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn correct_column(o: &Output) -> Vec<bool> {
    stdout(o).lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["correct"].as_bool().unwrap()).collect()
}

#[test]
fn grade_dataset_presets() {
    let gsm = "{\"gold\": \"So 3*4=<<3*4=12>>12 in all.\\n#### 1,212\", \"pred\": \"The answer is 1212.\"}\n";
    assert_eq!(correct_column(&grade_stdin(gsm, &["--dataset", "gsm8k"])), [true]);
    // An inequality answers an interval under a free-response preset only.
    let ineq = "{\"gold\": \"[\\\\frac12, 8]\", \"pred\": \"so $\\\\frac{1}{2} \\\\le x \\\\le 8$.\"}\n";
    assert_eq!(correct_column(&grade_stdin(ineq, &["--dataset", "math"])), [true]);
    assert_eq!(correct_column(&grade_stdin(ineq, &[])), [false]);
    // A record's own `dataset` field picks its preset under `auto`; a
    // record option still wins over the preset.
    let own = ineq.replace("}\n", ", \"dataset\": \"MATH\"}\n");
    assert_eq!(correct_column(&grade_stdin(&own, &[])), [true]);
    let overridden = ineq.replace("}\n", ", \"dataset\": \"MATH\", \"allow_set_relation_comp\": false}\n");
    assert_eq!(correct_column(&grade_stdin(&overridden, &[])), [false]);
    let bad = grade_stdin("", &["--dataset", "klingon"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("unknown dataset `klingon`"), "{}", stderr(&bad));
}

#[test]
fn grade_options_in_the_problem_choose_a_letter() {
    let rec = |gold: &str| {
        format!(
            "{{\"gold\": \"{gold}\", \"output\": \"70,000/175 = 400\", \"question\": \"How many?\\nAnswer Choices: A)453 B)651 C)400\"}}\n"
        )
    };
    let input = rec("C") + &rec("B");
    let o = grade_stdin(&input, &["--dataset", "aqua"]);
    assert_eq!(correct_column(&o), [true, false]);
    let first: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(first["method"], "choice");
}

#[test]
fn grade_report_groups_and_order_across_threads() {
    // Two problems, three samples each; answers in different forms.
    let mut input = String::new();
    let samples = [("p", "1/2", "\\\\boxed{0.5}"), ("p", "1/2", "\\\\boxed{\\\\frac{2}{4}}"), ("p", "1/2", "\\\\boxed{3}"),
        ("q", "7", "The answer is 7."), ("q", "7", "The answer is 8."), ("q", "7", "The answer is 8.")];
    for (k, (pid, gold, out)) in samples.iter().enumerate() {
        input += &format!("{{\"id\": {k}, \"pid\": \"{pid}\", \"gold\": \"{gold}\", \"output\": \"{out}\", \"label\": {}}}\n", k != 2 && k != 4 && k != 5);
    }
    // Many copies: batches run in parallel, output stays in input order.
    let copies = 300;
    let big = input.repeat(copies);
    let dir = std::env::temp_dir().join(format!("mathgrade-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("report.json");
    let o = grade_stdin(&big, &["--group-field", "pid", "--expect", "label", "--k", "1,3", "--threads", "2", "--report", report.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ids: Vec<u64> = stdout(&o).lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_u64().unwrap()).collect();
    let want: Vec<u64> = (0..copies).flat_map(|_| 0..6u64).collect();
    assert_eq!(ids, want);
    let r: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(r["records"], 6 * copies);
    assert_eq!(r["correct"], 3 * copies);
    assert_eq!(r["agreement"]["agree"], 6 * copies);
    assert_eq!(r["extraction_rules"]["boxed"], 3 * copies);
    assert_eq!(r["extraction_rules"]["final_answer_phrase"], 3 * copies);
    assert_eq!(r["timing"]["threads"], 2);
    assert_eq!(r["groups"]["groups"], 2);
    // p: 2 of 3 right in each copy's group... all copies share the group `p`:
    // 600 samples of which 400 right; q: 300 of 900.
    let pass1 = r["groups"]["pass_at_k"]["1"].as_f64().unwrap();
    assert!((pass1 - (2.0 / 3.0 + 1.0 / 3.0) / 2.0).abs() < 1e-12, "{pass1}");
    // maj@3 over the first three samples: p votes 1/2 (0.5 and 2/4 are one
    // key) → right; q votes 8 → wrong.
    assert_eq!(r["groups"]["maj_at_k"]["3"], 0.5);
    assert_eq!(r["groups"]["worst_case"], 0.0);
    assert_eq!(r["slowest"].as_array().unwrap().len(), 10);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn grade_reads_csv() {
    let dir = std::env::temp_dir().join(format!("mathgrade-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("answers.csv");
    std::fs::write(&path, "gold,pred,ok\n1.50,\"It is 1.5, I think\",true\n\\frac12,0.4,false\n").unwrap();
    let o = mathgrade(&["grade", path.to_str().unwrap(), "--expect", "ok"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["gold"], "1.50");
    assert_eq!(lines[0]["correct"], true);
    assert_eq!(lines[1]["correct"], false);
    assert!(stderr(&o).lines().any(|l| l == "agreement: 2/2 (100.00%)  false positives: 0  false negatives: 0"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}
