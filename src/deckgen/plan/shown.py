"""What of a content a build shows: the pieces a meeting leaves out taken out, once, before
the deck and the briefing are planned, so that neither planner asks the options again.

A meeting's ``omit`` (:attr:`deckgen.options.ProfileOptions.omit`) names pieces of a full
report; its ``presenter`` replaces the content's. The ``unplaced`` text an importer could not
place is never shown. The content's parts themselves are chosen by ``parts``, where each
planner walks them.
"""

from __future__ import annotations

from ..model import Content
from ..options import BuildOptions


def shown(content: Content, options: BuildOptions) -> Content:
    """``content`` as ``options`` show it (the same object when nothing changes)."""
    omit = set(options.omit)
    meta = content.meta
    presenter = None if "presenter" in omit else options.presenter or meta.presenter
    occasion = None if "occasion" in omit else meta.occasion
    changes: dict[str, object] = {}
    if (presenter, occasion) != (meta.presenter, meta.occasion):
        changes["meta"] = meta.model_copy(update={"presenter": presenter, "occasion": occasion})
    if content.unplaced:
        changes["unplaced"] = []
    leads = "leads" not in omit
    review, plan, closing = content.review, content.plan, content.closing
    if review is not None and ("summary" in omit or not leads):
        changes["review"] = review.model_copy(
            update={
                "summary": [] if "summary" in omit else review.summary,
                "highlights": [_without_lead(h, leads) for h in review.highlights],
            }
        )
    if plan is not None and omit & {"requirements", "intro", "leads"}:
        changes["plan"] = plan.model_copy(
            update={
                "requirements": [] if "requirements" in omit else plan.requirements,
                "intro": [] if "intro" in omit else plan.intro,
                "commitments": [_without_lead(c, leads) for c in plan.commitments],
            }
        )
    if closing is not None and "appeal" in omit:
        changes["closing"] = closing.model_copy(update={"appeal": []})
    return content.model_copy(update=changes) if changes else content


def _without_lead(item, keep: bool):
    """A highlight or commitment without its lead sentence, unless ``keep``."""
    return item if keep or item.lead is None else item.model_copy(update={"lead": None})
