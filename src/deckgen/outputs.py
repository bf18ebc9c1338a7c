"""The files deckgen writes, one entry each: how a content is planned into it, how the plan
is written, how a written file is checked. The command line, ``build``, ``check`` and
``preview`` find an output here by its suffix; a new format (PDF next) is one entry and its
modules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Content
from .options import BuildOptions
from .template.theme import Theme


@dataclass(frozen=True)
class Output:
    """One kind of file deckgen writes."""

    name: str
    """The command that writes it: ``pptx``, ``docx``."""
    suffix: str
    noun: str
    """What it is to a reader: "deck", "briefing"."""
    plan: Callable[[Content, Theme, BuildOptions], Any]
    """The plan (pure data) of a content, styled by a theme, shaped by build options."""
    write: Callable[[Any, Theme, Path], None]
    """Writes a plan to a path."""
    check: Callable[[Path, Path, Content | None], list]
    """What a reader would find wrong in a written file, given its PDF render (and the
    content, to find every sentence and figure in it): :mod:`deckgen.check`'s findings."""
    preview_columns: int
    """Pictures a row on a preview's contact sheet."""


def _plan_deck(content: Content, theme: Theme, options: BuildOptions):
    from .labels import overriding
    from .plan.deck import plan_deck

    with overriding(theme.labels, options.words):
        return plan_deck(content, theme, options)


def _write_deck(plan, theme: Theme, path: Path) -> None:
    from .render.pptx import write_pptx

    write_pptx(plan, theme, path)


def _plan_brief(content: Content, theme: Theme, options: BuildOptions):
    from .labels import overriding
    from .plan.brief import plan_brief

    with overriding(theme.labels, options.words):
        return plan_brief(content, theme, options)


def _write_brief(plan, theme: Theme, path: Path) -> None:
    from .render.docx import write_docx

    write_docx(plan, theme, path)


def _check_deck(path: Path, pdf: Path, content: Content | None) -> list:
    from .check import check_deck

    return check_deck(path, pdf, content)


def _check_brief(path: Path, pdf: Path, content: Content | None) -> list:
    from .check import check_briefing

    return check_briefing(path, pdf, content)


OUTPUTS: dict[str, Output] = {
    ".pptx": Output("pptx", ".pptx", "deck", _plan_deck, _write_deck, _check_deck, 5),
    ".docx": Output("docx", ".docx", "briefing", _plan_brief, _write_brief, _check_brief, 6),
}
"""Every output, by its suffix."""


def output_for(suffix: str) -> Output | None:
    """The output a file's suffix names (".PPTX" too), or None."""
    return OUTPUTS.get(suffix.lower())
