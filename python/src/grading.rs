//! Grading: one pair (`verify`, `check`), two parsed trees (`compare`), and
//! batches (`grade`, `check_many`) spread over threads with the GIL
//! released.
//!
//! Every verdict comes from `mathgrade::grade::grade`, the function
//! `mathgrade grade` calls per record, so Python and the CLI agree.

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

use mathgrade::compare::{Detail, Options};
use mathgrade::grade::{Batch, Dataset, Graded, Task};

use crate::expr::Expr;
use crate::names;
use crate::options::OptionArgs;
use crate::text::{AnswerList, AnswerText, OptionalTexts, StrList, Text};
use crate::verdict::Verdict;

/// One item. Its texts are borrowed from the call's arguments (which
/// outlive the threads that grade it).
struct Item<'t> {
    gold: &'t str,
    pred: &'t str,
    dataset: Dataset,
    problem: Option<&'t str>,
}

/// Grade one item; a panic in the core becomes an "error" verdict.
fn grade_item(item: &Item<'_>, opts: &Options) -> Verdict {
    let task = Task { gold: item.gold, pred: item.pred, dataset: item.dataset, problem: item.problem };
    guarded(|| mathgrade::grade::grade(&task, opts))
}

/// `grade` run with a panic in the core caught: it becomes an "error"
/// verdict, so one bad item never sinks a batch.
fn guarded(grade: impl FnOnce() -> Graded) -> Verdict {
    Verdict::from_result(panic::catch_unwind(AssertUnwindSafe(grade)))
}

/// What a batch call returns per item.
trait Outcome: Send + Sized {
    /// The detail this outcome needs.
    const DETAIL: Detail;

    /// The outcome of grading an item, or of a panic in the core.
    fn from_result(graded: thread::Result<Graded>) -> Self;

    /// Item `i` of `batch`, which other threads may be grading.
    fn of(batch: &Batch<'_>, i: usize) -> Self {
        Self::from_result(panic::catch_unwind(AssertUnwindSafe(|| batch.grade(i, Self::DETAIL))))
    }

    /// Item `i` of `batch`, graded by this thread alone.
    fn of_alone(batch: &mut Batch<'_>, i: usize) -> Self {
        // A panic leaves the batch's memos whole (each is read or written
        // whole), so the batch stays usable for the next item.
        Self::from_result(panic::catch_unwind(AssertUnwindSafe(|| batch.grade_alone(i, Self::DETAIL))))
    }
}

/// `check_many`: the whole verdict; a panic in the core becomes an
/// "error" verdict.
impl Outcome for Verdict {
    const DETAIL: Detail = Detail::Full;

    fn from_result(graded: thread::Result<Graded>) -> Verdict {
        match graded {
            Ok(g) => Verdict::from_graded(g),
            Err(payload) => Verdict::internal_error(mathgrade::error::panic_message(&*payload)),
        }
    }
}

/// `grade`: only whether it is equal (an item the core fails on is not).
impl Outcome for bool {
    const DETAIL: Detail = Detail::EqualOnly;

    fn from_result(graded: thread::Result<Graded>) -> bool {
        graded.is_ok_and(|g| g.verdict.equal)
    }
}

/// Grade `items` in input order with the GIL released, each distinct gold
/// read once and each distinct answer to it compared once
/// (`mathgrade::grade::Batch`). `threads`: None for every core, 1 for the
/// calling thread only. The worker threads are made for this call and
/// joined before it returns: a process-wide pool would be global state, and
/// a pool's threads do not survive `fork()`.
fn run<T: Outcome>(py: Python<'_>, items: Vec<Item<'_>>, opts: Options, threads: Option<usize>) -> PyResult<Vec<T>> {
    let wanted = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => thread::available_parallelism().map_or(1, |n| n.get()),
    };
    // Fewer threads than chunks of work: a thread for a handful of items
    // costs more to start than it saves.
    let n = wanted.min(items.len().div_ceil(CHUNK)).max(1);
    py.detach(move || -> Result<Vec<T>, String> {
        let tasks: Vec<Task<'_>> = items
            .iter()
            .map(|i| Task { gold: i.gold, pred: i.pred, dataset: i.dataset, problem: i.problem })
            .collect();
        let mut batch = Batch::new(&tasks, &opts);
        if n == 1 {
            return Ok((0..batch.len()).map(|i| T::of_alone(&mut batch, i)).collect());
        }
        // Each thread, this one included, takes the next chunk of indices
        // until none is left (chunks keep a slow item from idling the
        // others), then the results are put back in input order.
        let next = AtomicUsize::new(0);
        let work = || {
            let mut done: Vec<(usize, T)> = Vec::new();
            loop {
                let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                if start >= batch.len() {
                    return done;
                }
                for i in start..(start + CHUNK).min(batch.len()) {
                    done.push((i, T::of(&batch, i)));
                }
            }
        };
        let parts: Vec<Vec<(usize, T)>> = thread::scope(|s| -> Result<_, String> {
            let helpers: Vec<_> = (1..n)
                .map(|k| {
                    thread::Builder::new()
                        .name(format!("mathgrade-{k}"))
                        .spawn_scoped(s, work)
                        .map_err(|e| format!("cannot start {n} grading threads: {e}"))
                })
                .collect::<Result<_, _>>()?;
            let mut parts = vec![work()];
            for h in helpers {
                // Grading catches its own panics; a worker cannot fail.
                parts.push(h.join().map_err(|_| "a grading thread failed".to_string())?);
            }
            Ok(parts)
        })?;
        let mut out: Vec<Option<T>> = (0..batch.len()).map(|_| None).collect();
        for (i, t) in parts.into_iter().flatten() {
            out[i] = Some(t);
        }
        Ok(out.into_iter().map(|t| t.expect("every index is taken once")).collect())
    })
    .map_err(PyRuntimeError::new_err)
}

/// Items a worker thread takes at a time.
const CHUNK: usize = 16;

/// `dataset=`: one preset for every item (an unknown name is an error), or
/// one name per item (an unknown name means the general rules).
pub enum DatasetArg<'py> {
    One(String),
    Many(StrList<'py>),
}

impl<'a, 'py> FromPyObject<'a, 'py> for DatasetArg<'py> {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if let Ok(s) = ob.cast::<PyString>() {
            return Ok(DatasetArg::One(s.to_cow()?.into_owned()));
        }
        let names = ob.extract::<StrList<'py>>().map_err(|_| PyTypeError::new_err("dataset must be a str or a sequence of str (one per item)"))?;
        Ok(DatasetArg::Many(names))
    }
}

/// The items of a batch call, checked for equal lengths.
fn items<'t>(
    golds: &'t AnswerList<'_>,
    preds: &'t AnswerList<'_>,
    dataset: DatasetArg<'_>,
    problems: Option<&'t OptionalTexts<'_>>,
) -> PyResult<Vec<Item<'t>>> {
    let (golds, preds) = (&golds.items, &preds.items);
    let n = golds.len();
    if preds.len() != n {
        return Err(PyValueError::new_err(format!("{n} golds but {} preds", preds.len())));
    }
    let datasets: Vec<Dataset> = match dataset {
        DatasetArg::One(name) => vec![names::dataset(&name)?; n],
        DatasetArg::Many(StrList { items: list, .. }) => {
            if list.len() != n {
                return Err(PyValueError::new_err(format!("{n} golds but {} datasets", list.len())));
            }
            // Names as data files write them (`MATH`, `aime24`,
            // `gsm8k_test`): a name that is no preset grades its item by the
            // general rules, as `mathgrade grade` does with a record's
            // dataset field.
            // Lists repeat a few names: each is recognized once.
            let mut known: Vec<(&str, Dataset)> = Vec::new();
            list.iter()
                .map(|d| d.as_str())
                .map(|d| match known.iter().find(|(name, _)| *name == d) {
                    Some((_, ds)) => *ds,
                    None => {
                        let ds = Dataset::recognize(d).unwrap_or(Dataset::Auto);
                        if known.len() < 64 {
                            known.push((d, ds));
                        }
                        ds
                    }
                })
                .collect()
        }
    };
    let problems: Vec<Option<&str>> = match problems {
        None => vec![None; n],
        Some(OptionalTexts { items: p, .. }) if p.len() == n => p.iter().map(|t| t.as_ref().map(Text::as_str)).collect(),
        Some(OptionalTexts { items: p, .. }) => return Err(PyValueError::new_err(format!("{n} golds but {} problems", p.len()))),
    };
    Ok(golds
        .iter()
        .zip(preds)
        .zip(datasets)
        .zip(problems)
        .map(|(((gold, pred), dataset), problem)| Item { gold: gold.as_str(), pred: pred.as_str(), dataset, problem })
        .collect())
}

/// One pair, graded with the GIL released (other Python threads run
/// meanwhile).
#[allow(clippy::too_many_arguments)]
fn check_one(
    py: Python<'_>,
    gold: AnswerText,
    pred: AnswerText,
    dataset: &str,
    problem: Option<String>,
    args: OptionArgs,
) -> PyResult<Verdict> {
    let opts = args.options()?;
    let item = Item { gold: &gold.0, pred: &pred.0, dataset: names::dataset(dataset)?, problem: problem.as_deref() };
    Ok(py.detach(move || grade_item(&item, &opts)))
}

/// Is `pred` the same answer as `gold`? Both may be free text: the final
/// answer is found first (the last `\boxed{}`, "the answer is", ...).
/// `dataset` applies a benchmark's conventions ("gsm8k": the gold after
/// `####`; "aqua": option letters; see `mathgrade.DATASETS`); `problem`, the
/// question's text, lets a predicted value choose a listed option.
#[pyfunction]
#[pyo3(signature = (gold, pred, *, dataset = "auto", problem = None, precision = 6, strict = true,
    allow_set_relation_comp = false, gold_extract = None, pred_extract = None, boxed_match_priority = 50, gold_syntax = None, pred_syntax = None))]
#[allow(clippy::too_many_arguments)]
pub fn verify(
    py: Python<'_>,
    gold: AnswerText,
    pred: AnswerText,
    dataset: &str,
    problem: Option<String>,
    precision: u32,
    strict: bool,
    allow_set_relation_comp: bool,
    gold_extract: Option<Vec<String>>,
    pred_extract: Option<Vec<String>>,
    boxed_match_priority: i32,
    gold_syntax: Option<String>,
    pred_syntax: Option<String>,
) -> PyResult<bool> {
    let args = OptionArgs {
        precision,
        strict,
        allow_set_relation_comp,
        gold_extract,
        pred_extract,
        boxed_match_priority,
        gold_syntax,
        pred_syntax,
    };
    Ok(check_one(py, gold, pred, dataset, problem, args)?.equal)
}

/// `verify`, with the reasons: a `Verdict`.
#[pyfunction]
#[pyo3(signature = (gold, pred, *, dataset = "auto", problem = None, precision = 6, strict = true,
    allow_set_relation_comp = false, gold_extract = None, pred_extract = None, boxed_match_priority = 50, gold_syntax = None, pred_syntax = None))]
#[allow(clippy::too_many_arguments)]
pub fn check(
    py: Python<'_>,
    gold: AnswerText,
    pred: AnswerText,
    dataset: &str,
    problem: Option<String>,
    precision: u32,
    strict: bool,
    allow_set_relation_comp: bool,
    gold_extract: Option<Vec<String>>,
    pred_extract: Option<Vec<String>>,
    boxed_match_priority: i32,
    gold_syntax: Option<String>,
    pred_syntax: Option<String>,
) -> PyResult<Verdict> {
    let args = OptionArgs {
        precision,
        strict,
        allow_set_relation_comp,
        gold_extract,
        pred_extract,
        boxed_match_priority,
        gold_syntax,
        pred_syntax,
    };
    check_one(py, gold, pred, dataset, problem, args)
}

/// Compare two parsed trees (no extraction): the comparer's verdict.
#[pyfunction]
#[pyo3(signature = (gold, pred, *, precision = 6, strict = true, allow_set_relation_comp = false))]
pub fn compare(
    py: Python<'_>,
    gold: &Bound<'_, Expr>,
    pred: &Bound<'_, Expr>,
    precision: u32,
    strict: bool,
    allow_set_relation_comp: bool,
) -> PyResult<Verdict> {
    let args = OptionArgs {
        precision,
        strict,
        allow_set_relation_comp,
        gold_extract: None,
        pred_extract: None,
        boxed_match_priority: 50,
        gold_syntax: None,
        pred_syntax: None,
    };
    let opts = args.options()?;
    let (g, p) = (&gold.get().inner, &pred.get().inner);
    py.detach(|| -> Result<Verdict, String> {
        panic::catch_unwind(AssertUnwindSafe(|| mathgrade::compare::verify(g, p, &opts)))
            .map(Verdict::from_core)
            .map_err(|_| "the comparer failed on these trees".to_string())
    })
    .map_err(PyRuntimeError::new_err)
}

/// Grade many pairs: `golds[i]` against `preds[i]`, in input order, with
/// the GIL released and the items spread over `threads` threads (None: all
/// cores). `dataset`: one preset for all, or one name per item;
/// `problems`: the questions' texts (or None), for multiple choice.
#[pyfunction]
#[pyo3(signature = (golds, preds, *, dataset = DatasetArg::One("auto".into()), problems = None, threads = None,
    precision = 6, strict = true, allow_set_relation_comp = false, gold_extract = None, pred_extract = None,
    boxed_match_priority = 50, gold_syntax = None, pred_syntax = None),
    // The default of `dataset` is a Rust value; show it as Python writes it.
    text_signature = "(golds, preds, *, dataset='auto', problems=None, threads=None, precision=6, strict=True, \
        allow_set_relation_comp=False, gold_extract=None, pred_extract=None, boxed_match_priority=50, \
        gold_syntax=None, pred_syntax=None)")]
#[allow(clippy::too_many_arguments)]
pub fn grade(
    py: Python<'_>,
    golds: AnswerList,
    preds: AnswerList,
    dataset: DatasetArg,
    problems: Option<OptionalTexts>,
    threads: Option<usize>,
    precision: u32,
    strict: bool,
    allow_set_relation_comp: bool,
    gold_extract: Option<Vec<String>>,
    pred_extract: Option<Vec<String>>,
    boxed_match_priority: i32,
    gold_syntax: Option<String>,
    pred_syntax: Option<String>,
) -> PyResult<Vec<bool>> {
    let args = OptionArgs {
        precision,
        strict,
        allow_set_relation_comp,
        gold_extract,
        pred_extract,
        boxed_match_priority,
        gold_syntax,
        pred_syntax,
    };
    let opts = args.options()?;
    run::<bool>(py, items(&golds, &preds, dataset, problems.as_ref())?, opts, threads)
}

/// `grade`, with a `Verdict` per item.
#[pyfunction]
#[pyo3(signature = (golds, preds, *, dataset = DatasetArg::One("auto".into()), problems = None, threads = None,
    precision = 6, strict = true, allow_set_relation_comp = false, gold_extract = None, pred_extract = None,
    boxed_match_priority = 50, gold_syntax = None, pred_syntax = None),
    text_signature = "(golds, preds, *, dataset='auto', problems=None, threads=None, precision=6, strict=True, \
        allow_set_relation_comp=False, gold_extract=None, pred_extract=None, boxed_match_priority=50, \
        gold_syntax=None, pred_syntax=None)")]
#[allow(clippy::too_many_arguments)]
pub fn check_many(
    py: Python<'_>,
    golds: AnswerList,
    preds: AnswerList,
    dataset: DatasetArg,
    problems: Option<OptionalTexts>,
    threads: Option<usize>,
    precision: u32,
    strict: bool,
    allow_set_relation_comp: bool,
    gold_extract: Option<Vec<String>>,
    pred_extract: Option<Vec<String>>,
    boxed_match_priority: i32,
    gold_syntax: Option<String>,
    pred_syntax: Option<String>,
) -> PyResult<Vec<Verdict>> {
    let args = OptionArgs {
        precision,
        strict,
        allow_set_relation_comp,
        gold_extract,
        pred_extract,
        boxed_match_priority,
        gold_syntax,
        pred_syntax,
    };
    let opts = args.options()?;
    run::<Verdict>(py, items(&golds, &preds, dataset, problems.as_ref())?, opts, threads)
}
