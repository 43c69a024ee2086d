#!/usr/bin/env bash
# The fuzz targets, from their committed seeds:
#   bash scripts/fuzz-smoke.sh            # CI: replay every target's seeds
#   MATHGRADE_FUZZ_EXPLORE=1 bash scripts/fuzz-smoke.sh   # fixed -seed/-runs exploration
#   bash scripts/fuzz-smoke.sh SECONDS    # by hand: explore SECONDS per target
#   MATHGRADE_FUZZ_SECONDS=120 bash scripts/fuzz-smoke.sh   # the same
# Installs cargo-fuzz (pinned) and m4 if missing, builds all targets, runs
# each, and fails if any target finds an input that breaks one of its
# properties (a panic, a failed assertion, a timeout or running out of
# memory). The finding is left in fuzz/artifacts/<target>/ and its libFuzzer
# output in fuzz/artifacts/<target>.log.
#
# CI replays: libFuzzer runs every committed seed once (-runs=0) and each
# must hold every property. That is reproducible. Exploring is not, even
# with a fixed -seed and -runs: the same verify_pair run (seed 6, 60000
# runs) passed once and found a defect at 1675 execs the next time on the
# same binary (libFuzzer's scheduling also depends on timing). While every
# target still reaches open defects within minutes (issue 7's notes),
# exploring in CI would turn it red by chance, so exploring is done by hand:
# MATHGRADE_FUZZ_EXPLORE=1 (about 30-60 s per target, the counts below) or a
# time limit.
#
# Runs on the stable toolchain: `--sanitizer none` keeps cargo-fuzz from
# asking rustc for AddressSanitizer (a nightly-only -Z flag); everything else
# it passes (sancov instrumentation, --cfg fuzzing) is stable. mathgrade has
# no unsafe code of its own, so the sanitizer would add little. The build is
# release with debug assertions and overflow checks (cargo-fuzz's default),
# so an arithmetic overflow is a finding too.
#
# The working corpus is a temporary directory, so every run starts from the
# seeds alone. Longer runs by hand (fuzz/README.md) keep theirs in
# fuzz/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${1:-${MATHGRADE_FUZZ_SECONDS:-}}"
CARGO_FUZZ_VERSION=0.13.2
TARGETS=(parse_latex parse_plain parse_spoken canon_roundtrip extract verify_pair)

source scripts/ensure-m4.sh

if ! cargo fuzz --version 2>/dev/null | grep -q "cargo-fuzz $CARGO_FUZZ_VERSION\$"; then
    echo "== installing cargo-fuzz $CARGO_FUZZ_VERSION"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

FLAGS=(--sanitizer none --debug-assertions)

echo "== cargo fuzz build"
cargo fuzz build "${FLAGS[@]}"

# Longest input per target: whole model outputs for extraction, answers for
# the rest (the parse targets read at most 4096 bytes, see fuzz/src/lib.rs).
max_len() {
    case "$1" in
        extract) echo 16384 ;;
        verify_pair) echo 2048 ;;
        *) echo 4096 ;;
    esac
}

# The fixed-seed exploration of each target (MATHGRADE_FUZZ_EXPLORE=1):
# inputs run, and the seed of libFuzzer's random choices. Counts for about
# 30-60 s each with the release + debug-assertions build.
runs() {
    case "$1" in
        parse_latex) echo 80000 ;;
        parse_plain) echo 80000 ;;
        parse_spoken) echo 600000 ;;
        canon_roundtrip) echo 150000 ;;
        extract) echo 40000 ;;
        verify_pair) echo 60000 ;;
    esac
}
seed() {
    case "$1" in
        parse_latex) echo 1 ;;
        parse_plain) echo 2 ;;
        parse_spoken) echo 3 ;;
        canon_roundtrip) echo 4 ;;
        extract) echo 5 ;;
        verify_pair) echo 6 ;;
    esac
}

EXPLORE="${MATHGRADE_FUZZ_EXPLORE:-}"

if [ -n "$DURATION" ]; then
    mode="${DURATION}s per target"
else
    if [ -n "$EXPLORE" ]; then mode="fixed seed and runs per target"; else mode="seeds replayed"; fi
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=()
summary=()
started=$SECONDS
for t in "${TARGETS[@]}"; do
    if [ -n "$DURATION" ]; then
        limit=(-max_total_time="$DURATION")
        echo "== fuzz $t for ${DURATION}s"
    elif [ -n "$EXPLORE" ]; then
        limit=(-runs="$(runs "$t")" -seed="$(seed "$t")")
        echo "== fuzz $t: ${limit[*]}"
    else
        limit=(-runs=0)
        echo "== fuzz $t: replay the seeds"
    fi
    mkdir -p "$work/$t" "fuzz/artifacts/$t"
    log="fuzz/artifacts/$t.log"
    t0=$SECONDS
    # -timeout: one input taking 10 s is a hang, whatever the rules say
    # (every input must be answered in bounded time).
    if cargo fuzz run "${FLAGS[@]}" "$t" "$work/$t" "fuzz/seeds/$t" -- \
        "${limit[@]}" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" >"$log" 2>&1; then
        status=ok
    else
        echo "!! $t: a finding (log: $log, input in fuzz/artifacts/$t/)"
        # The failed property (the panic message names the input and what
        # went wrong), or libFuzzer's reason (timeout, out of memory).
        grep -E -A4 'panicked at' "$log" | head -8 || true
        grep -E 'ERROR: libFuzzer|SUMMARY' "$log" | head -3 || true
        status=FINDING
        failed+=("$t")
    fi
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
    line="$(printf '%-16s %-8s %10s execs %7s exec/s %5ss' "$t" "$status" "${execs:-?}" "${rate:-?}" "$((SECONDS - t0))")"
    echo "   $line"
    summary+=("$line")
done

echo "== fuzz smoke summary ($mode, $((SECONDS - started))s in all)"
printf '   %s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
    echo "== fuzz smoke run FAILED: ${failed[*]}"
    exit 1
fi
echo "== fuzz smoke run passed (${#TARGETS[@]} targets)"
