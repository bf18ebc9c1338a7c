"""The faces a written file declares and the faces its render embedded: a declared face the
render did not have is named, with the face fontconfig (under deckgen's mapping, as the
render) set in its place — the page looks like that stand-in, not like the face asked for."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from ..text.faces import same_face
from ..text.fonts import font_file
from .model import NS, Finding, W
from .pdf import read_pdf


def declared_faces(docx: Path) -> list[str]:
    """The faces a .docx's font table declares, in its order."""
    with zipfile.ZipFile(docx) as z:
        if "word/fontTable.xml" not in z.namelist():
            return []
        root = etree.fromstring(z.read("word/fontTable.xml"))
    return [f.get(f"{{{W}}}name") for f in root.iterfind("w:font", NS) if f.get(f"{{{W}}}name")]


def embedded_faces(pdf: Path) -> set[str]:
    """The fonts a PDF draws its characters in (PostScript names, no subset prefix)."""
    return {c.font for page in read_pdf(pdf) for c in page.chars}


def substitutions(docx: Path, pdf: Path) -> list[tuple[str, str]]:
    """(declared face, stand-in) for every face of ``docx`` that its render ``pdf`` does not
    embed under any of its names; the stand-in is what fontconfig gives for it."""
    embedded = embedded_faces(pdf)
    out = []
    for name in declared_faces(docx):
        if any(same_face(name, font) for font in embedded):
            continue
        found = font_file(name)
        out.append((name, found.family if found is not None and found.family else "?"))
    return out


def substituted_faces(docx: Path, pdf: Path) -> list[Finding]:
    """A warning for each declared face the render set in another face."""
    return [
        Finding(
            "fontTable.xml",
            "face substituted",
            f"{name} is set in {standin}: the render has no {name}",
            warning=True,
        )  # fmt: skip
        for name, standin in substitutions(docx, pdf)
    ]
