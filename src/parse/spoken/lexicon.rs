//! The spoken-math lexicon `grammars/spoken-en.tsv`, compiled in and parsed
//! once.
//!
//! Each data line is `phrase<TAB>class<TAB>value`; `#` lines and blank
//! lines are skipped. See the file header for the classes. Phrases are
//! matched longest first; a phrase with an upper-case letter matches only
//! with that exact case, and wins over a case-free phrase of the same
//! length (MathSpeak's `Over` against ClearSpeak's `over`).

// A fixed hasher: lookups only (never iterated), and the same code path
// for the same input in every process (fuzzing replays runs exactly).
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::ast::{Constant, Func, NumberSet, RelOp};

use super::token::Key;

/// The raw lexicon text.
pub const SPOKEN_TSV: &str = include_str!("../../../grammars/spoken-en.tsv");

/// A MathSpeak script word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScriptWord {
    Sup,
    Sub,
    /// `Super`: a step up inside a longer path (`Super Superscript`).
    Super,
    Baseline,
}

/// A word inside spoken numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumWord {
    And,
    Point,
    Zero,
}

/// What a phrase means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Meaning {
    Number(u64),
    Tens(u64),
    Scale(u64),
    Ordinal(u64),
    /// The plural of an ordinal: the denominator of `two thirds`.
    Ordinals(u64),
    NumWord(NumWord),
    Greek(&'static str),
    Const(Constant),
    /// A function by mathgrade's name; `ln` and `log` included.
    Func(&'static str),
    Rel(RelOp),
    Accent(&'static str),
    NumberSet(NumberSet),
    Script(ScriptWord),
    Filler,
    Key(Key),
}

/// One line of the lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub words: Vec<&'static str>,
    /// Matches only with this exact case.
    pub exact: bool,
    pub meaning: Meaning,
    /// 1-based line in `spoken-en.tsv`.
    pub line: usize,
}

/// A malformed lexicon line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexError {
    pub line: usize,
    pub message: String,
}

/// The parsed lexicon, indexed by the lower-cased first word.
#[derive(Debug)]
pub struct Lexicon {
    entries: Vec<Entry>,
    by_first: HashMap<String, Vec<usize>>,
}

impl Lexicon {
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The longest entry matching `words` from its start: the entry and how
    /// many words it covers.
    pub fn lookup(&self, words: &[&str]) -> Option<(&Entry, usize)> {
        let first = words.first()?.to_lowercase();
        let candidates = self.by_first.get(&first)?;
        let mut best: Option<(&Entry, usize)> = None;
        for &i in candidates {
            let e = &self.entries[i];
            let n = e.words.len();
            if n > words.len() || !matches(e, &words[..n]) {
                continue;
            }
            let better = match best {
                None => true,
                Some((b, bn)) => n > bn || (n == bn && e.exact && !b.exact),
            };
            if better {
                best = Some((e, n));
            }
        }
        best
    }

    /// The first phrase with this meaning (for the printer).
    pub fn phrase_for(&self, meaning: &Meaning) -> Option<String> {
        self.entries.iter().find(|e| &e.meaning == meaning).map(|e| e.words.join(" "))
    }
}

fn matches(e: &Entry, words: &[&str]) -> bool {
    e.words.iter().zip(words).all(|(p, w)| if e.exact { p == w } else { p.eq_ignore_ascii_case(w) })
}

/// The lexicon, parsed on first use. Malformed lines are skipped here (the
/// golden tests below reject them before they can ship).
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let (entries, errors) = parse_lexicon(SPOKEN_TSV);
        debug_assert!(errors.is_empty(), "grammars/spoken-en.tsv: {errors:?}");
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, e) in entries.iter().enumerate() {
            by_first.entry(e.words[0].to_lowercase()).or_default().push(i);
        }
        Lexicon { entries, by_first }
    })
}

/// Parse lexicon text into entries plus every problem found: a wrong
/// number of columns, an empty phrase or double spaces, an unknown class,
/// a value the class does not allow, or a phrase that another line already
/// defines (case-free phrases compare without case; an exact-case `Over`
/// may sit beside a case-free `over`).
pub fn parse_lexicon(src: &'static str) -> (Vec<Entry>, Vec<LexError>) {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::default();
    for (idx, raw) in src.lines().enumerate() {
        let line = idx + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let mut err = |message: String| errors.push(LexError { line, message });
        let cols: Vec<&'static str> = raw.split('\t').collect();
        if cols.len() != 3 {
            err(format!("expected 3 tab-separated columns, found {}", cols.len()));
            continue;
        }
        let (phrase, class, value) = (cols[0], cols[1], cols[2]);
        if phrase.is_empty() || phrase.trim() != phrase || phrase.contains("  ") {
            err(format!("malformed phrase `{phrase}`"));
            continue;
        }
        let meaning = match meaning_of(class, value) {
            Ok(m) => m,
            Err(m) => {
                err(m);
                continue;
            }
        };
        let exact = phrase.chars().any(|c| c.is_uppercase());
        let key = if exact { phrase.to_string() } else { phrase.to_lowercase() };
        if let Some(first) = seen.get(&key) {
            err(format!("phrase `{phrase}` is already on line {first}"));
            continue;
        }
        seen.insert(key, line);
        entries.push(Entry { words: phrase.split(' ').collect(), exact, meaning, line });
    }
    (entries, errors)
}

fn meaning_of(class: &str, value: &'static str) -> Result<Meaning, String> {
    let int = |lo: u64, hi: u64| -> Result<u64, String> {
        value
            .parse::<u64>()
            .ok()
            .filter(|n| (lo..=hi).contains(n))
            .ok_or_else(|| format!("class `{class}` needs a number in {lo}..={hi}, found `{value}`"))
    };
    Ok(match class {
        "number" => Meaning::Number(int(0, 19)?),
        "tens" => {
            let n = int(20, 90)?;
            if n % 10 != 0 {
                return Err(format!("a tens value must be a multiple of ten, found {n}"));
            }
            Meaning::Tens(n)
        }
        "scale" => {
            let n = int(100, 1_000_000_000_000)?;
            if !is_power_of_ten(n) {
                return Err(format!("a scale must be a power of ten, found {n}"));
            }
            Meaning::Scale(n)
        }
        "ordinal" => Meaning::Ordinal(int(1, 1_000_000)?),
        "ordinals" => Meaning::Ordinals(int(1, 1_000_000)?),
        "numword" => Meaning::NumWord(match value {
            "and" => NumWord::And,
            "point" => NumWord::Point,
            "zero" => NumWord::Zero,
            _ => return Err(format!("unknown numword `{value}` (and, point, zero)")),
        }),
        "greek" => {
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(format!("a greek value must be a LaTeX name, found `{value}`"));
            }
            Meaning::Greek(value)
        }
        "constant" => Meaning::Const(match value {
            "pi" => Constant::Pi,
            "e" => Constant::E,
            "i" => Constant::I,
            "infinity" => Constant::Infinity,
            _ => return Err(format!("unknown constant `{value}` (pi, e, i, infinity)")),
        }),
        "function" => {
            if Func::from_name(value).is_none() {
                return Err(format!("unknown function `{value}`"));
            }
            Meaning::Func(value)
        }
        "relation" => Meaning::Rel(match value {
            "eq" => RelOp::Eq,
            "ne" => RelOp::Ne,
            "lt" => RelOp::Lt,
            "le" => RelOp::Le,
            "gt" => RelOp::Gt,
            "ge" => RelOp::Ge,
            "approx" => RelOp::Approx,
            "in" => RelOp::In,
            "notin" => RelOp::NotIn,
            "subset" => RelOp::Subset,
            "subseteq" => RelOp::SubsetEq,
            "supset" => RelOp::Supset,
            "supseteq" => RelOp::SupsetEq,
            _ => return Err(format!("unknown relation `{value}`")),
        }),
        "accent" => {
            const ACCENTS: &[&str] =
                &["bar", "hat", "tilde", "vec", "dot", "ddot", "check", "breve", "acute", "grave", "underline", "ring"];
            if !ACCENTS.contains(&value) {
                return Err(format!("unknown accent `{value}` (one of {})", ACCENTS.join(", ")));
            }
            Meaning::Accent(value)
        }
        "numberset" => Meaning::NumberSet(match value {
            "reals" => NumberSet::Reals,
            "integers" => NumberSet::Integers,
            "naturals" => NumberSet::Naturals,
            "rationals" => NumberSet::Rationals,
            "complexes" => NumberSet::Complexes,
            _ => return Err(format!("unknown number set `{value}`")),
        }),
        "script" => Meaning::Script(match value {
            "sup" => ScriptWord::Sup,
            "sub" => ScriptWord::Sub,
            "super" => ScriptWord::Super,
            "baseline" => ScriptWord::Baseline,
            _ => return Err(format!("unknown script marker `{value}` (sup, sub, super, baseline)")),
        }),
        "filler" => Meaning::Filler,
        "key" => Meaning::Key(Key::from_name(value).ok_or_else(|| format!("unknown keyword `{value}`"))?),
        _ => return Err(format!("unknown class `{class}`")),
    })
}

fn is_power_of_ten(mut n: u64) -> bool {
    while n >= 10 && n % 10 == 0 {
        n /= 10;
    }
    n == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Golden test: every data line of `grammars/spoken-en.tsv` is
    /// well-formed and no phrase is defined twice.
    #[test]
    fn golden_spoken_lexicon_is_well_formed() {
        let (entries, errors) = parse_lexicon(SPOKEN_TSV);
        let report: Vec<String> = errors.iter().map(|e| format!("spoken-en.tsv line {}: {}", e.line, e.message)).collect();
        assert!(report.is_empty(), "malformed lines:\n{}", report.join("\n"));
        let data_lines = SPOKEN_TSV.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).count();
        assert_eq!(entries.len(), data_lines, "every data line must become an entry");
    }

    /// Every keyword the parser knows is spelled by some line, so none is
    /// unreachable. (`and` is the numword `and` when it joins no number.)
    #[test]
    fn golden_every_keyword_has_a_phrase() {
        let lex = lexicon();
        let missing: Vec<&str> = Key::ALL
            .iter()
            .filter(|k| **k != Key::And && lex.phrase_for(&Meaning::Key(**k)).is_none())
            .map(|k| k.name())
            .collect();
        assert!(missing.is_empty(), "keywords without a phrase: {missing:?}");
        assert_eq!(lex.phrase_for(&Meaning::NumWord(NumWord::And)).as_deref(), Some("and"));
    }

    /// What the issue asks the lexicon to cover, by phrase.
    #[test]
    fn golden_required_phrases() {
        let lex = lexicon();
        let cases: &[(&str, Meaning)] = &[
            ("zero", Meaning::Number(0)),
            ("nineteen", Meaning::Number(19)),
            ("ninety", Meaning::Tens(90)),
            ("hundred", Meaning::Scale(100)),
            ("thousand", Meaning::Scale(1000)),
            ("million", Meaning::Scale(1_000_000)),
            ("and", Meaning::NumWord(NumWord::And)),
            ("point", Meaning::NumWord(NumWord::Point)),
            ("oh", Meaning::NumWord(NumWord::Zero)),
            ("half", Meaning::Ordinal(2)),
            ("halves", Meaning::Ordinals(2)),
            ("third", Meaning::Ordinal(3)),
            ("thirds", Meaning::Ordinals(3)),
            ("quarter", Meaning::Ordinal(4)),
            ("quarters", Meaning::Ordinals(4)),
            ("fourths", Meaning::Ordinals(4)),
            ("negative", Meaning::Key(Key::Negative)),
            ("minus", Meaning::Key(Key::Minus)),
            ("lamda", Meaning::Greek("lambda")),
            ("normal infinity", Meaning::Const(Constant::Infinity)),
            ("natural log", Meaning::Func("ln")),
            ("l n", Meaning::Func("ln")),
            ("is less than or equal to", Meaning::Rel(RelOp::Le)),
            ("is not equal to", Meaning::Rel(RelOp::Ne)),
            ("StartFraction", Meaning::Key(Key::StartFrac)),
            ("Over", Meaning::Key(Key::FracOver)),
            ("over", Meaning::Key(Key::Over)),
            ("EndFraction", Meaning::Key(Key::EndFrac)),
            ("StartRoot", Meaning::Key(Key::StartRoot)),
            ("EndRoot", Meaning::Key(Key::EndRoot)),
            ("RootIndex", Meaning::Key(Key::RootIndex)),
            ("Superscript", Meaning::Script(ScriptWord::Sup)),
            ("Subscript", Meaning::Script(ScriptWord::Sub)),
            ("Baseline", Meaning::Script(ScriptWord::Baseline)),
            ("left parenthesis", Meaning::Key(Key::OpenParen)),
            ("StartAbsoluteValue", Meaning::Key(Key::OpenAbs)),
            ("fraction with numerator", Meaning::Key(Key::FracNumerator)),
            ("and denominator", Meaning::Key(Key::FracDenominator)),
            ("square root", Meaning::Key(Key::Sqrt)),
            ("raised to the", Meaning::Key(Key::RaisedToThe)),
            ("power", Meaning::Key(Key::Power)),
            ("open paren", Meaning::Key(Key::OpenParen)),
            ("close paren", Meaning::Key(Key::CloseParen)),
        ];
        for (phrase, want) in cases {
            let words: Vec<&str> = phrase.split(' ').collect();
            let got = lex.lookup(&words).map(|(e, n)| (e.meaning.clone(), n));
            assert_eq!(got, Some((want.clone(), words.len())), "phrase `{phrase}`");
        }
    }

    #[test]
    fn longest_match_and_case_rule() {
        let lex = lexicon();
        let look = |s: &str| {
            let words: Vec<&str> = s.split(' ').collect();
            lex.lookup(&words).map(|(e, n)| (e.meaning.clone(), n))
        };
        assert_eq!(look("less than or equals 1"), Some((Meaning::Rel(RelOp::Le), 4)));
        assert_eq!(look("less than 1"), Some((Meaning::Rel(RelOp::Lt), 2)));
        assert_eq!(look("Sub i"), Some((Meaning::Script(ScriptWord::Sub), 1)));
        assert_eq!(look("sub i"), Some((Meaning::Key(Key::Sub), 1)));
        assert_eq!(look("Base x"), Some((Meaning::Script(ScriptWord::Baseline), 1)));
        assert_eq!(look("base 2"), Some((Meaning::Key(Key::Base), 1)));
        // A case-free phrase matches any case.
        assert_eq!(look("Sine x"), Some((Meaning::Func("sin"), 1)));
        assert_eq!(look("xyzzy"), None);
    }

    #[test]
    fn rejects_malformed_lines() {
        let src: &'static str = "# comment\n\
            one\tnumber\t1\n\
            two\tnumber\n\
            twenty\tnumber\t20\n\
            thirty one\ttens\t31\n\
            sine\tfunction\tsinus\n\
            over\tkey\tover\n\
            OVER\tkey\tover\n\
            over\tkey\tfrac-over\n\
            x  y\tkey\tover\n\
            blah\tnoclass\tx\n\
            lots\tscale\t150\n";
        let (entries, errors) = parse_lexicon(src);
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6, 9, 10, 11, 12], "{errors:?}");
        let phrases: Vec<String> = entries.iter().map(|e| e.words.join(" ")).collect();
        assert_eq!(phrases, vec!["one", "over", "OVER"]);
        assert!(entries[2].exact && !entries[1].exact);
    }
}
