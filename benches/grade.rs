//! Throughput of answer extraction, verification and grading on
//! representative (handwritten) model outputs and answer pairs:
//! `cargo bench --bench grade`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use mathgrade::compare::{verify_str, Options, Target};
use mathgrade::extract::extract;
use mathgrade::compare::Detail;
use mathgrade::grade::{grade, Batch, Dataset, Task};

/// A chain-of-thought solution of typical length, ending in a box.
const BOXED_SOLUTION: &str = "To find the sum of the roots, we first write the quadratic \
in standard form: $2x^2 - 8x + 6 = 0$. Dividing by $2$ gives $x^2 - 4x + 3 = 0$, which \
factors as $(x-1)(x-3) = 0$. So the roots are $x = 1$ and $x = 3$.\n\nWe check both: \
$2(1)^2 - 8(1) + 6 = 0$ and $2(3)^2 - 8(3) + 6 = 18 - 24 + 6 = 0$. Both satisfy the \
equation.\n\nBy Vieta's formulas the sum of the roots is $-\\frac{b}{a} = \\frac{8}{2} = 4$, \
which agrees with $1 + 3 = 4$.\n\nTherefore, the sum of the roots is $\\boxed{4}$.";

/// A word problem answered in prose, no LaTeX (GSM8K style).
const PROSE_SOLUTION: &str = "Janet's ducks lay 16 eggs per day. She eats 3 for breakfast \
and bakes muffins with 4, so she uses 3 + 4 = 7 eggs. That leaves 16 - 7 = 9 eggs, which \
she sells at $2 each, making 9 * 2 = 18 dollars every day.\nThe answer is 18.";

/// An answer given by a phrase in Minerva's format.
const MINERVA_SOLUTION: &str = "The area of the triangle is half the base times the height, \
$\\frac{1}{2} \\cdot 6 \\cdot 4 = 12$ square units.\nFinal Answer: The final answer is $12$. \
I hope it is correct.";

/// A solution whose answer is the last math span (no box, no phrase).
const SPAN_SOLUTION: &str = "Let $t = \\tan\\theta$. Then $\\sin 2\\theta = \\frac{2t}{1+t^2}$ \
and with $t = \\frac{1}{2}$ we get $\\frac{1}{1 + \\frac14} = \\frac{4}{5}$.\nSo \
$\\sin 2\\theta = \\frac{4}{5}$.";

const OUTPUTS: &[(&str, &str, &str)] = &[
    ("boxed", "4", BOXED_SOLUTION),
    ("prose", "18", PROSE_SOLUTION),
    ("minerva", "12", MINERVA_SOLUTION),
    ("last_span", "\\frac{4}{5}", SPAN_SOLUTION),
];

/// Short answer pairs, one per comparison rule.
const PAIRS: &[(&str, &str, &str)] = &[
    ("exact_fraction", "\\frac{2}{4}", "0.5"),
    ("numeric", "\\frac{100}{3}", "33.3333333"),
    ("surd", "2\\sqrt{2}", "\\sqrt{8}"),
    ("identity", "\\tan^2 y + 1", "\\sec^2 y"),
    ("equation", "2x+4y-3=0", "y=-\\frac12x+\\frac34"),
    ("interval", "(4,7)", "4<x<7"),
    ("set", "\\{1, 2, 3\\}", "3, 1, 2"),
    ("percent", "28\\%", "0.28"),
    ("huge", "5^{5^{5^5}}", "5^{5^{5^5}}+1"),
    ("text", "\\text{4:30 p.m.}", "4:30 \\text{ p.m.}"),
];

fn extract_group(c: &mut Criterion) {
    let targets = [Target::Latex, Target::Expr];
    let mut g = c.benchmark_group("extract");
    for (name, _, output) in OUTPUTS {
        g.bench_function(*name, |b| b.iter(|| extract(black_box(output), &targets, 50)));
    }
    g.finish();
}

fn verify_group(c: &mut Criterion) {
    let opts = Options::default();
    let mut g = c.benchmark_group("verify");
    for (name, gold, pred) in PAIRS {
        g.bench_function(*name, |b| b.iter(|| verify_str(black_box(gold), black_box(pred), &opts)));
    }
    g.finish();
}

fn grade_group(c: &mut Criterion) {
    let opts = Options::default();
    let mut g = c.benchmark_group("grade");
    for (name, gold, output) in OUTPUTS {
        let task = Task { gold, pred: output, dataset: Dataset::Auto, problem: None };
        g.bench_function(*name, |b| b.iter(|| grade(black_box(&task), &opts)));
    }
    g.finish();
}

/// A reward batch as RL makes it: 8 samples per prompt, of the four
/// outputs above, with a sample in four giving another final number. Each
/// sample's extraction is its own work; each gold is read once and each
/// distinct answer compared once. Timed per batch of 32 (divide for items).
fn batch_group(c: &mut Criterion) {
    let opts = Options::default();
    let wrong: Vec<String> = OUTPUTS.iter().map(|(_, _, o)| format!("{o}\n\nWait, that is wrong: the answer is $\\boxed{{7}}$.")).collect();
    let mut tasks: Vec<Task> = Vec::new();
    for (k, (_, gold, output)) in OUTPUTS.iter().enumerate() {
        for s in 0..8 {
            let pred: &str = if s % 4 == 3 { &wrong[k] } else { output };
            tasks.push(Task { gold, pred, dataset: Dataset::Auto, problem: None });
        }
    }
    let mut g = c.benchmark_group("batch");
    g.bench_function("rl_32_equal_only", |b| {
        b.iter(|| {
            let batch = Batch::new(black_box(&tasks), &opts);
            (0..batch.len()).filter(|&i| batch.grade(i, Detail::EqualOnly).verdict.equal).count()
        })
    });
    g.bench_function("rl_32_one_by_one", |b| b.iter(|| tasks.iter().filter(|t| grade(black_box(t), &opts).verdict.equal).count()));
    g.finish();
}

criterion_group!(benches, extract_group, verify_group, grade_group, batch_group);
criterion_main!(benches);
