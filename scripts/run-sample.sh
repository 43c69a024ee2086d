#!/usr/bin/env bash
# The main job: build mathgrade (release) and grade examples/grading.jsonl:
# every record back on stdout with `correct`, `pred_answer`, `method` and
# `rule` added; the summary (agreement with the file's `expected` field,
# pass@k / maj@k / worst-case over `problem_id` groups, the slowest record)
# on stderr; then the JSON report (target/sample-report.json) on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-m4.sh
cargo build --release --quiet --bin mathgrade
target_dir="${CARGO_TARGET_DIR:-target}"
report="$target_dir/sample-report.json"
"$target_dir/release/mathgrade" grade examples/grading.jsonl --expect expected \
    --group-field problem_id --report "$report" "$@"
echo "== report ($report)"
cat "$report"
