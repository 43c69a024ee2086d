//! `mathgrade.ParseError`: a `ValueError` whose message is the core's
//! caret rendering, with the span as attributes.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::text::char_span;

create_exception!(
    mathgrade,
    ParseError,
    PyValueError,
    "The text does not parse. str(e) is a report with a caret under the place; \
     e.span is (start, end) in code points of e.text, e.kind the error's kind \
     (\"unclosed\", \"unknown_command\", ...), e.reason its one-line description."
);

/// The core's error on `source` as a Python `ParseError`.
pub fn parse_error(py: Python<'_>, err: &mathgrade::ParseError, source: &str) -> PyErr {
    let e = ParseError::new_err(err.render(source));
    // Attributes live in the instance's __dict__, which
    // BaseException.__reduce__ carries along: they survive pickling.
    let value = e.value(py);
    let set = || -> PyResult<()> {
        value.setattr("span", char_span(source, err.span))?;
        value.setattr("kind", kind_name(&err.kind))?;
        value.setattr("reason", err.kind.to_string())?;
        value.setattr("text", source)?;
        Ok(())
    };
    match set() {
        Ok(()) => e,
        Err(failed) => failed,
    }
}

/// `ErrorKind::Unclosed { .. }` → `"unclosed"` (its serde tag).
fn kind_name(kind: &mathgrade::ErrorKind) -> String {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::Object(m)) => m.get("kind").and_then(|k| k.as_str()).map(str::to_owned),
        _ => None,
    }
    .unwrap_or_else(|| format!("{kind:?}"))
}
