//! The symbol table `grammars/symbols.tsv`, compiled in and parsed once.
//!
//! Each data line is `char<TAB>class<TAB>latex<TAB>plain<TAB>comment`; lines
//! starting with `#` and blank lines are skipped. The replacement columns are
//! taken verbatim (spaces are significant). See the file header for the
//! classes.

// A fixed hasher: lookups only (never iterated), and the same code path
// for the same input in every process (fuzzing replays runs exactly).
use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use std::sync::OnceLock;

/// The raw table text.
pub const SYMBOLS_TSV: &str = include_str!("../../grammars/symbols.tsv");

/// How a table character is rewritten.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// Replaced by its column text.
    Sym,
    /// A superscript character; a run of them becomes one `^{...}` group.
    Sup,
    /// A subscript character; a run of them becomes one `_{...}` group.
    Sub,
    /// A prefix operator whose column is a template with `#1` for the
    /// operand (`√` → `\sqrt{#1}` / `sqrt(#1)`).
    Prefix,
    /// A vulgar fraction: latex `\frac{p}{q}`, plain `p/q`.
    Frac,
}

impl Class {
    pub fn from_name(name: &str) -> Option<Class> {
        Some(match name {
            "sym" => Class::Sym,
            "sup" => Class::Sup,
            "sub" => Class::Sub,
            "prefix" => Class::Prefix,
            "frac" => Class::Frac,
            _ => return None,
        })
    }
}

/// One line of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub ch: char,
    pub class: Class,
    /// What the LaTeX lexer reads.
    pub latex: &'static str,
    /// What the plain lexer reads.
    pub plain: &'static str,
    pub comment: &'static str,
    /// 1-based line number in `symbols.tsv`.
    pub line: usize,
}

impl Entry {
    /// The replacement for the LaTeX (`latex == true`) or plain lexer.
    pub fn text(&self, latex: bool) -> &'static str {
        if latex {
            self.latex
        } else {
            self.plain
        }
    }
}

/// A malformed line of a data table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The parsed symbol table, keyed by character.
#[derive(Debug)]
pub struct SymbolTable {
    entries: Vec<Entry>,
    by_char: HashMap<char, usize>,
}

impl SymbolTable {
    pub fn get(&self, c: char) -> Option<&Entry> {
        self.by_char.get(&c).map(|&i| &self.entries[i])
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The class of `c`, if it is in the table.
    pub fn class(&self, c: char) -> Option<Class> {
        self.get(c).map(|e| e.class)
    }
}

/// The symbol table, parsed on first use. Malformed lines are skipped here
/// (the golden test in this module rejects them before they can ship).
pub fn symbols() -> &'static SymbolTable {
    static TABLE: OnceLock<SymbolTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let (entries, errors) = parse_symbols(SYMBOLS_TSV);
        debug_assert!(errors.is_empty(), "grammars/symbols.tsv: {errors:?}");
        let mut by_char = HashMap::with_capacity_and_hasher(entries.len(), Default::default());
        for (i, e) in entries.iter().enumerate() {
            by_char.entry(e.ch).or_insert(i);
        }
        SymbolTable { entries, by_char }
    })
}

/// Parse the character column: one literal character, or `U+XXXX`.
pub fn parse_char_cell(cell: &str) -> Result<char, String> {
    if let Some(hex) = cell.strip_prefix("U+") {
        let cp = u32::from_str_radix(hex, 16).map_err(|_| format!("bad code point `{cell}`"))?;
        return char::from_u32(cp).ok_or_else(|| format!("`{cell}` is not a Unicode scalar value"));
    }
    let mut it = cell.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        (None, _) => Err("empty character column".to_string()),
        _ => Err(format!("`{cell}` is not a single character (use U+XXXX for invisible ones)")),
    }
}

/// Parse `symbols.tsv` text into entries plus every problem found: fewer
/// than four columns, a character column that is not one character, an
/// unknown class, a class-specific malformed column, a duplicate character.
/// Lines with errors are left out of the entries.
pub fn parse_symbols(src: &'static str) -> (Vec<Entry>, Vec<TableError>) {
    let mut entries: Vec<Entry> = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<char, usize> = HashMap::default();
    for (idx, raw) in src.lines().enumerate() {
        let line = idx + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let cols: Vec<&'static str> = raw.split('\t').collect();
        let mut err = |message: String| errors.push(TableError { line, message });
        if cols.len() < 4 {
            err(format!("expected 4 or 5 tab-separated columns, found {}", cols.len()));
            continue;
        }
        if cols.len() > 5 {
            err(format!("expected 4 or 5 tab-separated columns, found {}", cols.len()));
            continue;
        }
        let ch = match parse_char_cell(cols[0]) {
            Ok(c) => c,
            Err(m) => {
                err(m);
                continue;
            }
        };
        let Some(class) = Class::from_name(cols[1]) else {
            err(format!("unknown class `{}` (sym, sup, sub, prefix, frac)", cols[1]));
            continue;
        };
        let (latex, plain) = (cols[2], cols[3]);
        if let Some(m) = check_columns(class, latex, plain) {
            err(m);
            continue;
        }
        if let Some(first) = seen.get(&ch) {
            err(format!("duplicate character {ch:?} (first on line {first})"));
            continue;
        }
        seen.insert(ch, line);
        let comment = cols.get(4).copied().unwrap_or("");
        entries.push(Entry { ch, class, latex, plain, comment, line });
    }
    (entries, errors)
}

fn check_columns(class: Class, latex: &str, plain: &str) -> Option<String> {
    match class {
        Class::Sym => None,
        Class::Sup | Class::Sub => {
            if latex.is_empty() || plain.is_empty() {
                Some("a sup / sub entry needs non-empty latex and plain columns".into())
            } else if latex.contains(char::is_whitespace) || plain.contains(char::is_whitespace) {
                Some("a sup / sub entry must not contain spaces".into())
            } else {
                None
            }
        }
        Class::Prefix => {
            if latex.matches("#1").count() != 1 || plain.matches("#1").count() != 1 {
                Some("a prefix entry needs exactly one `#1` in each of latex and plain".into())
            } else {
                None
            }
        }
        Class::Frac => {
            let Some((p, q)) = plain.split_once('/') else {
                return Some(format!("a frac entry's plain column must be p/q, found `{plain}`"));
            };
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            if !digits(p) || !digits(q) {
                return Some(format!("a frac entry's plain column must be p/q, found `{plain}`"));
            }
            let want = format!("\\frac{{{p}}}{{{q}}}");
            if latex != want {
                return Some(format!("a frac entry's latex column must be `{want}`, found `{latex}`"));
            }
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Golden test: every data line of `grammars/symbols.tsv` is well-formed
    /// (4+ columns, a single character, a known class, class-specific
    /// columns valid) and no character appears twice.
    #[test]
    fn golden_symbols_tsv_is_well_formed() {
        let (entries, errors) = parse_symbols(SYMBOLS_TSV);
        let report: Vec<String> = errors.iter().map(|e| format!("symbols.tsv {e}")).collect();
        assert!(report.is_empty(), "malformed lines:\n{}", report.join("\n"));
        let data_lines = SYMBOLS_TSV.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count();
        assert_eq!(entries.len(), data_lines, "every data line must become an entry");
        assert!(entries.len() > 150, "table unexpectedly small: {}", entries.len());
    }

    /// The characters the table must cover.
    #[test]
    fn golden_symbols_cover_required_characters() {
        let required = "−–—×÷·⋅∗√∛∜π∞≤≥≦≧⩽⩾≠≈∈∉∪∩∖⊂⊆⊃⊇∅±∓°′″\
                        ⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾ⁿ₀₁₂₃₄₅₆₇₈₉½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞\
                        αβγδεϵζηθϑικλμνξπρσςτυφϕχψω\
                        ΓΔΘΛΞΠΣΥΦΨΩ\
                        ℝℤℕℚℂ，：（）；。【】\u{3000}\u{a0}\u{2009}\u{202f}‘’“”";
        let t = symbols();
        let missing: String = required.chars().filter(|&c| t.get(c).is_none()).collect();
        assert!(missing.is_empty(), "symbols.tsv lacks: {missing}");
    }

    #[test]
    fn rejects_malformed_lines() {
        let src: &'static str = "# comment\n\
            x\tsym\ta\n\
            ab\tsym\ta\tb\n\
            y\tbogus\ta\tb\n\
            z\tsym\ta\tb\tok\n\
            z\tsym\ta\tb\tdup\n\
            U+00A0\tsym\t \t \tnbsp\n\
            U+D800\tsym\ta\tb\n\
            ½\tfrac\t\\frac{1}{3}\t1/2\n\
            √\tprefix\t\\sqrt{}\tsqrt(#1)\n\
            ²\tsup\t\t2\n";
        let (entries, errors) = parse_symbols(src);
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 6, 8, 9, 10, 11], "{errors:?}");
        assert_eq!(entries.iter().map(|e| e.ch).collect::<String>(), "z\u{a0}");
        assert_eq!(entries[1].latex, " ");
    }

    #[test]
    fn columns_are_verbatim() {
        let t = symbols();
        assert_eq!(t.get('π').unwrap().latex, "\\pi ");
        assert_eq!(t.get('π').unwrap().plain, " pi ");
        assert_eq!(t.get('²').unwrap().class, Class::Sup);
        assert_eq!(t.get('\u{200b}').unwrap().latex, "");
    }
}
