"""Key-figure captions state the fact as the sentence does, or there is no card.

The rules are in :mod:`deckgen.captions`; the cases come from the seed and the faults a
reader found in earlier captions (a total captioned as one of its parts, a count captioned
with the wrong noun, a rise captioned as the level, a dangling 其, a name made a quantity).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deckgen import api
from deckgen.captions import MAX_CHARS, caption_for
from deckgen.figures import find_figures

ROOT = Path(__file__).resolve().parents[1]


def _caption(sentence: str, figure: str, language: str = "zh") -> str | None:
    fig = next(f for f in find_figures(sentence) if f.text == figure)
    return caption_for(sentence, fig, language)


ZH = [
    # a total keeps what it totals, with its 等
    (
        "开展线上线下招聘活动179场、提供岗位7.57万个次，新增城镇就业、大学生就业、困难人员就业等1.66万人次。",
        "1.66万人次",
        "新增城镇就业、大学生就业、困难人员就业等",
    ),
    # the count's own noun, after it
    (
        "制定出台优化营商环境实施方案，发布六批次66个应用场景，新增法人企业3782家。",
        "66个",
        "发布六批次66个应用场景",
    ),
    (
        "制定出台优化营商环境实施方案，发布六批次66个应用场景，新增法人企业3782家。",
        "3782家",
        "新增法人企业",
    ),
    # the direction stays: the share rose by 3.4 points, it is not 3.4 points
    (
        "战略性新兴产业产值占工业总产值比重同比提高3.4个百分点，软件信息服务业收入33亿元。",
        "3.4个百分点",
        "战略性新兴产业产值占工业总产值比重同比提高",
    ),
    ("获市重大项目推进奖。外贸进出口增长9.1%。", "9.1%", "外贸进出口增长"),
    # a figure that opens its clause: the words after it
    ("139个省市督导反馈问题全部整改到位。", "139个", "省市督导反馈问题全部整改到位"),
    # the qualifier is part of the figure, the caption the subject
    ("累计落实组合式税费支持超22亿元、为历年新高。", "超22亿元", "累计落实组合式税费支持"),
    (
        "高新技术产业产值占规上工业总产值比重达54%，",
        "达54%",
        "高新技术产业产值占规上工业总产值比重",
    ),
    # a list item with its own verb stands on its own
    ("开展线上线下招聘活动179场、提供岗位7.57万个次，", "7.57万个次", "提供岗位"),
    ("农村低收入群体危房改造61户、老旧农房改善684户，", "684户", "老旧农房改善"),
    # joining words at the start go; the rest is as written
    ("同时新建高标准农田2.19万亩，", "2.19万亩", "新建高标准农田"),
]


@pytest.mark.parametrize(("sentence", "figure", "caption"), ZH)
def test_chinese_captions_state_the_fact(sentence, figure, caption):
    assert _caption(sentence, figure) == caption


NO_CARD = [
    # names are not quantities
    ("“15分钟医保服务圈”实现全覆盖", "15分钟"),
    ("15分钟医保服务圈实现全覆盖", "15分钟"),
    ("深入落实国务院33条以及省市助企纾困等一揽子政策，", "33条"),
    ("《3年行动计划》全面完成", "3年"),
    # one verb for several figures: which is which is not in the clause
    ("限上社零、限上销售额分别增长7%、18%。", "7%"),
    ("限上社零、限上销售额分别增长7%、18%。", "18%"),
    # a pronoun or dangling word
    ("其孵化引进企业实现营收超过10亿元。", "超过10亿元"),
    ("净增规上工业企业40家、总数突破400家。", "400家"),
    # the list's verb belongs to the first item
    ("修复湿地748亩、废弃露采矿山宕口409亩，", "409亩"),
    ("净增高新技术企业74家、增长30.2%，", "30.2%"),
    # nothing to say
    ("建成11万平方米", "11万平方米"),
]


@pytest.mark.parametrize(("sentence", "figure"), NO_CARD)
def test_no_card_when_no_caption_is_faithful(sentence, figure):
    assert _caption(sentence, figure) is None


EN = [
    (
        "Tax relief worth $1.2 billion reached local firms.",
        "$1.2 billion",
        "Tax relief worth $1.2 billion reached local firms",
    ),
    (
        "Exports rose 9.1% and GDP grew by 3.4 percentage points.",
        "3.4 percentage points",
        "GDP grew by",
    ),
    ("Exports rose 9.1% and GDP grew by 3.4 percentage points.", "9.1%", "Exports rose"),
    (
        "We renovated 1,200 homes in older districts and resurfaced 45 km of roads.",
        "1,200",
        "We renovated 1,200 homes in older districts",
    ),
    (
        "We renovated 1,200 homes in older districts and resurfaced 45 km of roads.",
        "45 km",
        "resurfaced 45 km of roads",
    ),
    (
        "The share of good air days rose to 86%, the best on record.",
        "86%",
        "The share of good air days rose to",
    ),
    (
        "340 new companies registered, up 12% on the year before.",
        "12%",
        "340 new companies registered, up 12% on the year before",
    ),
    (
        "For 2020 as a whole, the economy contracted by 6.1 per cent.",
        "6.1 per cent",
        "For 2020 as a whole, the economy contracted by",
    ),
]


@pytest.mark.parametrize(("sentence", "figure", "caption"), EN)
def test_english_captions_state_the_fact(sentence, figure, caption):
    assert _caption(sentence, figure, "en") == caption


EN_NO_CARD = [
    ("Sales held. Up 12% on the year before.", "12%"),
    (
        "Revenue is $87 billion, substantially lower than the estimate by $31 billion.",
        "$31 billion",
    ),
    (
        "The rate of the retail, accommodation and food services sectors rose to 11.3 per cent.",
        "11.3 per cent",
    ),
    ("It rose by 5% last year.", "5%"),
    ("Exports and imports grew by 3% and 4% respectively.", "3%"),
    ("The “2 million trees” campaign ended.", "2 million"),
]


@pytest.mark.parametrize(("sentence", "figure"), EN_NO_CARD)
def test_english_no_card_when_no_caption_is_faithful(sentence, figure):
    assert _caption(sentence, figure, "en") is None


def _verbatim(text: str, language: str) -> None:
    for fig in find_figures(text):
        cap = caption_for(text, fig, language)
        if cap is not None:
            assert cap in text
            assert 0 < len(cap) <= MAX_CHARS[language]


_PIECES = st.sampled_from(
    "1 22 30.2 1,200 2023年 . , 、 ， 。 ； - 至 % 亿元 万 多 以上 左右 个百分点 家 个 年 分钟"
    " 超 近 达 其 等 分别 新增 建成 总数 国务院 增长 提高 “ ” 《 》 and while it up $ billion"
    " percent homes rose by".split()
    + [" ", "企业", "项目"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.sampled_from(["zh", "en"]))
def test_a_caption_is_always_words_of_the_text(text, language):
    _verbatim(text, language)


@pytest.mark.parametrize("name", ["liuhe-2023", "riverside-2024"])
def test_every_card_of_the_samples_is_words_of_its_point(name):
    content = api.load(ROOT / "content" / f"{name}.yaml")
    rows = api.cards(content)
    assert rows, name
    texts = {(h.title, p.heading): p.text for h in content.review.highlights for p in h.points}
    for row in rows:
        text = texts[(row.highlight, row.point)]
        assert row.figure in text and row.caption in text and row.sentence in text


# ---- reviewed tables -------------------------------------------------------------------

CARDS = Path(__file__).parent / "cards"
REVIEWED = {
    "liuhe-2023.tsv": "content/liuhe-2023.yaml",
    "riverside-2024.tsv": "content/riverside-2024.yaml",
    "zh-sichuan-2026.tsv": "tests/data/reports/zh-sichuan-2026.yaml",
    "en-hongkong-2021.tsv": "tests/data/reports/en-hongkong-2021.yaml",
}
"""Each table lists every card deckgen makes of a content, reviewed by a person."""


def _table(name: str) -> list[dict[str, str]]:
    lines = [
        line
        for line in (CARDS / name).read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    head = lines[0].split("\t")
    return [dict(zip(head, line.split("\t"), strict=True)) for line in lines[1:]]


@pytest.mark.parametrize("table", sorted(REVIEWED))
def test_cards_are_the_reviewed_ones_and_none_is_wrong(table):
    rows = _table(table)
    assert rows and all(r["review"] == "ok" for r in rows), [r for r in rows if r["review"] != "ok"]
    made = [
        (r.highlight, r.point, r.figure, r.caption, "yes" if r.shown else "no")
        for r in api.cards(api.load(ROOT / REVIEWED[table]))
    ]
    reviewed = [(r["highlight"], r["point"], r["figure"], r["caption"], r["shown"]) for r in rows]
    assert made == reviewed, "cards changed: regenerate the table and review every row"


def test_cards_command_lists_cards_beside_their_sentences():
    from typer.testing import CliRunner

    from deckgen.cli import app

    result = CliRunner().invoke(app, ["cards", str(ROOT / "content/liuhe-2023.yaml")])
    assert result.exit_code == 0, result.output
    assert "1.66万人次  新增城镇就业、大学生就业、困难人员就业等" in result.output
    assert "新增城镇就业、大学生就业、困难人员就业等1.66万人次。" in result.output
    shown = [line for line in result.output.splitlines() if not line.startswith("      ")]
    assert not any("15分钟" in line or "33条" in line for line in shown)  # names, not figures


# ---- the author decides ----------------------------------------------------------------

AUTHORED = """\
meta:
  title: 速读
review:
  highlights:
    - title: 稳增长
      points:
        - heading: 稳住市场主体
          text: 累计落实组合式税费支持超22亿元、为历年新高。新增法人企业3782家。
          cards:
            - figure: 3782家
              caption: 新增法人企业（全年）
        - heading: 稳固工业经济
          text: 软件信息服务业收入33亿元。
          cards: []
    - title: 惠民生
      cards:
        - figure: 1.66万人次
          caption: 各类就业合计
      points:
        - heading: 社会保障
          text: 新增城镇就业、大学生就业、困难人员就业等1.66万人次。农村低收入群体危房改造61户。
"""


def _shown(content) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for r in api.cards(content):
        if r.shown:
            out.setdefault(r.highlight, []).append((r.figure, r.caption))
    return out


def test_a_highlight_or_point_lists_its_cards_or_turns_them_off(tmp_path):
    path = tmp_path / "authored.yaml"
    path.write_text(AUTHORED, encoding="utf-8")
    shown = _shown(api.load(path))
    assert shown == {
        "稳增长": [("3782家", "新增法人企业（全年）")],  # the point's own; 33亿元 turned off
        "惠民生": [("1.66万人次", "各类就业合计")],  # the highlight's list, nothing else
    }
    deck = api.build_pptx(path, tmp_path / "authored.pptx")
    from pptx import Presentation

    text = "\n".join(
        shape.text_frame.text
        for slide in Presentation(str(deck)).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert "新增法人企业（全年）" in text and "各类就业合计" in text


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        (
            "- figure: 3782家",
            "- figure: 3783家",
            ":10:23: review.highlights[0].points[0].cards[0].figure",
        ),
        ("- figure: 1.66万人次", "- figure: 很多", ":17:19: review.highlights[1].cards[0].figure"),
        # part of a figure: a tenth of it, or without its qualifier
        (
            "- figure: 3782家",
            "- figure: 782家",
            ":10:23: review.highlights[0].points[0].cards[0].figure",
        ),
        (
            "- figure: 3782家",
            "- figure: 22亿元",
            ":10:23: review.highlights[0].points[0].cards[0].figure",
        ),
    ],
)
def test_a_card_whose_figure_is_not_in_the_text_is_refused_where_it_stands(
    tmp_path, old, new, where
):
    from typer.testing import CliRunner

    from deckgen.cli import app

    path = tmp_path / "bad.yaml"
    path.write_text(AUTHORED.replace(old, new), encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and f"{path}{where}" in lines[0], lines
