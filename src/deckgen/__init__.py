"""deckgen: one content model, a branded speed-read deck and a print-ready briefing."""

__version__ = "0.1.0"
