"""Moved to :mod:`deckgen.template.master`; this re-export stays only until plan/ imports it
from there. Import from :mod:`deckgen.template.master`."""

from ...template.master import read_master  # noqa: F401
