"""Text spilling out of its shape on a deck's slides, as LibreOffice renders them.

How `spills` works
------------------
LibreOffice never clips text to its box: text that does not fit runs past the box edge (below it,
or to the right for unwrapped text) and is only cut at the page edge. So a deck is rendered to PDF
(`deckgen.preview.to_pdf`) and every character the PDF shows is compared with the geometry the
.pptx declares, PDF page i <-> i-th visible slide, EMU scaled to PDF points via the page size.

1. Shapes: every text-bearing shape of the slide (plus non-placeholder text shapes its layout and
   master draw), table cells (frame position + column widths / row heights, merged cells spanned)
   and group members (group child transform applied), in drawing order. Placeholders use their
   inherited position. Chart, SmartArt and OLE frames are "opaque frames": text inside counts as
   theirs. Shape text is compared whitespace-free, NFKC-normalised and case-folded; field text
   (slide numbers, dates) is left out because LibreOffice renders its own value.
2. Attribution: PDF text lines (:mod:`deckgen.check.pdf`, in content-stream order, which
   follows drawing order) are matched to shapes by text. A line that continues the current
   shape's text exactly where its previous line stopped belongs to it, wherever it is drawn,
   even over another shape: that is the overflow case. Otherwise the candidates are the shapes
   whose unread text contains the line (reading on from the current shape, in drawing order),
   then shapes whose already read text contains it; the first candidate whose box holds the
   line wins, else an opaque frame holding it (chart labels), else the first unread candidate
   (which then spills).
   Up to 4 leading characters that are not in the text (bullets, auto-numbers) may be skipped;
   they belong to the same shape. A line that matches nothing is retried run by run (a line
   may join neighbouring shapes' text), and what still matches nothing (field values, stray
   text) is "loose": it only has to lie inside some shape's box or frame.
3. Spill: a character spills when its centre lies outside its shape's box (grown by `tol` pt) or
   outside the page. Text a shape declares that never appears in the PDF (LibreOffice drops
   lines that start beyond the page edge) is reported as "not rendered", at the box's corner.

Limits: rotation and vertical text are ignored; overflow that lands in another shape whose own
text contains the same line is not caught unless it directly continues its shape's text.
LibreOffice re-centres auto-growing unwrapped boxes (wrap="none" + spAutoFit) on the text it
lays out, so such boxes can show spills PowerPoint would not; deckgen's boxes have fixed sizes.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .model import NS, P
from .pdf import Page, read_pdf

EMU_PER_PT = 12700
MAX_LEAD = 4  # leading characters a line may carry that its shape's text lacks (bullets, "1.")


# ---------------------------------------------------------------------------------------------
# Text normalisation shared by both sides of the comparison


def _norm(ch: str) -> str:
    """Return ch as compared: NFKC, case-folded, without whitespace, format chars or selectors."""
    out = unicodedata.normalize("NFKC", ch).casefold()
    return "".join(
        c
        for c in out
        if not c.isspace()
        and unicodedata.category(c) not in ("Cc", "Cf")
        and not "\ufe00" <= c <= "\ufe0f"
    )


# ---------------------------------------------------------------------------------------------
# Slide geometry


@dataclass(eq=False)
class _Shape:
    """A text-bearing shape (or opaque frame) with its box in PDF points and its compared text."""

    name: str
    box: tuple[float, float, float, float]
    norm: str = ""  # compared text; empty for opaque frames
    orig: list[str] = field(default_factory=list)  # original character behind each norm char
    frame: bool = False
    next_off: int = 0  # end of the last match: where this shape's text continues
    matched: list[bool] = field(default_factory=list)

    def holds(self, x: float, y: float, tol: float) -> bool:
        """True if point (x, y) lies in the box grown by tol."""
        x0, y0, x1, y1 = self.box
        return x0 - tol <= x <= x1 + tol and y0 - tol <= y <= y1 + tol

    def distance(self, x: float, y: float) -> float:
        """Distance from (x, y) to the box (0 inside)."""
        x0, y0, x1, y1 = self.box
        dx = max(x0 - x, 0.0, x - x1)
        dy = max(y0 - y, 0.0, y - y1)
        return (dx * dx + dy * dy) ** 0.5


def _txbody_text(txbody) -> tuple[str, list[str]]:
    """Return (compared text, original char per compared char) of a txBody, fields left out."""
    norm: list[str] = []
    orig: list[str] = []
    for t in txbody.iterfind(".//a:r/a:t", NS):
        for ch in t.text or "":
            n = _norm(ch)
            norm.append(n)
            orig.extend(ch for _ in n)
    return "".join(norm), orig


class _Xf:
    """Affine map from a shape tree's coordinates (EMU) to PDF points (axis-aligned scale)."""

    def __init__(self, ox: float, oy: float, sx: float, sy: float):
        self.ox, self.oy, self.sx, self.sy = ox, oy, sx, sy

    def box(self, x: int, y: int, cx: int, cy: int) -> tuple[float, float, float, float]:
        """Map an EMU rectangle to (x0, y0, x1, y1) in points."""
        return (
            self.ox + self.sx * x,
            self.oy + self.sy * y,
            self.ox + self.sx * (x + cx),
            self.oy + self.sy * (y + cy),
        )

    def group(self, grp) -> _Xf:
        """Return the map for the children of group shape grp."""
        xfrm = grp._element.find("p:grpSpPr/a:xfrm", NS)
        if xfrm is None:
            return self

        def pair(tag: str, a: str, b: str) -> tuple[int, int]:
            el = xfrm.find(f"a:{tag}", NS)
            return (0, 0) if el is None else (int(el.get(a, 0)), int(el.get(b, 0)))

        ox, oy = pair("off", "x", "y")
        cx, cy = pair("ext", "cx", "cy")
        chx, chy = pair("chOff", "x", "y")
        chcx, chcy = pair("chExt", "cx", "cy")
        kx = cx / chcx if chcx else 1.0
        ky = cy / chcy if chcy else 1.0
        return _Xf(
            self.ox + self.sx * (ox - chx * kx),
            self.oy + self.sy * (oy - chy * ky),
            self.sx * kx,
            self.sy * ky,
        )


def _geometry(shape) -> tuple[int, int, int, int] | None:
    """Return (left, top, width, height) in EMU, inherited for placeholders, or None if unknown."""
    try:
        vals = (shape.left, shape.top, shape.width, shape.height)
    except (AttributeError, KeyError, ValueError):
        return None
    return None if any(v is None for v in vals) else tuple(int(v) for v in vals)


def _collect(shapes, xf: _Xf, out: list[_Shape], skip_placeholders: bool = False) -> None:
    """Append the text shapes and opaque frames of a shape tree to out, in drawing order."""
    from pptx.shapes.group import GroupShape

    for shape in shapes:
        if skip_placeholders and shape.is_placeholder:
            continue
        if isinstance(shape, GroupShape):
            _collect(shape.shapes, xf.group(shape), out, skip_placeholders)
            continue
        geo = _geometry(shape)
        if geo is None:
            continue
        if getattr(shape, "has_table", False) and shape.has_table:
            _collect_table(shape, geo, xf, out)
        elif getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            if shape.text_frame.text.strip():  # fields count: a slide number is text in a box
                norm, orig = _txbody_text(shape.text_frame._txBody)
                out.append(_Shape(shape.name, xf.box(*geo), norm, orig))
        elif shape._element.tag == f"{{{P}}}graphicFrame":  # chart, SmartArt, OLE object
            out.append(_Shape(shape.name, xf.box(*geo), frame=True))


def _collect_table(frame, geo, xf: _Xf, out: list[_Shape]) -> None:
    """Append one _Shape per (merge-origin) table cell, boxed by column widths and row heights."""
    table = frame.table
    left, top = geo[0], geo[1]
    xs = [left]
    for col in table.columns:
        xs.append(xs[-1] + col.width)
    ys = [top]
    for row in table.rows:
        ys.append(ys[-1] + row.height)
    for r in range(len(table.rows)):
        for c in range(len(table.columns)):
            cell = table.cell(r, c)
            if cell.is_spanned:
                continue
            if not cell.text.strip():
                continue
            norm, orig = _txbody_text(cell._tc)
            r1 = min(r + (cell.span_height if cell.is_merge_origin else 1), len(table.rows))
            c1 = min(c + (cell.span_width if cell.is_merge_origin else 1), len(table.columns))
            box = xf.box(xs[c], ys[r], xs[c1] - xs[c], ys[r1] - ys[r])
            out.append(_Shape(f"{frame.name}[r{r + 1}c{c + 1}]", box, norm, orig))


def _shows_master(el) -> bool:
    """True unless the slide/layout element says showMasterSp="0"."""
    return el.get("showMasterSp", "1") not in ("0", "false")


def _slide_shapes(slide, xf: _Xf) -> list[_Shape]:
    """Return what LibreOffice draws as text on a slide: master, layout, then slide shapes."""
    out: list[_Shape] = []
    layout = slide.slide_layout
    if _shows_master(slide._element):
        if _shows_master(layout._element):
            _collect(layout.slide_master.shapes, xf, out, skip_placeholders=True)
        _collect(layout.shapes, xf, out, skip_placeholders=True)
    _collect(slide.shapes, xf, out)
    return out


def _visible_slides(prs) -> list:
    """Slides LibreOffice exports to PDF: hidden ones (show="0") are left out."""
    return [s for s in prs.slides if s._element.get("show", "1") not in ("0", "false")]


# ---------------------------------------------------------------------------------------------
# PDF side


@dataclass
class _Char:
    """One rendered, non-whitespace character: compared form, original, centre, run."""

    n: str
    c: str
    x: float
    y: float
    run: int


def _pdf_lines(page: Page) -> list[list[_Char]]:
    """Return the page's text lines as lists of _Char, in drawing order, unclipped."""
    lines: list[list[_Char]] = []
    for line in page.lines():
        chars = [_Char(n, ch.c, ch.x, ch.y, ch.run) for ch in line for n in _norm(ch.c)]
        if chars:
            lines.append(chars)
    return lines


# ---------------------------------------------------------------------------------------------
# Spills


@dataclass(frozen=True)
class Spill:
    """A rendered character outside its shape's box or the page, or declared text not rendered."""

    slide_no: int  # 1-based, counting all slides (hidden ones included)
    char: str
    x: float  # PDF points from the page's top-left: the glyph centre
    y: float
    nearest_shape_name: str
    reason: str = "outside its shape"


class _Page:
    """Attribution state for one slide/page pair."""

    def __init__(self, shapes: list[_Shape], width: float, height: float, tol: float):
        self.shapes = shapes
        self.texts = [s for s in shapes if not s.frame]
        for s in self.texts:
            s.matched = [False] * len(s.norm)
        self.frames = [s for s in shapes if s.frame]
        self.width, self.height, self.tol = width, height, tol
        self.cur = 0  # index into self.texts of the shape being read

    def _inside(self, shape: _Shape, chars: list[_Char]) -> bool:
        return all(shape.holds(c.x, c.y, self.tol) for c in chars)

    def attribute(self, chars: list[_Char]) -> tuple[_Shape, int, int] | None:
        """Find the shape that drew chars: (shape, match start, leading chars skipped) or None."""
        text = "".join(c.n for c in chars)
        for lead in range(min(MAX_LEAD, len(text) - 1) + 1):
            if lead and unicodedata.category(text[lead - 1]) == "Lo":
                break  # a bullet or number is never an ideograph: a title beside a tag is not one
            hit = self._find(text[lead:], chars)
            if hit is not None:
                return hit[0], hit[1], lead
        return None

    def _find(self, text: str, chars: list[_Char]) -> tuple[_Shape, int] | None:
        texts = self.texts
        if texts:
            cur = texts[self.cur]
            # Continues the shape being read (once started: a fresh shape proves nothing).
            if cur.next_off and cur.norm.startswith(text, cur.next_off):
                return cur, cur.next_off
        order = texts[self.cur :] + texts[: self.cur]
        unread: list[tuple[_Shape, int]] = []  # reading on from the current shape
        for s in order:
            pos = s.norm.find(text, s.next_off)
            if pos >= 0:
                unread.append((s, pos))
        reread: list[tuple[_Shape, int]] = []  # drawn twice, or attribution went astray
        for s in order:
            pos = s.norm.find(text)
            if pos >= 0 and (s, pos) not in unread:
                reread.append((s, pos))
        for cand in unread + reread:
            if self._inside(cand[0], chars):
                return cand
        for f in self.frames:  # chart labels, SmartArt text
            if self._inside(f, chars):
                return f, -1
        # Text no box explains: blame the shape still owing it; already-read text is left loose.
        return unread[0] if unread else None

    def take(self, shape: _Shape, pos: int, length: int) -> None:
        """Record that shape's compared text [pos, pos+length) was rendered."""
        if shape.frame:
            return
        shape.next_off = pos + length
        for i in range(pos, pos + length):
            shape.matched[i] = True
        self.cur = self.texts.index(shape)

    def on_page(self, c: _Char) -> bool:
        t = self.tol
        return -t <= c.x <= self.width + t and -t <= c.y <= self.height + t

    def nearest(self, c: _Char) -> _Shape | None:
        return min(self.shapes, key=lambda s: s.distance(c.x, c.y), default=None)


def _check_page(page_state: _Page, lines: list[list[_Char]], slide_no: int) -> list[Spill]:
    """Attribute a page's lines to shapes and return its spills."""
    st = page_state
    spills: list[Spill] = []
    loose: list[_Char] = []  # characters no shape's text explains

    def judge(chars: list[_Char], shape: _Shape) -> None:
        for c in chars:
            if not st.on_page(c):
                spills.append(Spill(slide_no, c.c, c.x, c.y, shape.name, "outside the page"))
            elif not shape.holds(c.x, c.y, st.tol):
                spills.append(Spill(slide_no, c.c, c.x, c.y, shape.name))

    def place(chars: list[_Char]) -> bool:
        hit = st.attribute(chars)
        if hit is None:
            return False
        shape, pos, lead = hit
        st.take(shape, pos, len(chars) - lead)
        judge(chars, shape)
        return True

    for line in lines:
        if place(line):
            continue
        runs: dict[int, list[_Char]] = {}
        for c in line:
            runs.setdefault(c.run, []).append(c)
        for chars in runs.values():
            if not place(chars):
                loose.extend(chars)

    for c in loose:
        near = st.nearest(c)
        name = near.name if near else ""
        if not st.on_page(c):
            spills.append(Spill(slide_no, c.c, c.x, c.y, name, "outside the page"))
        elif not any(s.holds(c.x, c.y, st.tol) for s in st.shapes):
            spills.append(Spill(slide_no, c.c, c.x, c.y, name, "outside every shape"))

    # Declared text that never showed up, unless loose characters could account for it.
    unexplained = Counter(c.n for c in loose)
    for s in st.texts:
        for i, done in enumerate(s.matched):
            if done:
                continue
            if unexplained[s.norm[i]] > 0:
                unexplained[s.norm[i]] -= 1
                continue
            spills.append(Spill(slide_no, s.orig[i], s.box[0], s.box[3], s.name, "not rendered"))
    return spills


def spills(pptx: Path, pdf: Path, tol: float = 0.5) -> list[Spill]:
    """Return every character of the PDF render that lies outside its shape or the page."""
    from pptx import Presentation

    prs = Presentation(str(pptx))
    all_slides = list(prs.slides)
    slides = _visible_slides(prs)
    found: list[Spill] = []
    pages = read_pdf(pdf)
    if len(pages) != len(slides):
        raise ValueError(
            f"{pdf} has {len(pages)} pages but {pptx} has {len(slides)} visible slides"
        )
    for slide, page in zip(slides, pages, strict=True):
        xf = _Xf(0.0, 0.0, page.width / prs.slide_width, page.height / prs.slide_height)
        state = _Page(_slide_shapes(slide, xf), page.width, page.height, tol)
        slide_no = all_slides.index(slide) + 1
        found.extend(_check_page(state, _pdf_lines(page), slide_no))
    return found


def spill_summary(spills: list[Spill]) -> str:
    """Summarise spills per slide, shape and reason, one line each; "no spills" if none."""
    if not spills:
        return "no spills"
    groups: dict[tuple[int, str, str], list[Spill]] = {}
    for s in spills:
        groups.setdefault((s.slide_no, s.nearest_shape_name, s.reason), []).append(s)
    lines = []
    for (slide_no, name, reason), group in sorted(groups.items(), key=lambda kv: kv[0]):
        sample = "".join(s.char for s in group)
        if len(sample) > 30:
            sample = sample[:29] + "…"
        first = group[0]
        lines.append(
            f"slide {slide_no}: {len(group)} char(s) {reason} {name!r}: {sample!r} "
            f"from ({first.x:.0f}, {first.y:.0f}) pt"
        )
    return "\n".join(lines)
