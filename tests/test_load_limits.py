"""Limits (issue 13, items 2 and 3, for content files and meeting profiles): each reached is
one located line, exit code 2, in seconds and in bounded memory; what a document cannot hold
is refused at its field; an error quotes a short excerpt of a bad value, never all of it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

import pytest
from conftest import error_line, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from deckgen.cli import app
from deckgen.limits import MAX_ITEMS, MAX_MEETINGS, MAX_TEXT, MAX_TOTAL_TEXT
from deckgen.load import load_content

HEAD = "meta:\n  title: 速读\n"
ONE_POINT = "closing:\n  title: 建设\n  points:\n    - heading: 一\n      text: {text}\n"


def content(text: str) -> str:
    return HEAD + ONE_POINT.format(text=text)


def quick_error(path, seconds: float = 20) -> str:
    """The one error line of ``deckgen validate path``, which must come within ``seconds``."""
    start = time.monotonic()
    line = error_line(path)
    assert time.monotonic() - start < seconds
    return line


# ---- files that are not files --------------------------------------------------------


def test_a_device_is_refused_at_once():
    assert error_line("/dev/zero") == "error: /dev/zero: is a device, not a file"


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "c.yaml"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "deckgen.cli", "validate", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr == f"error: {fifo}: is a named pipe (FIFO), not a file\n"


def test_a_directory_is_refused(tmp_path):
    assert error_line(tmp_path) == f"error: {tmp_path}: is a directory, not a file"


def test_a_content_file_over_2_mb_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "c.yaml"
    with open(path, "wb") as f:
        f.truncate(2 * 1024 * 1024 + 1)  # sparse: nothing written, nothing read
    assert error_line(path) == f"error: {path}: too large a content file (over 2 MB)"


def test_a_meeting_profile_over_256_kb_is_refused(tmp_path):
    from deckgen.errors import InputError
    from deckgen.meeting import load_meeting

    path = write(tmp_path, "name: " + "会" * 100_000 + "\n", "m.yaml")
    with pytest.raises(InputError) as caught:
        load_meeting(path)
    assert str(caught.value) == f"{path}: too large a meeting profile (over 256 KB)"


# ---- sizes within a file -------------------------------------------------------------


def test_a_megabyte_paragraph_is_refused_at_its_field(tmp_path):
    path = write(tmp_path, content("长" * 340_000))
    assert quick_error(path) == (
        f"error: {path}:7:13: closing.points[0].text: too long a text (340,000 characters;"
        f" at most {MAX_TEXT:,})"
    )


def test_ten_thousand_highlights_are_refused_at_the_first_too_many(tmp_path):
    item = "    - {title: 亮点, points: [{heading: 一, text: 累计落实}]}\n"
    path = write(tmp_path, HEAD + "review:\n  highlights:\n" + item * 10_000)
    assert quick_error(path) == (
        f"error: {path}:{5 + MAX_ITEMS}:7: review.highlights: more than {MAX_ITEMS} items in"
        " one list"
    )


def test_five_thousand_figures_in_one_paragraph_are_refused(tmp_path):
    text = "，".join(f"增长{i}%" for i in range(5_000))
    path = write(tmp_path, content(text))
    assert re.fullmatch(
        rf"error: {re.escape(str(path))}:7:13: closing\.points\[0\]\.text: too long a text "
        r"\(\d{2},\d{3} characters; at most 5,000\)",
        quick_error(path),
    )


def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path):
    path = write(tmp_path, HEAD + "review: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert quick_error(path) == f"error: {path}:3:32: nested too deeply (over 24 levels)"


def test_too_much_text_in_one_file_is_refused_where_it_passes_the_limit(tmp_path):
    bullets = "".join(f"          - {'字' * 4_000}\n" for _ in range(30))
    commitments = "".join(
        f"    - title: 任务{i}\n      points:\n        - heading: 一\n          bullets:\n{bullets}"
        for i in range(3)
    )
    path = write(tmp_path, HEAD + "plan:\n  commitments:\n" + commitments)
    line = quick_error(path)
    assert line.endswith(f"too much text in one file (over {MAX_TOTAL_TEXT:,} characters)")
    assert re.search(r":\d+:13: plan\.commitments\[0\]\.points\[0\]\.bullets\[24\]: ", line)


def test_an_alias_of_a_100_kb_text_used_10000_times_is_refused_in_little_memory(tmp_path):
    text = 'a: &a "' + "x" * 100_000 + '"\nb: [' + ", ".join(["*a"] * 10_000) + "]\n"
    path = write(tmp_path, text)
    code = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30));"
        "from deckgen.cli import main; sys.argv = ['deckgen', 'validate', sys.argv[1]]; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2, done.stderr
    assert (
        done.stderr
        == f"error: {path}:1:4: a: too long a text (100,000 characters; at most 5,000)\n"
    )


def test_aliases_that_multiply_text_are_counted_in_characters(tmp_path):
    text = 'a: &a "' + "x" * 4_000 + '"\nb: [' + ", ".join(["*a"] * 30) + "]\n"
    path = write(tmp_path, text)
    assert quick_error(path) == (
        f"error: {path}:2:4: too much text once aliases are expanded (over 100,000 characters)"
    )


def test_more_meeting_profiles_than_a_batch_holds_are_refused(tmp_path):
    good = write(tmp_path, content("累计落实"))
    folder = tmp_path / "meetings"
    folder.mkdir()
    for i in range(MAX_MEETINGS + 1):
        (folder / f"m{i}.yaml").write_text(f"name: 会议{i}\n", encoding="utf-8")
    pattern = str(folder / "*.yaml")
    result = CliRunner().invoke(app, ["build", str(good), "--meetings", pattern])
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: {pattern}: more than {MAX_MEETINGS} meeting profiles match: build them in"
        " smaller groups\n"
    )
    assert not (tmp_path / "output").exists()


def test_a_picture_file_over_50_mb_is_refused_at_its_field(tmp_path):
    picture = tmp_path / "big.png"
    with open(picture, "wb") as f:
        f.truncate(50 * 1024 * 1024 + 1)
    path = write(tmp_path, HEAD + "  cover_image: big.png\n")
    assert error_line(path) == (
        f"error: {path}:3:16: meta.cover_image: too large a picture file (over 50 MB): big.png"
    )


# ---- characters a document cannot hold -----------------------------------------------


@pytest.mark.parametrize(
    ("escaped", "what"),
    [
        ("\\u0001", "a control character (U+0001), which a document cannot hold"),
        ("\\u001b", "a control character (U+001B), which a document cannot hold"),
        ("\\r", "a control character (U+000D), which a document cannot hold"),
        ("\\uFFFE", "the non-character U+FFFE, which a document cannot hold"),
        ("\\uFFFF", "the non-character U+FFFF, which a document cannot hold"),
        ("\\ud800", "half of a surrogate pair (U+D800) without its other half"),
        ("\\udc00", "half of a surrogate pair (U+DC00) without its other half"),
    ],
)
def test_a_character_xml_cannot_hold_is_an_error_at_its_field(tmp_path, escaped, what):
    path = write(tmp_path, content(f'"累计{escaped}落实"'))
    assert error_line(path) == (
        f"error: {path}:7:13: closing.points[0].text: the text holds {what}: delete it"
    )


def test_json_escapes_of_an_emoji_are_its_character(tmp_path):
    data = {"meta": {"title": "速读"}, "closing": {"title": "建设", "points": []}}
    data["closing"]["points"] = [{"heading": "一", "text": "点赞😀，累计落实"}]
    path = write(tmp_path, json.dumps(data), "c.json")  # ensure_ascii: "\ud83d\ude00"
    assert "\\ud83d\\ude00" in path.read_text(encoding="utf-8")
    assert load_content(path).closing.points[0].text == "点赞😀，累计落实"
    yaml_path = write(tmp_path, content('"点赞\\ud83d\\ude00"'))
    assert load_content(yaml_path).closing.points[0].text == "点赞😀"


def test_tab_and_line_breaks_are_kept(tmp_path):
    path = write(tmp_path, content('"第一\\t第二\\n第三"'))
    assert load_content(path).closing.points[0].text == "第一\t第二\n第三"


# ---- short errors --------------------------------------------------------------------


def test_an_error_quotes_an_excerpt_of_a_long_bad_value(tmp_path):
    path = write(tmp_path, HEAD + "  language: " + "zh" * 2_000 + "\n")
    line = error_line(path)
    assert line == (
        f"error: {path}:3:13: meta.language: expected one of 'zh-CN' or 'en', got '"
        + "zh" * 20
        + "…'"
    )


def test_an_unknown_long_key_is_quoted_short(tmp_path):
    path = write(tmp_path, HEAD + "  " + "k" * 1_000 + ": 1\n")
    line = error_line(path)
    assert "k" * 40 + "…" in line
    assert "k" * 41 not in line


def test_a_target_error_quotes_its_text_short(tmp_path):
    text = "一般公共预算收入增长8%" + "，同口径" * 1_000
    path = write(
        tmp_path, HEAD + f"targets:\n  items:\n    - text: {text}\n      qualifier: 以上\n"
    )
    line = error_line(path)
    assert line.startswith(f"error: {path}:6:18: targets.items[0].qualifier: ")
    assert len(line) < len(str(path)) + 200


# ---- a small fuzz: anything in a text is read or refused on one located line ---------

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ANY_TEXT = st.text(
    st.characters(codec=None, exclude_categories=())
    | st.sampled_from("：　“”「」#%@*&!|>\t\r\x00\x1b😀"),
    min_size=1,
    max_size=40,
)


def _validate(path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), repr(result.exception)
    return result.exit_code, result.stderr


def _one_located_line(path, stderr: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert re.match(rf"error: {re.escape(str(path))}:\d+:\d+: ", lines[0]), lines[0]


@FUZZ
@given(title=ANY_TEXT, text=ANY_TEXT)
def test_fuzz_json_texts_are_kept_or_refused_on_one_line(tmp_path, title, text):
    data = {"meta": {"title": title}, "closing": {"title": "建设", "points": []}}
    data["closing"]["points"] = [{"heading": "一", "text": text}]
    path = write(tmp_path, json.dumps(data), "c.json")
    code, stderr = _validate(path)
    if code == 0:
        loaded = load_content(path)
        assert loaded.meta.title in title  # never a character added or changed
        assert loaded.closing.points[0].text in text
    else:
        assert code == 2
        _one_located_line(path, stderr)


@FUZZ
@given(title=ANY_TEXT, text=ANY_TEXT)
def test_fuzz_plain_yaml_texts_are_read_or_refused_on_one_line(tmp_path, title, text):
    raw = content(text).replace("title: 速读", f"title: {title}")
    path = tmp_path / "c.yaml"
    path.write_bytes(raw.encode("utf-8", "surrogatepass"))
    code, stderr = _validate(path)
    if code != 0:
        assert code == 2
        _one_located_line(path, stderr)
