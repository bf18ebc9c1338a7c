"""Reading a briefing: its paragraphs as runs (with the properties their styles give them),
and the runs with Chinese that lack an East Asian font or language."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..template.theme import is_cjk_font
from .model import MC, NS, Item, Para, W, has_cjk, has_cjk_letters, is_cjk_lang
from .pptx import split_text, theme_faces

TEXT_PARTS = ("document.main", "header", "footer", "footnotes", "endnotes")
"""The parts of a .docx that hold text (by their content type)."""

_SKIPPED = {f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{MC}}}Fallback"}
"""Deleted text, and the fallback copy of a text box: not what a reader sees."""


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


class Styles:
    """A briefing's styles and theme: what a run or paragraph gets from them.

    Effective means: the run's rPr, then its character style chain, then its paragraph's style
    chain (default paragraph style if none), then docDefaults. Table styles are not consulted.
    """

    def __init__(self, doc) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        self.styles = {s.style_id: s for s in doc.styles}
        self.default_para = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.defaults = doc.styles.element.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
        try:
            self.faces = theme_faces(doc.part.part_related_by(RT.THEME).blob)
        except KeyError:
            self.faces = theme_faces(None)

    def _chain(self, style, tag: str) -> list:
        out, seen = [], set()
        while style is not None and style.style_id not in seen:
            seen.add(style.style_id)
            el = style.element.find(_w(tag))
            if el is not None:
                out.append(el)
            style = style.base_style
        return out

    def _para_style(self, p):
        sid = p.find("w:pPr/w:pStyle", NS)
        style = self.styles.get(sid.get(_w("val"))) if sid is not None else None
        return style or self.default_para

    def run_levels(self, p, r) -> list:
        """The rPr elements that decide a run's properties, nearest first."""
        rpr = r.find("w:rPr", NS)
        levels = [rpr] if rpr is not None else []
        sid = rpr.find("w:rStyle", NS) if rpr is not None else None
        if sid is not None:
            levels += self._chain(self.styles.get(sid.get(_w("val"))), "rPr")
        levels += self._chain(self._para_style(p), "rPr")
        if self.defaults is not None:
            levels.append(self.defaults)
        return levels

    def has_tab_stops(self, p) -> bool:
        """Whether the paragraph or its style chain sets a tab stop (a w:tab not "clear")."""
        levels = [p.find("w:pPr", NS)] + self._chain(self._para_style(p), "pPr")
        for ppr in levels:
            if ppr is None:
                continue
            for tab in ppr.iterfind("w:tabs/w:tab", NS):
                if tab.get(_w("val")) != "clear":
                    return True
        return False

    def east_asian_font(self, rpr) -> str | None:
        """The East Asian typeface an rPr sets (theme references resolved), None if it is silent."""
        fonts = rpr.find("w:rFonts", NS)
        if fonts is None:
            return None
        ref = fonts.get(_w("eastAsiaTheme"))
        if ref:
            return self.faces["major" if ref.startswith("major") else "minor"]
        return fonts.get(_w("eastAsia"))

    @staticmethod
    def east_asian_lang(rpr) -> str | None:
        el = rpr.find("w:lang", NS)
        return el.get(_w("eastAsia")) if el is not None else None

    @staticmethod
    def hint(rpr) -> str | None:
        fonts = rpr.find("w:rFonts", NS)
        return fonts.get(_w("hint")) if fonts is not None else None

    @staticmethod
    def effective(levels: list, probe):
        """The first value ``probe`` finds in ``levels`` (None if none sets it)."""
        for rpr in levels:
            got = probe(rpr)
            if got is not None:
                return got
        return None


def _text_parts(doc):
    for part in doc.part.package.iter_parts():
        if any(f"wordprocessingml.{k}+xml" in part.content_type for k in TEXT_PARTS):
            yield part


def _paragraphs(root):
    """The paragraphs a reader sees, in document order (no fallback copies of text boxes)."""
    for p in root.iter(_w("p")):
        if not any(a.tag in _SKIPPED for a in p.iterancestors()):
            yield p


def _runs(p):
    """The runs of a paragraph itself (not of a text box inside it), deleted text left out."""
    for r in p.iter(_w("r")):
        for a in r.iterancestors():
            if a.tag == _w("p"):
                if a is p:
                    yield r
                break
            if a.tag in _SKIPPED:
                break


def _kind(part) -> str:
    ct = part.content_type
    return next((k for k in TEXT_PARTS if f"wordprocessingml.{k}+xml" in ct), "document").split(
        "."
    )[0]


def docx_runs_missing_east_asian(docx: Path) -> list[str]:
    """Describe every w:r with CJK text whose effective eastAsia font or CJK w:lang is missing.

    A theme font reference (w:eastAsiaTheme) only counts if the theme gives East Asian text a
    typeface. The eastAsia language must be zh/ja/ko. See :class:`Styles` for "effective".
    """
    import docx as python_docx

    doc = python_docx.Document(str(docx))
    styles = Styles(doc)
    found: list[str] = []
    for part in _text_parts(doc):
        root = etree.fromstring(part.blob)
        for p_no, p in enumerate(_paragraphs(root), 1):
            for r in _runs(p):
                text = "".join(t.text or "" for t in r.iterfind("w:t", NS))
                if not has_cjk(text):
                    continue
                levels = styles.run_levels(p, r)
                problems = []
                if not styles.effective(levels, styles.east_asian_font):
                    problems.append("an eastAsia font")
                if not is_cjk_lang(styles.effective(levels, styles.east_asian_lang)):
                    problems.append("a zh/ja/ko w:lang eastAsia")
                if problems:
                    snippet = text if len(text) <= 20 else text[:19] + "…"
                    found.append(
                        f"{part.partname} paragraph {p_no}: run {snippet!r} lacks "
                        + " and ".join(problems)
                    )
    return found


# ---------------------------------------------------------------------------------------------
# Paragraphs


def _run_items(styles: Styles, p, r) -> list[Item]:
    levels = styles.run_levels(p, r)
    face = styles.effective(levels, styles.east_asian_font) or ""
    hint = styles.effective(levels, styles.hint)
    lang_el = Styles.effective(levels, lambda rpr: rpr.find("w:lang", NS))
    props = {
        "lang": lang_el.get(_w("val"), "") if lang_el is not None else "",
        "east_asian": face,
        "east_asian_quotes": hint == "eastAsia" and is_cjk_font(face),
    }
    items: list[Item] = []
    for child in r:
        tag = etree.QName(child).localname
        if tag == "t":
            items += split_text(child.text or "", tag="w:t", **props)
        elif tag == "tab":
            items.append(Item("tab", "\t", tag="w:tab"))
        elif tag == "br" and child.get(_w("type"), "textWrapping") == "textWrapping":
            items.append(Item("break", "\n", tag="w:br"))
        elif tag == "cr":
            items.append(Item("break", "\n", tag="w:cr"))
        elif tag == "softHyphen":
            items.append(Item("text", "\u00ad", tag="w:softHyphen", **props))
        elif tag == "noBreakHyphen":
            items.append(Item("text", "\u2011", tag="w:noBreakHyphen", **props))
    return items


def document_language(doc) -> str:
    """The briefing's language: its core property, else w:themeFontLang, else by its text."""
    if doc.core_properties.language:
        return doc.core_properties.language
    el = doc.settings.element.find("w:themeFontLang", NS)
    if el is not None and el.get(_w("val")):
        return el.get(_w("val"))
    return "zh-CN" if has_cjk_letters(doc.element.xpath("string(.)")) else "en"


def briefing_paragraphs(docx: Path) -> list[Para]:
    """Every paragraph of a briefing: body (tables, text boxes), headers, footers, notes."""
    import docx as python_docx

    doc = python_docx.Document(str(docx))
    styles = Styles(doc)
    english_doc = not is_cjk_lang(document_language(doc))
    out: list[Para] = []
    for part in _text_parts(doc):
        root = etree.fromstring(part.blob)
        kind = _kind(part)
        for p_no, p in enumerate(_paragraphs(root), 1):
            items = [i for r in _runs(p) for i in _run_items(styles, p, r)]
            para = Para(
                part=kind,
                items=items,
                number=p_no,
                part_name=str(part.partname),
                layout_tabs=styles.has_tab_stops(p),
            )
            para.english = english_doc and not has_cjk_letters(para.text)
            out.append(para)
    return out
