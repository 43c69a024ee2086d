//! The one typed expression tree that every syntax (LaTeX, plain text,
//! spoken English) parses into, and that the canonicalizer, printers and
//! comparer work on.
//!
//! Design notes:
//! * Every node carries its byte [`Span`] in the original input.
//! * Equality and ordering of [`Expr`] ignore spans: two trees are equal when
//!   they have the same structure. The canonicalizer relies on the derived
//!   ordering of [`ExprKind`] to sort the arguments of commutative operators.
//! * All variants are struct-like so the JSON form is uniform:
//!   `{"type": "add", "terms": [...], "span": [0, 5]}`.
//! * Numbers are exact. A decimal keeps the digits it was written with, so the
//!   comparer can honour the precision of a gold answer like `33.3`.

mod build;
mod num_serde;
mod sexpr;
mod walk;

pub use walk::{any_node, map_bottom_up, map_children};

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

use num_bigint::BigInt;
use num_rational::BigRational;
use serde::{Deserialize, Serialize};

pub use crate::span::Span;

/// A node of the expression tree with its span.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Expr {
    #[serde(flatten)]
    pub kind: ExprKind,
    pub span: Span,
}

impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        match (&self.kind, &other.kind) {
            // A fraction's `==` is its ordering's (long divisions); every
            // rational in a tree is in lowest terms with a positive
            // denominator, so equal ones have equal parts.
            (ExprKind::Rational { value: a }, ExprKind::Rational { value: b }) => same_fraction(a, b),
            (ExprKind::Decimal { value: a, text: t }, ExprKind::Decimal { value: b, text: u }) => {
                same_fraction(a, b) && t == u
            }
            (a, b) => a == b,
        }
    }
}

fn same_fraction(a: &num_rational::BigRational, b: &num_rational::BigRational) -> bool {
    a.numer() == b.numer() && a.denom() == b.denom()
}
impl Eq for Expr {}
impl PartialOrd for Expr {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Expr {
    fn cmp(&self, other: &Self) -> Ordering {
        self.kind.cmp(&other.kind)
    }
}
impl Hash for Expr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // A fraction's own hash expands it as a continued fraction (so that
        // unreduced equal ones agree); a tree's are reduced (see `eq`), so
        // hashing the parts agrees with `eq` at a fraction of the cost.
        match &self.kind {
            ExprKind::Rational { value } => {
                std::mem::discriminant(&self.kind).hash(state);
                (value.numer(), value.denom()).hash(state);
            }
            ExprKind::Decimal { value, text } => {
                std::mem::discriminant(&self.kind).hash(state);
                (value.numer(), value.denom(), text).hash(state);
            }
            kind => kind.hash(state),
        }
    }
}

/// What a node is. See the module docs for conventions.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ExprKind {
    // ---- numbers -------------------------------------------------------
    /// An exact integer, any size.
    Integer {
        #[serde(with = "num_serde::bigint")]
        value: BigInt,
    },
    /// An exact rational p/q in lowest terms with q > 1. The parser writes
    /// `\frac{1}{2}` as a [`ExprKind::Div`]; rationals come from folding.
    Rational {
        #[serde(with = "num_serde::bigrational")]
        value: BigRational,
    },
    /// A decimal as written (`33.3`, `.5`, `1.5e-3`, `1,000.25`). `value` is
    /// exact; `text` is the normalized written form (no separators) and
    /// remembers trailing zeros, from which significant figures are read.
    Decimal {
        #[serde(with = "num_serde::bigrational")]
        value: BigRational,
        text: String,
    },

    // ---- atoms ---------------------------------------------------------
    Symbol {
        #[serde(flatten)]
        sym: Symbol,
    },
    Constant {
        constant: Constant,
    },

    // ---- arithmetic ----------------------------------------------------
    /// `a + b + c`; subtraction is a [`ExprKind::Neg`] term.
    Add { terms: Vec<Expr> },
    /// `a b c`, explicit or implicit multiplication.
    Mul { factors: Vec<Expr> },
    /// `a / b`, `\frac{a}{b}`, `a \div b`.
    Div { num: Box<Expr>, den: Box<Expr> },
    Pow { base: Box<Expr>, exp: Box<Expr> },
    /// `\sqrt{x}` (index None = square root) and `\sqrt[n]{x}`.
    Root {
        radicand: Box<Expr>,
        index: Option<Box<Expr>>,
    },
    Neg { arg: Box<Expr> },
    /// `a ± b` (lhs present) or `± b`; `minus_plus` for `∓`.
    PlusMinus {
        lhs: Option<Box<Expr>>,
        rhs: Box<Expr>,
        minus_plus: bool,
    },

    // ---- functions -----------------------------------------------------
    /// A known function. Argument conventions: `Log` takes `[x]` or
    /// `[x, base]`; `Binom` takes `[n, k]`; `Mod` takes `[a, m]`.
    Func { func: Func, args: Vec<Expr> },
    /// An unknown function applied to arguments: `f(x)`, `g'(t)`,
    /// `\operatorname{foo}(x)`.
    Apply { name: Symbol, args: Vec<Expr> },
    /// `\sum` and `\prod` with optional index and bounds.
    BigOp {
        op: BigOp,
        body: Box<Expr>,
        var: Option<Symbol>,
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
    },
    Integral {
        body: Box<Expr>,
        var: Option<Symbol>,
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
    },
    Limit {
        body: Box<Expr>,
        var: Symbol,
        to: Box<Expr>,
        dir: Option<LimitDir>,
    },
    /// `\frac{d^n}{dx^n} body`, `Derivative(body, (x, n))`: `order` from
    /// 1 to [`MAX_DERIVATIVE_ORDER`].
    Derivative {
        body: Box<Expr>,
        var: Symbol,
        order: u32,
    },

    // ---- relations -----------------------------------------------------
    /// A relation or chain: `a < b <= c` is operands `[a, b, c]`, ops `[Lt, Le]`.
    Relation { ops: Vec<RelOp>, operands: Vec<Expr> },

    // ---- tagged values -------------------------------------------------
    /// `28\%`
    Percent { value: Box<Expr> },
    /// A value with a unit: `30^\circ` (unit `deg`), `10\text{ cm}`.
    Quantity { value: Box<Expr>, unit: String },

    // ---- collections ---------------------------------------------------
    /// `\{1, 2\}`: unordered.
    Set { items: Vec<Expr> },
    /// `(1, 2)`: ordered; also an open interval when compared with one.
    Tuple { items: Vec<Expr> },
    /// A bare list of answers `1, 2, 3` or a plain `[1, 2]`.
    List { items: Vec<Expr> },
    Interval {
        lo: Box<Expr>,
        hi: Box<Expr>,
        lo_closed: bool,
        hi_closed: bool,
    },
    SetOp {
        op: SetOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    NumberSet { set: NumberSet },
    EmptySet,
    /// Matrices and vectors, rows of cells. `kind` records the environment.
    Matrix { kind: MatrixKind, rows: Vec<Vec<Expr>> },
    /// `\begin{cases}`: value and optional condition per row.
    Piecewise { pieces: Vec<(Expr, Option<Expr>)> },

    // ---- words ---------------------------------------------------------
    /// Free text (`\text{Evelyn}`), whitespace collapsed.
    Text { text: String },
}

/// A variable name with its decorations. `x_{1}'` is name `x`, sub `1`,
/// primes 1. Greek letters are stored by name (`alpha`), so `α` and
/// `\alpha` are the same symbol.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Symbol {
    pub name: String,
    /// `bar`, `hat`, `vec`, `tilde`, `dot`… from `\overline{x}`, `\hat{x}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
    /// The subscript as compact text: `x_{i,j}` has sub `i,j`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub: Option<String>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub primes: u8,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

impl Symbol {
    pub fn new(name: impl Into<String>) -> Symbol {
        Symbol { name: name.into(), accent: None, sub: None, primes: 0 }
    }
}

/// `𝟘` (U+1D7D8), the first of the double-struck digits `𝟘`…`𝟡`.
const DOUBLE_STRUCK_ZERO: u32 = 0x1D7D8;

/// The name of `\mathbb{1}`: ASCII digits as the double-struck digits
/// (`1` → `𝟙`), so the symbol is no number and prints as `\mathbb{1}`.
pub(crate) fn double_struck_digits(ascii: &str) -> String {
    ascii
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(DOUBLE_STRUCK_ZERO + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// The ASCII digits of a name made only of double-struck digits (`𝟙` →
/// `1`), the inverse of [`double_struck_digits`].
pub(crate) fn from_double_struck_digits(name: &str) -> Option<String> {
    if name.is_empty() {
        return None;
    }
    name.chars()
        .map(|c| {
            let d = (c as u32).checked_sub(DOUBLE_STRUCK_ZERO).filter(|d| *d < 10)?;
            char::from_digit(d, 10)
        })
        .collect()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Constant {
    Pi,
    /// Euler's number.
    E,
    /// The imaginary unit.
    I,
    /// Positive infinity; negative infinity is `Neg(Infinity)`.
    Infinity,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Func {
    Sin,
    Cos,
    Tan,
    Cot,
    Sec,
    Csc,
    Asin,
    Acos,
    Atan,
    Acot,
    Asec,
    Acsc,
    Sinh,
    Cosh,
    Tanh,
    Coth,
    Sech,
    Csch,
    Asinh,
    Acosh,
    Atanh,
    Acoth,
    Asech,
    Acsch,
    /// Natural log.
    Ln,
    /// `\log` with optional base as second argument; no base means the
    /// base was not written.
    Log,
    Exp,
    Abs,
    Floor,
    Ceil,
    Factorial,
    Binom,
    Gcd,
    Lcm,
    Min,
    Max,
    Mod,
    Sign,
    Re,
    Im,
    Arg,
    Conj,
    Det,
}

impl Func {
    /// Every function with its canonical lowercase name, as used by the
    /// printers and the plain-text parser.
    pub const ALL: &'static [(Func, &'static str)] = &[
        (Func::Sin, "sin"),
        (Func::Cos, "cos"),
        (Func::Tan, "tan"),
        (Func::Cot, "cot"),
        (Func::Sec, "sec"),
        (Func::Csc, "csc"),
        (Func::Asin, "asin"),
        (Func::Acos, "acos"),
        (Func::Atan, "atan"),
        (Func::Acot, "acot"),
        (Func::Asec, "asec"),
        (Func::Acsc, "acsc"),
        (Func::Sinh, "sinh"),
        (Func::Cosh, "cosh"),
        (Func::Tanh, "tanh"),
        (Func::Coth, "coth"),
        (Func::Sech, "sech"),
        (Func::Csch, "csch"),
        (Func::Asinh, "asinh"),
        (Func::Acosh, "acosh"),
        (Func::Atanh, "atanh"),
        (Func::Acoth, "acoth"),
        (Func::Asech, "asech"),
        (Func::Acsch, "acsch"),
        (Func::Ln, "ln"),
        (Func::Log, "log"),
        (Func::Exp, "exp"),
        (Func::Abs, "abs"),
        (Func::Floor, "floor"),
        (Func::Ceil, "ceil"),
        (Func::Factorial, "factorial"),
        (Func::Binom, "binomial"),
        (Func::Gcd, "gcd"),
        (Func::Lcm, "lcm"),
        (Func::Min, "min"),
        (Func::Max, "max"),
        (Func::Mod, "mod"),
        (Func::Sign, "sign"),
        (Func::Re, "re"),
        (Func::Im, "im"),
        (Func::Arg, "arg"),
        (Func::Conj, "conjugate"),
        (Func::Det, "det"),
    ];

    pub fn name(self) -> &'static str {
        Func::ALL.iter().find(|(f, _)| *f == self).map(|(_, n)| *n).unwrap_or("?")
    }

    pub fn from_name(name: &str) -> Option<Func> {
        Func::ALL.iter().find(|(_, n)| *n == name).map(|(f, _)| *f)
    }

    /// Trig and hyperbolic functions and their inverses: these take a
    /// juxtaposed argument (`\sin x`) and accept `\sin^2 x`.
    pub fn is_trig_like(self) -> bool {
        (self as u8) <= (Func::Acsch as u8)
    }
}

/// The highest derivative order every reader takes: LaTeX reads
/// `\frac{d^{80}}{dx^{80}}` as a fraction, so plain text and speech must not
/// make an 80th derivative that prints that way (their readers answer an
/// error).
pub const MAX_DERIVATIVE_ORDER: u32 = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BigOp {
    Sum,
    Product,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitDir {
    /// From above, `x \to a^+`.
    Plus,
    /// From below, `x \to a^-`.
    Minus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Approx,
    In,
    NotIn,
    Subset,
    SubsetEq,
    Supset,
    SupsetEq,
}

impl RelOp {
    /// The relation read right-to-left: `a < b` is `b > a`.
    pub fn flipped(self) -> RelOp {
        match self {
            RelOp::Lt => RelOp::Gt,
            RelOp::Le => RelOp::Ge,
            RelOp::Gt => RelOp::Lt,
            RelOp::Ge => RelOp::Le,
            RelOp::Subset => RelOp::Supset,
            RelOp::SubsetEq => RelOp::SupsetEq,
            RelOp::Supset => RelOp::Subset,
            RelOp::SupsetEq => RelOp::SubsetEq,
            other => other,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SetOp {
    Union,
    Intersection,
    Difference,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberSet {
    Naturals,
    Integers,
    Rationals,
    Reals,
    Complexes,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatrixKind {
    /// `matrix`, `array`, `smallmatrix`, or a plain `Matrix([[..]])`.
    Plain,
    Paren,
    Bracket,
    Brace,
    /// `vmatrix`: a determinant when read as a value.
    Vert,
    DoubleVert,
}
