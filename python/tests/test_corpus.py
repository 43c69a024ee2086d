"""mathgrade.grade on real model outputs gives the CLI's verdicts.

Reads ../shared/corpus/outputs.dev.jsonl next to the repository (skipped
when absent). The CLI agrees with every record's human-checked `label`, so
the labels are the expectation; where the release CLI of this checkout is
built, its own verdicts are compared too.
"""

from __future__ import annotations

import json
import subprocess

import pytest

import mathgrade

from conftest import CORPUS, cli_binary


def _columns(records: list[dict]) -> tuple[list[str], list[str], list[str], list]:
    # What `mathgrade grade` reads per record: the gold, the output, the
    # dataset field (a preset when it names one) and the problem text.
    golds = [r["gold"] for r in records]
    preds = [r["output"] for r in records]
    datasets = [r.get("dataset") or r.get("data_source") or r.get("data_name") or "auto" for r in records]
    problems = [r.get("problem", r.get("question")) for r in records]
    return golds, preds, datasets, problems


def test_verdicts_match_the_labels(outputs_corpus: list[dict]) -> None:
    golds, preds, datasets, problems = _columns(outputs_corpus)
    got = mathgrade.grade(golds, preds, dataset=datasets, problems=problems)
    wrong = [(r["id"], r["label"]) for r, g in zip(outputs_corpus, got) if g != r["label"]]
    assert len(got) == len(outputs_corpus) == 416
    assert wrong == []
    # One thread and all cores agree item by item.
    assert mathgrade.grade(golds, preds, dataset=datasets, problems=problems, threads=1) == got


def test_verdicts_match_the_cli(outputs_corpus: list[dict]) -> None:
    cli = cli_binary()
    if cli is None:
        pytest.skip("target/release/mathgrade is not built (or set MATHGRADE_CLI)")
    run = subprocess.run(
        [str(cli), "grade", str(CORPUS / "outputs.dev.jsonl"), "--pred-field", "output"],
        capture_output=True,
        text=True,
        check=True,
    )
    cli_records = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    golds, preds, datasets, problems = _columns(outputs_corpus)
    verdicts = mathgrade.check_many(golds, preds, dataset=datasets, problems=problems)
    assert [r["correct"] for r in cli_records] == [v.equal for v in verdicts]
    assert [r["method"] for r in cli_records] == [v.method for v in verdicts]
    assert [r["pred_answer"] for r in cli_records] == [v.pred for v in verdicts]
