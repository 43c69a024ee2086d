//! Numeric literals, shared by both lexers (written with nom).

use compact_str::CompactString;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{char, digit0, digit1, one_of};
use nom::combinator::{opt, recognize};
use nom::sequence::{pair, preceded};
use nom::{IResult, Parser};

/// `12`, `12.5`, `.5` (not `12.`: a trailing dot ends a sentence; see
/// [`trailing_point`] for the exceptions).
fn mantissa(i: &str) -> IResult<&str, &str> {
    alt((
        recognize(pair(digit1, opt(pair(char('.'), digit1)))),
        recognize(pair(char('.'), digit1)),
    ))
    .parse(i)
}

/// `e-3`, `E+10`, `e7`: only when digits follow, so `2e^{x}` stays `2·e^x`.
fn exponent(i: &str) -> IResult<&str, &str> {
    recognize((one_of("eE"), opt(one_of("+-")), digit1)).parse(i)
}

/// Explicit thousands separators that always group, whatever the context:
/// `{,}`, `\,`, `\!`, `,\!`, `\ ` (each may be followed by spaces).
fn explicit_group_sep(i: &str) -> IResult<&str, &str> {
    let (i, _) = alt((tag("{,}"), tag(",\\!"), tag("\\,"), tag("\\!"), tag("\\ "))).parse(i)?;
    let (i, _) = nom::character::complete::space0(i)?;
    Ok((i, ""))
}

/// Exactly three digits not followed by another digit.
fn group3(i: &str) -> IResult<&str, &str> {
    let (rest, d) = digit1(i)?;
    if d.len() == 3 {
        Ok((rest, d))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)))
    }
}

/// A lexed number: its normalized text (no separators) and the byte length
/// consumed from the input.
pub struct LexedNumber {
    pub text: CompactString,
    pub len: usize,
}

/// Lex a number at the start of `i`. With `latex_groups`, LaTeX's explicit
/// digit-group separators are joined (`1\,000` is one thousand).
pub fn lex_number(i: &str, latex_groups: bool) -> Option<LexedNumber> {
    let (mut rest, first) = mantissa(i).ok()?;
    let mut text = CompactString::from(first);
    // Explicit groups only after a plain integer part of 1-3 digits.
    if latex_groups && !first.contains('.') && first.len() <= 3 {
        loop {
            let Ok((r, _)) = explicit_group_sep(rest) else { break };
            let Ok((r, g)) = group3(r) else { break };
            text.push_str(g);
            rest = r;
        }
        // A decimal part after the groups: `1{,}000.5`.
        if text.len() > first.len() {
            if let Ok((r, frac)) = preceded(char::<&str, nom::error::Error<&str>>('.'), digit1).parse(rest) {
                text.push('.');
                text.push_str(frac);
                rest = r;
            }
        }
    }
    if let Ok((r, e)) = exponent(rest) {
        text.push_str(e);
        rest = r;
    } else if !text.contains('.') {
        rest = &rest[trailing_point(rest)..];
    }
    Some(LexedNumber { text, len: i.len() - rest.len() })
}

/// `1.` written for the real 1 (`-1./3`, `(2.)`, `3. \times 10^5`, as
/// Fortran-trained authors do): a point right after the digits, followed by
/// `/`, `)` or spaces and an operator, belongs to the number (its length,
/// 1, or 0). A point at the end, or before a digit after spaces (`5. 6`),
/// is punctuation.
fn trailing_point(rest: &str) -> usize {
    let Some(after) = rest.strip_prefix('.') else { return 0 };
    let next = after.trim_start_matches([' ', '\t']);
    let spaced = next.len() < after.len();
    let joins = match next.chars().next() {
        Some('/' | ')') => true,
        Some('*' | '+' | '-' | '^' | '\\' | '×' | '÷') => spaced,
        _ => false,
    };
    usize::from(joins)
}

/// After a number: `.5` directly following (as in `1.2.3`) means a
/// malformed literal. Returns the extra length to report.
pub fn malformed_tail(rest: &str) -> Option<usize> {
    let r: IResult<&str, &str> = recognize(pair(char('.'), pair(digit1, digit0))).parse(rest);
    r.ok().map(|(_, m)| m.len())
}

/// A number token at the start of `rest` (which starts with a digit or a
/// `.` and a digit), or the error for a malformed literal like `1.2.3`.
/// `at` is the byte offset of `rest` in the source, for spans.
pub fn number_token(src: &str, at: usize, latex_groups: bool) -> Result<(CompactString, usize), crate::error::ParseError> {
    let rest = &src[at..];
    let n = lex_number(rest, latex_groups).expect("starts with a digit");
    if let Some(extra) = malformed_tail(&rest[n.len..]) {
        let span = crate::span::Span::new(at, at + n.len + extra);
        return Err(crate::error::ParseError::new(
            crate::error::ErrorKind::InvalidNumber { text: src[span.start..span.end].to_string() },
            span,
        ));
    }
    Ok((n.text, n.len))
}
