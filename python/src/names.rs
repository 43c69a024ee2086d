//! The names Python callers use for the core's enums. The core's own serde
//! names (snake_case) are the Python names, so `mathgrade parse`'s JSON,
//! the CLI's `method` field and Python agree.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use mathgrade::compare::Target;
use mathgrade::grade::Dataset;
use mathgrade::Syntax;

/// Syntax names a caller may ask for. Read through the core's serde names,
/// so a syntax the core adds under one of these names (`spoken`) is bound
/// as soon as it exists, and one it lacks is never offered.
const SYNTAX_CANDIDATES: &[&str] = &["auto", "latex", "plain", "spoken"];

/// The syntaxes this build of the core reads.
pub fn syntax_names() -> Vec<&'static str> {
    SYNTAX_CANDIDATES.iter().copied().filter(|n| from_name::<Syntax>(n).is_some()).collect()
}

/// Every dataset preset's canonical name, `auto` first.
pub fn dataset_names() -> Vec<&'static str> {
    Dataset::all().map(Dataset::name).collect()
}

fn from_name<T: DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(Value::String(name.to_owned())).ok()
}

/// The serde name of a unit-like enum value (`Method::NoAnswer` →
/// `"no_answer"`).
pub fn name_of<T: Serialize + std::fmt::Debug>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => format!("{v:?}").to_ascii_lowercase(),
    }
}

pub fn syntax(name: &str) -> PyResult<Syntax> {
    from_name::<Syntax>(name).ok_or_else(|| {
        PyValueError::new_err(format!("unknown syntax {name:?} (known: {})", syntax_names().join(", ")))
    })
}

/// How an answer is read (`gold_syntax`, `pred_syntax`): "spoken" is
/// speech, read whole as one expression; "written" and the written
/// syntaxes ("latex", "plain", "auto") are text whose answer is extracted.
pub fn answer_syntax(name: &str, what: &str) -> PyResult<Option<Syntax>> {
    if name == "written" {
        return Ok(None);
    }
    match from_name::<Syntax>(name) {
        Some(Syntax::Spoken) => Ok(Some(Syntax::Spoken)),
        Some(_) => Ok(None),
        None => Err(PyValueError::new_err(format!(
            "unknown {what} {name:?} (known: written, {})",
            syntax_names().join(", ")
        ))),
    }
}

/// A dataset preset by name or alias (`MATH`, `aime24`, `gsm8k_test`).
pub fn dataset(name: &str) -> PyResult<Dataset> {
    name.parse::<Dataset>().map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Extraction targets: a list of `"latex"`, `"expr"`, `"string"`.
pub fn targets(names: &[String], what: &str) -> PyResult<Vec<Target>> {
    if names.is_empty() {
        return Err(PyValueError::new_err(format!("{what} is empty (use \"latex\", \"expr\", \"string\")")));
    }
    names
        .iter()
        .map(|n| {
            from_name::<Target>(n).ok_or_else(|| {
                PyValueError::new_err(format!("unknown target {n:?} in {what} (known: latex, expr, string)"))
            })
        })
        .collect()
}
