//! Time to answer each adversarial input of issue 7 (a verdict or a typed
//! error), through the whole pipeline (`verify_bytes`):
//! `cargo bench --bench adversarial`. Every one must stay under 10 ms.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use mathgrade::compare::{verify_bytes, Options};
use mathgrade::{canonical, parse};

#[path = "../tests/adversarial/cases.rs"]
mod cases;

fn adversarial(c: &mut Criterion) {
    let opts = Options::default();
    let mut g = c.benchmark_group("adversarial");
    g.sample_size(10);
    for case in cases::all() {
        match case.entry {
            cases::Entry::Verify => g.bench_function(case.name, |b| {
                b.iter(|| verify_bytes(black_box(&case.gold), black_box(&case.pred), &opts).map(|v| v.equal))
            }),
            cases::Entry::ParseCanon(syntax) => {
                let text = std::str::from_utf8(&case.pred).expect("parse cases are UTF-8");
                g.bench_function(case.name, |b| b.iter(|| parse(black_box(text), syntax).map(|e| canonical(&e))))
            }
        };
    }
    g.finish();
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
