//! Records for `mathgrade grade`, read in batches from JSON Lines or CSV.
//!
//! JSON Lines: one object a line; blank lines are skipped; a line that is
//! not UTF-8 or not a JSON object becomes an error item (written back as
//! `{"line": n, "error": …}`), so nothing is dropped silently. CSV: the
//! first row names the fields; every cell is a string (`"1.50"` keeps its
//! written digits). Either way the caller sees [`Item`]s in input order.

use std::io::{self, BufRead};

use serde_json::{Map, Value};

/// The format of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `.csv` files are CSV, everything else JSON Lines.
    Auto,
    Jsonl,
    Csv,
}

/// One input record, or why a line is not one.
#[derive(Debug)]
pub struct Item {
    /// The line it starts on (1-based).
    pub line: usize,
    pub record: Result<Map<String, Value>, String>,
}

/// A reader of records in batches.
pub enum Records<R: BufRead> {
    Jsonl { reader: R, line: usize, consumed: u64, buf: Vec<u8> },
    Csv { reader: csv::Reader<R>, headers: Vec<String>, consumed: u64 },
}

impl<R: BufRead> Records<R> {
    /// Records of `reader` in `format` (`Auto` is decided by the caller).
    pub fn new(reader: R, format: Format) -> io::Result<Records<R>> {
        Ok(match format {
            Format::Csv => {
                let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
                let headers = reader
                    .headers()
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("CSV header: {e}")))?
                    .iter()
                    .map(str::to_string)
                    .collect();
                Records::Csv { reader, headers, consumed: 0 }
            }
            _ => Records::Jsonl { reader, line: 0, consumed: 0, buf: Vec::new() },
        })
    }

    /// Bytes read so far (for a progress bar).
    pub fn consumed(&self) -> u64 {
        match self {
            Records::Jsonl { consumed, .. } | Records::Csv { consumed, .. } => *consumed,
        }
    }

    /// Up to `n` more items; empty at the end of the input.
    pub fn next_batch(&mut self, n: usize) -> io::Result<Vec<Item>> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            let item = match self {
                Records::Jsonl { reader, line, consumed, buf } => next_jsonl(reader, line, consumed, buf)?,
                Records::Csv { reader, headers, consumed } => next_csv(reader, headers, consumed)?,
            };
            match item {
                Some(it) => out.push(it),
                None => break,
            }
        }
        Ok(out)
    }
}

fn next_jsonl<R: BufRead>(reader: &mut R, line: &mut usize, consumed: &mut u64, buf: &mut Vec<u8>) -> io::Result<Option<Item>> {
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', buf)?;
        if n == 0 {
            return Ok(None);
        }
        *line += 1;
        *consumed += n as u64;
        let text = match std::str::from_utf8(buf) {
            Ok(t) => t,
            Err(e) => return Ok(Some(Item { line: *line, record: Err(format!("not UTF-8: {e}")) })),
        };
        if text.trim().is_empty() {
            continue;
        }
        let record = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(m)) => Ok(m),
            Ok(_) => Err("not a JSON object".to_string()),
            Err(e) => Err(format!("bad JSON: {e}")),
        };
        return Ok(Some(Item { line: *line, record }));
    }
}

fn next_csv<R: BufRead>(reader: &mut csv::Reader<R>, headers: &[String], consumed: &mut u64) -> io::Result<Option<Item>> {
    let mut row = csv::StringRecord::new();
    match reader.read_record(&mut row) {
        Ok(false) => Ok(None),
        Ok(true) => {
            let pos = row.position().cloned();
            *consumed = reader.position().byte();
            let line = pos.map_or(0, |p| p.line() as usize);
            let mut m = Map::new();
            for (k, h) in headers.iter().enumerate() {
                m.insert(h.clone(), row.get(k).map_or(Value::Null, |v| Value::String(v.to_string())));
            }
            Ok(Some(Item { line, record: Ok(m) }))
        }
        Err(e) => {
            let line = e.position().map_or(0, |p| p.line() as usize);
            *consumed = reader.position().byte();
            match e.kind() {
                // A bad row is reported and skipped; the reader goes on.
                csv::ErrorKind::Utf8 { .. } | csv::ErrorKind::UnequalLengths { .. } => {
                    Ok(Some(Item { line, record: Err(format!("bad CSV row: {e}")) }))
                }
                _ => Err(io::Error::new(io::ErrorKind::InvalidData, format!("CSV: {e}"))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str, format: Format) -> Vec<(usize, Result<Value, String>)> {
        let mut r = Records::new(io::Cursor::new(text.as_bytes().to_vec()), format).unwrap();
        let mut out = Vec::new();
        loop {
            let batch = r.next_batch(2).unwrap();
            if batch.is_empty() {
                break;
            }
            out.extend(batch.into_iter().map(|it| (it.line, it.record.map(Value::Object))));
        }
        assert_eq!(r.consumed(), text.len() as u64);
        out
    }

    #[test]
    fn jsonl_lines_and_errors() {
        let got = all("{\"a\": 1}\n\n[1]\nnope\n{\"b\": \"x\"}", Format::Jsonl);
        assert_eq!(got.len(), 4);
        assert_eq!(got[0], (1, Ok(serde_json::json!({"a": 1}))));
        assert_eq!(got[1], (3, Err("not a JSON object".to_string())));
        assert_eq!(got[2].0, 4);
        assert!(got[2].1.as_ref().unwrap_err().starts_with("bad JSON"));
        assert_eq!(got[3], (5, Ok(serde_json::json!({"b": "x"}))));
    }

    #[test]
    fn csv_rows_as_string_records() {
        let got = all("gold,pred,expected\n1.50,\"1.5, I think\",true\n073,73\n", Format::Csv);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], (2, Ok(serde_json::json!({"gold": "1.50", "pred": "1.5, I think", "expected": "true"}))));
        // A short row: the missing cell is null.
        assert_eq!(got[1], (3, Ok(serde_json::json!({"gold": "073", "pred": "73", "expected": null}))));
    }
}
