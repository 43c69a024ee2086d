//! Number words: cardinals (`one hundred and five`), decimals (`three point
//! one four`, `point oh five`), spoken fractions (`two thirds`, `nine twenty
//! fifths`, `seven hundredths`) and ordinals (`fourth`, `twenty fifth`).
//!
//! Works on the lexemes of the word tokenizer, so the vocabulary is the
//! lexicon's; this module only knows how English strings the words together.

use num_bigint::BigInt;

use super::lexicon::{Meaning, NumWord};
use super::words::Lexeme;

/// A number read from words, and the index of the first lexeme after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spoken {
    /// Digits, with a decimal point for `three point one four`.
    Number(String),
    Fraction(BigInt, BigInt),
    Ordinal(BigInt),
}

/// Read a number starting at `lx[i]`, if one starts there.
pub fn number_at(lx: &[Lexeme], i: usize) -> Option<(Spoken, usize)> {
    // `2 thirds`, `1 half`: digits then a fraction word.
    if let Some(n) = lx.get(i).and_then(Lexeme::digits) {
        if n.bytes().all(|b| b.is_ascii_digit()) {
            if let Some((den, j)) = denominator(lx, i + 1, n == "1") {
                return Some((Spoken::Fraction(n.parse().ok()?, den), j));
            }
        }
        return None;
    }
    // `point five`.
    if lx.get(i).is_some_and(|l| l.is_numword(NumWord::Point)) {
        let (digits, j) = decimal_digits(lx, i + 1)?;
        return Some((Spoken::Number(format!("0.{digits}")), j));
    }
    // `a half` (as in `one and a half`).
    if lx.get(i).is_some_and(|l| l.raw() == Some("a")) {
        if let Some(Meaning::Ordinal(d @ 2..=4)) = lx.get(i + 1).and_then(Lexeme::meaning) {
            return Some((Spoken::Fraction(BigInt::from(1), BigInt::from(*d)), i + 2));
        }
        return None;
    }
    if let Some((value, last_tens, j)) = cardinal(lx, i) {
        // `three point one four`.
        if lx.get(j).is_some_and(|l| l.is_numword(NumWord::Point)) {
            if let Some((digits, k)) = decimal_digits(lx, j + 1) {
                return Some((Spoken::Number(format!("{value}.{digits}")), k));
            }
        }
        if let Some(m) = lx.get(j).and_then(Lexeme::meaning) {
            match m {
                // `twenty fifth`: a compound ordinal, not twenty fifths.
                Meaning::Ordinal(u) if last_tens && *u < 10 => {
                    return Some((Spoken::Ordinal(value + BigInt::from(*u)), j + 1));
                }
                // `two hundredth`, `three thousandth`: ordinals of a scale.
                Meaning::Ordinal(s) if *s >= 100 && value != BigInt::from(1) => {
                    return Some((Spoken::Ordinal(value * BigInt::from(*s)), j + 1));
                }
                _ => {}
            }
        }
        if let Some((den, k)) = denominator(lx, j, value == BigInt::from(1)) {
            return Some((Spoken::Fraction(value, den), k));
        }
        return Some((Spoken::Number(value.to_string()), j));
    }
    // A bare ordinal: `fourth`, `twenty fifth`.
    match lx.get(i).and_then(Lexeme::meaning) {
        Some(Meaning::Tens(t)) => {
            if let Some(Meaning::Ordinal(u)) = lx.get(i + 1).and_then(Lexeme::meaning) {
                if *u < 10 {
                    return Some((Spoken::Ordinal(BigInt::from(t + u)), i + 2));
                }
            }
            None
        }
        // `half of x`, `quarter of an hour`: a fraction word alone.
        Some(Meaning::Ordinal(d @ (2 | 4))) if lx[i].word_is(&["half", "quarter"]) => {
            Some((Spoken::Fraction(BigInt::from(1), BigInt::from(*d)), i + 1))
        }
        Some(Meaning::Ordinal(n)) => Some((Spoken::Ordinal(BigInt::from(*n)), i + 1)),
        _ => None,
    }
}

/// Where a cardinal stands in its three-digit group.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Empty,
    /// After a unit or a teen: only a scale may follow.
    Unit,
    /// After a tens word: a unit 1..9 or a scale may follow.
    Tens,
    /// After `hundred` or a larger scale: a tens, unit, teen or `and`.
    Scaled,
}

/// A cardinal in words: its value, whether its last word was a tens word,
/// and the index after it. `one two` is two cardinals: a unit cannot follow
/// a unit, so the first stops there.
pub fn cardinal(lx: &[Lexeme], i: usize) -> Option<(BigInt, bool, usize)> {
    let mut total = BigInt::from(0);
    let mut group: u64 = 0;
    let mut stage = Stage::Empty;
    let mut last_scale = u64::MAX;
    let mut j = i;
    let mut last_tens = false;
    while let Some(m) = lx.get(j).and_then(Lexeme::meaning) {
        match *m {
            Meaning::Number(0) if stage == Stage::Empty && j == i => {
                // `zero` is a whole number by itself.
                return Some((BigInt::from(0), false, j + 1));
            }
            Meaning::Number(n) if n > 0 => {
                let ok = match stage {
                    Stage::Empty | Stage::Scaled => true,
                    Stage::Tens => n < 10,
                    Stage::Unit => false,
                };
                if !ok {
                    break;
                }
                group += n;
                stage = Stage::Unit;
                last_tens = false;
            }
            Meaning::Tens(t) if matches!(stage, Stage::Empty | Stage::Scaled) && group % 100 == 0 => {
                group += t;
                stage = Stage::Tens;
                last_tens = true;
            }
            Meaning::Scale(100) if matches!(stage, Stage::Unit | Stage::Tens) && (1..100).contains(&group) => {
                group *= 100;
                stage = Stage::Scaled;
                last_tens = false;
            }
            Meaning::Scale(s) if s > 100 && s < last_scale && group > 0 && stage != Stage::Empty => {
                total += BigInt::from(group) * BigInt::from(s);
                group = 0;
                last_scale = s;
                stage = Stage::Scaled;
                last_tens = false;
            }
            // `one hundred and five`: `and` only inside, before more words.
            Meaning::NumWord(NumWord::And)
                if stage == Stage::Scaled
                    && matches!(lx.get(j + 1).and_then(Lexeme::meaning), Some(Meaning::Number(1..) | Meaning::Tens(_))) => {}
            _ => break,
        }
        j += 1;
    }
    if stage == Stage::Empty {
        return None;
    }
    Some((total + BigInt::from(group), last_tens, j))
}

/// Digit words after `point`: `one four`, `oh five`.
fn decimal_digits(lx: &[Lexeme], mut j: usize) -> Option<(String, usize)> {
    let mut digits = String::new();
    while let Some(m) = lx.get(j).and_then(Lexeme::meaning) {
        match m {
            Meaning::Number(d) if *d < 10 => digits.push(char::from(b'0' + *d as u8)),
            Meaning::NumWord(NumWord::Zero) => digits.push('0'),
            _ => break,
        }
        j += 1;
    }
    (!digits.is_empty()).then_some((digits, j))
}

/// The denominator word(s) of a spoken fraction at `lx[j]`: `thirds`,
/// `half`, `twenty fifths`, `ninety firsts`. `first` and `second` alone are
/// not denominators (`the second derivative`, and nobody says "one
/// second" for ½); a singular word only follows `one`.
fn denominator(lx: &[Lexeme], j: usize, numerator_is_one: bool) -> Option<(BigInt, usize)> {
    let m = lx.get(j).and_then(Lexeme::meaning)?;
    if let Meaning::Tens(t) = m {
        let (u, _) = ordinal_value(lx.get(j + 1)?)?;
        return (u < 10).then(|| (BigInt::from(t + u), j + 2));
    }
    let (d, plural) = ordinal_value(lx.get(j)?)?;
    if d <= 2 && lx[j].word_is(&["first", "firsts", "second", "seconds"]) {
        return None;
    }
    if !plural && !numerator_is_one {
        return None;
    }
    Some((BigInt::from(d), j + 1))
}

fn ordinal_value(l: &Lexeme) -> Option<(u64, bool)> {
    match l.meaning()? {
        Meaning::Ordinal(n) => Some((*n, false)),
        Meaning::Ordinals(n) => Some((*n, true)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::lex;
    use super::*;

    fn read(s: &str) -> Vec<(Spoken, usize)> {
        let lx = lex(s);
        let mut out = Vec::new();
        let mut i = 0;
        while i < lx.len() {
            match number_at(&lx, i) {
                Some((n, j)) => {
                    out.push((n, j - i));
                    i = j;
                }
                None => i += 1,
            }
        }
        out
    }

    fn num(s: &str) -> Spoken {
        Spoken::Number(s.into())
    }

    fn frac(p: i64, q: i64) -> Spoken {
        Spoken::Fraction(p.into(), q.into())
    }

    #[test]
    fn cardinals() {
        assert_eq!(read("zero"), vec![(num("0"), 1)]);
        assert_eq!(read("seven"), vec![(num("7"), 1)]);
        assert_eq!(read("twenty one"), vec![(num("21"), 2)]);
        assert_eq!(read("one hundred and five"), vec![(num("105"), 4)]);
        assert_eq!(read("one hundred twenty"), vec![(num("120"), 3)]);
        assert_eq!(read("two million"), vec![(num("2000000"), 2)]);
        assert_eq!(read("three thousand four hundred and two"), vec![(num("3402"), 6)]);
        assert_eq!(read("nineteen hundred"), vec![(num("1900"), 2)]);
        // A unit cannot follow a unit: three numbers.
        assert_eq!(read("one two three"), vec![(num("1"), 1), (num("2"), 1), (num("3"), 1)]);
        // `and` between numbers is not part of either.
        assert_eq!(read("two and three"), vec![(num("2"), 1), (num("3"), 1)]);
    }

    #[test]
    fn decimals() {
        assert_eq!(read("three point one four"), vec![(num("3.14"), 4)]);
        assert_eq!(read("point oh five"), vec![(num("0.05"), 3)]);
        assert_eq!(read("zero point five"), vec![(num("0.5"), 3)]);
    }

    #[test]
    fn fractions() {
        assert_eq!(read("one half"), vec![(frac(1, 2), 2)]);
        assert_eq!(read("three halves"), vec![(frac(3, 2), 2)]);
        assert_eq!(read("two thirds"), vec![(frac(2, 3), 2)]);
        assert_eq!(read("three quarters"), vec![(frac(3, 4), 2)]);
        assert_eq!(read("seven hundredths"), vec![(frac(7, 100), 2)]);
        assert_eq!(read("nine twenty fifths"), vec![(frac(9, 25), 3)]);
        assert_eq!(read("one fifty fourth"), vec![(frac(1, 54), 3)]);
        assert_eq!(read("six ninety firsts"), vec![(frac(6, 91), 3)]);
        assert_eq!(read("seven twenty seconds"), vec![(frac(7, 22), 3)]);
        assert_eq!(read("twelve sevenths"), vec![(frac(12, 7), 2)]);
        assert_eq!(read("2 thirds"), vec![(frac(2, 3), 2)]);
        assert_eq!(read("a half"), vec![(frac(1, 2), 2)]);
        assert_eq!(read("half"), vec![(frac(1, 2), 1)]);
    }

    #[test]
    fn ordinals() {
        assert_eq!(read("fourth"), vec![(Spoken::Ordinal(4.into()), 1)]);
        assert_eq!(read("twenty fifth"), vec![(Spoken::Ordinal(25.into()), 2)]);
        assert_eq!(read("one hundred twenty first"), vec![(Spoken::Ordinal(121.into()), 4)]);
        assert_eq!(read("second"), vec![(Spoken::Ordinal(2.into()), 1)]);
        // `first` and `second` do not make fractions.
        assert_eq!(read("two seconds"), vec![(num("2"), 1)]);
    }
}
