//! The result of a comparison, with the reason.

use serde::{Deserialize, Serialize};

/// The rule that decided a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Same canonical form (exact arithmetic).
    Exact,
    /// Constant values compared numerically (MPFR) within tolerance.
    Numeric,
    /// Random-point identity test of expressions with variables.
    Identity,
    /// Element-wise over finite sets / lists (order-free).
    Set,
    /// Element-wise over tuples, points and vectors (ordered).
    Tuple,
    Interval,
    Matrix,
    /// Equations: same solution set (sides, scaling, `x = c` vs `c`).
    Equation,
    /// Inequalities (flips, chains) and inequality vs interval.
    Inequality,
    /// `a \pm b` as the set of its values.
    PlusMinus,
    Percent,
    Degree,
    Unit,
    Text,
    /// Multiple-choice letters.
    Choice,
    /// Nothing to compare: an answer could not be found or read.
    NoAnswer,
    /// Different kinds of answer, or no rule applied.
    Mismatch,
}

/// A verdict and its explanation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub equal: bool,
    pub method: Method,
    /// Canonical LaTeX of the gold answer as read (None if unreadable).
    pub gold_canonical: Option<String>,
    /// Canonical LaTeX of the predicted answer as read.
    pub pred_canonical: Option<String>,
    /// One line on why: the rule and what it saw.
    pub note: String,
}
