"""One writer per plan block: masthead, title, contents, headings, paragraphs, table, 版记.

Each paragraph takes its style from the plan's table (:mod:`deckgen.plan.brief.styles`) and
nothing that changes its height, so that the pages come out as the plan laid them out.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, Twips
from lxml import etree

from ...plan.brief import (
    Block,
    Contents,
    CopyBlock,
    Figure,
    Heading,
    Masthead,
    Paragraph,
    Run,
    Table,
    Title,
)
from ...plan.brief.boxes import CELL_MARGIN, FRAME_PAD, PARAGRAPH_STYLE
from ...plan.brief.styles import TEXT_HEIGHT
from ...template.reference import TableStyle
from ...template.theme import Theme
from . import ooxml
from .styles import Faces, StyleIndex, split_own_faces

THICK, THIN = 8, 6
"""版记 rules in eighths of a point: 0.35 mm (1 pt) and 0.25 mm (0.75 pt)."""
PICTURE_ROOM = 200
"""What a figure's line keeps free under its picture (the text's descent), twips."""


class BlockWriter:
    """Appends the plan's blocks to a document body."""

    def __init__(
        self,
        doc: Document,
        theme: Theme,
        faces: Faces,
        width: int,
        adopted: dict[str, str] | None = None,
        table_style: TableStyle | None = None,
    ):
        self.doc = doc
        self.theme = theme
        self.faces = faces
        self.typo = faces.typography
        self.width = width
        """The 版心 width, twips."""
        self.adopted = adopted or {}
        """A reference document's styles, by id, with the East Asian face their runs declare."""
        self.table_style = table_style
        """A reference document's table style: its rules and cell margins replace deckgen's."""
        self.styles = StyleIndex(doc)
        self.default_style = self.styles.default(WD_STYLE_TYPE.PARAGRAPH).style_id
        self.style_ids: dict[str, str | None] = {}
        """Paragraph style names resolved to ids (None: the default style)."""
        self.rprs: dict[tuple, etree._Element] = {}
        """Run properties made so far, by :meth:`rpr`'s arguments."""
        self.bookmarks = 0
        self.break_before_next = False
        self.last_byline = None
        """The title's last byline so far: a line of space follows the last one."""

    def write(self, block: Block) -> None:
        byline = isinstance(block, Paragraph) and block.role == "byline"
        if self.last_byline is not None and not byline:
            spec = self.typo[self.style_of(self.last_byline)]
            ppr = self.last_byline._p.get_or_add_pPr()
            ooxml.set_spacing(ppr, self.typo.line(spec), after=spec.after + self.typo.pitch)
            self.last_byline = None
        kind = type(block).__name__.lower()
        getattr(self, f"write_{kind}")(block)

    # -- helpers ------------------------------------------------------------------------------

    def rpr(
        self,
        role: str,
        bold: bool = False,
        size: float | None = None,
        colour: str | None = None,
        style: str | None = None,
        figure: bool = False,
        own_face: bool = False,
    ):
        """Run properties that declare fonts and language (every run carries its own).

        In a reference's style (by id) the run declares only its East Asian face and the
        languages, and is bold only as a ``figure``: the style gives the rest. ``own_face``:
        a run of “ ” — … set in one face in every slot.

        Made once for each set of arguments and shared: not to be changed, only copied
        (:func:`ooxml.run` copies it into each run).
        """
        key = (role, bold, size, colour, style, figure, own_face)
        made = self.rprs.get(key)
        if made is None:
            made = self.rprs[key] = self._new_rpr(*key)
        return made

    def _new_rpr(self, role, bold, size, colour, style, figure, own_face):
        rpr = ooxml.element("w:rPr")
        east_asian = self.adopted.get(style) if style else None
        if east_asian is not None:
            ooxml.set_east_asian_font(rpr, east_asian, hint_east_asia=self.faces.chinese)
            self.faces.apply_language(rpr)
            if figure:
                ooxml.set_bold(rpr)
            return rpr
        if own_face:
            self.faces.apply_own_face(rpr, role)
        else:
            self.faces.apply(rpr, role)
        if bold or figure:
            ooxml.set_bold(rpr)
        if colour:
            ooxml.set_colour(rpr, colour)
        if size:
            ooxml.set_size(rpr, size)
        return rpr

    def style_of(self, p) -> str:
        """The style id of paragraph ``p`` (python-docx's or a bare ``w:p``)."""
        return getattr(p, "_p", p).style or self.default_style

    def adopted_style(self, p) -> bool:
        return self.style_of(p) in self.adopted

    def set_style(self, p, name: str) -> None:
        """Give paragraph ``p`` (python-docx's or a bare ``w:p``) style ``name`` as python-docx
        would (a ``w:pPr``, and no ``w:pStyle`` for the default style), by an id resolved
        once per name."""
        if name not in self.style_ids:
            self.style_ids[name] = self.styles.style_id(name, WD_STYLE_TYPE.PARAGRAPH)
        style_id, el = self.style_ids[name], getattr(p, "_p", p)
        if len(el):
            el.style = style_id  # python-docx finds the places of w:pPr and w:pStyle
        else:  # a new paragraph: they are its first elements, no need to search
            ppr = ooxml.element("w:pPr")
            if style_id is not None:
                ppr.append(ooxml.element("w:pStyle", val=style_id))
            el.append(ppr)

    def styled(self, style: str):
        """A new paragraph at the end of the body, in paragraph style ``style``."""
        p = self.doc.add_paragraph()
        self.set_style(p, style)
        return p

    def paragraph(self, style: str):
        """A new paragraph in ``style``, starting a page if the last block asked for it."""
        p = self.styled(style)
        if self.break_before_next:
            ooxml.set_flag(p._p.get_or_add_pPr(), "w:pageBreakBefore")
            self.break_before_next = False
        return p

    def add_runs(self, p, runs: Iterable[Run], role: str, style: str | None = None, **kw):
        """Append ``runs`` to paragraph ``p`` (python-docx's or a bare ``w:p``, or a
        hyperlink in paragraph style ``style``), figures bold where the template says so,
        “ ” — … in runs of their own face."""
        figures_bold = self.theme.briefing.figures_bold
        el = getattr(p, "_p", p)
        style = style or self.style_of(p)
        for r in runs:
            for piece, own in split_own_faces(r.text):
                rpr = self.rpr(role, style=style, figure=r.figure and figures_bold,
                               own_face=own, **kw)  # fmt: skip
                el.append(ooxml.run(piece, rpr))

    def text(self, p, text: str, role: str, **kw) -> None:
        """Append a run (runs) of ``text`` to paragraph ``p``."""
        self.add_runs(p, [Run(text)], role, **kw)

    # -- blocks -------------------------------------------------------------------------------

    def write_masthead(self, block: Masthead) -> None:
        self.text(self.paragraph("Masthead"), block.title, "title")
        if block.issue:
            self.text(self.paragraph("Masthead Issue"), block.issue, "body")
        p = self.paragraph("Masthead Line")
        ppr = p._p.get_or_add_pPr()
        colour = self.theme.briefing.masthead_colour if self.theme.briefing.red_rules else "000000"
        width, gap = self.typo["Masthead Line"].rule_below or (16, 4)
        ooxml.set_borders(ppr, ooxml.border("bottom", width, colour, space=gap))
        ooxml.set_tabs(ppr, [("right", self.width, "none")])
        if block.organisation:
            self.text(p, block.organisation, "body")
        if block.date:
            p._p.append(ooxml.tab_run(self.rpr("body", style=self.style_of(p))))
            self.text(p, block.date, "body")

    def write_title(self, block: Title) -> None:
        if block.kicker:
            self.text(self.paragraph("Kicker"), block.kicker, "level2")
        self.text(self.paragraph("Title"), block.text, "title")
        if block.subtitle:
            self.text(self.paragraph("Subtitle"), block.subtitle, "level2")

    def write_contents(self, block: Contents) -> None:
        """A TOC field whose result already lists the entries with their laid-out pages, so
        it shows right without an update."""
        self.text(self.paragraph("TOC Heading"), block.title, "level1")
        instruction = f'TOC \\o "1-{block.levels}" \\h \\z \\u'
        last = len(block.entries) - 1
        for i, entry in enumerate(block.entries):
            style = f"toc {entry.level}"
            role = self.typo[style].role
            p = self.paragraph(style)
            ooxml.set_tabs(p._p.get_or_add_pPr(), [("right", self.width, "dot")])
            rpr = self.rpr(role, style=self.style_of(p))
            if i == 0:
                for r in ooxml.field_begin(instruction, rpr):
                    p._p.append(r)
            link = ooxml.element("w:hyperlink", anchor=entry.anchor, history=1)
            self.add_runs(link, [Run(entry.text)], role, style=self.style_of(p))
            link.append(ooxml.tab_run(rpr))
            for r in ooxml.field(f"PAGEREF {entry.anchor} \\h", str(entry.page), rpr):
                link.append(r)
            p._p.append(link)
            if i == last:
                p._p.append(ooxml.field_end(rpr))
        self.break_before_next = True

    def write_heading(self, block: Heading) -> None:
        style = f"Heading {min(block.level, 3)}"
        spec = self.typo[style]
        p = self.paragraph(style)
        self.text(p, block.full, spec.role, bold=spec.bold)
        self.bookmarks += 1
        ooxml.bookmark(p._p, block.anchor, self.bookmarks)

    def write_paragraph(self, block: Paragraph) -> None:
        style = PARAGRAPH_STYLE[block.role]
        p = self.paragraph(style)
        self.add_runs(p, block.runs, self.typo[style].role)
        if block.role == "byline":
            self.last_byline = p

    def write_figure(self, block: Figure) -> None:
        """The picture, centred inside the 版心, its caption below, both in a borderless
        table row as high as the plan lays it out (never split, whatever the picture's
        shape: Word and LibreOffice size a picture's own line differently); its alt text
        is the caption."""
        from ..images import prepare

        most_high = (self.typo.line(self.typo["Figure"]) - PICTURE_ROOM) / 20
        prepared = prepare(block.path, self.width / 20, most_high, crop=False)
        table = self.doc.add_table(rows=1, cols=1)
        tblpr = table._tbl.tblPr
        ooxml.set_table_width(tblpr, self.width)
        ooxml.put(tblpr, ooxml.element("w:jc", val="center"))
        ooxml.set_no_borders(tblpr)
        ooxml.set_cell_margins(tblpr, 0, 0, 0, 0)
        table.columns[0].width = Twips(self.width)
        row = table.rows[0]
        trpr = row._tr.get_or_add_trPr()
        ooxml.set_cant_split(trpr)
        if block.height:
            ooxml.set_row_height(trpr, block.height)
        cell = row.cells[0]
        cell.width = Twips(self.width)
        ooxml.set_cell_valign(cell._tc.get_or_add_tcPr())
        p = cell.paragraphs[0]
        self.set_style(p, "Figure")
        shape = p.add_run().add_picture(
            prepared.stream(), width=Pt(prepared.width), height=Pt(prepared.height)
        )
        shape._inline.docPr.set("descr", block.caption)
        caption = cell.add_paragraph()
        self.set_style(caption, "Caption")
        self.text(caption, block.caption, "level2")

    def write_table(self, block: Table) -> None:
        body = self.doc.element.body
        before = body[-2] if len(body) > 1 else None  # the last is the section's properties
        if before is not None and before.tag == ooxml.qn("w:p"):  # "…的主要目标是：" keeps with it
            ooxml.set_flag(before.get_or_add_pPr(), "w:keepNext")
        columns = len(block.header)
        table = self.doc.add_table(rows=1 + len(block.rows), cols=columns)
        tblpr = table._tbl.tblPr
        ooxml.set_table_width(tblpr, self.width)
        ooxml.put(tblpr, ooxml.element("w:jc", val="center"))
        if self.table_style:
            table.style = self.table_style.name
        else:
            ooxml.set_table_borders(tblpr, outer=THICK, inner=4)
        ooxml.set_cell_margins(tblpr, 0, CELL_MARGIN, 0, CELL_MARGIN)
        widths = [round(self.width * w) for w in block.widths]
        widths[-1] = self.width - sum(widths[:-1])
        for col, width in zip(table.columns, widths, strict=True):
            col.width = Twips(width)
        for r, row in enumerate(table.rows):
            trpr = row._tr.get_or_add_trPr()
            ooxml.set_cant_split(trpr)
            if block.heights:
                ooxml.set_row_height(trpr, block.heights[r])
            if r == 0:
                ooxml.set_repeat_header(trpr)
            for c, cell in enumerate(row.cells):
                cell.width = Twips(widths[c])
                ooxml.set_cell_valign(cell._tc.get_or_add_tcPr())
                p = cell.paragraphs[0]
                if r == 0:
                    self.set_style(p, "Table Heading")
                    self.text(p, block.header[c], self.typo["Table Heading"].role)
                    if self.table_style:
                        self.header_cell_format(cell._tc.get_or_add_tcPr(), p)
                else:
                    self.set_style(p, "Table Text")
                    self.add_runs(p, block.rows[r - 1][c], "body")

    def header_cell_format(self, tcpr, p) -> None:
        """The table style's header-row borders, shading and text colour, set on the cell."""
        for el in self.table_style.header_cell:
            ooxml.put(tcpr, copy.deepcopy(el))
        for r in p._p.r_lst:
            rpr = r.get_or_add_rPr()
            for el in self.table_style.header_run:
                ooxml.put(rpr, copy.deepcopy(el))

    def write_copyblock(self, block: CopyBlock) -> None:
        """The 版记 at the foot of an even page (GB/T 9704 §7.4, §10): page breaks as the
        plan counted them, then two frames standing on the 版心's foot: the 抄送 line
        between a thick rule and a thin one, the issuing unit (left) and date (right) above
        a thick rule."""
        for _ in range(block.breaks):
            self.break_before_next = True
            self.paragraph("Normal")
        pitch = self.typo.pitch
        style = self.styles.get("Copy Block").style_id
        issue_height = pitch + FRAME_PAD
        if block.copy_to:
            p = self.styled("Copy Block")._p
            copy_height = block.copy_lines * pitch + FRAME_PAD
            top = TEXT_HEIGHT - issue_height - copy_height
            ooxml.set_frame(p.get_or_add_pPr(), self.width, copy_height, y=top)
            ooxml.set_borders(p.get_or_add_pPr(), ooxml.border("top", THICK, space=1),
                              ooxml.border("bottom", THIN, space=1))  # fmt: skip
            self.text(p, block.copy_to, "body")
        p = self.styled("Copy Block")._p
        ppr = p.get_or_add_pPr()
        ooxml.set_frame(ppr, self.width, issue_height, bottom=True)
        sides = [ooxml.border("bottom", THICK, space=1)]
        if not block.copy_to:
            sides.insert(0, ooxml.border("top", THICK, space=1))
        ooxml.set_borders(ppr, *sides)
        indent = self.typo["Copy Block"].left
        ooxml.set_tabs(ppr, [("right", self.width - 2 * indent, "none")])
        if block.organisation:
            self.text(p, block.organisation, "body")
        if block.issued:
            p.append(ooxml.tab_run(self.rpr("body", style=style)))
            self.text(p, block.issued, "body")
        self.paragraph("Normal")  # the frames' anchor: they stand on its page
