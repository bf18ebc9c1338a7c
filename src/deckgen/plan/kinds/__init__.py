"""Slide kinds: one module each, with ``make(p, part) -> list[Slide]``; the deck's table
(:data:`deckgen.plan.deck.DECK`) says which run for which part, in which order."""
