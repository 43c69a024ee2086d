//! Trees to spoken English, in two styles: [`SpokenStyle::Natural`] (as a
//! teacher reads aloud: number words, `the quantity … end quantity`, `x
//! over two`) and [`SpokenStyle::ClearSpeak`] (digits, `open paren …
//! close paren`, `the fraction with numerator … and denominator …`).
//!
//! The spoken parser ([`crate::parse::spoken`]) reads every output back to
//! an equal tree. Speech has unmarked scopes (a function's argument, a big
//! operator's body, `x over y`'s denominator), so the printer knows what
//! each construct would swallow and groups it, or says `times`, where the
//! next word would otherwise be taken in; roots, fractions and sets are
//! closed with `end root`, `end fraction`, `end set`.
//!
//! Each node prints at a level (the parser's precedence levels) and with
//! an openness: what may follow it without being absorbed.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive};

use crate::ast::{BigOp, Constant, Expr, ExprKind, Func, LimitDir, MatrixKind, RelOp, Symbol};
// The node matches below glob-import `ExprKind`, whose variants shadow these.
use crate::ast::{Constant as C, Func as F, NumberSet as NS, SetOp as SO};
use crate::parse::spoken::lexicon::{lexicon, Meaning};

use super::shape::decimal_text;

/// How to speak.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpokenStyle {
    /// As a teacher reads aloud: `x squared plus two x plus one`.
    Natural,
    /// ClearSpeak-like, as a screen reader: `x squared plus 2 x plus 1`.
    #[serde(rename = "clearspeak")]
    ClearSpeak,
}

/// `e` as speech in `style`.
pub fn to_spoken(e: &Expr, style: SpokenStyle) -> String {
    let mut p = Printer { style, level: Vec::new(), lower_bound: false };
    p.expr(e, Need::TOP)
}

// Precedence levels, loosest first, as the spoken parser reads them.
const LIST: u8 = 0;
const REL: u8 = 1;
const SETOP: u8 = 2;
const SUM: u8 = 3;
const OVER: u8 = 4;
const PRODUCT: u8 = 5;
const UNARY: u8 = 6;
const POSTFIX: u8 = 7;
const ATOM: u8 = 8;

/// What comes right after a printed node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tail {
    /// Nothing it could take in: a relation, a separator, a closer, the end.
    End,
    /// `plus` / `minus`.
    Sum,
    /// `times`, `divided by`.
    Product,
    /// `over`.
    Over,
    /// Another factor side by side.
    Juxt,
    /// `squared`, `factorial`, a subscript.
    Postfix,
}

/// What a node would take in after itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Closed,
    /// An implicit product and postfix words (`sine of x`).
    Implicit,
    /// Also products (`the sum … of …`, `x over y`).
    Product,
    /// Also sums (`the limit … of …`).
    Sum,
}

/// The context a node is printed in.
#[derive(Clone, Copy, Debug)]
struct Need {
    min: u8,
    tail: Tail,
}

impl Need {
    const TOP: Need = Need { min: LIST, tail: Tail::End };

    fn new(min: u8, tail: Tail) -> Need {
        Need { min, tail }
    }
}

/// How a printed node starts: words that would merge with what precedes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lead {
    Number,
    Sign,
    Bracket,
    Letter,
    Other,
}

struct Printer {
    style: SpokenStyle,
    /// The MathSpeak script level (for the few MathSpeak forms used).
    level: Vec<bool>,
    /// Printing a lower bound (`from … to`): `to the` is not available.
    lower_bound: bool,
}

impl Printer {
    fn natural(&self) -> bool {
        self.style == SpokenStyle::Natural
    }

    /// Print `e` in context `need`, grouping it if it would not read back.
    fn expr(&mut self, e: &Expr, need: Need) -> String {
        let (level, open) = self.shape(e);
        if level < need.min || absorbs(open, need.tail) {
            return self.group(e);
        }
        self.node(e, need.tail)
    }

    /// `e` inside explicit grouping words.
    fn group(&mut self, e: &Expr) -> String {
        let inner = self.expr(e, Need::TOP);
        if self.natural() {
            format!("the quantity {inner} end quantity")
        } else {
            format!("open paren {inner} close paren")
        }
    }

    /// The level a node prints at and what it would take in.
    fn shape(&self, e: &Expr) -> (u8, Open) {
        use ExprKind::*;
        match &e.kind {
            Integer { value } if value.is_negative() => (UNARY, Open::Closed),
            Decimal { value, .. } if value.is_negative() => (UNARY, Open::Closed),
            Rational { value } => {
                if small_fraction(value.numer(), value.denom()).is_some() {
                    (ATOM, Open::Closed)
                } else {
                    self.fraction_shape()
                }
            }
            Integer { .. } | Decimal { .. } | Symbol { .. } | Constant { .. } => (ATOM, Open::Closed),
            Add { .. } => (SUM, Open::Closed),
            Mul { .. } => (PRODUCT, Open::Closed),
            Div { num, den } => match (int_of(num), int_of(den)) {
                (Some(p), Some(q)) if small_fraction(&p, &q).is_some() => (ATOM, Open::Closed),
                _ => self.fraction_shape(),
            },
            // `sine squared of x` takes in what follows x, like `sine of x`.
            Pow { base, exp } if self.function_power(base, exp).is_some() => self.shape(base),
            // The canonical form writes a root as a power `x^{1/2}`.
            Pow { exp, .. } if root_index(exp).is_some() => (ATOM, Open::Closed),
            Pow { .. } | Percent { .. } | Quantity { .. } => (POSTFIX, Open::Closed),
            Root { .. } => (ATOM, Open::Closed),
            Neg { .. } => (UNARY, Open::Closed),
            PlusMinus { lhs: Some(_), .. } => (SUM, Open::Closed),
            PlusMinus { lhs: None, .. } => (UNARY, Open::Closed),
            Func { func, args } => match (func, args.len()) {
                (F::Binom, 2) if self.natural() && args.iter().all(is_word_atom) => (PRODUCT, Open::Implicit),
                (F::Abs | F::Floor | F::Ceil, 1) | (F::Binom, 2) => (ATOM, Open::Closed),
                (F::Factorial, 1) => (POSTFIX, Open::Closed),
                (F::Mod, 2) => (PRODUCT, Open::Implicit),
                // A natural-style argument without parentheses takes in
                // what follows; a parenthesized one does not.
                (F::Log, 2) if self.natural() && is_word_atom(&args[0]) => (ATOM, Open::Implicit),
                _ if self.natural() && args.len() == 1 && is_word_atom(&args[0]) => (ATOM, Open::Implicit),
                _ => (ATOM, Open::Closed),
            },
            Apply { args, .. } if self.natural() && args.len() == 1 && is_word_atom(&args[0]) => (ATOM, Open::Implicit),
            Apply { .. } => (ATOM, Open::Closed),
            BigOp { .. } => (ATOM, Open::Product),
            Integral { var: Some(_), .. } | Derivative { .. } => (ATOM, Open::Closed),
            Integral { var: None, .. } | Limit { .. } => (ATOM, Open::Sum),
            Relation { .. } => (REL, Open::Closed),
            SetOp { .. } => (SETOP, Open::Closed),
            List { .. } => (LIST, Open::Closed),
            Set { .. } | Tuple { .. } | Interval { .. } | NumberSet { .. } | EmptySet | Matrix { .. } | Piecewise { .. } | Text { .. } => {
                (ATOM, Open::Closed)
            }
        }
    }

    fn fraction_shape(&self) -> (u8, Open) {
        if self.natural() {
            (OVER, Open::Product)
        } else {
            (ATOM, Open::Closed)
        }
    }

    /// How `e` starts when printed in a context that does not group it.
    fn lead(&self, e: &Expr) -> Lead {
        use ExprKind::*;
        match &e.kind {
            Integer { value } if value.is_negative() => Lead::Sign,
            Decimal { value, .. } if value.is_negative() => Lead::Sign,
            Integer { .. } | Decimal { .. } | Rational { .. } => Lead::Number,
            Div { num, den } if matches!((int_of(num), int_of(den)), (Some(p), Some(q)) if small_fraction(&p, &q).is_some()) => {
                Lead::Number
            }
            Div { num, .. } if self.natural() => self.lead(num),
            Neg { .. } | PlusMinus { lhs: None, .. } => Lead::Sign,
            Symbol { .. } | Constant { .. } => Lead::Letter,
            Mul { factors } => factors.first().map_or(Lead::Other, |f| self.lead(f)),
            Add { terms } => terms.first().map_or(Lead::Other, |f| self.lead(f)),
            PlusMinus { lhs: Some(l), .. } => self.lead(l),
            Pow { base, .. } | Percent { value: base } | Quantity { value: base, .. } => self.lead(base),
            Func { func: F::Factorial | F::Mod, args } => args.first().map_or(Lead::Other, |f| self.lead(f)),
            Tuple { .. } | Interval { .. } => Lead::Bracket,
            Relation { operands, .. } => operands.first().map_or(Lead::Other, |f| self.lead(f)),
            SetOp { lhs, .. } => self.lead(lhs),
            _ => Lead::Other,
        }
    }

    /// Print a node whose context suits it.
    fn node(&mut self, e: &Expr, tail: Tail) -> String {
        use ExprKind::*;
        match &e.kind {
            Integer { value } => self.integer(value),
            Rational { value } => self.fraction_of_ints(value.numer(), value.denom()),
            Decimal { value, text } => {
                let t = decimal_text(value, text);
                match t.strip_prefix('-') {
                    Some(rest) => format!("negative {rest}"),
                    None => t,
                }
            }
            Symbol { sym } => self.symbol(sym),
            Constant { constant } => match constant {
                C::Pi => "pi".into(),
                C::E => "e".into(),
                C::I => "i".into(),
                C::Infinity => "infinity".into(),
            },
            Add { terms } => self.sum(terms, tail),
            Mul { factors } => self.product(factors, tail),
            Div { num, den } => match (int_of(num), int_of(den)) {
                (Some(p), Some(q)) if small_fraction(&p, &q).is_some() => self.fraction_of_ints(&p, &q),
                _ => self.fraction(num, den),
            },
            Pow { base, exp } => match root_index(exp) {
                Some(2) => self.root(base, None),
                Some(n) => self.root(base, Some(&Expr::new(Integer { value: BigInt::from(n) }, exp.span))),
                None => self.power(base, exp),
            },
            Root { radicand, index } => self.root(radicand, index.as_deref()),
            Neg { arg } => format!("negative {}", self.expr(arg, Need::new(PRODUCT, tail))),
            PlusMinus { lhs, rhs, minus_plus } => {
                let op = if *minus_plus { "minus or plus" } else { "plus or minus" };
                match lhs {
                    Some(l) => {
                        let l = self.expr(l, Need::new(SUM, Tail::Sum));
                        format!("{l} {op} {}", self.expr(rhs, Need::new(OVER, tail)))
                    }
                    None => format!("{op} {}", self.expr(rhs, Need::new(PRODUCT, tail))),
                }
            }
            Func { func, args } => self.function(*func, args, tail),
            Apply { name, args } => self.apply(name, args),
            BigOp { op, body, var, lower, upper } => self.big_op(*op, body, var.as_ref(), lower.as_deref(), upper.as_deref()),
            Integral { body, var, lower, upper } => self.integral(body, var.as_ref(), lower.as_deref(), upper.as_deref(), tail),
            Limit { body, var, to, dir } => {
                let v = self.symbol(var);
                let to = self.expr(to, Need::new(SUM, Tail::End));
                let dir = match dir {
                    Some(LimitDir::Plus) => " from the right",
                    Some(LimitDir::Minus) => " from the left",
                    None => "",
                };
                let body = self.expr(body, Need::new(SUM, tail));
                format!("the limit as {v} approaches {to}{dir} of {body}")
            }
            Derivative { body, var, order } => {
                let nth = match order {
                    1 => String::new(),
                    n => format!("{} ", self.ordinal(&BigInt::from(*n))),
                };
                let body = self.expr(body, Need::new(SUM, Tail::End));
                format!("the {nth}derivative of {body} with respect to {}", self.symbol(var))
            }
            Relation { ops, operands } => {
                let mut out = self.expr(&operands[0], Need::new(SETOP, Tail::End));
                for (i, (op, rhs)) in ops.iter().zip(&operands[1..]).enumerate() {
                    let last = i + 2 == operands.len();
                    let t = if last { tail } else { Tail::End };
                    let r = self.expr(rhs, Need::new(SETOP, t));
                    out = format!("{out} {} {r}", self.relation_words(*op));
                }
                out
            }
            Percent { value } => format!("{} percent", self.expr(value, Need::new(POSTFIX, Tail::Postfix))),
            Quantity { value, unit } => {
                let v = self.expr(value, Need::new(POSTFIX, Tail::Postfix));
                format!("{v} {}", unit_word(unit))
            }
            Set { items } => format!("the set {} end set", self.items(items)),
            Tuple { items } => format!("open paren {} close paren", self.items(items)),
            List { items } => {
                let parts: Vec<String> = items.iter().map(|i| self.expr(i, Need::new(REL, Tail::End))).collect();
                parts.join(", ")
            }
            Interval { lo, hi, lo_closed, hi_closed } => {
                let open = if *lo_closed { "open bracket" } else { "open paren" };
                let close = if *hi_closed { "close bracket" } else { "close paren" };
                let lo = self.expr(lo, Need::new(REL, Tail::End));
                let hi = self.expr(hi, Need::new(REL, Tail::End));
                format!("{open} {lo} comma {hi} {close}")
            }
            SetOp { op, lhs, rhs } => {
                let word = match op {
                    SO::Union => "union",
                    SO::Intersection => "intersection",
                    SO::Difference => "set minus",
                };
                let l = self.expr(lhs, Need::new(SETOP, Tail::End));
                let r = self.expr(rhs, Need::new(SUM, tail));
                format!("{l} {word} {r}")
            }
            NumberSet { set } => match set {
                NS::Naturals => "the natural numbers",
                NS::Integers => "the integers",
                NS::Rationals => "the rational numbers",
                NS::Reals => "the real numbers",
                NS::Complexes => "the complex numbers",
            }
            .into(),
            EmptySet => "the empty set".into(),
            Matrix { kind, rows } => self.matrix(*kind, rows),
            Piecewise { pieces } => {
                let parts: Vec<String> = pieces
                    .iter()
                    .map(|(v, c)| {
                        let v = self.expr(v, Need::new(SUM, Tail::End));
                        match c {
                            Some(c) => format!("{v} if {}", self.expr(c, Need::new(REL, Tail::End))),
                            None => format!("{v} otherwise"),
                        }
                    })
                    .collect();
                format!("piecewise {}, end piecewise", parts.join(", "))
            }
            Text { text } => format!("the text {text} end text"),
        }
    }

    // ---- numbers -----------------------------------------------------------------

    fn integer(&self, v: &BigInt) -> String {
        if v.is_negative() {
            return format!("negative {}", self.integer(&-v));
        }
        if self.natural() {
            if let Some(w) = v.to_u64().and_then(cardinal_words) {
                return w;
            }
        }
        v.to_string()
    }

    /// `p/q` of integers: words when the lexicon has them (`three
    /// fourths`), else a fraction.
    fn fraction_of_ints(&mut self, p: &BigInt, q: &BigInt) -> String {
        if let Some(w) = small_fraction(p, q) {
            return w;
        }
        let num = Expr::int(p.clone(), crate::span::Span::EMPTY);
        let den = Expr::int(q.clone(), crate::span::Span::EMPTY);
        self.fraction(&num, &den)
    }

    fn ordinal(&self, n: &BigInt) -> String {
        if self.natural() {
            if let Some(w) = n.to_u64().and_then(|v| ordinal_words(v, false, false)) {
                return w;
            }
        }
        format!("{n}{}", ordinal_suffix((n % 100u32).to_u32().unwrap_or(0)))
    }

    // ---- names ----------------------------------------------------------------------

    fn symbol(&mut self, sym: &Symbol) -> String {
        let mut out = match lexicon().phrase_for(&Meaning::Greek(leak_name(&sym.name))) {
            Some(w) if sym.name.len() > 1 => w,
            _ => sym.name.clone(),
        };
        if let Some(sub) = &sym.sub {
            out = format!("{out} sub {}", self.subscript(sub));
        }
        match sym.primes {
            0 => {}
            1 => out.push_str(" prime"),
            2 => out.push_str(" double prime"),
            n => {
                out.push_str(" triple prime");
                for _ in 3..n {
                    out.push_str(" prime");
                }
            }
        }
        if let Some(a) = &sym.accent {
            out = match a.as_str() {
                "vec" => format!("ModifyingAbove {out} With right arrow"),
                "dot" => format!("ModifyingAbove {out} With dot"),
                "ddot" => format!("{out} two dots"),
                other => format!("{out} {other}"),
            };
        }
        out
    }

    /// A subscript's LaTeX text as words: one atom after `sub`, or a
    /// group (`x sub open paren n plus 1 close paren`).
    fn subscript(&mut self, sub: &str) -> String {
        if sub.bytes().all(|b| b.is_ascii_digit()) && !sub.is_empty() {
            return match sub.parse::<BigInt>() {
                // Leading zeros must survive: keep the digits.
                Ok(v) if v.to_string() == sub => self.integer(&v),
                _ => sub.to_string(),
            };
        }
        if let Some(f) = sub.strip_prefix('\\').filter(|f| lexicon().phrase_for(&Meaning::Func(leak_name(f))).is_some()) {
            return lexicon().phrase_for(&Meaning::Func(leak_name(f))).unwrap_or_default();
        }
        // Speak the subscript as math when the reader will write it back
        // as the same text; otherwise as the text itself.
        let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        match crate::parse::parse(sub, crate::parse::Syntax::Latex) {
            Ok(e) if compact(&crate::print::to_latex(&e)) == compact(sub) => {
                if matches!(e.kind, ExprKind::Symbol { .. } | ExprKind::Integer { .. }) {
                    self.expr(&e, Need::new(ATOM, Tail::End))
                } else {
                    self.group(&e)
                }
            }
            _ => format!("the text {sub} end text"),
        }
    }

    fn relation_words(&self, op: RelOp) -> &'static str {
        match op {
            RelOp::Eq => "equals",
            RelOp::Ne => "is not equal to",
            RelOp::Lt => "is less than",
            RelOp::Le => "is less than or equal to",
            RelOp::Gt => "is greater than",
            RelOp::Ge => "is greater than or equal to",
            RelOp::Approx => "is approximately equal to",
            RelOp::In => "is an element of",
            RelOp::NotIn => "is not an element of",
            RelOp::Subset => "is a proper subset of",
            RelOp::SubsetEq => "is a subset of",
            RelOp::Supset => "superset of",
            RelOp::SupsetEq => "is a superset of",
        }
    }

    // ---- arithmetic --------------------------------------------------------------------

    fn sum(&mut self, terms: &[Expr], tail: Tail) -> String {
        let mut out = String::new();
        for (i, t) in terms.iter().enumerate() {
            let last = i + 1 == terms.len();
            let tl = if last { tail } else { Tail::Sum };
            if i == 0 {
                out = self.expr(t, Need::new(OVER, tl));
                continue;
            }
            match &t.kind {
                ExprKind::Neg { arg } => {
                    let a = self.expr(arg, Need::new(OVER, tl));
                    out = format!("{out} minus {a}");
                }
                _ => {
                    let a = self.expr(t, Need::new(OVER, tl));
                    out = format!("{out} plus {a}");
                }
            }
        }
        out
    }

    fn product(&mut self, factors: &[Expr], tail: Tail) -> String {
        // Decide the joiner before each factor: side by side, or `times`
        // where side by side would merge or be taken in.
        let n = factors.len();
        let mut times = vec![false; n];
        for i in 1..n {
            let left = &factors[i - 1];
            let right = &factors[i];
            let (_, left_open) = self.shape(left);
            let lead = self.lead_in_product(right);
            times[i] = left_open != Open::Closed
                || matches!(lead, Lead::Number | Lead::Sign | Lead::Bracket)
                || is_partial(left)
                || is_partial(right)
                || is_letter(left, "d");
        }
        let mut out = String::new();
        for (i, f) in factors.iter().enumerate() {
            let tl = if i + 1 == n {
                tail
            } else if times[i + 1] {
                Tail::Product
            } else {
                Tail::Juxt
            };
            let min = if i == 0 || times[i] { UNARY } else { POSTFIX };
            let s = self.expr(f, Need::new(min, tl));
            if i == 0 {
                out = s;
            } else if times[i] {
                out = format!("{out} times {s}");
            } else {
                out = format!("{out} {s}");
            }
        }
        out
    }

    /// How a factor starts when printed side by side (grouped if needed).
    fn lead_in_product(&self, e: &Expr) -> Lead {
        let (level, open) = self.shape(e);
        if level < POSTFIX || absorbs(open, Tail::Juxt) {
            // It will be grouped (or joined with `times` anyway).
            return if self.natural() { Lead::Other } else { Lead::Bracket };
        }
        self.lead(e)
    }

    fn fraction(&mut self, num: &Expr, den: &Expr) -> String {
        if self.natural() {
            let n = self.expr(num, Need::new(PRODUCT, Tail::Over));
            let d = self.natural_denominator(den);
            return format!("{n} over {d}");
        }
        let n = self.expr(num, Need::TOP);
        let d = self.expr(den, Need::TOP);
        format!("the fraction with numerator {n} and denominator {d} end fraction")
    }

    /// A denominator after `over`: one atom or power, or a group.
    fn natural_denominator(&mut self, den: &Expr) -> String {
        let (level, _) = self.shape(den);
        let simple = level >= POSTFIX && !matches!(self.lead(den), Lead::Sign) && self.shape(den).1 == Open::Closed;
        if simple {
            self.expr(den, Need::new(POSTFIX, Tail::End))
        } else {
            self.group(den)
        }
    }

    /// `sine squared of x`: a trig function or logarithm of one argument
    /// squared or cubed, said as the function's power.
    fn function_power(&self, base: &Expr, exp: &Expr) -> Option<(Func, &'static str)> {
        let ExprKind::Func { func, args } = &base.kind else { return None };
        let word = match exp_int(exp)? {
            2 => "squared",
            3 => "cubed",
            _ => return None,
        };
        let fits = args.len() == 1 && (func.is_trig_like() || matches!(func, Func::Ln | Func::Log));
        fits.then_some((*func, word))
    }

    fn power(&mut self, base: &Expr, exp: &Expr) -> String {
        if let Some((func, p)) = self.function_power(base, exp) {
            if let (Some(word), ExprKind::Func { args, .. }) = (self.function_word(func), &base.kind) {
                return format!("{word} {p} of {}", self.function_argument(&args[0]));
            }
        }
        let b = self.expr(base, Need::new(POSTFIX, Tail::Postfix));
        match exp_int(exp) {
            Some(2) => return format!("{b} squared"),
            Some(3) => return format!("{b} cubed"),
            _ => {}
        }
        if !self.lower_bound {
            if let ExprKind::Integer { value } = &exp.kind {
                if value.is_positive() {
                    return format!("{b} to the {} power", self.ordinal(value));
                }
            }
            if let Some(l) = single_letter(exp) {
                return format!("{b} to the {l}-th power");
            }
        }
        let x = self.expr(exp, Need::TOP);
        format!("{b} raised to the {x} power")
    }

    /// `\\sqrt{r}`, `\\sqrt[n]{r}`.
    fn root(&mut self, radicand: &Expr, index: Option<&Expr>) -> String {
        let r = self.expr(radicand, Need::TOP);
        let Some(index) = index else { return format!("the square root of {r} end root") };
        match &index.kind {
            ExprKind::Integer { value } if *value == BigInt::from(3) => format!("the cube root of {r} end root"),
            ExprKind::Integer { value } if value.is_positive() => format!("the {} root of {r} end root", self.ordinal(value)),
            _ => match single_letter(index) {
                Some(l) => format!("the {l}-th root of {r} end root"),
                None => {
                    let i = self.expr(index, Need::TOP);
                    format!("RootIndex {i} StartRoot {r} EndRoot")
                }
            },
        }
    }

    // ---- functions --------------------------------------------------------------------

    fn function_word(&self, f: Func) -> Option<String> {
        if f == Func::Ln {
            return Some(if self.natural() { "natural log" } else { "l n" }.into());
        }
        if f == Func::Det {
            return Some("determinant".into());
        }
        lexicon().phrase_for(&Meaning::Func(f.name()))
    }

    /// `open paren a comma b close paren`.
    fn paren_args(&mut self, args: &[Expr]) -> String {
        format!("open paren {} close paren", self.items(args))
    }

    fn items(&mut self, items: &[Expr]) -> String {
        let parts: Vec<String> = items.iter().map(|i| self.expr(i, Need::new(REL, Tail::End))).collect();
        parts.join(" comma ")
    }

    fn function(&mut self, func: Func, args: &[Expr], tail: Tail) -> String {
        match func {
            Func::Abs if args.len() == 1 => {
                return format!("the absolute value of {} end absolute value", self.expr(&args[0], Need::TOP))
            }
            Func::Floor if args.len() == 1 => return format!("left floor {} right floor", self.expr(&args[0], Need::TOP)),
            Func::Ceil if args.len() == 1 => {
                return format!("left ceiling {} right ceiling", self.expr(&args[0], Need::TOP))
            }
            Func::Factorial if args.len() == 1 => {
                return format!("{} factorial", self.expr(&args[0], Need::new(POSTFIX, Tail::Postfix)))
            }
            Func::Binom if args.len() == 2 && self.natural() && args.iter().all(is_word_atom) => {
                let n = self.expr(&args[0], Need::new(ATOM, Tail::End));
                let k = self.expr(&args[1], Need::new(ATOM, tail));
                return format!("{n} choose {k}");
            }
            Func::Binom if args.len() == 2 => {
                let n = self.expr(&args[0], Need::TOP);
                let k = self.expr(&args[1], Need::TOP);
                return format!("StartBinomialOrMatrix {n} Choose {k} EndBinomialOrMatrix");
            }
            Func::Mod if args.len() == 2 => {
                let a = self.expr(&args[0], Need::new(PRODUCT, Tail::Product));
                let m = self.expr(&args[1], Need::new(UNARY, tail));
                return format!("{a} mod {m}");
            }
            Func::Log if args.len() == 2 => {
                let b = self.expr(&args[1], Need::new(ATOM, Tail::End));
                return format!("log base {b} of {}", self.function_argument(&args[0]));
            }
            _ => {}
        }
        let word = self.function_word(func).unwrap_or_else(|| func.name().to_string());
        if args.len() == 1 && !matches!(func, Func::Max | Func::Min | Func::Gcd | Func::Lcm) {
            return format!("{word} of {}", self.function_argument(&args[0]));
        }
        format!("{word} of {}", self.paren_args(args))
    }

    /// After `of`: an atom, or the argument in parentheses.
    fn function_argument(&mut self, arg: &Expr) -> String {
        if self.natural() && is_word_atom(arg) {
            return self.expr(arg, Need::new(ATOM, Tail::End));
        }
        self.paren_args(std::slice::from_ref(arg))
    }

    /// `f of x`, `f open paren x comma y close paren`.
    fn apply(&mut self, name: &Symbol, args: &[Expr]) -> String {
        let n = self.symbol(name);
        // `G of x` is a product when spoken (SRE says `of` for those), so
        // capitals keep their parentheses.
        let lower_function_letter = name.name.len() == 1 && name.name.chars().all(|c| c.is_ascii_lowercase());
        if self.natural() && !self.lower_bound && lower_function_letter && args.len() == 1 && is_word_atom(&args[0]) {
            return format!("{n} of {}", self.expr(&args[0], Need::new(ATOM, Tail::End)));
        }
        format!("{n} {}", self.paren_args(args))
    }

    // ---- calculus -------------------------------------------------------------------------

    /// `from a to b` bounds, with `to the` unavailable in the lower one.
    fn bounds(&mut self, lower: &Expr, upper: &Expr) -> String {
        let saved = self.lower_bound;
        self.lower_bound = true;
        let lo = self.expr(lower, Need::new(REL, Tail::End));
        self.lower_bound = saved;
        let hi = self.expr(upper, Need::new(SUM, Tail::End));
        format!("from {lo} to {hi}")
    }

    fn big_op(&mut self, op: BigOp, body: &Expr, var: Option<&Symbol>, lower: Option<&Expr>, upper: Option<&Expr>) -> String {
        let word = if op == BigOp::Sum { "sum" } else { "product" };
        let b = self.expr(body, Need::new(OVER, Tail::End));
        let v = var.map(|v| self.symbol(v));
        match (lower, upper) {
            (Some(lo), Some(hi)) => {
                let lo_expr;
                let lower_full = match var {
                    Some(v) => {
                        lo_expr = Expr::new(
                            ExprKind::Relation { ops: vec![RelOp::Eq], operands: vec![Expr::sym(v.clone(), lo.span), lo.clone()] },
                            lo.span,
                        );
                        &lo_expr
                    }
                    None => lo,
                };
                let bounds = self.bounds(lower_full, hi);
                format!("the {word} {bounds} of {b}")
            }
            (None, None) => match v {
                Some(v) => format!("the {word} over {v} of {b}"),
                None => format!("the {word} of {b}"),
            },
            _ => {
                // One bound only: MathSpeak scripts say which.
                let mathspeak = if op == BigOp::Sum { "sigma summation" } else { "product" };
                let mut under = String::new();
                if let Some(lo) = lower {
                    let lo = self.expr(lo, Need::TOP);
                    under = match &v {
                        Some(v) => format!(" Underscript {v} equals {lo}"),
                        None => format!(" Underscript {lo}"),
                    };
                } else if let Some(v) = &v {
                    under = format!(" Underscript {v}");
                }
                let over = match upper {
                    Some(hi) => format!(" Overscript {}", self.expr(hi, Need::TOP)),
                    None => String::new(),
                };
                format!("{mathspeak}{under}{over} Endscripts {b}")
            }
        }
    }

    fn integral(&mut self, body: &Expr, var: Option<&Symbol>, lower: Option<&Expr>, upper: Option<&Expr>, tail: Tail) -> String {
        let d = var.map(|v| format!(" d {}", self.symbol(v)));
        let body_tail = if d.is_some() { Tail::End } else { tail };
        let b = self.expr(body, Need::new(SUM, body_tail));
        let d = d.unwrap_or_default();
        match (lower, upper) {
            (Some(lo), Some(hi)) => {
                let bounds = self.bounds(lo, hi);
                format!("the integral {bounds} of {b}{d}")
            }
            (None, None) => format!("the integral of {b}{d}"),
            _ => {
                let (sub, sup) = self.script_words();
                let base = self.base_word();
                let mut scripts = String::new();
                if let Some(lo) = lower {
                    scripts = format!(" {sub} {}", self.in_script(false, lo));
                }
                if let Some(hi) = upper {
                    scripts = format!("{scripts} {sup} {}", self.in_script(true, hi));
                }
                format!("integral{scripts} {base} {b}{d}")
            }
        }
    }

    /// MathSpeak's subscript and superscript markers one level down from
    /// the current one, and the marker back to it.
    fn script_words(&self) -> (String, String) {
        let prefix: String = self.level.iter().map(|&sup| if sup { "Super " } else { "Sub " }).collect();
        (format!("{prefix}Subscript"), format!("{prefix}Superscript"))
    }

    fn base_word(&self) -> String {
        if self.level.is_empty() {
            return "Baseline".into();
        }
        let (head, last) = self.level.split_at(self.level.len() - 1);
        let prefix: String = head.iter().map(|&sup| if sup { "Super " } else { "Sub " }).collect();
        format!("{prefix}{}", if last[0] { "Superscript" } else { "Subscript" })
    }

    /// `e` one MathSpeak script level down.
    fn in_script(&mut self, sup: bool, e: &Expr) -> String {
        self.level.push(sup);
        let s = self.expr(e, Need::TOP);
        self.level.pop();
        s
    }

    // ---- structures --------------------------------------------------------------------------

    fn matrix(&mut self, kind: MatrixKind, rows: &[Vec<Expr>]) -> String {
        let m = rows.len();
        let n = rows.first().map_or(0, Vec::len);
        let (word, end) = if kind == MatrixKind::Vert { ("Determinant", "EndDeterminant") } else { ("Matrix", "EndMatrix") };
        let mut out = format!("Start {m} By {n} {word}");
        for (i, row) in rows.iter().enumerate() {
            out = format!("{out} {} Row", ordinal_digits(i + 1));
            for (j, cell) in row.iter().enumerate() {
                let c = self.expr(cell, Need::TOP);
                out = format!("{out} {} Column {c}", ordinal_digits(j + 1));
            }
        }
        format!("{out} {end}")
    }
}

/// An argument said without parentheses in the natural style (`sine of
/// x`, `f of 2`).
fn is_word_atom(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Symbol { sym } => sym.sub.is_none() && sym.primes == 0 && sym.accent.is_none(),
        ExprKind::Integer { value } => !value.is_negative(),
        ExprKind::Constant { .. } => true,
        _ => false,
    }
}

/// Would a node that is `open` take in what the `tail` is?
fn absorbs(open: Open, tail: Tail) -> bool {
    match open {
        Open::Closed => false,
        Open::Implicit => matches!(tail, Tail::Over | Tail::Juxt | Tail::Postfix),
        Open::Product => matches!(tail, Tail::Product | Tail::Over | Tail::Juxt | Tail::Postfix),
        Open::Sum => tail != Tail::End,
    }
}

fn int_of(e: &Expr) -> Option<BigInt> {
    match &e.kind {
        ExprKind::Integer { value } if !value.is_negative() => Some(value.clone()),
        _ => None,
    }
}

fn exp_int(e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Integer { value } => value.to_i64(),
        _ => None,
    }
}

/// The index `n` of an exponent `1/n` (n ≥ 2): the canonical form's root
/// `x^{1/2}`, said as a root the way LaTeX prints it (`\\sqrt{x}`).
fn root_index(exp: &Expr) -> Option<u32> {
    let ExprKind::Rational { value } = &exp.kind else { return None };
    if !value.numer().is_one() {
        return None;
    }
    value.denom().to_u32().filter(|n| *n >= 2)
}

/// A single-letter exponent or index said as `n-th`.
fn single_letter(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Symbol { sym }
            if sym.name.len() == 1 && sym.name.chars().all(|c| c.is_ascii_alphabetic()) && sym.sub.is_none() && sym.primes == 0 && sym.accent.is_none() =>
        {
            Some(sym.name.clone())
        }
        ExprKind::Constant { constant: Constant::E } => Some("e".into()),
        ExprKind::Constant { constant: Constant::I } => Some("i".into()),
        _ => None,
    }
}

fn is_partial(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Symbol { sym } if sym.name == "partial")
}

fn is_letter(e: &Expr, l: &str) -> bool {
    matches!(&e.kind, ExprKind::Symbol { sym } if sym.name == l && sym.sub.is_none() && sym.primes == 0)
}

fn ordinal_digits(n: usize) -> String {
    format!("{n}{}", ordinal_suffix((n % 100) as u32))
}

/// The suffix of an ordinal in digits, from its last two digits (`1st`,
/// `12th`, `23rd`).
fn ordinal_suffix(last_two: u32) -> &'static str {
    match last_two {
        11..=13 => "th",
        m => match m % 10 {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        },
    }
}

/// Names are looked up in the lexicon by `&'static str`; the lexicon's own
/// strings are static, so find the matching one.
fn leak_name(name: &str) -> &'static str {
    lexicon()
        .entries()
        .iter()
        .find_map(|e| match &e.meaning {
            Meaning::Greek(g) if *g == name => Some(*g),
            Meaning::Func(f) if *f == name => Some(*f),
            _ => None,
        })
        .unwrap_or("")
}

/// Cardinal words for `n` below a million: `one hundred five`.
fn cardinal_words(n: u64) -> Option<String> {
    let lex = lexicon();
    let word = |m: &Meaning| lex.phrase_for(m);
    if n < 20 {
        return word(&Meaning::Number(n));
    }
    if n < 100 {
        let tens = word(&Meaning::Tens(n - n % 10))?;
        return Some(if n % 10 == 0 { tens } else { format!("{tens} {}", word(&Meaning::Number(n % 10))?) });
    }
    if n < 1000 {
        let head = format!("{} {}", word(&Meaning::Number(n / 100))?, word(&Meaning::Scale(100))?);
        return Some(if n % 100 == 0 { head } else { format!("{head} {}", cardinal_words(n % 100)?) });
    }
    if n < 1_000_000 {
        let head = format!("{} {}", cardinal_words(n / 1000)?, word(&Meaning::Scale(1000))?);
        return Some(if n % 1000 == 0 { head } else { format!("{head} {}", cardinal_words(n % 1000)?) });
    }
    None
}

/// Ordinal words for `n` below a hundred: `fourth`, `twenty first`; with
/// `fraction`, the denominator words of a spoken fraction (`half`,
/// `thirds`, `twenty seconds`), plural when `plural`.
fn ordinal_words(n: u64, fraction: bool, plural: bool) -> Option<String> {
    let lex = lexicon();
    let ord = |v: u64| lex.phrase_for(&if plural { Meaning::Ordinals(v) } else { Meaning::Ordinal(v) });
    if fraction && n == 2 {
        return Some(if plural { "halves" } else { "half" }.to_string());
    }
    if n < 20 || (n < 100 && n % 10 == 0) || n == 100 || n == 1000 {
        return ord(n);
    }
    if n < 100 {
        let tens = lex.phrase_for(&Meaning::Tens(n - n % 10))?;
        return Some(format!("{tens} {}", ord(n % 10)?));
    }
    None
}

/// `p/q` as a spoken fraction word when both are small: `one half`, `three
/// fourths`, `eleven twelfths`, `one twenty fifth`.
fn small_fraction(p: &BigInt, q: &BigInt) -> Option<String> {
    let (p, q) = (p.to_u64()?, q.to_u64()?);
    if p == 0 || q < 2 || p >= 20 || (q > 19 && q != 100 && q != 1000 && !(21..100).contains(&q)) {
        return None;
    }
    // The tokenizer reads a numerator word, then the denominator words;
    // `first` and `second` only count inside a compound (`twenty first`).
    if q < 3 && q != 2 {
        return None;
    }
    let num = cardinal_words(p)?;
    let den = ordinal_words(q, true, p != 1)?;
    Some(format!("{num} {den}"))
}

/// The spoken word for a unit's canonical name: a multi-letter word from
/// `grammars/units.tsv` that reads back to it.
fn unit_word(canonical: &str) -> String {
    if canonical == "deg" {
        return "degrees".into();
    }
    crate::normalize::units::units()
        .iter()
        .filter(|u| u.canonical == canonical && u.word.len() > 1 && u.word.chars().all(|c| c.is_ascii_alphabetic()))
        .map(|u| u.word.to_string())
        .next()
        .unwrap_or_else(|| canonical.to_string())
}
