#!/usr/bin/env bash
# The Python module's tests, on a fresh machine with Rust and Python >= 3.9:
#   bash scripts/test-python.sh [pytest args...]
# Builds python/ (pyo3 + maturin) into a virtual environment with
# `pip install ./python`, checks the import, runs the pytest suite.
#
# MATHGRADE_VENV: the virtual environment (default target/python-venv,
# made if missing, reused otherwise). CARGO_TARGET_DIR: where cargo builds
# (default target/, shared with the root crate's release build so its
# compiled dependencies, GMP included, are reused).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

source scripts/ensure-m4.sh

venv="${MATHGRADE_VENV:-$root/target/python-venv}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
export PIP_DISABLE_PIP_VERSION_CHECK=1

python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
    echo "== creating $venv"
    "$python" -m venv "$venv"
fi
py="$venv/bin/python"

echo "== pip install ./python (maturin, release build)"
started=$SECONDS
# --force-reinstall: the version number does not change with the code.
"$py" -m pip install --quiet --force-reinstall --no-deps ./python
echo "   built and installed in $((SECONDS - started)) s"

"$py" -c "import mathgrade; assert mathgrade.verify('\\\\frac{1}{2}', '0.5'); print('== import ok: mathgrade', mathgrade.__version__)"

if ! "$py" -c "import pytest" 2>/dev/null; then
    "$py" -m pip install --quiet "pytest>=7"
fi

echo "== pytest python/tests"
# Run from python/ so its pyproject.toml configures pytest; the package
# is imported from the environment (python/python is not on the path).
cd python
exec "$py" -m pytest tests -q "$@"
