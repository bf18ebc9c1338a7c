"""`deckgen import` (issue 9): a report read into a content file that validates and builds.

What is checked is what a reader of the written file sees: the YAML's strings and counts,
the command's output, and the deck and briefing built from it. Sentences are split here,
independently of the importer: a sentence is *carried* when its words (without the end
mark a heading drops) stand verbatim in one string of the content, or, where the importer
splits a sentence into a title and slogan or a list of targets, when each of its clauses
stands, in order, in the content's strings.

The seed (tests/data/import/liuhe-2023.txt, the Liuhe 2023 speed-read) and the same as
Markdown and as pandoc's .docx of that Markdown must import to exactly the hand-made
content's counts. The full reports (tests/data/reports/README.md names their sources)
carry ≥ 95% of their sentences in the part a careful reader puts them in (the ``anchors``
below: from each anchor sentence on, the part it names), with that reader's highlight and
commitment counts within 2, and build with no spill.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from deckgen import api
from deckgen.cli import app
from deckgen.figures import find_figures
from deckgen.preview import find_soffice

DATA = Path(__file__).resolve().parent / "data"
SEED = DATA / "import" / "liuhe-2023"
REPORTS = DATA / "reports"
SEED_SUMMARY = (
    "6 highlights, 18 points, 7 targets, 6 commitments, 18 points, 4 closing points;"
    " 0 sentences unplaced"
)
PARTS = ("meta", "review", "problems", "targets", "plan", "closing", "unplaced")

runner = CliRunner()


# --- sentences, read here, independently of the importer -------------------------------------

_MARKER = re.compile(
    r"^(?:[▲●•■◆]\s*|[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十]+[）)]"
    r"|[一二三四五六七八九十]+是(?=\S)|——|\d{1,3}\.(?=[A-Z“\"(])|\([a-z]\))"
)
_ZH_SENTENCE = re.compile(r".+?(?:[。！？!?]+[”’」』）)]*|$)")
_EN_SENTENCE = re.compile(r"(?<=[.!?])[”’\"')]*\s+(?=[A-Z0-9“\"(‘])")


def source_sentences(path: Path, skip: set[int]) -> list[tuple[int, str]]:
    """(line, sentence) of every line of a report but those in ``skip``, markers off."""
    out = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = _MARKER.sub("", raw.strip(), count=1).strip()
        if not line or number in skip:
            continue
        chinese = any("\u4e00" <= ch <= "\u9fff" for ch in line)
        parts = _ZH_SENTENCE.findall(line) if chinese else _EN_SENTENCE.split(line)
        out += [(number, s.strip()) for s in parts if s.strip()]
    return out


def strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in strings(v)]
    return []


def carried(sentence: str, texts: list[str]) -> bool:
    """``sentence`` stands verbatim in one of ``texts``, or each of its clauses does, in
    order (a sentence the importer splits into title and slogan, or into targets)."""
    hay = "\x00".join(texts)
    body = sentence.rstrip("。！？!?；;：:，,.")
    if body in hay:
        return True
    at = 0
    for clause in (c.strip() for c in re.split(r"[，,；;：:、]", body) if c.strip()):
        found = hay.find(clause, at)
        if found < 0:
            return False
        at = found + len(clause)
    return True


def part_of(sentence: str, content: dict, expected: str | None = None) -> str | None:
    """The part of the content that carries ``sentence``: ``expected`` if it does (a
    sentence such as "各位代表！" stands in several), else the first that does."""
    order = ([expected] if expected else []) + list(PARTS)
    return next(
        (part for part in order if part in content and carried(sentence, strings(content[part]))),
        None,
    )


def left_out(path: Path) -> set[int]:
    """The report lines a written content file lists as left out."""
    notes = path.read_text(encoding="utf-8").partition("# Left out as not the report's text")[2]
    return {int(m) for m in re.findall(r"^#   (\d+): ", notes, re.M)}


def load_yaml(path: Path) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def run_import(report: Path, out: Path, *extra: str):
    return runner.invoke(app, ["import", str(report), "-o", str(out), *extra])


# --- the seed, as text, Markdown and Word ----------------------------------------------------

SEED_SKIPPED = {2, 3, 5, 11, 23, 41, 59, 77, 95, 113}
"""The seed's lines that are not the report: the province and breadcrumb of the web page,
its title repeated, and seven 图片 placeholders."""


@pytest.fixture(scope="module")
def seed_imports(tmp_path_factory) -> dict[str, tuple[object, Path]]:
    folder = tmp_path_factory.mktemp("seed-import")
    out = {}
    for suffix in ("txt", "md", "docx"):
        path = folder / f"liuhe-{suffix}.yaml"
        out[suffix] = (run_import(SEED.with_suffix(f".{suffix}"), path), path)
    return out


@pytest.mark.parametrize("suffix", ["txt", "md", "docx"])
def test_seed_imports_to_the_hand_made_counts(seed_imports, suffix):
    result, path = seed_imports[suffix]
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == f"{path}: {SEED_SUMMARY}"
    validated = runner.invoke(app, ["validate", str(path)])
    assert validated.exit_code == 0, validated.output
    for words in (
        "6 highlights, 18 points",
        "7 targets",
        "6 commitments, 18 points",
        "4 closing points",
        "0 sentences unplaced",
    ):
        assert f"  {words}\n" in validated.stdout


def test_seed_text_md_and_docx_give_the_same_content(seed_imports):
    contents = {s: load_yaml(path) for s, (_, path) in seed_imports.items()}
    assert contents["md"] == contents["txt"]
    assert contents["docx"] == contents["txt"]


def test_seed_carries_every_sentence_and_figure(seed_imports):
    content = load_yaml(seed_imports["txt"][1])
    texts = strings(content)
    sentences = source_sentences(SEED.with_suffix(".txt"), SEED_SKIPPED)
    assert len(sentences) > 190
    lost = [s for _, s in sentences if not carried(s, texts)]
    assert lost == []
    figures = [f.text for _, s in sentences for f in find_figures(s)]
    assert len(figures) > 70
    assert [f for f in figures if not any(f in t for t in texts)] == []


def test_seed_is_read_like_the_hand_made_content(seed_imports):
    content = load_yaml(seed_imports["txt"][1])
    review, plan, closing = content["review"], content["plan"], content["closing"]
    assert (review["label"], review["title"]) == ("回顾2022", "“六个突出”切实担起")
    assert review["highlights"][0]["title"] == "突出稳字当头、稳中求进"
    assert review["highlights"][0]["slogan"] == "更大力度稳增长促发展"
    assert review["highlights"][0]["points"][0]["heading"] == "千方百计稳住市场主体"
    assert content["targets"]["items"][1] == {
        "text": "一般公共预算收入增长8%左右",
        "label": "一般公共预算收入",
        "value": 8,
        "unit": "%",
        "qualifier": "左右",
        "kind": "growth",
    }
    assert (
        plan["commitments"][5]["points"][0]["bullets"][-1]
        == "完成8.7万户液化气用户“报警铃”免费安装。"
    )
    assert closing["title"] == "全面加强政府自身建设"
    assert closing["points"][3]["heading"] == "守纪律、守规矩,时刻绷紧清廉之弦"
    assert "unplaced" not in content


def test_seed_clutter_is_reported_not_imported(seed_imports):
    result, path = seed_imports["txt"]
    text = path.read_text(encoding="utf-8")
    assert "left out as not the report's text: 2 web clutter, 1 repeated title, 7 pictures" in (
        result.stdout
    )
    assert left_out(path) == SEED_SKIPPED
    assert "#   11: picture: 图片" in text
    assert "图片" not in strings(load_yaml(path))


def test_guesses_are_warned_at_their_line(seed_imports):
    result, _ = seed_imports["txt"]
    report = SEED.with_suffix(".txt")
    assert f"warning: {report}:15: title: read '“六个突出”切实担起' as the part's title" in (
        result.stderr
    )


# --- full reports ----------------------------------------------------------------------------

WEB_PAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13}
"""下载 打印 全屏 收藏 【字号： 加大 还原 减小 】, 来源： and 时间： of the dataset's pages."""

FULL = {
    "zh-hebei-2026": {
        "highlights": 6,
        "commitments": 6,
        "skipped": WEB_PAGE | {15, 68},  # a photo caption; 相关报道：
        "anchors": [
            ("2026年河北省政府工作报告", "meta"),
            ("各位代表：", "unplaced"),
            ("“十四五”时期经济社会发展回顾", "review"),
            ("同时，我省经济社会发展还面临一些困难和挑战", "problems"),
            ("“十五五”时期的主要目标任务", "plan"),
            ("主要预期目标是：", "targets"),
            ("重点做好六个方面工作", "plan"),
            ("各位代表，踏上新征程", "closing"),
        ],
    },
    "zh-beijing-2026": {
        "highlights": 6,
        "commitments": 10,
        "skipped": WEB_PAGE | {15, 106},
        "anchors": [
            ("2026年北京市政府工作报告", "meta"),
            ("各位代表：", "unplaced"),
            ("2025年工作回顾", "review"),
            ("同时，我们也清醒认识到", "problems"),
            ("“十四五”时期发展成就和", "review"),
            ("“十五五”时期是基本实现", "plan"),
            ("今年经济社会发展主要预期目标是", "targets"),
            ("重点做好十方面工作", "plan"),
            ("各位代表，完成今年目标任务", "closing"),
        ],
    },
    "zh-henan-2026": {
        "highlights": 5,
        "commitments": 10,
        "skipped": WEB_PAGE | {99},
        "anchors": [
            ("2026年河南省政府工作报告", "meta"),
            ("各位代表：", "unplaced"),
            ("“十四五”时期和2025年工作回顾", "review"),
            ("我们也清醒认识到", "problems"),
            ("“十五五”时期主要目标任务", "plan"),
            ("主要预期目标是：", "targets"),
            ("重点做好十个方面工作", "plan"),
            (95, "closing"),  # "各位代表！" on its own line, then the government's own work
        ],
    },
    "zh-jiangsu-2026": {
        "highlights": 8,  # the six 十四五 themes （一）…（六）, then 2025's ——“向新” and ——“向优”
        "commitments": 10,
        "targets": 10,
        "closing points": 5,
        "skipped": WEB_PAGE | {15, 60},  # a photo caption; 相关报道：
        "anchors": [
            ("2026年江苏省政府工作报告", "meta"),
            ("各位代表：", "unplaced"),
            ("“十四五”时期和2025年工作回顾", "review"),
            ("在看到成绩的同时", "problems"),
            ("“十五五”时期工作总体要求和目标任务", "plan"),
            ("今年经济社会发展主要预期目标是", "targets"),
            ("重点做好十个方面工作", "plan"),
            ("各位代表，走在前", "closing"),
        ],
    },
    "zh-fujian-2026": {
        "highlights": 9,  # 2025's （一）…（九）; the seven 五年来 paragraphs are the summary
        "commitments": 9,
        "targets": 7,
        "closing points": 5,
        "skipped": WEB_PAGE | {124},  # 相关报道：
        "anchors": [
            ("2026年福建省政府工作报告", "meta"),
            ("各位代表：", "unplaced"),
            ("一年接着一年干", "review"),
            ("在肯定成绩的同时", "problems"),
            ("一张蓝图绘到底", "plan"),  # part 二: the 十五五, the plan's intro
            ("今年经济社会发展的主要预期目标是", "targets"),
            ("具体抓好以下工作", "plan"),
            ("一以贯之转作风", "closing"),  # part 四: the government's own work
        ],
    },
    "zh-shanghai-2026": {
        "highlights": 5,  # （一）…（五）, the last the government's own work of 2025
        "commitments": 10,
        "targets": 8,
        "closing points": 4,
        "skipped": WEB_PAGE | {123},  # 相关报道：
        "anchors": [
            ("2026年上海市政府工作报告", "meta"),
            ("各位代表：", "unplaced"),
            ("2025年工作回顾", "review"),
            ("我们也清醒认识到", "problems"),
            ("关于《上海市国民经济", "plan"),  # part 二: the 十五五 纲要, the plan's intro
            ("综合各方面因素", "targets"),
            ("今年要重点做好以下工作", "plan"),
            ("深入推进政府治理创新", "closing"),  # part 四, not the review's （五）
        ],
    },
    "zh-anhui-2026": {
        "highlights": 12,  # 2025's （一）…（六）, then the six ——这五年
        "commitments": 11,
        "targets": 13,
        "closing points": 5,
        "skipped": WEB_PAGE | {115},  # 相关报道：
        "anchors": [
            ("2026年安徽省政府工作报告", "meta"),
            ("各位代表：", "unplaced"),
            ("2025年工作和“十四五”发展回顾", "review"),
            ("在肯定成绩的同时", "problems"),
            ("“十五五”时期主要目标和重大任务", "plan"),
            ("经济社会发展的主要预期目标是", "targets"),
            ("重点做好十一个方面工作", "plan"),
            (111, "closing"),  # "各位代表！" on its own line, then the government's own work
        ],
    },
    "en-hongkong-2021": {
        "highlights": 2,
        "commitments": 4,
        "skipped": {1, 2},  # the fixture's own notes, not the speech
        "anchors": [
            ("Mr President, Honourable Members", "unplaced"),
            ("Introduction", "review"),
            ("EconomicOutlook", "plan"),
            ("Riding out theStorm", "plan"),
            ("RevisedEstimates for 2020-21", "review"),
            ("Estimates for2021-22", "plan"),
            ("ConcludingRemarks", "closing"),
        ],
    },
}


def report_file(name: str, folder: Path) -> Path:
    """The report as found; the English fixture's two note lines made blank (kept as lines,
    so that line numbers stay the file's)."""
    path = REPORTS / f"{name}.txt"
    if not name.startswith("en-"):
        return path
    lines = path.read_text(encoding="utf-8").split("\n")
    copy = folder / path.name
    copy.write_text("\n".join("" if x.startswith("# ") else x for x in lines), encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def full_imports(tmp_path_factory) -> dict[str, tuple[object, Path, Path]]:
    folder = tmp_path_factory.mktemp("full-import")
    out = {}
    for name in FULL:
        report = report_file(name, folder)
        path = folder / f"{name}.yaml"
        out[name] = (run_import(report, path), path, report)
    return out


def expected_parts(sentences: list[tuple[int, str]], anchors: list) -> list[str]:
    """The part of each sentence: that of the last anchor at or before it."""
    parts, current, waiting = [], "meta", list(anchors)
    for line, sentence in sentences:
        if waiting and (
            waiting[0][0] == line
            if isinstance(waiting[0][0], int)
            else sentence.startswith(waiting[0][0])
        ):
            current = waiting.pop(0)[1]
        parts.append(current)
    assert waiting == [], f"anchors not met: {waiting}"
    return parts


@pytest.mark.parametrize("name", list(FULL))
def test_full_report_sentences_carried_in_the_right_part(full_imports, name):
    result, path, report = full_imports[name]
    assert result.exit_code == 0, result.output
    expect = FULL[name]
    content = load_yaml(path)
    sentences = source_sentences(report, expect["skipped"])
    parts = expected_parts(sentences, expect["anchors"])
    found = [part_of(s, content, p) for (_, s), p in zip(sentences, parts, strict=True)]
    lost = [s for (_, s), f in zip(sentences, found, strict=True) if f is None]
    wrong = [
        (line, s[:30], want, got)
        for (line, s), want, got in zip(sentences, parts, found, strict=True)
        if got != want
    ]
    share = 1 - len(wrong) / len(sentences)
    print(f"{name}: {len(sentences)} sentences, {share:.1%} in the right part; {wrong[:12]}")
    assert lost == []
    assert share >= 0.95, wrong


@pytest.mark.parametrize("name", list(FULL))
def test_full_report_counts_as_a_careful_reader(full_imports, name):
    _, path, _ = full_imports[name]
    content = load_yaml(path)
    highlights = len(content["review"]["highlights"])
    commitments = len(content["plan"]["commitments"])
    print(f"{name}: {highlights} highlights, {commitments} commitments")
    assert abs(highlights - FULL[name]["highlights"]) <= 2
    assert abs(commitments - FULL[name]["commitments"]) <= 2
    if "targets" in FULL[name]:
        assert len(content["targets"]["items"]) == FULL[name]["targets"]
        assert len(content["closing"].get("points", [])) == FULL[name]["closing points"]


PLACED = {
    "zh-jiangsu-2026": [
        ("科技创新取得新进步", "review"),  # ——“向新”, a 2025 theme
        ("“三个口袋”协同增长", "review"),
        ("在看到成绩的同时，我们也认识到", "problems"),
        ("“十五五”时期是基本实现社会主义现代化", "plan"),
        ("今年是“十五五”开局之年", "plan"),
        ("地区生产总值按增长5%安排，在实际工作中努力争取更好结果", "targets"),
        ("着力扩大有效投资", "plan"),
        ("我们将一以贯之大力支持国防和军队现代化建设", "plan"),
        ("着力提高政治能力", "closing"),
        ("着力弘扬清廉之风", "closing"),
        ("各位代表，奋斗创造历史，实干成就未来", "closing"),
    ],
    "zh-fujian-2026": [
        ("先进制造业骨干作用增强", "review"),
        ("五年来，我们聚力构建现代化产业体系", "review"),
        ("在肯定成绩的同时，我们也清醒认识到", "problems"),
        ("始终锚定机制活，持续深化改革开放", "plan"),
        ("2026年是“十五五”开局之年", "plan"),
        ("城镇调查失业率控制在5%左右", "targets"),
        ("这些目标充分考虑了为全国发展大局作贡献", "targets"),
        ("加快建设现代化产业体系", "plan"),
        ("完善社会治理体系", "plan"),
        ("作风建设永远没有休止符", "closing"),
        ("始终把忠诚作为为政之魂", "closing"),
        ("各位代表！让我们更加紧密地团结", "closing"),
    ],
}


@pytest.mark.parametrize("name", list(PLACED))
def test_full_report_anchor_sentences_land_in_their_part(full_imports, name):
    content = load_yaml(full_imports[name][1])
    wrong = [
        (words, want, part_of(words, content, want))
        for words, want in PLACED[name]
        if part_of(words, content, want) != want
    ]
    assert wrong == []


def test_full_report_structure_read_as_a_careful_reader(full_imports):
    jiangsu = load_yaml(full_imports["zh-jiangsu-2026"][1])
    fujian = load_yaml(full_imports["zh-fujian-2026"][1])
    for content in (jiangsu, fujian):
        assert len(content["plan"]["intro"]) <= 12  # part 二 and the plan's lead-in, no more
        assert not any(p.startswith(("二、", "三、")) for p in strings(content["plan"]))
    items = jiangsu["targets"]["items"]
    assert items[0]["text"] == "地区生产总值按增长5%安排，在实际工作中努力争取更好结果"
    assert items[0]["label"] == "地区生产总值"
    assert "重点做好十个方面工作。" not in strings(jiangsu["targets"])
    assert fujian["targets"]["items"][0]["text"].endswith("在实际工作中努力争取更好结果")
    assert jiangsu["problems"]["points"][0].startswith("在看到成绩的同时")
    assert not any(s.startswith("在看到成绩的同时") for s in jiangsu["review"].get("summary", []))
    assert jiangsu["closing"]["title"] != "各位代表"
    assert jiangsu["closing"]["appeal"][0].startswith("各位代表，奋斗创造历史")
    assert fujian["closing"]["title"].startswith("一以贯之转作风")
    assert fujian["closing"]["appeal"][0].startswith("各位代表！让我们")
    headings = [
        p.get("heading") for c in jiangsu["plan"]["commitments"] for p in c.get("points", [])
    ]
    for heading in ("更大力度提振消费", "着力扩大有效投资", "促进外贸稳中提质"):
        assert heading in headings, headings
    review_headings = [
        p.get("heading") for h in fujian["review"]["highlights"] for p in h.get("points", [])
    ]
    for false in ("入选全国首批数据基础设施省级节点", "应急避难场所县乡村全覆盖"):
        assert false not in review_headings


def test_a_part_that_looks_wrong_is_warned_at_its_line(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(
        "一、2025年工作回顾\n过去一年，地区生产总值增长5%。\n"
        "二、2026年工作安排\n"
        + "".join(f"第{n}段说了很多话，没有结构。还有一句话。\n" for n in "一二三四五六")
        + "主要预期目标视情况而定，不作安排。\n"
        + "（一）扩大有效需求。推进项目建设。\n（二）办好民生实事。新建学校2所。\n"
        + "让我们团结奋斗，共创美好未来！\n",
        encoding="utf-8",
    )
    result = run_import(report, tmp_path / "c.yaml")
    assert result.exit_code == 0, result.output
    warned = result.stderr.replace("\n", " ")
    assert f"warning: {report}:4: plan.intro: 7 paragraphs before the commitments" in warned
    assert f"warning: {report}:10: targets: none read" in warned
    assert f"warning: {report}:13: closing.title: '让我们团结奋斗' is the appeal" in warned


@pytest.mark.parametrize("name", list(FULL))
def test_full_report_web_clutter_is_left_out_and_reported(full_imports, name):
    result, path, _ = full_imports[name]
    noted = left_out(path)
    assert noted == FULL[name]["skipped"] - ({1, 2} if name.startswith("en-") else set())
    assert all(x not in strings(load_yaml(path)) for x in ("下载", "打印", "相关报道："))


def test_full_report_meta_targets_and_closing(full_imports):
    hebei = load_yaml(full_imports["zh-hebei-2026"][1])
    assert hebei["meta"]["presenter"] == "河北省人民政府省长 王正谱"
    assert hebei["meta"]["occasion"] == "2026年1月26日在河北省第十四届人民代表大会第四次会议上"
    assert hebei["meta"]["organisation"] == "河北省人民政府"
    assert hebei["meta"]["date"] == "2026年1月26日"
    items = hebei["targets"]["items"]
    assert [t["text"] for t in items][-1] == "城镇调查失业率控制在5.5%左右"
    assert items[-1]["kind"] == "ceiling" and items[-1]["label"] == "城镇调查失业率"
    assert hebei["plan"]["requirements"][0].startswith("今年是“十五五”起步之年")
    assert [p["heading"] for p in hebei["closing"]["points"]] == [
        "要坚守政治忠诚",
        "要坚守为民初心",
        "要坚守法治原则",
        "要坚守清廉本色",
    ]
    assert hebei["closing"]["appeal"][0].startswith("各位代表！实干托举梦想")
    beijing = load_yaml(full_imports["zh-beijing-2026"][1])
    assert beijing["meta"]["organisation"] == "北京市人民政府"  # from the opening formula
    assert beijing["problems"]["points"][0].startswith("同时，我们也清醒认识到")


# --- built and checked: no spill ---------------------------------------------------------------

BUILT = ["liuhe-2023", *FULL]


@pytest.fixture(scope="module")
def checked(seed_imports, full_imports, tmp_path_factory) -> dict[str, list[str]]:
    """Each imported content built to a deck and a briefing, each checked once."""
    if find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is needed to check the outputs")
    paths = {"liuhe-2023": seed_imports["txt"][1]}
    paths.update({name: path for name, (_, path, _) in full_imports.items()})
    folder = tmp_path_factory.mktemp("full-built")
    built = {name: api.build(content, out_dir=folder / name) for name, content in paths.items()}
    files = [written for outputs in built.values() for written in outputs]
    found = dict(zip(files, api.check_files(files), strict=True))  # one LibreOffice start
    return {
        name: [f"{w.name}: {f}" for w in outputs for f in found[w] if not f.warning]
        for name, outputs in built.items()
    }


@pytest.mark.parametrize("name", BUILT)
def test_imported_content_builds_without_spill(checked, name):
    spills = [f for f in checked[name] if "spill" in f]
    assert spills == []


# --- errors -----------------------------------------------------------------------------------


def one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


def test_refuses_a_report_it_cannot_read(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    out = tmp_path / "c.yaml"
    line = one_line_error(run_import(pdf, out))
    assert line == f"error: {pdf}: cannot import a .pdf file: give a .txt, .md or .docx report"
    broken = tmp_path / "report.docx"
    broken.write_bytes(b"not a zip")
    assert one_line_error(run_import(broken, out)).startswith(
        f"error: {broken}: cannot open it as a Word (.docx) file"
    )
    line = one_line_error(run_import(tmp_path / "missing.txt", out))
    assert line == f"error: {tmp_path / 'missing.txt'}: no such file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx", "report.pdf"]


def test_never_overwrites_without_force(tmp_path):
    out = tmp_path / "c.yaml"
    out.write_text("keep: me\n", encoding="utf-8")
    line = one_line_error(run_import(SEED.with_suffix(".txt"), out))
    assert line == f"error: {out}: already exists; not overwritten (give --force to replace it)"
    assert out.read_text(encoding="utf-8") == "keep: me\n"
    assert run_import(SEED.with_suffix(".txt"), out, "--force").exit_code == 0
    assert load_yaml(out)["meta"]["title"] == "聚焦两会!速读六合区政府工作报告"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.yaml"]


def test_never_writes_over_the_report(tmp_path):
    report = tmp_path / "report.md"
    report.write_text("# 报告\n\n正文。\n", encoding="utf-8")
    line = one_line_error(run_import(report, report))
    assert line == f"error: {report}: a content file is written as YAML: name it .yaml"
    assert report.read_text(encoding="utf-8") == "# 报告\n\n正文。\n"


def test_reads_a_gbk_text_file(tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes(SEED.with_suffix(".txt").read_text("utf-8").encode("gb18030"))
    result = run_import(report, tmp_path / "c.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1].endswith(SEED_SUMMARY)


# --- what is not the report ---------------------------------------------------------------------

CLUTTERED = """\
2024年某区政府工作报告
分享
打印
来源：某区融媒体中心
时间：2024-01-20
某区 > 政务 > 正文
各位代表：
现在，我代表区人民政府向大会报告工作，请予审议。
一、2023年工作回顾
过去一年，我们推进“两重”[1]建设，地区生产总值增长5%。
（一）经济稳中向好。工业增加值增长6%。
（二）民生持续改善。新增就业1万人。
二、2024年工作安排
主要预期目标是：地区生产总值增长5%左右，城镇调查失业率控制在5.5%以内。
（一）扩大有效需求。推进项目建设。
（二）办好民生实事。新建学校2所。
名词解释
[1]“两重”：国家重大战略实施和重点领域安全能力建设。
"""


def test_web_clutter_footnotes_and_glossary_are_reported(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(CLUTTERED, encoding="utf-8")
    out = tmp_path / "c.yaml"
    result = run_import(report, out)
    assert result.exit_code == 0, result.output
    assert (
        "5 web clutter, 1 footnote marker, 2 glossary lines (lines 2, 3, 4, 5, 6, 10, 17, 18)"
        in (result.stdout)
    )
    content = load_yaml(out)
    texts = strings(content)
    assert "过去一年，我们推进“两重”建设，地区生产总值增长5%。" in texts
    assert not any("[1]" in t or "名词解释" in t or "分享" == t for t in texts)
    assert len(content["review"]["highlights"]) == 2
    assert [t["kind"] for t in content["targets"]["items"]] == ["growth", "ceiling"]
    notes = out.read_text(encoding="utf-8")
    assert "#   10: footnote marker: [1]" in notes
    assert "#   17: glossary: 名词解释" in notes


def test_word_styles_numbering_and_bold_run_ins(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("2024年某县政府工作报告", 0)
    document.add_heading("2023年工作回顾", 1)
    for title, lead, rest in (
        ("产业发展提速", "工业提质。", "规上工业增加值增长8%。"),
        ("民生福祉提升", "就业稳定。", "城镇新增就业5000人。"),
    ):
        document.add_heading(title, 2)
        p = document.add_paragraph()
        p.add_run(lead).bold = True
        p.add_run(rest)
    document.add_heading("2024年工作安排", 1)
    document.add_paragraph("主要预期目标是：")
    document.add_paragraph("地区生产总值增长6%", style="List Number")
    document.add_paragraph("居民收入增长与经济增长同步", style="List Number")
    document.add_heading("做强实体经济", 2)
    document.add_paragraph("新增规上企业30家。", style="List Bullet")
    document.add_heading("办好民生实事", 2)
    document.add_paragraph("新建养老服务中心2个。", style="List Bullet")
    report = tmp_path / "report.docx"
    document.save(report)
    out = tmp_path / "c.yaml"
    result = run_import(report, out)
    assert result.exit_code == 0, result.output
    content = load_yaml(out)
    assert content["meta"]["title"] == "2024年某县政府工作报告"
    highlights = content["review"]["highlights"]
    assert [h["title"] for h in highlights] == ["产业发展提速", "民生福祉提升"]
    assert highlights[0]["points"] == [{"heading": "工业提质", "text": "规上工业增加值增长8%。"}]
    assert [t["text"] for t in content["targets"]["items"]] == [
        "地区生产总值增长6%",
        "居民收入增长与经济增长同步",
    ]
    commitments = content["plan"]["commitments"]
    assert [c["title"] for c in commitments] == ["做强实体经济", "办好民生实事"]
    assert commitments[1]["points"] == [{"bullets": ["新建养老服务中心2个。"]}]


def test_a_word_footnote_is_reported(tmp_path):
    import docx
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    document = docx.Document()
    document.add_heading("2024年某县政府工作报告", 0)
    p = document.add_paragraph("过去一年，地区生产总值增长5%。")
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), "1")
    p.add_run()._r.append(ref)
    report = tmp_path / "report.docx"
    document.save(report)
    out = tmp_path / "c.yaml"
    result = run_import(report, out)
    assert result.exit_code == 0, result.output
    assert "1 footnote marker (lines 2)" in result.stdout
    assert "#   2: footnote marker: (a Word footnote's note)" in out.read_text(encoding="utf-8")
    assert "过去一年，地区生产总值增长5%。" in strings(load_yaml(out))


def test_full_report_shanghai_anhui_parts_labels_and_place(full_imports):
    """Found in a new-user trial: Shanghai's review item （五）…政府自身建设 is a highlight and
    part 四 the closing; labels end before an adverb or a verb; Anhui's place is its title's."""
    shanghai = load_yaml(full_imports["zh-shanghai-2026"][1])
    anhui = load_yaml(full_imports["zh-anhui-2026"][1])
    assert shanghai["review"]["highlights"][-1]["title"] == "持续加强政府自身建设"
    assert shanghai["closing"]["title"] == "深入推进政府治理创新"
    assert [p["heading"] for p in shanghai["closing"]["points"]][
        0
    ] == "坚持政治引领，不折不扣贯彻落实党中央决策部署"
    assert shanghai["problems"]["points"][0].startswith("我们也清醒认识到")
    labels = [t.get("label") for t in shanghai["targets"]["items"]]
    assert "单位生产总值二氧化碳排放量" in labels and "全社会研发经费支出" in labels
    assert "居民消费价格指数" in [t.get("label") for t in anhui["targets"]["items"]]
    assert anhui["meta"]["region"] == "安徽省"
    assert anhui["meta"]["organisation"] == "安徽省人民政府"
