//! Answer texts from Python values, and byte offsets as Python offsets.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyList, PyString, PyTuple};
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

/// A text for a batch: lent by a live Python `str` (its UTF-8 form, no
/// copy: a batch's model outputs are kilobytes each) or owned (a number's
/// `str()`, or any `str` before Python 3.10).
pub enum Text<'py> {
    /// The string, which keeps its UTF-8 buffer alive and unchanged (a
    /// `str` is immutable; CPython frees the buffer with the object), and
    /// that buffer.
    Lent { _owner: Bound<'py, PyString>, data: *const u8, len: usize },
    /// The UTF-8 buffer of a string that a [`Held`] tuple keeps alive: only
    /// made by [`Held::texts`], whose tuple lives as long as the texts.
    InTuple { data: *const u8, len: usize },
    Owned(String),
}

impl Text<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            // SAFETY: the pointer and length came from
            // `PyUnicode_AsUTF8AndSize` on a string kept alive for as long
            // as `self` is borrowed: held alongside (`Lent`), or an item of
            // the tuple that the `Held` these texts came with holds
            // (`InTuple`, see `Held::texts`). The buffer is valid UTF-8 and
            // never written again. Reading it needs no GIL: it is plain
            // immutable memory.
            Text::Lent { data, len, .. } | Text::InTuple { data, len } => unsafe {
                std::str::from_utf8_unchecked(std::slice::from_raw_parts(*data, *len))
            },
            Text::Owned(s) => s,
        }
    }
}

/// The text of a `str` for a batch. `cached`: [`utf8_is_cached`].
pub fn lent_text<'py>(s: Bound<'py, PyString>, cached: bool) -> PyResult<Text<'py>> {
    if !cached {
        return Ok(Text::Owned(s.to_cow()?.into_owned()));
    }
    let (data, len) = utf8_buffer(s.as_borrowed())?;
    Ok(Text::Lent { _owner: s, data, len })
}

/// The items of a list or tuple argument as a tuple, which holds each
/// item and never changes: the texts of its strings stay valid while the
/// GIL is released, and this side takes no reference per item (another
/// thread may change a list meanwhile, so a list is copied into a tuple
/// first, in one C call). Other sequences are iterated item by item.
pub struct Held<'py>(Bound<'py, PyTuple>);

impl<'py> Held<'py> {
    fn of(ob: &Borrowed<'_, 'py, PyAny>) -> Option<Held<'py>> {
        if let Ok(t) = ob.cast::<PyTuple>() {
            return Some(Held(t.to_owned()));
        }
        ob.cast::<PyList>().ok().map(|l| Held(l.to_tuple()))
    }

    /// Per item, its text when it is a `str` (lent by the tuple on Python
    /// 3.10 and later, see [`utf8_is_cached`]), else the item for the
    /// caller to read. The texts are valid while `self` lives.
    fn texts(&self, mut other: impl FnMut(usize, Borrowed<'_, 'py, PyAny>) -> PyResult<Option<Text<'py>>>) -> PyResult<Vec<Option<Text<'py>>>> {
        let cached = utf8_is_cached(self.0.py());
        let mut out = Vec::with_capacity(self.0.len());
        for (i, item) in self.0.iter_borrowed().enumerate() {
            match item.cast::<PyString>() {
                Ok(s) if cached => {
                    let (data, len) = utf8_buffer(s)?;
                    out.push(Some(Text::InTuple { data, len }));
                }
                Ok(s) => out.push(Some(Text::Owned(s.to_cow()?.into_owned()))),
                Err(_) => out.push(other(i, item)?),
            }
        }
        Ok(out)
    }
}

/// A sequence of answers (a list, tuple, pandas Series, any iterable). A lone `str`
/// is refused: it is a sequence of characters, never what was meant.
pub struct AnswerList<'py> {
    pub items: Vec<Text<'py>>,
    /// What keeps the items' texts alive, for a list or tuple.
    _held: Option<Held<'py>>,
}

impl<'a, 'py> FromPyObject<'a, 'py> for AnswerList<'py> {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if ob.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("expected a sequence of answers, not a single str (wrap it in a list)"));
        }
        if let Some(held) = Held::of(&ob) {
            let texts = held.texts(|i, item| {
                let text: AnswerText =
                    item.extract().map_err(|e: PyErr| PyTypeError::new_err(format!("item {i}: {}", e.value(ob.py()))))?;
                Ok(Some(Text::Owned(text.0)))
            })?;
            return Ok(AnswerList { items: texts.into_iter().flatten().collect(), _held: Some(held) });
        }
        let iter = ob.try_iter().map_err(|_| {
            PyTypeError::new_err(format!("expected a sequence of answers (str, int or float), not {}", type_name(&ob)))
        })?;
        let mut out = Vec::with_capacity(ob.len().unwrap_or(0));
        let cached = utf8_is_cached(ob.py());
        for (i, item) in iter.enumerate() {
            let item = item?;
            let item = match item.cast_into::<PyString>() {
                Ok(s) => {
                    out.push(lent_text(s, cached)?);
                    continue;
                }
                Err(e) => e.into_inner(),
            };
            let text: AnswerText =
                item.extract().map_err(|e: PyErr| PyTypeError::new_err(format!("item {i}: {}", e.value(ob.py()))))?;
            out.push(Text::Owned(text.0));
        }
        Ok(AnswerList { items: out, _held: None })
    }
}

/// A sequence of `str` (`dataset=` as one name per item), each lent as
/// the answers are (no copy per item).
pub struct StrList<'py> {
    pub items: Vec<Text<'py>>,
    _held: Option<Held<'py>>,
}

impl<'a, 'py> FromPyObject<'a, 'py> for StrList<'py> {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let not_strs = || PyTypeError::new_err(format!("expected a sequence of str, not {}", type_name(&ob)));
        if ob.is_instance_of::<PyString>() {
            return Err(not_strs());
        }
        if let Some(held) = Held::of(&ob) {
            let texts = held.texts(|_, _| Err(not_strs()))?;
            return Ok(StrList { items: texts.into_iter().flatten().collect(), _held: Some(held) });
        }
        let cached = utf8_is_cached(ob.py());
        let mut out = Vec::with_capacity(ob.len().unwrap_or(0));
        for item in ob.try_iter().map_err(|_| not_strs())? {
            let s = item?.cast_into::<PyString>().map_err(|_| not_strs())?;
            out.push(lent_text(s, cached)?);
        }
        Ok(StrList { items: out, _held: None })
    }
}

/// A sequence of optional texts (`problems=`): `str` or `None` per item.
pub struct OptionalTexts<'py> {
    pub items: Vec<Option<Text<'py>>>,
    _held: Option<Held<'py>>,
}

impl<'a, 'py> FromPyObject<'a, 'py> for OptionalTexts<'py> {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if ob.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("expected a sequence of str or None, not a single str (wrap it in a list)"));
        }
        if let Some(held) = Held::of(&ob) {
            let items = held.texts(|i, item| {
                if item.is_none() {
                    return Ok(None);
                }
                Err(PyTypeError::new_err(format!("item {i}: expected str or None, not {}", type_name(&item))))
            })?;
            return Ok(OptionalTexts { items, _held: Some(held) });
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
                continue;
            }
            match item.cast_into::<PyString>() {
                Ok(s) => out.push(Some(lent_text(s, cached)?)),
                Err(e) => {
                    let item = e.into_inner();
                    return Err(PyTypeError::new_err(format!("item {i}: expected str or None, not {}", type_name(&item.as_borrowed()))));
                }
            }
        }
        Ok(OptionalTexts { items: out, _held: None })
    }
}

/// The interpreter keeps a `str`'s UTF-8 form and lends it
/// (`PyUnicode_AsUTF8AndSize`, in the stable ABI from Python 3.10): for
/// ASCII text that is the string's own buffer, so reading it costs one
/// copy. Before 3.10 the stable ABI only offers an encoded copy.
pub fn utf8_is_cached(py: Python<'_>) -> bool {
    py.version_info() >= (3, 10)
}

/// The text of a `str`, owned. `cached`: [`utf8_is_cached`].
pub fn owned_text(s: Borrowed<'_, '_, PyString>, cached: bool) -> PyResult<String> {
    if !cached {
        return Ok(s.to_cow()?.into_owned());
    }
    let (data, len) = utf8_buffer(s)?;
    // SAFETY: see `utf8_buffer`; the bytes are copied while `s` is alive.
    Ok(unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(data, len)) }.to_owned())
}

/// The interpreter's UTF-8 form of `s`: a buffer that belongs to `s`,
/// lives as long as it does and is never written again. Only on Python
/// 3.10 or later ([`utf8_is_cached`]).
fn utf8_buffer(s: Borrowed<'_, '_, PyString>) -> PyResult<(*const u8, usize)> {
    // Declared here: this module is built for the stable ABI of 3.9, whose
    // headers leave the function out; the caller checked the interpreter
    // is 3.10 or later, where it is part of that ABI.
    extern "C" {
        fn PyUnicode_AsUTF8AndSize(unicode: *mut ffi::PyObject, size: *mut ffi::Py_ssize_t) -> *const std::ffi::c_char;
    }
    let mut size: ffi::Py_ssize_t = 0;
    // SAFETY: `s` is a live `str` and the GIL is held. CPython's UTF-8
    // form is valid UTF-8 (a string with lone surrogates has none: NULL and
    // an exception).
    let data = unsafe { PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size) };
    if data.is_null() {
        return Err(PyErr::fetch(s.py()));
    }
    Ok((data.cast::<u8>(), size as usize))
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
