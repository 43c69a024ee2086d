#!/usr/bin/env bash
# The main job: build mathgrade (release) and canonicalize every line of
# examples/answers.txt, writing one JSON object per line to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin mathgrade
target_dir="${CARGO_TARGET_DIR:-target}"
exec "$target_dir/release/mathgrade" canon --file examples/answers.txt "$@"
