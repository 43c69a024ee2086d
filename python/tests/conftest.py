"""Shared fixtures: where the labeled corpus and the CLI are, when present."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

import pytest

# python/tests/ -> the repository root.
REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"


def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def outputs_corpus() -> list[dict]:
    """The real model outputs of ../shared/corpus (skipped when absent)."""
    path = CORPUS / "outputs.dev.jsonl"
    if not path.is_file():
        pytest.skip(f"corpus not present: {path}")
    return load_jsonl(path)


def cli_binary() -> Optional[Path]:
    """The CLI to compare with: $MATHGRADE_CLI, else the release build of
    this checkout, if it has been built."""
    path = Path(os.environ.get("MATHGRADE_CLI") or REPO / "target" / "release" / "mathgrade")
    return path if path.is_file() else None
