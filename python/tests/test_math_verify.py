"""mathgrade.math_verify: Math-Verify's names, signatures and list shapes."""

from __future__ import annotations

import dataclasses
import inspect
import threading

import pytest

import mathgrade
from mathgrade import Expr
from mathgrade.math_verify import (
    ExprExtractionConfig,
    LatexExtractionConfig,
    LatexNormalizationConfig,
    NormalizationConfig,
    StringExtractionConfig,
    math_metric,
    parse,
    verify,
)

E = mathgrade.parse


def test_the_public_names_and_defaults() -> None:
    assert inspect.signature(parse).parameters.keys() == {
        "pred",
        "extraction_config",
        "fallback_mode",
        "extraction_mode",
        "parsing_timeout",
        "raise_on_error",
    }
    p = inspect.signature(parse).parameters
    assert (p["fallback_mode"].default, p["extraction_mode"].default) == ("first_match", "any_match")
    assert list(p["extraction_config"].default) == [LatexExtractionConfig(), ExprExtractionConfig()]
    v = inspect.signature(verify).parameters
    assert list(v) == [
        "gold",
        "target",
        "float_rounding",
        "numeric_precision",
        "strict",
        "allow_set_relation_comp",
        "timeout_seconds",
        "raise_on_error",
    ]
    assert (v["float_rounding"].default, v["strict"].default, v["allow_set_relation_comp"].default) == (6, True, False)
    latex = LatexExtractionConfig()
    assert (latex.try_extract_without_anchor, latex.boxed_match_priority) == (True, 50)
    assert latex.normalization_config == NormalizationConfig(
        basic_latex=True, units=True, malformed_operators=True, nits=True, boxed="all", equations=False
    )
    assert StringExtractionConfig() == StringExtractionConfig(strings=("A", "B", "C", "D"), try_extract_without_anchor=True, lowercase=True)
    assert NormalizationConfig() == NormalizationConfig(basic_latex=True, units=False, malformed_operators=False, nits=False, boxed="all", equations=False)
    assert LatexNormalizationConfig is NormalizationConfig
    # Frozen and hashable, as Math-Verify's (it caches regexes by config).
    with pytest.raises(dataclasses.FrozenInstanceError):
        latex.boxed_match_priority = 0  # type: ignore[misc]
    assert len({LatexExtractionConfig(), LatexExtractionConfig()}) == 1


@pytest.mark.parametrize(
    ("text", "kwargs", "want"),
    [
        ("$\\frac{1}{2}$", {}, [E("\\frac{1}{2}"), "\\frac{1}{2}"]),
        ("The answer is $\\boxed{0.5}$", {}, [E("0.5"), "0.5"]),
        ("Therefore $x \\in [1, 2)$.", {}, [E("x \\in [1, 2)"), "x \\in [1, 2)"]),
        ("$1,2,3$", {}, [E("1,2,3"), "1,2,3"]),
        ("We have 3 apples and 1/2 pie", {"extraction_config": [ExprExtractionConfig()]}, [E("1/2"), "1/2"]),
        ("$x^2+1$", {"fallback_mode": "no_fallback"}, [E("x^2+1")]),
        ("no math here", {}, []),
        ("", {}, []),
        # An answer that is found but does not parse: only its text.
        ("so \\boxed{\\frac{1}{}}", {}, ["\\frac{1}{}"]),
        ("so \\boxed{\\frac{1}{}}", {"fallback_mode": "no_fallback"}, []),
    ],
)
def test_parse_shapes(text: str, kwargs: dict, want: list) -> None:
    assert parse(text, **kwargs) == want


def test_parse_returns_mathgrade_objects() -> None:
    found = parse("So the answer is $\\boxed{\\dfrac{2}{4}}$.")
    assert isinstance(found[0], Expr) and isinstance(found[1], str)
    assert found[0].canonical().to_latex() == "\\frac{1}{2}"


def test_anchors_and_box_priority() -> None:
    # TRL's configuration: boxes first, no unanchored math.
    trl = [LatexExtractionConfig(boxed_match_priority=0, try_extract_without_anchor=False)]
    assert parse("so x = 4 and \\boxed{4}", trl, extraction_mode="first_match") == [E("4"), "4"]
    assert parse("so $x=4$", trl) == []
    assert parse("so $x=4$", [LatexExtractionConfig()]) == [E("x=4"), "x=4"]
    assert parse("We get 12 apples", [ExprExtractionConfig(try_extract_without_anchor=False)]) == []
    assert parse("The final answer is 12", [ExprExtractionConfig(try_extract_without_anchor=False)]) == [E("12"), "12"]
    out = "\\boxed{4}. The answer is $3$."
    assert parse(out, [LatexExtractionConfig()])[0] == E("3")
    assert parse(out, [LatexExtractionConfig(boxed_match_priority=0)])[0] == E("4")
    assert parse("$3$ or \\boxed{4}", [LatexExtractionConfig(boxed_match_priority=-1)])[0] == E("3")


def test_extraction_modes() -> None:
    # The best candidate does not parse; a worse one does.
    text = "The answer is $\\frac{1}{}$. Earlier we had $7$."
    assert parse(text, [LatexExtractionConfig()])[0] == E("7")
    assert parse(text, [LatexExtractionConfig()], extraction_mode="first_match") == ["\\frac{1}{}"]
    with pytest.raises(ValueError, match="^extraction_mode must be 'first_match' or 'any_match', not 'all'$"):
        parse(text, extraction_mode="all")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="^fallback_mode must be 'no_fallback' or 'first_match', not 'x'$"):
        parse(text, fallback_mode="x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^unknown extraction config 'latex'$"):
        parse(text, ["latex"])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("text", "config", "want"),
    [
        ("The answer is B", StringExtractionConfig(), ["b", "B"]),
        ("**Answer:** (C)", StringExtractionConfig(), ["c", "C"]),
        ("The final answer is D. I hope it is correct.", StringExtractionConfig(), ["d", "D"]),
        ("A is wrong, so the answer is B.", StringExtractionConfig(), ["b", "B"]),
        ("The answer is B", StringExtractionConfig(lowercase=False), ["B", "B"]),
        ("E is right", StringExtractionConfig(), []),
        ("E is right", StringExtractionConfig(strings=("A", "B", "C", "D", "E")), ["e", "E"]),
        ("Final answer: yes", StringExtractionConfig(strings=("yes", "no")), ["yes", "yes"]),
        ("B", StringExtractionConfig(try_extract_without_anchor=False), []),
        ("B", StringExtractionConfig(), ["b", "B"]),
    ],
)
def test_string_targets(text: str, config: StringExtractionConfig, want: list) -> None:
    assert parse(text, [config]) == want


@pytest.mark.parametrize(
    ("gold", "pred", "equal"),
    [
        ("$\\frac{1}{2}$", "The answer is $\\boxed{0.5}$", True),
        ("$\\sqrt{8}$", "$2\\sqrt{2}$", True),
        ("$x^2+2x+1$", "$(x+1)^2$", True),
        ("$(0,3)$", "$(3,0)$", False),
        ("$\\{1, 2, 3\\}$", "The answer is $3, 1, 2$.", True),
        ("$\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}$", "The final answer is $\\boxed{\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}}$", True),
        ("$x \\le 5$", "$5 \\ge x$", True),
        ("$\\frac{1}{3}$", "$0.333333$", True),
        ("$\\frac{1}{3}$", "$0.33$", False),
        ("$10^{10}!$", "$(10^{10})!$", True),
    ],
)
def test_verify(gold: str, pred: str, equal: bool) -> None:
    assert verify(parse(gold), parse(pred)) is equal


def test_verify_options_and_inputs() -> None:
    assert verify(parse("$\\frac{1}{3}$"), parse("$0.33$"), float_rounding=2) is True
    assert verify(parse("$x+1$"), parse("$y+1$")) is False
    assert verify(parse("$x+1$"), parse("$y+1$"), strict=False) is True
    assert verify(parse("$(4, 7)$"), parse("$4 < x < 7$")) is False
    assert verify(parse("$(4, 7)$"), parse("$4 < x < 7$"), allow_set_relation_comp=True) is True
    # Single items, strings (compared as text), mixed, empty.
    assert verify(E("1/2"), E("0.5")) is True
    assert verify(["b", "B"], parse("The answer is B", [StringExtractionConfig()])) is True
    assert verify(" b ", "b") is True
    assert verify("", "") is False
    assert verify(E("1"), "1") is False
    assert verify([], parse("$1$")) is False
    with pytest.raises(TypeError, match="^verify compares what mathgrade.math_verify.parse returns"):
        verify(0.5, E("1/2"))  # type: ignore[arg-type]


def test_works_off_the_main_thread() -> None:
    # Math-Verify's signal-based timeouts fail outside the main thread.
    results = []
    t = threading.Thread(target=lambda: results.append(verify(parse("$\\frac12$"), parse("$0.5$"), timeout_seconds=5)))
    t.start()
    t.join()
    assert results == [True]


def test_math_metric() -> None:
    metric = math_metric(gold_extraction_target=(LatexExtractionConfig(),), pred_extraction_target=(LatexExtractionConfig(),))
    score, (golds, preds) = metric(["$\\frac{1}{2}$"], ["so $\\boxed{0.5}$", "so $\\boxed{3}$"])
    assert score == 1.0
    assert golds == ["\\frac{1}{2}", "\\frac{1}{2}"]
    assert preds == ["0.5", "0.5", "3", "3"]
    score, _ = math_metric(aggregation_function=min)(["1/2"], ["0.5", "3"])
    assert score == 0.0
    with pytest.raises(ValueError, match="^No gold targets found for at least one gold"):
        metric(["no answer"], ["$1$"])
