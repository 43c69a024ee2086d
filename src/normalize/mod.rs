//! Input normalization: the symbol table kept as data in
//! `grammars/symbols.tsv`, then Unicode NFKC, producing the text the lexers
//! read and a byte map back into the original input.
//!
//! Order matters: the table is applied to the raw characters first (NFKC
//! would turn `²` into a plain `2` and `ℝ` into `R`); characters not in the
//! table go through NFKC, and what NFKC produces is looked up in the table
//! once more (`µ` → `μ` → `\mu `).
//!
//! Besides one-for-one replacements the table has four classes that need a
//! little context (see [`table::Class`]):
//! * a run of superscript characters becomes one group: latex `x²³` →
//!   `x^{23}`, plain `x^(23)`; subscripts likewise (`x_{12}` / `x_12`);
//! * a prefix operator wraps its operand: `√16` → `\sqrt{16}` / `sqrt(16)`,
//!   `∛(x+1)` → `\sqrt[3]{(x+1)}` / `cbrt((x+1))`;
//! * a vulgar fraction is `\frac{1}{2}` / `(1/2)`; in plain text directly
//!   after an integer it makes a mixed number, `2½` → `(2+1/2)` (the LaTeX
//!   parser reads `2\frac{1}{2}` as a mixed number itself).
//!
//! A replacement that starts or ends with a word (`sqrt`, `Reals`) gets a
//! space where it would otherwise run into a neighbouring letter or digit.

pub mod table;
pub mod units;

use std::cell::OnceCell;
// A fixed hasher: lookups only (never iterated), and the same code path
// for the same input in every process (fuzzing replays runs exactly).
use rustc_hash::FxHashMap as HashMap;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::parse::Syntax;
use crate::span::Span;

pub use table::{symbols, Class};
pub use units::{match_unit_prefix, unit, UnitInfo, UnitKind};

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

    /// The original byte offset of normalized byte `i` (the original length
    /// for `i >= text.len()`).
    pub fn origin(&self, i: usize) -> usize {
        self.origin[i.min(self.origin.len() - 1)]
    }

    /// Original offset just past the character that normalized byte `i`
    /// came from.
    fn end_of(&self, i: usize) -> usize {
        let i = i.min(self.origin.len() - 1);
        let o = self.origin[i];
        // The next original offset strictly greater than o: `origin` never
        // decreases, so a binary search finds it in O(log n).
        let k = i + self.origin[i..].partition_point(|&x| x <= o);
        self.origin.get(k).copied().unwrap_or(*self.origin.last().expect("one entry at least"))
    }
}

/// `once` applied again to its own output until that stops changing, for
/// text kept after normalizing with characters dropped (the spaces of a
/// name or subscript): dropping a space can put a letter before combining
/// marks that followed it (NFKC writes `΅` as a space and two marks), and
/// the printed text, normalized again when read back, composes them (`t` +
/// U+0308 is `ẗ`). ASCII text is stable at once; three more readings at
/// most keep the work bounded (one settles every case known).
pub fn settled(first: String, once: impl Fn(&str) -> String) -> String {
    let mut out = first;
    for _ in 0..3 {
        if out.is_ascii() {
            break;
        }
        let again = once(&out);
        if again == out {
            break;
        }
        out = again;
    }
    out
}

/// Normalize `input` for the lexer of `syntax`. The parser resolves
/// `Syntax::Auto` before calling; here it is resolved the same way, by
/// [`crate::parse::detect_syntax`].
pub fn normalize(input: &str, syntax: Syntax) -> Normalized {
    let latex = match syntax {
        Syntax::Latex => true,
        // Spoken text has its own tokenizer; normalized as plain if asked.
        Syntax::Plain | Syntax::Spoken => false,
        Syntax::Auto => crate::parse::detect_syntax(input) == Syntax::Latex,
    };
    Normalizer {
        input,
        latex,
        table: table::symbols(),
        out: Out::new(input.len()),
        closers: Vec::new(),
        brackets: OnceCell::new(),
        chain_ends: HashMap::default(),
    }
    .run()
}

/// The output being built.
struct Out {
    text: String,
    origin: Vec<usize>,
    /// The last push was a table replacement ending in a word character.
    word_end: bool,
}

impl Out {
    fn new(cap: usize) -> Out {
        Out { text: String::with_capacity(cap + 8), origin: Vec::with_capacity(cap + 9), word_end: false }
    }

    /// Append `s`, every byte of it coming from original offset `at`.
    fn raw(&mut self, s: &str, at: usize) {
        self.text.push_str(s);
        self.origin.extend(std::iter::repeat_n(at, s.len()));
    }

    /// Append input text (not from the table).
    fn input(&mut self, s: &str, at: usize) {
        if self.word_end && starts_alnum(s) && ends_alnum(&self.text) {
            self.raw(" ", at);
        }
        self.raw(s, at);
        self.word_end = false;
    }

    /// Append a table replacement, keeping a word at either end of it from
    /// running into a neighbouring letter or digit.
    fn repl(&mut self, s: &str, at: usize) {
        if s.is_empty() {
            return;
        }
        if (self.word_end || starts_word(s)) && starts_alnum(s) && ends_alnum(&self.text) {
            self.raw(" ", at);
        }
        self.raw(s, at);
        self.word_end = ends_word(s);
    }
}

fn starts_alnum(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric)
}

fn ends_alnum(s: &str) -> bool {
    s.as_bytes().last().is_some_and(u8::is_ascii_alphanumeric)
}

/// `s` starts with a word of two or more ASCII letters or digits (a single
/// letter, as from a Greek capital `Α` → `A`, stays a letter).
fn starts_word(s: &str) -> bool {
    let run = s.bytes().take_while(u8::is_ascii_alphanumeric).count();
    run >= 2 && s.as_bytes()[0].is_ascii_alphabetic()
}

fn ends_word(s: &str) -> bool {
    let run = s.bytes().rev().take_while(u8::is_ascii_alphanumeric).count();
    run >= 2 && s.as_bytes()[s.len() - run].is_ascii_alphabetic()
}

struct Normalizer<'a> {
    input: &'a str,
    latex: bool,
    table: &'static table::SymbolTable,
    out: Out,
    /// Pending closing text of prefix templates: (original offset at which
    /// to write it, text, origin to record). Innermost last.
    closers: Vec<(usize, &'static str, usize)>,
    /// For each `(` and `{`, the offset after its partner; computed in one
    /// pass when a prefix operator first needs it (rescanning per operator
    /// would be quadratic on `√(√(√(...`).
    brackets: OnceCell<HashMap<usize, usize>>,
    /// Prefix operators inside a chain (`√√√x`, `√-√x`) share the end of
    /// the chain's operand; found once for the first, kept for the others.
    chain_ends: HashMap<usize, Option<usize>>,
}

impl Normalizer<'_> {
    fn run(mut self) -> Normalized {
        let input = self.input;
        let mut i = 0;
        while i < input.len() {
            self.flush_closers(i);
            let c = input[i..].chars().next().expect("char boundary");
            let next = i + c.len_utf8();
            if c.is_ascii() && !self.next_is_combining(next) {
                if !self.latex && c.is_ascii_digit() {
                    if let Some(end) = self.mixed_number(i) {
                        i = end;
                        continue;
                    }
                }
                self.out.input(&input[i..next], i);
                i = next;
                continue;
            }
            i = match self.table.get(c) {
                Some(e) => match e.class {
                    Class::Sym => {
                        self.out.repl(e.text(self.latex), i);
                        next
                    }
                    Class::Sup | Class::Sub => self.script_run(i, e.class),
                    Class::Frac => {
                        self.fraction(e, i, None);
                        next
                    }
                    Class::Prefix => {
                        self.prefix(e, i, next);
                        next
                    }
                },
                None => self.nfkc_cluster(i),
            };
        }
        self.flush_closers(usize::MAX);
        let Normalizer { out, .. } = self;
        let mut origin = out.origin;
        origin.push(input.len());
        Normalized { text: out.text, origin }
    }

    fn next_is_combining(&self, at: usize) -> bool {
        self.input[at..].chars().next().is_some_and(is_combining_mark)
    }

    fn flush_closers(&mut self, i: usize) {
        while let Some(&(pos, text, at)) = self.closers.last() {
            if pos > i {
                break;
            }
            self.closers.pop();
            // Written late (after a cluster or mixed number that ran past
            // the operand's end), it must not map before what precedes it.
            let at = at.max(self.out.origin.last().copied().unwrap_or(0));
            self.out.raw(text, at);
            self.out.word_end = false;
        }
    }

    /// A run of superscript (or subscript) characters from `i`: one group.
    /// Returns the offset after the run.
    fn script_run(&mut self, i: usize, class: Class) -> usize {
        let (open, close) = match (class, self.latex) {
            (Class::Sup, true) => ("^{", "}"),
            (Class::Sup, false) => ("^(", ")"),
            (_, true) => ("_{", "}"),
            (_, false) => ("_", ""),
        };
        self.out.raw(open, i);
        let mut j = i;
        let mut last = i;
        while let Some(c) = self.input[j..].chars().next() {
            match self.table.get(c) {
                Some(e) if e.class == class => {
                    self.out.raw(e.text(self.latex), j);
                    last = j;
                    j += c.len_utf8();
                }
                _ => break,
            }
        }
        self.out.raw(close, last);
        // A plain subscript has no closing bracket: keep `x₁y` from
        // reading as `x_1y`.
        self.out.word_end = close.is_empty();
        j
    }

    /// A vulgar fraction at `at`; `whole` is the integer of a mixed number
    /// (plain only), already checked to precede it.
    fn fraction(&mut self, e: &table::Entry, at: usize, whole: Option<(usize, usize)>) {
        if self.latex {
            self.out.repl(e.latex, at);
            return;
        }
        match whole {
            Some((s, t)) => {
                self.out.input("(", s);
                self.out.raw(&self.input[s..t], s);
                self.out.raw("+", at);
                self.out.raw(e.plain, at);
                self.out.raw(")", at);
                self.out.word_end = false;
            }
            None => {
                self.out.input("(", at);
                self.out.raw(e.plain, at);
                self.out.raw(")", at);
            }
        }
    }

    /// Plain text: an integer at `i` followed (spaces allowed) by a vulgar
    /// fraction is a mixed number. Returns the offset after the fraction.
    fn mixed_number(&mut self, i: usize) -> Option<usize> {
        let b = self.input.as_bytes();
        if i > 0 && (b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'.' | b'_' | b'^')) {
            return None;
        }
        let digits_end = i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let frac_at = digits_end + b[digits_end..].iter().take_while(|&&c| c == b' ').count();
        let c = self.input[frac_at..].chars().next()?;
        let e = self.table.get(c).filter(|e| e.class == Class::Frac)?;
        self.fraction(e, frac_at, Some((i, digits_end)));
        Some(frac_at + c.len_utf8())
    }

    /// A prefix operator (`√`) at `i`; its operand starts at `next`.
    fn prefix(&mut self, e: &table::Entry, i: usize, next: usize) {
        let template = e.text(self.latex);
        let (head, tail) = template.split_once("#1").unwrap_or((template, ""));
        let end = match self.chain_ends.remove(&i) {
            Some(end) => end,
            None => {
                let (end, inner) = self.operand_end(next);
                self.chain_ends.extend(inner.into_iter().map(|p| (p, end)));
                end
            }
        };
        match end {
            Some(end) => {
                self.out.repl(head, i);
                let last = prev_char_start(self.input, end);
                self.closers.push((end, tail, last));
            }
            None => {
                // No operand: write the template empty, so the parser
                // reports the missing argument at this character.
                self.out.repl(head, i);
                self.out.raw(tail, i);
                self.out.word_end = false;
            }
        }
    }

    /// The end of the operand of a prefix operator starting at `start`:
    /// spaces, an optional sign, then a number, an ASCII word (with a
    /// following `(...)` group: `√sin(x)`), one other letter (`√π`), a
    /// LaTeX command, a `(...)` or (LaTeX) `{...}` group, or another prefix
    /// operator with its operand; then any superscript characters. Also
    /// returns the offsets of the prefix operators passed on the way, which
    /// share this end.
    fn operand_end(&self, start: usize) -> (Option<usize>, Vec<usize>) {
        let mut inner = Vec::new();
        let end = self.operand_end_inner(start, &mut inner);
        (end, inner)
    }

    fn operand_end_inner(&self, start: usize, inner: &mut Vec<usize>) -> Option<usize> {
        let s = self.input;
        let b = s.as_bytes();
        let is_minus = |c: char| {
            c == '-' || c == '+' || self.table.get(c).is_some_and(|e| e.class == Class::Sym && e.plain == "-")
        };
        // Spaces, a sign, and nested prefix operators, iteratively.
        let mut j = start;
        let c = loop {
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            let mut c = s[j..].chars().next()?;
            if is_minus(c) {
                j += c.len_utf8();
                c = s[j..].chars().next()?;
            }
            if self.table.class(c) == Some(Class::Prefix) {
                inner.push(j);
                j += c.len_utf8();
                continue;
            }
            break c;
        };
        let mut end = match c {
            '(' | '{' if c == '(' || self.latex => self.partner(j)?,
            '\\' if self.latex => {
                let n = b[j + 1..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
                if n == 0 {
                    return None;
                }
                self.call_args(j + 1 + n)
            }
            d if d.is_ascii_digit() || (d == '.' && b.get(j + 1).is_some_and(u8::is_ascii_digit)) => {
                j + b[j..].iter().take_while(|c| c.is_ascii_digit() || **c == b'.').count()
            }
            a if a.is_ascii_alphabetic() => {
                let n = b[j..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
                self.call_args(j + n)
            }
            a if a.is_alphabetic() => j + a.len_utf8(),
            _ => return None,
        };
        while let Some(c) = s[end..].chars().next() {
            if self.table.class(c) == Some(Class::Sup) {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        Some(end)
    }

    /// After a word at `end`, include a directly following `(...)` group.
    fn call_args(&self, end: usize) -> usize {
        let b = self.input.as_bytes();
        if b.get(end) == Some(&b'(') {
            self.partner(end).unwrap_or(end)
        } else {
            end
        }
    }

    /// The offset after the partner of the `(` or `{` at `open_at`.
    fn partner(&self, open_at: usize) -> Option<usize> {
        self.brackets.get_or_init(|| match_brackets(self.input.as_bytes())).get(&open_at).copied()
    }

    /// A character not in the table at `i`, with any combining marks after
    /// it, through NFKC; what comes out is looked up in the table again.
    /// Returns the offset after the cluster.
    fn nfkc_cluster(&mut self, i: usize) -> usize {
        let input = self.input;
        let first = input[i..].chars().next().expect("char boundary");
        let mut end = i + first.len_utf8();
        while let Some(m) = input[end..].chars().next().filter(|&m| is_combining_mark(m)) {
            end += m.len_utf8();
        }
        let cluster = &input[i..end];
        let mut buf = [0u8; 4];
        for d in cluster.nfkc() {
            match self.table.get(d) {
                Some(e) if e.class == Class::Sym => self.out.repl(e.text(self.latex), i),
                _ => self.out.input(d.encode_utf8(&mut buf), i),
            }
        }
        end
    }
}

/// For every `(` and `{` of `b` that is closed, the offset after its
/// partner. Parentheses and braces are matched independently.
fn match_brackets(b: &[u8]) -> HashMap<usize, usize> {
    let mut out = HashMap::default();
    let (mut parens, mut braces) = (Vec::new(), Vec::new());
    for (k, &c) in b.iter().enumerate() {
        match c {
            b'(' => parens.push(k),
            b'{' => braces.push(k),
            b')' => {
                if let Some(o) = parens.pop() {
                    out.insert(o, k + 1);
                }
            }
            b'}' => {
                if let Some(o) = braces.pop() {
                    out.insert(o, k + 1);
                }
            }
            _ => {}
        }
    }
    out
}

fn prev_char_start(s: &str, end: usize) -> usize {
    let mut k = end.saturating_sub(1);
    while k > 0 && !s.is_char_boundary(k) {
        k -= 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn latex(s: &str) -> String {
        normalize(s, Syntax::Latex).text
    }
    fn plain(s: &str) -> String {
        normalize(s, Syntax::Plain).text
    }

    /// The origin map is well-formed: one entry per output byte plus the
    /// end, non-decreasing, every entry a char boundary of the input.
    fn check_map(input: &str, syntax: Syntax) {
        let n = normalize(input, syntax);
        assert_eq!(n.origin.len(), n.text.len() + 1, "{input:?}");
        assert_eq!(*n.origin.last().unwrap(), input.len());
        for w in n.origin.windows(2) {
            assert!(w[0] <= w[1], "origin not monotonic for {input:?}: {:?}", n.origin);
        }
        for &o in &n.origin {
            assert!(input.is_char_boundary(o), "{input:?}: {o} is not a char boundary");
        }
    }

    /// `parse_with` skips normalizing ASCII text on this property: every
    /// ASCII character, alone and in every pair (and in a longer mixed
    /// text), is its own normal form in both syntaxes.
    #[test]
    fn every_ascii_text_is_its_own_normal_form() {
        let chars: Vec<char> = (0u8..128).map(char::from).collect();
        let mut texts: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
        for a in &chars {
            for b in &chars {
                texts.push(format!("{a}{b}"));
            }
        }
        texts.push(chars.iter().collect());
        texts.push("2 1/2 + x_1^2 \\sqrt[3]{8} (1,2] 3.5e-3 ** _ ~".into());
        for t in &texts {
            assert_eq!(&latex(t), t);
            assert_eq!(&plain(t), t);
        }
    }

    #[test]
    fn ascii_is_unchanged() {
        for s in ["", "x^2+1", "\\frac{1}{2}", "  a  b ", "sqrt(2)/2"] {
            assert_eq!(latex(s), s);
            assert_eq!(plain(s), s);
        }
    }

    #[test]
    fn latex_mappings() {
        let cases = [
            ("3−2", "3-2"),
            ("2×3", "2\\times 3"),
            ("6÷3", "6\\div 3"),
            ("a·b", "a\\cdot b"),
            ("πr²", "\\pi r^{2}"),
            ("2π", "2\\pi "),
            ("x≤1", "x\\le 1"),
            ("x⩾1", "x\\ge 1"),
            ("x≠y", "x\\ne y"),
            ("x∈ℝ", "x\\in \\mathbb{R}"),
            ("A∪B", "A\\cup B"),
            ("A∖B", "A\\setminus B"),
            ("∅", "\\emptyset "),
            ("3±1", "3\\pm 1"),
            ("30°", "30^{\\circ}"),
            ("−∞", "-\\infty "),
            ("αβ", "\\alpha \\beta "),
            ("ϵ+ε", "\\epsilon +\\epsilon "),
            ("Δx", "\\Delta x"),
            ("½", "\\frac{1}{2}"),
            ("2½", "2\\frac{1}{2}"),
            ("f′(x)", "f'(x)"),
            ("（1，2）", "(1,2)"),
            ("【1；2】。", "[1;2]."),
            ("1\u{3000}2", "1 2"),
            ("1\u{a0}000", "1 000"),
            ("a\u{200b}b", "ab"),
            ("“x”", "\"x\""),
            ("50％", "50\\%"),
            ("ｘ＋１", "x+1"),
        ];
        for (input, want) in cases {
            assert_eq!(latex(input), want, "latex {input:?}");
            check_map(input, Syntax::Latex);
        }
    }

    #[test]
    fn plain_mappings() {
        let cases = [
            ("3−2", "3-2"),
            ("2×3", "2*3"),
            ("6÷3", "6/3"),
            ("πr²", " pi r^(2)"),
            ("2π", "2 pi "),
            ("x≤1", "x<=1"),
            ("x≥1", "x>=1"),
            ("x≠y", "x!=y"),
            ("x≈y", "x~=y"),
            ("x∈ℝ", "x in Reals"),
            ("x∉ℤ", "x notin Integers"),
            ("A∪B", "A∪B"),
            ("A⊆B", "A⊆B"),
            ("3±1", "3+-1"),
            ("∓1", "-+1"),
            ("30°", "30°"),
            ("−∞", "- oo "),
            ("α", " alpha "),
            ("½", "(1/2)"),
            ("x½", "x(1/2)"),
            ("2½", "(2+1/2)"),
            ("-3 ¾", "-(3+3/4)"),
            ("1.5½", "1.5(1/2)"),
            ("2ℝ", "2 Reals"),
            ("ℝx", "Reals x"),
            ("Αx", "Ax"),
            ("cοs(x)", "cos(x)"),
        ];
        for (input, want) in cases {
            assert_eq!(plain(input), want, "plain {input:?}");
            check_map(input, Syntax::Plain);
        }
    }

    #[test]
    fn superscript_and_subscript_runs() {
        assert_eq!(latex("x²³"), "x^{23}");
        assert_eq!(plain("x²³"), "x^(23)");
        assert_eq!(latex("x⁻¹"), "x^{-1}");
        assert_eq!(plain("x⁻¹"), "x^(-1)");
        assert_eq!(latex("eⁱᵖ"), "e^{i}p"); // ᵖ is not in the table: NFKC
        assert_eq!(latex("x²+y²"), "x^{2}+y^{2}");
        assert_eq!(latex("(x+1)⁽ⁿ⁺¹⁾"), "(x+1)^{(n+1)}");
        assert_eq!(latex("x₁₂"), "x_{12}");
        assert_eq!(plain("x₁₂"), "x_12");
        assert_eq!(plain("x₁y"), "x_1 y");
        assert_eq!(plain("x₁+y"), "x_1+y");
        assert_eq!(latex("a₁²"), "a_{1}^{2}");
        for s in ["x²³", "x⁻¹+y₁₂", "a₁²"] {
            check_map(s, Syntax::Latex);
            check_map(s, Syntax::Plain);
        }
    }

    #[test]
    fn roots_wrap_their_operand() {
        let cases = [
            ("√2", "\\sqrt{2}", "sqrt(2)"),
            ("√16", "\\sqrt{16}", "sqrt(16)"),
            ("2√3", "2\\sqrt{3}", "2 sqrt(3)"),
            ("x√2", "x\\sqrt{2}", "x sqrt(2)"),
            ("√(x+1)", "\\sqrt{(x+1)}", "sqrt((x+1))"),
            ("√x+1", "\\sqrt{x}+1", "sqrt(x)+1"),
            ("√x²", "\\sqrt{x^{2}}", "sqrt(x^(2))"),
            ("√π", "\\sqrt{\\pi }", "sqrt( pi )"),
            ("√-4", "\\sqrt{-4}", "sqrt(-4)"),
            ("√√16", "\\sqrt{\\sqrt{16}}", "sqrt(sqrt(16))"),
            ("∛8", "\\sqrt[3]{8}", "cbrt(8)"),
            ("∜x", "\\sqrt[4]{x}", "root(x, 4)"),
            ("√sin(x)", "\\sqrt{sin(x)}", "sqrt(sin(x))"),
            ("√", "\\sqrt{}", "sqrt()"),
            ("√+", "\\sqrt{}+", "sqrt()+"),
        ];
        for (input, want_latex, want_plain) in cases {
            assert_eq!(latex(input), want_latex, "latex {input:?}");
            assert_eq!(plain(input), want_plain, "plain {input:?}");
            check_map(input, Syntax::Latex);
            check_map(input, Syntax::Plain);
        }
        assert_eq!(latex("√\\pi"), "\\sqrt{\\pi}");
        assert_eq!(latex("√{x}"), "\\sqrt{{x}}");
    }

    #[test]
    fn nfkc_applies_to_characters_not_in_the_table() {
        // Full-width letters and digits, ligatures, composed accents.
        assert_eq!(plain("ｘ２"), "x2");
        assert_eq!(plain("ﬁ"), "fi");
        assert_eq!(plain("e\u{301}"), "\u{e9}");
        // Output of NFKC goes through the table again: micro sign → mu,
        // ℃ → °C (degree sign is a table char).
        assert_eq!(latex("℃"), "^{\\circ}C");
        // ² and ℝ are not flattened by NFKC (table first).
        assert_eq!(plain("x²"), "x^(2)");
        assert_eq!(latex("ℝ"), "\\mathbb{R}");
        check_map("e\u{301}+ﬁ+℃", Syntax::Latex);
    }

    #[test]
    fn auto_resolves_like_the_parser() {
        assert_eq!(normalize("\\pi+π", Syntax::Auto).text, "\\pi+\\pi ");
        assert_eq!(normalize("2π", Syntax::Auto).text, "2\\pi ");
        assert_eq!(normalize("sqrt(2)π", Syntax::Auto).text, "sqrt(2) pi ");
    }

    #[test]
    fn spans_map_back_through_multibyte_chars() {
        // "α+β²": α is 2 bytes, + 1, β 2, ² 2.
        let input = "α+β²";
        let n = normalize(input, Syntax::Latex);
        assert_eq!(n.text, "\\alpha +\\beta ^{2}");
        // `\alpha ` (bytes 0..7) is the original α (0..2).
        assert_eq!(n.original_span(Span::new(0, 7)), Span::new(0, 2));
        // Part of a replacement maps to the whole original character.
        assert_eq!(n.original_span(Span::new(1, 3)), Span::new(0, 2));
        // `+` at byte 7 is original byte 2.
        assert_eq!(n.original_span(Span::new(7, 8)), Span::new(2, 3));
        // `\beta ` is β at 3..5.
        assert_eq!(n.original_span(Span::new(8, 14)), Span::new(3, 5));
        // `^{2}` is ² at 5..7.
        assert_eq!(n.original_span(Span::new(14, 18)), Span::new(5, 7));
        // The whole text is the whole input.
        assert_eq!(n.original_span(Span::new(0, n.text.len())), Span::new(0, input.len()));
        // An empty span at the end (end-of-input errors).
        let end = n.text.len();
        assert_eq!(n.original_span(Span::new(end, end)), Span::new(input.len(), input.len()));
    }

    #[test]
    fn spans_map_back_through_runs_and_wrappers() {
        // Superscript run: each digit maps to its own superscript char.
        let input = "x²³";
        let n = normalize(input, Syntax::Plain);
        assert_eq!(n.text, "x^(23)");
        assert_eq!(n.original_span(Span::new(3, 4)), Span::new(1, 3)); // `2` ← ²
        assert_eq!(n.original_span(Span::new(4, 5)), Span::new(3, 5)); // `3` ← ³
        assert_eq!(n.original_span(Span::new(1, 6)), Span::new(1, 5)); // `^(23)` ← ²³

        // Root: `sqrt(` is √ (3 bytes), the operand is itself, `)` the
        // operand's last char.
        let input = "√16+ℝ";
        let n = normalize(input, Syntax::Plain);
        assert_eq!(n.text, "sqrt(16)+Reals");
        assert_eq!(n.original_span(Span::new(0, 5)), Span::new(0, 3));
        assert_eq!(n.original_span(Span::new(5, 7)), Span::new(3, 5));
        assert_eq!(n.original_span(Span::new(0, 8)), Span::new(0, 5));
        assert_eq!(n.original_span(Span::new(9, 14)), Span::new(6, 9));

        // Mixed number: `(2+1/2)` covers `2½`.
        let n = normalize("3*2½", Syntax::Plain);
        assert_eq!(n.text, "3*(2+1/2)");
        assert_eq!(n.original_span(Span::new(2, 9)), Span::new(2, 5));

        // A deleted zero-width character between two letters.
        let n = normalize("a\u{200b}b", Syntax::Plain);
        assert_eq!(n.text, "ab");
        assert_eq!(n.original_span(Span::new(1, 2)), Span::new(4, 5));
    }

    proptest::proptest! {
        /// Any input, mixing ASCII, table characters and arbitrary Unicode,
        /// gives a well-formed map in both syntaxes, and mapping any span
        /// back stays inside the input.
        #[test]
        fn map_is_well_formed_for_any_input(
            chars in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(
                        "x2 .-+(){}\\^_a√∛∜²³⁻₁₂½¾π−×ℝ°\u{200b}\u{301}e１ﬁ℃"
                            .chars()
                            .collect::<Vec<char>>()
                    ),
                    proptest::char::any(),
                ],
                0..24,
            ),
            a in 0usize..200,
            b in 0usize..200,
        ) {
            let s: String = chars.into_iter().collect();
            for syntax in [Syntax::Latex, Syntax::Plain] {
                check_map(&s, syntax);
                let n = normalize(&s, syntax);
                let sp = n.original_span(Span::new(a.min(b), a.max(b)));
                proptest::prop_assert!(sp.start <= sp.end && sp.end <= s.len());
            }
        }
    }

    /// Untrusted input: long chains and nests of prefix operators are
    /// linear (no rescans) and iterative (no recursion per operator).
    #[test]
    fn adversarial_prefix_chains_are_linear() {
        let n = 100_000;
        for s in ["√".repeat(n) + "2", "√(".repeat(n) + &")".repeat(n), "√(".repeat(n), "√-".repeat(n) + "x"] {
            for syntax in [Syntax::Latex, Syntax::Plain] {
                let t = std::time::Instant::now();
                let out = normalize(&s, syntax);
                assert!(t.elapsed().as_secs() < 5, "too slow: {:?}", t.elapsed());
                assert!(out.text.len() >= s.len() / 3);
            }
        }
        assert_eq!(plain("√√√2"), "sqrt(sqrt(sqrt(2)))");
        assert_eq!(plain("√-√x"), "sqrt(-sqrt(x))");
        assert_eq!(latex("√(√(2)+1)"), "\\sqrt{(\\sqrt{(2)}+1)}");
        assert_eq!(plain("√√"), "sqrt()sqrt()");
    }

    #[test]
    fn every_table_char_maps_cleanly() {
        // Each table character alone and between letters keeps a
        // well-formed map in both syntaxes.
        for e in table::symbols().entries() {
            for s in [e.ch.to_string(), format!("x{}y", e.ch), format!("2{}3", e.ch)] {
                check_map(&s, Syntax::Latex);
                check_map(&s, Syntax::Plain);
            }
        }
    }
}
