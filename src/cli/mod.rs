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

pub mod record;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use mathgrade::compare::{verify_str, Options, Verdict};
use serde_json::{json, Map, Value};

use record::{grade, method_name, Fields, Tally};

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
    pub base: Options,
}

/// `mathgrade grade FILE` (`-` reads stdin).
pub fn cmd_grade(path: &Path, args: &GradeArgs<'_>) -> io::Result<ExitCode> {
    let input: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(
            File::open(path).map_err(|e| io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display())))?,
        )
    };
    let mut reader = BufReader::new(input);
    let mut out = BufWriter::new(io::stdout().lock());
    let mut tally = Tally::default();
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        let line = match std::str::from_utf8(&buf) {
            Ok(l) => l,
            Err(e) => {
                unreadable(&mut out, line_no, &format!("not UTF-8: {e}"))?;
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let mut rec: Map<String, Value> = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(m)) => m,
            Ok(_) => {
                unreadable(&mut out, line_no, "not a JSON object")?;
                continue;
            }
            Err(e) => {
                unreadable(&mut out, line_no, &format!("bad JSON: {e}"))?;
                continue;
            }
        };
        let correct = match grade(&rec, &args.fields, &args.base) {
            Ok(g) => {
                tally.time(g.millis, format!("line {line_no}"));
                rec.insert("correct".into(), Value::Bool(g.verdict.equal));
                rec.insert("pred_answer".into(), g.verdict.pred_canonical.clone().map_or(Value::Null, Value::String));
                rec.insert("method".into(), Value::String(method_name(&g.verdict)));
                g.verdict.equal
            }
            Err(e) => {
                eprintln!("line {line_no}: {e}");
                rec.insert("correct".into(), Value::Bool(false));
                rec.insert("pred_answer".into(), Value::Null);
                rec.insert("method".into(), Value::Null);
                rec.insert("error".into(), Value::String(e));
                false
            }
        };
        if let Some(field) = args.expect {
            if let Some(expected) = rec.get(field).and_then(Value::as_bool) {
                tally.add(expected, correct, None);
            }
        }
        let json = serde_json::to_string(&Value::Object(rec)).map_err(io::Error::other)?;
        writeln!(out, "{json}")?;
    }
    out.flush()?;
    if args.expect.is_some() {
        eprintln!("{}", tally.agreement_line());
    }
    if let Some(line) = tally.slowest_line() {
        eprintln!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// A line that is not a record: reported, and written as an error object.
fn unreadable(out: &mut impl Write, line_no: usize, error: &str) -> io::Result<()> {
    eprintln!("line {line_no}: {error}");
    let json = serde_json::to_string(&json!({"line": line_no, "error": error})).map_err(io::Error::other)?;
    writeln!(out, "{json}")
}
