"""Document properties of both files: core (title, author…) and extended (app.xml), with
nothing left from the template a file was started from.

python-pptx and python-docx start every file from a template of theirs, whose properties say
"python-docx" wrote it, "Steve Canny" last saved it in 2013 with "Microsoft Macintosh
PowerPoint", that it has 0 slides, and whose thumbnail shows another document. An
organisation's own master or reference document brings its authors, dates, counts and
thumbnail the same way. Every core property is set here (or emptied), app.xml is written
anew, and the thumbnail dropped (Office and file managers then draw their own).
"""

from __future__ import annotations

import datetime
from xml.sax.saxutils import escape

from ..plan.properties import Properties

APP_PARTNAME = "/docProps/app.xml"
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
APPLICATION = "deckgen"


def short(text: str | None) -> str:
    """A document property within Office's 255-character limit."""
    text = text or ""
    return text if len(text) <= 255 else text[:254] + "…"


def set_core(core, props: Properties) -> None:
    """Fill a python-pptx or python-docx core-properties object from ``props`` (a
    :class:`Properties`, or the briefing plan's, which has the same fields); now (UTC) as
    created and modified date; everything else emptied."""
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0, tzinfo=None)
    core.title = short(props.title)
    core.subject = short(props.subject)
    core.author = short(props.author)
    core.last_modified_by = short(props.author)
    core.keywords = short(props.keywords)
    core.comments = short(props.comments)
    core.language = props.language
    core.category = ""
    core.content_status = ""
    core.identifier = ""
    core.version = ""
    core.revision = 1
    core.created = now
    core.modified = now
    element = core._element
    for el in element.findall(
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastPrinted"
    ):
        element.remove(el)


def app_xml(company: str, **counts: str | int) -> bytes:
    """docProps/app.xml naming deckgen as the application, with ``counts`` (Slides=30…)."""
    fields = {"TotalTime": 0, "Application": APPLICATION, **counts, "Company": short(company)}
    fields |= {"LinksUpToDate": "false", "SharedDoc": "false", "HyperlinksChanged": "false"}
    body = "".join(f"<{k}>{escape(str(v))}</{k}>" for k, v in fields.items())
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/docPropsVTypes">{body}</Properties>'
    ).encode()


def finish_package(package, company: str, **counts: str | int) -> None:
    """Write app.xml anew and drop the template's thumbnail, in a python-pptx or
    python-docx package."""
    for part in package.iter_parts():
        if str(part.partname) == APP_PARTNAME:
            part._blob = app_xml(company, **counts)
    rels = package.rels if hasattr(package, "rels") else package._rels
    for rid, rel in list(rels.items()):
        if rel.reltype == THUMBNAIL:
            rels.pop(rid)


def presentation_format(width_emu: int, height_emu: int) -> str:
    """PowerPoint's name for a slide size: "On-screen Show (16:9)", "(4:3)", "(16:10)", or
    "Custom"."""
    for name, (w, h) in {"16:9": (16, 9), "4:3": (4, 3), "16:10": (16, 10)}.items():
        if height_emu and abs(width_emu / height_emu - w / h) < 0.01:
            return f"On-screen Show ({name})"
    return "Custom"
