//! Text answers and option letters: compared without case, spacing,
//! punctuation or markup (`\text{4:30 p.m.}` = `4:30 \text{ p.m.}`,
//! `\textbf{(B)}` = `B`).

use super::verdict::Method;
use super::Outcome;
use crate::ast::{Expr, ExprKind};

/// Letters and digits only, lowercased, with LaTeX command names removed.
pub fn fold(s: &str) -> String {
    let mut out = String::new();
    fold_each(s, |c| {
        out.push(c);
        true
    });
    out
}

/// The characters of [`fold`] of `s`, in order, until `take` says stop.
fn fold_each(s: &str, mut take: impl FnMut(char) -> bool) {
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        i += c.len_utf8();
        if c == '\\' {
            // Drop the command name: `\text`, `\mathrm`, `\quad`, as the
            // LaTeX lexer reads it (`\qquadn` is `\qquad` and `n`).
            i += command_letters(&s[i..]);
            continue;
        }
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                if !take(l) {
                    return;
                }
            }
        }
    }
}

/// The letters of the command name at the start of `after` (the text after
/// a backslash), as the LaTeX lexer reads them; 0 for a control symbol
/// (`\,`), whose character folding treats as any other.
fn command_letters(after: &str) -> usize {
    let name = crate::parse::lexer::latex::command_name(after);
    if name.bytes().all(|b| b.is_ascii_alphabetic()) {
        name.len()
    } else {
        0
    }
}

/// A lone option letter `A`–`J` in `(B)`, `B.`, `\textbf{(B)}`, `B`.
pub fn option_letter(s: &str) -> Option<char> {
    // The fold must be one character: stop at its second (every gold is
    // asked, and most are numbers and expressions).
    let (mut first, mut more) = (None, false);
    fold_each(s, |c| {
        more = first.is_some();
        first.get_or_insert(c);
        !more
    });
    let c = first.filter(|_| !more)?;
    ('a'..='j').contains(&c).then(|| c.to_ascii_uppercase())
}

pub fn compare_text(g: &Expr, p: &Expr) -> Outcome {
    let gt = word_of(g);
    let pt = word_of(p);
    match (gt, pt) {
        (Some(a), Some(b)) => {
            if let (Some(x), Some(y)) = (option_letter(&a), option_letter(&b)) {
                return Some((x == y, Method::Choice));
            }
            let (fa, fb) = (fold(&a), fold(&b));
            Some((!fa.is_empty() && fa == fb, Method::Text))
        }
        _ => Some((false, Method::Mismatch)),
    }
}

/// The words of a text node, or of a lone letter (`B`) or a run of letters
/// (`odd` read as o·d·d), for comparing with text.
pub(crate) fn word_of(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Text { text } => Some(text.clone()),
        ExprKind::Symbol { sym } if sym.sub.is_none() && sym.primes == 0 && sym.accent.is_none() => Some(sym.name.clone()),
        ExprKind::Constant { constant } => Some(match constant {
            crate::ast::Constant::E => "e".into(),
            crate::ast::Constant::I => "i".into(),
            crate::ast::Constant::Pi => "pi".into(),
            crate::ast::Constant::Infinity => return None,
        }),
        ExprKind::Mul { factors } => {
            let mut s = String::new();
            for f in factors {
                s.push_str(&word_of(f)?);
            }
            Some(s)
        }
        _ => None,
    }
}

/// Do two answer strings say the same thing once markup, case and spacing
/// are gone? Used only after the math comparison found different kinds of
/// answer (text against letters, `4:30 \text{ p.m.}` against
/// `\text{4:30 p.m.}`). Signs, operators, digits and non-markup commands
/// are kept, so `25 \mathrm{ft}` and `-25 \mathrm{ft}` stay different.
pub fn same_words(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold_markup(a), fold_markup(b));
    fa.chars().any(char::is_alphabetic) && fa == fb
}

/// Markup commands that carry no meaning of their own.
const MARKUP: &[&str] = &[
    "text", "textbf", "textit", "textrm", "textsf", "texttt", "textnormal", "mbox", "hbox", "mathrm", "mathbf",
    "mathit", "mathsf", "mathtt", "boldsymbol", "bm", "emph", "left", "right", "displaystyle", "quad", "qquad",
    "boxed", "fbox",
];

fn fold_markup(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if c == '\\' {
            // The command name as the LaTeX lexer reads it.
            let len = command_letters(&s[k + 1..]);
            let name = &s[k + 1..k + 1 + len];
            while chars.peek().is_some_and(|&(j, _)| j < k + 1 + len) {
                chars.next();
            }
            if name.is_empty() {
                // `\,`, `\ `, `\!`: spacing.
                if chars.peek().is_some_and(|(_, c)| matches!(c, ',' | ' ' | '!' | ';' | ':')) {
                    chars.next();
                    continue;
                }
            }
            if !MARKUP.contains(&name) {
                out.push('\\');
                out.push_str(name);
            }
            continue;
        }
        if c.is_whitespace() || matches!(c, '{' | '}' | '$' | '~') {
            continue;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// An uppercase option letter `A`–`J` written as a variable.
pub fn is_option_symbol(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Symbol { sym } if sym.sub.is_none() && sym.primes == 0 && sym.accent.is_none()
        && sym.name.len() == 1 && sym.name.as_bytes()[0].is_ascii_uppercase() && sym.name.as_bytes()[0] <= b'J')
}

/// A single letter: a variable, or `e` / `i` read as constants.
pub fn is_lone_letter(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Symbol { sym } => sym.sub.is_none() && sym.primes == 0 && sym.accent.is_none() && sym.name.chars().count() == 1,
        ExprKind::Constant { constant } => matches!(constant, crate::ast::Constant::E | crate::ast::Constant::I),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_option_letter_is_a_fold_of_one_letter() {
        let by_fold = |s: &str| {
            let f = fold(s);
            let mut it = f.chars();
            let c = it.next()?;
            (it.next().is_none() && ('a'..='j').contains(&c)).then(|| c.to_ascii_uppercase())
        };
        let cases = [
            ("B", Some('B')),
            ("(b)", Some('B')),
            ("\\textbf{(C)}", Some('C')),
            ("D.", Some('D')),
            ("\\text{J}", Some('J')),
            ("K", None),
            ("AB", None),
            ("\\frac{3}{8}", None),
            ("18", None),
            ("", None),
            ("\\qquadA", Some('A')),
            ("\\qquad A", Some('A')),
            ("İ", None),
            ("é", None),
        ];
        for (s, want) in cases {
            assert_eq!(option_letter(s), want, "{s:?}");
            assert_eq!(option_letter(s), by_fold(s), "{s:?}");
        }
    }
}
