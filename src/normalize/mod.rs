//! Input normalization: Unicode NFKC plus the symbol table kept as data in
//! `grammars/symbols.tsv`, producing the text the lexers read and a byte map
//! back into the original input.

use crate::parse::Syntax;
use crate::span::Span;

/// Normalized text plus, for every byte of it, the byte offset in the
/// original input it came from.
#[derive(Clone, Debug)]
pub struct Normalized {
    pub text: String,
    /// `origin[i]` is the original offset of normalized byte `i`; one extra
    /// entry at the end holds the original length.
    origin: Vec<usize>,
}

impl Normalized {
    /// Map a span of the normalized text back to the original input.
    pub fn original_span(&self, span: Span) -> Span {
        let at = |i: usize| self.origin[i.min(self.origin.len() - 1)];
        let start = at(span.start);
        let end = if span.end > span.start { self.end_of(span.end - 1) } else { start };
        Span::new(start, end)
    }

    /// Original offset just past the character that normalized byte `i`
    /// came from.
    fn end_of(&self, i: usize) -> usize {
        let o = self.origin[i.min(self.origin.len() - 1)];
        // The next original offset strictly greater than o.
        self.origin[i..].iter().copied().find(|&x| x > o).unwrap_or(*self.origin.last().unwrap())
    }
}

/// Normalize `input` for the lexer of `syntax` (Latex or Plain; Auto is
/// resolved by the caller).
pub fn normalize(input: &str, syntax: Syntax) -> Normalized {
    let _ = syntax;
    // Placeholder identity mapping until the symbol table lands.
    let mut origin: Vec<usize> = (0..input.len()).collect();
    origin.push(input.len());
    Normalized { text: input.to_string(), origin }
}
