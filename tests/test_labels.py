"""An office's own fixed words: a template's or a meeting profile's `labels:` replace deckgen's
(目录, 谢谢, 抄送, 第N期…) on the slides and pages; the meeting's win; a word per language; a
label that does not exist, or drops its placeholder, is an error at its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document
from pptx import Presentation

from deckgen import api
from deckgen.errors import InputError
from deckgen.labels import LABELS, check_words, label, overriding
from deckgen.template.theme import load_theme

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
ENGLISH = ROOT / "content" / "riverside-2024.yaml"


def _template(tmp_path: Path, labels: str) -> Path:
    folder = tmp_path / "office"
    shutil.copytree(ROOT / "templates" / "gov-red", folder)
    theme = folder / "theme.yaml"
    theme.write_text(theme.read_text(encoding="utf-8") + labels, encoding="utf-8")
    return folder


def _slides(deck: Path) -> list[str]:
    return [
        "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
        for slide in Presentation(str(deck)).slides
    ]


def _kinds(content: Path, template, options=None) -> dict[str, list[str]]:
    plan = api.plan(content, ".pptx", template, options)
    kinds: dict[str, list[str]] = {}
    for slide in plan.slides:
        kinds.setdefault(slide.kind, []).append(slide.title)
    return kinds


def test_a_template_s_labels_are_on_the_slides_and_pages(tmp_path):
    folder = _template(
        tmp_path,
        "labels:\n  agenda: 议程\n  end: 敬请指正\n  issue: '第{n}号'\n  copy_to: 分送：\n",
    )
    deck = api.build_pptx(SEED, tmp_path / "deck.pptx", folder)
    slides = _slides(deck)
    assert "议程" in slides[1].split() and "目录" not in slides[1]
    assert "敬请指正" in slides[-1] and "谢谢" not in "".join(slides)

    meeting = tmp_path / "m.yaml"
    meeting.write_text("name: 会\nissue_number: 3\ncopy_to: [区委办公室]\n", encoding="utf-8")
    options, _ = api.for_meeting(meeting)
    brief = api.build_docx(SEED, tmp_path / "brief.docx", folder, options)
    text = "\n".join(p.text for p in Document(str(brief)).paragraphs)
    body = Document(str(brief)).element.body
    everything = "".join(body.itertext())
    assert "第3号" in text and "第3期" not in everything
    assert "分送：区委办公室" in everything and "抄送" not in everything


def test_the_meeting_s_labels_win_and_a_label_can_differ_by_language(tmp_path):
    folder = _template(tmp_path, "labels:\n  agenda: {zh: 议程, en: Order of business}\n")
    assert _kinds(SEED, folder)["agenda"] == ["议程"]
    assert _kinds(ENGLISH, folder)["agenda"] == ["Order of business"]
    meeting = tmp_path / "m.yaml"
    meeting.write_text("name: 会\nlabels:\n  agenda: 会议议程\n", encoding="utf-8")
    options, _ = api.for_meeting(meeting)
    assert _kinds(SEED, folder, options)["agenda"] == ["会议议程"]
    assert _kinds(SEED, None)["agenda"] == ["目录"]  # nothing leaks into the next build


def test_key_figures_titles_are_a_label_too(tmp_path):
    folder = _template(tmp_path, "labels:\n  key_figures: '{title}：数字看点'\n")
    titles = _kinds(SEED, folder)["key_figures"]
    assert titles and all(t.endswith("：数字看点") for t in titles)


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ("labels:\n  revew: 回顾总结\n", "labels.revew: no label 'revew': the labels are "),
        ("labels:\n  issue: 本期\n", "labels.issue: '本期' must be one line and keep {n}"),
        ("labels:\n  agenda: {fr: Sommaire}\n", "labels.agenda.fr: a label's languages are"),
    ],
)
def test_a_bad_label_is_an_error_at_its_line(tmp_path, labels, message):
    folder = _template(tmp_path, labels)
    with pytest.raises(InputError) as caught:
        load_theme(folder)
    err = caught.value
    assert message in str(err) and err.file == folder / "theme.yaml"
    lines = (folder / "theme.yaml").read_text(encoding="utf-8").splitlines()
    assert err.line == len(lines)  # the label's own line


def test_every_label_has_both_languages_and_overrides_nest():
    assert all(set(words) == {"zh", "en"} for words in LABELS.values())
    check_words({key: words["zh"] for key, words in LABELS.items()})  # its own words pass
    with overriding({"end": "完"}, {"end": {"en": "The end"}}):
        assert label("end", "zh") == "完" and label("end", "en") == "The end"
    assert label("end", "zh") == "谢谢"
