//! Metrics over many graded samples: accuracy, unbiased pass@k, maj@k by
//! answer key, and worst-case accuracy over the variants of a question.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::ast::Expr;
use crate::canon::canonical;

/// A stable key for an answer: equivalent forms that share a canonical form
/// (`\frac12`, `0.5`, `1/2`) share a key, so they vote together in maj@k.
pub fn answer_key(e: &Expr) -> String {
    canonical(e).sexpr()
}

/// One graded sample of a problem.
#[derive(Clone, Debug)]
pub struct Sample {
    /// The problem (or the question of a family of variants).
    pub group: String,
    /// The answer key of the extracted answer, if one was found.
    pub key: Option<String>,
    pub correct: bool,
}

/// The unbiased estimator of pass@k from `n` samples of which `c` are
/// correct: `1 - C(n-c, k) / C(n, k)`, computed as a product so it never
/// overflows. `k` larger than `n` is read as `n`.
pub fn pass_at_k(n: usize, c: usize, k: usize) -> f64 {
    let k = k.min(n);
    if n == 0 || k == 0 {
        return 0.0;
    }
    if n - c < k {
        return 1.0;
    }
    // C(n-c, k) / C(n, k) = prod_{i = n-c+1}^{n} (1 - k / i)
    let mut fail = 1.0;
    for i in (n - c + 1)..=n {
        fail *= 1.0 - k as f64 / i as f64;
    }
    1.0 - fail
}

/// Majority vote over the first `k` samples of a group: the most frequent
/// answer key wins (ties go to the key seen first); the vote is right when
/// a sample with that key is correct. Samples with no answer do not vote.
pub fn majority_correct(samples: &[&Sample], k: usize) -> bool {
    let mut counts: Vec<(&str, usize, bool)> = Vec::new();
    for s in samples.iter().take(k) {
        let Some(key) = s.key.as_deref() else { continue };
        match counts.iter_mut().find(|(k2, _, _)| *k2 == key) {
            Some(entry) => {
                entry.1 += 1;
                entry.2 |= s.correct;
            }
            None => counts.push((key, 1, s.correct)),
        }
    }
    let mut best: Option<(&str, usize, bool)> = None;
    for c in counts {
        if best.is_none_or(|b| c.1 > b.1) {
            best = Some(c);
        }
    }
    best.is_some_and(|b| b.2)
}

/// The summary of a grading run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub samples: usize,
    pub groups: usize,
    /// Share of samples graded correct.
    pub accuracy: f64,
    /// Mean over groups of the unbiased pass@k, for each requested k.
    pub pass_at_k: BTreeMap<usize, f64>,
    /// Share of groups whose majority vote over the first k samples is right.
    pub maj_at_k: BTreeMap<usize, f64>,
    /// Share of groups whose every sample (variant) is correct.
    pub worst_case: f64,
}

/// Summarize samples grouped by `Sample::group`, in the order given.
pub fn summarize(samples: &[Sample], ks: &[usize]) -> Summary {
    let mut groups: BTreeMap<&str, Vec<&Sample>> = BTreeMap::new();
    for s in samples {
        groups.entry(s.group.as_str()).or_default().push(s);
    }
    let g = groups.len().max(1) as f64;
    let correct = samples.iter().filter(|s| s.correct).count();
    let mut pass = BTreeMap::new();
    let mut maj = BTreeMap::new();
    for &k in ks {
        let p: f64 = groups
            .values()
            .map(|v| pass_at_k(v.len(), v.iter().filter(|s| s.correct).count(), k))
            .sum();
        pass.insert(k, p / g);
        let m = groups.values().filter(|v| majority_correct(v, k)).count();
        maj.insert(k, m as f64 / g);
    }
    let worst = groups.values().filter(|v| v.iter().all(|s| s.correct)).count();
    Summary {
        samples: samples.len(),
        groups: groups.len(),
        accuracy: if samples.is_empty() { 0.0 } else { correct as f64 / samples.len() as f64 },
        pass_at_k: pass,
        maj_at_k: maj,
        worst_case: worst as f64 / g,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse, Syntax};

    fn s(group: &str, key: Option<&str>, correct: bool) -> Sample {
        Sample { group: group.into(), key: key.map(Into::into), correct }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn pass_at_k_matches_the_closed_form() {
        // n = 5, c = 2, k = 2: 1 - C(3,2)/C(5,2) = 1 - 3/10.
        assert!(close(pass_at_k(5, 2, 2), 0.7));
        // k = 1 is the plain share correct.
        assert!(close(pass_at_k(8, 3, 1), 3.0 / 8.0));
        // Too few wrong samples to fill k: certain.
        assert!(close(pass_at_k(4, 3, 2), 1.0));
        assert!(close(pass_at_k(4, 0, 2), 0.0));
        assert!(close(pass_at_k(0, 0, 1), 0.0));
        // k larger than n is read as n.
        assert!(close(pass_at_k(3, 1, 10), 1.0));
    }

    #[test]
    fn equivalent_answers_share_a_key() {
        let key = |t: &str| answer_key(&parse(t, Syntax::Auto).unwrap());
        assert_eq!(key("\\frac12"), key("0.5"));
        assert_eq!(key("1/2"), key("\\dfrac{1}{2}"));
        assert_ne!(key("1/2"), key("1/3"));
    }

    #[test]
    fn majority_vote_and_ties() {
        let a = [s("p", Some("1/2"), true), s("p", Some("3"), false), s("p", Some("1/2"), true)];
        let refs: Vec<&Sample> = a.iter().collect();
        assert!(majority_correct(&refs, 3));
        // Over the first two it is a tie: the first key seen wins.
        assert!(majority_correct(&refs, 2));
        let b = [s("q", Some("3"), false), s("q", Some("1/2"), true)];
        let refs: Vec<&Sample> = b.iter().collect();
        assert!(!majority_correct(&refs, 2));
        // No answers: no vote, not right.
        let c = [s("r", None, false)];
        let refs: Vec<&Sample> = c.iter().collect();
        assert!(!majority_correct(&refs, 1));
    }

    #[test]
    fn summary_over_groups() {
        let samples = vec![
            s("p", Some("a"), true),
            s("p", Some("b"), false),
            s("p", Some("a"), true),
            s("q", Some("c"), false),
            s("q", Some("c"), false),
            s("q", Some("d"), true),
        ];
        let sum = summarize(&samples, &[1, 2]);
        assert_eq!((sum.samples, sum.groups), (6, 2));
        assert!(close(sum.accuracy, 0.5));
        // pass@1: (2/3 + 1/3) / 2; pass@2: p = 1 - C(1,2)/C(3,2) = 1, q = 1 - C(2,2)/C(3,2) = 2/3.
        assert!(close(sum.pass_at_k[&1], 0.5));
        assert!(close(sum.pass_at_k[&2], (1.0 + 2.0 / 3.0) / 2.0));
        // maj@2: p votes a (tie a/b, a first) → right; q votes c → wrong.
        assert!(close(sum.maj_at_k[&2], 0.5));
        // No group has every variant right.
        assert!(close(sum.worst_case, 0.0));
    }
}
