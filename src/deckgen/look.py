"""Looking at written files as LibreOffice renders them: what a reader would find wrong
(``deckgen check``) and a picture of every slide or page (``deckgen preview``). Part of
:mod:`deckgen.api`, which exports both."""

from __future__ import annotations

from pathlib import Path


def check_file(path: str | Path, content_path: str | Path | None = None) -> list:
    """What a reader would find wrong in a written deck or briefing, as
    :class:`deckgen.check.Finding` s, each naming the slide, or the page and paragraph.

    Rendered by LibreOffice (needed): runs with Chinese lacking an East Asian font or
    language, invisible characters, breaks inside sentences and tabs in running text,
    full-width punctuation in English text, text spilling out of its shape (decks),
    punctuation lost in the render, library defaults in the properties, and (warnings)
    figures split across lines; with ``content_path``, each sentence and figure of that
    content the file does not hold verbatim. See :mod:`deckgen.check`.
    """
    found = check_files([path], content_path)[0]
    if isinstance(found, Exception):
        raise found
    return found


def check_files(paths, content_path: str | Path | None = None) -> list:
    """:func:`check_file` of several files, rendered in one start of LibreOffice and
    checked on every core: for each file, in order, its findings, or the
    :class:`~deckgen.errors.DeckgenError` saying why it could not be checked (a file that is
    not a deck or briefing, or that will not open)."""
    import functools
    import os
    import tempfile

    from .errors import DeckgenError
    from .forks import run_all
    from .load import load_content
    from .preview import terminated_raises, to_pdfs

    checked: list = []
    for path in paths:
        try:
            checked.append(_written_file(path, "to check the layout"))
        except DeckgenError as err:
            checked.append(err)
    content = load_content(content_path) if content_path is not None else None
    files = [p for p in checked if isinstance(p, Path)]
    with terminated_raises(), tempfile.TemporaryDirectory(prefix="deckgen-check-") as tmp:
        pdfs = dict(zip(files, to_pdfs(files, Path(tmp)), strict=True)) if files else {}
        checks = [functools.partial(_check, p, pdfs[p], content) for p in files]
        costs = [p.stat().st_size for p in files]
        findings = run_all(checks, processes=os.cpu_count(), costs=costs)
        found = dict(zip(files, findings, strict=True))
        return [p if isinstance(p, Exception) else found[p] for p in checked]


def _check(path: Path, pdf: Path | None, content) -> list:
    """The findings of one written file, given its PDF render (None: LibreOffice made none),
    or the error saying it cannot be opened."""
    from .errors import DeckgenError, InputError
    from .outputs import output_for

    suffix = path.suffix.lower()
    try:
        if pdf is None:
            raise RuntimeError("LibreOffice could not render it")
        return output_for(suffix).check(path, pdf, content)
    except DeckgenError as err:
        return err
    except Exception as err:  # python-pptx/-docx and LibreOffice refuse a broken file
        return InputError(f"cannot open it as a {suffix} file ({err})", file=path)


def preview_file(path: str | Path, out: str | Path | None = None, dpi: int = 50) -> Path:
    """One PNG showing every slide or page of a written deck or briefing, as LibreOffice
    renders it; default ``output/<stem>.png``."""
    import tempfile

    from .files import atomic_write, refuse_inputs
    from .outputs import output_for
    from .preview import contact_sheet, to_pdf, to_png

    path = _written_file(path, "for a preview")
    out = Path(out) if out else Path("output") / f"{path.stem}.png"
    refuse_inputs(out, [path])
    columns = output_for(path.suffix).preview_columns
    with tempfile.TemporaryDirectory(prefix="deckgen-preview-") as tmp:
        pngs = to_png(to_pdf(path, Path(tmp)), Path(tmp), dpi=dpi)
        return atomic_write(out, lambda t: contact_sheet(pngs, t, columns=columns))


def _written_file(path: str | Path, need: str) -> Path:
    """``path`` if it is a .pptx or .docx file and LibreOffice is there to render it."""
    from .errors import InputError
    from .outputs import OUTPUTS, output_for
    from .preview import need_soffice

    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", file=path)
    if output_for(path.suffix) is None:
        raise InputError(f"expected a {' or '.join(OUTPUTS)} file", file=path)
    from .template.package import check_package

    check_package(path, f"{path.suffix} file")  # a zip bomb never reaches LibreOffice
    need_soffice(need)
    return path
