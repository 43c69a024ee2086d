//! The `check` and `grade` commands.
//!
//! * `mathgrade check GOLD PRED [--explain] [--precision N]
//!   [--allow-set-relation-comp] [--no-strict]`: `equal` (exit 0) or
//!   `not equal` (exit 1). `--explain` adds the method, both canonical forms
//!   and the note of the verdict.
//! * `mathgrade grade FILE [--gold-field NAME] [--pred-field NAME]
//!   [--expect FIELD]`: every JSON Lines record back on stdout, in its own
//!   key order, with `correct`, `pred_answer` and `method` added (see
//!   [`record`] for the fields read and the per-record options). A line
//!   that cannot be read becomes `{"line": n, "error": "..."}` and is
//!   reported on stderr; the run goes on. On stderr at the end: the
//!   agreement with `--expect FIELD` and the slowest record.

pub mod input;
mod progress;
pub mod record;
mod report;

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use mathgrade::compare::{verify_str, Options, Verdict};
use mathgrade::extract::Rule;
use rayon::prelude::*;
use serde_json::{json, Map, Value};

use input::{Format, Item, Records};
use progress::Progress;
use record::{grade, method_name, Fields};
use report::{Report, RunInfo, Seen};

/// `mathgrade check`: print the verdict; exit 0 when equal, 1 when not.
pub fn cmd_check(gold: &str, pred: &str, explain: bool, opts: &Options) -> io::Result<ExitCode> {
    let v = verify_str(gold, pred, opts);
    let mut out = io::stdout().lock();
    writeln!(out, "{}", if v.equal { "equal" } else { "not equal" })?;
    if explain {
        write_explanation(&mut out, &v)?;
    }
    out.flush()?;
    Ok(if v.equal { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn write_explanation(out: &mut impl Write, v: &Verdict) -> io::Result<()> {
    let form = |c: &Option<String>| c.clone().unwrap_or_else(|| "(not read)".into());
    writeln!(out, "method: {}", method_name(v))?;
    writeln!(out, "gold: {}", form(&v.gold_canonical))?;
    writeln!(out, "pred: {}", form(&v.pred_canonical))?;
    writeln!(out, "note: {}", v.note)
}

/// What `grade` is asked to do.
pub struct GradeArgs<'a> {
    pub fields: Fields,
    /// The field holding the expected verdict (bool), if any.
    pub expect: Option<&'a str>,
    /// The field naming a record's group (problem id) for pass@k etc.
    pub group_field: Option<&'a str>,
    /// k for pass@k / maj@k (empty: 1 and powers of two).
    pub ks: Vec<usize>,
    /// Where to write the JSON report.
    pub report: Option<&'a Path>,
    pub format: Format,
    /// Worker threads (0: one per core).
    pub threads: usize,
    /// Never show a progress bar.
    pub quiet: bool,
    pub base: Options,
}

/// Records graded per parallel batch: large enough to keep every core
/// busy, small enough that output streams.
const BATCH: usize = 512;

/// `mathgrade grade FILE` (`-` reads stdin).
pub fn cmd_grade(path: &Path, args: &GradeArgs<'_>) -> io::Result<ExitCode> {
    let from_stdin = path.as_os_str() == "-";
    let (input, total): (Box<dyn Read + Send>, Option<u64>) = if from_stdin {
        (Box::new(io::stdin()), None)
    } else {
        let f = File::open(path).map_err(|e| io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display())))?;
        let len = f.metadata().ok().map(|m| m.len());
        (Box::new(f), len)
    };
    let format = match args.format {
        Format::Auto if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) => Format::Csv,
        Format::Auto => Format::Jsonl,
        f => f,
    };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads).build().map_err(io::Error::other)?;
    let threads = pool.current_num_threads();
    let mut records = Records::new(BufReader::with_capacity(1 << 16, input), format)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let progress = Progress::new(total, args.quiet);
    let mut report = Report::default();
    let started = Instant::now();
    loop {
        let batch = records.next_batch(BATCH)?;
        if batch.is_empty() {
            break;
        }
        let done: Vec<(String, Option<Seen>, Option<String>)> =
            pool.install(|| batch.into_par_iter().map(|item| grade_item(item, args)).collect());
        for (json, seen, warning) in done {
            if let Some(w) = warning {
                progress.println(&w);
            }
            match seen {
                Some(s) => report.add(s),
                None => report.unreadable_lines += 1,
            }
            writeln!(out, "{json}")?;
        }
        progress.update(records.consumed(), report.records);
    }
    out.flush()?;
    progress.finish();
    let info = RunInfo {
        input: &path.to_string_lossy(),
        expect: args.expect,
        group_field: args.group_field,
        ks: &args.ks,
        seconds: started.elapsed().as_secs_f64(),
        threads,
    };
    for line in report.summary_lines(&info) {
        eprintln!("{line}");
    }
    if let Some(file) = args.report {
        let json = serde_json::to_string_pretty(&report.to_json(&info)).map_err(io::Error::other)?;
        std::fs::write(file, json + "\n")
            .map_err(|e| io::Error::new(e.kind(), format!("cannot write the report {}: {e}", file.display())))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Grade one item: the output line, what it adds to the report (`None`
/// for a line that is not a record) and a warning for stderr.
fn grade_item(item: Item, args: &GradeArgs<'_>) -> (String, Option<Seen>, Option<String>) {
    let line = item.line;
    let mut rec = match item.record {
        Ok(r) => r,
        Err(error) => {
            let json = json!({"line": line, "error": error}).to_string();
            return (json, None, Some(format!("line {line}: {error}")));
        }
    };
    let mut seen = Seen {
        line,
        id: rec.get("id").and_then(|v| record::text_of(v)),
        dataset: dataset_name(&rec, &args.fields),
        group: args.group_field.map(|f| rec.get(f).and_then(|v| record::text_of(v)).unwrap_or_else(|| format!("line {line}"))),
        rule: "none".into(),
        ..Seen::default()
    };
    let mut warning = None;
    match grade(&rec, &args.fields, &args.base) {
        Ok(g) => {
            let rule = g.item.rule.map(rule_name);
            rec.insert("correct".into(), Value::Bool(g.verdict.equal));
            rec.insert("pred_answer".into(), g.verdict.pred_canonical.clone().map_or(Value::Null, Value::String));
            rec.insert("method".into(), Value::String(method_name(&g.verdict)));
            rec.insert("rule".into(), rule.clone().map_or(Value::Null, Value::String));
            seen.correct = g.verdict.equal;
            seen.rule = rule.unwrap_or_else(|| "none".into());
            seen.method = Some(method_name(&g.verdict));
            seen.millis = Some(g.millis);
            seen.key = g.item.key;
        }
        Err(e) => {
            warning = Some(format!("line {line}: {e}"));
            rec.insert("correct".into(), Value::Bool(false));
            rec.insert("pred_answer".into(), Value::Null);
            rec.insert("method".into(), Value::Null);
            rec.insert("rule".into(), Value::Null);
            rec.insert("error".into(), Value::String(e));
        }
    }
    seen.expected = args.expect.and_then(|f| rec.get(f)).and_then(expected_value);
    (Value::Object(rec).to_string(), Some(seen), warning)
}

/// The dataset a record is counted under in the report: its own dataset
/// field, else the preset's name.
fn dataset_name(rec: &Map<String, Value>, fields: &Fields) -> String {
    ["dataset", "data_source", "data_name"]
        .iter()
        .find_map(|f| rec.get(*f).and_then(Value::as_str))
        .map_or_else(|| fields.dataset_of(rec).name().to_string(), str::to_string)
}

/// An expected verdict: a JSON bool, or (from CSV) `true` / `false` /
/// `1` / `0` / `yes` / `no`.
fn expected_value(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Some(true),
            "false" | "0" | "no" => Some(false),
            _ => None,
        },
        Value::Number(n) => n.as_u64().filter(|&k| k <= 1).map(|k| k == 1),
        _ => None,
    }
}

/// The name of an extraction rule as written in JSON (`"boxed"`).
fn rule_name(r: Rule) -> String {
    match serde_json::to_value(r) {
        Ok(Value::String(s)) => s,
        _ => format!("{r:?}"),
    }
}
