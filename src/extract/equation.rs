//! The value a closing equation states: `m + n = 1`, `L / 2=180180`,
//! `3 \cdot 19 \cdot 20+20 \\ & =590` give `1`, `180180`, `590`.
//!
//! Only a plain number (`-4`, `9.5`, `\frac{3}{4}`), or an expression
//! in no letters but the left side's (`- a^6 \div a^2 = - a^4`,
//! `\sin \theta=\frac{-1+\sqrt{5}}{2}`), after the last top-level `=`, in a text with no other relation (`<`, `\le`, `\neq`,
//! `\approx`, `\equiv`, `\pmod`) and no top-level `,` (several answers).
//!
//! A multi-line chain (`\begin{aligned} S &= … \\ &= 590 \end{aligned}`,
//! `gathered`, `align`, `split`, `eqnarray`) states the value its last
//! line ends in: after that line's last `=`, `\doteq` or `\approx`
//! (`r & \doteq 4.2 \%` gives `4.2 \%`), on the same terms, its letters
//! checked against the whole chain before it.

/// Environments whose lines are the steps of one derivation.
const CHAIN_ENVS: [&str; 7] = ["aligned", "align", "align*", "gathered", "split", "eqnarray", "eqnarray*"];

/// The number after the last top-level `=` of `t`, if that is how `t` ends;
/// for a multi-line chain, the value its last line states.
pub fn stated_value(t: &str) -> Option<&str> {
    if let Some(body) = chain_body(t) {
        return last_line_value(body);
    }
    let b = t.as_bytes();
    let mut depth = 0usize;
    let mut last_eq = None;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                let n = b[i + 1..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
                let cmd = &t[i + 1..i + 1 + n];
                if matches!(
                    cmd,
                    "le" | "leq" | "leqslant" | "ge" | "geq" | "geqslant" | "ne" | "neq" | "approx" | "equiv"
                        | "pmod" | "bmod" | "mod" | "sim" | "simeq" | "lt" | "gt" | "in" | "cong" | "doteq"
                ) {
                    return None;
                }
                i += 1 + n.max(1);
                continue;
            }
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b'<' | b'>' | b'!' => return None,
            b',' if depth == 0 => return None,
            b'=' if depth == 0 => last_eq = Some(i),
            _ => {}
        }
        i += 1;
    }
    let eq = last_eq?;
    if t[..eq].trim().trim_end_matches('&').trim().is_empty() {
        return None;
    }
    let v = t[eq + 1..].trim();
    (is_plain_number(v) || letters_within(v, &t[..eq])).then_some(v)
}

/// The lines of `t` when it is one chain environment, `\begin{aligned}
/// … \end{aligned}` (nothing outside it).
fn chain_body(t: &str) -> Option<&str> {
    let t = t.trim();
    let rest = t.strip_prefix("\\begin{")?;
    let close = rest.find('}')?;
    let env = &rest[..close];
    if !CHAIN_ENVS.contains(&env) {
        return None;
    }
    let end = format!("\\end{{{env}}}");
    let body = rest[close + 1..].trim_end().strip_suffix(end.as_str())?;
    // One environment: a second `\begin` of its kind would nest or follow.
    (!body.contains(&format!("\\begin{{{env}}}"))).then_some(body)
}

/// The value the last line of a chain body states (see the module docs).
fn last_line_value(body: &str) -> Option<&str> {
    let b = body.as_bytes();
    let mut depth = 0usize;
    // Where the last line starts, and the last top-level relation in it.
    let mut line_start = 0;
    let mut rel: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                if b.get(i + 1) == Some(&b'\\') && depth == 0 {
                    // A line break; a trailing one ends no line.
                    if !body[i + 2..].trim().is_empty() {
                        line_start = i + 2;
                        rel = None;
                    }
                    i += 2;
                    continue;
                }
                let n = b[i + 1..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
                let cmd = &body[i + 1..i + 1 + n];
                if depth == 0 && matches!(cmd, "doteq" | "approx") {
                    rel = Some((i, i + 1 + n));
                } else if depth == 0 && is_other_relation(cmd) {
                    rel = None;
                    line_start = usize::MAX; // the last line is no equation
                }
                i += 1 + n.max(1);
                continue;
            }
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            b'=' if depth == 0 => rel = Some((i, i + 1)),
            b'<' | b'>' if depth == 0 => line_start = usize::MAX,
            _ => {}
        }
        i += 1;
    }
    let (at, after) = rel?;
    if line_start == usize::MAX || at < line_start {
        return None;
    }
    let v = body[after..].trim().trim_end_matches(['.', ',']).trim_end();
    let core = v.strip_suffix("\\%").or_else(|| v.strip_suffix('%')).unwrap_or(v).trim_end();
    let before = body[..at].replace('&', "");
    if !has_content(&before) || core.contains('&') {
        return None;
    }
    (is_plain_number(core) || letters_within(core, &before)).then_some(v)
}

/// A relation other than `=`, `\doteq`, `\approx`: the line it is on
/// states no value.
fn is_other_relation(cmd: &str) -> bool {
    matches!(
        cmd,
        "le" | "leq" | "leqslant" | "ge" | "geq" | "geqslant" | "ne" | "neq" | "equiv" | "pmod" | "sim" | "simeq"
            | "lt" | "gt" | "in" | "cong" | "Longleftrightarrow" | "iff" | "Rightarrow" | "Longrightarrow"
            | "implies" | "mid"
    )
}

fn has_content(t: &str) -> bool {
    t.bytes().any(|c| c.is_ascii_alphanumeric())
}

/// Every variable letter of `v` (letters outside `\commands`) is one of
/// `lhs`'s, and `v` has one: the right side works out the left
/// (`-a^6 \div a^2 = -a^4`), it does not define a curve (`y = 2x + 3`).
/// A right side of numbers and constants (`\frac{-1+\sqrt{5}}{2}`) counts.
fn letters_within(v: &str, lhs: &str) -> bool {
    let (rv, lv) = (variable_letters(v), variable_letters(lhs));
    !v.is_empty() && rv & !lv == 0 && (rv != 0 || v.bytes().any(|c| c.is_ascii_digit()))
}

/// The ASCII letters written outside command names, as a bit set.
fn variable_letters(t: &str) -> u64 {
    let b = t.as_bytes();
    let mut set = 0u64;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            i += 1;
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            if i < b.len() && !b[i].is_ascii_alphabetic() && i > 0 && b[i - 1] == b'\\' {
                i += 1; // `\{`, `\,`
            }
            continue;
        }
        let c = b[i];
        if c.is_ascii_lowercase() {
            set |= 1 << (c - b'a');
        } else if c.is_ascii_uppercase() {
            set |= 1 << (26 + c - b'A');
        }
        i += 1;
    }
    set
}

/// `-4`, `9.5`, `- 4`, `\frac{3}{4}`, `-\dfrac{1}{2}`.
fn is_plain_number(v: &str) -> bool {
    let v = v.strip_prefix('-').unwrap_or(v).trim_start();
    let digits = |x: &str| {
        let x = x.trim();
        !x.is_empty()
            && x.bytes().all(|c| c.is_ascii_digit() || c == b'.')
            && x.bytes().next().is_some_and(|c| c.is_ascii_digit())
            && x.bytes().filter(|&c| c == b'.').count() <= 1
            && !x.ends_with('.')
    };
    if digits(v) {
        return true;
    }
    for f in ["\\frac{", "\\dfrac{", "\\tfrac{"] {
        if let Some(rest) = v.strip_prefix(f) {
            let Some((num, den)) = rest.split_once("}{") else { return false };
            let Some(den) = den.strip_suffix('}') else { return false };
            return digits(num) && digits(den);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::stated_value;

    #[test]
    fn values_after_the_last_equals() {
        assert_eq!(stated_value("m + n = 1"), Some("1"));
        assert_eq!(stated_value("z - x = - 4"), Some("- 4"));
        assert_eq!(stated_value("L / 2=180180"), Some("180180"));
        assert_eq!(stated_value("3 n ^ { 2 } - 5 n + 1 = 9"), Some("9"));
        assert_eq!(stated_value("a=b= \\frac{3}{4}"), Some("\\frac{3}{4}"));
        assert_eq!(stated_value("3 \\cdot 20+20 \\\\\n& =590"), Some("590"));
        assert_eq!(stated_value("x=9.5"), Some("9.5"));
        assert_eq!(stated_value("x = 5."), Some("5."));
        assert_eq!(stated_value("- a ^ { 6 } \\div a ^ { 2 } = - a ^ { 4 }"), Some("- a ^ { 4 }"));
        assert_eq!(stated_value("| m - 2020 | = - m + 2020"), Some("- m + 2020"));
        assert_eq!(stated_value("\\sin \\theta=\\frac{-1+\\sqrt{5}}{2}"), Some("\\frac{-1+\\sqrt{5}}{2}"));
        assert_eq!(stated_value("\\angle A E B=\\angle A D B=90^{\\circ}"), Some("90^{\\circ}"));
    }

    #[test]
    fn not_a_stated_value() {
        assert_eq!(stated_value("x + y"), None);
        assert_eq!(stated_value("y = 2x + 3"), None);
        assert_eq!(stated_value("= 5"), None);
        assert_eq!(stated_value("x \\le 5 = 5"), None);
        assert_eq!(stated_value("x \\neq 3 = y"), None);
        assert_eq!(stated_value("x < 2 = y"), None);
        assert_eq!(stated_value("T=650, k=13"), None);
        assert_eq!(stated_value("x = \\frac{a}{2}"), None);
        assert_eq!(stated_value("y^2 = 4x"), None);
        assert_eq!(stated_value("f(x) = \\pi"), None);
        assert_eq!(stated_value("x = f_{a=1}"), None);
    }

    #[test]
    fn last_line_of_a_chain() {
        let t = "\\begin{aligned}\nT & =4 \\cdot 5+2 \\\\\n& =20+2 \\\\\n& =22\n\\end{aligned}";
        assert_eq!(stated_value(t), Some("22"));
        let t = "\\begin{aligned}\n1+\\frac{p}{10} & =1.5 \\\\\np & \\approx 5 \\%\n\\end{aligned}";
        assert_eq!(stated_value(t), Some("5 \\%"));
        let t = "\\begin{aligned}\nS & =\\sum_{i=1}^{m} i \\\\\n& =\\frac{1}{2} m(m+1) .\n\\end{aligned}";
        assert_eq!(stated_value(t), Some("\\frac{1}{2} m(m+1)"));
        let t = "\\begin{gathered}\na=2 b \\\\\nb=3 \\\\\na=6\n\\end{gathered}";
        assert_eq!(stated_value(t), Some("6"));
    }

    #[test]
    fn a_chain_that_states_no_value() {
        // The last line is a bound, a curve, or has no left side at all.
        let t = "\\begin{aligned}\nS & =2 \\\\\nS & \\leq 7\n\\end{aligned}";
        assert_eq!(stated_value(t), None);
        let t = "\\begin{aligned}\nm & =2 \\\\\ny & =m x+q\n\\end{aligned}";
        assert_eq!(stated_value(t), None);
        let t = "\\begin{aligned}\nR & \\simeq \\frac{K}{G}\n\\end{aligned}";
        assert_eq!(stated_value(t), None);
        assert_eq!(stated_value("\\begin{aligned} & =5 \\end{aligned}"), None);
        assert_eq!(stated_value("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}"), None);
    }
}
