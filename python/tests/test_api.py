"""The single-item API: verify, check, compare, parse, Expr, ParseError,
extract, read_answer, presets."""

from __future__ import annotations

import json

import pytest

import mathgrade
from mathgrade import Expr, Extraction, ParseError, Verdict


# ---- verify / check ---------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "pred"),
    [
        ("\\frac{1}{2}", "0.5"),
        ("\\frac{2}{4}", "\\dfrac12"),
        ("\\sqrt{8}", "2\\sqrt{2}"),
        ("1/2", "So the answer is $\\boxed{\\dfrac{2}{4}}$."),
        ("x \\le 5", "5 \\ge x"),
        ("1, 2, 3", "3, 1, 2"),
        ("28\\%", "28"),
        ("\\text{4:30 p.m.}", "4:30 \\text{ p.m.}"),
        ("\\tan^2 y+1", "\\sec^2 y"),
    ],
)
def test_equal_answers(gold: str, pred: str) -> None:
    assert mathgrade.verify(gold, pred) is True


@pytest.mark.parametrize(
    ("gold", "pred"),
    [
        ("(0,3)", "(3,0)"),
        ("\\pm 2021", "2021"),
        ("10\\text{ cm}", "10\\text{ m}"),
        ("27.39", "27.38"),
        ("\\frac{1}{2}", "The answer is $\\boxed{\\frac{1}{3}}$."),
    ],
)
def test_unequal_answers(gold: str, pred: str) -> None:
    assert mathgrade.verify(gold, pred) is False


def test_numbers_as_answers() -> None:
    # Datasets often store gold answers as numbers.
    assert mathgrade.verify(18, "The answer is 18.")
    assert mathgrade.verify(0.5, "1/2")
    with pytest.raises(TypeError, match="^an answer must be a str, int or float, not bool"):
        mathgrade.verify(True, "1")
    with pytest.raises(TypeError, match="^an answer must be a str, int or float, not NoneType"):
        mathgrade.check("1", None)


def test_check_gives_the_reasons() -> None:
    v = mathgrade.check("1/2", "So the answer is $\\boxed{\\dfrac{2}{4}}$.")
    assert isinstance(v, Verdict)
    assert (v.equal, v.method, v.gold, v.pred) == (True, "exact", "\\frac{1}{2}", "\\frac{1}{2}")
    assert v.note == "equal: same canonical form"
    assert v.rule == "final_answer_phrase"
    assert v.key == mathgrade.parse("1/2").answer_key()
    assert v.chosen is None
    assert bool(v) is True
    assert v.explain() == (
        "equal\nmethod: exact\ngold: \\frac{1}{2}\npred: \\frac{1}{2}\n"
        "note: equal: same canonical form\nfound by: final_answer_phrase"
    )
    assert repr(v) == "Verdict(equal=True, method='exact', gold='\\\\frac{1}{2}', pred='\\\\frac{1}{2}')"
    assert v.to_dict() == {
        "equal": True,
        "method": "exact",
        "gold": "\\frac{1}{2}",
        "pred": "\\frac{1}{2}",
        "note": "equal: same canonical form",
        "rule": "final_answer_phrase",
        "key": v.key,
        "chosen": None,
    }


def test_no_answer() -> None:
    v = mathgrade.check("1/2", "I could not finish the")
    # The gold was read: it is shown, and the note names the side that was not.
    assert (v.equal, v.method, v.gold, v.pred, v.rule, v.key) == (False, "no_answer", "\\frac{1}{2}", None, None, None)
    assert v.note == "no answer could be read from the prediction"
    assert not v
    assert v.explain() == (
        "not equal\nmethod: no_answer\ngold: \\frac{1}{2}\npred: (not read)\nnote: no answer could be read from the prediction"
    )


def test_options() -> None:
    # precision: significant digits a decimal must match an exact gold to.
    assert mathgrade.verify("\\frac{1}{3}", "0.333") is False
    assert mathgrade.verify("\\frac{1}{3}", "0.333", precision=3) is True
    # strict: variable names must match.
    assert mathgrade.verify("f(x) = x^2", "f(y) = y^2") is False
    assert mathgrade.verify("x^2 + 1", "y^2 + 1", strict=False) is True
    # allow_set_relation_comp: a predicted inequality against an interval
    # (a gold inequality meets a predicted interval either way).
    assert mathgrade.verify("4<x<7", "(4,7)") is True
    assert mathgrade.verify("(4,7)", "4<x<7") is False
    assert mathgrade.verify("(4,7)", "4<x<7", allow_set_relation_comp=True) is True
    assert mathgrade.verify("[\\frac12, 8]", "\\frac{1}{2} \\le x \\le 8") is False
    assert mathgrade.verify("[\\frac12, 8]", "\\frac{1}{2} \\le x \\le 8", allow_set_relation_comp=True) is True
    # Extraction targets and box priority.
    # (Boxes and answer phrases share a priority by default: the later wins.)
    out = "\\boxed{4}. The answer is 3."
    assert mathgrade.verify("3", out) is True
    assert mathgrade.verify("4", out, boxed_match_priority=0) is True
    assert mathgrade.verify("3", out, boxed_match_priority=0) is False
    assert mathgrade.verify("3", "It is B.", pred_extract=["string"]) is False
    with pytest.raises(ValueError, match="^unknown target \"bogus\" in pred_extract \\(known: latex, expr, string\\)$"):
        mathgrade.verify("1", "1", pred_extract=["bogus"])
    with pytest.raises(ValueError, match="^precision must be at least 1 significant digit$"):
        mathgrade.verify("1", "1", precision=0)


def test_dataset_presets() -> None:
    assert mathgrade.verify("He sells 6*2=<<6*2=12>>12.\n#### 1,212", "The answer is 1212.", dataset="gsm8k")
    assert mathgrade.verify("073", "The answer is 73.", dataset="aime")
    assert mathgrade.verify("[\\frac12, 8]", "so $\\frac{1}{2} \\le x \\le 8$.", dataset="math")
    assert mathgrade.verify("[\\frac12, 8]", "so $\\frac{1}{2} \\le x \\le 8$.") is False
    # Aliases as data files write them.
    assert mathgrade.verify("073", "The answer is 73.", dataset="AIME_2025")
    with pytest.raises(ValueError, match="^unknown dataset `klingon` \\(known: auto, gsm8k, math, aime,"):
        mathgrade.verify("1", "1", dataset="klingon")


def test_multiple_choice_with_the_problem() -> None:
    problem = "How many coins?\nAnswer Choices: A)453 B)651 C)400 D)487 E)286"
    v = mathgrade.check("C", "70,000/175 = 400", dataset="aqua", problem=problem)
    assert (v.equal, v.method, v.chosen) == (True, "choice", "C")
    assert v.note == "equal: the predicted value is option (C)'s text"
    v = mathgrade.check("B", "70,000/175 = 400", dataset="aqua", problem=problem)
    assert (v.equal, v.chosen) == (False, "C")
    assert mathgrade.verify("C", "70,000/175 = 400", dataset="aqua") is False
    assert mathgrade.verify("B", "We get 400, so the answer is (B).", dataset="aqua", problem=problem) is True


def test_presets_by_name() -> None:
    assert mathgrade.DATASETS[0] == "auto"
    assert set(mathgrade.DATASETS) >= {"gsm8k", "math", "aime", "aqua", "multiple_choice"}
    assert mathgrade.preset("aime24") == "aime"
    assert mathgrade.preset("MATH-500") == "math"
    assert mathgrade.preset("gsm8k_test") == "gsm8k"
    assert mathgrade.preset("carp_en") is None


def test_compare_parsed_trees() -> None:
    v = mathgrade.compare(mathgrade.parse("\\frac12"), mathgrade.parse("0.5"))
    assert (v.equal, v.method) == (True, "exact")
    v = mathgrade.compare(mathgrade.parse("x+1"), mathgrade.parse("y+1"), strict=False)
    assert v.equal
    assert not mathgrade.compare(mathgrade.parse("x+1"), mathgrade.parse("y+1"))


def test_pass_at_k() -> None:
    assert mathgrade.pass_at_k(5, 2, 2) == pytest.approx(0.7)
    assert mathgrade.pass_at_k(8, 3, 1) == pytest.approx(3 / 8)
    assert mathgrade.pass_at_k(4, 3, 2) == 1.0
    with pytest.raises(ValueError, match="^c = 3 is more than n = 2$"):
        mathgrade.pass_at_k(2, 3, 1)


# ---- parse / Expr -----------------------------------------------------------


def test_parse_and_print() -> None:
    e = mathgrade.parse("\\frac{2}{4}")
    assert isinstance(e, Expr)
    assert e.to_latex() == "\\frac{2}{4}"
    assert e.canonical().to_latex() == "\\frac{1}{2}"
    assert e.canonical().to_plain() == "1/2"
    assert str(e) == "\\frac{2}{4}"
    assert repr(e) == "Expr('\\\\frac{2}{4}')"
    assert mathgrade.parse("(x+1)^2").canonical().to_latex() == "x^{2} + 2 x + 1"
    assert mathgrade.parse("sqrt(2)/2", syntax="plain").to_latex() == "\\frac{\\sqrt{2}}{2}"
    assert mathgrade.parse("2*sqrt(2)").canonical().to_latex() == "2 \\sqrt{2}"
    assert mathgrade.parse("x^2", syntax="latex").to_plain() == "x^2"


def test_structural_equality_and_hash() -> None:
    a, b = mathgrade.parse("x^2+2x+1"), mathgrade.parse("x^2 + 2x + 1")
    assert a == b and not (a != b)
    assert hash(a) == hash(b)
    assert mathgrade.parse("1/2") != mathgrade.parse("0.5")
    assert mathgrade.parse("1/2").canonical() == mathgrade.parse("0.5").canonical()
    assert a != "x^2+2x+1"
    assert len({a, b, mathgrade.parse("x")}) == 2


def test_answer_key() -> None:
    key = lambda t: mathgrade.parse(t).answer_key()  # noqa: E731
    assert key("\\frac12") == key("0.5") == key("1/2")
    assert key("1/2") != key("1/3")


def test_json_round_trip() -> None:
    e = mathgrade.parse("\\frac{1}{2}")
    tree = json.loads(e.to_json())
    assert tree == {
        "type": "div",
        "num": {"type": "integer", "value": "1", "span": [6, 7]},
        "den": {"type": "integer", "value": "2", "span": [9, 10]},
        "span": [0, 11],
    }
    assert json.loads(e.to_json(indent=2)) == tree
    assert e.to_json(indent=2).startswith('{\n  "type": "div"')
    assert Expr.from_json(e.to_json()) == e
    # Deeper than serde_json's default nesting limit of 128.
    deep = mathgrade.parse("(" * 45 + "x" + ")" * 45 + "+" + "-" * 45 + "y")
    assert Expr.from_json(deep.to_json()) == deep
    with pytest.raises(ValueError, match="^not an expression tree: "):
        Expr.from_json('{"type": "nonsense"}')


def test_syntaxes() -> None:
    assert mathgrade.SYNTAXES == ["auto", "latex", "plain", "spoken"]
    with pytest.raises(ValueError, match="^unknown syntax \"klingon\" \\(known: auto, latex, plain"):
        mathgrade.parse("x", syntax="klingon")


def test_spoken_syntax() -> None:
    spoken = lambda t: mathgrade.parse(t, syntax="spoken")  # noqa: E731
    assert spoken("x squared plus one").to_latex() == "x^{2} + 1"
    assert spoken("the square root of two").canonical() == mathgrade.parse("\\sqrt{2}").canonical()
    assert spoken("x is less than or equal to five").to_latex() == "x \\le 5"
    with pytest.raises(ParseError) as info:
        spoken("x plus plus")
    assert (info.value.kind, info.value.span) == ("unexpected_end", (11, 11))


def test_to_spoken() -> None:
    e = mathgrade.parse("\\frac{x+1}{x-1}")
    natural = "the quantity x plus one end quantity over the quantity x minus one end quantity"
    assert e.to_spoken() == natural
    assert e.to_spoken("natural") == natural
    assert e.to_spoken("clearspeak") == "the fraction with numerator x plus 1 and denominator x minus 1 end fraction"
    # Speech reads back to the same tree, in both styles.
    for style in ("natural", "clearspeak"):
        assert mathgrade.parse(e.to_spoken(style), syntax="spoken").canonical() == e.canonical()
    with pytest.raises(ValueError, match='unknown spoken style "klingon"'):
        e.to_spoken("klingon")


def test_spoken_readings() -> None:
    readings = mathgrade.spoken_readings("x to the n plus one")
    assert [r.to_latex() for r in readings] == ["x^{n} + 1", "x^{n + 1}"]
    assert readings[0] == mathgrade.parse("x to the n plus one", syntax="spoken")
    assert len(mathgrade.spoken_readings("x squared plus one")) == 1
    with pytest.raises(ParseError):
        mathgrade.spoken_readings("x plus plus")


def test_spoken_predictions() -> None:
    # Read whole as speech; without pred_syntax it is prose with no math.
    assert mathgrade.verify("\\frac{2}{3}", "two thirds", pred_syntax="spoken") is True
    assert mathgrade.verify("\\frac{2}{3}", "two thirds") is False
    assert mathgrade.verify("\\frac{2}{3}", "three halves", pred_syntax="spoken") is False
    v = mathgrade.check("x^2", "x Superscript 2 Baseline", pred_syntax="spoken")
    assert (v.equal, v.method, v.rule) == (True, "exact", "whole_text")
    assert mathgrade.verify("one half", "0.5", gold_syntax="spoken") is True
    assert mathgrade.grade(["1/2", "3", "3"], ["one half", "three", "four"], pred_syntax="spoken", threads=2) == [True, True, False]
    assert [v.equal for v in mathgrade.check_many(["1/2"], ["one half"], pred_syntax="spoken")] == [True]
    # Written text, whatever its notation, is extracted.
    for written in ("written", "latex", "plain", "auto"):
        assert mathgrade.verify("\\frac{2}{3}", "so it is $\\frac{2}{3}$", pred_syntax=written) is True
    with pytest.raises(ValueError, match='unknown pred_syntax "klingon" \\(known: written, auto, latex, plain, spoken\\)'):
        mathgrade.verify("1", "one", pred_syntax="klingon")


# ---- ParseError -------------------------------------------------------------


def test_parse_error_message_and_span() -> None:
    with pytest.raises(ParseError) as info:
        mathgrade.parse("\\frac{1")
    e = info.value
    assert str(e) == "error: unclosed `{`\n --> 1:6\n  |\n1 | \\frac{1\n  |      ^"
    assert e.span == (5, 6)
    assert (e.kind, e.reason, e.text) == ("unclosed", "unclosed `{`", "\\frac{1")
    assert isinstance(e, ValueError)


def test_parse_error_span_counts_characters() -> None:
    # Spans are code points, so text[start:end] is the place, whatever
    # the UTF-8 byte lengths before it.
    text = "π ≤ \\frac{1"
    with pytest.raises(ParseError) as info:
        mathgrade.parse(text)
    start, end = info.value.span
    assert (start, end) == (9, 10)
    assert text[start:end] == "{"
    assert str(info.value).splitlines()[-1] == "  |          ^"


@pytest.mark.parametrize(
    ("text", "kind", "reason"),
    [
        ("", "empty", "nothing to parse"),
        ("\\foo{1}", "unknown_command", "unknown command `\\foo`"),
        ("1.2.3", "invalid_number", "invalid number `1.2.3`"),
        ("(1+2", "unclosed", "unclosed `(`"),
    ],
)
def test_parse_error_kinds(text: str, kind: str, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        mathgrade.parse(text)
    assert (info.value.kind, info.value.reason) == (kind, reason)
    assert str(info.value).startswith(f"error: {reason}\n")


# ---- extraction -------------------------------------------------------------


def test_extract() -> None:
    out = "First $x=1$. Then \\boxed{2}. The answer is 3."
    e = mathgrade.extract(out)
    assert e == Extraction("3", (43, 44), "final_answer_phrase", "latex")
    assert out[e.span[0] : e.span[1]] == "3"
    assert e.parse() == mathgrade.parse("3")
    assert repr(e) == "Extraction(text='3', span=(43, 44), rule='final_answer_phrase', syntax='latex')"
    assert [(c.text, c.rule) for c in mathgrade.extract_all(out)] == [
        ("3", "final_answer_phrase"),
        ("3", "number"),
        ("2", "boxed"),
        ("1", "latex_env"),
    ]
    assert mathgrade.extract(out, boxed_match_priority=0).rule == "boxed"
    assert mathgrade.extract("no math at all here") is None
    assert mathgrade.extract_all("") == []


def test_extract_spans_count_characters() -> None:
    out = "Ответ: $\\frac{1}{2}$ — вот."
    e = mathgrade.extract(out)
    assert e is not None and e.text == "\\frac{1}{2}"
    assert out[e.span[0] : e.span[1]] in ("$\\frac{1}{2}$", "\\frac{1}{2}")


def test_extract_with_a_dataset() -> None:
    # Multiple choice: option letters are looked for first.
    e = mathgrade.extract("We get 400, so the answer is (B).", dataset="aqua")
    assert (e.text, e.rule) == ("B", "option_letter")
    assert mathgrade.extract("It is B.", targets=["latex"]) is None


def test_extraction_parse_error() -> None:
    e = mathgrade.extract("so \\boxed{\\frac{1}{}}")
    assert e is not None and e.rule == "boxed"
    with pytest.raises(ParseError):
        e.parse()


def test_read_answer() -> None:
    assert mathgrade.read_answer("So $\\boxed{\\frac{2}{4}}$.") == mathgrade.parse("\\frac{2}{4}")
    assert mathgrade.read_answer("He sells 12.\n#### 1,212", dataset="gsm8k", gold=True) == mathgrade.parse("1212")
    assert mathgrade.read_answer("I could not finish the") is None
