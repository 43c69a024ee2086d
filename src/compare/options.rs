//! What the caller can tune about a comparison.

use serde::{Deserialize, Serialize};

use crate::limits::Limits;
use crate::parse::Syntax;

/// Where to look for an answer in free text (Math-Verify's extraction
/// targets).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// LaTeX: `\boxed{}`, `$…$`, `\(…\)`, `\[…\]`, "final answer is".
    Latex,
    /// Plain expressions and numbers in prose.
    Expr,
    /// Option letters and literal strings.
    String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Significant digits a decimal prediction must match an exact gold
    /// to (Math-Verify's `float_rounding`). A gold written as a decimal is
    /// compared at its own written precision instead.
    pub precision: u32,
    /// Variable names must match (`f(x)` is not `f(y)`); with `false`
    /// variables are matched by position.
    pub strict: bool,
    /// Compare an inequality with an interval in both directions
    /// (`x < 3` vs `(-\infty, 3)`). Without it, only a gold relation may
    /// meet a predicted set.
    pub allow_set_relation_comp: bool,
    /// Extraction targets for the gold text, in order.
    pub gold_targets: Vec<Target>,
    /// Extraction targets for the predicted text, in order.
    pub pred_targets: Vec<Target>,
    /// The gold text is one expression in this syntax, read whole without
    /// extraction (`None`: extract the answer from free text).
    pub gold_syntax: Option<Syntax>,
    /// The same for the predicted text: `Some(Syntax::Spoken)` grades a
    /// spoken answer (`x equals two thirds`), which extraction, made for
    /// written text, would cut up.
    pub pred_syntax: Option<Syntax>,
    /// Priority of `\boxed{}` among the LaTeX patterns: 0 boxed first, 50
    /// (default) after "final answer is" anchors, -1 never.
    pub boxed_match_priority: i32,
    /// Resource limits for extraction, parsing, canonicalization and
    /// evaluation; [`Limits`] lists each with its default.
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            precision: 6,
            strict: true,
            allow_set_relation_comp: false,
            gold_targets: vec![Target::Latex, Target::Expr],
            pred_targets: vec![Target::Latex, Target::Expr],
            gold_syntax: None,
            pred_syntax: None,
            boxed_match_priority: 50,
            limits: Limits::default(),
        }
    }
}
