"""Hostile template files made in the tests, and a scanner for what an output must never hold.

Each maker edits a plain package (python-pptx's default deck, python-docx's default document
with a header and a footer) the way an attacker would: a part added, a relationship made
external, a field code put into a header. :func:`assert_clean` opens a written file and fails
on anything that can run, call out or fetch.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pptx
from lxml import etree

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
RT = R + "/"
HEADER_TEXT = "ACME HEADER"
LINK_TEXT = "ACME LINK TEXT"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
"""An OLE compound file's signature: encrypted OOXML, or a legacy .doc/.ppt."""

Edit = bytes | str | None | Callable[[bytes], bytes]


def base_pptx(folder: Path) -> Path:
    """python-pptx's default deck: a master, eleven layouts, no slides."""
    out = folder / "base.pptx"
    pptx.Presentation().save(str(out))
    return out


def base_docx(folder: Path) -> Path:
    """python-docx's default document with a header and a footer."""
    out = folder / "base.docx"
    doc = docx.Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = HEADER_TEXT
    section.footer.paragraphs[0].text = "ACME FOOTER"
    doc.add_paragraph("SAMPLE BODY")
    doc.save(str(out))
    return out


def repack(src: Path, dst: Path, edits: dict[str, Edit]) -> Path:
    """A copy of zip ``src`` at ``dst`` with entries replaced (bytes or text), edited (a
    function of the old bytes), added, or removed (``None``)."""
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name, edit in edits.items():
        if edit is None:
            parts.pop(name, None)
        elif callable(edit):
            parts[name] = edit(parts.get(name, b""))
        else:
            parts[name] = edit.encode() if isinstance(edit, str) else edit
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return dst


def add_rel(rid: str, kind: str, target: str, external: bool = False) -> Callable[[bytes], bytes]:
    """An edit adding one relationship to a ``.rels`` part (made if missing)."""
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"{mode}/>'

    def edit(old: bytes) -> bytes:
        text = (
            old.decode() or f'<?xml version="1.0"?><Relationships xmlns="{PKG_R}"></Relationships>'
        )
        return text.replace("</Relationships>", rel + "</Relationships>").encode()

    return edit


def insert(before: str, xml: str) -> Callable[[bytes], bytes]:
    """An edit putting ``xml`` in a part before the first ``before``."""

    def edit(old: bytes) -> bytes:
        text = old.decode()
        assert before in text, before
        return text.replace(before, xml + before, 1).encode()

    return edit


def prepend(text: str) -> Callable[[bytes], bytes]:
    """An edit putting ``text`` after a part's XML declaration (a DOCTYPE)."""

    def edit(old: bytes) -> bytes:
        decl, _, rest = old.decode().partition("?>")
        return f"{decl}?>{text}{rest}".encode()

    return edit


def sub(pattern: str, new: str) -> Callable[[bytes], bytes]:
    """An edit replacing the first match of ``pattern`` in a part."""

    def edit(old: bytes) -> bytes:
        text, n = re.subn(pattern, new, old.decode(), count=1)
        assert n == 1, pattern
        return text.encode()

    return edit


def content_type(old: str, new: str) -> Callable[[bytes], bytes]:
    return lambda data: data.decode().replace(old, new).encode()


def add_type(part: str, ctype: str) -> Callable[[bytes], bytes]:
    return insert("</Types>", f'<Override PartName="/{part}" ContentType="{ctype}"/>')


def truncated(src: Path, dst: Path) -> Path:
    dst.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    return dst


def zip_bomb(src: Path, dst: Path, media: str, megabytes: int, entries: int = 1) -> Path:
    """``src`` with ``entries`` entries of ``megabytes`` MB of zeros each under ``media``."""
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    zeros = bytes(megabytes * 2**20)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, data in parts.items():
            z.writestr(name, data)
        for i in range(entries):
            z.writestr(f"{media}{i}.png", zeros)
    return dst


# ---- the scanner ----------------------------------------------------------------------------

BAD_FIELDS = re.compile(
    r"\b(DDE|DDEAUTO|INCLUDEPICTURE|INCLUDETEXT|INCLUDE|LINK|IMPORT|DATABASE|MACROBUTTON)\b", re.I
)
BAD_ELEMENTS = {
    "attachedTemplate", "mailMerge", "oleObj", "OLEObject", "control", "altChunk", "subDoc",
    "updateFields", "script", "documentProtection", "writeProtection", "modifyVerifier",
    "saveThroughXslt",
}  # fmt: skip


def findings(path: Path) -> list[str]:
    """Everything in the package at ``path`` that can run, call out or fetch."""
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            lower = name.lower()
            if any(k in lower for k in ("vbaproject", "vbadata", "activex", "oleobject")):
                out.append(f"{name}: a macro, ActiveX or OLE part")
            if lower.startswith(("customxml/", "customui/")) or "webextension" in lower:
                out.append(f"{name}: custom XML, a ribbon or an add-in")
            data = z.read(name)
            if not lower.endswith((".xml", ".rels", ".vml", ".svg")):
                continue
            if b"<!DOCTYPE" in data:
                out.append(f"{name}: a DTD")
            if b"macroEnabled" in data:
                out.append(f"{name}: a macro-enabled content type")
            root = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
            out += [f"{name}: {m}" for m in _part_findings(root)]
    return out


def _part_findings(root) -> list[str]:
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        if local == "Relationship" and (el.get("TargetMode") or "").lower() == "external":
            out.append(f"external relationship to {el.get('Target')}")
        if local in ("style", "foreignObject") and root.tag.endswith("}svg"):
            out.append(f"SVG {local}")
        if local in BAD_ELEMENTS:
            out.append(f"element {local}")
        if local in ("instrText", "delInstrText") and BAD_FIELDS.search(el.text or ""):
            out.append(f"field {el.text!r}")
        for attr, value in el.attrib.items():
            name = etree.QName(attr).localname
            if name == "instr" and BAD_FIELDS.search(value):
                out.append(f"field {value!r}")
            if name == "action" and re.match(r"ppaction://(macro|program|ole)", value, re.I):
                out.append(f"action {value!r}")
            if name.lower().startswith("on") and root.tag.endswith("}svg"):
                out.append(f"script handler {name}")
            if re.search(r"url\(\s*['\"]?\s*(https?:|file:|ftp:|//)", value, re.I):
                out.append(f"outside reference {value!r}")
            if name in ("href", "src") and re.match(r"\s*(https?|file|ftp|smb):|\\\\", value):
                out.append(f"outside reference {value!r}")
    return out


def assert_clean(path: Path) -> None:
    """Fail if the written file at ``path`` holds anything that can run, call out or fetch."""
    found = findings(path)
    assert found == [], found


def zip_part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def zip_text(path: Path) -> str:
    """All the XML text of a package, to look for a template's words."""
    with zipfile.ZipFile(path) as z:
        return "".join(
            z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml")
        )
