//! `mathgrade.Extraction` and `extract` / `extract_all`: where the answer is
//! in a model's output.

use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

use mathgrade::compare::Options;

use crate::errors::parse_error;
use crate::expr::Expr;
use crate::names::{self, name_of};
use crate::text::char_span;

/// An answer found in a text. `text`: the answer without its delimiters.
/// `span`: (start, end) in code points of the searched text (for joined
/// answers, from the first to the end of the last). `rule`: the rule that
/// found it ("boxed", "final_answer_phrase", "latex_env", "number", ...).
/// `syntax`: "latex" or "plain", how `parse()` reads `text`.
#[pyclass(module = "mathgrade", name = "Extraction", frozen, get_all)]
#[derive(Clone, Debug, PartialEq)]
pub struct Extraction {
    pub text: String,
    pub span: (usize, usize),
    pub rule: String,
    pub syntax: String,
}

impl Extraction {
    fn from_core(source: &str, e: mathgrade::extract::Extraction) -> Extraction {
        Extraction { span: char_span(source, e.span), rule: name_of(&e.rule), syntax: name_of(&e.syntax), text: e.text }
    }
}

#[pymethods]
impl Extraction {
    #[new]
    fn py_new(text: String, span: (usize, usize), rule: String, syntax: String) -> Extraction {
        Extraction { text, span, rule, syntax }
    }

    /// The answer as a tree. Raises `mathgrade.ParseError`.
    fn parse(&self, py: Python<'_>) -> PyResult<Expr> {
        let syntax = names::syntax(&self.syntax)?;
        mathgrade::parse(&self.text, syntax).map(Expr::new).map_err(|e| parse_error(py, &e, &self.text))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Extraction>().is_ok_and(|o| *o.get() == *self)
    }

    fn __ne__(&self, other: &Bound<'_, PyAny>) -> bool {
        !self.__eq__(other)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Extraction(text={}, span=({}, {}), rule={}, syntax={})",
            PyString::new(py, &self.text).repr()?.to_cow()?,
            self.span.0,
            self.span.1,
            PyString::new(py, &self.rule).repr()?.to_cow()?,
            PyString::new(py, &self.syntax).repr()?.to_cow()?
        ))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let e = slf.get();
        let args = (e.text.clone(), e.span, e.rule.clone(), e.syntax.clone()).into_pyobject(py)?;
        PyTuple::new(py, [py.get_type::<Extraction>().into_any(), args.into_any()])
    }
}

/// The targets and box priority a prediction is searched with under
/// `dataset` (a multiple-choice preset looks for option letters first).
fn search_options(dataset: &str, targets: Option<Vec<String>>, boxed_match_priority: i32) -> PyResult<Options> {
    let dataset = names::dataset(dataset)?;
    let mut base = Options { boxed_match_priority, ..Options::default() };
    if let Some(t) = targets {
        base.pred_targets = names::targets(&t, "targets")?;
    }
    Ok(dataset.options(&base))
}

/// The best answer candidate in `output`, or None. Grading parses the
/// candidates of `extract_all` in order and keeps the first that parses;
/// this is the first candidate.
#[pyfunction]
#[pyo3(signature = (output, *, dataset = "auto", targets = None, boxed_match_priority = 50))]
pub fn extract(
    output: &str,
    dataset: &str,
    targets: Option<Vec<String>>,
    boxed_match_priority: i32,
) -> PyResult<Option<Extraction>> {
    let o = search_options(dataset, targets, boxed_match_priority)?;
    Ok(mathgrade::extract::extract(output, &o.pred_targets, o.boxed_match_priority).map(|e| Extraction::from_core(output, e)))
}

/// Every answer candidate in `output`, best first.
#[pyfunction]
#[pyo3(signature = (output, *, dataset = "auto", targets = None, boxed_match_priority = 50))]
pub fn extract_all(
    output: &str,
    dataset: &str,
    targets: Option<Vec<String>>,
    boxed_match_priority: i32,
) -> PyResult<Vec<Extraction>> {
    let o = search_options(dataset, targets, boxed_match_priority)?;
    Ok(mathgrade::extract::extract_all(output, &o.pred_targets, o.boxed_match_priority)
        .into_iter()
        .map(|e| Extraction::from_core(output, e))
        .collect())
}

/// The answer grading reads in `text`, parsed: the first candidate of
/// `extract_all` that parses, else the whole text; None when nothing reads.
/// `gold=True` reads it as a gold answer of `dataset` (the number after
/// `####` for gsm8k, `073` as 73 for aime).
#[pyfunction]
#[pyo3(signature = (text, *, dataset = "auto", gold = false, targets = None, boxed_match_priority = 50))]
pub fn read_answer(
    py: Python<'_>,
    text: &str,
    dataset: &str,
    gold: bool,
    targets: Option<Vec<String>>,
    boxed_match_priority: i32,
) -> PyResult<Option<Expr>> {
    let preset = names::dataset(dataset)?;
    let mut base = Options { boxed_match_priority, ..Options::default() };
    if let Some(t) = targets {
        let t = names::targets(&t, "targets")?;
        base.gold_targets = t.clone();
        base.pred_targets = t;
    }
    let o = preset.options(&base);
    let (text, wanted) = if gold { (preset.gold_text(text), &o.gold_targets) } else { (text.into(), &o.pred_targets) };
    let found = py.detach(|| mathgrade::compare::read_answer(&text, wanted, &o));
    Ok(found.map(|(e, _)| Expr::new(e)))
}
