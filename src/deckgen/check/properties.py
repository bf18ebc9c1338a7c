"""Document properties a writing library left behind: python-pptx's and python-docx's own.

Both libraries start a file from a template of theirs, and what is not overwritten stays:
"python-docx" as author, "Steve Canny" as last editor, "generated using python-pptx" as
comments, dates in 2013, "Microsoft Macintosh PowerPoint" as the application with "0
slides", and the template's thumbnail picture. The values are read from the libraries'
templates themselves (and their defaults for a file without properties), so a library
update is followed.
"""

from __future__ import annotations

import zipfile
from functools import lru_cache
from pathlib import Path

from lxml import etree

from .model import Finding

_CORE = {
    "dc:title": "title",
    "dc:subject": "subject",
    "dc:creator": "author",
    "cp:keywords": "keywords",
    "dc:description": "comments",
    "cp:lastModifiedBy": "last modified by",
    "cp:category": "category",
    "dcterms:created": "created",
    "dcterms:modified": "modified",
    "cp:lastPrinted": "last printed",
}
_CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
_APP_NS = {"ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}
KNOWN = frozenset(
    {"python-pptx", "python-docx", "Steve Canny", "PowerPoint Presentation", "Word Document"}
)
"""What the libraries write when a file has no properties part (CorePropertiesPart.default)."""


def _templates() -> list[Path]:
    import docx
    import pptx

    return [
        Path(pptx.__file__).parent / "templates" / "default.pptx",
        Path(docx.__file__).parent / "templates" / "default.docx",
    ]


def _read(path: Path, name: str) -> bytes | None:
    try:
        with zipfile.ZipFile(path) as z:
            return z.read(name)
    except (KeyError, OSError, zipfile.BadZipFile):
        return None


def _core(blob: bytes | None) -> dict[str, str]:
    if not blob:
        return {}
    root = etree.fromstring(blob)
    out = {}
    for tag in _CORE:
        prefix, local = tag.split(":")
        el = root.find(f"{{{_CORE_NS[prefix]}}}{local}")
        if el is not None and (el.text or "").strip():
            out[tag] = el.text.strip()
    return out


def _app(blob: bytes | None) -> dict[str, str]:
    if not blob:
        return {}
    root = etree.fromstring(blob)
    return {
        etree.QName(el).localname: (el.text or "").strip()
        for el in root
        if len(el) == 0 and (el.text or "").strip()
    }


@lru_cache(maxsize=1)
def library_defaults() -> tuple[dict[str, set[str]], set[str], list[bytes]]:
    """(core values by tag, app.xml Application names, thumbnails) of the libraries' templates."""
    core: dict[str, set[str]] = {}
    apps: set[str] = set()
    thumbs: list[bytes] = []
    for template in _templates():
        for tag, value in _core(_read(template, "docProps/core.xml")).items():
            core.setdefault(tag, set()).add(value)
        app = _app(_read(template, "docProps/app.xml")).get("Application")
        if app:
            apps.add(app)
        thumb = _read(template, "docProps/thumbnail.jpeg")
        if thumb:
            thumbs.append(thumb)
    return core, apps, thumbs


def library_properties(path: Path, slides: int | None = None) -> list[Finding]:
    """Library default values left in a file's properties (docProps/core.xml, app.xml,
    thumbnail), and an app.xml that counts ``slides`` wrongly."""
    core_defaults, apps, thumbs = library_defaults()
    found: list[Finding] = []
    for tag, value in _core(_read(path, "docProps/core.xml")).items():
        if value in KNOWN or value in core_defaults.get(tag, ()):
            found.append(
                Finding(
                    "docProps/core.xml",
                    "library default property",
                    f"{_CORE[tag]} is {value!r}, the writing library's, not the report's",
                )
            )
    app = _app(_read(path, "docProps/app.xml"))
    if app.get("Application") in apps:
        found.append(
            Finding(
                "docProps/app.xml",
                "library default property",
                f"application is {app['Application']!r} (the library template's)",
            )
        )
    if slides is not None and "Slides" in app and app["Slides"] != str(slides):
        found.append(
            Finding(
                "docProps/app.xml",
                "library default property",
                f"says {app['Slides']} slides; the deck has {slides}",
            )
        )
    thumb = _read(path, "docProps/thumbnail.jpeg")
    if thumb and thumb in thumbs:
        found.append(
            Finding(
                "docProps/thumbnail.jpeg",
                "library default property",
                "the thumbnail is the library template's picture, not this file's",
            )
        )
    return found
