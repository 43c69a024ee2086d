"""A drop-in for Math-Verify's public API, backed by mathgrade.

Change one import::

    from mathgrade.math_verify import parse, verify   # was: from math_verify import ...

    gold = parse("$\\frac{1}{2}$")
    answer = parse("The answer is $\\boxed{0.5}$")
    assert verify(gold, answer)

The names, signatures and defaults are Math-Verify's (``parse``,
``verify``, ``math_metric``, ``LatexExtractionConfig``,
``ExprExtractionConfig``, ``StringExtractionConfig``,
``NormalizationConfig`` / ``LatexNormalizationConfig``). The differences:

* ``parse`` returns ``mathgrade.Expr`` trees, not SymPy objects, followed
  (with ``fallback_mode="first_match"``) by the extracted text, as
  Math-Verify does. ``verify`` compares what ``parse`` returns with
  mathgrade's comparer.
* No timeouts and no signals: every step is bounded by mathgrade's resource
  limits, so ``parsing_timeout`` and ``timeout_seconds`` are accepted and
  not needed, and both functions work in any thread.
* ``float_rounding`` is mathgrade's ``precision`` (significant digits a
  decimal must match an exact value to); ``numeric_precision`` is not used
  (evaluation is at 256 bits).
* ``NormalizationConfig`` is accepted for compatibility; mathgrade always
  applies its own normalization (units, malformed operators, ``\\boxed``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import product
from typing import Callable, List, Literal, Optional, Sequence, Tuple, Union

from mathgrade._mathgrade import Expr, ParseError, compare, extract_all

__all__ = [
    "parse",
    "verify",
    "math_metric",
    "ExprExtractionConfig",
    "LatexExtractionConfig",
    "StringExtractionConfig",
    "NormalizationConfig",
    "LatexNormalizationConfig",
    "ExtractionTarget",
]


@dataclass(frozen=True)
class NormalizationConfig:
    """Math-Verify's LaTeX normalization switches (latex2sympy2_extended).

    Accepted for compatibility: mathgrade's normalization is always on.
    """

    basic_latex: bool = True
    units: bool = False
    malformed_operators: bool = False
    nits: bool = False
    boxed: Literal["all", "last", "none"] = "all"
    equations: bool = False


#: The name Math-Verify's package root exports the same class under.
LatexNormalizationConfig = NormalizationConfig


@dataclass(frozen=True)
class LatexExtractionConfig:
    """Look for LaTeX answers: ``\\boxed{}``, ``$...$``, "the final answer is".

    ``try_extract_without_anchor``: also take math that no answer phrase or
    box marks (the last math span, a bare ``\\frac{1}{2}``).
    ``boxed_match_priority``: 0 boxes first, 50 after "final answer is"
    phrases, -1 boxes not looked for.
    """

    try_extract_without_anchor: bool = True
    boxed_match_priority: int = 50
    normalization_config: NormalizationConfig = field(
        default_factory=lambda: NormalizationConfig(
            basic_latex=True,
            units=True,
            malformed_operators=True,
            nits=True,
            boxed="all",
            equations=False,
        )
    )


@dataclass(frozen=True)
class ExprExtractionConfig:
    """Look for plain expressions and numbers (``1/2``, ``1,000``, ``28%``)."""

    try_extract_without_anchor: bool = True


@dataclass(frozen=True)
class StringExtractionConfig:
    """Look for one of ``strings`` (option letters by default), returned as text.

    ``lowercase``: the returned string is lower-cased (the second item,
    the text as found, is not).
    """

    strings: Tuple[str, ...] = field(default_factory=lambda: ("A", "B", "C", "D"))
    try_extract_without_anchor: bool = True
    lowercase: bool = True


ExtractionTarget = Union[LatexExtractionConfig, ExprExtractionConfig, StringExtractionConfig]

# Extraction rules (``Extraction.rule``) that need an anchor: an answer
# phrase or a box. Every other rule finds answers without one.
_ANCHORED_RULES = frozenset({"boxed", "final_answer_phrase"})
# Rules that only the plain-expression target produces.
_EXPR_RULES = frozenset({"plain_expr", "number"})
# Unanchored candidates sort last, as in Math-Verify's priority 300.
_UNANCHORED_TIER = 300


@dataclass(frozen=True)
class _Candidate:
    """One extracted answer before parsing, in Math-Verify's priority order."""

    tier: int
    text: str
    # For string targets: the value to return (lower-cased text);
    # None: a math candidate, parsed with `extraction.parse()`.
    string_value: Optional[str] = None
    extraction: object = None


def parse(
    pred: str,
    extraction_config: Sequence[ExtractionTarget] = (
        LatexExtractionConfig(),
        ExprExtractionConfig(),
    ),
    fallback_mode: Literal["no_fallback", "first_match"] = "first_match",
    extraction_mode: Literal["first_match", "any_match"] = "any_match",
    parsing_timeout: Optional[int] = 5,
    raise_on_error: bool = False,
) -> List[Union[Expr, str]]:
    """Find and parse the answer in ``pred``.

    Returns ``[answer, text]``: the first candidate that parses (a
    ``mathgrade.Expr``, or a ``str`` for a string target) and, with
    ``fallback_mode="first_match"``, the text of the first candidate found.
    ``[]`` when nothing is found. ``extraction_mode="first_match"`` tries
    the best candidate only; ``"any_match"`` goes on until one parses.
    ``parsing_timeout`` and ``raise_on_error`` are accepted for
    compatibility: parsing is bounded and never raises on bad input.
    """
    if not isinstance(pred, str):
        raise TypeError(f"pred must be a str, not {type(pred).__name__}")
    if fallback_mode not in ("no_fallback", "first_match"):
        raise ValueError(f"fallback_mode must be 'no_fallback' or 'first_match', not {fallback_mode!r}")
    if extraction_mode not in ("first_match", "any_match"):
        raise ValueError(f"extraction_mode must be 'first_match' or 'any_match', not {extraction_mode!r}")
    configs = list(extraction_config)
    for c in configs:
        if not isinstance(c, (LatexExtractionConfig, ExprExtractionConfig, StringExtractionConfig)):
            raise TypeError(f"unknown extraction config {c!r}")

    candidates = _merge(_math_candidates(pred, configs), _string_candidates(pred, configs))
    found: List[Union[Expr, str]] = []
    fallback: Optional[str] = None
    for cand in candidates:
        if fallback is None:
            fallback = cand.text
        value = cand.string_value if cand.string_value is not None else _parsed(cand.extraction)
        if value is not None:
            found.append(value)
            break
        if extraction_mode == "first_match":
            break
    if fallback_mode == "first_match" and fallback is not None:
        found.append(fallback)
    return found


def _parsed(extraction) -> Optional[Expr]:
    try:
        return extraction.parse()
    except ParseError:
        return None


def _math_candidates(pred: str, configs: List[ExtractionTarget]) -> List[_Candidate]:
    """Candidates of the LaTeX and expression targets, in mathgrade's order."""
    latex = next((c for c in configs if isinstance(c, LatexExtractionConfig)), None)
    expr = next((c for c in configs if isinstance(c, ExprExtractionConfig)), None)
    targets = []
    for c in configs:
        name = "latex" if isinstance(c, LatexExtractionConfig) else "expr" if isinstance(c, ExprExtractionConfig) else None
        if name and name not in targets:
            targets.append(name)
    if not targets:
        return []
    boxed = latex.boxed_match_priority if latex is not None else -1
    out = []
    for e in extract_all(pred, targets=targets, boxed_match_priority=boxed):
        # The config whose target found it (plain expressions and numbers
        # belong to the expression target when there is one).
        owner = expr if (expr is not None and e.rule in _EXPR_RULES) or latex is None else latex
        anchored = e.rule in _ANCHORED_RULES
        if not anchored and not owner.try_extract_without_anchor:
            continue
        if e.rule == "boxed":
            tier = boxed
        elif anchored:
            tier = 50
        else:
            tier = _UNANCHORED_TIER
        out.append(_Candidate(tier=tier, text=e.text, extraction=e))
    return out


def _string_candidates(pred: str, configs: List[ExtractionTarget]) -> List[_Candidate]:
    """Candidates of the string targets, best first: a string after "final
    answer is" (tier 0 with "I hope", else 50), after "answer:" (100), after
    "answer" (200), opening the text (250), anywhere (300); within a tier
    the one ending last first."""
    hits = []
    for c in configs:
        if not isinstance(c, StringExtractionConfig) or not c.strings:
            continue
        keys = "|".join(re.escape(s) for s in sorted(c.strings, key=len, reverse=True))
        # A string standing alone: after the start, a space or `(` / `**`,
        # and before punctuation, a space, `)` / `**` or the end.
        alone = rf"(?:^|(?<=\s)|(?<=\()|(?<=\*\*))(?P<key>{keys})(?=\)|\*\*|[.,:;]|\s|$)"
        patterns = [
            (0, rf"(?i:final answer is):?\s*\(?(?P<key>{keys})\)?\.?\s?I hope"),
            (50, rf"(?i:final answer).{{0,100}}?\s(?i:is):?\s*(?:\*\*)?\(?(?P<key>{keys})(?=\)|\*\*|[.,:;]|\s|$)"),
            (100, rf"(?i:answer):.{{0,50}}?{alone}"),
            (200, rf"(?i:answer).{{0,50}}?{alone}"),
        ]
        if c.try_extract_without_anchor:
            patterns += [(250, rf"\A\s*(?:\*\*)?\(?(?P<key>{keys})(?=\)|\*\*|[.,:;]|\s|$)"), (300, alone)]
        for tier, pattern in patterns:
            for m in re.finditer(pattern, pred, flags=re.DOTALL):
                text = m.group("key")
                value = text.lower() if c.lowercase else text
                hits.append((tier, -m.end("key"), m.start("key"), _Candidate(tier=tier, text=text, string_value=value)))
    hits.sort(key=lambda h: h[:3])
    return [h[3] for h in hits]


def _merge(math: List[_Candidate], strings: List[_Candidate]) -> List[_Candidate]:
    """One list in tier order. mathgrade's own order of its candidates is
    kept (it ranks finer than these tiers); each string candidate goes
    before the first math candidate of a later tier."""
    out: List[_Candidate] = []
    i = 0
    for s in strings:
        while i < len(math) and math[i].tier <= s.tier:
            out.append(math[i])
            i += 1
        out.append(s)
    out.extend(math[i:])
    return out


def verify(
    gold: Union[List[Union[Expr, str]], Expr, str],
    target: Union[List[Union[Expr, str]], Expr, str],
    float_rounding: int = 6,
    numeric_precision: int = 15,
    strict: bool = True,
    allow_set_relation_comp: bool = False,
    timeout_seconds: Optional[int] = 5,
    raise_on_error: bool = False,
) -> bool:
    """Is any parsed ``target`` equal to any parsed ``gold``?

    Takes what ``parse`` returns (a list, or one item). Two trees are
    compared by mathgrade's comparer; two strings must be equal after
    stripping (and non-empty); a tree and a string are not equal.
    ``float_rounding`` is the number of significant digits a decimal must
    match to. ``numeric_precision``, ``timeout_seconds`` and
    ``raise_on_error`` are accepted for compatibility.
    """
    golds = gold if isinstance(gold, list) else [gold]
    targets = target if isinstance(target, list) else [target]
    for item in (*golds, *targets):
        if not isinstance(item, (Expr, str)):
            raise TypeError(
                "verify compares what mathgrade.math_verify.parse returns (mathgrade.Expr or str), "
                f"not {type(item).__name__}"
            )
    return any(_equal(g, t, float_rounding, strict, allow_set_relation_comp) for g, t in product(golds, targets))


def _equal(g: Union[Expr, str], t: Union[Expr, str], precision: int, strict: bool, set_relation: bool) -> bool:
    if isinstance(g, Expr) and isinstance(t, Expr):
        return compare(g, t, precision=precision, strict=strict, allow_set_relation_comp=set_relation).equal
    if isinstance(g, str) and isinstance(t, str):
        g, t = g.strip(), t.strip()
        return bool(g) and g == t
    return False


def math_metric(
    gold_extraction_target: Sequence[ExtractionTarget] = (ExprExtractionConfig(),),
    pred_extraction_target: Sequence[ExtractionTarget] = (ExprExtractionConfig(),),
    aggregation_function: Callable[[List[float]], float] = max,
    precision: int = 6,
) -> Callable[[List[str], List[str]], Tuple[float, Optional[Tuple[List[str], List[str]]]]]:
    """A sample-level metric: ``fn(golds, predictions) -> (score, (golds, preds))``.

    Each prediction scores 1.0 when it equals any gold, and the scores are
    aggregated (``max``: right if any prediction is). The second item holds
    the extracted answers as text. Raises ValueError when a gold has no
    answer.
    """

    def sample_level_fn(golds: List[str], predictions: List[str]) -> Tuple[float, Optional[Tuple[List[str], List[str]]]]:
        extracted_golds = [parse(g, gold_extraction_target) for g in golds]
        extracted_preds = [parse(p, pred_extraction_target) for p in predictions]
        if any(len(g) == 0 for g in extracted_golds):
            raise ValueError(f"No gold targets found for at least one gold. Gold: {golds}, Pred: {predictions}")
        scores = [
            1.0 if any(verify(g, p, float_rounding=precision) for g in extracted_golds) else 0.0
            for p in extracted_preds
        ]
        as_text = (
            [str(x) for xs in extracted_golds for x in xs],
            [str(x) for xs in extracted_preds for x in xs],
        )
        return aggregation_function(scores), as_text

    return sample_level_fn
