//! The options of a multiple-choice problem, read from its text:
//! `Answer Choices: A)453 B)651 C)400`, `(A) 453 (B) 651`,
//! `\textbf{(A) }453 \qquad \textbf{(B) }651`, or one option a line
//! (`A. 453`, `B: 651`).
//!
//! A run of markers for consecutive letters from `A`, all in one style,
//! is an option list; the last such run with at least two options wins
//! (options come after the question). Each option's text runs to the next
//! marker (the last one to the end of its line).

/// One option: its letter and its text, trimmed of markup around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub letter: char,
    pub text: String,
}

/// Problems longer than this are searched in their last part only: option
/// lists end a problem, and the search stays linear.
const MAX_SCAN: usize = 16 * 1024;
/// Most options read (`A` … `J`).
const MAX_OPTIONS: usize = 10;

/// How an option letter is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// `(A)`
    Parens,
    /// `A)`
    Close,
    /// `A.`
    Dot,
    /// `A:`
    Colon,
}

/// A marker: where it starts and ends, its letter and style.
#[derive(Clone, Copy, Debug)]
struct Marker {
    start: usize,
    end: usize,
    letter: u8,
    style: Style,
}

/// The options listed in `problem`, in letter order; empty when it lists
/// none.
pub fn parse_choices(problem: &str) -> Vec<Choice> {
    let mut from = problem.len().saturating_sub(MAX_SCAN);
    while !problem.is_char_boundary(from) {
        from += 1;
    }
    let text = &problem[from..];
    let markers = all_markers(text);
    let Some(run) = last_run(&markers) else { return Vec::new() };
    run.iter()
        .enumerate()
        .map(|(k, m)| {
            let end = match run.get(k + 1) {
                Some(next) => next.start,
                None => text[m.end..].find('\n').map_or(text.len(), |n| m.end + n),
            };
            Choice { letter: m.letter as char, text: clean_option(&text[m.end..end]) }
        })
        .collect()
}

/// Every option marker in `s`, in order. A marker stands at the start of
/// the text or after a space, a line break, a brace or `:`, so the `A.` in
/// `U.S.A.` or the `a)` in `f(a)` are not markers.
fn all_markers(s: &str) -> Vec<Marker> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len() {
        let c = b[i];
        let before_ok = |k: usize| k == 0 || matches!(b[k - 1], b' ' | b'\n' | b'\t' | b'{' | b':' | b'$' | b'~');
        if c == b'(' && i + 2 < b.len() && is_letter(b[i + 1]) && b[i + 2] == b')' && before_ok(i) {
            out.push(Marker { start: i, end: i + 3, letter: b[i + 1], style: Style::Parens });
        } else if is_letter(c) && i + 1 < b.len() && before_ok(i) && (i == 0 || b[i - 1] != b'(') {
            let style = match b[i + 1] {
                b')' => Style::Close,
                b'.' => Style::Dot,
                b':' => Style::Colon,
                _ => continue,
            };
            // `A.` and `A:` need a space after (`A.B` is not an option).
            let after = b.get(i + 2).copied();
            if matches!(style, Style::Dot | Style::Colon) && !matches!(after, Some(b' ' | b'\t' | b'$' | b'\\') | None) {
                continue;
            }
            out.push(Marker { start: i, end: i + 2, letter: c, style });
        }
    }
    out
}

fn is_letter(c: u8) -> bool {
    (b'A'..=b'J').contains(&c)
}

/// The last run `A, B, C…` of one style among `markers` with two or more
/// options.
fn last_run(markers: &[Marker]) -> Option<Vec<Marker>> {
    let mut best: Option<Vec<Marker>> = None;
    for (k, a) in markers.iter().enumerate() {
        if a.letter != b'A' {
            continue;
        }
        let mut run = vec![*a];
        for m in &markers[k + 1..] {
            if run.len() == MAX_OPTIONS {
                break;
            }
            let last = run[run.len() - 1];
            if m.style == a.style && m.letter == last.letter + 1 {
                run.push(*m);
            }
        }
        if run.len() >= 2 {
            best = Some(run);
        }
    }
    best
}

/// An option's text without the markup around it: `}453 \qquad` → `453`,
/// `$\frac{1}{2}$,` → `\frac{1}{2}`.
fn clean_option(raw: &str) -> String {
    let mut t = raw.trim();
    loop {
        let before = t;
        t = t.trim_start_matches('}').trim_start_matches('$').trim();
        for tail in ["\\qquad", "\\quad", "\\\\", "\\textbf{", "\\mathrm{", "\\text{", ",", ";", "$"] {
            t = t.strip_suffix(tail).unwrap_or(t).trim_end();
        }
        if t == before {
            return t.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(problem: &str) -> Vec<(char, String)> {
        parse_choices(problem).into_iter().map(|c| (c.letter, c.text)).collect()
    }

    fn want(items: &[(char, &str)]) -> Vec<(char, String)> {
        items.iter().map(|(c, t)| (*c, t.to_string())).collect()
    }

    #[test]
    fn aqua_style() {
        let p = "How many coins are there?\nAnswer Choices: A)453 B)651 C)400 D)487 E)286";
        assert_eq!(texts(p), want(&[('A', "453"), ('B', "651"), ('C', "400"), ('D', "487"), ('E', "286")]));
        let p = "By what percentage?\nAnswer Choices: A)21% B)20% C)25% D)33% E)18%";
        assert_eq!(texts(p)[2], ('C', "25%".to_string()));
    }

    #[test]
    fn parenthesized_and_amc_latex() {
        let p = "What is $x$? (A) $\\frac{1}{2}$ (B) $1$ (C) $2$";
        assert_eq!(texts(p), want(&[('A', "\\frac{1}{2}"), ('B', "1"), ('C', "2")]));
        let p = "Find it.\n\n$\\textbf{(A) }6\\qquad\\textbf{(B) }7\\qquad\\textbf{(C) }8$";
        assert_eq!(texts(p), want(&[('A', "6"), ('B', "7"), ('C', "8")]));
    }

    #[test]
    fn one_option_a_line() {
        let p = "Which is prime?\nA. 4\nB. 6\nC. 7\nD: 9";
        // `D:` is another style: the run of dots stops at C, whose text
        // ends with its line.
        assert_eq!(texts(p), want(&[('A', "4"), ('B', "6"), ('C', "7")]));
        let p = "Which is prime?\nA: 4\nB: 7";
        assert_eq!(texts(p), want(&[('A', "4"), ('B', "7")]));
    }

    #[test]
    fn not_options() {
        assert!(texts("Point A. Then B is the midpoint of U.S.A. f(A) = 1").is_empty());
        assert!(texts("Only (A) here").is_empty());
        assert!(texts("").is_empty());
        // Letters out of order do not form a run.
        assert!(texts("(B) 1 (A) 2").is_empty());
    }

    #[test]
    fn the_last_list_wins() {
        let p = "Earlier (A) 1 (B) 2. Now choose: (A) 10 (B) 20 (C) 30";
        assert_eq!(texts(p), want(&[('A', "10"), ('B', "20"), ('C', "30")]));
    }
}
