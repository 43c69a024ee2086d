//! Dataset presets: how a benchmark writes its gold answers and which
//! extraction rules its predictions need.
//!
//! | preset | gold as written | what changes |
//! |---|---|---|
//! | `auto` | anything | nothing: the general rules |
//! | `gsm8k` | a solution ending in `#### 42`, or `42`, `1,000` | the gold is what follows the last `####`; thousands commas dropped |
//! | `aime` | `073`, `73` | the gold is an integer (leading zeros dropped) |
//! | `math`, `amc`, `olympiadbench`, `minerva`, `gaokao`, `cmath`, `college_math` | LaTeX answers | an inequality in the variable matches an interval gold (`\frac12 \le x \le 8` = `[\frac12, 8]`), as a human grader reads it |
//! | `aqua`, `mmlu_stem`, `multiple_choice` | an option letter `B`, `(B)`, `B) 42` | option letters are looked for first in the prediction; a predicted value matching one option's text chooses that option (when the problem's options are known) |
//!
//! Names from data files are recognized loosely ([`Dataset::recognize`]):
//! `MATH`, `math500`, `aime24`, `minerva_math`, `gaokao2023en`, `aqua_rat`…

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::compare::{Options, Target};

/// A benchmark whose answer conventions mathgrade knows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dataset {
    /// No preset: the general rules (or, in `mathgrade grade`, the
    /// record's own `dataset` field when it names a preset).
    #[default]
    Auto,
    Gsm8k,
    Math,
    Aime,
    Amc,
    #[serde(rename = "olympiadbench")]
    OlympiadBench,
    Minerva,
    Gaokao,
    Cmath,
    CollegeMath,
    Aqua,
    MmluStem,
    MultipleChoice,
}

/// How a preset's gold answers are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoldForm {
    /// Any answer, read by the general rules.
    Free,
    /// A number, possibly after `####` at the end of a solution, possibly
    /// with thousands commas.
    HashNumber,
    /// An integer written with leading zeros (`073`).
    Integer,
    /// An option letter.
    Letter,
}

/// Every preset with its canonical name, in the order `--help` lists them.
const PRESETS: &[(Dataset, &str)] = &[
    (Dataset::Auto, "auto"),
    (Dataset::Gsm8k, "gsm8k"),
    (Dataset::Math, "math"),
    (Dataset::Aime, "aime"),
    (Dataset::Amc, "amc"),
    (Dataset::OlympiadBench, "olympiadbench"),
    (Dataset::Minerva, "minerva"),
    (Dataset::Gaokao, "gaokao"),
    (Dataset::Cmath, "cmath"),
    (Dataset::CollegeMath, "college_math"),
    (Dataset::Aqua, "aqua"),
    (Dataset::MmluStem, "mmlu_stem"),
    (Dataset::MultipleChoice, "multiple_choice"),
];

/// Other names data files use for a preset (compared after lowercasing,
/// with `-` and spaces read as `_` and a trailing year or split removed by
/// [`Dataset::recognize`]).
const ALIASES: &[(&str, Dataset)] = &[
    ("hendrycks_math", Dataset::Math),
    ("competition_math", Dataset::Math),
    ("math500", Dataset::Math),
    ("math_500", Dataset::Math),
    ("minerva_math", Dataset::Minerva),
    ("olympiad_bench", Dataset::OlympiadBench),
    ("olympiad", Dataset::OlympiadBench),
    ("gaokao_math_cloze", Dataset::Gaokao),
    ("gaokao_math_qa", Dataset::Gaokao),
    ("gaokao2023en", Dataset::Gaokao),
    ("gaokaoen", Dataset::Gaokao),
    ("aqua_rat", Dataset::Aqua),
    ("mmlu", Dataset::MmluStem),
    ("mmlu_pro", Dataset::MultipleChoice),
    ("mc", Dataset::MultipleChoice),
    ("choice", Dataset::MultipleChoice),
    ("gsm", Dataset::Gsm8k),
    ("gsm_hard", Dataset::Gsm8k),
    ("gsmhard", Dataset::Gsm8k),
    ("svamp", Dataset::Gsm8k),
    ("asdiv", Dataset::Gsm8k),
    ("mawps", Dataset::Gsm8k),
];

/// A dataset name that is not a preset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownDataset(pub String);

impl fmt::Display for UnknownDataset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = PRESETS.iter().map(|(_, n)| *n).collect();
        write!(f, "unknown dataset `{}` (known: {})", self.0, names.join(", "))
    }
}

impl std::error::Error for UnknownDataset {}

impl FromStr for Dataset {
    type Err = UnknownDataset;

    /// A preset's name or a recognized alias (see [`Dataset::recognize`]).
    fn from_str(s: &str) -> Result<Dataset, UnknownDataset> {
        Dataset::recognize(s).ok_or_else(|| UnknownDataset(s.to_string()))
    }
}

impl fmt::Display for Dataset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Dataset {
    /// Every preset, `auto` first.
    pub fn all() -> impl Iterator<Item = Dataset> {
        PRESETS.iter().map(|(d, _)| *d)
    }

    /// The canonical name (`gsm8k`, `olympiadbench`, `multiple_choice`).
    pub fn name(self) -> &'static str {
        PRESETS.iter().find(|(d, _)| *d == self).map_or("auto", |(_, n)| n)
    }

    /// The preset a dataset name stands for, if any: canonical names and
    /// aliases, without case, with `-` / spaces as `_`, and with a trailing
    /// year, version or split dropped (`aime24`, `aime_2025`, `amc23`,
    /// `gsm8k_test`, `math-500`).
    pub fn recognize(name: &str) -> Option<Dataset> {
        let norm: String = name.trim().to_ascii_lowercase().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c }).collect();
        let lookup = |n: &str| {
            PRESETS.iter().find(|(_, p)| *p == n).map(|(d, _)| *d).or_else(|| ALIASES.iter().find(|(a, _)| *a == n).map(|(_, d)| *d))
        };
        if let Some(d) = lookup(&norm) {
            return Some(d);
        }
        let mut stem = norm.as_str();
        for suffix in ["_test", "_dev", "_train", "_validation", "_val"] {
            stem = stem.strip_suffix(suffix).unwrap_or(stem);
        }
        if let Some(d) = lookup(stem) {
            return Some(d);
        }
        // A trailing year or version: `aime24`, `aime_2025`, `amc23`.
        let bare = stem.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end_matches('_');
        (bare.len() >= 3 && bare != stem).then(|| lookup(bare)).flatten()
    }

    /// How this preset's gold answers are written.
    pub fn gold_form(self) -> GoldForm {
        match self {
            Dataset::Gsm8k => GoldForm::HashNumber,
            Dataset::Aime => GoldForm::Integer,
            Dataset::Aqua | Dataset::MmluStem | Dataset::MultipleChoice => GoldForm::Letter,
            _ => GoldForm::Free,
        }
    }

    /// `base` adjusted for this preset (`auto` leaves it as it is).
    pub fn options(self, base: &Options) -> Options {
        let mut o = base.clone();
        match self.gold_form() {
            GoldForm::Letter => {
                if !o.pred_targets.contains(&Target::String) {
                    o.pred_targets.insert(0, Target::String);
                }
            }
            GoldForm::Free if self != Dataset::Auto => {
                // Free-response benchmarks are graded as a human grader
                // would: `\frac12 \le x \le 8` answers `[\frac12, 8]`.
                o.allow_set_relation_comp = true;
            }
            _ => {}
        }
        o
    }

    /// The gold answer to compare against, from the gold field as the
    /// dataset writes it.
    pub fn gold_text(self, raw: &str) -> Cow<'_, str> {
        match self.gold_form() {
            GoldForm::HashNumber => {
                let after = raw.rfind("####").map_or(raw, |k| &raw[k + 4..]).trim();
                Cow::Owned(drop_thousands_commas(after))
            }
            GoldForm::Integer => {
                let t = raw.trim();
                let digits = t.trim_start_matches('0');
                if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                    Cow::Owned(if digits.is_empty() { "0".into() } else { digits.to_string() })
                } else {
                    Cow::Borrowed(raw)
                }
            }
            GoldForm::Letter => match leading_letter(raw) {
                Some(c) => Cow::Owned(c.to_string()),
                None => Cow::Borrowed(raw),
            },
            GoldForm::Free => Cow::Borrowed(raw),
        }
    }
}

/// `1,234,567.5` → `1234567.5`: a comma between digits with exactly three
/// digits after it (and no further digit) is a thousands separator.
fn drop_thousands_commas(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == ',' && i > 0 && b[i - 1].is_ascii_digit() {
            let digits = b[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
            if digits == 3 {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The option letter a letter gold starts with: `B`, `(B)`, `B)`, `B.`,
/// `B) 42`, `(B) 42` → `B`. `None` when it is not a letter gold (`Bob`).
fn leading_letter(raw: &str) -> Option<char> {
    let t = raw.trim();
    let t = t.strip_prefix('(').unwrap_or(t);
    let mut chars = t.chars();
    let c = chars.next()?;
    if !c.is_ascii_uppercase() || c > 'J' {
        return None;
    }
    match chars.next() {
        None => Some(c),
        Some(')' | '.' | ':') => Some(c),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for d in Dataset::all() {
            assert_eq!(d.name().parse::<Dataset>(), Ok(d), "{}", d.name());
        }
    }

    #[test]
    fn names_from_data_files() {
        let cases = [
            ("MATH", Dataset::Math),
            ("math500", Dataset::Math),
            ("math-500", Dataset::Math),
            ("aime24", Dataset::Aime),
            ("AIME_2025", Dataset::Aime),
            ("amc23", Dataset::Amc),
            ("minerva_math", Dataset::Minerva),
            ("gaokao2023en", Dataset::Gaokao),
            ("gaokao_math_cloze", Dataset::Gaokao),
            ("aqua_rat", Dataset::Aqua),
            ("gsm8k_test", Dataset::Gsm8k),
            ("asdiv", Dataset::Gsm8k),
            ("OlympiadBench", Dataset::OlympiadBench),
        ];
        for (name, want) in cases {
            assert_eq!(Dataset::recognize(name), Some(want), "{name}");
        }
        for name in ["carp_en", "x", "", "24", "mathematics"] {
            assert_eq!(Dataset::recognize(name), None, "{name}");
        }
        let err = "klingon".parse::<Dataset>().unwrap_err().to_string();
        assert!(err.starts_with("unknown dataset `klingon` (known: auto, gsm8k, math,"), "{err}");
    }

    #[test]
    fn gold_as_each_dataset_writes_it() {
        let g = |d: Dataset, s: &str| d.gold_text(s).into_owned();
        assert_eq!(g(Dataset::Gsm8k, "She pays 3*4=<<3*4=12>>12.\n#### 1,200"), "1200");
        assert_eq!(g(Dataset::Gsm8k, "72"), "72");
        assert_eq!(g(Dataset::Gsm8k, "1,234,567.25"), "1234567.25");
        // Not a thousands separator: a list stays a list.
        assert_eq!(g(Dataset::Gsm8k, "1,2"), "1,2");
        assert_eq!(g(Dataset::Aime, "073"), "73");
        assert_eq!(g(Dataset::Aime, "000"), "0");
        assert_eq!(g(Dataset::Aime, "\\frac{1}{2}"), "\\frac{1}{2}");
        assert_eq!(g(Dataset::Aqua, "(C)"), "C");
        assert_eq!(g(Dataset::Aqua, "B) 42"), "B");
        assert_eq!(g(Dataset::Aqua, "Bob"), "Bob");
        assert_eq!(g(Dataset::Math, "\\frac{1}{2}"), "\\frac{1}{2}");
    }

    #[test]
    fn options_per_preset() {
        let base = Options::default();
        assert_eq!(Dataset::Auto.options(&base), base);
        assert!(Dataset::OlympiadBench.options(&base).allow_set_relation_comp);
        assert!(!Dataset::Gsm8k.options(&base).allow_set_relation_comp);
        let mc = Dataset::Aqua.options(&base);
        assert_eq!(mc.pred_targets, vec![Target::String, Target::Latex, Target::Expr]);
    }
}
