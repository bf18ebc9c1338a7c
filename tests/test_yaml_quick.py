"""The quick YAML reader (issue 15) reads what it reads as ruamel.yaml does, and leaves the
rest to it: for every file in the repository, documents drawn at random and the repository's
files changed at random, either it leaves the file (None), or ruamel.yaml reads the file too,
to the same data and to nodes with the same places and styles (what deckgen.yaml_slips
reads). Seeded: the same cases every run."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.scalarfloat import ScalarFloat

from deckgen.load import parse_file, validate
from deckgen.meeting import Meeting
from deckgen.model import Content
from deckgen.template.theme import Theme
from deckgen.yaml_quick import Limits, quick_compose

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(
    p
    for pattern in ("src/deckgen/data/**/*.yaml", "tests/data/*.yaml", "tests/data/reports/*.yaml")
    for p in ROOT.glob(pattern)
)
NO_LIMITS = Limits(depth=10**6, items=10**6, nodes=10**9, text=10**9, total_text=10**12)


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def _plain(data):
    """ruamel's data as plain dicts, lists and floats."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return float(data) if isinstance(data, ScalarFloat) else data


def _typed(data):
    """``data`` (or a model's fields) with each value's type beside it: True and 1 differ."""
    if isinstance(data, BaseModel):
        return (type(data).__name__, _typed(data.__dict__))
    if isinstance(data, dict):
        return {k: _typed(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_typed(v) for v in data]
    return (type(data).__name__, data)


def _nodes(node) -> object:
    """What deckgen.yaml_slips reads of a node tree: kinds, texts, styles, anchors, places
    (start of each node, end of each scalar)."""
    start = (node.start_mark.line, node.start_mark.column)
    if node.id == "scalar":
        end = (node.end_mark.line, node.end_mark.column)
        return ("scalar", node.value, node.style, node.anchor, start, end)
    if node.id == "mapping":
        return ("mapping", start, [(_nodes(k), _nodes(v)) for k, v in node.value])
    return ("sequence", start, [_nodes(v) for v in node.value])


def outcome(text: str) -> str:
    """ "left" (to ruamel.yaml), "same" (read alike), or what differs."""
    quick = quick_compose(text.split("\n"), NO_LIMITS)
    if quick is None:
        return "left"
    try:
        yaml = YAML(typ="rt")
        yaml.allow_duplicate_keys = False
        data = yaml.load(text)
        root = YAML(typ="rt").compose(text)
    except Exception as err:  # ruamel refuses what the quick reader read
        return f"ruamel.yaml refuses it: {err}"
    if _typed(quick[1]) != _typed(_plain(data)):
        return "the data differ"
    if _nodes(quick[0]) != _nodes(root):
        return "the nodes differ"
    return "same"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_repository_files_read_alike(path):
    assert outcome(_text(path)) in ("same", "left")


def test_the_samples_templates_and_profiles_are_read_quickly():
    quick = [
        p for p in FILES if "data/" in str(p) and quick_compose(_text(p).split("\n"), NO_LIMITS)
    ]
    names = {p.name for p in quick}
    assert {"liuhe-2023.yaml", "riverside-2024.yaml", "theme.yaml", "changwu-full.yaml"} <= names
    assert {"zh-hubei-2026.yaml", "en-hongkong-2021.yaml", "full-model.yaml"} <= names


EMPTY_VALUES = [
    "a:\nb: 1\n",
    "a:  # c\nb: 1\n",
    "a:  # c\n# d\n\nb: 1\n",
    "a:\n# c\nb: 1\n",
    "a: 1\nb:\n",
    "a: 1\nb:",
    "a: 1\nb: # c",
    "a: 1\nb:   \n  \n",
    "a:\n  x:  # c\nb: 1\n",
    "a:\n  x:\n  # c\nb: 1\n",
    "a:\n  -\n  - 1\n",
    "a:\n  -  # c\n  - 1\n",
    "a:\n- x:\n  y:\n- z\n",
    "a:\n- x:  # c\n  y: 1\n",
    "  a:\n  b: 1\n",
    "a:\n-\nb: 1\n",
]


@pytest.mark.parametrize("text", EMPTY_VALUES)
def test_an_empty_value_is_placed_where_ruamel_places_it(text):
    """ruamel.yaml places an empty value at the next token, or after its colon when a
    comment follows it and the mapping goes on (deckgen.yaml_slips looks after it there)."""
    assert outcome(text) == "same"


LEFT = [
    "text: |\n  a\n",
    "text: a\n  b\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    'a: "\\u00e9"\n',
    "a:\tb\n",
    "%YAML 1.1\n---\na: 1\n",
    "a: 2023-01-10\n",
    "a: 0\n",
    "a: 1e3\n",
    "a: .inf\n",
    "a: 1\na: 2\n",
    "true: 1\n",
    "a: b: c\n",
    "a: [b, [c]]\n",
    "a: [b,]\n",
    "a:\n  - b\n c: 1\n",
    "- a\n",
    "a: @b\n",
    "{a: 1}\n",
    "# only a comment\n",
    "a: x\u2028y\n",
]


@pytest.mark.parametrize("text", LEFT)
def test_what_it_does_not_read_is_left_to_ruamel(text):
    assert quick_compose(text.split("\n"), NO_LIMITS) is None


def test_a_file_past_a_limit_is_left_to_ruamel():
    text = "a:\n" + "".join(f"  - {i + 1}\n" for i in range(5))
    limits = Limits(depth=24, items=4, nodes=20_000, text=5_000, total_text=100_000)
    assert quick_compose(text.split("\n"), limits) is None
    limits.items = 5
    assert quick_compose(text.split("\n"), limits) is not None


WORDS = [
    "text",
    "a b",
    "六合区",
    "“引号”",
    "x#1",
    "a #b",
    "50%",
    "1.5",
    "-5",
    "+3",
    "0",
    "007",
    "12",
    "1e3",
    "true",
    "False",
    "null",
    "~",
    "",
    "yes",
    "on",
    "2023-01-10",
    "a:b",
    "a: b",
    "http://x.y",
    "－item",
    "　lead",
    "tail　",
    "@x",
    "%x",
    "&a x",
    "*a",
    "!x",
    "|",
    ">",
    "?x",
    ":x",
    "-x",
    "- x",
    "a, b",
    "[x]",
    "{x}",
    "it's",
    'say "hi"',
    "a  #c",
    "#c",
    "...",
    "---",
    ".5",
    "5.",
    "0x1F",
    "1_000",
    ".inf",
    "=",
    "<<",
    "x\\y",
    "Null",
    "TRUE",
]
COMMON = ["text", "a b", "六合区", "“引号”", "x#1", "50%", "1.5", "-5", "12", "true", "", "a:b"]
KEYS = ["title", "text", "a", "b_c", "d-e", "x1", "true", "null", "y", "on", "_k", "title"]


class _Draw:
    """Documents drawn at random: mappings, lists (indented or not, a mapping opened on an
    item's line), values plain, quoted or in ``[…]``/``{…}``, comments and blank lines."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def scalar(self) -> str:
        rng = self.rng
        word = rng.choice(WORDS) if rng.random() < 0.3 else rng.choice(COMMON)
        quote = rng.random()
        if quote < 0.15:
            return '"' + word.replace('"', "") + '"'
        if quote < 0.25:
            return "'" + word.replace("'", "''") + "'"
        return word

    def comment(self) -> str:
        return self.rng.choice(["", "", "", "", "  # note", " #x", " # y"])

    def flow(self) -> str:
        rng = self.rng
        if rng.random() < 0.5:
            items = [self.scalar() for _ in range(rng.randint(0, 3))]
            return "[" + rng.choice([", ", ",", " , "]).join(items) + "]"
        pairs = [f"{rng.choice(KEYS)}: {self.scalar()}" for _ in range(rng.randint(0, 3))]
        return "{" + ", ".join(pairs) + "}"

    def tree(self, depth: int) -> tuple:
        rng = self.rng
        kind = rng.random()
        if depth > 3 or kind < 0.45:
            return ("scalar", self.scalar())
        if kind < 0.55:
            return ("flow", self.flow())
        if kind < 0.8:
            return (
                "map",
                [(rng.choice(KEYS), self.tree(depth + 1)) for _ in range(rng.randint(1, 4))],
            )
        return ("seq", [self.tree(depth + 1) for _ in range(rng.randint(1, 4))])

    def lines(self, node: tuple, indent: int, out: list[str]) -> None:
        rng = self.rng
        if node[0] == "map":
            for key, value in node[1]:
                pre = " " * indent + key + ":"
                if value[0] in ("scalar", "flow"):
                    space = "" if value[1] == "" and rng.random() < 0.5 else " "
                    out.append(pre + space + value[1] + self.comment())
                    continue
                out.append(pre + self.comment())
                if rng.random() < 0.1:
                    out.append(rng.choice(["", " " * rng.randint(0, 6) + "# c"]))
                step = (
                    0 if value[0] == "seq" and rng.random() < 0.4 else rng.choice([2, 2, 4, 1, 3])
                )
                self.lines(value, indent + step, out)
            return
        for value in node[1]:
            pre = " " * indent + "-" + " " * rng.choice([1, 1, 1, 3])
            if value[0] in ("scalar", "flow"):
                out.append((pre + value[1] + self.comment()).rstrip(" " if not value[1] else ""))
            elif value[0] == "map" and rng.random() < 0.7:
                inner: list[str] = []
                self.lines(value, len(pre), inner)
                out += [pre + inner[0][len(pre) :], *inner[1:]]
            else:
                out.append(pre.rstrip() + self.comment())
                self.lines(value, indent + rng.choice([2, 4]), out)

    def document(self) -> str:
        rng = self.rng
        root = ("map", [(rng.choice(KEYS), self.tree(1)) for _ in range(rng.randint(1, 5))])
        out = ["# head"] if rng.random() < 0.2 else []
        self.lines(root, 0, out)
        return "\n".join(out) + rng.choice(["\n", "", "\n\n", "\n# end\n"])


def test_drawn_documents_read_alike():
    draw = _Draw(15)
    outcomes = [outcome(draw.document()) for _ in range(1500)]
    wrong = [o for o in outcomes if o not in ("same", "left")]
    assert wrong == []
    assert outcomes.count("same") > 200  # the quick reader is tried, not only left


CHANGES = list(" #:-\"'\n[]{},|>&*!%@`?　：\tx1.~0e_") + [
    " #",
    ": ",
    "- ",
    "\n  ",
    "\n- ",
    "  ",
    "true",
    "null",
    "1.5",
    "2023-01-01",
    "''",
    "\\",
    "\x01",
    "\x7f",
    "\x85",
    "\u2028",
    "\ufeff",
]


def test_changed_files_read_alike():
    """The repository's files, a window of 30 lines each time, changed in one to three
    places: a character put in or taken out, a line indented or not, doubled or dropped."""
    rng = random.Random(15)
    texts = [_text(p) for p in FILES]
    outcomes = []
    for _ in range(1500):
        lines = rng.choice(texts).split("\n")
        at = rng.randrange(len(lines))
        lines = lines[max(0, at - 15) : at + 15]
        for _ in range(rng.randint(1, 3)):
            k = rng.randrange(len(lines))
            line, change = lines[k], rng.random()
            if change < 0.5:
                p = rng.randint(0, len(line))
                lines[k] = line[:p] + rng.choice(CHANGES) + line[p:]
            elif change < 0.65 and line:
                p = rng.randrange(len(line))
                lines[k] = line[:p] + line[p + 1 :]
            elif change < 0.75:
                lines[k] = "  " + line
            elif change < 0.85:
                lines[k] = line.removeprefix("  ")
            elif change < 0.92:
                lines.insert(k, rng.choice(lines))
            elif len(lines) > 1:
                del lines[k]
        outcomes.append(outcome("\n".join(lines)))
    wrong = [o for o in outcomes if o not in ("same", "left")]
    assert wrong == []
    assert outcomes.count("same") > 200


MODELS = {"templates": Theme, "meetings": Meeting}
"""The model of the files in a folder of that name; any other file is a content file."""


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_quick_load_is_an_exact_one(path):
    """Each file validates to the same model (types and all), with the same notes, read
    quickly or exactly."""
    model = next((m for folder, m in MODELS.items() if folder in path.parts), Content)
    how = {"max_bytes": 2 * 1024 * 1024, "prose": model is not Theme}
    quick = parse_file(path, model, **how)
    exact = parse_file(path, model, exact=True, **how)
    assert exact.exact and quick.notes == exact.notes
    a, b = validate(quick.data, model, path), validate(exact.data, model, path)
    assert _typed(a) == _typed(b)
