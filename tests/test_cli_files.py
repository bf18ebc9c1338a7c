"""Files the system or the reader refuses are one located line, exit 2 (found by attacking
deckgen with hostile inputs): a name too long for the file system, a picture whose data is
cut short, a profile naming a file that is no template."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from conftest import write
from test_load import GOOD
from typer.testing import CliRunner

from deckgen.cli import app


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def one_line(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_an_output_name_too_long_for_the_file_system_is_one_line(tmp_path):
    content = write(tmp_path, GOOD)
    out = tmp_path / ("a" * 295 + ".pptx")
    line = one_line(run("pptx", content, "-o", out))
    assert "too long" in line
    assert not list(tmp_path.glob(".deckgen-*"))


def _png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG that says ``width`` × ``height`` but holds 64 bytes of pixel data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(64))) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + body)
    return path


def test_a_picture_cut_short_is_the_contents_fault_at_its_field(tmp_path):
    _png_header_only(tmp_path / "p.png", 2000, 2000)
    text = GOOD.replace("      points:\n", "      image: p.png\n      points:\n", 1)
    assert "image: p.png" in text
    content = write(tmp_path, text)
    old = tmp_path / "o.pptx"
    old.write_bytes(b"old")
    line = one_line(run("pptx", content, "-o", old))
    assert line.startswith(f"error: {content}:") and ".image: cannot read the picture" in line
    assert old.read_bytes() == b"old"


def test_a_profile_naming_a_file_that_is_no_template_is_located(tmp_path):
    content = write(tmp_path, GOOD)
    profile = write(tmp_path, "name: x\ntemplate: /etc/passwd\n", "m.yaml")
    line = one_line(run("build", content, "-m", profile, "-o", tmp_path / "out"))
    assert line.startswith(f"error: {profile}:2:11: template: ")
    assert "no template folder nor master" in line
