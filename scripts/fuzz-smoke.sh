#!/usr/bin/env bash
# A short fuzz run of every target, from its committed seeds:
#   bash scripts/fuzz-smoke.sh [SECONDS]
# SECONDS per target: the argument, else $MATHGRADE_FUZZ_SECONDS, else 60.
# Installs cargo-fuzz (pinned) and m4 if missing, builds all targets, runs
# each for SECONDS, and fails if any target finds an input that breaks one of
# its properties (a panic, a failed assertion, a timeout or running out of
# memory). The finding is left in fuzz/artifacts/<target>/ and its libFuzzer
# output in fuzz/artifacts/<target>.log.
#
# Runs on the stable toolchain: `--sanitizer none` keeps cargo-fuzz from
# asking rustc for AddressSanitizer (a nightly-only -Z flag); everything else
# it passes (sancov instrumentation, --cfg fuzzing) is stable. mathgrade has
# no unsafe code of its own, so the sanitizer would add little. The build is
# release with debug assertions and overflow checks (cargo-fuzz's default),
# so an arithmetic overflow is a finding too.
#
# The working corpus is a temporary directory, so every run starts from the
# seeds alone and two runs of the same length explore alike. Longer runs by
# hand (fuzz/README.md) keep theirs in fuzz/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${1:-${MATHGRADE_FUZZ_SECONDS:-60}}"
CARGO_FUZZ_VERSION=0.13.2
TARGETS=(parse_latex parse_plain parse_spoken canon_roundtrip extract verify_pair)

if ! command -v m4 >/dev/null 2>&1; then
    echo "== installing m4"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >/dev/null
    $sudo apt-get install -y -qq --no-install-recommends m4 >/dev/null
fi

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

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=()
summary=()
started=$SECONDS
for t in "${TARGETS[@]}"; do
    echo "== fuzz $t for ${DURATION}s"
    mkdir -p "$work/$t" "fuzz/artifacts/$t"
    log="fuzz/artifacts/$t.log"
    # -timeout: one input taking 10 s is a hang, whatever the rules say
    # (every input must be answered in bounded time).
    if cargo fuzz run "${FLAGS[@]}" "$t" "$work/$t" "fuzz/seeds/$t" -- \
        -max_total_time="$DURATION" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
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
    line="$(printf '%-16s %-8s %10s execs %7s exec/s' "$t" "$status" "${execs:-?}" "${rate:-?}")"
    echo "   $line"
    summary+=("$line")
done

echo "== fuzz smoke summary (${DURATION}s per target, $((SECONDS - started))s in all)"
printf '   %s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
    echo "== fuzz smoke run FAILED: ${failed[*]}"
    exit 1
fi
echo "== fuzz smoke run passed (${#TARGETS[@]} targets)"
