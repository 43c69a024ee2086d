//! The value a closing equation states: `m + n = 1`, `L / 2=180180`,
//! `3 \cdot 19 \cdot 20+20 \\ & =590` give `1`, `180180`, `590`.
//!
//! Only a plain number (`-4`, `9.5`, `\frac{3}{4}`), or an expression
//! in no letters but the left side's (`- a^6 \div a^2 = - a^4`,
//! `\sin \theta=\frac{-1+\sqrt{5}}{2}`), after the last top-level `=`, in a text with no other relation (`<`, `\le`, `\neq`,
//! `\approx`, `\equiv`, `\pmod`) and no top-level `,` (several answers).

/// The number after the last top-level `=` of `t`, if that is how `t` ends.
pub fn stated_value(t: &str) -> Option<&str> {
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
}
