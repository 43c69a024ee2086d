"""Batches (grade, check_many), threads, processes and pickling."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import mathgrade
from mathgrade import Expr, Extraction, ParseError, Verdict

# (gold, prediction, equal): a mix of rules, so that any mix-up of order
# or of verdicts across threads shows.
PAIRS = [
    ("\\frac{1}{2}", "0.5", True),
    ("\\frac{1}{2}", "The answer is $\\boxed{\\frac{1}{3}}$.", False),
    ("\\sqrt{8}", "so we get $2\\sqrt{2}$", True),
    ("(0,3)", "(3,0)", False),
    ("1, 2, 3", "\\{3, 1, 2\\}", True),
    ("\\tan^2 y+1", "\\sec^2 y", True),
    ("x \\le 5", "5 \\ge x", True),
    ("28\\%", "0.28", True),
    ("10\\text{ cm}", "10\\text{ m}", False),
    ("2x+4y-3=0", "y=-\\frac12x+\\frac34", True),
    ("3x+4y+14=0", "3x-y+13=0", False),
    ("\\pm 2021", "2021", False),
    ("30^\\circ", "\\frac{\\pi}{6}", True),
    ("1/2", "I could not finish the", False),
]
GOLDS = [g for g, _, _ in PAIRS] * 8
PREDS = [p for _, p, _ in PAIRS] * 8
WANT = [w for _, _, w in PAIRS] * 8


def test_grade_in_input_order() -> None:
    assert mathgrade.grade(GOLDS, PREDS) == WANT
    assert mathgrade.grade(GOLDS, PREDS, threads=1) == WANT
    assert mathgrade.grade(GOLDS, PREDS, threads=3) == WANT
    assert mathgrade.grade([], []) == []


def test_check_many_equals_check() -> None:
    serial = [mathgrade.check(g, p) for g, p in zip(GOLDS, PREDS)]
    assert mathgrade.check_many(GOLDS, PREDS) == serial
    assert mathgrade.check_many(GOLDS, PREDS, threads=2) == serial
    assert [v.equal for v in serial] == WANT


def test_batch_arguments() -> None:
    problem = "How many coins?\nAnswer Choices: A)453 B)651 C)400 D)487 E)286"
    interval, inequality = "[\\frac12, 8]", "so $\\frac{1}{2} \\le x \\le 8$."
    golds = ["C", "#### 1,212", "073", interval, interval, "C"]
    preds = ["70,000/175 = 400", "The answer is 1212.", "The answer is 73.", inequality, inequality, "70,000/175 = 400"]
    # One preset per item, named as data files do; an unknown name grades
    # by the general rules (where an inequality does not answer an
    # interval). The problem's options let a value choose a letter under
    # any preset.
    datasets = ["aqua_rat", "gsm8k_test", "aime24", "math500", "carp_en", "carp_en"]
    problems = [problem, None, None, None, None, problem]
    assert mathgrade.grade(golds, preds, dataset=datasets, problems=problems) == [True, True, True, True, False, True]
    verdicts = mathgrade.check_many(golds, preds, dataset=datasets, problems=problems)
    assert [v.chosen for v in verdicts] == ["C", None, None, None, None, "C"]
    assert mathgrade.grade(["#### 5"], ["5"], dataset="gsm8k") == [True]
    assert mathgrade.grade((g for g in ["1", "2"]), ("1", "3")) == [True, False]
    assert mathgrade.grade([18, 0.5], ["18", "1/2"]) == [True, True]


def test_batch_errors() -> None:
    with pytest.raises(ValueError, match="^2 golds but 1 preds$"):
        mathgrade.grade(["1", "2"], ["1"])
    with pytest.raises(ValueError, match="^2 golds but 1 datasets$"):
        mathgrade.grade(["1", "2"], ["1", "2"], dataset=["math"])
    with pytest.raises(ValueError, match="^2 golds but 3 problems$"):
        mathgrade.grade(["1", "2"], ["1", "2"], problems=[None, None, None])
    with pytest.raises(ValueError, match="^unknown dataset `klingon`"):
        mathgrade.grade(["1"], ["1"], dataset="klingon")
    with pytest.raises(ValueError, match="^threads must be at least 1$"):
        mathgrade.grade(["1"], ["1"], threads=0)
    with pytest.raises(TypeError, match="^expected a sequence of answers, not a single str"):
        mathgrade.grade("12", "12")
    with pytest.raises(TypeError, match="^item 1: an answer must be a str, int or float, not NoneType"):
        mathgrade.grade(["1", None], ["1", "2"])
    with pytest.raises(TypeError, match="^expected a sequence of answers \\(str, int or float\\), not int"):
        mathgrade.grade(5, ["1"])
    with pytest.raises(TypeError, match="^dataset must be a str or a sequence of str"):
        mathgrade.grade(["1"], ["1"], dataset=[7])
    with pytest.raises(TypeError, match="^item 1: expected str or None, not int"):
        mathgrade.grade(["1", "2"], ["1", "2"], problems=[None, 3])
    # A lone surrogate has no UTF-8 form: the encoder's error, not a crash.
    with pytest.raises(UnicodeEncodeError):
        mathgrade.grade(["\ud800"], ["1"])
    with pytest.raises(UnicodeEncodeError):
        mathgrade.grade(["1"], ["1"], problems=["\ud800"])


def test_batch_texts_in_any_script() -> None:
    # Non-ASCII texts keep every character through the conversion (the
    # interpreter's UTF-8 form is read directly from Python 3.10 on).
    golds = ["\u00bd", "\\frac{1}{2}", "18", "x \u2264 5"]
    preds = ["\u6240\u4ee5\u7b54\u6848\u662f $\\frac{1}{2}$", "\u00bd", "\u7b54\u6848\u4e3a 18", "5 \u2265 x"]
    assert mathgrade.grade(golds, preds, threads=1) == [True, True, True, True]
    assert mathgrade.grade(golds, preds, dataset=["math", "MATH", "gsm8k_test", "auto"], problems=[None, "\u00e9", None, None]) == [
        True,
        True,
        True,
        True,
    ]


def test_a_list_changed_by_another_thread_during_a_batch() -> None:
    # The batch reads the texts with the GIL released; meanwhile this
    # thread replaces every item of the list with an equal new string, so
    # the old ones are freed unless the batch holds them.
    n = 3000
    golds = [str(i) for i in range(n)]
    preds = ["".join(["The answer is $\\boxed{", str(i), "}$."]) for i in range(n)]
    out: list[list[bool]] = []
    worker = threading.Thread(target=lambda: out.append(mathgrade.grade(golds, preds, threads=1)))
    worker.start()
    while worker.is_alive():
        for i in range(n):
            preds[i] = "".join(["The answer is $\\boxed{", str(i), "}$."])
            golds[i] = "".join([str(i)])
    worker.join()
    assert out == [[True] * n]
    assert mathgrade.grade(tuple(golds), tuple(preds), threads=1) == [True] * n


def test_threads_give_serial_verdicts() -> None:
    serial = [mathgrade.check(g, p) for g, p in zip(GOLDS, PREDS)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        single = list(pool.map(mathgrade.check, GOLDS, PREDS))
        batches = list(pool.map(lambda _: mathgrade.check_many(GOLDS, PREDS, threads=2), range(8)))
    assert single == serial
    assert all(b == serial for b in batches)


def test_the_gil_is_released() -> None:
    # While a thread grades a long batch, this thread keeps running Python.
    # Were the GIL held, this loop would stall for the whole batch (the
    # interpreter only switches threads between bytecodes).
    # Distinct pairs: a batch parses and compares a repeated answer once.
    golds = [str(i) for i in range(40000)]
    preds = [f"The answer is $\\frac{{{2 * i}}}{{2}}$." for i in range(40000)]
    started, done = threading.Event(), threading.Event()

    def work() -> None:
        started.set()
        mathgrade.grade(golds, preds, threads=1)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    t0 = last = time.perf_counter()
    longest_stall = 0.0
    while not done.is_set():
        now = time.perf_counter()
        longest_stall = max(longest_stall, now - last)
        last = now
    elapsed = time.perf_counter() - t0
    worker.join()
    assert elapsed > 0.05, "the batch was too short to tell"
    assert longest_stall < elapsed / 2


# Top-level, so that spawned workers can import them.
def _grade_chunk(args: tuple[list[str], list[str]]) -> list[bool]:
    golds, preds = args
    return mathgrade.grade(golds, preds, threads=2)


def _check_pair(pair: tuple[str, str]) -> Verdict:
    return mathgrade.check(*pair)


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_processes(method: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} is not available here")
    # Grade in the parent first: a forked child inherits a process that has
    # already used the library (and its threads).
    assert mathgrade.grade(GOLDS, PREDS) == WANT
    ctx = multiprocessing.get_context(method)
    half = len(GOLDS) // 2
    chunks = [(GOLDS[:half], PREDS[:half]), (GOLDS[half:], PREDS[half:])]
    with ctx.Pool(2) as pool:
        results = pool.map(_grade_chunk, chunks)
        verdicts = pool.map(_check_pair, list(zip(GOLDS, PREDS)))
    assert results[0] + results[1] == WANT
    assert [v.equal for v in verdicts] == WANT


def test_a_forked_child_grades() -> None:
    if not hasattr(os, "fork"):
        pytest.skip("no fork() here")
    mathgrade.grade(GOLDS, PREDS)  # the parent's own pool came and went
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: grade on all cores, report, exit at once
        try:
            ok = mathgrade.grade(GOLDS, PREDS) == WANT
            os.write(write, b"ok" if ok else b"wrong")
        finally:
            os._exit(0)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    assert os.read(read, 16) == b"ok"
    assert os.waitstatus_to_exitcode(status) == 0


def test_pickling() -> None:
    e = mathgrade.parse("\\frac{x^2}{\\sqrt{2}} + \\sin(y)")
    assert pickle.loads(pickle.dumps(e)) == e
    assert pickle.loads(pickle.dumps(e)).to_latex() == e.to_latex()
    v = mathgrade.check("C", "70,000/175 = 400", dataset="aqua", problem="Choices: A)453 B)651 C)400")
    v2 = pickle.loads(pickle.dumps(v))
    assert v2 == v and v2.to_dict() == v.to_dict()
    x = mathgrade.extract("The answer is $\\frac{1}{2}$.")
    assert pickle.loads(pickle.dumps(x)) == x
    with pytest.raises(ParseError) as info:
        mathgrade.parse("\\frac{1")
    err = pickle.loads(pickle.dumps(info.value))
    assert type(err) is ParseError
    assert (str(err), err.span, err.kind, err.reason, err.text) == (
        str(info.value),
        (5, 6),
        "unclosed",
        "unclosed `{`",
        "\\frac{1",
    )
    # The functions themselves, as worker pools send them.
    assert pickle.loads(pickle.dumps(mathgrade.verify))("1/2", "0.5") is True
    assert isinstance(pickle.loads(pickle.dumps(e)), Expr)
    assert isinstance(x, Extraction)
