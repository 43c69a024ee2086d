"""mathgrade: decide whether a math answer is right.

>>> import mathgrade
>>> mathgrade.verify(r"\\frac{1}{2}", "0.5")
True
>>> mathgrade.check("1/2", r"So the answer is $\\boxed{\\dfrac{2}{4}}$.").method
'exact'

The work is done in Rust (the ``mathgrade`` crate); this package adds the
Math-Verify drop-in (``mathgrade.math_verify``) and reward functions for RL
trainers (``mathgrade.rewards``).
"""

from mathgrade._mathgrade import (
    DATASETS,
    SYNTAXES,
    Expr,
    Extraction,
    ParseError,
    Verdict,
    __version__,
    check,
    check_many,
    compare,
    extract,
    extract_all,
    grade,
    parse,
    pass_at_k,
    preset,
    read_answer,
    spoken_readings,
    verify,
)

__all__ = [
    "DATASETS",
    "SYNTAXES",
    "Expr",
    "Extraction",
    "ParseError",
    "Verdict",
    "__version__",
    "check",
    "check_many",
    "compare",
    "extract",
    "extract_all",
    "grade",
    "parse",
    "pass_at_k",
    "preset",
    "read_answer",
    "spoken_readings",
    "verify",
]
