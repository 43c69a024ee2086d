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

/// `mathgrade canon INPUT`: the two output lines, asserting success.
fn canon(input: &str) -> String {
    let o = mathgrade(&["canon", input]);
    assert!(o.status.success(), "mathgrade canon {input:?} failed ({:?}):\n{}", o.status.code(), stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "expected `latex:` and `plain:` lines, got {out:?}");
    assert!(lines[0].starts_with("latex: "), "{out:?}");
    assert!(lines[1].starts_with("plain: "), "{out:?}");
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
    assert_eq!(canon("\\frac{2}{4}"), "latex: \\frac{1}{2}\nplain: 1/2\n");
    assert_eq!(canon("2\\frac{1}{2}"), "latex: \\frac{5}{2}\nplain: 5/2\n");
    assert_eq!(canon("x+x"), "latex: 2 x\nplain: 2*x\n");
    assert_eq!(canon("\\sqrt{8}"), "latex: 2 \\sqrt{2}\nplain: 2*sqrt(2)\n");
    assert_eq!(canon("b+a"), "latex: a + b\nplain: a + b\n");
    assert_eq!(canon("(x+1)^2"), "latex: x^{2} + 2 x + 1\nplain: x^2 + 2*x + 1\n");
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
            assert!(keys.contains(&"latex") && keys.contains(&"plain"), "{r}");
            assert_eq!(obj.len(), 3, "{r}");
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
        format!("latex: {}\nplain: {}\n", records[0]["latex"].as_str().unwrap(), records[0]["plain"].as_str().unwrap())
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
