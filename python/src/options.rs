//! Comparison options from the keyword arguments every grading function
//! takes (names and defaults as in Math-Verify and `mathgrade grade`).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use mathgrade::compare::Options;

use crate::names;

/// The keyword arguments, as received.
pub struct OptionArgs {
    /// Significant digits a decimal prediction must match an exact gold to.
    pub precision: u32,
    /// Variable names must match (`False`: matched by position).
    pub strict: bool,
    /// Compare an inequality with an interval in both directions.
    pub allow_set_relation_comp: bool,
    /// Extraction targets for the gold text (`["latex", "expr"]` when None).
    pub gold_extract: Option<Vec<String>>,
    /// Extraction targets for the prediction.
    pub pred_extract: Option<Vec<String>>,
    /// Priority of `\boxed{}`: 0 first, 50 after final-answer phrases, -1 never.
    pub boxed_match_priority: i32,
}

impl OptionArgs {
    pub fn options(&self) -> PyResult<Options> {
        if self.precision == 0 {
            return Err(PyValueError::new_err("precision must be at least 1 significant digit"));
        }
        let mut o = Options {
            precision: self.precision,
            strict: self.strict,
            allow_set_relation_comp: self.allow_set_relation_comp,
            boxed_match_priority: self.boxed_match_priority,
            ..Options::default()
        };
        if let Some(t) = &self.gold_extract {
            o.gold_targets = names::targets(t, "gold_extract")?;
        }
        if let Some(t) = &self.pred_extract {
            o.pred_targets = names::targets(t, "pred_extract")?;
        }
        Ok(o)
    }
}
