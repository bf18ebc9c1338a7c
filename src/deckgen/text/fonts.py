"""Font resolution: deckgen's packaged fontconfig mapping and the font file a family resolves to."""

from __future__ import annotations

import bisect
import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

FC_MATCH = "fc-match"
"""The fc-match executable (a name looked up on PATH, or a path); tests point it elsewhere."""


@dataclass(frozen=True)
class FontFile:
    """A font file and the face inside it (``index`` matters for .ttc collections)."""

    path: Path
    index: int = 0
    family: str = ""
    """The family fontconfig actually matched (for diagnostics), e.g. "Noto Sans CJK SC"."""
    charset: tuple[tuple[int, int], ...] = field(default=(), repr=False, compare=False)
    """The code points the face has glyphs for, as inclusive ranges; empty: unknown."""

    def covers(self, ch: str) -> bool:
        """Whether the face has a glyph for ``ch`` (True when the charset is unknown)."""
        if not self.charset:
            return True
        cp = ord(ch)
        i = bisect.bisect_right(self.charset, (cp, 0x10FFFF + 1)) - 1
        return i >= 0 and self.charset[i][0] <= cp <= self.charset[i][1]


def _parse_charset(text: str) -> tuple[tuple[int, int], ...]:
    """fontconfig's charset notation ("20-7e a0-17f 2103") as sorted inclusive ranges."""
    ranges = []
    for token in text.split():
        lo, _, hi = token.partition("-")
        try:
            ranges.append((int(lo, 16), int(hi or lo, 16)))
        except ValueError:
            return ()
    return tuple(sorted(ranges))


def fonts_conf() -> Path:
    """The packaged ``fonts.conf`` that maps Windows typefaces to the free fonts we ship with."""
    return Path(str(resources.files("deckgen").joinpath("data", "fonts.conf")))


def fontconfig_env(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: ``os.environ``) plus FONTCONFIG_FILE set to deckgen's fonts.conf.

    Pass the result as ``env=`` whenever running soffice or fc-match, so rendering, measuring
    and checking all resolve 微软雅黑, 仿宋, Arial … to the same files.
    """
    env = dict(os.environ if base is None else base)
    env["FONTCONFIG_FILE"] = str(fonts_conf())
    return env


def _escape(family: str) -> str:
    """Escape the characters fontconfig's pattern syntax reserves (``\\ - : ,``)."""
    out = []
    for ch in family:
        if ch in "\\-:,=":
            out.append("\\")
        out.append(ch)
    return "".join(out)


def _match(pattern: str) -> FontFile | None:
    """Run fc-match with deckgen's mapping; the best font for ``pattern``, or None."""
    exe = shutil.which(FC_MATCH)
    if exe is None:
        return None
    try:
        proc = subprocess.run(
            [exe, "-f", "%{file}\\n%{index}\\n%{family[0]}\\n%{charset}", pattern],
            env=fontconfig_env(),
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    parts = proc.stdout.split("\n")
    if not parts or not parts[0].strip():
        return None
    path = Path(parts[0].strip())
    if not path.is_file():
        return None
    try:
        index = int(parts[1]) if len(parts) > 1 and parts[1].strip() else 0
    except ValueError:
        index = 0
    matched = parts[2].strip() if len(parts) > 2 else ""
    charset = _parse_charset(parts[3]) if len(parts) > 3 else ()
    return FontFile(path=path, index=index, family=matched, charset=charset)


def _weight(bold: bool) -> str:
    return "bold" if bold else "regular"


@lru_cache(maxsize=256)
def font_file(family: str, bold: bool = False) -> FontFile | None:
    """The font file ``family`` resolves to under deckgen's mapping, or None.

    None when fc-match is missing or fails. Note fontconfig always answers with *some* font
    (e.g. DejaVu Sans for a family it has never heard of); see ``FontFile.covers``.
    """
    return _match(f"{_escape(family)}:weight={_weight(bold)}")


@lru_cache(maxsize=1024)
def fallback_file(family: str, bold: bool, ch: str, lang: str) -> FontFile | None:
    """The font a renderer falls back to for ``ch`` when ``family`` lacks it, in ``lang`` text.

    LibreOffice asks fontconfig for the family plus the character (and the text's language):
    ℃ after Latin text in Times New Roman comes from DejaVu Serif (1.2 em), after Chinese
    from Noto Serif CJK (1 em).
    """
    found = _match(f"{_escape(family)}:weight={_weight(bold)}:lang={lang}:charset={ord(ch):x}")
    return found if found is not None and found.covers(ch) else None
