"""Type stubs of the compiled module (see src/ in the python/ crate)."""

from typing import Optional, Sequence, Tuple, Union

__version__: str
#: The syntaxes `parse` reads ("auto", "latex", "plain", and "spoken" where the core has it).
SYNTAXES: list[str]
#: Dataset preset names, "auto" first.
DATASETS: list[str]

#: An answer: text, or a number (read as its str()).
Answer = Union[str, int, float]

class ParseError(ValueError):
    """The text does not parse; str(e) has a caret under the place."""

    span: Tuple[int, int]
    """(start, end) in code points of `text`."""
    kind: str
    """The error's kind: "unclosed", "unknown_command", "empty", ..."""
    reason: str
    """One line: "unclosed `{`"."""
    text: str
    """The text that failed to parse."""

class Expr:
    """A parsed expression tree; == and hash() are structural."""

    def to_latex(self) -> str: ...
    def to_plain(self) -> str: ...
    def to_spoken(self, style: str = "natural") -> str:
        """Spoken English: style "natural" (as read aloud) or "clearspeak"."""
    def canonical(self) -> Expr: ...
    def answer_key(self) -> str: ...
    def to_json(self, *, indent: Optional[int] = None) -> str: ...
    @classmethod
    def from_json(cls, json: str) -> Expr: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Verdict:
    """The verdict on one pair; truthy when equal."""

    equal: bool
    method: str
    gold: Optional[str]
    pred: Optional[str]
    note: str
    rule: Optional[str]
    key: Optional[str]
    chosen: Optional[str]
    def __init__(
        self,
        equal: bool,
        method: str,
        gold: Optional[str] = None,
        pred: Optional[str] = None,
        note: str = "",
        rule: Optional[str] = None,
        key: Optional[str] = None,
        chosen: Optional[str] = None,
    ) -> None: ...
    def explain(self) -> str: ...
    def to_dict(self) -> dict[str, Union[bool, str, None]]: ...
    def __bool__(self) -> bool: ...

class Extraction:
    """An answer found in a text."""

    text: str
    span: Tuple[int, int]
    rule: str
    syntax: str
    def __init__(self, text: str, span: Tuple[int, int], rule: str, syntax: str) -> None: ...
    def parse(self) -> Expr: ...

def parse(text: str, *, syntax: str = "auto") -> Expr: ...
def spoken_readings(text: str) -> list[Expr]: ...
def extract(
    output: str,
    *,
    dataset: str = "auto",
    targets: Optional[Sequence[str]] = None,
    boxed_match_priority: int = 50,
) -> Optional[Extraction]: ...
def extract_all(
    output: str,
    *,
    dataset: str = "auto",
    targets: Optional[Sequence[str]] = None,
    boxed_match_priority: int = 50,
) -> list[Extraction]: ...
def read_answer(
    text: str,
    *,
    dataset: str = "auto",
    gold: bool = False,
    targets: Optional[Sequence[str]] = None,
    boxed_match_priority: int = 50,
) -> Optional[Expr]: ...
def verify(
    gold: Answer,
    pred: Answer,
    *,
    dataset: str = "auto",
    problem: Optional[str] = None,
    precision: int = 6,
    strict: bool = True,
    allow_set_relation_comp: bool = False,
    gold_extract: Optional[Sequence[str]] = None,
    pred_extract: Optional[Sequence[str]] = None,
    boxed_match_priority: int = 50,
    gold_syntax: Optional[str] = None,
    pred_syntax: Optional[str] = None,
) -> bool: ...
def check(
    gold: Answer,
    pred: Answer,
    *,
    dataset: str = "auto",
    problem: Optional[str] = None,
    precision: int = 6,
    strict: bool = True,
    allow_set_relation_comp: bool = False,
    gold_extract: Optional[Sequence[str]] = None,
    pred_extract: Optional[Sequence[str]] = None,
    boxed_match_priority: int = 50,
    gold_syntax: Optional[str] = None,
    pred_syntax: Optional[str] = None,
) -> Verdict: ...
def compare(
    gold: Expr,
    pred: Expr,
    *,
    precision: int = 6,
    strict: bool = True,
    allow_set_relation_comp: bool = False,
) -> Verdict: ...
def grade(
    golds: Sequence[Answer],
    preds: Sequence[Answer],
    *,
    dataset: Union[str, Sequence[str]] = "auto",
    problems: Optional[Sequence[Optional[str]]] = None,
    threads: Optional[int] = None,
    precision: int = 6,
    strict: bool = True,
    allow_set_relation_comp: bool = False,
    gold_extract: Optional[Sequence[str]] = None,
    pred_extract: Optional[Sequence[str]] = None,
    boxed_match_priority: int = 50,
    gold_syntax: Optional[str] = None,
    pred_syntax: Optional[str] = None,
) -> list[bool]: ...
def check_many(
    golds: Sequence[Answer],
    preds: Sequence[Answer],
    *,
    dataset: Union[str, Sequence[str]] = "auto",
    problems: Optional[Sequence[Optional[str]]] = None,
    threads: Optional[int] = None,
    precision: int = 6,
    strict: bool = True,
    allow_set_relation_comp: bool = False,
    gold_extract: Optional[Sequence[str]] = None,
    pred_extract: Optional[Sequence[str]] = None,
    boxed_match_priority: int = 50,
    gold_syntax: Optional[str] = None,
    pred_syntax: Optional[str] = None,
) -> list[Verdict]: ...
def pass_at_k(n: int, c: int, k: int) -> float: ...
def preset(name: str) -> Optional[str]: ...
