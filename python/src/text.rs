//! Answer texts from Python values, and byte offsets as Python offsets.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};
use pyo3::{ffi, Borrowed};

use mathgrade::Span;

/// An answer as a caller may hold it: a `str`, or an `int` / `float` (gold
/// answers in many datasets are numbers). A number becomes its Python
/// `str()`, as `mathgrade grade` reads a JSON number as written.
pub struct AnswerText(pub String);

impl<'a, 'py> FromPyObject<'a, 'py> for AnswerText {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(s) = ob.cast::<PyString>() {
            return Ok(AnswerText(owned_text(s.as_borrowed(), utf8_is_cached(ob.py()))?));
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
        let cached = utf8_is_cached(ob.py());
        for (i, item) in iter.enumerate() {
            let item = item?;
            if let Ok(s) = item.cast::<PyString>() {
                out.push(owned_text(s.as_borrowed(), cached)?);
                continue;
            }
            let text: AnswerText =
                item.extract().map_err(|e: PyErr| PyTypeError::new_err(format!("item {i}: {}", e.value(ob.py()))))?;
            out.push(text.0);
        }
        Ok(AnswerList(out))
    }
}

/// A sequence of `str` (`dataset=` as one name per item).
pub struct StrList(pub Vec<String>);

impl<'a, 'py> FromPyObject<'a, 'py> for StrList {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let not_strs = || PyTypeError::new_err(format!("expected a sequence of str, not {}", type_name(&ob)));
        if ob.is_instance_of::<PyString>() {
            return Err(not_strs());
        }
        let cached = utf8_is_cached(ob.py());
        let mut out = Vec::with_capacity(ob.len().unwrap_or(0));
        for item in ob.try_iter().map_err(|_| not_strs())? {
            let item = item?;
            let s = item.cast::<PyString>().map_err(|_| not_strs())?;
            out.push(owned_text(s.as_borrowed(), cached)?);
        }
        Ok(StrList(out))
    }
}

/// A sequence of optional texts (`problems=`): `str` or `None` per item.
pub struct OptionalTexts(pub Vec<Option<String>>);

impl<'a, 'py> FromPyObject<'a, 'py> for OptionalTexts {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if ob.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("expected a sequence of str or None, not a single str (wrap it in a list)"));
        }
        let iter = ob
            .try_iter()
            .map_err(|_| PyTypeError::new_err(format!("expected a sequence of str or None, not {}", type_name(&ob))))?;
        let cached = utf8_is_cached(ob.py());
        let mut out = Vec::with_capacity(ob.len().unwrap_or(0));
        for (i, item) in iter.enumerate() {
            let item = item?;
            if item.is_none() {
                out.push(None);
            } else if let Ok(s) = item.cast::<PyString>() {
                out.push(Some(owned_text(s.as_borrowed(), cached)?));
            } else {
                return Err(PyTypeError::new_err(format!("item {i}: expected str or None, not {}", type_name(&item.as_borrowed()))));
            }
        }
        Ok(OptionalTexts(out))
    }
}

/// The interpreter keeps a `str`'s UTF-8 form and lends it
/// (`PyUnicode_AsUTF8AndSize`, in the stable ABI from Python 3.10): for
/// ASCII text that is the string's own buffer, so reading it costs one
/// copy. Before 3.10 the stable ABI only offers an encoded copy.
pub fn utf8_is_cached(py: Python<'_>) -> bool {
    py.version_info() >= (3, 10)
}

/// The text of a `str`, owned (it crosses into threads that run without
/// the GIL). `cached`: [`utf8_is_cached`].
pub fn owned_text(s: Borrowed<'_, '_, PyString>, cached: bool) -> PyResult<String> {
    if !cached {
        return Ok(s.to_cow()?.into_owned());
    }
    // Declared here: this module is built for the stable ABI of 3.9, whose
    // headers leave the function out; the caller checked the interpreter
    // is 3.10 or later, where it is part of that ABI.
    extern "C" {
        fn PyUnicode_AsUTF8AndSize(unicode: *mut ffi::PyObject, size: *mut ffi::Py_ssize_t) -> *const std::ffi::c_char;
    }
    let mut size: ffi::Py_ssize_t = 0;
    // SAFETY: `s` is a live `str` and the GIL is held. The returned buffer
    // belongs to `s` and lives as long as it does; it is copied before this
    // function returns. CPython's UTF-8 form is valid UTF-8 (a string with
    // lone surrogates has none: NULL and an exception).
    unsafe {
        let data = PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size);
        if data.is_null() {
            return Err(PyErr::fetch(s.py()));
        }
        let bytes = std::slice::from_raw_parts(data.cast::<u8>(), size as usize);
        Ok(std::str::from_utf8_unchecked(bytes).to_owned())
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
