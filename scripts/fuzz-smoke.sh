#!/usr/bin/env bash
# The fuzz targets, from their committed seeds:
#   bash scripts/fuzz-smoke.sh            # CI: the seeds, then fixed -seed and -runs per target
#   MATHGRADE_FUZZ_REPLAY=1 bash scripts/fuzz-smoke.sh    # the committed seeds only (-runs=0): quick
#   bash scripts/fuzz-smoke.sh SECONDS    # by hand: explore SECONDS per target, random seed
#   MATHGRADE_FUZZ_SECONDS=120 bash scripts/fuzz-smoke.sh   # the same
#   MATHGRADE_FUZZ_TARGETS="extract verify_pair" bash scripts/fuzz-smoke.sh   # only these
#   MATHGRADE_FUZZ_JOBS=2 bash scripts/fuzz-smoke.sh   # two targets at a time (reports at the end)
# Installs cargo-fuzz (pinned) and m4 if missing, builds all targets, runs
# each, and fails if any target finds an input that breaks one of its
# properties (a panic, a failed assertion, a timeout or running out of
# memory). The finding is left in fuzz/artifacts/<target>/ and its libFuzzer
# output in fuzz/artifacts/<target>.log; the script also prints the panic
# message, the input in base64 and the commands that reproduce it, so a CI
# finding can be reproduced from the CI log alone.
#
# CI mode: each target first runs every committed seed (libFuzzer's start-up
# pass; a failing seed fails the run there), then explores for a fixed number
# of inputs (`runs`, about 60 s each on a 2-core machine, less where an open
# finding is near) from a fixed libFuzzer seed (`seed`). The run is
# deterministic: the same binary gives the same inputs, coverage, corpus and
# exec count in every process, whatever the address layout, environment or
# order of the seed files, and every checkout directory builds the same
# binary, so a local run predicts CI's fresh clone (only the timing lines
# differ) if both build the same tree with the same toolchain on a CPU with
# the same SIMD features (fuzz/README.md). What used to make it diverge, and
# how each is fixed:
#   * Paths. The fuzz crate is a workspace of its own (fuzz/), and mathgrade
#     (`path = ".."`) lies outside it, so cargo hashes mathgrade's absolute
#     path into its -C metadata, and so into the hash of every symbol of
#     mathgrade and the fuzz crate. rustc orders the generic functions it
#     instantiates in a crate by symbol name: another checkout directory
#     gave the same functions in another order, so the coverage counters at
#     other indices, and libFuzzer (which walks them in index order) chose
#     differently (session 7; again at 7e6d4ff: extract, canon_roundtrip,
#     parse_spoken and verify_pair diverged between two worktrees). rustc
#     also writes source paths into the binary (panic locations, line
#     tables). So the build goes through a fixed path, a symlink
#     /tmp/mathgrade-fuzz-root to the checkout (`cargo fuzz --fuzz-dir`;
#     cargo keeps the symlink's path), held under a lock
#     (/tmp/mathgrade-fuzz.lock) for the whole run, and remaps that path,
#     the checkout's own path, the target directory and cargo's home
#     (--remap-path-prefix in RUSTFLAGS, which cargo-fuzz appends to its
#     own flags): every checkout builds the same binary, byte for byte,
#     with CARGO_TARGET_DIR set or not.
#   * Seed order. libFuzzer lists a corpus directory with readdir (order
#     depends on the filesystem: a fresh clone differs) and sorts only by
#     size. The seeds are passed as a sorted list (-seed_inputs=@FILE, the
#     work directory starts empty); libFuzzer shuffles that list with its
#     own seeded RNG and sorts it stably by size, so the order is fixed.
#   * Addresses. libFuzzer records the operands of comparisons and splices
#     them into later inputs (the CMP mutation). Many compared values are
#     pointers (null checks, end-of-buffer checks), which differ per process
#     (ASLR). -use_cmp=0 turns that mutation off.
#   * Stack position. mathgrade's stacker calls compare the stack left with
#     a red zone, and cargo-fuzz makes the deepest stack address a coverage
#     feature; on the main thread both depend on ASLR, the environment size
#     and `ulimit -s`. The targets run each input on a worker thread with a
#     fixed stack size (fuzz/src/lib.rs, run_input).
#   * Input alignment. libFuzzer passes each input in a buffer from its own
#     heap, whose alignment (modulo 32 or 64) depends on what it allocated
#     before, down to the length of its arguments; memchr's SIMD searches
#     branch on it. run_input copies the input to a page-aligned buffer.
#   * Time. -reload=0: libFuzzer otherwise rereads the work directory every
#     second (-reload=1) and may pick up inputs at a time-dependent point.
#   * Hashing. std's HashSet seeds its hasher randomly per process, and the
#     instrumented probing code shows up as coverage; the one std HashSet on
#     a fuzzed path (src/extract/boxed.rs) uses FxHash like the rest.
# Lines with exec/s, rss and the "pulse" lines are timing, not path.
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
ALL_TARGETS=(parse_latex parse_plain parse_spoken canon_roundtrip extract verify_pair)
read -r -a TARGETS <<<"${MATHGRADE_FUZZ_TARGETS:-${ALL_TARGETS[*]}}"

source scripts/ensure-m4.sh

if ! cargo fuzz --version 2>/dev/null | grep -q "cargo-fuzz $CARGO_FUZZ_VERSION\$"; then
    echo "== installing cargo-fuzz $CARGO_FUZZ_VERSION"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi

FLAGS=(--sanitizer none --debug-assertions)

# The path-independent build (see "Paths" above): cargo sees the checkout
# as $ROOT_LINK whatever its directory. One run at a time on a machine
# (another waits for the lock), as the link is shared. rustc still records
# its working directory, the physical one (the link resolved), in the debug
# info, so both are remapped. rustc applies the last remapping that
# matches, so the target directory (by default fuzz/target under the link)
# is remapped after the checkout. RUSTFLAGS is
# split on spaces: a path with white space is left as it is (that build is
# correct, only not the same binary as elsewhere).
ROOT_LINK=/tmp/mathgrade-fuzz-root
exec 9>/tmp/mathgrade-fuzz.lock
if ! flock -n 9; then
    echo "== waiting for another fuzz-smoke run (/tmp/mathgrade-fuzz.lock)"
    flock 9
fi
root="$(pwd -P)"
ln -sfn "$root" "$ROOT_LINK"
FLAGS+=(--fuzz-dir "$ROOT_LINK/fuzz")
target_dir="$(cargo metadata --format-version 1 --no-deps --manifest-path "$ROOT_LINK/fuzz/Cargo.toml" |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')"
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
remap=()
for pair in "$cargo_home=/cargo" "$root=/mathgrade" "$ROOT_LINK=/mathgrade" "$target_dir=/target"; do
    case "$pair" in
        =* | *[[:space:]]*) echo "!! not remapped (empty or white space): $pair" ;;
        *) remap+=("--remap-path-prefix=$pair") ;;
    esac
done
export RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }${remap[*]}"

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

# CI's exploration of each target: inputs run (seeds included), and the
# seed of libFuzzer's random choices. A count is about what the target
# runs in 60 s with its seed (release + debug-assertions build, 2-core
# machine, two targets at a time), rounded down: about 3 minutes in all
# with MATHGRADE_FUZZ_JOBS=2, 6 one after the other. Measured at session
# 8's last code change: parse_latex 160000 in 74 s, parse_plain 160000 in
# about 55 s, parse_spoken 600000 in 81 s, canon_roundtrip 170000 in 50 s,
# extract 55000 in 67 s, verify_pair 80000 in 66 s (session 9's machine
# ran all six in 61 to 72 s, two at a time). Any change to mathgrade or the fuzz crate
# changes the paths: rerun `bash scripts/fuzz-smoke.sh` and, if an
# exploration now reaches a finding, fix it (a regression test in
# tests/fuzz_regressions.rs and a seed in fuzz/gen-seeds.py) or record it
# in fuzz/README.md and move the count or the seed.
runs() {
    case "$1" in
        parse_latex) echo 160000 ;;
        parse_plain) echo 160000 ;;
        parse_spoken) echo 600000 ;;
        canon_roundtrip) echo 170000 ;;
        extract) echo 55000 ;;
        verify_pair) echo 80000 ;;
    esac
}
seed() {
    case "$1" in
        parse_latex) echo 1 ;;
        parse_plain) echo 2 ;;
        parse_spoken) echo 3 ;;
        canon_roundtrip) echo 2 ;;
        extract) echo 5 ;;
        verify_pair) echo 6 ;;
    esac
}

# CI explores (the default): the exploration is deterministic and the
# build path-independent, so a local run of a commit gives CI's result for
# it. MATHGRADE_FUZZ_REPLAY=1 replays the committed seeds only (-runs=0),
# a quick check. (MATHGRADE_FUZZ_EXPLORE=1, which turned the exploration on
# before it was the default, is accepted and changes nothing.)
REPLAY="${MATHGRADE_FUZZ_REPLAY:-}"
if [ -n "$DURATION" ]; then
    mode="${DURATION}s per target, random seed"
elif [ -z "$REPLAY" ]; then
    mode="fixed seed and runs per target"
else
    mode="seeds replayed"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One target: its run, its report on stdout, and its status and summary
# line in $work/$t.status and $work/$t.line.
run_target() {
    local t="$1" limit status when log input execs rate corpus ncorpus digest t0 seeds
    if [ -n "$DURATION" ]; then
        limit=(-max_total_time="$DURATION")
        echo "== fuzz $t for ${DURATION}s"
    elif [ -z "$REPLAY" ]; then
        # -use_cmp=0 and -reload=0: see the top of this file.
        limit=(-seed="$(seed "$t")" -runs="$(runs "$t")" -use_cmp=0)
        echo "== fuzz $t: the seeds, then ${limit[*]}"
    else
        limit=(-runs=0)
        echo "== fuzz $t: replay the seeds"
    fi
    # The seeds in a fixed order (libFuzzer's list: comma-separated paths,
    # no trailing newline); the work directory starts empty and receives
    # what libFuzzer adds.
    seeds="$work/$t.seeds"
    find "fuzz/seeds/$t" -type f | LC_ALL=C sort | paste -sd, - | tr -d '\n' >"$seeds"
    rm -rf "$work/$t" "fuzz/artifacts/$t"
    mkdir -p "$work/$t" "fuzz/artifacts/$t"
    log="fuzz/artifacts/$t.log"
    # -timeout: one input taking 10 s is a hang, whatever the rules say
    # (every input must be answered in bounded time).
    args=("${limit[@]}" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 -reload=0
        -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/")
    t0=$SECONDS
    if cargo fuzz run "${FLAGS[@]}" "$t" "$work/$t" -- "${args[@]}" -seed_inputs=@"$seeds" >"$log" 2>&1; then
        status=ok
    else
        status=FINDING
        if grep -q '^#[0-9]*[[:space:]]*INITED' "$log"; then when="while exploring"; else when="in a committed seed"; fi
        echo "!! $t: a finding $when (log: $log)"
        # The failed property (the panic message names the input and what
        # went wrong), or libFuzzer's reason (timeout, out of memory).
        # -a: the log may quote the input's raw bytes.
        grep -a -E -A4 'panicked at' "$log" | head -8 || true
        grep -a -E 'ERROR: libFuzzer|SUMMARY' "$log" | head -3 || true
        input="$(sed -n 's/.*Test unit written to //p' "$log" | tail -1)"
        if [ -n "$input" ] && [ -f "$input" ]; then
            echo "!! the input ($(wc -c <"$input") bytes, base64; also in $input):"
            base64 -w0 "$input"
            echo
            echo "!! reproduce it:"
            echo "   echo '$(base64 -w0 "$input")' | base64 -d >/tmp/$t.input"
            echo "   cargo fuzz run --sanitizer none --debug-assertions $t /tmp/$t.input"
            echo "   (a plain cargo fuzz run builds without this script's fixed path and remapping: another"
            echo "   binary, so a rebuild, but a failing input fails there too)"
        fi
        if [ -z "$REPLAY" ] && [ -z "$DURATION" ]; then
            echo "!! rerun the whole exploration (deterministic in any checkout of the commit, the same exec count):"
            echo "   MATHGRADE_FUZZ_TARGETS=$t bash scripts/fuzz-smoke.sh"
        fi
    fi
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
    # The corpus libFuzzer grew (file names are the SHA-1 of the contents):
    # the same in every run of the same exploration.
    corpus="$(find "$work/$t" -type f -printf '%f\n' | LC_ALL=C sort)"
    ncorpus="$(printf '%s' "$corpus" | grep -c . || true)"
    digest="$(printf '%s\n' "$corpus" | sha1sum | cut -c1-12)"
    printf '%-16s %-8s %9s execs %6s exec/s %4ss  corpus +%s (%s)' "$t" "$status" "${execs:-?}" "${rate:-?}" \
        "$((SECONDS - t0))" "$ncorpus" "$digest" >"$work/$t.line"
    echo "   $(cat "$work/$t.line")"
    echo "$status" >"$work/$t.status"
}

# MATHGRADE_FUZZ_JOBS targets run at once (default 1). Each target's
# exploration is a fixed count of inputs, so running them side by side
# changes only their speed, never their path; their reports are printed in
# target order once all have finished.
JOBS="${MATHGRADE_FUZZ_JOBS:-1}"
started=$SECONDS
if [ "$JOBS" -le 1 ]; then
    for t in "${TARGETS[@]}"; do
        run_target "$t"
    done
else
    echo "== ${#TARGETS[@]} targets, $JOBS at a time (reports when all have finished)"
    for t in "${TARGETS[@]}"; do
        while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do
            wait -n || true
        done
        run_target "$t" >"$work/$t.out" 2>&1 &
    done
    wait
    for t in "${TARGETS[@]}"; do
        cat "$work/$t.out"
    done
fi

failed=()
summary=()
for t in "${TARGETS[@]}"; do
    # A target whose run did not get as far as its status (the script
    # itself failed) counts as failed.
    if [ "$(cat "$work/$t.status" 2>/dev/null)" != ok ]; then
        failed+=("$t")
    fi
    summary+=("$(cat "$work/$t.line" 2>/dev/null || echo "$t: no result")")
done

echo "== fuzz smoke summary ($mode, $((SECONDS - started))s in all)"
printf '   %s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
    echo "== fuzz smoke run FAILED: ${failed[*]}"
    exit 1
fi
echo "== fuzz smoke run passed (${#TARGETS[@]} targets)"
