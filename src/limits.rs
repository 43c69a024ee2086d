//! Resource limits. Every piece of work mathgrade does on untrusted input is
//! bounded by one of these; hitting a limit gives a clear error or leaves an
//! expression unevaluated, never a hang.

use serde::{Deserialize, Serialize};

/// Every bound on the work one call does, with its default:
///
/// | field | default |
/// |---|---|
/// | [`max_extract_len`](Limits::max_extract_len) | 64 KiB |
/// | [`max_input_len`](Limits::max_input_len) | 64 KiB |
/// | [`max_answer_len`](Limits::max_answer_len) | 4 KiB |
/// | [`max_depth`](Limits::max_depth) | 100 |
/// | [`max_nodes`](Limits::max_nodes) | 200 000 |
/// | [`max_int_bits`](Limits::max_int_bits) | 65 536 |
/// | [`max_factorial`](Limits::max_factorial) | 1000 |
/// | [`max_expand_terms`](Limits::max_expand_terms) | 256 |
/// | [`max_expand_power`](Limits::max_expand_power) | 16 |
/// | [`eval_budget`](Limits::eval_budget) | 200 000 |
///
/// Fixed: numeric evaluation at 256 bits ([`crate::eval::PREC`]); at most
/// 16 answer candidates tried per text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    /// Longest input the parser accepts, in bytes. The default is the
    /// extraction window ([`max_extract_len`](Limits::max_extract_len)):
    /// an answer is never longer than the text it is read from, and a
    /// longer text is refused before any work on it.
    pub max_input_len: usize,
    /// Longest answer read out of a text, in bytes. Extraction can propose
    /// a span as long as the text (the whole text, an unclosed `\boxed{`
    /// running to the end, a run of digits); a final answer is never that
    /// long, and parsing one would cost time proportional to it for no
    /// answer. Longer candidates are passed over as if they did not parse.
    /// Text the caller declares to be the answer (no extraction) is held to
    /// [`max_input_len`](Limits::max_input_len) instead.
    pub max_answer_len: usize,
    /// Deepest nesting of groups, fractions, roots, powers and unary
    /// operators the parser follows.
    pub max_depth: usize,
    /// Most nodes one parsed tree may have.
    pub max_nodes: usize,
    /// Largest result of exact integer arithmetic, in bits. `2^{10^9}` is
    /// kept as a power instead of being computed.
    pub max_int_bits: u64,
    /// Largest `n` for which `n!` and `\binom{n}{k}` are computed exactly.
    pub max_factorial: u64,
    /// Most terms polynomial expansion may produce; larger products and
    /// powers of sums are kept unexpanded.
    pub max_expand_terms: usize,
    /// Highest power of a sum that is multiplied out: `(x+1)^{101}` stays a
    /// power (the comparer still tests it at random points), which keeps a
    /// canonical form cheap however few terms the result would have.
    pub max_expand_power: u32,
    /// Most bytes of a text that answer extraction reads. A longer text
    /// (a model output) is read from its last `max_extract_len` bytes,
    /// starting at the first line start in them: a final answer is at the
    /// end, and every extraction rule then works on a bounded window.
    pub max_extract_len: usize,
    /// Node visits allowed to one numeric evaluation (one side at one
    /// point); past it the value is unknown and the next rule decides.
    pub eval_budget: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_input_len: 64 * 1024,
            max_answer_len: 4 * 1024,
            max_depth: 100,
            max_nodes: 200_000,
            max_int_bits: 1 << 16,
            max_factorial: 1000,
            max_expand_terms: 256,
            max_expand_power: 16,
            max_extract_len: 64 * 1024,
            eval_budget: 200_000,
        }
    }
}
