//! The summary of a `mathgrade grade` run: totals, accuracy by dataset,
//! agreement with an expected field, pass@k / maj@k / worst-case over
//! groups, which extraction rules and comparison methods were used, and
//! the slowest records. Written as JSON with `--report FILE`; its main
//! lines go to stderr at the end of every run.

use std::collections::BTreeMap;

use mathgrade::metrics::{summarize, Sample, Summary};
use serde_json::{json, Value};

use super::record::Counts;

/// What one record contributed.
#[derive(Clone, Debug, Default)]
pub struct Seen {
    pub line: usize,
    /// The record's `id`, if it has one.
    pub id: Option<String>,
    /// The record's dataset name (its own field, or the preset's name).
    pub dataset: String,
    pub correct: bool,
    /// The expected verdict, with `--expect`.
    pub expected: Option<bool>,
    /// Extraction rule of the prediction (`none` when nothing was found).
    pub rule: String,
    /// Comparison method; `None` for a record that could not be graded.
    pub method: Option<String>,
    pub millis: Option<f64>,
    /// The predicted answer's key, for majority votes.
    pub key: Option<String>,
    /// The group (with `--group-field`).
    pub group: Option<String>,
}

/// How many slowest records the report lists.
const SLOWEST: usize = 10;

/// Totals over a run.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub records: usize,
    pub unreadable_lines: usize,
    /// Records that could not be graded (no gold, a bad option).
    pub errors: usize,
    pub correct: usize,
    pub agreement: Counts,
    pub datasets: BTreeMap<String, (usize, usize, Counts)>,
    pub rules: BTreeMap<String, usize>,
    pub methods: BTreeMap<String, usize>,
    /// (ms, line, id), slowest first.
    pub slowest: Vec<(f64, usize, Option<String>)>,
    pub samples: Vec<Sample>,
}

impl Report {
    pub fn add(&mut self, s: Seen) {
        self.records += 1;
        self.correct += usize::from(s.correct);
        let ds = self.datasets.entry(s.dataset).or_default();
        ds.0 += 1;
        ds.1 += usize::from(s.correct);
        if let Some(e) = s.expected {
            self.agreement.add(e, s.correct);
            ds.2.add(e, s.correct);
        }
        match &s.method {
            Some(m) => {
                *self.rules.entry(s.rule).or_default() += 1;
                *self.methods.entry(m.clone()).or_default() += 1;
            }
            None => self.errors += 1,
        }
        if let Some(ms) = s.millis {
            self.note_time(ms, s.line, s.id);
        }
        if let Some(group) = s.group {
            self.samples.push(Sample { group, key: s.key, correct: s.correct });
        }
    }

    fn note_time(&mut self, ms: f64, line: usize, id: Option<String>) {
        if self.slowest.len() == SLOWEST && self.slowest.last().is_some_and(|(m, _, _)| *m >= ms) {
            return;
        }
        let at = self.slowest.partition_point(|(m, _, _)| *m >= ms);
        self.slowest.insert(at, (ms, line, id));
        self.slowest.truncate(SLOWEST);
    }

    /// pass@k / maj@k / worst-case over the groups, with `ks`; `None`
    /// without groups.
    pub fn group_summary(&self, ks: &[usize]) -> Option<Summary> {
        (!self.samples.is_empty()).then(|| summarize(&self.samples, ks))
    }

    /// The k for pass@k and maj@k: those asked for, else 1 and the powers
    /// of two up to the largest group.
    pub fn ks(&self, asked: &[usize]) -> Vec<usize> {
        if !asked.is_empty() {
            return asked.to_vec();
        }
        let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
        for s in &self.samples {
            *sizes.entry(s.group.as_str()).or_default() += 1;
        }
        let largest = sizes.values().copied().max().unwrap_or(1);
        let mut ks = vec![1];
        let mut k = 2;
        while k <= largest {
            ks.push(k);
            k *= 2;
        }
        if !ks.contains(&largest) {
            ks.push(largest);
        }
        ks
    }

    /// The JSON report.
    pub fn to_json(&self, ctx: &RunInfo<'_>) -> Value {
        let pct = |a: usize, n: usize| if n == 0 { 0.0 } else { a as f64 / n as f64 };
        let counts = |c: &Counts| {
            json!({
                "n": c.n, "agree": c.agree, "percent": c.percent(),
                "false_positives": c.false_pos, "false_negatives": c.false_neg,
            })
        };
        let datasets: serde_json::Map<String, Value> = self
            .datasets
            .iter()
            .map(|(name, (n, c, agree))| {
                let mut v = json!({"records": n, "correct": c, "accuracy": pct(*c, *n)});
                if ctx.expect.is_some() {
                    v["agreement"] = counts(agree);
                }
                (name.clone(), v)
            })
            .collect();
        let ks = self.ks(ctx.ks);
        let groups = self.group_summary(&ks).map(|s| {
            json!({
                "field": ctx.group_field, "groups": s.groups, "samples": s.samples,
                "pass_at_k": s.pass_at_k, "maj_at_k": s.maj_at_k, "worst_case": s.worst_case,
            })
        });
        let slowest: Vec<Value> =
            self.slowest.iter().map(|(ms, line, id)| json!({"line": line, "id": id, "ms": ms})).collect();
        json!({
            "input": ctx.input,
            "records": self.records,
            "unreadable_lines": self.unreadable_lines,
            "errors": self.errors,
            "correct": self.correct,
            "accuracy": pct(self.correct, self.records),
            "agreement": ctx.expect.map(|f| {
                let mut v = counts(&self.agreement);
                v["field"] = json!(f);
                v
            }),
            "datasets": datasets,
            "groups": groups,
            "extraction_rules": self.rules,
            "methods": self.methods,
            "slowest": slowest,
            "timing": {
                "seconds": ctx.seconds,
                "items_per_second": if ctx.seconds > 0.0 { self.records as f64 / ctx.seconds } else { 0.0 },
                "threads": ctx.threads,
            },
        })
    }

    /// The lines printed on stderr at the end of a run.
    pub fn summary_lines(&self, ctx: &RunInfo<'_>) -> Vec<String> {
        let mut out = Vec::new();
        let rate = if ctx.seconds > 0.0 { self.records as f64 / ctx.seconds } else { 0.0 };
        out.push(format!(
            "graded {} records in {:.2} s ({:.0} items/s, {} threads): {} correct ({:.2}%)",
            self.records,
            ctx.seconds,
            rate,
            ctx.threads,
            self.correct,
            if self.records == 0 { 0.0 } else { 100.0 * self.correct as f64 / self.records as f64 }
        ));
        if ctx.expect.is_some() {
            let c = &self.agreement;
            out.push(format!(
                "agreement: {}/{} ({:.2}%)  false positives: {}  false negatives: {}",
                c.agree,
                c.n,
                c.percent(),
                c.false_pos,
                c.false_neg
            ));
        }
        if let Some(s) = self.group_summary(&self.ks(ctx.ks)) {
            let pass: Vec<String> = s.pass_at_k.iter().map(|(k, v)| format!("pass@{k} {:.4}", v)).collect();
            let maj: Vec<String> = s.maj_at_k.iter().map(|(k, v)| format!("maj@{k} {:.4}", v)).collect();
            out.push(format!(
                "{} groups by `{}`: {}  {}  worst-case {:.4}",
                s.groups,
                ctx.group_field.unwrap_or("?"),
                pass.join(" "),
                maj.join(" "),
                s.worst_case
            ));
        }
        if let Some((ms, line, id)) = self.slowest.first() {
            let place = match id {
                Some(id) => format!("line {line}, id {id}"),
                None => format!("line {line}"),
            };
            out.push(format!("slowest: {ms:.2} ms ({place})"));
        }
        out
    }
}

/// Facts about the run the report states.
pub struct RunInfo<'a> {
    pub input: &'a str,
    pub expect: Option<&'a str>,
    pub group_field: Option<&'a str>,
    pub ks: &'a [usize],
    pub seconds: f64,
    pub threads: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(line: usize, group: &str, key: &str, correct: bool, ms: f64) -> Seen {
        Seen {
            line,
            id: Some(format!("r{line}")),
            dataset: if line % 2 == 0 { "gsm8k".into() } else { "math".into() },
            correct,
            expected: Some(true),
            rule: "boxed".into(),
            method: Some("exact".into()),
            millis: Some(ms),
            key: Some(key.into()),
            group: Some(group.into()),
        }
    }

    #[test]
    fn totals_groups_and_slowest() {
        let mut r = Report::default();
        r.add(seen(1, "p", "a", true, 0.2));
        r.add(seen(2, "p", "b", false, 0.9));
        r.add(seen(3, "p", "a", true, 0.1));
        r.add(seen(4, "q", "c", true, 0.5));
        r.add(Seen { line: 5, dataset: "math".into(), rule: "none".into(), ..Seen::default() });
        assert_eq!((r.records, r.correct, r.errors), (5, 3, 1));
        assert_eq!(r.rules.get("boxed"), Some(&4));
        assert_eq!(r.rules.get("none"), None);
        assert_eq!(r.datasets["gsm8k"].0, 2);
        assert_eq!(r.datasets["math"], (3, 2, Counts { n: 2, agree: 2, false_pos: 0, false_neg: 0 }));
        let order: Vec<usize> = r.slowest.iter().map(|s| s.1).collect();
        assert_eq!(order, [2, 4, 1, 3]);
        // Groups p (3 samples) and q (1): ks 1 and 2, then the largest, 3.
        assert_eq!(r.ks(&[]), [1, 2, 3]);
        assert_eq!(r.ks(&[4]), [4]);
        let s = r.group_summary(&[1]).unwrap();
        assert_eq!((s.groups, s.samples), (2, 4));
        // Worst case: q is all right, p is not.
        assert!((s.worst_case - 0.5).abs() < 1e-12);
        let info = RunInfo { input: "f", expect: Some("label"), group_field: Some("pid"), ks: &[], seconds: 2.0, threads: 1 };
        let j = r.to_json(&info);
        assert_eq!(j["records"], 5);
        assert_eq!(j["agreement"]["false_negatives"], 1);
        assert_eq!(j["agreement"]["field"], "label");
        assert_eq!(j["groups"]["groups"], 2);
        assert_eq!(j["slowest"][0]["id"], "r2");
        assert_eq!(j["timing"]["items_per_second"], 2.5);
        let lines = r.summary_lines(&info);
        assert_eq!(lines[0], "graded 5 records in 2.00 s (2 items/s, 1 threads): 3 correct (60.00%)");
        assert_eq!(lines[1], "agreement: 3/4 (75.00%)  false positives: 0  false negatives: 1");
        assert!(lines[2].starts_with("2 groups by `pid`: pass@1 0.8333 pass@2 1.0000 pass@3 1.0000  maj@1 "), "{}", lines[2]);
        assert_eq!(lines[3], "slowest: 0.90 ms (line 2, id r2)");
    }

    #[test]
    fn only_the_slowest_ten_are_kept() {
        let mut r = Report::default();
        for k in 0..30 {
            r.note_time(k as f64, k, None);
        }
        assert_eq!(r.slowest.len(), 10);
        assert_eq!(r.slowest[0].0, 29.0);
        assert_eq!(r.slowest[9].0, 20.0);
    }
}
