//! Grading one item the way a benchmark harness asks for it: the gold answer
//! as the dataset writes it, a model's output, the dataset's preset
//! ([`dataset`]) and, for multiple choice, the problem's options
//! ([`choices`]).
//!
//! [`grade`] is what `mathgrade grade` and the Python module call per
//! record, so both give the same verdicts.

pub mod choices;
pub mod dataset;

pub use choices::{parse_choices, Choice};
pub use dataset::{Dataset, GoldForm, UnknownDataset};

use crate::compare::{check_pred_in, read_gold, verify_str, Detail, Gold, Memo, MemoRef, Method, Options, Target, Verdict};
use crate::extract::{extract_all, window, Rule};
use crate::metrics::answer_key;

/// One item to grade.
#[derive(Clone, Copy, Debug)]
pub struct Task<'a> {
    /// The gold answer as the dataset writes it.
    pub gold: &'a str,
    /// The prediction: a bare answer or a whole model output.
    pub pred: &'a str,
    pub dataset: Dataset,
    /// The problem's text, when known: its options (`(A) 1 (B) 2`) let a
    /// predicted value choose a letter.
    pub problem: Option<&'a str>,
}

impl<'a> Task<'a> {
    /// An item with no preset and no problem text.
    pub fn new(gold: &'a str, pred: &'a str) -> Task<'a> {
        Task { gold, pred, dataset: Dataset::Auto, problem: None }
    }
}

/// One graded item.
#[derive(Clone, Debug)]
pub struct Graded {
    pub verdict: Verdict,
    /// The rule that found the predicted answer (`None`: none was found,
    /// or the whole text was read as a last resort).
    pub rule: Option<Rule>,
    /// The predicted answer's key: equivalent answers share it (for
    /// majority votes).
    pub key: Option<String>,
    /// The option the prediction chose by writing its value, when that
    /// decided the verdict.
    pub chosen: Option<char>,
}

/// Extraction candidates of a prediction tried against the options' texts:
/// the best few only, so a number from early working never picks an option.
const VALUE_CANDIDATES: usize = 4;

/// Grade `task` with `base` options adjusted by its dataset preset.
pub fn grade(task: &Task<'_>, base: &Options) -> Graded {
    grade_with(task, &task.dataset.options(base))
}

pub fn grade_with(task: &Task<'_>, opts: &Options) -> Graded {
    let gold = read_gold(&task.dataset.gold_text(task.gold), opts);
    grade_read(task, &gold, opts, Detail::Full, None, None)
}

/// A batch of tasks graded with each distinct gold (and preset) read once,
/// and each distinct answer to it parsed and compared once ([`Memo`]):
/// reward functions grade several samples per problem, which mostly agree.
/// [`Batch::grade`] may be called from many threads at once; a gold is read
/// by the first caller that needs it. The verdict of every task is the one
/// [`grade`] gives. The memos live as long as the batch and hold at most a
/// few entries per task.
///
/// ```
/// use mathgrade::compare::{Detail, Options};
/// use mathgrade::grade::{Batch, Task};
///
/// let tasks = vec![Task::new("18", "... so the answer is $\\boxed{18}$."), Task::new("18", "$18$"), Task::new("18", "17")];
/// let opts = Options::default();
/// let batch = Batch::new(&tasks, &opts);
/// // `Detail::EqualOnly`: no verdict strings or answer keys, only the verdict.
/// let rewards: Vec<bool> = (0..batch.len()).map(|i| batch.grade(i, Detail::EqualOnly).verdict.equal).collect();
/// assert_eq!(rewards, [true, true, false]);
/// ```
pub struct Batch<'a> {
    tasks: &'a [Task<'a>],
    /// Per task, its gold's index in `golds`: one per distinct gold,
    /// preset and problem text (samples of one problem share all three).
    gold_of: Vec<usize>,
    golds: Vec<std::sync::OnceLock<(Options, Gold)>>,
    /// Per gold, the answers to it already read and compared.
    memos: Vec<std::sync::Mutex<Memo>>,
    /// Per gold, its problem's options, read when a task first needs them.
    choices: Vec<std::sync::OnceLock<Vec<Choice>>>,
    base: &'a Options,
}

impl<'a> Batch<'a> {
    pub fn new(tasks: &'a [Task<'a>], base: &'a Options) -> Batch<'a> {
        // FxHash: the keys are the caller's texts, hashed once per task in
        // one call; flooding them would only slow this call.
        let mut first: rustc_hash::FxHashMap<(&str, Dataset, Option<&str>), usize> = Default::default();
        let key = |t: &Task<'a>| (t.gold, t.dataset, t.problem);
        let mut gold_of: Vec<usize> = Vec::with_capacity(tasks.len());
        for (i, t) in tasks.iter().enumerate() {
            // A problem's samples usually come one after another: the same
            // key as the task before needs no hashing of its texts.
            let k = match i.checked_sub(1) {
                Some(prev) if key(&tasks[prev]) == key(t) => gold_of[prev],
                _ => {
                    let next = first.len();
                    *first.entry(key(t)).or_insert(next)
                }
            };
            gold_of.push(k);
        }
        let golds = (0..first.len()).map(|_| std::sync::OnceLock::new()).collect();
        let memos = (0..first.len()).map(|_| Default::default()).collect();
        let choices = (0..first.len()).map(|_| std::sync::OnceLock::new()).collect();
        Batch { tasks, gold_of, golds, memos, choices, base }
    }

    pub fn len(&self) -> usize {
        self.tasks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty()
    }

    /// Grade task `i` (panics if out of range, as indexing does). Threads
    /// may grade tasks of one batch at once.
    pub fn grade(&self, i: usize, detail: Detail) -> Graded {
        let k = self.gold_of[i];
        let (opts, gold) = self.gold(i);
        grade_read(&self.tasks[i], gold, opts, detail, Some(&mut MemoRef::Shared(&self.memos[k])), Some(&self.choices[k]))
    }

    /// [`Batch::grade`] by the batch's only user, which reads and writes
    /// the memos without locking them: the same verdicts, faster.
    pub fn grade_alone(&mut self, i: usize, detail: Detail) -> Graded {
        let k = self.gold_of[i];
        self.gold(i);
        let (opts, gold) = self.golds[k].get().expect("read above");
        let memo = self.memos[k].get_mut().unwrap_or_else(|e| e.into_inner());
        grade_read(&self.tasks[i], gold, opts, detail, Some(&mut MemoRef::Held(memo)), Some(&self.choices[k]))
    }

    /// Task `i`'s gold, read under its preset's options on first use.
    fn gold(&self, i: usize) -> &(Options, Gold) {
        let task = &self.tasks[i];
        self.golds[self.gold_of[i]].get_or_init(|| {
            let opts = task.dataset.options(self.base);
            let gold = read_gold(&task.dataset.gold_text(task.gold), &opts);
            (opts, gold)
        })
    }
}

/// Grade `task` against its gold already read under `opts`. With
/// [`Detail::EqualOnly`] the verdict's strings are left out and no answer
/// key is computed.
fn grade_read(
    task: &Task<'_>,
    gold: &Gold,
    opts: &Options,
    detail: Detail,
    memo: Option<&mut MemoRef<'_>>,
    known_choices: Option<&std::sync::OnceLock<Vec<Choice>>>,
) -> Graded {
    let (verdict, pred, pred_canonical) = check_pred_in(gold, task.pred, opts, detail, memo);
    let rule = pred.as_ref().and_then(|a| a.rule);
    // The comparison already canonicalized the prediction; under the
    // default limits that is the answer key's canonical form.
    let key = match (&pred_canonical, detail) {
        (_, Detail::EqualOnly) => None,
        (Some(c), _) if opts.limits == crate::Limits::default() => Some(c.sexpr()),
        _ => pred.as_ref().map(|a| answer_key(&a.expr)),
    };
    let mut graded = Graded { verdict, rule, key, chosen: None };
    if graded.verdict.equal {
        return graded;
    }
    let Some(problem) = task.problem else { return graded };
    let parsed;
    let choices: &[Choice] = match known_choices {
        Some(known) => known.get_or_init(|| parse_choices(problem)),
        None => {
            parsed = parse_choices(problem);
            &parsed
        }
    };
    if choices.is_empty() {
        return graded;
    }
    let gold_letter = gold.answer().and_then(|a| lone_letter(&a.text)).filter(|l| choices.iter().any(|c| c.letter == *l));
    let pred_letter = pred.as_ref().and_then(|a| lone_letter(&a.text));
    match (gold_letter, pred_letter) {
        (Some(l), None) => {
            if let Some(chosen) = chosen_by_value(task.pred, choices, opts) {
                graded.chosen = Some(chosen);
                graded.verdict = choice_verdict(chosen == l, l, chosen, &graded.verdict);
            }
        }
        (None, Some(p)) => {
            if let Some(c) = choices.iter().find(|c| c.letter == p) {
                let v = verify_str(gold.text(), &c.text, opts);
                if v.equal {
                    graded.chosen = Some(p);
                    graded.verdict = Verdict {
                        note: format!("equal: option ({p}) reads `{}`, the gold answer", c.text),
                        method: Method::Choice,
                        ..v
                    };
                }
            }
        }
        _ => {}
    }
    graded
}

/// The option whose text the prediction's answer equals: the first of the
/// best [`VALUE_CANDIDATES`] extracted values that matches exactly one
/// option decides; a value matching several options chooses none.
fn chosen_by_value(pred: &str, choices: &[Choice], opts: &Options) -> Option<char> {
    let targets: Vec<Target> = opts.pred_targets.iter().copied().filter(|t| *t != Target::String).collect();
    let value_opts = Options { gold_targets: targets.clone(), pred_targets: targets.clone(), ..opts.clone() };
    let pred = window(pred, opts.limits.max_extract_len);
    for cand in extract_all(pred, &targets, opts.boxed_match_priority).into_iter().take(VALUE_CANDIDATES) {
        let matches: Vec<char> =
            choices.iter().filter(|c| verify_str(&c.text, &cand.text, &value_opts).equal).map(|c| c.letter).collect();
        match matches.as_slice() {
            [] => continue,
            [one] => return Some(*one),
            _ => return None,
        }
    }
    None
}

fn choice_verdict(equal: bool, gold: char, chosen: char, before: &Verdict) -> Verdict {
    let note = if equal {
        format!("equal: the predicted value is option ({chosen})'s text")
    } else {
        format!("not equal: the predicted value is option ({chosen})'s text, the gold is ({gold})")
    };
    Verdict {
        equal,
        method: Method::Choice,
        gold_canonical: Some(gold.to_string()),
        pred_canonical: before.pred_canonical.clone(),
        note,
    }
}

/// `B`, `(B)`, `\text{B}`, `\textbf{(B)}` → `B` (an answer that is an
/// option letter and nothing else).
fn lone_letter(answer: &str) -> Option<char> {
    let letters: Vec<char> = answer
        .trim()
        .trim_start_matches("\\textbf")
        .trim_start_matches("\\text")
        .trim_start_matches("\\mathrm")
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '{' | '}' | ' ' | '.'))
        .collect();
    match letters.as_slice() {
        [c] if ('A'..='J').contains(c) => Some(*c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task<'a>(gold: &'a str, pred: &'a str, dataset: Dataset, problem: Option<&'a str>) -> Task<'a> {
        Task { gold, pred, dataset, problem }
    }

    const PROBLEM: &str = "How many coins?\nAnswer Choices: A)453 B)651 C)400 D)487 E)286";

    #[test]
    fn the_key_is_the_answer_key_of_the_prediction() {
        // The key comes from the comparison's canonical form; it must be
        // the one `answer_key` gives, whether the verdict is equal, not
        // equal, or no answer from the gold.
        let o = Options::default();
        for (gold, pred, answer) in [
            ("\\frac{1}{2}", "so $\\boxed{0.5}$", "0.5"),
            ("3", "The answer is $x^2+2x$.", "x^2+2x"),
            ("", "$\\boxed{\\sqrt{8}}$", "\\sqrt{8}"),
        ] {
            let g = grade(&task(gold, pred, Dataset::Auto, None), &o);
            let want = answer_key(&crate::parse::parse(answer, crate::parse::Syntax::Latex).unwrap());
            assert_eq!(g.key.as_deref(), Some(want.as_str()), "{pred}");
        }
        assert_eq!(grade(&task("3", "$\\boxed{4}$", Dataset::Auto, None), &o).key.as_deref(), Some("4"));
    }

    #[test]
    fn a_value_chooses_its_option() {
        let o = Options::default();
        let g = grade(&task("C", "70,000/175 = 400", Dataset::Aqua, Some(PROBLEM)), &o);
        assert!(g.verdict.equal, "{:?}", g.verdict);
        assert_eq!((g.verdict.method, g.chosen), (Method::Choice, Some('C')));
        let g = grade(&task("B", "70,000/175 = 400", Dataset::Aqua, Some(PROBLEM)), &o);
        assert!(!g.verdict.equal);
        assert_eq!(g.chosen, Some('C'));
        assert_eq!(g.verdict.note, "not equal: the predicted value is option (C)'s text, the gold is (B)");
        // Without the problem's options there is nothing to choose with.
        let g = grade(&task("C", "70,000/175 = 400", Dataset::Aqua, None), &o);
        assert!(!g.verdict.equal);
        assert_eq!(g.chosen, None);
    }

    #[test]
    fn a_letter_is_not_overridden_by_values() {
        let o = Options::default();
        // The letter said wins even though 400 (option C) appears.
        let g = grade(&task("C", "We get 400, so the answer is (B).", Dataset::Aqua, Some(PROBLEM)), &o);
        assert!(!g.verdict.equal);
        assert_eq!(g.chosen, None);
        let g = grade(&task("B", "We get 400, so the answer is (B).", Dataset::Aqua, Some(PROBLEM)), &o);
        assert!(g.verdict.equal);
        assert_eq!(g.chosen, None);
    }

    #[test]
    fn a_letter_answers_a_value_gold() {
        let o = Options::default();
        let g = grade(&task("400", "The answer is (C).", Dataset::Auto, Some(PROBLEM)), &o);
        assert!(g.verdict.equal, "{:?}", g.verdict);
        assert_eq!(g.chosen, Some('C'));
        let g = grade(&task("453", "The answer is (C).", Dataset::Auto, Some(PROBLEM)), &o);
        assert!(!g.verdict.equal);
    }

    #[test]
    fn a_value_matching_two_options_chooses_none() {
        let p = "Pick one: (A) 0.5 (B) 1/2 (C) 3";
        let g = grade(&task("A", "It is 1/2.", Dataset::MultipleChoice, Some(p)), &Options::default());
        assert!(!g.verdict.equal);
        assert_eq!(g.chosen, None);
    }

    #[test]
    fn presets_read_the_gold() {
        let o = Options::default();
        let g = grade(&task("He sells 6*2=<<6*2=12>>12.\n#### 1,212", "The answer is 1212.", Dataset::Gsm8k, None), &o);
        assert!(g.verdict.equal, "{:?}", g.verdict);
        assert_eq!(g.rule, Some(Rule::FinalAnswerPhrase));
        let g = grade(&task("[\\frac12, 8]", "so $\\frac{1}{2} \\le x \\le 8$.", Dataset::Math, None), &o);
        assert!(g.verdict.equal, "{:?}", g.verdict);
        let g = grade(&task("[\\frac12, 8]", "so $\\frac{1}{2} \\le x \\le 8$.", Dataset::Auto, None), &o);
        assert!(!g.verdict.equal);
    }

    #[test]
    fn keys_and_rules() {
        let o = Options::default();
        let a = grade(&task("1/2", "So $\\boxed{\\frac{2}{4}}$.", Dataset::Auto, None), &o);
        let b = grade(&task("1/2", "The answer is 0.5", Dataset::Auto, None), &o);
        assert_eq!(a.rule, Some(Rule::Boxed));
        assert_eq!(b.rule, Some(Rule::FinalAnswerPhrase));
        assert!(a.key.is_some());
        assert_eq!(a.key, b.key);
        let none = grade(&task("1/2", "I could not finish the", Dataset::Auto, None), &o);
        assert_eq!((none.rule, none.key), (None, None));
    }
}
