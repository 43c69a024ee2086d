//! The tokens of spoken math: what the word tokenizer hands the parser.
//!
//! Number words are already combined (`one hundred and five` is one
//! [`Tk::Num`], `two thirds` one [`Tk::Frac`]); lexicon phrases are already
//! matched (`is less than or equal to` is one [`Tk::Rel`]).

use num_bigint::BigInt;

use crate::ast::{Constant, NumberSet, RelOp};
use crate::span::Span;

/// One script step of a MathSpeak script path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Sup,
    Sub,
}

/// What an ordinal counts: `fourth` is a number, `n-th` a letter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ordinal {
    Number(BigInt),
    Letter(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tk {
    /// A number as digits, `46.08` (from digits or number words).
    Num(String),
    /// A spoken fraction: `two thirds`, `one half`, `seven hundredths`.
    Frac(BigInt, BigInt),
    /// `fourth`, `20th`, `n-th`.
    Ord(Ordinal),
    /// One Latin letter, case kept.
    Letter(String),
    /// A Greek letter or named symbol, by its LaTeX name (`alpha`, `Gamma`).
    Greek(String),
    Const(Constant),
    /// A named function by mathgrade's name (`sin`, `ln`, `max`).
    Func(String),
    Rel(RelOp),
    /// A decoration after a letter: `bar`, `hat`, `vec`…
    Accent(String),
    NumberSet(NumberSet),
    /// A MathSpeak script marker: the path from the baseline
    /// (`Super Superscript` is `[Sup, Sup]`); `Baseline` is the empty path.
    Script(Vec<Script>),
    /// A run-together differential: `dx`, `dt`.
    Differential(String),
    Key(Key),
    /// A written comma: a pause in speech. It separates list items like
    /// the word `comma`, but also ends an unmarked scope (`the square root
    /// of b squared minus four a c, all over two a`).
    Pause,
    /// A word the lexicon does not know.
    Word(String),
}

#[derive(Clone, Debug)]
pub struct Token {
    pub tk: Tk,
    pub span: Span,
}

impl Token {
    pub fn is(&self, k: Key) -> bool {
        self.tk == Tk::Key(k)
    }

    /// How the token reads in an error message.
    pub fn describe(&self, src: &str) -> String {
        let text = src.get(self.span.start..self.span.end).unwrap_or("?");
        format!("`{text}`")
    }
}

/// Declares [`Key`] with the lexicon spelling of each keyword.
macro_rules! keys {
    ($($variant:ident = $name:literal,)*) => {
        /// Structural keywords: the `key` class of `grammars/spoken-en.tsv`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $($variant,)*
        }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$variant,)*];

            pub fn name(self) -> &'static str {
                match self {
                    $(Key::$variant => $name,)*
                }
            }

            pub fn from_name(name: &str) -> Option<Key> {
                match name {
                    $($name => Some(Key::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

keys! {
    Plus = "plus",
    Minus = "minus",
    Negative = "negative",
    Positive = "positive",
    PlusMinus = "plus-minus",
    MinusPlus = "minus-plus",
    Times = "times",
    Dot = "dot",
    DividedBy = "divided-by",
    Over = "over",
    All = "all",
    Squared = "squared",
    Cubed = "cubed",
    ToThe = "to-the",
    RaisedToThe = "raised-to-the",
    ToThePowerOf = "to-the-power-of",
    Power = "power",
    Exponent = "exponent",
    EndExponent = "end-exponent",
    Factorial = "factorial",
    Choose = "choose",
    Mod = "mod",
    Prime = "prime",
    DoublePrime = "double-prime",
    TriplePrime = "triple-prime",
    Inverse = "inverse",
    Naught = "naught",
    Twice = "twice",
    SquareOf = "square-of",
    CubeOf = "cube-of",
    ReciprocalOf = "reciprocal-of",
    Percent = "percent",
    Degrees = "degrees",
    StartFrac = "start-frac",
    FracOver = "frac-over",
    EndFrac = "end-frac",
    FracNumerator = "frac-numerator",
    FracDenominator = "frac-denominator",
    Sqrt = "sqrt",
    Cbrt = "cbrt",
    Root = "root",
    StartRoot = "start-root",
    EndRoot = "end-root",
    RootIndex = "root-index",
    Quantity = "quantity",
    EndQuantity = "end-quantity",
    OpenParen = "open-paren",
    CloseParen = "close-paren",
    OpenBracket = "open-bracket",
    CloseBracket = "close-bracket",
    OpenBrace = "open-brace",
    CloseBrace = "close-brace",
    OpenAngle = "open-angle",
    CloseAngle = "close-angle",
    OpenFloor = "open-floor",
    CloseFloor = "close-floor",
    OpenCeil = "open-ceil",
    CloseCeil = "close-ceil",
    Abs = "abs",
    OpenAbs = "open-abs",
    CloseAbs = "close-abs",
    VerticalBar = "vertical-bar",
    DoubleVerticalBar = "double-vertical-bar",
    Ellipsis = "ellipsis",
    Comma = "comma",
    StartSet = "start-set",
    EndSet = "end-set",
    Set = "set",
    EmptySet = "empty-set",
    Sub = "sub",
    Base = "base",
    Underscript = "underscript",
    Overscript = "overscript",
    Endscripts = "endscripts",
    Sum = "sum",
    Product = "product",
    Difference = "difference",
    Quotient = "quotient",
    Integral = "integral",
    Limit = "limit",
    From = "from",
    To = "to",
    As = "as",
    Approaches = "approaches",
    RightArrow = "right-arrow",
    FromLeft = "from-left",
    FromRight = "from-right",
    WithRespectTo = "with-respect-to",
    Derivative = "derivative",
    Union = "union",
    Intersection = "intersection",
    SetMinus = "set-minus",
    Interval = "interval",
    OpenInterval = "open-interval",
    ClosedInterval = "closed-interval",
    HalfOpenInterval = "half-open-interval",
    OpenBoth = "open-both",
    ClosedBoth = "closed-both",
    OpenLeft = "open-left",
    ClosedLeft = "closed-left",
    OpenRight = "open-right",
    ClosedRight = "closed-right",
    Matrix = "matrix",
    Determinant = "determinant",
    By = "by",
    Start = "start",
    EndMatrix = "end-matrix",
    Row = "row",
    Column = "column",
    Rows = "rows",
    Vector = "vector",
    StartBinom = "start-binom",
    EndBinom = "end-binom",
    Upper = "upper",
    Font = "font",
    ModifyingAbove = "modifying-above",
    With = "with",
    Text = "text",
    EndText = "end-text",
    Piecewise = "piecewise",
    If = "if",
    Otherwise = "otherwise",
    EndPiecewise = "end-piecewise",
    Of = "of",
    And = "and",
    Or = "or",
    End = "end",
}
