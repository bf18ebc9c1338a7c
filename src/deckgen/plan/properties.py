"""What a written file says about itself (File ▸ Properties), planned from the content's meta."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Properties:
    """What both files say about themselves."""

    title: str
    subject: str = ""
    author: str = ""
    """The issuing organisation: author, last modified by, company."""
    keywords: str = ""
    comments: str = ""
    """Where the report comes from (``meta.source``)."""
    language: str = "zh-CN"
