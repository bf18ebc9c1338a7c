"""One writer per plan block: masthead, title, contents, headings, paragraphs, table, 版记."""

from __future__ import annotations

import copy
from collections.abc import Iterable

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, Twips

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
from ...template.reference import TableStyle
from ...template.theme import Theme
from . import ooxml
from .styles import LINE_PITCH, SIHAO, Faces

HEADING_ROLE = {1: "level1", 2: "level2", 3: "body", 4: "body"}
THICK, THIN = 8, 6
"""版记 rules in eighths of a point: 0.35 mm (1 pt) and 0.25 mm (0.75 pt)."""
MASTHEAD_RULE = 16
"""The masthead's red rule, eighths of a point (2 pt)."""


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
        self.width = width
        """The 版心 width, twips."""
        self.adopted = adopted or {}
        """A reference document's styles, by id, with the East Asian face their runs declare."""
        self.table_style = table_style
        """A reference document's table style: its rules and cell margins replace deckgen's."""
        self.default_style = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH).style_id
        self.bookmarks = 0
        self.break_before_next = False
        self.after_table = False
        self.after_byline = False

    def write(self, block: Block) -> None:
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
    ):
        """Run properties that declare fonts and language (every run carries its own).

        In a reference's style (by id) the run declares only its East Asian face and the
        languages, and is bold only as a ``figure``: the style gives the rest.
        """
        rpr = ooxml.element("w:rPr")
        east_asian = self.adopted.get(style) if style else None
        if east_asian is not None:
            ooxml.set_east_asian_font(rpr, east_asian, hint_east_asia=self.faces.chinese)
            self.faces.apply_language(rpr)
            if figure:
                ooxml.set_bold(rpr)
            return rpr
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

    def paragraph(self, style: str):
        p = self.doc.add_paragraph(style=style)
        if self.break_before_next:
            ooxml.set_flag(p._p.get_or_add_pPr(), "w:pageBreakBefore")
            self.break_before_next = False
        if self.after_table:
            ppr = p._p.get_or_add_pPr()
            if self.adopted_style(p):  # only the gap: the style keeps its line spacing
                ooxml.put(ppr, ooxml.element("w:spacing", before=LINE_PITCH // 2))
            else:
                ooxml.set_spacing(ppr, LINE_PITCH, before=LINE_PITCH // 2)
            self.after_table = False
        if self.after_byline:  # a line between the title's byline and the body
            ooxml.put(p._p.get_or_add_pPr(), ooxml.element("w:spacing", before=LINE_PITCH))
            self.after_byline = False
        return p

    def add_runs(self, p, runs: Iterable[Run], role: str) -> None:
        figures_bold = self.theme.briefing.figures_bold
        style = self.style_of(p)
        for r in runs:
            rpr = self.rpr(role, style=style, figure=r.figure and figures_bold)
            p._p.append(ooxml.run(r.text, rpr))

    def text(self, p, text: str, role: str, **kw) -> None:
        """Append a run of ``text`` to paragraph ``p`` (python-docx's or a bare ``w:p``)."""
        getattr(p, "_p", p).append(ooxml.run(text, self.rpr(role, style=self.style_of(p), **kw)))

    # -- blocks -------------------------------------------------------------------------------

    def write_masthead(self, block: Masthead) -> None:
        self.text(self.paragraph("Masthead"), block.title, "title")
        if block.issue:
            self.text(self.paragraph("Masthead Issue"), block.issue, "body")
        p = self.paragraph("Masthead Line")
        ppr = p._p.get_or_add_pPr()
        colour = self.theme.briefing.masthead_colour if self.theme.briefing.red_rules else "000000"
        ooxml.set_borders(ppr, ooxml.border("bottom", MASTHEAD_RULE, colour, space=4))
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
        """A TOC field whose result already lists the entries, so it shows without an update."""
        self.text(self.paragraph("TOC Heading"), block.title, "level1")
        instruction = f'TOC \\o "1-{block.levels}" \\h \\z \\u'
        last = len(block.entries) - 1
        for i, entry in enumerate(block.entries):
            role = "level1" if entry.level == 1 else "body"
            p = self.paragraph(f"toc {entry.level}")
            ooxml.set_tabs(p._p.get_or_add_pPr(), [("right", self.width, "dot")])
            rpr = self.rpr(role, style=self.style_of(p))
            if i == 0:
                for r in ooxml.field_begin(instruction, rpr):
                    p._p.append(r)
            link = ooxml.element("w:hyperlink", anchor=entry.anchor, history=1)
            link.append(ooxml.run(entry.text, rpr))
            link.append(ooxml.tab_run(rpr))
            for r in ooxml.field(f"PAGEREF {entry.anchor} \\h", str(entry.page), rpr):
                link.append(r)
            p._p.append(link)
            if i == last:
                p._p.append(ooxml.field_end(rpr))
        self.break_before_next = True

    def write_heading(self, block: Heading) -> None:
        p = self.paragraph(f"Heading {min(block.level, 3)}")
        bold = block.level >= 3 or not self.faces.chinese
        self.text(p, block.full, HEADING_ROLE[block.level], bold=bold)
        self.bookmarks += 1
        ooxml.bookmark(p._p, block.anchor, self.bookmarks)

    def write_paragraph(self, block: Paragraph) -> None:
        if block.role == "lead":
            self.add_runs(self.paragraph("Lead"), block.runs, "level2")
        elif block.role == "byline":  # the occasion, the presenter: centred under the title
            self.after_byline = False  # its lines go together
            self.add_runs(self.paragraph("Kicker"), block.runs, "level2")
            self.after_byline = True
        else:
            self.add_runs(self.paragraph("Normal"), block.runs, "body")

    def write_figure(self, block: Figure) -> None:
        """The picture, centred inside the 版心 (at most ``FIGURE_LINES`` high), kept with
        its caption below; its alt text is the caption."""
        from ...plan.brief.blocks import FIGURE_LINES
        from ..images import prepare

        most_high = FIGURE_LINES * LINE_PITCH / 20
        prepared = prepare(block.path, self.width / 20, most_high, crop=False)
        p = self.paragraph("Normal")
        ppr = p._p.get_or_add_pPr()
        ooxml.set_spacing(ppr, 240, "auto", before=LINE_PITCH // 2)  # "exact" would clip it
        ooxml.set_indent(ppr, 0)
        ooxml.put(ppr, ooxml.element("w:jc", val="center"))
        ooxml.set_flag(ppr, "w:keepNext")
        shape = p.add_run().add_picture(
            prepared.stream(), width=Pt(prepared.width), height=Pt(prepared.height)
        )
        shape._inline.docPr.set("descr", block.caption)
        caption = self.paragraph("Normal")
        cppr = caption._p.get_or_add_pPr()
        ooxml.set_indent(cppr, 0)
        ooxml.put(cppr, ooxml.element("w:jc", val="center"))
        self.text(caption, block.caption, "level2")

    def write_table(self, block: Table) -> None:
        columns = len(block.header)
        table = self.doc.add_table(rows=1 + len(block.rows), cols=columns)
        tblpr = table._tbl.tblPr
        ooxml.set_table_width(tblpr, self.width)
        ooxml.put(tblpr, ooxml.element("w:jc", val="center"))
        if self.table_style:
            table.style = self.table_style.name
        else:
            ooxml.set_table_borders(tblpr, outer=THICK, inner=4)
            ooxml.set_cell_margins(tblpr, 40, 100, 40, 100)
        widths = [round(self.width * w) for w in block.widths]
        widths[-1] = self.width - sum(widths[:-1])
        for col, width in zip(table.columns, widths, strict=True):
            col.width = Twips(width)
        for r, row in enumerate(table.rows):
            trpr = row._tr.get_or_add_trPr()
            ooxml.set_cant_split(trpr)
            if r == 0:
                ooxml.set_repeat_header(trpr)
            for c, cell in enumerate(row.cells):
                cell.width = Twips(widths[c])
                ooxml.set_cell_valign(cell._tc.get_or_add_tcPr())
                p = cell.paragraphs[0]
                if r == 0:
                    p.style = "Table Heading"
                    self.text(p, block.header[c], "level1", size=SIHAO)
                    if self.table_style:
                        self.header_cell_format(cell._tc.get_or_add_tcPr(), p)
                else:
                    p.style = "Table Text"
                    self.add_runs(p, block.rows[r - 1][c], "body")
        self.after_table = True

    def header_cell_format(self, tcpr, p) -> None:
        """The table style's header-row borders, shading and text colour, set on the cell."""
        for el in self.table_style.header_cell:
            ooxml.put(tcpr, copy.deepcopy(el))
        for r in p._p.r_lst:
            rpr = r.get_or_add_rPr()
            for el in self.table_style.header_run:
                ooxml.put(rpr, copy.deepcopy(el))

    def write_copyblock(self, block: CopyBlock) -> None:
        """The 版记 at the foot of the last page: rules thick, thin, thick; unit and date."""
        one_char = round(SIHAO * 20)
        style = self.doc.styles["Copy Block"].style_id
        lines = []
        if block.copy_to:
            p = ooxml.element("w:p")
            p.get_or_add_pPr().style = style
            self.text(p, block.copy_to, "body")
            lines.append(p)
        p = ooxml.element("w:p")
        p.get_or_add_pPr().style = style
        ooxml.set_tabs(p.get_or_add_pPr(), [("right", self.width - one_char, "none")])
        if block.organisation:
            self.text(p, block.organisation, "body")
        if block.issued:
            p.append(ooxml.tab_run(self.rpr("body", style=self.style_of(p))))
            self.text(p, block.issued, "body")
        lines.append(p)
        for i, line in enumerate(lines):
            ppr = line.get_or_add_pPr()
            ooxml.put(ppr, ooxml.element("w:ind", left=0, right=0, firstLine=one_char))
            sides = [ooxml.border("bottom", THICK if i == len(lines) - 1 else THIN, space=1)]
            if i == 0:
                sides.insert(0, ooxml.border("top", THICK, space=1))
            ooxml.set_borders(ppr, *sides)
        anchor = self.paragraph("Normal")
        ppr = anchor._p.get_or_add_pPr()
        ooxml.set_spacing(ppr, 20, "exact")
        ooxml.set_indent(ppr, 0)
        height = block.lines * LINE_PITCH + 160  # the rules and their gaps
        anchor._p.append(ooxml.text_box_at_bottom(lines, self.width, height, "版记", 1))
