"""Keyboard slips (issue 9, item 3): each gives one line at file:line:column saying in plain
words what to type instead, exit code 2, no traceback; nothing of the author's text is lost
without a word. Run through the command line, as an author meets them."""

from __future__ import annotations

import pytest
from conftest import error_line, write
from typer.testing import CliRunner

from deckgen.cli import app
from deckgen.load import load_content

GOOD = """\
meta:
  title: 速读
  date: 2023年1月
closing:
  title: 建设
  points:
    - heading: 一
      text: 累计落实
"""

QUOTE = 'put the whole value in ASCII quotes "…"'
COMMENT = (
    'closing.points[0].text: the text after " #" is read as a comment and dropped: put the'
    ' whole value in ASCII quotes "…", or the comment on a line of its own'
)


def slipped(old: str, new: str) -> str:
    assert GOOD.count(old) == 1
    return GOOD.replace(old, new)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            slipped("  title: 速读", "  title： 速读"),
            '2:8: the colon after "title" is a full-width "：": type an ASCII colon ":"'
            " followed by a space",
            id="full-width-colon",
        ),
        pytest.param(
            slipped("  title: 建设", "  title：建设"),
            '5:8: the colon after "title" is a full-width "：": type an ASCII colon ":"'
            " followed by a space",
            id="full-width-colon-last-key-no-space",
        ),
        pytest.param(
            slipped("    - heading: 一", "    - heading：一"),
            '7:14: the colon after "heading" is a full-width "：": type an ASCII colon ":"'
            " followed by a space",
            id="full-width-colon-in-a-list-item",
        ),
        pytest.param(
            slipped("  date: 2023年1月", "\u3000\u3000date: 2023年1月"),
            '3:1: the line is indented with a full-width space "　" (U+3000): indent with ASCII'
            " spaces instead",
            id="ideographic-space-indent",
        ),
        pytest.param(
            slipped("      text: 累计落实", "   \u3000  text: 累计落实"),
            '8:4: the line is indented with a full-width space "　" (U+3000): indent with ASCII'
            " spaces instead",
            id="ideographic-space-among-spaces",
        ),
        pytest.param(
            slipped("  date: 2023年1月", "  date:\u30002023年1月"),
            '3:8: the colon after "date" is followed by a full-width space "　": type an ASCII'
            " space instead",
            id="ideographic-space-after-colon",
        ),
        pytest.param(
            slipped("  date: 2023年1月", "  date:2023年1月"),
            '3:7: the colon after "date" has no space after it: type a space after ":"',
            id="no-space-after-colon",
        ),
        pytest.param(
            slipped("  title: 速读", "  title: “速读: 一”"),
            '2:10: the value of "title" is in full-width quotes “…”, which YAML does not read as'
            ' quotes: type ASCII quotes "…" around it',
            id="full-width-double-quotes",
        ),
        pytest.param(
            slipped("  title: 速读", "  title: 「速读: 一」"),
            '2:10: the value of "title" is in full-width quotes 「…」, which YAML does not read as'
            ' quotes: type ASCII quotes "…" around it',
            id="corner-brackets",
        ),
        pytest.param(
            slipped("    - heading: 一", "    - ‘一: 二’"),
            "7:7: the item is in full-width quotes ‘…’, which YAML does not read as quotes: type"
            ' ASCII quotes "…" around it',
            id="full-width-single-quotes-item",
        ),
        pytest.param(
            slipped("  date: 2023年1月", "\tdate: 2023年1月"),
            "3:1: the line is indented with a tab: indent with spaces instead",
            id="tab-indent",
        ),
        pytest.param(
            slipped("  date: 2023年1月", "  date:\t2023年1月"),
            '3:8: a tab after the colon of "date": type a space instead',
            id="tab-after-colon",
        ),
        pytest.param(
            slipped("  title: 速读", "  title: 速读\t# 封面的标题"),
            "2:12: a tab here, where YAML wants spaces: type a space instead",
            id="tab-before-a-comment",
        ),
        pytest.param(
            slipped("  title: 速读", "  title: %5增长"),
            f'2:10: the value of "title" starts with "%", which YAML keeps for itself: {QUOTE}',
            id="percent-first",
        ),
        pytest.param(
            slipped("  title: 速读", "  title: @速读"),
            f'2:10: the value of "title" starts with "@", which YAML keeps for itself: {QUOTE}',
            id="at-first",
        ),
        pytest.param(
            slipped("  title: 速读", "  title: *重点*速读"),
            '2:10: the value of "title" starts with "*", which YAML reads as the name of another'
            f" value: {QUOTE}",
            id="star-first",
        ),
        pytest.param(
            slipped("  title: 速读", "  title: !重要 速读"),
            f'2:10: the value of "title" starts with "!", which YAML reads as a type: {QUOTE}',
            id="bang-first",
        ),
        pytest.param(
            slipped("  title: 速读", "  title: !note 速读"),
            '2:10: the text starts with "!", which YAML reads as a type ("!note" is dropped):'
            f" {QUOTE}",
            id="bang-only",
        ),
        pytest.param(
            slipped("  title: 速读", "  title: &重要 速读"),
            '2:10: meta.title: the text starts with "&", which YAML reads as a name for the value'
            f' ("&重要" is dropped): {QUOTE}',
            id="ampersand-first",
        ),
        pytest.param(
            slipped("  title: 速读", '  title: "速读"报告'),
            '2:10: the value of "title" starts with a quote " and goes on after the closing one:'
            " put the whole value in quotes of the other kind, '…'",
            id="ascii-quote-then-more",
        ),
        pytest.param(
            slipped("  title: 速读", "  title: 速读: 一"),
            '2:12: the value of "title" holds ": " (a colon and a space), which YAML reads as a'
            f" new key: {QUOTE}",
            id="colon-space-in-value",
        ),
        pytest.param(
            slipped("    - heading", "    － heading"),
            '7:5: the dash is a full-width "－": type an ASCII "-" followed by a space',
            id="full-width-dash",
        ),
        pytest.param(
            slipped("      text: 累计落实", "      text: 累计落实 #1 号项目"),
            f"8:18: {COMMENT}",
            id="hash-in-sentence",
        ),
        pytest.param(
            slipped("      text: 累计落实", "      text: 累计落实 # 号项目"),
            f"8:18: {COMMENT}",
            id="hash-after-one-space",
        ),
        pytest.param(
            slipped("      text: 累计落实", "      text: 累计落实   #1 号项目"),
            f"8:20: {COMMENT}",
            id="hash-glued-to-a-word",
        ),
        pytest.param(
            slipped("      text: 累计落实", "      text: 累计落实\n        继续 #2"),
            f"9:12: {COMMENT}",
            id="hash-on-the-last-line-of-a-long-value",
        ),
        pytest.param(
            slipped("      text: 累计落实", "      text: “累计落实 #1 号”"),
            f"8:19: {COMMENT}",
            id="hash-inside-full-width-quotes",
        ),
        pytest.param(
            slipped("  date: 2023年1月", "  subtitle: #1 号文件\n  date: 2023年1月"),
            '3:13: meta.subtitle: the text after " #" is read as a comment and dropped: put the'
            ' whole value in ASCII quotes "…", or the comment on a line of its own',
            id="hash-as-a-whole-value",
        ),
    ],
)
def test_a_slip_is_one_plain_line(tmp_path, text, expected):
    path = write(tmp_path, text)
    assert error_line(path) == f"error: {path}:{expected}"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "  date: 2023年1月",
            " date: 2023年1月",
            "3:2: the line is indented unlike the lines above it: line it up with the other keys"
            " or items of its mapping or list",
            id="indented-less",
        ),
        pytest.param(
            "  date: 2023年1月",
            "   date: 2023年1月",
            '3:8: ": " here starts a key where none can start: line the key up with the keys'
            ' above it, or, if it is part of a text, put the text in ASCII quotes "…"',
            id="indented-more",
        ),
        pytest.param(
            "  title: 速读",
            '  title: "速读',
            "9:1: the quote opened on line 2 is never closed: close it with the same quote",
            id="quote-left-open",
        ),
        pytest.param(
            "      text: 累计落实",
            "      text: 累计落实\n      cards: [一, 二",
            '10:1: the "[" opened on line 9 is never closed: close it with "]"',
            id="bracket-left-open",
        ),
    ],
)
def test_other_parser_complaints_are_in_plain_words(tmp_path, old, new, expected):
    path = write(tmp_path, slipped(old, new))
    assert error_line(path) == f"error: {path}:{expected}"


def test_a_raw_control_character_is_located(tmp_path):
    path = write(tmp_path, slipped("  title: 速读", "  title: 速\x01读"))
    assert error_line(path) == (
        f"error: {path}:2:11: a control character (U+0001), which a document cannot hold: delete it"
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param("  title: 速读", "  title: 速读：一", id="full-width-colon-in-a-value"),
        pytest.param("  title: 速读", "  title: “六个突出”切实担起", id="leading-quote"),
        pytest.param("  title: 速读", "  title: 增长8%", id="percent-inside"),
        pytest.param("  title: 速读", '  title: "速读 #1"', id="hash-quoted"),
        pytest.param("  title: 速读", "  title: 速读#1", id="hash-without-space"),
        pytest.param("  title: 速读", "  title: 速读\n  # title： 注释", id="comment-line"),
        pytest.param("  title: 速读", "  title: 速读  # 封面的标题", id="comment-yaml-style"),
        pytest.param("  title: 速读", "  title: 速读\n  subtitle: # 留空", id="empty-noted"),
    ],
)
def test_what_is_not_a_slip_loads_as_written(tmp_path, old, new):
    content = load_content(write(tmp_path, slipped(old, new)))
    assert content.meta.title in new


def test_lines_of_a_block_text_are_text_and_comments_on_mappings_are_comments(tmp_path):
    text = slipped("  title: 速读", "  title: |\n    　　速读：一\n    title：二\n    - 三")
    text = text.replace("closing:", "# a note\nclosing:  # the closing part")
    content = load_content(write(tmp_path, text))
    assert content.meta.title == "速读：一\ntitle：二\n- 三"  # stripped at its ends only
    assert content.closing.title == "建设"


def test_hash_in_a_number_field_is_a_comment(tmp_path):
    text = (
        "meta:\n  title: 速读\nreview:\n  year: 2022 #上年\n  highlights:\n"
        "    - title: 亮点\n      points:\n        - {heading: h, text: t}\n"
    )
    assert load_content(write(tmp_path, text)).review.year == 2022


def test_full_width_quotes_around_a_whole_text_are_kept_with_a_warning(tmp_path):
    path = write(tmp_path, slipped("  title: 速读", "  title: “速读”"))
    assert load_content(path).meta.title == "“速读”"  # the author's text, as written
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"warning: {path}:2:10: meta.title: the text is in full-width quotes “…”, which stay"
        ' part of the text: to quote a value, type ASCII quotes "…"'
    ]


def test_ascii_quotes_around_full_width_ones_say_they_are_meant(tmp_path):
    path = write(tmp_path, slipped("  title: 速读", "  title: '“速读”'"))
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert load_content(path).meta.title == "“速读”"


def test_a_meeting_profile_slip_is_named_too(tmp_path):
    from deckgen.errors import InputError
    from deckgen.meeting import load_meeting

    path = write(tmp_path, "name： 常务会议\n", "m.yaml")
    with pytest.raises(InputError) as caught:
        load_meeting(path)
    assert str(caught.value) == (
        f'{path}:1:5: the colon after "name" is a full-width "：": type an ASCII colon ":"'
        " followed by a space"
    )
    path = write(tmp_path, "name: 常务会议\nmarking: 内部资料 #注意保存\n", "m.yaml")
    with pytest.raises(InputError, match=r":2:15: marking: the text after \" #\""):
        load_meeting(path)


def test_a_build_warns_of_full_width_quotes_once_after_writing(tmp_path):
    from pptx import Presentation

    path = write(tmp_path, slipped("  title: 速读", "  title: “速读”"))
    result = CliRunner().invoke(app, ["build", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if "full-width quotes" in line]
    assert warned == [
        f"warning: {path}:2:10: meta.title: the text is in full-width quotes “…”, which stay"
        ' part of the text: to quote a value, type ASCII quotes "…"'
    ]
    deck = Presentation(str(tmp_path / "out" / "c.pptx"))
    cover = " ".join(
        shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame
    )
    assert "“速读”" in cover  # the author's text, as written
