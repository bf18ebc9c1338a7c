"""Targets cannot contradict their text: a value is a figure of it, a kind what it says.

A target's ``value``/``unit``/``qualifier``/``kind`` that its ``text`` contradicts is refused
at that field's line and column; what is left out is read from the text; ceilings and
decreases are kinds of their own, shown as such on the cards and kept out of the growth chart.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import error_line, write
from pptx import Presentation
from pptx.enum.dml import MSO_FILL
from pptx.oxml.ns import qn
from typer.testing import CliRunner

from deckgen import api
from deckgen.errors import InputError
from deckgen.load import load_content

runner = CliRunner()

HEAD = "meta:\n  title: 速读\ntargets:\n  items:\n"
"""Lines 1-4 of every content here: the first target's ``- text:`` is on line 5."""


def content(*targets: str, language: str = "zh-CN") -> str:
    """A content file of ``targets``, each a block of YAML lines for one list item."""
    if language != "zh-CN":
        return HEAD.replace("速读\n", f"Brief\n  language: {language}\n") + "".join(targets)
    return HEAD + "".join(targets)


def target(text: str, **fields: object) -> str:
    """One target as block YAML: ``- text: …`` then a line per field, in the order given."""
    lines = [f"    - text: {text!r}\n"]
    lines += [f"      {key}: {value!r}\n" for key, value in fields.items()]
    return "".join(lines)


def loaded(tmp_path: Path, *targets: str, language: str = "zh-CN"):
    return load_content(write(tmp_path, content(*targets, language=language))).targets.items


# --- 1. a value that is not a figure of its text is refused, at the value -----------------


def test_the_issue_example_is_refused_at_file_line_column(tmp_path):
    """value 6.5 with text "增长5.5%": exit 2, one line naming file:line:column and both."""
    good = target("全体居民人均可支配收入增速高于地区生产总值增速", kind="qualitative")
    bad = target("地区生产总值增长5.5%", label="地区生产总值", value=6.5, unit="%", kind="growth")
    path = write(tmp_path, content(good, good, good, bad))
    assert error_line(path) == (
        f"error: {path}:13:14: targets.items[3].value: 6.5 is not a figure of its text "
        '"地区生产总值增长5.5%" (which says 5.5%)'
    )


@pytest.mark.parametrize(
    ("text", "fields", "message"),
    [
        pytest.param(
            "一般公共预算收入增长8%左右",
            {"value": 6, "unit": "%"},
            r'6 is not a figure of its text "一般公共预算收入增长8%左右" \(which says 8%左右\)',
            id="zh",
        ),
        pytest.param(
            "GDP growth of around 5%",
            {"value": 5.5, "unit": "%"},
            r'5\.5 is not a figure of its text "GDP growth of around 5%" \(which says around 5%\)',
            id="en",
        ),
        pytest.param(
            "一般公共预算收入增长5-6%",
            {"value": 5.5},
            r"5\.5 is not a figure of .* \(which says 5-6%\)",
            id="range-between-its-bounds",
        ),
        pytest.param(
            "累计落实组合式税费支持超22亿元",
            {"value": 2200000000, "unit": "元"},
            r"2200000000 is not a figure of .* \(which says 超22亿元\)",
            id="yi-multiplied-out",
        ),
        pytest.param(
            "新增城镇就业1.2万人",
            {"value": 1.2, "unit": "人"},
            r"1\.2人 is not a figure of .* \(which says 1\.2万人\)",
            id="wan-left-out-of-the-unit",
        ),
        pytest.param(
            "Build 1,200 new homes",
            {"value": 1.2},
            r'1\.2 is not a figure of its text "Build 1,200 new homes" \(which says 1,200\)',
            id="thousands-comma",
        ),
        pytest.param(
            "Tax relief of $1.2 billion",
            {"value": 1.2, "unit": "million"},
            r"1\.2 million is not a figure of .* \(which says \$1\.2 billion\)",
            id="dollar-billion-wrong-magnitude",
        ),
        pytest.param(
            "地区生产总值增长5.5%",
            {"value": 5.5, "unit": "个百分点"},
            r"5\.5个百分点 is not a figure of .* \(which says 5\.5%\)",
            id="percent-is-not-percentage-points",
        ),
        pytest.param(
            "城乡居民收入增长与经济增长基本同步",
            {"value": 5},
            r"5 is not a figure of .* \(which has no figure\)",
            id="no-figure-at-all",
        ),
    ],
)
def test_a_value_not_in_the_text_is_refused_at_the_value(tmp_path, text, fields, message):
    language = "zh-CN" if re.search(r"[\u4e00-\u9fff]", text) else "en"
    path = write(tmp_path, content(target(text, **fields), language=language))
    line = error_line(path)
    value_line = 6 if language == "zh-CN" else 7  # English files have one more meta line
    assert line.startswith(f"error: {path}:{value_line}:14: targets.items[0].value: "), line
    assert re.search(message, line), line


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("地区生产总值增长5.5%", {"value": 5.5, "unit": "%", "kind": "growth"}),
        ("地区生产总值增长5.5％", {"value": 5.5, "unit": "%"}),
        ("一般公共预算收入增长5-6%", {"value": 5, "unit": "%"}),
        ("一般公共预算收入增长5-6%", {"value": 6, "unit": "%"}),
        ("累计落实组合式税费支持超22亿元", {"value": 22, "unit": "亿元"}),
        ("新增城镇就业1.2万人", {"value": 1.2, "unit": "万人"}),
        ("Build 1,200 new homes", {"value": 1200}),
        ("Tax relief of $1.2 billion", {"value": 1.2, "unit": "billion"}),
        ("Tax relief of $1.2 billion", {"value": 1.2, "unit": "$ billion"}),
        ("Tax relief of 2.2 billion yuan", {"value": 2.2, "unit": "billion yuan"}),
        ("GDP growth of 5.5 percent", {"value": 5.5, "unit": "%"}),
        ("GDP growth of 5.5%", {"value": 5.5, "unit": "percent"}),
    ],
)
def test_a_value_that_is_a_figure_of_its_text_loads(tmp_path, text, fields):
    (item,) = loaded(tmp_path, target(text, **fields))
    assert item.value == fields["value"]


def test_a_qualifier_not_in_the_text_is_refused_at_the_qualifier(tmp_path):
    bad = target("一般公共预算收入增长8%左右", value=8, unit="%", qualifier="以上")
    path = write(tmp_path, content(bad))
    line = error_line(path)
    assert line.startswith(f"error: {path}:8:18: targets.items[0].qualifier: '以上' is not"), line


# --- 2. what is left out is read from the text ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("地区生产总值增长5.5%", (5.5, "%", None, "growth")),
        ("一般公共预算收入增长8%左右", (8, "%", "左右", "growth")),
        ("一般公共预算收入增长5-6%", (5, "%", None, "growth")),
        ("累计落实组合式税费支持超22亿元", (22, "亿元", "超", "level")),
        ("新增城镇就业1.2万人", (1.2, "万人", None, "level")),
        ("连续3年增长5%", (5, "%", None, "growth")),  # one figure singled out by 增长
        ("Public revenue up about 6%", (6, "%", "about", "growth")),
        ("Tax relief of $1.2 billion", (1.2, "$ billion", None, "level")),
        ("Build 1,200 new homes", (1200, None, None, "level")),
    ],
)
def test_a_value_left_out_is_read_from_the_text(tmp_path, text, read):
    (item,) = loaded(tmp_path, target(text))
    assert (item.value, item.unit, item.qualifier, item.kind) == read


def test_unit_qualifier_and_kind_left_out_are_read_from_the_values_figure(tmp_path):
    (item,) = loaded(tmp_path, target("一般公共预算收入增长8%左右", value=8))
    assert (item.unit, item.qualifier, item.kind) == ("%", "左右", "growth")


@pytest.mark.parametrize(
    "text",
    [
        "城乡居民收入增长与经济增长基本同步",  # no figure: stays qualitative
        "全体居民人均可支配收入增速高于地区生产总值增速",
        "GDP增长5%，一般公共预算收入增长6%",  # several, none singled out, no kind
        "Household income to grow in step with the economy",
    ],
)
def test_a_text_without_one_clear_figure_stays_qualitative(tmp_path, text):
    (item,) = loaded(tmp_path, target(text))
    assert (item.value, item.unit, item.kind) == (None, None, "qualitative")


def test_several_figures_and_a_numeric_kind_ask_to_choose(tmp_path):
    path = write(tmp_path, content(target("GDP增长5%，一般公共预算收入增长6%", kind="growth")))
    line = error_line(path)
    assert line.startswith(f"error: {path}:5:7: targets.items[0].value: field required"), line
    assert "several figures (5%、6%)" in line and "give value" in line


def test_the_kind_given_singles_out_one_of_several_figures(tmp_path):
    (item,) = loaded(tmp_path, target("地区生产总值增长5%，单位GDP能耗下降3%", kind="decrease"))
    assert (item.value, item.kind) == (3, "decrease")


def test_a_numeric_kind_without_a_figure_is_refused_at_the_kind(tmp_path):
    path = write(tmp_path, content(target("城乡居民收入增长与经济增长基本同步", kind="growth")))
    line = error_line(path)
    assert line.startswith(f"error: {path}:6:13: targets.items[0].kind: a growth target"), line


def test_a_qualitative_target_with_a_value_is_refused(tmp_path):
    path = write(tmp_path, content(target("地区生产总值增长5.5%", value=5.5, kind="qualitative")))
    assert re.search(r":7:13: targets\.items\[0\]\.kind: a qualitative target", error_line(path))


def test_the_seed_and_the_english_example_load_unchanged():
    root = Path(__file__).resolve().parents[1] / "content"
    seed = load_content(root / "liuhe-2023.yaml").targets.items
    assert [t.kind for t in seed] == ["growth"] * 5 + ["qualitative"] * 2
    english = load_content(root / "riverside-2024.yaml").targets.items
    assert [(t.value, t.kind) for t in english] == [
        (5, "growth"),
        (6, "growth"),
        (7, "growth"),
        (None, "qualitative"),
    ]


# --- 3. ceilings and decreases ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("居民消费价格涨幅控制在3%左右", "ceiling"),
        ("赤字率控制在3%以内", "ceiling"),
        ("城镇调查失业率不超过5.5%", "ceiling"),
        ("PM2.5平均浓度35微克/立方米以下", "ceiling"),
        ("政府一般性支出增长控制在3%以内", "ceiling"),  # the nearest word wins
        ("Keep consumer price inflation below 3%", "ceiling"),
        ("Unemployment of no more than 5.5%", "ceiling"),
        ("Hold the deficit within 3% of GDP", "ceiling"),
        ("Inflation of 3% or less", "ceiling"),
        ("单位地区生产总值能耗下降3%", "decrease"),
        ("化学需氧量排放量降低2%", "decrease"),
        ("一般性支出减少5%", "decrease"),
        ("Cut energy use per unit of GDP by 3%", "decrease"),
        ("Reduce emissions by 2%", "decrease"),
        ("Energy intensity to fall 3%", "decrease"),
        ("增长不低于5%", "growth"),  # a floor is not a ceiling
        ("城镇化率提高到60%", "level"),  # a destination: a level to reach
        ("Raise the share of renewables to 30%", "level"),
        ("Under the plan, GDP grows 5%", "growth"),  # "under" far from the figure says nothing
    ],
)
def test_ceilings_and_decreases_are_recognised(tmp_path, text, kind):
    language = "zh-CN" if re.search(r"[\u4e00-\u9fff]", text) else "en"
    (item,) = loaded(tmp_path, target(text), language=language)
    assert item.kind == kind


@pytest.mark.parametrize(
    ("text", "kind", "says"),
    [
        ("单位GDP能耗下降3%", "growth", "a decrease (下降): write kind: decrease"),
        ("居民消费价格涨幅控制在3%左右", "growth", "a ceiling (控制在): write kind: ceiling"),
        ("地区生产总值增长5.5%", "decrease", "a growth (增长): write kind: growth"),
        ("地区生产总值增长5.5%", "ceiling", "a growth (增长): write kind: growth"),
        ("城镇化率提高到60%", "growth", "a level to reach (提高到): write kind: level"),
        ("Cut energy use by 3%", "growth", "a decrease (Cut): write kind: decrease"),
        ("Keep inflation below 3%", "level", "a ceiling (below): write kind: ceiling"),
    ],
)
def test_a_kind_the_text_contradicts_is_refused_at_the_kind(tmp_path, text, kind, says):
    language = "zh-CN" if re.search(r"[\u4e00-\u9fff]", text) else "en"
    path = write(tmp_path, content(target(text, kind=kind), language=language))
    line = error_line(path)
    row = 6 + (language == "en")
    assert line.startswith(f"error: {path}:{row}:13: targets.items[0].kind: {kind} contradicts")
    assert line.endswith(says), line


def test_a_plain_level_takes_the_kind_its_author_gives(tmp_path):
    """No word says what "5.5%左右" is: the author's ceiling stands."""
    (item,) = loaded(tmp_path, target("城镇调查失业率5.5%左右", kind="ceiling"))
    assert (item.value, item.qualifier, item.kind) == (5.5, "左右", "ceiling")


def test_the_api_refuses_too(tmp_path):
    path = write(tmp_path, content(target("地区生产总值增长5.5%", value=6.5)))
    with pytest.raises(InputError, match=r"6\.5 is not a figure"):
        api.load(path)


# --- the deck: cards and chart say what the text says ------------------------------------------

DECK = content(
    target("地区生产总值增长5.5%", label="地区生产总值", value=5.5, unit="%", kind="growth"),
    target("一般公共预算收入增长5-6%", label="一般公共预算收入", last="-3.2%"),
    target("居民消费价格涨幅控制在3%左右", label="居民消费价格涨幅", last="增长1.8%"),
    target("单位地区生产总值能耗下降3%", label="单位地区生产总值能耗", kind="decrease"),
    target("规上工业增加值增长6%", label="规上工业增加值", last="5.1%"),
    target("城乡居民收入增长与经济增长基本同步"),
)

DECK_EN = content(
    target("GDP growth of 5.5%", label="GDP", last="3.2%"),
    target("Keep consumer price inflation below 3%", label="Consumer prices"),
    target("Cut energy use per unit of GDP by 3%", label="Energy intensity"),
    language="en",
)


def _seen(text: str) -> str:
    """A text as a reader sees it: no invisible joiners."""
    return re.sub("[\u2060\ufeff\u200b-\u200d\u00ad]", "", text)


def _targets_slide(path: Path):
    """The cards (number, caption) and the charts of the deck's first targets slide."""
    prs = Presentation(str(path))
    slide = next(  # a targets slide's cards have no tag naming a point
        s
        for s in prs.slides
        if {"Big number"} <= {sh.name for sh in s.shapes}
        and "Figure tag" not in {sh.name for sh in s.shapes}
    )
    cards = [_seen(sh.text_frame.text) for sh in slide.shapes if sh.name == "Big number"]
    captions = [_seen(sh.text_frame.text) for sh in slide.shapes if sh.name == "Figure caption"]
    charts = [sh.chart for sh in slide.shapes if sh.has_chart]
    return list(zip(cards, captions, strict=True)), charts


def _labels(series) -> list[str]:
    return [p.data_label.text_frame.text for p in series.points]


def test_a_deck_shows_ceilings_and_decreases_as_such(tmp_path):
    deck = api.build_pptx(write(tmp_path, DECK), tmp_path / "t.pptx")
    cards, charts = _targets_slide(deck)
    assert cards == [
        ("5.5%", "地区生产总值增长"),
        ("5-6%", "一般公共预算收入增长"),  # the range as written
        ("3%左右", "居民消费价格涨幅（上限）"),  # a ceiling, marked as one
        ("3%", "单位地区生产总值能耗下降"),  # a fall, in the text's own word
        ("6%", "规上工业增加值增长"),
    ]
    (chart,) = charts  # what the cards cannot show: last year's results beside the targets
    categories = ["一般公共预算收入增长", "居民消费价格涨幅（上限）", "规上工业增加值增长"]
    assert list(chart.plots[0].categories) == categories
    last, this = chart.series
    assert (last.name, this.name) == ("上年实绩", "今年目标")
    assert list(last.values) == [-3.2, 1.8, 5.1] and list(this.values) == [5, 3, 6]
    assert _labels(last) == ["-3.2%", "1.8%", "5.1%"]  # each figure as the report writes it
    assert _labels(this) == ["5-6%", "3%左右", "6%"]
    assert chart.value_axis.minimum_scale < -3.2  # a fall drawn below zero, with room
    ceiling = this.points[1].format
    assert ceiling.fill.type == MSO_FILL.BACKGROUND  # a bound: its outline, not a bar
    assert this.points[0].format.fill.type != MSO_FILL.BACKGROUND
    assert chart.has_legend


def test_without_last_years_results_the_chart_is_left_out(tmp_path):
    """A chart of this year's targets alone would repeat the cards: it is not drawn."""
    text = content(
        target("地区生产总值增长5.5%", label="地区生产总值"),
        target("城乡居民收入增长与经济增长基本同步"),
    )
    deck = api.build_pptx(write(tmp_path, text), tmp_path / "t.pptx")
    cards, charts = _targets_slide(deck)
    assert cards == [("5.5%", "地区生产总值增长")] and charts == []
    prs = Presentation(str(deck))
    listed = [
        p
        for s in prs.slides
        for sh in s.shapes
        if sh.name == "Other targets text"
        for p in sh.text_frame.paragraphs
    ]
    assert [p.text for p in listed] == ["城乡居民收入增长与经济增长基本同步"]  # no typed ▲
    assert listed[0]._p.pPr.find(qn("a:buChar")) is not None  # a real bullet


@pytest.mark.parametrize(
    "last, message",
    [
        ("2.1亿元", r"not in the target's unit"),
        ("2.1%、3%", r"must be one figure"),
        ("较快", r"must be one figure"),
    ],
)
def test_last_years_result_is_one_figure_in_the_targets_unit(tmp_path, last, message):
    path = write(tmp_path, content(target("地区生产总值增长5.5%", last=last)))
    with pytest.raises(InputError, match=message) as caught:
        api.load(path)
    assert ":6:13: targets.items[0].last:" in str(caught.value)  # at the field


def test_an_english_deck_shows_ceilings_and_decreases_as_such(tmp_path):
    deck = api.build_pptx(write(tmp_path, DECK_EN), tmp_path / "en.pptx")
    cards, charts = _targets_slide(deck)
    assert cards == [
        ("5.5%", "GDP growth"),
        ("below 3%", "Consumer prices (ceiling)"),
        ("3%", "Energy intensity down"),
    ]
    (chart,) = charts
    assert list(chart.series[0].values) == [3.2] and list(chart.series[1].values) == [5.5]
    assert list(chart.plots[0].categories) == ["GDP growth"]


def test_the_deck_never_shows_a_value_the_text_does_not_say(tmp_path):
    """The seed's targets: every card is a figure of its text, the chart the values."""
    seed = Path(__file__).resolve().parents[1] / "content" / "liuhe-2023.yaml"
    data = seed.read_text(encoding="utf-8").replace("value: 5.5", "value: 6.5", 1)
    with pytest.raises(InputError, match=r"6\.5 is not a figure"):
        api.build_pptx(write(tmp_path, data, "seed.yaml"), tmp_path / "seed.pptx")
    deck = api.build_pptx(seed, tmp_path / "seed.pptx")
    items = load_content(seed).targets.items
    cards, charts = _targets_slide(deck)
    for (number, caption), item in zip(cards, items, strict=False):
        assert number in item.text and caption.startswith(item.label)
    assert charts == []  # the seed gives no last year's results: no chart repeats the cards


def test_a_growth_written_negative_is_drawn_below_zero(tmp_path):
    text = content(
        target("出口增长-3%", label="出口", last="2%"),
        target("投资增长5%", label="投资", last="-1%"),
    )
    deck = api.build_pptx(write(tmp_path, text), tmp_path / "neg.pptx")
    _, (chart,) = _targets_slide(deck)
    assert list(chart.series[1].values) == [-3, 5] and list(chart.series[0].values) == [2, -1]
    assert _labels(chart.series[1]) == ["-3%", "5%"]
    assert chart.value_axis.minimum_scale < -3


def test_a_qualifier_read_from_the_text_is_written_in_it(tmp_path):
    """"达到4.6%左右": the level word and 左右 stand apart, so the qualifier is 左右, not a
    "达到左右" the text never writes (found importing Shanghai's 2026 report)."""
    (item,) = loaded(tmp_path, target("研发经费支出相当于生产总值的比例达到4.6%左右"))
    assert (item.value, item.qualifier, item.kind) == (4.6, "左右", "level")
    from deckgen.importer.blocks import piece
    from deckgen.importer.targets import target_item

    written = target_item(piece("研发经费支出相当于生产总值的比例达到4.6%左右", 1))
    assert written.get("qualifier") == "左右"
