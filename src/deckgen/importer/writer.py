"""Writing an imported report as a commented content file, in the report's order.

The file is YAML that ``deckgen validate`` and ``deckgen build`` take as it is. Comments
say where each part and item comes from in the report (its lines), which readings are
guesses, and, after the content, what was left out as not the report's text (web clutter,
pictures, glossary, footnote markers). Text that could not be placed is under
``unplaced:``, marked as never shown. Strings are written whole, never folded (a folded
line would read back with a space inside a Chinese sentence).
"""

from __future__ import annotations

import io
from pathlib import Path

from .blocks import Piece, strings_in
from .recognise import Imported

__all__ = ["content_text"]

_PART_NOTES = {
    "meta": "What the report is. Check the title; add organisation, region or date where the"
    " report did not say them.",
    "review": "Last year's review: its summary, then its highlights, each with its points.",
    "problems": "The problems the report admits (shown when a meeting profile lists"
    " `problems` in its parts).",
    "targets": "The year's targets; value, unit and kind are read from each text.",
    "plan": "This year's plan: requirements, intro, then its commitments.",
    "closing": "The closing part and the report's closing appeal.",
    "unplaced": "NOT SHOWN on any slide or page: text deckgen import could not place. Move"
    " each into its part (or delete it); `deckgen validate` warns while any is left.",
}


def content_text(imported: Imported, report: Path) -> str:
    """The content file's text."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    root = _commented(imported.content)
    assert isinstance(root, CommentedMap)
    for key in list(root):
        note = _PART_NOTES.get(key, "")
        where = _lines(imported.content[key])
        if where and key != "meta":
            note += f" (report lines {where[0]}–{where[1]})"
        root.yaml_set_comment_before_after_key(key, before="\n" + _wrap(note), indent=0)
    yaml = YAML(typ="rt")
    yaml.width = 1_000_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    buffer = io.StringIO()
    yaml.dump(root, buffer)
    return _header(imported, report) + buffer.getvalue().lstrip("\n") + _left_out(imported, report)


def _header(imported: Imported, report: Path) -> str:
    lines = [
        f"# Imported by `deckgen import` from {report.name}: the report's own words, verbatim,",
        "# in its parts. Next: `deckgen validate` this file (its summary counts what was",
        "# found), fix what the guesses below name, then `deckgen build` it.",
    ]
    if imported.guesses:
        lines.append("#")
        lines.append("# Guesses to check (report line: what was guessed):")
        lines += [f"#   {line}: {message}" for line, message in imported.guesses]
    return "\n".join(lines) + "\n"


def _left_out(imported: Imported, report: Path) -> str:
    if not imported.skipped:
        return ""
    lines = ["", "# Left out as not the report's text (report line, why, what):"]
    for s in imported.skipped:
        text = " ".join(s.text.split())
        lines.append(f"#   {s.line}: {s.why}: {text[:60]}{'…' if len(text) > 60 else ''}")
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int = 88) -> str:
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


def _commented(value: object) -> object:
    """Plain data as ruamel's commented maps and sequences; items noted with their line."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = _commented(item)
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_commented(v) for v in value)
        for i, v in enumerate(value):
            line = _first_line(v)
            if isinstance(v, dict) and ("title" in v or "heading" in v) and line:
                seq.yaml_add_eol_comment(f"line {line}", i, column=0)
        return seq
    if isinstance(value, Piece):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _first_line(value: object) -> int | None:
    return next((s.line for s in strings_in(value) if isinstance(s, Piece) and s.line), None)


def _lines(value: object) -> tuple[int, int] | None:
    found = [s.line for s in strings_in(value) if isinstance(s, Piece) and s.line]
    return (min(found), max(found)) if found else None
