"""content/liuhe-2023.yaml holds the whole seed report, and the completeness check can fail."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from seedtext import (
    SEED_PATH,
    haystack,
    missing,
    normalise,
    seed_paragraphs,
    seed_sentences,
    split_sentences,
    squash,
    strings_of,
)

from deckgen.model import Content

CONTENT = Path(__file__).resolve().parents[1] / "content" / "liuhe-2023.yaml"

needs_seed = pytest.mark.skipif(not SEED_PATH.exists(), reason=f"no seed text at {SEED_PATH}")


def load(path: Path) -> Content:
    """Load a content file with deckgen's loader, or plainly while there is none."""
    if importlib.util.find_spec("deckgen.load") is not None:
        from deckgen.load import load_content

        return load_content(path)
    from ruamel.yaml import YAML

    return Content.model_validate(YAML(typ="safe").load(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def content() -> Content:
    return load(CONTENT)


def model_text(content: Content) -> str:
    """All strings of the content, each kept apart from the next."""
    return haystack(strings_of(content.model_dump()))


def rebuilt(content: Content, change) -> Content:
    """A copy of ``content`` with ``change(data)`` applied to its dumped data."""
    data = content.model_dump()
    change(data)
    return Content.model_validate(data)


# --- the file loads, and has the report's shape -------------------------------------------


def test_first_line_points_at_the_schema():
    first = CONTENT.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/content.schema.json"


def test_summary(content: Content):
    assert content.review is not None and content.targets is not None
    assert content.plan is not None and content.closing is not None
    assert len(content.review.highlights) == 6
    assert sum(len(h.points) for h in content.review.highlights) == 18
    assert len(content.targets.items) == 7
    assert len(content.plan.commitments) == 6
    assert len(content.closing.points) == 4


def test_meta(content: Content):
    meta = content.meta
    assert (meta.kicker, meta.title, meta.subtitle) == (
        "聚焦两会",
        "速读六合区政府工作报告",
        "政府工作报告解读",
    )
    assert meta.organisation == "南京市六合区人民政府"
    assert meta.region == "江苏省南京市六合区"
    assert meta.date == "2023年1月"
    assert meta.language == "zh-CN"
    assert meta.source == "六合区2023年政府工作报告"
    assert (content.review.label, content.review.year) == ("回顾2022", 2022)
    assert (content.plan.label, content.plan.year) == ("谋划2023", 2023)


def test_targets_parsed(content: Content):
    items = content.targets.items
    assert [t.kind for t in items] == ["growth"] * 5 + ["qualitative"] * 2
    for t in items:
        assert not t.text.startswith("▲")
        assert t.label and t.label in t.text
        if t.kind == "qualitative":
            assert (t.value, t.unit, t.qualifier) == (None, None, None), t.text
            continue
        assert t.value is not None and t.unit, t.text
        figure = f"{t.value:g}{t.unit}{t.qualifier or ''}"
        assert t.text.endswith(figure), (t.text, figure)
        assert t.text == f"{t.label}增长{figure}"
    assert [(t.value, t.qualifier) for t in items[:5]] == [
        (5.5, None),
        (8, "左右"),
        (8, None),
        (18, None),
        (6, None),
    ]
    assert [t.label for t in items[5:]] == ["居民人均可支配收入", "约束性指标"]


def test_full_width_punctuation(content: Content):
    assert [s for s in strings_of(content.model_dump()) if normalise(s) != s] == []


def test_plain_yaml():
    """Block style, double quotes only where YAML needs them (a value starting with %)."""
    lines = CONTENT.read_text(encoding="utf-8").splitlines()
    quoted = [line.strip() for line in lines if '"' in line and not line.lstrip().startswith("#")]
    assert quoted == ['unit: "%"'] * 5
    assert not any(mark in line for line in lines for mark in ("{", "[", "'"))


# --- the splitting and checking helpers ---------------------------------------------------


def test_split_sentences():
    assert split_sentences("甲。乙！丙？丁；戊") == ["甲。", "乙！", "丙？", "丁；", "戊"]
    assert split_sentences("增长30.2%，总数突破300家。") == ["增长30.2%，总数突破300家。"]
    assert split_sentences("他说“好。”然后走了。") == ["他说“好。”", "然后走了。"]
    assert split_sentences("讲政治、讲忠诚，持续筑牢信仰之基") == [
        "讲政治、讲忠诚，持续筑牢信仰之基"
    ]


def test_missing_ignores_whitespace_but_not_separators():
    assert missing(["甲乙。", "丙丁。"], "甲 乙\n。丙") == ["丙丁。"]
    assert missing(["乙丙"], haystack(["甲乙", "丙丁"])) == ["乙丙"]


@needs_seed
def test_seed_is_read_as_expected():
    paragraphs = seed_paragraphs()
    assert paragraphs[:3] == ["聚焦两会", "速读六合区政府工作报告", "聚焦两会"]
    text = "".join(paragraphs)
    for clutter in ("江苏 >", "图片", "▲", "!", ",", ":", "("):
        assert clutter not in text
    sentences = seed_sentences()
    eod = [s for s in sentences if "EOD" in s]
    assert len(eod) == 1 and eod[0].endswith(
        "开发模式（EOD）试点，整区屋顶分布式光伏国家试点全面展开。"
    )
    assert len(sentences) == len(set(sentences))


# --- THE completeness test ------------------------------------------------------------------


@needs_seed
def test_every_seed_sentence_is_in_the_content(content: Content):
    assert missing(seed_sentences(), model_text(content)) == []


@needs_seed
def test_nothing_in_the_content_is_not_in_the_seed(content: Content):
    """The reverse: no words added or changed (the author's own meta fields aside)."""
    seed = squash("".join(seed_paragraphs()))
    data = content.model_dump(exclude={"meta": {"organisation", "region", "date", "source"}})
    data["meta"].pop("language")
    for item in data["targets"]["items"]:
        item.pop("kind")
    extra = [s for s in strings_of(data) if squash(s) not in seed]
    assert extra == []


# --- ... and it can fail --------------------------------------------------------------------


@needs_seed
def test_dropping_a_sentence_from_a_point_is_reported(content: Content):
    text = content.review.highlights[0].points[1].text
    sentences = split_sentences(text)
    dropped = sentences[1]
    assert dropped.startswith("新增国家级专精特新")

    def change(data):
        point = data["review"]["highlights"][0]["points"][1]
        point["text"] = "".join(s for s in sentences if s != dropped)

    assert missing(seed_sentences(), model_text(rebuilt(content, change))) == [dropped]


@needs_seed
def test_dropping_a_bullet_is_reported(content: Content):
    bullets = content.plan.commitments[0].points[0].bullets
    dropped = bullets[1]
    assert dropped.startswith("深入实施科创企业培育行动计划")

    def change(data):
        del data["plan"]["commitments"][0]["points"][0]["bullets"][1]

    assert missing(seed_sentences(), model_text(rebuilt(content, change))) == [dropped]


@needs_seed
def test_dropping_any_single_sentence_or_bullet_is_reported(content: Content):
    """Each sentence of the report stands in exactly one place: drop it and it is missed."""
    seed = seed_sentences()
    checked = 0
    for i, highlight in enumerate(content.review.highlights):
        for j, point in enumerate(highlight.points):
            sentences = split_sentences(point.text)
            for k, dropped in enumerate(sentences):
                if len(sentences) == 1:
                    continue

                def change(data, i=i, j=j, k=k, sentences=sentences):
                    rest = sentences[:k] + sentences[k + 1 :]
                    data["review"]["highlights"][i]["points"][j]["text"] = "".join(rest)

                assert missing(seed, model_text(rebuilt(content, change))) == [dropped]
                checked += 1
    for i, commitment in enumerate(content.plan.commitments):
        for j, point in enumerate(commitment.points):
            for k, dropped in enumerate(point.bullets):

                def change(data, i=i, j=j, k=k):
                    del data["plan"]["commitments"][i]["points"][j]["bullets"][k]

                if len(point.bullets) == 1:
                    continue
                assert missing(seed, model_text(rebuilt(content, change))) == split_sentences(
                    dropped
                )
                checked += 1
    assert checked > 80
