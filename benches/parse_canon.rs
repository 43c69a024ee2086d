//! Throughput of the pipeline stages on representative answers:
//! `cargo bench --bench parse_canon`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use mathgrade::{canonical, parse, to_latex, Expr, Syntax};

const LATEX: &[&str] = &[
    "\\frac{2}{4}",
    "2\\frac{1}{2}",
    "\\sqrt{8} + 3\\sqrt[3]{27}",
    "(x+1)^2 - (x^2 + 2x + 1)",
    "\\frac{x^2-1}{x-1}",
    "\\left\\{1, 2, 3\\right\\} \\cup [4, 5)",
    "\\begin{pmatrix}1 & 2 \\\\ 3 & 4\\end{pmatrix}",
    "\\sin^2 x + \\cos^2 x",
    "\\int_{0}^{1} x^{2} \\, dx",
    "\\sum_{k=1}^{n} k^{2} = \\frac{n(n+1)(2n+1)}{6}",
];

const PLAIN: &[&str] = &[
    "1/2",
    "2*x + 3*y - 4",
    "sqrt(8) + cbrt(27)",
    "(x+1)**2",
    "(x^2-1)/(x-1)",
    "Interval.Ropen(0, 1)",
    "Matrix([[1, 2], [3, 4]])",
    "sin(x)^2 + cos(x)^2",
    "x <= 5",
    "πr² + √2",
];

fn parsed() -> Vec<Expr> {
    LATEX
        .iter()
        .map(|s| (s, Syntax::Latex))
        .chain(PLAIN.iter().map(|s| (s, Syntax::Plain)))
        .filter_map(|(s, syn)| parse(s, syn).ok())
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse_latex");
    g.bench_function("10 inputs", |b| {
        b.iter(|| {
            for s in LATEX {
                let _ = black_box(parse(black_box(s), Syntax::Latex));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("parse_plain");
    g.bench_function("10 inputs", |b| {
        b.iter(|| {
            for s in PLAIN {
                let _ = black_box(parse(black_box(s), Syntax::Plain));
            }
        })
    });
    g.finish();

    // Until every input parses, these groups run on those that do.
    let trees = parsed();
    let canon: Vec<Expr> = trees.iter().map(canonical).collect();

    let mut g = c.benchmark_group("canonical");
    g.bench_function(format!("{} trees", trees.len()), |b| {
        b.iter(|| {
            for e in &trees {
                black_box(canonical(black_box(e)));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("to_latex");
    g.bench_function(format!("{} trees", canon.len()), |b| {
        b.iter(|| {
            for e in &canon {
                black_box(to_latex(black_box(e)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
