//! `mathgrade.Verdict`: whether two answers are equal, and why.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};

use mathgrade::compare::Verdict as CoreVerdict;
use mathgrade::grade::Graded;

use crate::names::name_of;

/// The verdict on one (gold, prediction) pair.
///
/// `equal`: the answer is right. `method`: the rule that decided
/// ("exact", "numeric", "set", "no_answer", "mismatch", ...; "error" only
/// if the core failed on this item). `gold` / `pred`: the answers as read,
/// in canonical LaTeX (None: nothing could be read). `note`: one line on
/// why. `rule`: how the predicted answer was found ("boxed",
/// "final_answer_phrase", ...; None: not found, or the whole text was read).
/// `key`: the predicted answer's key (equivalent answers share it).
/// `chosen`: the option letter a predicted value chose, when that decided.
/// A Verdict is truthy when equal.
#[pyclass(module = "mathgrade", name = "Verdict", frozen, get_all)]
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub equal: bool,
    pub method: String,
    pub gold: Option<String>,
    pub pred: Option<String>,
    pub note: String,
    pub rule: Option<String>,
    pub key: Option<String>,
    pub chosen: Option<String>,
}

impl Verdict {
    pub fn from_core(v: CoreVerdict) -> Verdict {
        Verdict {
            equal: v.equal,
            method: name_of(&v.method),
            gold: v.gold_canonical,
            pred: v.pred_canonical,
            note: v.note,
            rule: None,
            key: None,
            chosen: None,
        }
    }

    pub fn from_graded(g: Graded) -> Verdict {
        Verdict {
            rule: g.rule.as_ref().map(name_of),
            key: g.key,
            chosen: g.chosen.map(String::from),
            ..Verdict::from_core(g.verdict)
        }
    }

    /// The verdict on an item the core failed on (a bug): not equal, with
    /// the failure as the note, so one bad item never sinks a batch.
    pub fn internal_error(message: String) -> Verdict {
        Verdict {
            equal: false,
            method: "error".into(),
            gold: None,
            pred: None,
            note: format!("internal error: {message}"),
            rule: None,
            key: None,
            chosen: None,
        }
    }
}

#[pymethods]
impl Verdict {
    #[new]
    #[pyo3(signature = (equal, method, gold = None, pred = None, note = String::new(), rule = None, key = None, chosen = None))]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        equal: bool,
        method: String,
        gold: Option<String>,
        pred: Option<String>,
        note: String,
        rule: Option<String>,
        key: Option<String>,
        chosen: Option<String>,
    ) -> Verdict {
        Verdict { equal, method, gold, pred, note, rule, key, chosen }
    }

    /// The verdict in lines, as `mathgrade check --explain` prints it.
    fn explain(&self) -> String {
        let form = |s: &Option<String>| s.clone().unwrap_or_else(|| "(not read)".into());
        let mut out = format!(
            "{}\nmethod: {}\ngold: {}\npred: {}\nnote: {}",
            if self.equal { "equal" } else { "not equal" },
            self.method,
            form(&self.gold),
            form(&self.pred),
            self.note
        );
        if let Some(rule) = &self.rule {
            out.push_str(&format!("\nfound by: {rule}"));
        }
        if let Some(c) = &self.chosen {
            out.push_str(&format!("\nchosen option: {c}"));
        }
        out
    }

    /// The fields as a dict (for JSON and data frames).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("equal", self.equal)?;
        d.set_item("method", &self.method)?;
        d.set_item("gold", &self.gold)?;
        d.set_item("pred", &self.pred)?;
        d.set_item("note", &self.note)?;
        d.set_item("rule", &self.rule)?;
        d.set_item("key", &self.key)?;
        d.set_item("chosen", &self.chosen)?;
        Ok(d)
    }

    fn __bool__(&self) -> bool {
        self.equal
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Verdict>().is_ok_and(|o| *o.get() == *self)
    }

    fn __ne__(&self, other: &Bound<'_, PyAny>) -> bool {
        !self.__eq__(other)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let r = |s: &Option<String>| -> PyResult<String> {
            Ok(match s {
                Some(s) => PyString::new(py, s).repr()?.to_cow()?.into_owned(),
                None => "None".into(),
            })
        };
        Ok(format!(
            "Verdict(equal={}, method={}, gold={}, pred={})",
            if self.equal { "True" } else { "False" },
            r(&Some(self.method.clone()))?,
            r(&self.gold)?,
            r(&self.pred)?
        ))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let v = slf.get();
        let args = (
            v.equal,
            v.method.clone(),
            v.gold.clone(),
            v.pred.clone(),
            v.note.clone(),
            v.rule.clone(),
            v.key.clone(),
            v.chosen.clone(),
        )
            .into_pyobject(py)?;
        PyTuple::new(py, [py.get_type::<Verdict>().into_any(), args.into_any()])
    }
}
