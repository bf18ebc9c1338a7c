"""PDF out: a deck or briefing written as usual, then printed to PDF by LibreOffice.

LibreOffice runs headless with a private profile in a temporary folder (see
:func:`deckgen.preview.convert`); the .pptx or .docx it prints is written in a temporary
folder too, so a PDF build leaves nothing behind but the PDF.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

PDF = ".pdf"


def as_pdf(write: Callable[[Path], Any], suffix: str, out: Path) -> Callable[[Path], Any]:
    """A writer of the PDF of what ``write`` writes as a ``suffix`` (.pptx, .docx) file,
    returning what ``write`` returns; ``out`` is the PDF's name, for errors."""

    def write_pdf(path: Path):
        from ..errors import OutputError
        from ..preview import to_pdf

        with tempfile.TemporaryDirectory(prefix="deckgen-pdf-") as folder:
            source = Path(folder) / f"{Path(out).stem or 'out'}{suffix}"
            warnings = write(source)
            try:
                pdf = to_pdf(source, Path(folder))
            except RuntimeError as err:
                raise OutputError(f"LibreOffice could not print it: {err}", file=out) from None
            shutil.copyfile(pdf, path)
        return warnings

    return write_pdf
