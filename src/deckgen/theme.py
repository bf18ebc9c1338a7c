"""Moved to :mod:`deckgen.template.theme`; this re-export stays only until plan/ imports it
from there. Import from :mod:`deckgen.template.theme`."""

from .template.theme import (  # noqa: F401
    DEFAULT_TEMPLATE,
    TEMPLATES_DIR,
    Colour,
    Font,
    Theme,
    builtin_templates,
    is_cjk_font,
    load_theme,
)
