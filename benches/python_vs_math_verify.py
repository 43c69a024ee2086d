"""Time mathgrade (Python module) and Math-Verify on the same records.

Run by hand, not in CI, in an environment with both installed:

    bash scripts/test-python.sh                       # builds target/python-venv
    target/python-venv/bin/pip install math-verify
    target/python-venv/bin/python benches/python_vs_math_verify.py [FILE]

FILE is a JSON Lines corpus with `gold` and `pred` or `output` fields
(default: ../shared/corpus/outputs.dev.jsonl next to the repository).
Records may carry their own options, as `mathverify-cases.dev.jsonl`
does (`extract`, `gold_extract`, `pred_extract`, `precision`, `strict`,
`allow_set_relation_comp`, `boxed_match_priority`, meanings as in
`mathgrade grade`): both graders then get them per record (mathgrade's
batch runs once per distinct option set, timed together; Math-Verify
parses both sides with the record's extraction configs, unwrapped). Each
grader sees every record once per run; mathgrade is timed as one batch
(`mathgrade.grade`, one thread and every core) and per item
(`mathgrade.check`), Math-Verify per item as its documented use
(`verify(parse(gold), parse(output))`, gold wrapped in `$...$` first, as
the corpus's stored Math-Verify verdicts were made), in one process (with
its caches of parsed answers as they come, and emptied before each item)
and in a pool of one process per core. Prints items/s, the ratios, per-item
latency (median / p99 / max) and, where the records carry a `label`, each
grader's agreement with it.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, Optional

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "outputs.dev.jsonl"


def load(path: Path, limit: Optional[int]) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                pred = r.get("pred", r.get("output"))
                if isinstance(r.get("gold"), (str, int, float)) and isinstance(pred, str):
                    records.append(r | {"_pred": pred, "_gold": str(r["gold"])})
    return records[:limit] if limit else records


OPTION_FIELDS = ("extract", "gold_extract", "pred_extract", "precision", "strict", "allow_set_relation_comp", "boxed_match_priority")


def record_options(r: dict) -> Optional[dict]:
    """The record's own options as mathgrade keyword arguments, or None when
    it has none."""
    if not any(r.get(k) is not None for k in OPTION_FIELDS):
        return None
    o: dict = {}
    if r.get("extract") is not None:
        o["gold_extract"] = o["pred_extract"] = list(r["extract"])
    for k in ("gold_extract", "pred_extract"):
        if r.get(k) is not None:
            o[k] = list(r[k])
    for k in ("precision", "strict", "allow_set_relation_comp", "boxed_match_priority"):
        if r.get(k) is not None:
            o[k] = r[k]
    return o


def options_key(o: Optional[dict]) -> str:
    return json.dumps(o, sort_keys=True)


def percentile(sorted_values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of sorted values."""
    k = max(0, min(len(sorted_values) - 1, round(q / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[k]


def latency_line(seconds: list[float]) -> str:
    s = sorted(seconds)
    us = lambda x: f"{x * 1e6:,.0f} µs"  # noqa: E731
    return f"median {us(statistics.median(s))}, p99 {us(percentile(s, 99))}, max {us(s[-1])}"


# ---- Math-Verify, one item (top level: pool workers import it) ------------

def mv_configs(names: list[str], boxed_match_priority: int):
    from math_verify import ExprExtractionConfig, LatexExtractionConfig, StringExtractionConfig

    made = {
        "latex": lambda: LatexExtractionConfig(boxed_match_priority=boxed_match_priority),
        "expr": ExprExtractionConfig,
        "string": StringExtractionConfig,
    }
    return [made[n]() for n in names]


def mv_grade(item: tuple, cold: bool = False) -> tuple[bool, float]:
    """One item: (gold, pred) or (gold, pred, options) with the record's
    options (then both sides are parsed with its configs, unwrapped)."""
    from math_verify import parse, verify

    gold, pred = item[0], item[1]
    opts = item[2] if len(item) > 2 else None
    if cold:
        forget_answers()
    started = time.perf_counter()
    try:
        if opts is None:
            g = parse("$" + gold + "$") or parse(gold)
            ok = bool(verify(g, parse(pred)))
        else:
            prio = opts.get("boxed_match_priority", 50)
            gc = mv_configs(opts.get("gold_extract", ["latex", "expr"]), prio)
            pc = mv_configs(opts.get("pred_extract", ["latex", "expr"]), prio)
            ok = bool(verify(parse(gold, extraction_config=gc), parse(pred, extraction_config=pc),
                             float_rounding=opts.get("precision", 6), strict=opts.get("strict", True),
                             allow_set_relation_comp=opts.get("allow_set_relation_comp", False)))
    except Exception:  # Math-Verify raises on some inputs; count as wrong
        ok = False
    return ok, time.perf_counter() - started


def forget_answers() -> None:
    """Empty Math-Verify's caches of parsed answers (20 entries each): the
    corpus repeats golds and answers across a problem's 8 samples, which
    unique inputs would not. SymPy's own cache is kept."""
    from math_verify import parser

    for name in ("parse_latex_cached", "parse_expr_cached", "extract_latex"):
        getattr(parser, name).cache_clear()


def mv_grade_cold(item: tuple[str, str]) -> tuple[bool, float]:
    return mv_grade(item, cold=True)


def quiet_math_verify() -> None:
    # Its timeouts log a warning per item; the timing is what we want here.
    for name in ("math_verify", "math_verify.parser", "math_verify.grader", "latex2sympy2_extended"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def agreement(records: list[dict], verdicts: list[bool]) -> str:
    label = lambda r: r.get("label", r.get("expected"))  # noqa: E731
    labeled = [(label(r), v) for r, v in zip(records, verdicts) if isinstance(label(r), bool)]
    if not labeled:
        return ""
    agree = sum(1 for lab, v in labeled if lab == v)
    return f"   agreement with labels: {agree}/{len(labeled)}"


def timed(fn: Callable[[], object]) -> tuple[object, float]:
    started = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - started


def cpu_timed(fn: Callable[[], object]) -> tuple[object, float]:
    """CPU seconds of this process: on a shared machine, a single-threaded
    rate that other processes' load barely moves."""
    started = time.process_time()
    out = fn()
    return out, time.process_time() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="the first N records only")
    ap.add_argument("--repeat", type=int, default=5, help="mathgrade batch runs (the best is reported)")
    ap.add_argument("--mv-processes", type=int, default=os.cpu_count() or 1, help="Math-Verify pool size (0: skip the pool run)")
    args = ap.parse_args()

    import mathgrade

    try:
        import math_verify  # noqa: F401
        from importlib.metadata import version

        mv_version = version("math-verify")
    except ImportError:
        print("math-verify is not installed here: pip install math-verify", file=sys.stderr)
        return 2
    quiet_math_verify()

    records = load(args.file, args.limit)
    n = len(records)
    golds = [r["_gold"] for r in records]
    preds = [r["_pred"] for r in records]
    datasets = [str(r.get("dataset") or r.get("data_source") or r.get("data_name") or "auto") for r in records]
    problems = [r.get("problem", r.get("question")) if isinstance(r.get("problem", r.get("question")), str) else None for r in records]
    options = [record_options(r) for r in records]
    items = [(g, p) if o is None else (g, p, o) for g, p, o in zip(golds, preds, options)]
    # mathgrade's batch takes one option set: one call per distinct set.
    groups: dict[str, list[int]] = {}
    for i, o in enumerate(options):
        groups.setdefault(options_key(o), []).append(i)

    def grade_all(threads: Optional[int]) -> list[bool]:
        if len(groups) == 1:
            # One option set (the usual case): the caller's lists as they
            # are, as a training loop passes its batch.
            o = options[0] or {}
            return mathgrade.grade(golds, preds, dataset=datasets, problems=problems, threads=threads, **o)
        out: list[bool] = [False] * n
        for idx in groups.values():
            o = options[idx[0]] or {}
            vs = mathgrade.grade([golds[i] for i in idx], [preds[i] for i in idx],
                                 dataset=[datasets[i] for i in idx], problems=[problems[i] for i in idx],
                                 threads=threads, **o)
            for i, v in zip(idx, vs):
                out[i] = bool(v)
        return out

    cores = os.cpu_count() or 1
    print(f"corpus: {args.file} ({n} records), {cores} cores, Python {sys.version.split()[0]}")
    print(f"mathgrade {mathgrade.__version__}, math-verify {mv_version}")
    print()

    # Warm both up (first-call imports, tables, compiled regexes) on the
    # first records, so the timings are of steady-state grading.
    grade_all(1)
    for item in items[:8]:
        mv_grade(item)

    # CPU seconds of one single-threaded batch, best of --repeat, measured
    # before the all-core run: process time counts every thread, and the
    # pool threads of that run would still be winding down.
    mg_cpu = min(cpu_timed(lambda: grade_all(1))[1] for _ in range(args.repeat))
    # mathgrade: the batch, best of --repeat, on one thread and all cores.
    rates = {}
    for threads in (1, None):
        best = float("inf")
        verdicts: list[bool] = []
        for _ in range(args.repeat):
            verdicts, dt = timed(lambda: grade_all(threads))
            best = min(best, dt)
        label = "1 thread" if threads == 1 else f"{cores} threads"
        rates[threads] = n / best
        print(f"mathgrade.grade ({label}): {n / best:,.0f} items/s ({best * 1e3:.1f} ms for {n}){agreement(records, verdicts)}")
    # Per item, as a reward function calling check() one at a time would.
    lat = []
    for g, p, d, q, o in zip(golds, preds, datasets, problems, options):
        started = time.perf_counter()
        mathgrade.check(g, p, dataset=mathgrade.preset(d) or "auto", problem=q, **(o or {}))
        lat.append(time.perf_counter() - started)
    print(f"mathgrade.check per item: {n / sum(lat):,.0f} items/s; latency {latency_line(lat)}")
    print()

    # Math-Verify: one process (its answer caches warm, then emptied
    # before each item), then a pool.
    mv, mv_cpu = cpu_timed(lambda: [mv_grade(item) for item in items])
    mv_total = sum(dt for _, dt in mv)
    mv_rate = n / mv_total
    print(f"math-verify (1 process): {mv_rate:,.1f} items/s ({mv_total:.1f} s for {n}){agreement(records, [ok for ok, _ in mv])}")
    print(f"math-verify per item: latency {latency_line([dt for _, dt in mv])}")
    cold = [mv_grade_cold(item) for item in items]
    cold_rate = n / sum(dt for _, dt in cold)
    print(f"math-verify (1 process, answer caches emptied per item): {cold_rate:,.1f} items/s; latency {latency_line([dt for _, dt in cold])}")
    mv_pool_rate = None
    if args.mv_processes > 0:
        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        with ctx.Pool(args.mv_processes, initializer=quiet_math_verify) as pool:
            _, dt = timed(lambda: pool.map(mv_grade, items, chunksize=4))
        mv_pool_rate = n / dt
        print(f"math-verify ({args.mv_processes} processes): {mv_pool_rate:,.1f} items/s ({dt:.1f} s for {n})")
    print()
    print(f"ratio, 1 thread vs 1 process: {rates[1] / mv_rate:,.0f}x (answer caches emptied: {rates[1] / cold_rate:,.0f}x)")
    print(f"ratio of CPU time per item, one thread each: {mv_cpu / mg_cpu:,.0f}x "
          f"(mathgrade {n / mg_cpu:,.0f}, math-verify {n / mv_cpu:,.1f} items per CPU-second)")
    if mv_pool_rate:
        print(f"ratio, {cores} threads vs {args.mv_processes} processes: {rates[None] / mv_pool_rate:,.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
