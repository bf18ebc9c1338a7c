"""Tests for deckgen.figures: exact spans, non-figures, English, properties, the whole seed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deckgen.figures import Figure, figure_spans, find_figures

SEED_NAME = "seeds/000_21a80ffb47669c27.txt"
SEED_CANDIDATES = (
    Path(__file__).resolve().parents[2] / "shared" / SEED_NAME,  # CI: ../shared beside the repo
    Path("/work/shared") / SEED_NAME,
)


def _seed_text() -> str:
    for path in SEED_CANDIDATES:
        if path.is_file():
            return path.read_text(encoding="utf-8")
    pytest.skip(f"seed not found in {[str(p) for p in SEED_CANDIDATES]}")


def _only(text: str) -> Figure:
    figs = find_figures(text)
    assert len(figs) == 1, figs
    return figs[0]


def _find(text: str, figure_text: str, nth: int = 0) -> Figure:
    hits = [f for f in find_figures(text) if f.text == figure_text]
    assert len(hits) > nth, (figure_text, find_figures(text))
    return hits[nth]


# --- the seed's figures, exact --------------------------------------------------------

# (sentence, figure text, number, value, unit, prefix, suffix)
CHINESE = [
    ("累计落实组合式税费支持超22亿元、为历年新高", "超22亿元", "22", 22.0, "亿元", "超", ""),
    ("净增高新技术企业74家、增长30.2%", "30.2%", "30.2", 30.2, "%", "", ""),
    ("比重同比提高3.4个百分点,软件", "3.4个百分点", "3.4", 3.4, "个百分点", "", ""),
    ("盘活闲置低效工业用地1000多亩。", "1000多亩", "1000", 1000.0, "亩", "", "多"),
    ("等1.66万人次。", "1.66万人次", "1.66", 1.66, "万人次", "", ""),
    ("扶持资金5300多万元,惠及", "5300多万元", "5300", 5300.0, "万元", "", "多"),
    ("新建高标准农田2.19万亩,", "2.19万亩", "2.19", 2.19, "万亩", "", ""),
    ("城市绿化提升4.2万平方米,", "4.2万平方米", "4.2", 4.2, "万平方米", "", ""),
    ("提供岗位7.57万个次,", "7.57万个次", "7.57", 7.57, "万个次", "", ""),
    ("村组对外连接道路145公里,", "145公里", "145", 145.0, "公里", "", ""),
    ("净增规上工业企业40家、总数突破400家。", "40家", "40", 40.0, "家", "", ""),
    ("净增规上工业企业40家、总数突破400家。", "400家", "400", 400.0, "家", "", ""),
    ("净增高新技术企业74家、增长30.2%", "74家", "74", 74.0, "家", "", ""),
    ("省级专精特新中小企业17家、", "17家", "17", 17.0, "家", "", ""),
    ("出新改造市政道路6条、建成通车5条", "6条", "6", 6.0, "条", "", ""),
    ("发布六批次66个应用场景", "66个", "66", 66.0, "个", "", ""),
    ("新增法人企业3782家、注册资本264亿元。", "3782家", "3782", 3782.0, "家", "", ""),
    ("新增法人企业3782家、注册资本264亿元。", "264亿元", "264", 264.0, "亿元", "", ""),
    ("新增造林、低效林改造近1000亩,", "近1000亩", "1000", 1000.0, "亩", "近", ""),
    ("社保等补贴8900多万元,", "8900多万元", "8900", 8900.0, "万元", "", "多"),
    ("实现营收超过10亿元。", "超过10亿元", "10", 10.0, "亿元", "超过", ""),
    ("确保全年完成投资200亿元以上。", "200亿元以上", "200", 200.0, "亿元", "", "以上"),
    ("▲一般公共预算收入增长8%左右", "8%左右", "8", 8.0, "%", "", "左右"),
    ("连续6年被评为质量强市优秀工作区", "6年", "6", 6.0, "年", "", ""),
    ("“15分钟医保服务圈”实现全覆盖", "15分钟", "15", 15.0, "分钟", "", ""),
    ("新增城镇就业4000人、失业人员就业2500人", "4000人", "4000", 4000.0, "人", "", ""),
    ("完成8.7万户液化气用户“报警铃”免费安装。", "8.7万户", "8.7", 8.7, "万户", "", ""),
    ("盘活闲置低效工业用地1500亩以上。", "1500亩以上", "1500", 1500.0, "亩", "", "以上"),
    ("科技型中小企业达965家,", "达965家", "965", 965.0, "家", "达", ""),
    ("17个市“双百工程”重点项目全部实施", "17个", "17", 17.0, "个", "", ""),
    ("深入落实国务院33条以及省市", "33条", "33", 33.0, "条", "", ""),
]


@pytest.mark.parametrize(
    ("sentence", "text", "number", "value", "unit", "prefix", "suffix"), CHINESE
)
def test_chinese_figures(sentence, text, number, value, unit, prefix, suffix):
    fig = _find(sentence, text)
    assert sentence[fig.start : fig.end] == text
    assert (fig.number, fig.unit, fig.prefix, fig.suffix) == (number, unit, prefix, suffix)
    assert fig.value == pytest.approx(value)


def test_verb_is_not_part_of_the_figure():
    s = "外贸进出口增长9.1%。高新技术企业总数突破300家,国家级科创载体增至4个。"
    assert [f.text for f in find_figures(s)] == ["9.1%", "300家", "4个"]


def test_list_of_percentages_is_two_figures():
    s = "限上社零、限上销售额分别增长7%、18%。"
    figs = find_figures(s)
    assert [f.text for f in figs] == ["7%", "18%"]
    assert [s[f.start : f.end] for f in figs] == ["7%", "18%"]


def test_following_words_are_not_swallowed():
    s = "净增规上工业企业40家、总数突破400家。"
    assert figure_spans(s) == [
        (s.index("40家"), s.index("40家") + 3),
        (s.index("400家"), s.index("400家") + 4),
    ]


def test_more_units_and_qualifiers():
    cases = {
        "1.2万多人": ("1.2", "万人", "", "多"),
        "1个多月": ("1", "个月", "", "多"),
        "30微克/立方米": ("30", "微克/立方米", "", ""),
        "约3.5万元": ("3.5", "万元", "约", ""),
        "逾300家": ("300", "家", "逾", ""),
        "0.5‰": ("0.5", "‰", "", ""),
        "２２亿元": ("２２", "亿元", "", ""),
        "2000多年": ("2000", "年", "", "多"),
        "300余家": ("300", "家", "", "余"),
        "12,345,678元": ("12,345,678", "元", "", ""),
        "100MW": ("100", "MW", "", ""),
    }
    for text, (number, unit, prefix, suffix) in cases.items():
        fig = _only(text)
        assert fig.text == text
        assert (fig.number, fig.unit, fig.prefix, fig.suffix) == (number, unit, prefix, suffix)


def test_ranges_are_one_figure():
    assert [(f.text, f.number, f.value, f.unit) for f in find_figures("增长5-6%")] == [
        ("5-6%", "5-6", 5.0, "%")
    ]
    assert [f.text for f in find_figures("3至5年")] == ["3至5年"]
    assert [f.text for f in find_figures("增长5%-6%")] == ["5%-6%"]  # both bounds with the unit
    assert [f.text for f in find_figures("增长5%—5.5%")] == ["5%—5.5%"]
    assert find_figures("2021-2025年") == []  # a span of years


def test_minus_sign():
    fig = _only("同比增长-3.2%")
    assert (fig.text, fig.number, fig.value) == ("-3.2%", "-3.2", -3.2)


def test_false_qualifiers_are_left_out():
    assert _only("节约30%").text == "30%"
    assert _only("下达3亿元").text == "3亿元"
    assert _only("最近3年").text == "3年"
    assert _only("近3年").text == "3年"  # "the past 3 years", not "nearly"
    assert _only("近2000年历史").text == "近2000年"  # a qualified quantity, not a year


# --- non-figures ----------------------------------------------------------------------

NON_FIGURES = [
    *"回顾2022 谋划2023 2023年 2022年底 金牛湖野生动物王国4A级景区创建"
    " 强化“111”法治服务体系等品牌建设 坚持第九版防控方案 党的二十大精神"
    " 宁滁高速、328国道 第3名 3月15日 20世纪90年代 3年级 5G基站"
    " PM2.5浓度 G328 版本2.0 2023.1.5 电话12345 1-5月".split(),
    "120 jobs",
    "Chapter 3 shows",
    "in 2023",
]


@pytest.mark.parametrize("text", NON_FIGURES)
def test_non_figures(text):
    assert find_figures(text) == []


# --- English --------------------------------------------------------------------------

ENGLISH = [
    ("It raised $1.2 billion.", "$1.2 billion", "1.2", 1.2, "billion", "$", ""),
    ("Sales of 6.5 million units", "6.5 million", "6.5", 6.5, "million", "", ""),
    ("Exports grew 12% last year", "12%", "12", 12.0, "%", "", ""),
    ("up 3.4 percentage points", "3.4 percentage points", "3.4", 3.4, "percentage points", "", ""),
    ("a 5 per cent rise", "5 per cent", "5", 5.0, "per cent", "", ""),
    ("about 40 percent of it", "about 40 percent", "40", 40.0, "percent", "about", ""),
    ("over $3 trillion", "over $3 trillion", "3", 3.0, "trillion", "over $", ""),
    ("nearly 20 thousand", "nearly 20 thousand", "20", 20.0, "thousand", "nearly", ""),
    ("RMB1.2 billion", "RMB1.2 billion", "1.2", 1.2, "billion", "RMB", ""),
    ("a US$5m deal", "US$5m", "5", 5.0, "m", "US$", ""),
    ("1,200 jobs were created", "1,200", "1,200", 1200.0, "", "", ""),
    ("costs $300 now", "$300", "300", 300.0, "", "$", ""),
]


@pytest.mark.parametrize(
    ("sentence", "text", "number", "value", "unit", "prefix", "suffix"), ENGLISH
)
def test_english_figures(sentence, text, number, value, unit, prefix, suffix):
    fig = _only(sentence)
    assert sentence[fig.start : fig.end] == fig.text == text
    assert (fig.number, fig.unit, fig.prefix, fig.suffix) == (number, unit, prefix, suffix)
    assert fig.value == pytest.approx(value)


def test_english_magnitude_does_not_swallow_the_noun():
    assert [f.text for f in find_figures("6.5 million tonnes and 1.2 billion yuan")] == [
        "6.5 million",
        "1.2 billion",
    ]
    assert find_figures("3 millionaires") == []


# --- properties -----------------------------------------------------------------------

_PIECES = st.sampled_from(
    "1 22 30.2 1,200 2022 2023年 0 . , 、 ， 。 - — 至 % ％ 亿元 万 多 余 以上 左右"
    " 个百分点 家 个 月 年 代 超 近 约 达 第 $ US billion million m A G"
    " “ ” / 立方米 增长 分别 ▲ ٣ ²".split()
    + ["over ", " ", "\n"]
)
_MIXED = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=30).map("".join)


def _check_invariants(text: str) -> None:
    figs = find_figures(text)
    last_end = 0
    for f in figs:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last_end
        assert text[f.start : f.end] == f.text
        assert f.number and f.number in f.text
        assert f.prefix in f.text and f.text.startswith(f.prefix)
        assert any(c.isdigit() for c in f.number)
        last_end = f.end
    assert figure_spans(text) == [(f.start, f.end) for f in figs]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_properties_arbitrary_unicode(text):
    _check_invariants(text)


@settings(max_examples=500, deadline=None)
@given(_MIXED)
def test_properties_figure_like_text(text):
    _check_invariants(text)


# --- the whole seed -------------------------------------------------------------------

SEED_NON_FIGURES = ("回顾2022", "谋划2023", "328国道", "“111”", "4A级")
"""Every digit run in the seed that is not in a figure stands inside one of these."""

SEED_FIGURE_COUNT = range(72, 83)
"""The seed holds 77 figures (find_figures on the whole text); a little slack for tuning."""


def test_every_number_in_the_seed_is_a_figure_or_known():
    text = _seed_text()
    total = 0
    missed: list[str] = []
    for paragraph in text.splitlines():
        if not paragraph.strip():
            continue
        figs = find_figures(paragraph)
        total += len(figs)
        covered = set()
        for f in figs:
            assert paragraph[f.start : f.end] == f.text
            covered.update(range(f.start, f.end))
        for run in re.finditer(r"[0-9０-９]+", paragraph):
            if run.start() in covered:
                assert set(range(run.start(), run.end())) <= covered, (paragraph, run.group())
                continue
            allowed = any(
                p <= run.start() and run.end() <= p + len(word)
                for word in SEED_NON_FIGURES
                for p in (m.start() for m in re.finditer(re.escape(word), paragraph))
            )
            if not allowed:
                missed.append(paragraph[max(0, run.start() - 8) : run.end() + 8])
    print(f"figures in the seed: {total}")
    assert missed == [], missed
    assert total in SEED_FIGURE_COUNT, total
    assert len(find_figures(text)) == total  # paragraphs and whole text agree
