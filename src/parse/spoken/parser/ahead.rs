//! What lies ahead, computed once per input in linear time: which opener
//! has its closer said (`the quantity … end quantity`, `the square root of
//! … end root`), and which MathSpeak script has a marker that leaves it
//! (`Baseline`, or a sibling's marker). Asking the tokens afresh at each
//! opener would cost time quadratic in the input.

use crate::parse::spoken::token::{Key, Tk, Token};

/// The precomputed answers, by token index.
pub struct Ahead {
    /// For an opener, the index of its closer, if said.
    closer: Vec<Option<usize>>,
    /// For a script marker, whether a marker leaving its script follows
    /// before its group ends.
    script_ends: Vec<bool>,
}

impl Ahead {
    pub fn new(toks: &[Token]) -> Ahead {
        Ahead { closer: closers(toks), script_ends: script_ends(toks) }
    }

    /// The closer of the opener at `i`, if it is said before `end`.
    pub fn closer_of(&self, i: usize, end: usize) -> Option<usize> {
        self.closer.get(i).copied().flatten().filter(|&j| j < end)
    }

    /// Is the script opened by the marker at `i` ended by a later marker?
    pub fn script_ends(&self, i: usize) -> bool {
        self.script_ends.get(i).copied().unwrap_or(false)
    }
}

/// Match openers to closers with a stack. A closer closes the innermost
/// open group it fits; openers above it (whose closer is optional: `the
/// square root of` without `end root`) stay unmatched. A closer that fits
/// nothing open is stray and ignored.
fn closers(toks: &[Token]) -> Vec<Option<usize>> {
    let mut out = vec![None; toks.len()];
    let mut open: Vec<(usize, Key)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Tk::Key(k) = t.tk else { continue };
        if let Some(c) = closer_for(k) {
            open.push((i, c));
        } else if is_closer(k) {
            if let Some(at) = open.iter().rposition(|&(_, c)| closes(c, k)) {
                out[open[at].0] = Some(i);
                open.truncate(at);
            }
        }
    }
    out
}

/// For each script marker, whether its script is left by a later marker
/// before the group it sits in closes. A script at path P is left by the
/// first marker whose path does not start with P.
fn script_ends(toks: &[Token]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    // Open groups (expected closer) and open scripts (marker index, path,
    // number of open groups when it began).
    let mut groups: Vec<Key> = Vec::new();
    let mut scripts: Vec<(usize, &[crate::parse::spoken::token::Script], usize)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match &t.tk {
            Tk::Script(path) => {
                // Every open script this marker leaves is ended by it.
                while let Some(&(m, p, _)) = scripts.last() {
                    if path.starts_with(p) {
                        break;
                    }
                    out[m] = true;
                    scripts.pop();
                }
                if !path.is_empty() {
                    scripts.push((i, path.as_slice(), groups.len()));
                }
            }
            Tk::Key(k) => {
                if let Some(c) = closer_for(*k) {
                    groups.push(c);
                } else if is_closer(*k) {
                    if let Some(at) = groups.iter().rposition(|&c| closes(c, *k)) {
                        groups.truncate(at);
                        // Scripts begun inside the closed group end unsaid.
                        while scripts.last().is_some_and(|&(_, _, g)| g > at) {
                            scripts.pop();
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The closer an opener waits for.
fn closer_for(k: Key) -> Option<Key> {
    Some(match k {
        Key::OpenParen | Key::OpenBracket => Key::CloseParen,
        Key::OpenBrace => Key::CloseBrace,
        Key::OpenAngle => Key::CloseAngle,
        Key::OpenFloor => Key::CloseFloor,
        Key::OpenCeil => Key::CloseCeil,
        Key::OpenAbs | Key::Abs => Key::CloseAbs,
        Key::StartFrac | Key::FracNumerator => Key::EndFrac,
        Key::StartRoot | Key::Sqrt | Key::Cbrt | Key::Root => Key::EndRoot,
        Key::StartSet | Key::Set => Key::EndSet,
        Key::StartBinom => Key::EndBinom,
        Key::Start => Key::EndMatrix,
        Key::Quantity => Key::EndQuantity,
        Key::Text => Key::EndText,
        Key::Piecewise => Key::EndPiecewise,
        Key::Exponent => Key::EndExponent,
        _ => return None,
    })
}

fn is_closer(k: Key) -> bool {
    matches!(
        k,
        Key::CloseParen
            | Key::CloseBracket
            | Key::CloseBrace
            | Key::CloseAngle
            | Key::CloseFloor
            | Key::CloseCeil
            | Key::CloseAbs
            | Key::EndFrac
            | Key::EndRoot
            | Key::EndSet
            | Key::EndBinom
            | Key::EndMatrix
            | Key::EndQuantity
            | Key::EndText
            | Key::EndPiecewise
            | Key::EndExponent
    )
}

/// Does closer `k` close a group waiting for `expected`? Brackets close
/// either way round (`open bracket 0 comma 1 close paren`).
fn closes(expected: Key, k: Key) -> bool {
    expected == k || (expected == Key::CloseParen && k == Key::CloseBracket)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::spoken::words::tokenize;

    fn closer_words(s: &str) -> Vec<(usize, Option<usize>)> {
        let toks = tokenize(s);
        let a = Ahead::new(&toks);
        (0..toks.len()).filter(|&i| matches!(toks[i].tk, Tk::Key(k) if closer_for(k).is_some())).map(|i| (i, a.closer_of(i, toks.len()))).collect()
    }

    #[test]
    fn optional_closers_match_or_stay_open() {
        // open-paren(0) sqrt(1) x(2) close-paren(3)
        assert_eq!(closer_words("open paren square root x close paren"), vec![(0, Some(3)), (1, None)]);
        // sqrt(0) sqrt(1) x(2) end-root(3): the inner root is closed.
        assert_eq!(closer_words("square root square root x end root"), vec![(0, None), (1, Some(3))]);
        // quantity(0) a(1) quantity(2) b(3) end(4) end(5)
        assert_eq!(closer_words("the quantity a the quantity b end quantity end quantity"), vec![(0, Some(5)), (2, Some(4))]);
        // Brackets close either way: [0, 1).
        assert_eq!(closer_words("open bracket 0 comma 1 close paren"), vec![(0, Some(4))]);
    }

    #[test]
    fn scripts_end_at_a_leaving_marker() {
        let toks = tokenize("x Superscript a Super Superscript b Superscript c Baseline left parenthesis y Superscript 2 right parenthesis");
        let a = Ahead::new(&toks);
        let marks: Vec<(usize, bool)> =
            toks.iter().enumerate().filter(|(_, t)| matches!(&t.tk, Tk::Script(p) if !p.is_empty())).map(|(i, _)| (i, a.script_ends(i))).collect();
        // `Superscript a …` ends at Baseline; `Super Superscript b` at the
        // next `Superscript`; that `Superscript c` at Baseline; the
        // `Superscript 2` inside the parentheses is never ended.
        assert_eq!(marks, vec![(1, true), (3, true), (5, true), (10, false)]);
    }
}
