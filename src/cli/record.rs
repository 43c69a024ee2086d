//! Grading JSON Lines records: where a record keeps its gold and predicted
//! answers, the options it asks for, the verdict, and the agreement of
//! verdicts with an expected field.
//!
//! Shared by `mathgrade grade` and the corpus conformance test
//! (`tests/conformance_grading.rs` includes this file with `#[path]`), so
//! both grade a record the same way. It only uses the public `mathgrade`
//! API.
//!
//! Fields read (the names are options of `mathgrade grade`):
//!
//! | field | default | meaning |
//! |---|---|---|
//! | gold | `gold` | the gold answer, as the dataset writes it |
//! | prediction | `pred`, else `output` | a bare answer or a whole model output |
//! | problem | `problem`, else `question` | the problem text: its options (`(A) 1 (B) 2`) let a value choose a letter |
//! | dataset | `dataset`, else `data_source`, else `data_name` | with `--dataset auto`, a preset name here applies to the record |
//!
//! Per-record overrides (meanings as in Math-Verify), applied after the
//! dataset preset:
//!
//! | field | type | effect |
//! |---|---|---|
//! | `extract` | list of `"latex"` / `"expr"` / `"string"` | extraction targets for gold and prediction |
//! | `gold_extract`, `pred_extract` | same | targets for one side (win over `extract`) |
//! | `precision` | integer | `Options::precision` |
//! | `strict` | bool | `Options::strict` |
//! | `allow_set_relation_comp` | bool | `Options::allow_set_relation_comp` |
//! | `boxed_match_priority` | integer (`null`: default) | `Options::boxed_match_priority` |
//! | `gold_syntax`, `pred_syntax` | a string (`null`: as `--gold-syntax` / `--pred-syntax` say) | `"spoken"`: that side is speech, read whole as one expression (`Options::pred_syntax`); any other name (`"latex"`, `"plain"`, `"unicode"`, `"written"`…) is written text, extracted as usual |

#![allow(dead_code)] // each includer uses its own part

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::time::Instant;

use mathgrade::compare::{Options, Target, Verdict};
use mathgrade::grade::{grade_with, Dataset, Graded as ItemGraded, Task};
use mathgrade::Syntax;
use serde_json::{Map, Value};

/// Where a record keeps its answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    /// The gold answer's field.
    pub gold: String,
    /// The prediction's field; `None`: `pred`, falling back to `output`.
    pub pred: Option<String>,
    /// The problem's field; `None`: `problem`, falling back to `question`.
    pub problem: Option<String>,
    /// The preset for every record; `Auto`: the record's own dataset field
    /// when it names a preset.
    pub dataset: Dataset,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields { gold: "gold".into(), pred: None, problem: None, dataset: Dataset::Auto }
    }
}

/// Where a record may name its dataset (`--dataset auto`).
const DATASET_FIELDS: [&str; 3] = ["dataset", "data_source", "data_name"];

impl Fields {
    /// The gold text of `rec`.
    pub fn gold_text(&self, rec: &Map<String, Value>) -> Result<String, String> {
        match rec.get(&self.gold) {
            Some(v) => text_of(v).ok_or_else(|| format!("field `{}` is not a string or a number", self.gold)),
            None => Err(format!("no gold field `{}`", self.gold)),
        }
    }

    /// The predicted text of `rec`.
    pub fn pred_text(&self, rec: &Map<String, Value>) -> Result<String, String> {
        let (name, v) = match &self.pred {
            Some(name) => (name.as_str(), rec.get(name)),
            None => match rec.get("pred") {
                Some(v) => ("pred", Some(v)),
                None => ("output", rec.get("output")),
            },
        };
        match v {
            Some(v) => text_of(v).ok_or_else(|| format!("field `{name}` is not a string or a number")),
            None if self.pred.is_none() => Err("no prediction field (`pred` or `output`)".into()),
            None => Err(format!("no prediction field `{name}`")),
        }
    }
}

impl Fields {
    /// The problem text of `rec`, if it has one.
    pub fn problem_text<'r>(&self, rec: &'r Map<String, Value>) -> Option<&'r str> {
        match &self.problem {
            Some(name) => rec.get(name).and_then(Value::as_str),
            None => rec.get("problem").or_else(|| rec.get("question")).and_then(Value::as_str),
        }
    }

    /// The preset for `rec`: the one given, else the first dataset field
    /// of the record that names a preset, else `Auto`.
    pub fn dataset_of(&self, rec: &Map<String, Value>) -> Dataset {
        if self.dataset != Dataset::Auto {
            return self.dataset;
        }
        DATASET_FIELDS
            .iter()
            .filter_map(|f| rec.get(*f).and_then(Value::as_str))
            .find_map(Dataset::recognize)
            .unwrap_or(Dataset::Auto)
    }
}

/// A field's text: a string as is, a number (`18`, `0.5`) as written in
/// JSON. `null`, bools, lists and objects have none.
pub fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `base` with the record's overrides (see the module docs).
pub fn record_options(rec: &Map<String, Value>, base: &Options) -> Result<Options, String> {
    let mut o = base.clone();
    if let Some(v) = rec.get("extract").filter(|v| !v.is_null()) {
        let t = targets(v, "extract")?;
        o.gold_targets = t.clone();
        o.pred_targets = t;
    }
    if let Some(v) = rec.get("gold_extract").filter(|v| !v.is_null()) {
        o.gold_targets = targets(v, "gold_extract")?;
    }
    if let Some(v) = rec.get("pred_extract").filter(|v| !v.is_null()) {
        o.pred_targets = targets(v, "pred_extract")?;
    }
    if let Some(v) = rec.get("precision").filter(|v| !v.is_null()) {
        o.precision = v
            .as_u64()
            .and_then(|p| u32::try_from(p).ok())
            .ok_or_else(|| format!("`precision` must be a non-negative integer, not {v}"))?;
    }
    if let Some(v) = rec.get("strict").filter(|v| !v.is_null()) {
        o.strict = v.as_bool().ok_or_else(|| format!("`strict` must be true or false, not {v}"))?;
    }
    if let Some(v) = rec.get("allow_set_relation_comp").filter(|v| !v.is_null()) {
        o.allow_set_relation_comp =
            v.as_bool().ok_or_else(|| format!("`allow_set_relation_comp` must be true or false, not {v}"))?;
    }
    if let Some(v) = rec.get("gold_syntax").filter(|v| !v.is_null()) {
        o.gold_syntax = answer_syntax(v, "gold_syntax")?;
    }
    if let Some(v) = rec.get("pred_syntax").filter(|v| !v.is_null()) {
        o.pred_syntax = answer_syntax(v, "pred_syntax")?;
    }
    if let Some(v) = rec.get("boxed_match_priority").filter(|v| !v.is_null()) {
        o.boxed_match_priority = v
            .as_i64()
            .and_then(|p| i32::try_from(p).ok())
            .ok_or_else(|| format!("`boxed_match_priority` must be an integer, not {v}"))?;
    }
    Ok(o)
}

/// How a side is read, from its syntax name: speech (`"spoken"`) is one
/// expression, read whole; any other name says how written text is
/// written (datasets label `"latex"`, `"plain"`, `"unicode"`, `"python"`),
/// and written text is extracted, in whatever notation.
pub fn answer_syntax(v: &Value, field: &str) -> Result<Option<Syntax>, String> {
    match v.as_str() {
        Some("spoken") => Ok(Some(Syntax::Spoken)),
        Some(_) => Ok(None),
        None => Err(format!("`{field}` must be a syntax name (\"spoken\", \"latex\", ...), not {v}")),
    }
}

/// A list of extraction targets.
fn targets(v: &Value, field: &str) -> Result<Vec<Target>, String> {
    let bad = || format!("`{field}` must be a list of \"latex\", \"expr\", \"string\", not {v}");
    let list = v.as_array().ok_or_else(bad)?;
    let mut out = Vec::with_capacity(list.len());
    for t in list {
        out.push(match t.as_str() {
            Some("latex") => Target::Latex,
            Some("expr") => Target::Expr,
            Some("string") => Target::String,
            _ => return Err(bad()),
        });
    }
    if out.is_empty() {
        return Err(bad());
    }
    Ok(out)
}

/// One record's verdict and how long it took.
#[derive(Clone, Debug)]
pub struct Graded {
    pub verdict: Verdict,
    /// The extraction rule, answer key and chosen option of the prediction.
    pub item: ItemGraded,
    /// The preset the record was graded with.
    pub dataset: Dataset,
    /// Milliseconds for extraction and comparison of this record.
    pub millis: f64,
}

/// Grade one record with [`grade_with`]: the dataset preset, then the
/// record's own options. A record without its answers or with a bad
/// option is an error; so is a panic inside the library.
pub fn grade(rec: &Map<String, Value>, fields: &Fields, base: &Options) -> Result<Graded, String> {
    let gold = fields.gold_text(rec)?;
    let pred = fields.pred_text(rec)?;
    let dataset = fields.dataset_of(rec);
    let opts = record_options(rec, &dataset.options(base))?;
    let task = Task { gold: &gold, pred: &pred, dataset, problem: fields.problem_text(rec) };
    let started = Instant::now();
    let item = panic::catch_unwind(AssertUnwindSafe(|| grade_with(&task, &opts))).map_err(|payload| {
        let what = mathgrade::error::panic_message(&*payload);
        format!("internal error: {what}")
    })?;
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    Ok(Graded { verdict: item.verdict.clone(), item, dataset, millis })
}

/// The `method` of a verdict as written in JSON (`"exact"`, `"no_answer"`).
pub fn method_name(v: &Verdict) -> String {
    match serde_json::to_value(v.method) {
        Ok(Value::String(s)) => s,
        _ => format!("{:?}", v.method),
    }
}

/// Counts of one group of records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub n: usize,
    pub agree: usize,
    /// Expected unequal, graded equal.
    pub false_pos: usize,
    /// Expected equal, graded unequal.
    pub false_neg: usize,
}

impl Counts {
    pub fn add(&mut self, expected: bool, got: bool) {
        self.n += 1;
        if expected == got {
            self.agree += 1;
        } else if got {
            self.false_pos += 1;
        } else {
            self.false_neg += 1;
        }
    }

    /// Agreement in percent (0 when empty).
    pub fn percent(&self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            100.0 * self.agree as f64 / self.n as f64
        }
    }
}

/// Agreement of verdicts with expected ones, overall and by group, and the
/// slowest record.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    pub all: Counts,
    pub groups: BTreeMap<String, Counts>,
    /// Milliseconds and where (`line 17`, a record id).
    pub slowest: Option<(f64, String)>,
}

impl Tally {
    /// Count one verdict against the expected one.
    pub fn add(&mut self, expected: bool, got: bool, group: Option<&str>) {
        self.all.add(expected, got);
        if let Some(g) = group {
            self.groups.entry(g.to_string()).or_default().add(expected, got);
        }
    }

    /// Note how long one record took.
    pub fn time(&mut self, millis: f64, place: impl Into<String>) {
        if self.slowest.as_ref().is_none_or(|(ms, _)| millis > *ms) {
            self.slowest = Some((millis, place.into()));
        }
    }

    /// `agreement: A/N (P%)  false positives: X  false negatives: Y`
    pub fn agreement_line(&self) -> String {
        let c = &self.all;
        format!(
            "agreement: {}/{} ({:.2}%)  false positives: {}  false negatives: {}",
            c.agree,
            c.n,
            c.percent(),
            c.false_pos,
            c.false_neg
        )
    }

    /// `slowest: 0.41 ms (line 17)`, if anything was timed.
    pub fn slowest_line(&self) -> Option<String> {
        self.slowest.as_ref().map(|(ms, place)| format!("slowest: {ms:.2} ms ({place})"))
    }

    /// One line per group with a false positive or negative:
    /// `  family: FP 1, FN 2 (of 40)`.
    pub fn group_lines(&self) -> Vec<String> {
        self.groups
            .iter()
            .filter(|(_, c)| c.false_pos + c.false_neg > 0)
            .map(|(g, c)| format!("  {g}: FP {}, FN {} (of {}, {:.2}%)", c.false_pos, c.false_neg, c.n, c.percent()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn fields_and_fallbacks() {
        let f = Fields::default();
        let r = obj(json!({"gold": "1", "output": "x", "question": "Q?", "data_source": "aime24"}));
        assert_eq!(f.problem_text(&r), Some("Q?"));
        assert_eq!(f.dataset_of(&r), Dataset::Aime);
        assert_eq!(f.dataset_of(&obj(json!({"dataset": "carp_en", "data_name": "gsm8k"}))), Dataset::Gsm8k);
        assert_eq!(f.dataset_of(&obj(json!({"dataset": "carp_en"}))), Dataset::Auto);
        let fixed = Fields { dataset: Dataset::Math, problem: Some("q".into()), ..Fields::default() };
        assert_eq!(fixed.dataset_of(&r), Dataset::Math);
        assert_eq!(fixed.problem_text(&r), None);
        assert_eq!(f.gold_text(&r).unwrap(), "1");
        assert_eq!(f.pred_text(&r).unwrap(), "x");
        let r = obj(json!({"gold": 18, "pred": "y", "output": "x"}));
        assert_eq!(f.gold_text(&r).unwrap(), "18");
        assert_eq!(f.pred_text(&r).unwrap(), "y");
        assert!(f.pred_text(&obj(json!({"gold": "1"}))).is_err());
        assert!(f.gold_text(&obj(json!({"gold": null}))).is_err());
    }

    #[test]
    fn options_from_a_record() {
        let base = Options::default();
        let r = obj(
            json!({"extract": ["expr"], "precision": 2, "strict": false, "allow_set_relation_comp": true, "boxed_match_priority": 0}),
        );
        let o = record_options(&r, &base).unwrap();
        assert_eq!(o.gold_targets, vec![Target::Expr]);
        assert_eq!(o.pred_targets, vec![Target::Expr]);
        assert_eq!((o.precision, o.strict, o.allow_set_relation_comp, o.boxed_match_priority), (2, false, true, 0));
        let r = obj(json!({"extract": ["latex"], "pred_extract": ["string"], "boxed_match_priority": null}));
        let o = record_options(&r, &base).unwrap();
        assert_eq!((o.gold_targets, o.pred_targets), (vec![Target::Latex], vec![Target::String]));
        assert_eq!(o.boxed_match_priority, base.boxed_match_priority);
        assert!(record_options(&obj(json!({"extract": ["bogus"]})), &base).is_err());
        assert!(record_options(&obj(json!({"precision": -1})), &base).is_err());
        // Speech is read whole; written syntaxes are extracted as usual.
        let o = record_options(&obj(json!({"pred_syntax": "spoken", "gold_syntax": "latex"})), &base).unwrap();
        assert_eq!((o.gold_syntax, o.pred_syntax), (None, Some(Syntax::Spoken)));
        let spoken = Options { pred_syntax: Some(Syntax::Spoken), ..Options::default() };
        assert_eq!(record_options(&obj(json!({"pred_syntax": null})), &spoken).unwrap().pred_syntax, Some(Syntax::Spoken));
        assert_eq!(record_options(&obj(json!({"pred_syntax": "unicode"})), &spoken).unwrap().pred_syntax, None);
        assert_eq!(
            record_options(&obj(json!({"pred_syntax": 3})), &base).unwrap_err(),
            "`pred_syntax` must be a syntax name (\"spoken\", \"latex\", ...), not 3"
        );
    }

    #[test]
    fn the_agreement_line() {
        let mut t = Tally::default();
        t.add(true, true, Some("a"));
        t.add(false, true, Some("a"));
        t.add(true, false, Some("b"));
        t.time(0.5, "line 1");
        t.time(0.25, "line 2");
        assert_eq!(t.agreement_line(), "agreement: 1/3 (33.33%)  false positives: 1  false negatives: 1");
        assert_eq!(t.slowest_line().unwrap(), "slowest: 0.50 ms (line 1)");
        assert_eq!(t.group_lines().len(), 2);
    }
}
