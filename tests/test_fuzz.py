"""A fuzz suite (issue 13, item 6): content, meeting and theme fields and command-line options
drawn by hypothesis, and the same rules for each run: exit 0 with whole files that open and
validate against the OOXML schemas, or exit 2 with one short error line naming the file at
fault; never a traceback, never a hang, nothing lost (inputs and old outputs untouched, no
temporary file left). Derandomised, so CI sees the same examples every time; no LibreOffice."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import time
import zipfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context
from ruamel.yaml import YAML, YAMLError
from typer.testing import CliRunner

from deckgen.cli import app

ROOT = Path(__file__).resolve().parents[1]
VALIDATE = ROOT.parent / "shared" / "ooxml" / "validate.py"
TIME_LIMIT = 60
FUZZ = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TINY = {
    "meta": {"title": "速读", "date": "2023-01-05", "organisation": "测试区人民政府"},
    "review": {
        "label": "回顾2022",
        "highlights": [
            {
                "title": "突出稳字当头",
                "slogan": "更大力度稳增长",
                "points": [
                    {"heading": "千方百计稳住市场主体", "text": "累计落实税费支持超22亿元。"},
                    {"heading": "兜底线", "text": "发放补贴8900多万元，提供岗位7.57万个。"},
                ],
            }
        ],
    },
    "targets": {
        "items": [
            {"text": "地区生产总值增长6%左右", "label": "地区生产总值", "value": 6, "unit": "%",
             "qualifier": "左右", "kind": "growth"},
        ]
    },
    "plan": {
        "label": "谋划2023",
        "commitments": [
            {"title": "坚持创新引领",
             "points": [{"heading": "抓产业", "bullets": ["新增企业40家。"]}]}
        ],
    },
    "closing": {"title": "加强自身建设", "points": [{"heading": "守底线", "text": "严守纪律。"}]},
}  # fmt: skip
_SAFE = YAML(typ="safe", pure=True)
MEETING = _SAFE.load((ROOT / "meetings" / "changwu-full.yaml").read_text(encoding="utf-8"))
THEME = _SAFE.load((ROOT / "templates" / "gov-red" / "theme.yaml").read_text(encoding="utf-8"))


# ---- what is drawn ----------------------------------------------------------------------------

_chars = st.characters(codec="utf-8") | st.characters(categories=["Cc", "Cf", "Co", "Zl", "Zp"])
texts = st.text(_chars, max_size=60) | st.sampled_from(
    ["", " ", "\t", "\x00", "\ufffe", "\ud800", "😀" * 30, "速" * 3000, "a\nb", "#FFF", "-1"]
)
fair_texts = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Co", "Cn"]), min_size=1
) | st.sampled_from(["😀" * 30, "速" * 400, "2023年增长6.5%，达1,234.5亿元", "A & B <c> 'd'"])
"""Texts an author might write: odd, long, or in any script, but no control character."""
scalars = texts | st.integers(-(2**70), 2**70) | st.floats() | st.booleans() | st.none()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)


def paths(data, at=()):
    """Every place in nested dicts and lists, the root excepted."""
    if isinstance(data, dict):
        items = list(data.items())
    elif isinstance(data, list):
        items = list(enumerate(data))
    else:
        return
    for key, value in items:
        yield (*at, key)
        yield from paths(value, (*at, key))


@st.composite
def mutated(draw, base: dict, changes: int = 3) -> dict:
    """``base`` with a few changes: mostly a text put for a text (odd, long, in any script:
    the file stays valid), else a place given any value, removed, or an unknown key added."""
    data = json.loads(json.dumps(base, ensure_ascii=False))
    for _ in range(draw(st.integers(1, changes))):
        places = list(paths(data))
        texts_at = [p for p in places if isinstance(_at(data, p), str)]
        if texts_at and draw(st.integers(0, 3)):
            place = draw(st.sampled_from(texts_at))
            _at(data, place[:-1])[place[-1]] = draw(fair_texts)
            continue
        place = draw(st.sampled_from(places))
        parent = _at(data, place[:-1])
        action = draw(st.sampled_from(["replace", "replace", "remove", "add"]))
        if action == "remove":
            del parent[place[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(texts)] = draw(values)
        else:
            parent[place[-1]] = draw(values)
    return data


def _at(data, place: tuple):
    for key in place:
        data = data[key]
    return data


def dump(data, as_json: bool) -> bytes:
    """YAML (JSON where YAML cannot say it, e.g. a lone surrogate), as UTF-8 bytes."""
    if not as_json:
        try:
            out = io.StringIO()
            writer = YAML(typ="safe", pure=True)
            writer.allow_unicode = True
            writer.dump(data, out)
            return out.getvalue().encode("utf-8")
        except (UnicodeEncodeError, YAMLError):
            pass
    return json.dumps(data, ensure_ascii=True).encode("ascii")


# ---- the rules --------------------------------------------------------------------------------


@cache
def _schemas():
    spec = importlib.util.spec_from_file_location("ooxml_validate", VALIDATE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, *module.load_schema()


def assert_whole(path: Path) -> None:
    """``path`` is a whole package that opens, and every part validates (when the schemas
    are there)."""
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        if VALIDATE.is_file():
            module, schema, understood = _schemas()
            found = [
                f"{part}: {message}"
                for part in module.xml_parts(z)
                for _, message in module.check_part(z.read(part), schema, understood)
                if not message.startswith("note:")
            ]
            assert found == [], found
    if path.suffix == ".pptx":
        from pptx import Presentation

        assert len(Presentation(str(path)).slides) > 0
    else:
        import docx

        assert docx.Document(str(path)).paragraphs


def _note(what: str) -> None:
    """What happened, counted by ``--hypothesis-show-statistics``."""
    if currently_in_test_context():
        event(what)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def check_run(args: list, work: Path, blame: Path | None, outputs: list[Path]) -> str:
    """Run ``deckgen args`` in ``work`` and hold it to the rules; the exit's kind."""
    inputs = {p: p.read_bytes() for p in work.rglob("*") if p.is_file() and p not in outputs}
    old = {p: p.read_bytes() for p in outputs if p.is_file()}
    start = time.monotonic()
    with contextlib.chdir(work):
        result = CliRunner().invoke(app, [str(a) for a in args])
    assert time.monotonic() - start < TIME_LIMIT
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 2), result.output
    assert {p: p.read_bytes() for p in inputs} == inputs  # no input touched
    assert not [p for p in work.rglob(".deckgen-*")]  # no temporary file
    _note(f"exit {result.exit_code}")
    if result.exit_code == 0:
        for out in outputs:
            assert_whole(out)
        return "ok"
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if not line.startswith("warning: ")]
    assert len(errors) == 1 and errors[0].startswith("error: "), result.stderr
    assert len(errors[0]) <= 400, errors[0]
    if blame is not None:
        assert errors[0].startswith(f"error: {blame}"), errors[0]
    _note(errors[0].split(": ", 2)[-1][:50])
    assert {p: p.read_bytes() for p in outputs if p.is_file()} == old  # old outputs kept
    return "refused"


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _folder(base: Path) -> Path:
    folder = base / f"run{len(list(base.iterdir()))}"
    folder.mkdir()
    return folder


def _old_outputs(folder: Path) -> list[Path]:
    """An old pair where the run will write: it must be whole after, or as it was."""
    out = folder / "out"
    out.mkdir()
    pair = [out / "c.pptx", out / "c.docx"]
    for path in pair:
        path.write_bytes(b"an old output, kept unless replaced whole")
    return pair


# ---- the fuzz tests ---------------------------------------------------------------------------


def test_the_bases_build(base):
    """What is fuzzed starts from files that build: a refusal is the fuzzing's doing."""
    folder = _folder(base)
    (folder / "c.yaml").write_bytes(dump(TINY, False))
    (folder / "m.yaml").write_bytes(dump(MEETING, False))
    (folder / "tpl").mkdir()
    (folder / "tpl" / "theme.yaml").write_bytes(dump(THEME, False))
    args = ["build", "c.yaml", "-m", "m.yaml", "-t", "tpl", "-o", "out"]
    assert check_run(args, folder, None, _old_outputs(folder)) == "ok"


def _run(base: Path, content: bytes) -> tuple[Path, Path, list[Path]]:
    """A new folder with a content file and an old output pair: (folder, content, pair)."""
    folder = _folder(base)
    (folder / "c.yaml").write_bytes(content)
    return folder, folder / "c.yaml", _old_outputs(folder)


@FUZZ
@given(data=mutated(TINY), as_json=st.booleans())
def test_fuzzed_content(base, data, as_json):
    folder, content, outputs = _run(base, dump(data, as_json))
    check_run(["build", content, "-o", folder / "out"], folder, content, outputs)


@FUZZ
@given(data=mutated(MEETING))
def test_fuzzed_meeting(base, data):
    folder, content, outputs = _run(base, dump(TINY, False))
    meeting = folder / "m.yaml"
    meeting.write_bytes(dump(data, False))
    check_run(["build", content, "-m", meeting, "-o", folder / "out"], folder, meeting, outputs)


@FUZZ
@given(data=mutated(THEME))
def test_fuzzed_theme(base, data):
    folder, content, outputs = _run(base, dump(TINY, False))
    theme = folder / "tpl" / "theme.yaml"
    theme.parent.mkdir()
    theme.write_bytes(dump(data, False))
    check_run(["build", content, "-t", theme.parent, "-o", folder / "out"], folder, theme, outputs)


COMMANDS = [
    ["validate"],
    ["cards"],
    ["cards", "--all", "--tsv"],
    ["schema"],
    ["pptx"],
    ["docx"],
    ["build"],
    ["template", "list"],
    ["template", "show"],
    ["meeting", "new"],
]
ARGUMENTS = st.sampled_from(
    [
        "c.yaml",
        "missing.yaml",
        "out",
        "out/c.pptx",
        "out/c.docx",
        "c.yaml.pptx",
        "-o",
        "--output",
        "-t",
        "--template",
        "gov-red",
        "minimal",
        "nowhere",
        "-m",
        "--meeting",
        "m.yaml",
        "--meetings",
        "*.yaml",
        "--all",
        "--dpi",
        "-1",
        "--",
        "--version",
        "-h",
        "-q",
        "-v",
        "--strict",
        ".",
        "/dev/null",
    ]
) | st.text(_chars, max_size=30)


@settings(FUZZ, max_examples=40)
@given(command=st.sampled_from(COMMANDS), rest=st.lists(ARGUMENTS, max_size=6))
def test_fuzzed_command_line(base, command, rest):
    folder, _, outputs = _run(base, dump(TINY, False))
    (folder / "m.yaml").write_bytes(dump(MEETING, False))
    kind = check_run([*command, *rest], folder, None, [])
    if kind == "ok":  # what it wrote, wherever it wrote it, is whole
        for path in folder.rglob("*"):
            if path.suffix in (".pptx", ".docx") and path.read_bytes() != outputs[0].read_bytes():
                assert_whole(path)
