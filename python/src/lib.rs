//! `mathgrade._mathgrade`: the Python face of the `mathgrade` crate.
//!
//! A thin layer: every decision is made by the Rust core; this crate only
//! converts arguments and results, raises typed errors and releases the GIL
//! around grading. One module per job:
//! * [`names`]: string names ↔ core enums (syntax, dataset, targets, rules);
//! * [`errors`]: `mathgrade.ParseError` with its span and caret message;
//! * [`expr`]: the `Expr` class (parsed trees);
//! * [`verdict`]: the `Verdict` class;
//! * [`extraction`]: the `Extraction` class and `extract` / `extract_all`;
//! * [`options`]: comparison options from keyword arguments;
//! * [`grading`]: `verify`, `check`, `compare`, `grade`, `check_many`.
//!
//! There is no global mutable state: every call builds what it needs
//! (options, and for batches its own thread pool), so the module is safe in
//! threads, after `fork()` and in spawned processes.

mod alloc;
mod errors;
mod expr;
mod extraction;
mod grading;
mod names;
mod options;
mod text;
mod verdict;

use pyo3::prelude::*;

/// Rust allocations in this extension (trees, strings) go to mimalloc; the
/// interpreter keeps its own allocator. Stateless from our side: mimalloc
/// is thread-safe and handles `fork()` (pydantic-core does the same).
#[global_allocator]
static ALLOCATOR: alloc::Mimalloc = alloc::Mimalloc;

/// Unbiased pass@k from `n` samples of which `c` are correct.
#[pyfunction]
fn pass_at_k(n: usize, c: usize, k: usize) -> PyResult<f64> {
    if c > n {
        return Err(pyo3::exceptions::PyValueError::new_err(format!("c = {c} is more than n = {n}")));
    }
    Ok(mathgrade::metrics::pass_at_k(n, c, k))
}

/// The dataset preset a dataset name stands for (`"aime24"` → `"aime"`,
/// `"MATH-500"` → `"math"`), or None when it names none.
#[pyfunction]
fn preset(name: &str) -> Option<&'static str> {
    mathgrade::grade::Dataset::recognize(name).map(mathgrade::grade::Dataset::name)
}

#[pymodule]
fn _mathgrade(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ParseError", py.get_type::<errors::ParseError>())?;
    m.add("SYNTAXES", names::syntax_names())?;
    m.add("DATASETS", names::dataset_names())?;
    m.add_class::<expr::Expr>()?;
    m.add_class::<verdict::Verdict>()?;
    m.add_class::<extraction::Extraction>()?;
    m.add_function(wrap_pyfunction!(expr::parse, m)?)?;
    m.add_function(wrap_pyfunction!(expr::spoken_readings, m)?)?;
    m.add_function(wrap_pyfunction!(extraction::extract, m)?)?;
    m.add_function(wrap_pyfunction!(extraction::extract_all, m)?)?;
    m.add_function(wrap_pyfunction!(extraction::read_answer, m)?)?;
    m.add_function(wrap_pyfunction!(grading::verify, m)?)?;
    m.add_function(wrap_pyfunction!(grading::check, m)?)?;
    m.add_function(wrap_pyfunction!(grading::compare, m)?)?;
    m.add_function(wrap_pyfunction!(grading::grade, m)?)?;
    m.add_function(wrap_pyfunction!(grading::check_many, m)?)?;
    m.add_function(wrap_pyfunction!(pass_at_k, m)?)?;
    m.add_function(wrap_pyfunction!(preset, m)?)?;
    Ok(())
}
