"""What a report file holds that is not the report: web-page clutter, pictures, footnote
markers and glossaries. Each is recognised and reported with its line, never mixed into
the content and never lost silently.

* **Web clutter**: picture placeholders (图片), buttons and font-size controls (分享 打印
  下载 收藏 【字号：加大 还原 减小】), 来源：/时间：/责任编辑： lines, breadcrumbs
  (江苏 > 南京 > 政情 > 正文, with the place line above them), photo captions (…记者 某某摄),
  "相关报道：", and the page's title repeated under it.
* **Pictures**: a Word or Markdown picture with no text.
* **Glossaries**: a 名词解释 / 注释 / Notes / Glossary heading and everything after it.
* **Footnote markers** in running text: [1] ［1］ ¹ (and ① when the report has a glossary),
  taken out of the sentence they stand in, each reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .paragraphs import Para

__all__ = ["Skipped", "counted", "separate"]


@dataclass(frozen=True)
class Skipped:
    """A line left out of the content, and why."""

    line: int
    text: str
    why: str
    """"web clutter", "picture", "glossary", "footnote marker", "repeated title"."""


_PLURALS = {
    "picture": "pictures",
    "repeated title": "repeated titles",
    "glossary": "glossary lines",
    "footnote marker": "footnote markers",
}


def counted(why: str, n: int) -> str:
    """ "7 pictures", "2 web clutter", "1 glossary line"."""
    noun = _PLURALS.get(why, why) if n != 1 else why.replace("glossary", "glossary line")
    return f"{n} {noun}"


_BUTTONS = frozenset(
    "|".join(
        (
            "分享|分享到|分享到：|打印|【打印】|打印本页|打印此页|下载|全屏|收藏|关闭|关闭窗口|【关闭】",
            "【关闭窗口】|关闭本页|返回|返回顶部|顶部|加大|还原|减小|】|【|【字号：|字号|字号：|大|中|小",
            "【大 中 小】|字体：大 中 小|【字体：大 中 小】|扫一扫|微信|微博|QQ空间|QQ好友",
            "相关报道",
            "相关报道：|相关链接|相关阅读|相关新闻|上一篇|下一篇|视频|图片|[图片]|【图片】|（图片）",
            "点击查看大图|Share|Print|Download|Close|Top",
        )
    ).split("|")
)
_LABELLED = re.compile(
    r"^[【\[]?(?:来源|信息来源|稿源|时间|发布时间|发布日期|日期|作者|编辑|责任编辑|审核|校对|浏览次数"
    r"|阅读次数|点击数|访问量|字号|字体|Source|Date|Editor)\s*[：:]"
)
_CAPTION = re.compile(
    r"(?:记者|摄影|图|供图)[：: ]?\s*\S{1,12}\s*摄(?:影)?[。.]?$|^(?:图|图片)[：:]"
)
_BREADCRUMB = re.compile(r"^[^。，]{1,12}(?:\s*[>＞»›]\s*[^。，>＞»›]{1,12}){1,6}$")
_GLOSSARY = re.compile(
    r"^(?:[一二三四五六七八九十]+、|#+\s*)?(?:名词解释|注释|附注|注解|术语解释|Notes|Glossary|Endnotes)"
    r"(?:[（(].*[)）])?[：:]?$",
    re.IGNORECASE,
)
_FOOTNOTE = re.compile(
    r"(?<=[\u4e00-\u9fffA-Za-z”」》）).,;])(?:\[\d{1,2}\]|［\d{1,2}］)"
    r"|(?<=[\u4e00-\u9fff”」》）])[¹²³⁴⁵⁶⁷⁸⁹⁰]+"
)
_CIRCLED_NOTE = re.compile(
    r"(?<=[\u4e00-\u9fff”」》）])[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳](?=[，。；、：！？”」\u4e00-\u9fff])"
)


def separate(paras: list[Para]) -> tuple[list[Para], list[Skipped], str | None]:
    """The report's own paragraphs (footnote markers taken out), what was left out, and the
    source a 来源：line names (or None)."""
    skipped: list[Skipped] = []
    kept: list[Para] = []
    source = None
    glossary_at = next((i for i, p in enumerate(paras) if _is_glossary(p)), None)
    body = paras if glossary_at is None else paras[:glossary_at]
    for p in paras[len(body) :]:
        skipped.append(Skipped(p.line, p.text, "glossary"))
    title = next((p.text for p in body if not p.picture and p.text), None)
    for i, p in enumerate(body):
        why = _clutter(p, body[i + 1] if i + 1 < len(body) else None)
        if why is None and p.text == title and kept and i < 20:
            why = "repeated title"
        if why:
            skipped.append(Skipped(p.line, p.text or "(picture)", why))
            m = re.match(r"^[【\[]?(?:来源|信息来源|稿源|Source)\s*[：:]\s*(.+?)[】\]]?$", p.text)
            if m and source is None:
                source = m.group(1).strip()
            continue
        kept.append(p)
    kept = [_without_markers(p, glossary_at is not None, skipped) for p in kept]
    for p in kept:  # a Word footnote's mark is no text, but its note is not imported
        skipped += [Skipped(p.line, "(a Word footnote's note)", "footnote marker")] * p.notes
    skipped.sort(key=lambda s: s.line)
    return kept, skipped, source


def _is_glossary(p: Para) -> bool:
    return len(p.text) <= 30 and bool(_GLOSSARY.match(p.text))


def _clutter(p: Para, after: Para | None) -> str | None:
    text = p.text
    if p.picture:
        return "picture"
    if text in ("图片", "[图片]", "【图片】", "（图片）", "点击查看大图"):
        return "picture"
    if text in _BUTTONS or _LABELLED.match(text) or _CAPTION.search(text) and len(text) < 60:
        return "web clutter"
    if _BREADCRUMB.match(text) and ("正文" in text or text.count(">") + text.count("＞") >= 2):
        return "web clutter"
    if after is not None and len(text) <= 8 and _BREADCRUMB.match(after.text):
        first = re.split(r"\s*[>＞»›]\s*", after.text)[0]
        if text == first:
            return "web clutter"
    return None


def _without_markers(p: Para, has_notes: bool, skipped: list[Skipped]) -> Para:
    """``p`` with its footnote markers taken out, each reported."""
    found = list(_FOOTNOTE.finditer(p.text))
    if has_notes:
        found += list(_CIRCLED_NOTE.finditer(p.text))
    if not found:
        return p
    for m in found:
        skipped.append(Skipped(p.line, m.group(), "footnote marker"))
    spans = sorted((m.start(), m.end()) for m in found)
    text, last = "", 0
    for start, end in spans:
        text += p.text[last:start]
        last = end
    return replace(p, text=text + p.text[last:])
