//! The functions a functional-equation solution finds: its statements
//! `$f(x)=x+1$ for all $x$`, `$g(n)=1$ for every $n$`. Such a solution
//! states the function as a claim (often as a step's heading) and then
//! proves or checks it, so its last math is working, not the answer.
//!
//! Read only when the gold answer defines functions (the grader asks for
//! the names): a statement is a math span `name(v, …) = rhs` (a one-letter
//! name applied to variables, no other relation, the name not used on the
//! right) followed by "for all" / "for every" / "for each" / "for any";
//! the last one of each name counts, in the order they are written.

use super::math_span::all_spans;
use super::{Extraction, Rule};
use crate::parse::Syntax;
use crate::span::Span;

/// How many bytes after a span "for all" may start (spaces, a comma).
const QUANTIFIER_GAP: usize = 3;

/// The last `name(x) = … for all x` statement of each of `names`, joined
/// with ", " in the order written; `None` when a name has none.
pub fn for_all_statements(s: &str, names: &[char]) -> Option<Extraction> {
    let mut last: Vec<Option<(Span, &str)>> = vec![None; names.len()];
    for sp in all_spans(s) {
        let body = s[sp.inner.start..sp.inner.end].trim();
        let Some(name) = defined_name(body) else { continue };
        let Some(k) = names.iter().position(|n| *n == name) else { continue };
        if quantified(s, sp.outer.end) {
            last[k] = Some((sp.inner, body));
        }
    }
    let mut found: Vec<(Span, &str)> = last.into_iter().collect::<Option<Vec<_>>>()?;
    found.sort_by_key(|(sp, _)| sp.start);
    let span = Span::new(found.first()?.0.start, found.last()?.0.end);
    let text = found.iter().map(|(_, t)| *t).collect::<Vec<_>>().join(", ");
    Some(Extraction { text, span, rule: Rule::LatexEnv, syntax: Syntax::Latex })
}

/// "for all" / "for every" / "for each" / "for any" right after `end`.
fn quantified(s: &str, end: usize) -> bool {
    let rest = &s[end..];
    let t = rest.trim_start_matches([' ', ',']);
    if rest.len() - t.len() > QUANTIFIER_GAP {
        return false;
    }
    let Some(q) = t.strip_prefix("for ") else { return false };
    ["all", "every", "each", "any"].iter().any(|w| q.starts_with(w) && !q[w.len()..].starts_with(char::is_alphabetic))
}

/// `f(x)=x+1`, `g(n, m) = 1`, `f\left(x\right)=\frac{1}{x}`: the name
/// defined, if `body` is such a definition.
fn defined_name(body: &str) -> Option<char> {
    let mut chars = body.char_indices();
    let (_, name) = chars.next()?;
    if !name.is_ascii_alphabetic() {
        return None;
    }
    let rest = body[1..].trim_start();
    let rest = rest.strip_prefix("\\left").unwrap_or(rest).strip_prefix('(')?;
    let close = rest.find(')')?;
    let args = rest[..close].trim_end().trim_end_matches("\\right").trim();
    let plain_vars = args.split(',').all(|a| {
        let a = a.trim();
        a.len() == 1 && a.bytes().all(|c| c.is_ascii_lowercase())
    });
    let rhs = rest[close + 1..].trim_start().strip_prefix('=')?;
    let recursive = rhs.contains(&format!("{name}(")) || rhs.contains(&format!("{name}\\left("));
    let other_relation = rhs.contains(['=', '<', '>']) || has_relation_command(rhs);
    (plain_vars && !recursive && !other_relation && !rhs.trim().is_empty()).then_some(name)
}

/// A relation command (`\le`, `\geq`, `\neq`, …) in `t`; `\left` is none.
fn has_relation_command(t: &str) -> bool {
    t.split('\\').skip(1).any(|c| {
        let name: String = c.chars().take_while(char::is_ascii_alphabetic).collect();
        matches!(name.as_str(), "le" | "leq" | "leqslant" | "ge" | "geq" | "geqslant" | "ne" | "neq" | "lt" | "gt" | "in")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stmts(s: &str, names: &[char]) -> Option<String> {
        for_all_statements(s, names).map(|e| e.text)
    }

    #[test]
    fn the_last_statement_of_each_function() {
        let s = "Suppose $f(y)=a y+b$ for all $y$. Step 2: $f(x)=2 x$ for all $x>0$. Indeed, $a=2, b=0$.";
        assert_eq!(stmts(s, &['f']).as_deref(), Some("f(x)=2 x"));
        let s = "Hence $f\\left(x\\right)=\\left(x+1\\right)^{2}$ for any $x$.";
        assert_eq!(stmts(s, &['f']).as_deref(), Some("f\\left(x\\right)=\\left(x+1\\right)^{2}"));
        let s = "so $f(n)=n$ for every $n$. Then $g(n)=2$, for all $n$, as claimed.";
        assert_eq!(stmts(s, &['f', 'g']).as_deref(), Some("f(n)=n, g(n)=2"));
    }

    #[test]
    fn not_a_statement_of_the_function() {
        // A functional identity, an inequality, no quantifier, another name.
        assert_eq!(stmts("$f(x+1)=f(x)+1$ for all $x$", &['f']), None);
        assert_eq!(stmts("$f(x)=f(x)^2$ for all $x$", &['f']), None);
        assert_eq!(stmts("$f(x) \\le x$ for all $x$", &['f']), None);
        assert_eq!(stmts("$f(x)=x \\leq 1$ for all $x$", &['f']), None);
        assert_eq!(stmts("so $f(x)=x$ holds.", &['f']), None);
        assert_eq!(stmts("$h(x)=x$ for all $x$", &['f']), None);
        // Every name asked for must be found.
        assert_eq!(stmts("$f(n)=n$ for all $n$", &['f', 'g']), None);
    }
}
