//! Unit words recognised after a number, from `grammars/units.tsv`
//! (`unit<TAB>canonical<TAB>kind`), compiled in and parsed once.

// A fixed hasher: lookups only (never iterated), and the same code path
// for the same input in every process (fuzzing replays runs exactly).
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::table::TableError;

/// The raw table text.
pub const UNITS_TSV: &str = include_str!("../../grammars/units.tsv");

/// What a unit measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitKind {
    Length,
    Area,
    Volume,
    Mass,
    Time,
    Speed,
    Money,
    Angle,
    /// A unit word with no physical dimension (`units`).
    Count,
}

impl UnitKind {
    pub fn from_name(name: &str) -> Option<UnitKind> {
        Some(match name {
            "length" => UnitKind::Length,
            "area" => UnitKind::Area,
            "volume" => UnitKind::Volume,
            "mass" => UnitKind::Mass,
            "time" => UnitKind::Time,
            "speed" => UnitKind::Speed,
            "money" => UnitKind::Money,
            "angle" => UnitKind::Angle,
            "count" => UnitKind::Count,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            UnitKind::Length => "length",
            UnitKind::Area => "area",
            UnitKind::Volume => "volume",
            UnitKind::Mass => "mass",
            UnitKind::Time => "time",
            UnitKind::Speed => "speed",
            UnitKind::Money => "money",
            UnitKind::Angle => "angle",
            UnitKind::Count => "count",
        }
    }
}

/// One unit word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitInfo {
    /// The word as listed (`inches`, `km/h`, `square units`, `元`).
    pub word: &'static str,
    /// Its canonical name (`in`, `km/h`, `square units`, `yuan`); the
    /// canonical name of degrees is `deg`, as in [`crate::ast::ExprKind::Quantity`].
    pub canonical: &'static str,
    pub kind: UnitKind,
    /// 1-based line number in `units.tsv`.
    pub line: usize,
}

struct UnitTable {
    entries: Vec<UnitInfo>,
    /// Exact key → entry.
    exact: HashMap<String, usize>,
    /// Lowercased key → entry, only for entries written in lowercase.
    folded: HashMap<String, usize>,
    /// Most words in one key (bounds the prefix search).
    max_words: usize,
}

fn table() -> &'static UnitTable {
    static TABLE: OnceLock<UnitTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let (entries, errors) = parse_units(UNITS_TSV);
        debug_assert!(errors.is_empty(), "grammars/units.tsv: {errors:?}");
        let mut exact = HashMap::default();
        let mut folded = HashMap::default();
        let mut max_words = 1;
        for (i, e) in entries.iter().enumerate() {
            let key = lookup_key(e.word);
            max_words = max_words.max(key.split(' ').count());
            if key == key.to_lowercase() {
                folded.entry(key.clone()).or_insert(i);
            }
            exact.entry(key).or_insert(i);
        }
        UnitTable { entries, exact, folded, max_words }
    })
}

/// Every unit in the table, in file order.
pub fn units() -> &'static [UnitInfo] {
    &table().entries
}

/// Look up a unit word: exact match first, then a case-insensitive match
/// among entries written in lowercase, for words of two or more characters
/// (`KM` → `km`, `Hours` → `hours`, but `M` is not `m`).
/// Whitespace runs count as one space, and exponent groups as the
/// normalizer writes them are accepted: `cm^{2}` and `cm^(2)` find `cm^2`.
pub fn unit(word: &str) -> Option<&'static UnitInfo> {
    let t = table();
    let key = lookup_key(word);
    if key.is_empty() {
        return None;
    }
    if let Some(&i) = t.exact.get(&key) {
        return Some(&t.entries[i]);
    }
    // No folding for one character: `M` is not `m`, `S` is not `s`.
    if key.chars().count() < 2 {
        return None;
    }
    t.folded.get(&key.to_lowercase()).map(|&i| &t.entries[i])
}

/// The longest unit at the start of `text` that ends at a word boundary
/// (not followed by a letter or digit), with its length in bytes. Leading
/// whitespace is not skipped. Multi-word units (`square units`) are tried
/// before their first word.
pub fn match_unit_prefix(text: &str) -> Option<(&'static UnitInfo, usize)> {
    let t = table();
    // Candidate ends: every word boundary within the first max_words words.
    let mut ends = Vec::new();
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                ends.push(i);
                words += 1;
                if words >= t.max_words {
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    if in_word && words < t.max_words {
        ends.push(text.len());
    }
    // Within a word, a unit may also end before punctuation: `5cm,` `3kg)`.
    let mut candidates: Vec<usize> = Vec::new();
    let mut start = 0;
    for &end in &ends {
        let word = &text[start..end];
        candidates.push(end);
        for (j, c) in word.char_indices().skip(1) {
            if !c.is_alphanumeric() && !matches!(c, '/' | '^' | '{' | '}' | '.' | '²' | '³') {
                candidates.push(start + j);
            }
        }
        start = end;
    }
    candidates.sort_unstable_by(|a, b| b.cmp(a));
    candidates.dedup();
    for end in candidates {
        let cand = text[..end].trim_end();
        if let Some(u) = unit(cand) {
            return Some((u, cand.len()));
        }
        // Sentence punctuation after the unit: `5 square units.`
        let bare = cand.trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?']);
        if bare.len() < cand.len() && !bare.is_empty() {
            if let Some(u) = unit(bare) {
                return Some((u, bare.len()));
            }
        }
    }
    None
}

/// Normalize a lookup key: collapse whitespace, drop braces, and turn an
/// exponent group `^(2)` into `^2`.
fn lookup_key(word: &str) -> String {
    let collapsed = word.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(collapsed.len());
    let mut chars = collapsed.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '^' if chars.peek() == Some(&'(') => {
                out.push('^');
                chars.next();
                for d in chars.by_ref() {
                    if d == ')' {
                        break;
                    }
                    out.push(d);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Parse `units.tsv` text into entries plus every problem found.
pub fn parse_units(src: &'static str) -> (Vec<UnitInfo>, Vec<TableError>) {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::default();
    for (idx, raw) in src.lines().enumerate() {
        let line = idx + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let cols: Vec<&'static str> = raw.split('\t').collect();
        if cols.len() != 3 {
            errors
                .push(TableError { line, message: format!("expected 3 tab-separated columns, found {}", cols.len()) });
            continue;
        }
        let (word, canonical, kind) = (cols[0], cols[1], cols[2]);
        if word.is_empty() || word.trim() != word || canonical.is_empty() || canonical.trim() != canonical {
            errors.push(TableError { line, message: "empty or space-padded unit or canonical".into() });
            continue;
        }
        let Some(kind) = UnitKind::from_name(kind) else {
            errors.push(TableError { line, message: format!("unknown kind `{kind}`") });
            continue;
        };
        if let Some(first) = seen.get(word) {
            errors.push(TableError { line, message: format!("duplicate unit `{word}` (first on line {first})") });
            continue;
        }
        seen.insert(word, line);
        entries.push(UnitInfo { word, canonical, kind, line });
    }
    (entries, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Golden test: every line of `grammars/units.tsv` is well-formed, no
    /// unit appears twice, and each canonical name is itself a listed unit
    /// of the same kind (so `unit(canonical)` round-trips).
    #[test]
    fn golden_units_tsv_is_well_formed() {
        let (entries, errors) = parse_units(UNITS_TSV);
        let report: Vec<String> = errors.iter().map(|e| format!("units.tsv {e}")).collect();
        assert!(report.is_empty(), "malformed lines:\n{}", report.join("\n"));
        assert!(entries.len() > 100);
        for e in &entries {
            let c = unit(e.canonical)
                .unwrap_or_else(|| panic!("line {}: canonical `{}` is not a unit", e.line, e.canonical));
            assert_eq!(c.kind, e.kind, "line {}: kind differs from its canonical's", e.line);
            assert_eq!(c.canonical, e.canonical, "line {}: canonical is not canonical", e.line);
        }
    }

    #[test]
    fn required_units() {
        for (w, canon, kind) in [
            ("cm", "cm", UnitKind::Length),
            ("m", "m", UnitKind::Length),
            ("km", "km", UnitKind::Length),
            ("mm", "mm", UnitKind::Length),
            ("kg", "kg", UnitKind::Mass),
            ("g", "g", UnitKind::Mass),
            ("mg", "mg", UnitKind::Mass),
            ("s", "s", UnitKind::Time),
            ("sec", "s", UnitKind::Time),
            ("min", "min", UnitKind::Time),
            ("h", "h", UnitKind::Time),
            ("hr", "h", UnitKind::Time),
            ("hours", "h", UnitKind::Time),
            ("days", "day", UnitKind::Time),
            ("L", "L", UnitKind::Volume),
            ("mL", "mL", UnitKind::Volume),
            ("mph", "mph", UnitKind::Speed),
            ("km/h", "km/h", UnitKind::Speed),
            ("m/s", "m/s", UnitKind::Speed),
            ("ft", "ft", UnitKind::Length),
            ("feet", "ft", UnitKind::Length),
            ("in", "in", UnitKind::Length),
            ("inches", "in", UnitKind::Length),
            ("yd", "yd", UnitKind::Length),
            ("mi", "mi", UnitKind::Length),
            ("miles", "mi", UnitKind::Length),
            ("lb", "lb", UnitKind::Mass),
            ("pounds", "lb", UnitKind::Mass),
            ("oz", "oz", UnitKind::Mass),
            ("dollars", "dollar", UnitKind::Money),
            ("cents", "cent", UnitKind::Money),
            ("yuan", "yuan", UnitKind::Money),
            ("元", "yuan", UnitKind::Money),
            ("degrees", "deg", UnitKind::Angle),
            ("rad", "rad", UnitKind::Angle),
            ("radians", "rad", UnitKind::Angle),
            ("cm^2", "cm^2", UnitKind::Area),
            ("units", "units", UnitKind::Count),
            ("square units", "square units", UnitKind::Area),
            ("meters", "m", UnitKind::Length),
        ] {
            let u = unit(w).unwrap_or_else(|| panic!("missing unit {w}"));
            assert_eq!((u.canonical, u.kind), (canon, kind), "{w}");
        }
    }

    #[test]
    fn lookup_folds_case_and_exponent_groups() {
        assert_eq!(unit("KM").unwrap().canonical, "km");
        assert_eq!(unit("Hours").unwrap().canonical, "h");
        assert_eq!(unit("ML").unwrap().canonical, "mL"); // via `ml`
        assert_eq!(unit("cm^{2}").unwrap().canonical, "cm^2");
        assert_eq!(unit("cm^(2)").unwrap().canonical, "cm^2");
        assert_eq!(unit("square   units").unwrap().canonical, "square units");
        assert!(unit("M").is_none(), "M must not fold to m");
        assert!(unit("x").is_none());
        assert!(unit("").is_none());
    }

    #[test]
    fn prefix_matching() {
        let m = |s: &str| match_unit_prefix(s).map(|(u, n)| (u.canonical, n));
        assert_eq!(m("cm"), Some(("cm", 2)));
        assert_eq!(m("cm, 4 cm"), Some(("cm", 2)));
        assert_eq!(m("square units."), Some(("square units", 12)));
        assert_eq!(m("square units"), Some(("square units", 12)));
        assert_eq!(m("km/h)"), Some(("km/h", 4)));
        assert_eq!(m("cm^{2} and"), Some(("cm^2", 6)));
        assert_eq!(m("元"), Some(("yuan", 3)));
        assert_eq!(m("cmx"), None);
        assert_eq!(m("x cm"), None);
    }
}
