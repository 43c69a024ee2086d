#!/usr/bin/env bash
# All tests, on a fresh Debian machine with Rust present:
#   bash scripts/test.sh
# Installs what the build needs (m4) if missing, runs every test target in
# release mode (the corpus runs are much faster optimized; this also
# compiles the benches), then prints the conformance and grading figures.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/ensure-m4.sh

echo "== cargo test --release --all-targets"
cargo test --release --all-targets

echo "== conformance figures (latex2sympy corpus)"
cargo test --release --test conformance_latex2sympy -- --nocapture

# Agreement of grading with the Math-Verify, equivalence, latex2sympy,
# model-output and reference-solution corpora, and the spoken-math figures
# (asserted only with MATHGRADE_ENFORCE_THRESHOLDS=1).
echo "== grading figures (mathverify, equivalence, latex2sympy, outputs, references corpora)"
MATHGRADE_ENFORCE_THRESHOLDS=1 cargo test --release --test conformance_grading -- --nocapture --test-threads 1
echo "== spoken-math figures (spoken corpus, round trips)"
MATHGRADE_ENFORCE_THRESHOLDS=1 cargo test --release --test conformance_spoken -- --nocapture --test-threads 1

# The Python module: pip install ./python into a virtual environment, then
# its pytest suite (reuses target/ so compiled dependencies are shared).
echo "== python module"
bash scripts/test-python.sh

# Every cargo-fuzz target replays its committed seeds, then explores a
# fixed number of inputs from a fixed seed (deterministic in any checkout:
# see scripts/fuzz-smoke.sh and fuzz/README.md). Installs cargo-fuzz
# (pinned) if missing.
# The targets run side by side, one per core (their paths do not depend on
# it: see MATHGRADE_FUZZ_JOBS there).
echo "== fuzz smoke"
MATHGRADE_FUZZ_JOBS="${MATHGRADE_FUZZ_JOBS:-$(nproc)}" bash scripts/fuzz-smoke.sh
