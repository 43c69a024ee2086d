"""Reward functions for RL trainers, graded by mathgrade.

* ``accuracy_reward``: TRL's reward-function shape (``GRPOTrainer(reward_funcs=accuracy_reward)``);
* ``compute_score``: verl's custom reward-function shape
  (``custom_reward_function.path=.../rewards.py``, ``name=compute_score``).

Both grade with the GIL released and no signals, so they run in trainer
threads and worker processes alike.
"""

from __future__ import annotations

from typing import Any, Callable, List, Mapping, Optional, Sequence, Union

from mathgrade._mathgrade import check, check_many, preset, read_answer

__all__ = ["accuracy_reward", "compute_score"]

Completion = Union[str, Sequence[Mapping[str, Any]], Mapping[str, Any]]


def completion_text(completion: Completion) -> str:
    """The text of a completion: a plain string, one message
    ``{"role": "assistant", "content": ...}``, or a conversation (a list of
    messages, whose last one is the completion). Content given as parts
    (``[{"type": "text", "text": ...}]``) is joined."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, Mapping):
        return _content_text(completion.get("content", ""))
    messages = list(completion)
    if not messages:
        return ""
    return _content_text(messages[-1].get("content", ""))


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, Sequence):
        return "".join(p.get("text", "") for p in content if isinstance(p, Mapping) and p.get("type", "text") == "text")
    raise TypeError(f"message content must be a str or a list of parts, not {type(content).__name__}")


def accuracy_reward(
    completions: Sequence[Completion],
    solution: Sequence[Union[str, int, float]],
    log_extra: Optional[Callable[[str, list], None]] = None,
    **kwargs: Any,
) -> List[Optional[float]]:
    """1.0 when a completion's final answer equals its solution's, else 0.0.

    ``completions``: plain strings or conversational completions
    (``[{"role": "assistant", "content": ...}]``). ``solution``: the gold
    answers or worked solutions (their final answer is extracted). As in
    TRL, a solution with no readable answer gives ``None`` (the trainer
    skips the example). ``log_extra`` (passed by TRL's trainers) receives
    the answers as read. Other keyword arguments (the dataset's columns)
    are ignored. The batch is graded on all cores.
    """
    if len(completions) != len(solution):
        raise ValueError(f"{len(completions)} completions but {len(solution)} solutions")
    contents = [completion_text(c) for c in completions]
    verdicts = check_many(list(solution), contents)
    rewards: List[Optional[float]] = [
        None if _gold_unreadable(v, sol) else float(v.equal) for v, sol in zip(verdicts, solution)
    ]
    if log_extra is not None:
        log_extra("solution", list(solution))
        log_extra("gold_parsed", [v.gold if v.gold is not None else "[unparseable]" for v in verdicts])
        log_extra("answer_parsed", [v.pred if v.pred is not None else "[unparseable]" for v in verdicts])
    return rewards


def _gold_unreadable(v, solution) -> bool:
    # A verdict without an answer on either side does not say which side
    # failed; only then is the solution read on its own. (Identical texts
    # that read as no math are equal, method "text".)
    return v.method == "no_answer" and read_answer(solution if isinstance(solution, str) else str(solution), gold=True) is None


def compute_score(
    data_source: str,
    solution_str: str,
    ground_truth: Union[str, int, float, Sequence[Union[str, int, float]]],
    extra_info: Optional[Mapping[str, Any]] = None,
    **kwargs: Any,
) -> float:
    """verl's reward: 1.0 when ``solution_str`` (a model's output) answers
    ``ground_truth``, else 0.0.

    ``data_source`` picks the dataset preset when it names one
    (``"openai/gsm8k"`` → gsm8k, ``"aime24"`` → aime, ``"lighteval/MATH"``
    → math; anything else: the general rules). A list of ground truths
    scores 1.0 when any matches. ``extra_info["problem"]`` (or
    ``["question"]``), when present, lets a value choose a listed option.
    """
    dataset = _dataset_of(data_source)
    problem = None
    if isinstance(extra_info, Mapping):
        p = extra_info.get("problem", extra_info.get("question"))
        problem = p if isinstance(p, str) else None
    golds = ground_truth if isinstance(ground_truth, (list, tuple)) else [ground_truth]
    for gold in golds:
        if check(gold, solution_str, dataset=dataset, problem=problem).equal:
            return 1.0
    return 0.0


def _dataset_of(data_source: Any) -> str:
    """The preset a verl ``data_source`` names (its last path part, as in
    ``openai/gsm8k``), else "auto"."""
    if not isinstance(data_source, str):
        return "auto"
    for name in (data_source, data_source.rsplit("/", 1)[-1]):
        found = preset(name)
        if found is not None:
            return found
    return "auto"
