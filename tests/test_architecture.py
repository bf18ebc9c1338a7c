"""The house (issue 14): imports go one way, down the layers; no import cycle; no module over
500 lines. Read from the source with ``ast``: every import counts, those under
``TYPE_CHECKING`` and those inside functions too."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "deckgen"
MAX_LINES = 500

LAYERS: dict[str, int] = {
    # 0 what the author wrote, and how it is read
    "deckgen": 0,  # the package itself: __version__
    "deckgen.errors": 0,
    "deckgen.files": 0,
    "deckgen.forks": 0,
    "deckgen.limits": 0,  # what a user's files may hold: sizes, lengths, counts, depth
    "deckgen.geometry": 0,
    "deckgen.model": 0,
    "deckgen.target_text": 0,  # a target's text read: the model validates targets with it
    "deckgen.figures": 0,
    "deckgen.sentences": 0,
    "deckgen.captions": 0,
    "deckgen.labels": 0,
    "deckgen.builtin": 0,  # what comes with deckgen: package data found by importlib.resources
    # 1 inputs: content, templates, meeting profiles read; text measured
    "deckgen.load": 1,
    "deckgen.yaml_read": 1,  # YAML/JSON read safely: plain data, within the limits
    "deckgen.yaml_quick": 1,  # the YAML most files are written in, read quickly
    "deckgen.yaml_slips": 1,  # keyboard slips named in plain words
    "deckgen.text": 1,
    "deckgen.template": 1,  # theme, master and reference.docx readers, scaffold
    "deckgen.theme": 1,  # a re-export of template.theme until plan/ imports that
    "deckgen.options": 1,
    "deckgen.meeting": 1,
    "deckgen.importer": 1,  # `deckgen import`: a report (.txt, .md, .docx) read into a content
    # 2 the plan: what goes where, at what size (pure data)
    "deckgen.plan": 2,
    # 3 outputs written from a plan; what was written (or a template) looked at
    "deckgen.render": 3,
    "deckgen.check": 3,
    "deckgen.preview": 3,
    "deckgen.template.inspect": 3,  # `template show`: the layout each slide kind goes on
    # 4 what a program calls
    "deckgen.outputs": 4,
    "deckgen.api": 4,
    "deckgen.look": 4,  # check and preview of written files, exported by api
    "deckgen.watch": 4,  # `deckgen watch`: rebuilds when an input changes
    # 5 the command line
    "deckgen.cli": 5,
    "deckgen.cli_base": 5,  # the app and its habits: -h, -q/-v, --strict, options once
    "deckgen.cli_build": 5,  # new, pptx, docx, build
}
"""Each module's layer: the entry of its own name or, failing that, of its nearest package
(below the root). A module may import from its own layer and those below it, never from one
above."""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(name: str) -> int | None:
    """The layer of ``name``'s own entry, else of its nearest listed package (not the root:
    a new top-level module must be given a layer)."""
    if name in LAYERS:
        return LAYERS[name]
    parent = name.rpartition(".")[0]
    return layer_of(parent) if "." in parent else None


def known(name: str) -> str | None:
    """``name`` if it is a module of deckgen, else its nearest package that is."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports(name: str, source: str, is_package: bool = False) -> list[tuple[str, int]]:
    """The deckgen modules the module ``name`` (of text ``source``) imports, each with the line
    of the import: at the top, under ``if TYPE_CHECKING:`` or inside a function alike."""
    package = name if is_package else name.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            # ``from pkg import mod`` imports the module pkg.mod; ``from mod import name``, mod.
            targets = [
                f"{module}.{a.name}" if f"{module}.{a.name}" in MODULES else module
                for a in node.names
            ]
        else:
            continue
        for target in targets:
            if target.split(".")[0] == "deckgen" and (found := known(target)) not in (None, name):
                out.append((found, node.lineno))
    return out


GRAPH = {
    name: imports(name, path.read_text(encoding="utf-8"), path.name == "__init__.py")
    for name, path in MODULES.items()
}


def test_every_module_has_a_layer():
    unlisted = [name for name in MODULES if layer_of(name) is None]
    assert unlisted == [], f"put these in a layer of LAYERS: {unlisted}"


def test_no_import_goes_up_a_layer():
    upward = [
        f"{name} (layer {layer_of(name)}) imports {target} (layer {layer_of(target)}), "
        f"{MODULES[name].relative_to(SRC.parent)}:{line}"
        for name, edges in GRAPH.items()
        for target, line in edges
        if (layer_of(target) or 0) > (layer_of(name) or 0)
    ]
    assert upward == [], "imports up a layer:\n" + "\n".join(upward)


def cycles(graph: dict[str, list[tuple[str, int]]]) -> list[list[str]]:
    """The import cycles of ``graph``: each strongly connected group of two or more modules
    (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(name: str) -> None:
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        for target, _ in graph[name]:
            if target not in index:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in on_stack:
                low[name] = min(low[name], index[target])
        if low[name] == index[name]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == name:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for name in graph:
        if name not in index:
            visit(name)
    return sorted(found)


def test_no_import_cycle():
    found = cycles(GRAPH)
    assert found == [], "import cycles:\n" + "\n".join(" ⇄ ".join(c) for c in found)


def test_no_module_over_500_lines():
    long = {
        str(path.relative_to(SRC.parent)): n
        for path in MODULES.values()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"modules over {MAX_LINES} lines: {long}"


def test_one_rect():
    """The master reader's rectangles and the plan's are one class."""
    from deckgen.geometry import Rect
    from deckgen.plan.slides import Rect as PlanRect

    assert PlanRect is Rect, "plan/slides.py: import Rect from deckgen.geometry"


DECIDES_LANGUAGE = re.compile(r"""\.startswith\(["'](zh|en)["']\)|\blanguage_of\(""")
"""A language decided again: the model decides it (``Meta.lang``, ``language_of_tag``), the
labels' by ``labels.labels_language``."""


def test_the_language_is_decided_in_the_model_only():
    again = [
        f"{path.relative_to(SRC.parent)}:{number}: {line.strip()}"
        for name, path in MODULES.items()
        if name not in ("deckgen.model", "deckgen.labels")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if DECIDES_LANGUAGE.search(line)
    ]
    assert again == [], "the language decided again:\n" + "\n".join(again)


def test_every_kind_of_import_is_seen():
    source = """
from typing import TYPE_CHECKING

from . import model
from .plan import slides
from .template.theme import Theme

if TYPE_CHECKING:
    from .render.pptx import write_pptx


def later():
    import deckgen.cli
"""
    found = {target for target, _ in imports("deckgen.labels", source)}
    assert found == {
        "deckgen.model",
        "deckgen.plan.slides",
        "deckgen.template.theme",
        "deckgen.render.pptx",
        "deckgen.cli",
    }


def test_layers_and_cycles_are_found():
    assert layer_of("deckgen.plan.kinds.cover") == 2 and layer_of("deckgen.template.inspect") == 3
    assert layer_of("deckgen.nowhere") is None
    graph = {"a": [("b", 1)], "b": [("c", 1)], "c": [("a", 1), ("d", 1)], "d": [], "e": [("d", 1)]}
    assert cycles(graph) == [["a", "b", "c"]]
