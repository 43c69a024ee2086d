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
    /// How the gold is read: "spoken" (speech, read whole) or written
    /// text ("written", "latex", "plain", None: the answer is extracted).
    pub gold_syntax: Option<String>,
    /// The same for the prediction (`"spoken"` grades what was said).
    pub pred_syntax: Option<String>,
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
        if let Some(name) = &self.gold_syntax {
            o.gold_syntax = names::answer_syntax(name, "gold_syntax")?;
        }
        if let Some(name) = &self.pred_syntax {
            o.pred_syntax = names::answer_syntax(name, "pred_syntax")?;
        }
        Ok(o)
    }
}
