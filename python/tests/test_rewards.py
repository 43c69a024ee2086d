"""mathgrade.rewards: TRL's and verl's reward-function shapes."""

from __future__ import annotations

import pytest

from mathgrade.rewards import accuracy_reward, completion_text, compute_score


def test_accuracy_reward_conversational() -> None:
    # TRL's own example.
    solutions = [r"\frac{1}{3}", r"\frac{1}{3}"]
    completions = [
        [{"role": "assistant", "content": r"My answer is \boxed{\frac{1}{3}}"}],
        [{"role": "assistant", "content": r"My answer is \boxed{\frac{1}{2}}"}],
    ]
    assert accuracy_reward(completions, solutions) == [1.0, 0.0]


def test_accuracy_reward_plain_and_skips() -> None:
    completions = ["The answer is 0.5", "no idea", "so $\\boxed{4}$", "anything"]
    # A worked solution's final answer is extracted; a solution with no
    # readable answer gives None (TRL skips the example).
    solutions = ["1/2", "1/2", "Since $2+2=4$, the answer is $\\boxed{4}$.", "hello world"]
    assert accuracy_reward(completions, solutions, prompts=["p"] * 4, trainer_state=None) == [1.0, 0.0, 1.0, None]
    assert accuracy_reward([], []) == []
    with pytest.raises(ValueError, match="^2 completions but 1 solutions$"):
        accuracy_reward(["1", "2"], ["1"])


def test_accuracy_reward_logs_the_answers() -> None:
    logged = {}
    accuracy_reward(["so \\boxed{2}", "I could not finish the"], ["\\frac{4}{2}", "\\text{}"], log_extra=lambda k, v: logged.__setitem__(k, v))
    assert logged == {
        "solution": ["\\frac{4}{2}", "\\text{}"],
        "gold_parsed": ["2", "[unparseable]"],
        "answer_parsed": ["2", "[unparseable]"],
    }


def test_completion_text() -> None:
    assert completion_text("x") == "x"
    assert completion_text({"role": "assistant", "content": "y"}) == "y"
    assert completion_text([{"role": "user", "content": "q"}, {"role": "assistant", "content": "z"}]) == "z"
    assert completion_text([{"role": "assistant", "content": [{"type": "text", "text": "a"}, {"type": "image"}, {"type": "text", "text": "b"}]}]) == "ab"
    assert completion_text([]) == ""
    with pytest.raises(TypeError, match="^message content must be a str or a list of parts, not int$"):
        completion_text([{"role": "assistant", "content": 3}])


def test_compute_score() -> None:
    gsm8k_gold = "He sells 6*2=<<6*2=12>>12.\n#### 1,212"
    assert compute_score("openai/gsm8k", "so the answer is 1212", gsm8k_gold) == 1.0
    assert compute_score("openai/gsm8k", "so the answer is 1213", gsm8k_gold) == 0.0
    assert compute_score("aime24", "The answer is $\\boxed{73}$.", "073") == 1.0
    # The MATH preset reads an inequality as the interval it describes.
    assert compute_score("lighteval/MATH", "so $\\frac{1}{2} \\le x \\le 8$.", "[\\frac12, 8]") == 1.0
    assert compute_score("unknown_source", "so $\\frac{1}{2} \\le x \\le 8$.", "[\\frac12, 8]") == 0.0
    # Several ground truths; numbers; the problem's options.
    assert compute_score("x", "The answer is 7.", ["6", "7"]) == 1.0
    assert compute_score("x", "The answer is 7.", 7) == 1.0
    info = {"problem": "How many coins?\nAnswer Choices: A)453 B)651 C)400 D)487 E)286"}
    assert compute_score("aqua_rat", "70,000/175 = 400", "C", extra_info=info) == 1.0
    assert compute_score("aqua_rat", "70,000/175 = 400", "C") == 0.0
