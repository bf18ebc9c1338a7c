"""A brief briefing (``detail: brief``) keeps whole sentences, as written: a highlight point's
sentence with its key figure, a commitment point's heading and first sentence."""

from __future__ import annotations

from pathlib import Path

from deckgen import api
from deckgen.plan.brief import Heading, Paragraph
from deckgen.plan.brief.gist import first_sentence, gist, sentences

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"


def test_sentences_are_cut_after_their_stops_and_closing_marks():
    text = "强化“免申即享”。净增40家、总数突破400家。“四风”得到纠治！最后一句"
    assert sentences(text) == [
        "强化“免申即享”。",
        "净增40家、总数突破400家。",
        "“四风”得到纠治！",
        "最后一句",
    ]
    assert "".join(sentences(text)) == text
    english = "Tax relief of $1.2 billion was paid. It grew 3.5% in 2023. Done"
    assert sentences(english) == [
        "Tax relief of $1.2 billion was paid. ",
        "It grew 3.5% in 2023. ",
        "Done",
    ]
    assert first_sentence(english) == "Tax relief of $1.2 billion was paid."
    assert (
        first_sentence("坚持A；坚持B：一是C。二是D。") == "坚持A；坚持B：一是C。"
    )  # ；： do not end one


def test_the_gist_is_the_first_sentence_with_a_figure():
    assert gist("扎实开展专项行动。新增企业40家。增长7%。") == "新增企业40家。"
    assert gist("没有数字。也没有。") == "没有数字。"


def plan(meeting: str, detail: str):
    options, template = api.for_meeting(ROOT / "meetings" / f"{meeting}.yaml")
    options = options.model_copy(update={"detail": detail})
    return api.plan(SEED, ".docx", template, options)


def test_a_brief_briefing_keeps_whole_sentences_as_written():
    content = api.load(SEED)
    brief = plan("delegation-brief", "brief")
    texts = [b.text for b in brief.blocks if isinstance(b, Paragraph) and b.role == "body"]
    written = [p.text for h in content.review.highlights for p in h.points]
    written += [b for c in content.plan.commitments for p in c.points for b in p.bullets]
    written += content.targets.intro
    whole = {s.rstrip() for w in written for s in sentences(w)}
    assert texts and set(texts) <= whole  # each a whole sentence, character for character
    # each highlight point: its key figure's sentence; no point headings under highlights
    for highlight in content.review.highlights:
        for point in highlight.points:
            assert gist(point.text) in texts
    headings = [b.text for b in brief.blocks if isinstance(b, Heading) and b.level == 3]
    assert headings == [p.heading for c in content.plan.commitments for p in c.points]


def test_brief_is_at_most_half_of_full():
    full, brief = plan("delegation-brief", "full"), plan("delegation-brief", "brief")
    assert brief.pages * 2 <= full.pages
    assert brief.pages * 2 <= plan("changwu-full", "full").pages
