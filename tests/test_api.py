"""The Python API as a program uses it: a content from a path, a dict or a Content object,
built to paths or to bytes; errors are exceptions that say where."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from pptx import Presentation

from deckgen import api
from deckgen.errors import DeckgenError, InputError
from deckgen.preview import NO_SOFFICE, find_soffice

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ROOT / "content" / "riverside-2024.yaml"


def _data() -> dict:
    """The English sample as plain data, as a program would make it."""
    return api.load(ENGLISH).model_dump(mode="json", exclude_none=True)


def _texts(deck: Presentation) -> str:
    return "\n".join(
        shape.text_frame.text for s in deck.slides for shape in s.shapes if shape.has_text_frame
    )


def test_bytes_from_a_dict_a_content_and_a_path_are_the_same_deck(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data = _data()
    data["meta"]["title"] = "A title a program gave"
    from_dict = api.build_bytes(".pptx", data)
    from_content = api.build_bytes(".pptx", api.load(ENGLISH))
    from_path = api.build_bytes(".pptx", ENGLISH)
    assert from_dict[:2] == b"PK"
    assert "A title a program gave" in _texts(Presentation(io.BytesIO(from_dict)))
    assert _texts(Presentation(io.BytesIO(from_content))) == _texts(
        Presentation(io.BytesIO(from_path))
    )
    brief = Document(io.BytesIO(api.build_bytes(".docx", data, template="minimal")))
    assert "A title a program gave" in [p.text for p in brief.paragraphs]
    assert list(tmp_path.iterdir()) == []  # nothing left on disk


def test_a_dict_to_a_path(tmp_path):
    out = api.build_docx(_data(), tmp_path / "brief.docx")
    assert out == tmp_path / "brief.docx" and out.is_file()
    with pytest.raises(InputError, match="give out"):
        api.build_pptx(_data())  # no file name to name the output after


def test_an_error_in_a_dict_names_its_field():
    data = _data()
    data["review"]["highlights"][1]["points"] = []
    with pytest.raises(DeckgenError) as caught:
        api.build_bytes(".pptx", data)
    err = caught.value
    assert (err.file, err.line, err.column) == ("<dict>", None, None)
    assert err.field == "review.highlights[1].points"
    assert str(err).startswith("<dict>: review.highlights[1].points: ")


def test_an_error_in_a_file_names_its_line_and_column(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta:\n  title: T\n  language: fr\n", encoding="utf-8")
    with pytest.raises(DeckgenError) as caught:
        api.build_bytes(".docx", bad)
    err = caught.value
    assert (err.file, err.line, err.column, err.field) == (bad, 3, 13, "meta.language")


def test_a_wrong_suffix_is_refused_before_anything_is_read(tmp_path):
    with pytest.raises(InputError, match=r"written as \.pptx or \.pdf"):
        api.build_pptx(tmp_path / "no-such.yaml", tmp_path / "deck.docx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(find_soffice() is None, reason=NO_SOFFICE)
def test_pdf_bytes(tmp_path):
    from deckgen.check import text_per_slide

    pdf = api.build_bytes(".pptx", _data(), pdf=True)
    assert pdf.startswith(b"%PDF-")
    (tmp_path / "deck.pdf").write_bytes(pdf)
    slides = text_per_slide(tmp_path / "deck.pdf")
    assert len(slides) == len(Presentation(io.BytesIO(api.build_bytes(".pptx", _data()))).slides)
