"""Font resolution: deckgen's packaged fontconfig mapping and the font file a family resolves to."""

from __future__ import annotations

import bisect
import ctypes
import os
import shutil
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

FC_MATCH = "fc-match"
"""The fc-match executable (a name looked up on PATH, or a path); tests point it elsewhere.
Left as it is, fonts are matched in fontconfig's library in this process (:class:`_Fontconfig`)."""


class Charset(NamedTuple):
    """Code points as sorted inclusive ranges: the first and the last point of each, in two
    tuples (two objects, not one a range: a CJK face has some two thousand ranges)."""

    firsts: tuple[int, ...] = ()
    lasts: tuple[int, ...] = ()

    @property
    def known(self) -> bool:
        return bool(self.firsts)

    def __contains__(self, cp: object) -> bool:
        i = bisect.bisect_right(self.firsts, cp) - 1
        return i >= 0 and cp <= self.lasts[i]  # type: ignore[operator]


class _FcCharset:
    """A face's charset as fontconfig's library holds it: asked, not written out and parsed
    (a CJK face's runs to 2,000 ranges, 14,000 characters)."""

    known = True

    def __init__(self, lib: ctypes.CDLL, charset: int):
        self.has, self.charset = lib.FcCharSetHasChar, charset
        weakref.finalize(self, lib.FcCharSetDestroy, charset)

    def __contains__(self, cp: int) -> bool:
        return bool(self.has(self.charset, cp))


@dataclass(frozen=True)
class FontFile:
    """A font file and the face inside it (``index`` matters for .ttc collections)."""

    path: Path
    index: int = 0
    family: str = ""
    """The family fontconfig actually matched (for diagnostics), e.g. "Noto Sans CJK SC"."""
    charset: Charset | _FcCharset = field(default=Charset(), repr=False, compare=False)
    """The code points the face has glyphs for; empty: unknown."""

    def covers(self, ch: str) -> bool:
        """Whether the face has a glyph for ``ch`` (True when the charset is unknown)."""
        return not self.charset.known or ord(ch) in self.charset


@lru_cache(maxsize=64)
def _parse_charset(text: str) -> Charset:
    """fontconfig's charset notation ("20-7e a0-17f 2103") as sorted inclusive ranges.

    Kept by text: the faces a theme names mostly resolve to a few files (Noto Sans CJK for
    黑体, 微软雅黑 and its bold), each a charset of some two thousand ranges."""
    tokens = text.split()
    try:
        firsts = [int(token.partition("-")[0], 16) for token in tokens]
        lasts = [int(token.partition("-")[2] or token, 16) for token in tokens]
    except ValueError:
        return Charset()
    if any(a >= b for a, b in pairwise(firsts)):  # (fontconfig writes them in order)
        ranges = sorted(zip(firsts, lasts, strict=True))
        firsts, lasts = [r[0] for r in ranges], [r[1] for r in ranges]
    return Charset(tuple(firsts), tuple(lasts))


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


LIBRARIES = ("libfontconfig.so.1", "libfontconfig.1.dylib")
"""fontconfig's library, by the names Linux and macOS give it."""

_FORMAT = "%{file}\\n%{index}\\n%{family[0]}"
"""What is written of the font matched: file, index, family."""
_FC_MATCH_FORMAT = _FORMAT + "\\n%{charset}"
"""What fc-match writes (``-f``): those, and the charset."""


class _Fontconfig:
    """fontconfig's library in this process, loaded once with deckgen's mapping: matching in
    it is what fc-match does (parse the pattern, substitute, match, format), without starting
    a process and reading the configuration and caches again for every family."""

    def __init__(self, lib: ctypes.CDLL, config: int):
        self.lib, self.config = lib, config

    @classmethod
    def load(cls) -> _Fontconfig | None:
        """The library with deckgen's ``fonts.conf`` loaded, or None (use fc-match)."""
        for name in LIBRARIES:
            try:
                lib = ctypes.CDLL(name)
                cls._declare(lib)
                break
            except (OSError, AttributeError):
                continue
        else:
            return None
        config = lib.FcConfigCreate()
        if not config:
            return None
        if not (
            lib.FcConfigParseAndLoad(config, os.fsencode(fonts_conf()), 1)
            and lib.FcConfigBuildFonts(config)
        ):
            lib.FcConfigDestroy(config)
            return None
        return cls(lib, config)

    @staticmethod
    def _declare(lib: ctypes.CDLL) -> None:
        """The signatures of the functions used (AttributeError when one is missing)."""
        p, s, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
        for name, restype, argtypes in (
            ("FcConfigCreate", p, []),
            ("FcConfigDestroy", None, [p]),
            ("FcConfigParseAndLoad", i, [p, s, i]),
            ("FcConfigBuildFonts", i, [p]),
            ("FcNameParse", p, [s]),
            ("FcConfigSubstitute", i, [p, p, i]),
            ("FcDefaultSubstitute", None, [p]),
            ("FcFontMatch", p, [p, p, ctypes.POINTER(i)]),
            ("FcPatternFormat", p, [p, s]),
            ("FcStrFree", None, [p]),
            ("FcPatternDestroy", None, [p]),
            ("FcPatternGetCharSet", i, [p, s, i, ctypes.POINTER(p)]),
            ("FcCharSetCopy", p, [p]),
            ("FcCharSetDestroy", None, [p]),
            ("FcCharSetHasChar", i, [p, ctypes.c_uint32]),
        ):
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = restype, argtypes

    def match(self, pattern: str) -> tuple[str, _FcCharset | None] | None:
        """What ``fc-match -f _FORMAT pattern`` prints, and the font's charset (None: it has
        none), or None."""
        lib = self.lib
        pat = lib.FcNameParse(pattern.encode())
        if not pat:
            return None
        try:
            lib.FcConfigSubstitute(self.config, pat, 0)  # FcMatchPattern
            lib.FcDefaultSubstitute(pat)
            found = lib.FcFontMatch(self.config, pat, ctypes.byref(ctypes.c_int()))
        finally:
            lib.FcPatternDestroy(pat)
        if not found:
            return None
        try:
            text = lib.FcPatternFormat(found, _FORMAT.encode())
            charset = self._charset(found)
        finally:
            lib.FcPatternDestroy(found)
        if not text:
            return None
        try:
            return os.fsdecode(ctypes.string_at(text)), charset
        finally:
            lib.FcStrFree(text)

    def _charset(self, found: int) -> _FcCharset | None:
        """The charset of the matched pattern ``found``, a reference of our own (the
        pattern's is freed with it); None when it has none."""
        charset = ctypes.c_void_p()
        if self.lib.FcPatternGetCharSet(found, b"charset", 0, ctypes.byref(charset)) != 0:
            return None  # not FcResultMatch
        return _FcCharset(self.lib, self.lib.FcCharSetCopy(charset))


@lru_cache(maxsize=1)
def _fontconfig() -> _Fontconfig | None:
    return _Fontconfig.load()


def _run_fc_match(exe: str, pattern: str) -> str | None:
    """What fc-match prints of ``pattern`` (the same as :meth:`_Fontconfig.match`), or None.
    (Only where fontconfig's library is not used: subprocess is imported here.)"""
    import subprocess

    try:
        proc = subprocess.run(
            [exe, "-f", _FC_MATCH_FORMAT, pattern],
            env=fontconfig_env(),
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return proc.stdout if proc.returncode == 0 else None


def _match(pattern: str) -> FontFile | None:
    """The best font for ``pattern`` under deckgen's mapping, or None without fc-match.

    Asked of fontconfig's library in this process when fc-match is the one on PATH (the
    same library, so the same answer), else of the fc-match named by ``FC_MATCH``."""
    exe = shutil.which(FC_MATCH)
    if exe is None:
        return None
    library = _fontconfig() if FC_MATCH == "fc-match" else None
    if library is not None:
        answer = library.match(pattern)
        stdout, charset = answer if answer is not None else (None, None)
    else:
        stdout, charset = _run_fc_match(exe, pattern), None
    if stdout is None:
        return None
    parts = stdout.split("\n")
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
    if charset is None:
        charset = _parse_charset(parts[3]) if len(parts) > 3 else Charset()
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
