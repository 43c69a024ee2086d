//! Answer texts from Python values, and byte offsets as Python offsets.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};

use mathgrade::Span;

/// An answer as a caller may hold it: a `str`, or an `int` / `float` (gold
/// answers in many datasets are numbers). A number becomes its Python
/// `str()`, as `mathgrade grade` reads a JSON number as written.
pub struct AnswerText(pub String);

impl<'a, 'py> FromPyObject<'a, 'py> for AnswerText {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(s) = ob.cast::<PyString>() {
            return Ok(AnswerText(s.to_cow()?.into_owned()));
        }
        // bool is an int subclass, but `True` is no answer.
        if !ob.is_instance_of::<PyBool>() && (ob.is_instance_of::<PyInt>() || ob.is_instance_of::<PyFloat>()) {
            return Ok(AnswerText(ob.str()?.to_cow()?.into_owned()));
        }
        Err(PyTypeError::new_err(format!(
            "an answer must be a str, int or float, not {}",
            type_name(&ob)
        )))
    }
}

/// A sequence of answers (a list, tuple, pandas Series, any iterable). A lone `str`
/// is refused: it is a sequence of characters, never what was meant.
pub struct AnswerList(pub Vec<String>);

impl<'a, 'py> FromPyObject<'a, 'py> for AnswerList {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if ob.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("expected a sequence of answers, not a single str (wrap it in a list)"));
        }
        let iter = ob.try_iter().map_err(|_| {
            PyTypeError::new_err(format!("expected a sequence of answers (str, int or float), not {}", type_name(&ob)))
        })?;
        let mut out = Vec::with_capacity(ob.len().unwrap_or(0));
        for (i, item) in iter.enumerate() {
            let item = item?;
            let text: AnswerText =
                item.extract().map_err(|e: PyErr| PyTypeError::new_err(format!("item {i}: {}", e.value(ob.py()))))?;
            out.push(text.0);
        }
        Ok(AnswerList(out))
    }
}

fn type_name(ob: &Borrowed<'_, '_, PyAny>) -> String {
    ob.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

/// A byte span of `text` as code-point offsets, so that Python's
/// `text[start:end]` is the spanned part.
pub fn char_span(text: &str, span: Span) -> (usize, usize) {
    let start = char_offset(text, span.start);
    let end = char_offset(text, span.end.max(span.start));
    (start, end)
}

/// The code-point offset of byte `byte` (rounded down to a character
/// boundary, clamped to the text).
pub fn char_offset(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].chars().count()
}
