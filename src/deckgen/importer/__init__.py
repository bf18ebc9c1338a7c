"""``deckgen import``: a report (.txt, .md, .docx) turned into a commented content file.

The way through: a reader (:mod:`.read_text`, :mod:`.read_docx`) gives the report's
paragraphs with their lines; :mod:`.clutter` sets aside what is not the report (web-page
clutter, pictures, footnote markers, glossaries), reporting each; :mod:`.recognise` finds
the parts and fills the content's fields with the report's own words, verbatim;
:mod:`.writer` writes them in the report's order, with comments, atomically.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .clutter import Skipped
from .paragraphs import Para
from .read_docx import read_docx
from .read_text import decode, read_markdown, read_txt
from .recognise import Imported, recognise

__all__ = ["READERS", "Imported", "Skipped", "import_report", "read_paragraphs", "read_report"]

READERS = (".txt", ".md", ".markdown", ".docx")
"""The kinds of report ``deckgen import`` reads, by suffix."""


def read_paragraphs(path: Path) -> tuple[list[Para], str | None]:
    """The report's paragraphs and the text encoding it was read in (None for .docx)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in READERS:
        raise InputError(
            f"cannot import a {suffix or 'suffix-less'} file: give a .txt, .md or .docx report",
            file=path,
        )
    if not path.exists():
        raise InputError("no such file", file=path)
    if path.is_dir():
        raise InputError("is a directory, not a file", file=path)
    if suffix == ".docx":
        return read_docx(path), None
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror}", file=path) from err
    text, encoding = decode(path, raw)
    paras = read_txt(text) if suffix == ".txt" else read_markdown(text)
    return paras, encoding


def read_report(path: Path) -> Imported:
    """A report recognised as a content (not yet written)."""
    paras, _ = read_paragraphs(path)
    if not any(p.text for p in paras):
        raise InputError("the report holds no text", file=path)
    return recognise(paras, Path(path).stem)


def import_report(report: Path, out: Path, force: bool = False) -> Imported:
    """Read ``report`` and write its content to ``out`` (a .yaml file), atomically. Refuses
    to write over an existing file unless ``force``, and never over the report itself."""
    from ..errors import OutputError
    from ..files import atomic_write
    from .writer import content_text

    report, out = Path(report), Path(out)
    if out.suffix.lower() not in (".yaml", ".yml"):
        raise OutputError("a content file is written as YAML: name it .yaml", file=out)
    if out.exists() and report.exists() and out.resolve() == report.resolve():
        raise OutputError("is the report itself: give another -o", file=out)
    if out.exists() and not force:
        raise OutputError("already exists; not overwritten (give --force to replace it)", file=out)
    imported = read_report(report)
    text = content_text(imported, report)
    atomic_write(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return imported
