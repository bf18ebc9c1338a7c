"""Bad input gets one located line and exit code 2; good input loads."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import error_line, write
from typer.testing import CliRunner

from deckgen.cli import app
from deckgen.errors import InputError
from deckgen.load import load_content

runner = CliRunner()

GOOD = """\
meta:
  title: 速读
  date: 2023-01-05
review:
  label: 回顾2022
  highlights:
    - title: 突出稳字当头
      points:
        - heading: 千方百计稳住市场主体
          text: 累计落实组合式税费支持超22亿元。
"""


def test_good_content_loads_and_date_stays_text(tmp_path):
    content = load_content(write(tmp_path, GOOD))
    assert content.meta.date == "2023-01-05"
    assert content.review.highlights[0].points[0].text.endswith("超22亿元。")
    assert content.meta.language == "zh-CN"


def test_json_content_loads(tmp_path):
    data = {"meta": {"title": "T", "language": "en"}, "closing": {"title": "C", "points": []}}
    data["closing"]["points"] = [{"heading": "h", "text": "t"}]
    content = load_content(write(tmp_path, json.dumps(data), "c.json"))
    assert content.closing.points[0].heading == "h"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            GOOD.replace("          text: 累计落实组合式税费支持超22亿元。\n", ""),
            r":9:11: review\.highlights\[0\]\.points\[0\]\.text: field required$",
            id="missing-field",
        ),
        pytest.param(
            GOOD.replace("  date:", "  dtae:"),
            r":3:3: meta\.dtae: unknown key 'dtae' \(did you mean 'date'\?\)",
            id="unknown-key-did-you-mean",
        ),
        pytest.param(
            GOOD.replace("  title: 速读", "  title: [1, 2]"),
            r":2:10: meta\.title: expected text, found a list$",
            id="wrong-type",
        ),
        pytest.param(
            "meta:\n  title: T\nreview:\n  highlights: []\n",
            r":4:15: review\.highlights: must not be empty",
            id="empty-list",
        ),
        pytest.param(
            GOOD.replace("  date: 2023-01-05\n", "  date: 2023-01-05\n  title: again\n"),
            r":4:3: invalid YAML: found duplicate key \"title\"",
            id="duplicate-key",
        ),
        pytest.param(
            'meta:\n  title: "T\n  x: [\n',
            r":4:1: the quote opened on line 2 is never closed: close it with the same quote$",
            id="invalid-yaml",
        ),
        pytest.param(
            "meta: !!python/object/apply:os.system ['echo pwned']\n",
            r":1:7: tag '!!python/object/apply:os.system' is not allowed: content is plain data$",
            id="python-tag",
        ),
        pytest.param(
            "meta:\n  title: T\n  language: fr\n",
            r":3:13: meta\.language: expected one of 'zh-CN' or 'en', got 'fr'",
            id="bad-literal",
        ),
        pytest.param("", r": the file is empty$", id="empty-file"),
        pytest.param("# only a comment\n", r":1:1: the file holds no content$", id="comment-only"),
        pytest.param("- a\n- b\n", r":1:1: expected a mapping of keys at the top", id="top-list"),
        pytest.param(
            b"meta:\n  title: \xe9t\xe9\n",
            r":2:10: not UTF-8 text \(byte 0xe9\)",
            id="not-utf8",
        ),
    ],
)
def test_bad_content_gets_one_located_line(tmp_path, text, expected):
    path = write(tmp_path, text)
    assert re.search(expected, error_line(path)), error_line(path)


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    path = write(tmp_path, "\n".join(lines) + "\n")
    assert "too large once aliases are expanded" in error_line(path)


def test_recursive_alias_is_refused(tmp_path):
    path = write(tmp_path, "meta: &m\n  title: T\n  self: *m\n")
    with pytest.raises(InputError, match="refers to itself"):
        load_content(path)


def test_missing_file_and_directory(tmp_path):
    assert error_line(tmp_path / "nope.yaml").endswith("nope.yaml: no such file")
    assert error_line(tmp_path).endswith(": is a directory, not a file")


def test_debug_shows_the_traceback(tmp_path):
    path = write(tmp_path, "")
    result = runner.invoke(app, ["--debug", "validate", str(path)])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)


def test_validate_prints_a_summary(tmp_path):
    result = runner.invoke(app, ["validate", str(write(tmp_path, GOOD))])
    assert result.exit_code == 0, result.output
    assert "1 highlight, 1 point" in result.output
    assert "1 figure\n" in result.output


def test_version_and_schema():
    assert runner.invoke(app, ["--version"]).output.startswith("deckgen ")
    schema = json.loads(runner.invoke(app, ["schema"]).output)
    assert "Highlight" in schema["$defs"]
    assert schema["$defs"]["Highlight"]["additionalProperties"] is False


def test_committed_schema_is_current():
    committed = Path(__file__).parents[1] / "schema" / "content.schema.json"
    printed = runner.invoke(app, ["schema"]).output
    assert json.loads(committed.read_text(encoding="utf-8")) == json.loads(printed), (
        "run: deckgen schema > schema/content.schema.json"
    )


def test_atomic_write_gives_ordinary_permissions_and_keeps_old_ones(tmp_path):
    import os

    from deckgen.files import atomic_write

    out = tmp_path / "new.bin"
    atomic_write(out, lambda tmp: tmp.write_bytes(b"x"))
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    out.chmod(0o640)
    atomic_write(out, lambda tmp: tmp.write_bytes(b"y"))
    assert out.stat().st_mode & 0o777 == 0o640
    assert out.read_bytes() == b"y"


def test_a_target_value_must_be_a_finite_number(tmp_path):
    path = write(tmp_path, "meta:\n  title: T\ntargets:\n  items:\n    - {text: x, value: .nan}\n")
    assert re.search(r":5:24: targets\.items\[0\]\.value: .*finite", error_line(path))


def test_an_unwritable_output_is_one_located_line(tmp_path):
    good = write(tmp_path, GOOD)
    result = runner.invoke(app, ["pptx", str(good), "-o", "/proc/deckgen/x.pptx"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: /proc/deckgen")
    assert "Traceback" not in result.output


def test_meeting_new_wants_a_one_line_name(tmp_path):
    result = runner.invoke(app, ["meeting", "new", "  ", "-o", str(tmp_path / "m.yaml")])
    assert result.exit_code == 2
    assert not (tmp_path / "m.yaml").exists()


def test_long_titles_fit_office_property_limits(tmp_path):
    from docx import Document
    from pptx import Presentation

    from deckgen import api

    path = write(tmp_path, GOOD.replace("  title: 速读", "  title: " + "长" * 400))
    deck = api.build_pptx(path, tmp_path / "d.pptx")
    brief = api.build_docx(path, tmp_path / "b.docx")
    assert len(Presentation(str(deck)).core_properties.title) <= 255
    assert len(Document(str(brief)).core_properties.title) <= 255


def test_chinese_numerals_go_past_ninety_nine():
    from deckgen.plan.brief import chinese_numeral

    assert [chinese_numeral(n) for n in (99, 100, 101, 115, 120, 999)] == [
        "九十九",
        "一百",
        "一百零一",
        "一百一十五",
        "一百二十",
        "九百九十九",
    ]
