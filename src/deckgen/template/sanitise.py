"""Template packages taken in safely: a master (.pptx/.potx) or reference document
(.docx/.dotx) is checked and cleaned here before python-pptx or python-docx reads it.

Refused, with one line naming the file (and the part): what is not a regular file, an
encrypted or legacy binary file (an OLE compound file), a damaged zip, a zip past the limits
(entries, inflated bytes, compression ratio — checked before anything is inflated), a
macro-enabled package, an XML part with a DTD (no XXE, no billion laughs) or not well formed.

Dropped, so that nothing of a template can run, call out or fetch: every external
relationship (hyperlinks, linked pictures, OLE links, an ``attachedTemplate``, mail-merge
sources), and every relationship to an OLE object, ActiveX control, embedded package, custom
XML, add-in, ribbon customisation, glossary, alternative-format chunk or subdocument, with
the elements that use them; the parts nothing reaches any more; Word fields other than the
plain ones (:data:`FIELDS`: DDE, DDEAUTO, INCLUDEPICTURE, INCLUDETEXT, LINK, DATABASE,
MACROBUTTON… go, with any field that computes its own instruction); ``w:mailMerge``,
``w:attachedTemplate``, ``w:updateFields``, transform-on-save settings and the template's
passwords; macro and program actions of PowerPoint links; URLs in VML; scripts, style
sheets, event handlers and outside references in SVG pictures.

A ``.potx``/``.dotx`` (or ``.ppsx``) is taken as the presentation/document it holds.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

from ..errors import InputError
from .package import (
    CONTENT_TYPES,
    parse,
    read_parts,
    rels_of,
    serialise,
    source_of,
    target_of,
    write_zip,
)

_CT = CONTENT_TYPES
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_VML = ("{urn:schemas-microsoft-com:vml}", "{urn:schemas-microsoft-com:office:office}")
_O_RELID = "{urn:schemas-microsoft-com:office:office}relid"
_OFFICE_DOCUMENT = "/officeDocument"

KINDS = {
    "pptx": ("PowerPoint file", ".pptx", "presentationml.presentation.main+xml"),
    "docx": ("Word file", ".docx", "wordprocessingml.document.main+xml"),
}
"""Each kind of template package: its noun, suffix, and main part's content type."""
_PRINTER = {
    "pptx": "presentationml.printerSettings",
    "docx": "wordprocessingml.printerSettings",
}
_RUNNABLE = re.compile(r"oleobject|activex|vbaproject|macroenabled|vbadata|\.vba", re.I)
"""Content types of parts that run or embed something: never given to a kept part."""
_MAIN_TYPES = {
    "pptx": ("presentationml.presentation.main", "presentationml.template.main",
             "presentationml.slideshow.main"),
    "docx": ("wordprocessingml.document.main", "wordprocessingml.template.main"),
}  # fmt: skip
_OOXML = "application/vnd.openxmlformats-officedocument."

HOSTILE_RELATIONSHIPS = frozenset(
    {
        "vbaproject", "wordvbadata", "activexcontrol", "activexcontrolbinary", "oleobject",
        "package", "control", "attachedtemplate", "mailmergesource", "mailmergeheadersource",
        "mailmergerecipientdata", "customxml", "customxmlprops", "afchunk", "subdocument",
        "frame", "webextension", "webextensiontaskpanes", "glossarydocument",
        "keymapcustomizations", "attachedtoolbars", "extensibility", "usercustomization",
        "slideupdateinfo", "recipientdata", "legacydoctextinfo",
    }
)  # fmt: skip
"""Relationship types (their last word, lower case) that are dropped wherever they are."""

FIELDS = frozenset(
    {
        "PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "DATE", "TIME", "CREATEDATE", "SAVEDATE",
        "PRINTDATE", "EDITTIME", "AUTHOR", "TITLE", "SUBJECT", "KEYWORDS", "COMMENTS",
        "LASTSAVEDBY", "NUMWORDS", "NUMCHARS", "DOCPROPERTY", "INFO", "REF", "PAGEREF",
        "NOTEREF", "STYLEREF", "SEQ", "TOC", "TC", "TOA", "TA", "XE", "INDEX", "SYMBOL", "EQ",
        "ADVANCE", "LISTNUM", "AUTONUM", "AUTONUMLGL", "AUTONUMOUT", "BARCODE", "QUOTE",
        "FORMTEXT", "FORMCHECKBOX", "FORMDROPDOWN", "BIDIOUTLINE", "=",
    }
)  # fmt: skip
"""The Word fields a template keeps: they number, date and cross-refer within the file.
Every other field (DDE, DDEAUTO, INCLUDEPICTURE, INCLUDETEXT, LINK, IMPORT, DATABASE,
HYPERLINK, MACROBUTTON, FILENAME…) is removed with its result."""

_HOSTS = {"oleObj": "graphicFrame", "OLEObject": "object", "control": "object"}
"""An element using a dropped relationship whose nearest ancestor named here goes with it."""
_ATTRIBUTE_ONLY = {"blip", "imagedata", "hyperlink", "fill", "stroke", "textpath"}
"""Elements that stay when a relationship they use is dropped: only the reference goes."""
_NEED_CHILDREN = {"controls", "ext", "AlternateContent"}
"""Containers removed when their last child goes."""
_MACRO_PARTS = ("vbaproject.bin", "vbadata.xml", "vbaprojectsignature.bin")
_BAD_ACTIONS = ("ppaction://macro", "ppaction://program", "ppaction://ole")
_DROPPED = tuple(
    f"{{http://schemas.openxmlformats.org/{ns}}}{tag}"
    for ns, tags in (
        ("wordprocessingml/2006/main", "attachedTemplate mailMerge updateFields linkStyles "
         "saveThroughXslt useXSLTWhenSaving documentProtection writeProtection"),
        ("presentationml/2006/main", "modifyVerifier"),
    )
    for tag in tags.split()
)  # fmt: skip
"""Settings that fetch, merge, update fields on opening or transform on saving, and the
template's passwords (a briefing locked by the reference's protection is no use)."""
_URL = re.compile(r"^\s*([a-z][a-z0-9+.-]*:|[\\/]{2})", re.I)


def clean_package(path: str | Path, kind: str) -> bytes:
    """The template package at ``path`` (``kind`` ``"pptx"`` or ``"docx"``), cleaned: the
    bytes of a zip python-pptx or python-docx can open. :class:`InputError` naming ``path``
    (and the part) when it is refused."""
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError:
        read_parts(path, KINDS[kind][0])  # says why it cannot be read
        raise
    return _cleaned(str(path), kind, info.st_mtime_ns, info.st_size, info.st_ino)


@lru_cache(maxsize=8)
def _cleaned(path: str, kind: str, *_version: int) -> bytes:
    parts = read_parts(Path(path), KINDS[kind][0])
    return write_zip(Cleaner(parts, kind, Path(path)).clean())


class Cleaner:
    """One package's parts cleaned in place: relationships, parts, then each XML part."""

    def __init__(self, parts: dict[str, bytes], kind: str, path: Path) -> None:
        self.parts = parts
        self.kind = kind
        self.path = path
        self.noun = KINDS[kind][0]
        self.lower = {name.lower(): name for name in parts}
        self.kept: dict[str, set[str]] = {}
        """Each part's relationship ids that stay."""

    def refuse(self, message: str) -> InputError:
        return InputError(message, file=self.path)

    def clean(self) -> dict[str, bytes]:
        types_name = self.lower.get(_CT.lower())
        if types_name is None:
            raise self.refuse(f"not a {self.noun}: no {_CT}")
        types = parse(self.parts[types_name], _CT, self.path)
        self._refuse_macros(types)
        links = self._relationships()
        main = self._main(types)
        reached = self._reach(links) | {types_name}
        for name in [n for n in self.parts if n not in reached]:
            del self.parts[name]
        self._content_types(types_name, types, main)
        for name in self.parts:
            if name != types_name and _is_xml(name, _content_type(types, name)):
                self._clean_part(name)
        return self.parts

    def _refuse_macros(self, types) -> None:
        found = [n for n in self.parts if n.lower().rsplit("/", 1)[-1] in _MACRO_PARTS]
        found += [
            ctype
            for entry in types
            if "macroenabled" in (ctype := entry.get("ContentType") or "").lower()
            or ".vba" in ctype.lower()
        ]
        if found:
            suffix = KINDS[self.kind][1]
            raise self.refuse(f"holds macros ({found[0]}): save it without macros as a {suffix}")

    def _relationships(self) -> dict[str, list[str]]:
        """Drop hostile, external and dangling relationships; each part's kept targets."""
        links: dict[str, list[str]] = {}
        for name in [n for n in self.parts if n.lower().endswith(".rels")]:
            root = parse(self.parts[name], name, self.path)
            source = source_of(name)
            source = self.lower.get(source.lower(), source)
            targets, ids = links.setdefault(source, []), self.kept.setdefault(source, set())
            for rel in list(root):
                kind = (rel.get("Type") or "").rstrip("/").rsplit("/", 1)[-1].lower()
                external = (rel.get("TargetMode") or "").lower() == "external"
                target = target_of(source, rel.get("Target") or "").lower()
                if external or kind in HOSTILE_RELATIONSHIPS or target not in self.lower:
                    root.remove(rel)
                else:
                    targets.append(self.lower[target])
                    ids.add(rel.get("Id") or "")
            self.parts[name] = serialise(root)
        return links

    def _reach(self, links: dict[str, list[str]]) -> set[str]:
        """The parts reached from the package's relationships, with their own ``.rels``."""
        reached: set[str] = set()
        todo = [""]
        while todo:
            source = todo.pop()
            rels = self.lower.get(rels_of(source).lower())
            if rels:
                reached.add(rels)
            for target in links.get(source, []):
                if target not in reached:
                    reached.add(target)
                    todo.append(target)
        return reached

    def _main(self, types) -> str:
        """The main part's name; refused unless it is this kind's."""
        rels = self.lower.get("_rels/.rels")
        found = parse(self.parts[rels], rels, self.path) if rels else ()
        main = next(
            (
                target_of("", r.get("Target") or "")
                for r in found
                if (r.get("Type") or "").endswith(_OFFICE_DOCUMENT)
            ),
            "",
        ).lower()
        if main not in self.lower:
            raise self.refuse(f"not a {self.noun}: no main part")
        ctype = _content_type(types, main).lower()
        for kind, (noun, _, _) in KINDS.items():
            if any(ctype.endswith(t + "+xml") for t in _MAIN_TYPES[kind]):
                if kind == self.kind:
                    return self.lower[main]
                raise self.refuse(f"not a {self.noun}: it is a {noun}")
        raise self.refuse(f"not a {self.noun}: its main part is {ctype or 'of no type'}")

    def _content_types(self, types_name: str, types, main: str) -> None:
        """Overrides only for parts kept; the main part a presentation's or document's."""
        kept = {n.lower() for n in self.parts}
        main_type = _OOXML + KINDS[self.kind][2]
        for entry in list(types):
            partname = (entry.get("PartName") or "").lstrip("/").lower()
            if entry.tag == f"{_CT_NS}Default" and _RUNNABLE.search(entry.get("ContentType", "")):
                # An extension typed as an OLE object, ActiveX control or macro would pass
                # that type to a kept part of the extension (printer settings' .bin).
                if (entry.get("Extension") or "").lower() == "bin":
                    entry.set("ContentType", _OOXML + _PRINTER[self.kind])
                else:
                    types.remove(entry)
            elif entry.tag == f"{_CT_NS}Override" and partname not in kept:
                types.remove(entry)
            elif partname == main.lower():
                entry.set("ContentType", main_type)
        if not any((e.get("PartName") or "").lstrip("/").lower() == main.lower() for e in types):
            etree.SubElement(types, f"{_CT_NS}Override", PartName="/" + main, ContentType=main_type)
        self.parts[types_name] = serialise(types)

    def _clean_part(self, name: str) -> None:
        root = parse(self.parts[name], name, self.path)
        if etree.QName(root).localname == "svg" or name.lower().endswith(".svg"):
            _clean_svg(root)
        else:
            _drop_references(root, self.kept.get(name, set()))
            _drop_objects(root)
            _drop_actions(root)
            _drop_vml_urls(root)
            if root.tag.startswith(_W):
                _drop_fields(root)
            for el in list(root.iter(*_DROPPED)):
                _remove(el)
        self.parts[name] = serialise(root)


def _is_xml(name: str, ctype: str) -> bool:
    """Whether a part is XML, by its content type or its name."""
    ctype = ctype.lower()
    return (
        ctype.endswith("xml")
        or "vmldrawing" in ctype
        or name.lower().endswith((".xml", ".vml", ".svg", ".rels"))
    ) and not name.lower().endswith(".rels")


def _content_type(types, name: str) -> str:
    for entry in types:
        if (entry.get("PartName") or "").lstrip("/").lower() == name.lower():
            return entry.get("ContentType") or ""
    extension = name.rsplit(".", 1)[-1].lower()
    return next(
        (
            e.get("ContentType") or ""
            for e in types
            if (e.get("Extension") or "").lower() == extension
        ),
        "",
    )


def _remove(el) -> None:
    """Remove ``el``; then its parent too if that was a container left empty."""
    parent = el.getparent()
    if parent is None:
        return
    parent.remove(el)
    if etree.QName(parent).localname in _NEED_CHILDREN and len(parent) == 0:
        _remove(parent)


def _remove_host(el) -> None:
    """Remove ``el`` or the element it belongs to (an OLE object's frame…); an alternative
    of markup compatibility goes whole."""
    local = etree.QName(el).localname
    host = el
    if local in _HOSTS:
        host = next(
            (a for a in el.iterancestors() if etree.QName(a).localname == _HOSTS[local]), el
        )
    parent = host.getparent()
    if parent is not None and parent.tag in (f"{_MC}Choice", f"{_MC}Fallback"):
        host = parent.getparent()
    if host is not None and host.getparent() is not None:
        _remove(host)


def _drop_references(root, kept: set[str]) -> None:
    """Elements using a relationship that was dropped (or never was): the reference, or the
    element, goes."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        attrs = [
            a for a, v in el.attrib.items() if (a.startswith(_R) or a == _O_RELID) and v not in kept
        ]
        if not attrs:
            continue
        if etree.QName(el).localname in _ATTRIBUTE_ONLY or el.getparent() is None:
            for attr in attrs:
                del el.attrib[attr]
        else:
            _remove_host(el)


def _drop_objects(root) -> None:
    """OLE objects and ActiveX controls, whatever they use."""
    for el in list(root.iter()):
        if isinstance(el.tag, str) and etree.QName(el).localname in _HOSTS:
            _remove_host(el)


def _drop_actions(root) -> None:
    """PowerPoint links that run a macro, a program or an OLE verb."""
    for el in list(root.iter()):
        action = (el.get("action") or "").lower()
        if action.startswith(_BAD_ACTIONS):
            _remove(el)


def _drop_vml_urls(root) -> None:
    """URLs and paths in VML (``src``, ``href``): a linked picture fetched on opening."""
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith(_VML):
            for attr in [
                a for a in el.attrib if etree.QName(a).localname in ("src", "href", "althref")
            ]:
                if _URL.match(el.get(attr) or ""):
                    del el.attrib[attr]


def _clean_svg(root) -> None:
    """No scripts, style sheets, foreign objects or event handlers, and no reference outside
    the picture (``href``, ``url(…)``)."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if etree.QName(el).localname in _SVG_DROP:
            _remove(el)
            continue
        for attr in list(el.attrib):
            local = etree.QName(attr).localname.lower()
            value = (el.get(attr) or "").strip()
            outside = local == "href" and value and not value.startswith(("#", "data:image/"))
            urls = (m.group(1) for m in _URL_CALL.finditer(value))
            if local.startswith("on") or outside or any(not u.startswith(_INSIDE) for u in urls):
                del el.attrib[attr]


_SVG_DROP = ("script", "style", "foreignObject", "handler", "iframe", "listener")
_URL_CALL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.I)
_INSIDE = ("#", "data:")


def field_name(instruction: str) -> str:
    """A Word field's kind: the first word of its instruction, upper case ("" if none)."""
    match = re.match(r"\s*(=|[^\s\\\"]+)", instruction)
    return match.group(1).upper() if match else ""


def _allowed(instruction: str) -> bool:
    name = field_name(instruction)
    return name in FIELDS


def _drop_fields(root) -> None:
    """Remove every field of a WordprocessingML part that is not one of :data:`FIELDS`:
    simple fields whole, complex fields from their begin to their end, result included."""
    for el in list(root.iter(f"{_W}fldSimple")):
        if not _allowed(el.get(f"{_W}instr") or ""):
            _remove(el)
    runs = list(root.iter(f"{_W}r"))
    stack: list[dict] = []
    doomed: set[int] = set()
    for i, run in enumerate(runs):
        for child in run:
            if child.tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType")
                if kind == "begin":
                    if stack and stack[-1]["instr"] is not None:
                        stack[-1]["nested"] = True  # an instruction made by another field
                    stack.append({"start": i, "instr": [], "nested": False})
                elif kind == "separate" and stack:
                    stack[-1]["code"] = "".join(stack[-1]["instr"])
                    stack[-1]["instr"] = None
                elif kind == "end" and stack:
                    field = stack.pop()
                    code = field.get("code", "".join(field["instr"] or []))
                    if field["nested"] or not _allowed(code):
                        doomed.update(range(field["start"], i + 1))
            elif child.tag in (f"{_W}instrText", f"{_W}delInstrText"):
                if stack and stack[-1]["instr"] is not None:
                    stack[-1]["instr"].append(child.text or "")
                else:
                    doomed.add(i)  # an instruction outside any field
    for field in stack:  # begun and never ended: the rest of the part is its
        code = field.get("code", "".join(field["instr"] or []))
        if field["nested"] or not _allowed(code):
            doomed.update(range(field["start"], len(runs)))
    for i in sorted(doomed):
        if runs[i].getparent() is not None:
            runs[i].getparent().remove(runs[i])
