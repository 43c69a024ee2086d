//! `mathgrade.Expr`: a parsed expression tree.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};
use serde::Deserialize;

use crate::errors::parse_error;
use crate::names;

/// An expression tree. `==` and `hash()` are structural (positions in the
/// source are ignored): `parse("1/2") == parse("1/2")`, while `1/2` and
/// `0.5` are equal only after `.canonical()`.
#[pyclass(module = "mathgrade", name = "Expr", frozen)]
pub struct Expr {
    pub inner: mathgrade::Expr,
}

impl Expr {
    pub fn new(inner: mathgrade::Expr) -> Expr {
        Expr { inner }
    }
}

#[pymethods]
impl Expr {
    /// LaTeX for this tree (`\frac{1}{2}`).
    fn to_latex(&self) -> String {
        mathgrade::to_latex(&self.inner)
    }

    /// Plain / SymPy-style text for this tree (`1/2`).
    fn to_plain(&self) -> String {
        mathgrade::to_plain(&self.inner)
    }

    /// Spoken English for this tree: `style="natural"` as a teacher reads
    /// aloud (`x squared plus two x plus one`), `"clearspeak"` as a screen
    /// reader (`open paren … close paren`). `parse(e.to_spoken(), syntax="spoken")`
    /// gives back an equal tree.
    #[pyo3(signature = (style = "natural"))]
    fn to_spoken(&self, style: &str) -> PyResult<String> {
        let style = match style {
            "natural" => mathgrade::SpokenStyle::Natural,
            "clearspeak" => mathgrade::SpokenStyle::ClearSpeak,
            other => {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "unknown spoken style {other:?} (known: natural, clearspeak)"
                )))
            }
        };
        Ok(mathgrade::to_spoken(&self.inner, style))
    }

    /// The canonical form: answers that mean the same thing mostly share it
    /// (`\frac{2}{4}`, `0.5` and `1/2` all give `\frac{1}{2}`).
    fn canonical(&self) -> Expr {
        Expr::new(mathgrade::canonical(&self.inner))
    }

    /// A stable key of the canonical form; equivalent answers share it (for
    /// majority votes).
    fn answer_key(&self) -> String {
        mathgrade::metrics::answer_key(&self.inner)
    }

    /// The tree as JSON (the format of `mathgrade parse`), with byte spans.
    #[pyo3(signature = (*, indent = None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        let result = match indent {
            None => serde_json::to_string(&self.inner),
            Some(n) => {
                let pad = vec![b' '; n];
                let mut out = Vec::new();
                let fmt = serde_json::ser::PrettyFormatter::with_indent(&pad);
                let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
                serde::Serialize::serialize(&self.inner, &mut ser).map(|()| String::from_utf8(out).unwrap_or_default())
            }
        };
        result.map_err(|e| PyValueError::new_err(format!("cannot write the tree as JSON: {e}")))
    }

    /// A tree from the JSON of `to_json()` (any depth).
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Expr> {
        let mut de = serde_json::Deserializer::from_str(json);
        // Deep trees nest deeper than serde_json's default limit of 128;
        // serde_stacker grows the stack instead of overflowing it.
        de.disable_recursion_limit();
        let de = serde_stacker::Deserializer::new(&mut de);
        let inner = mathgrade::Expr::deserialize(de).map_err(|e| PyValueError::new_err(format!("not an expression tree: {e}")))?;
        Ok(Expr::new(inner))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Expr>().is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __ne__(&self, other: &Bound<'_, PyAny>) -> bool {
        !self.__eq__(other)
    }

    fn __hash__(&self) -> u64 {
        // DefaultHasher::new() has fixed keys: the same tree hashes the same
        // in every process.
        let mut h = DefaultHasher::new();
        self.inner.hash(&mut h);
        h.finish()
    }

    fn __str__(&self) -> String {
        self.to_latex()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let latex = PyString::new(py, &self.to_latex());
        Ok(format!("Expr({})", latex.repr()?.to_cow()?))
    }

    /// Pickled as its JSON tree.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let rebuild = py.get_type::<Expr>().getattr("from_json")?;
        let json = slf.get().to_json(None)?;
        PyTuple::new(py, [rebuild.into_any(), PyTuple::new(py, [json])?.into_any()])
    }
}

/// Parse `text` into a tree. `syntax` is "auto" (LaTeX unless the text
/// looks like plain text), "latex", "plain" or "spoken" (spoken English:
/// "x squared plus one"); `mathgrade.SYNTAXES` lists them. Raises
/// `mathgrade.ParseError`.
#[pyfunction]
#[pyo3(signature = (text, *, syntax = "auto"))]
pub fn parse(py: Python<'_>, text: &str, syntax: &str) -> PyResult<Expr> {
    let syntax = names::syntax(syntax)?;
    mathgrade::parse(text, syntax).map(Expr::new).map_err(|e| parse_error(py, &e, text))
}

/// Every reading of spoken `text`: the common one first (what
/// `parse(text, syntax="spoken")` gives), then the readings that take an
/// open scope the other way ("x to the n plus one": `x^{n}+1`, then
/// `x^{n+1}`), each with a different canonical form. Raises
/// `mathgrade.ParseError`.
#[pyfunction]
pub fn spoken_readings(py: Python<'_>, text: &str) -> PyResult<Vec<Expr>> {
    mathgrade::spoken_readings(text, &mathgrade::Limits::default())
        .map(|all| all.into_iter().map(Expr::new).collect())
        .map_err(|e| parse_error(py, &e, text))
}
