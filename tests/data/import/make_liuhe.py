"""Make liuhe-2023.md from liuhe-2023.txt (the seed), and liuhe-2023.docx from the .md.

The Markdown is the seed's text, line for line and character for character, with the
structure a clerk would give it: the page title a ``#`` heading, the part labels and the
closing's title ``##``, highlight and commitment titles ``###``, point headings ``####``
(the headings are those of the hand-made sample content), the targets a ``-`` list
without their ▲; every other line a paragraph. The .docx is pandoc's, from the .md:

    python tests/data/import/make_liuhe.py
    pandoc -f markdown-smart -t docx tests/data/import/liuhe-2023.md \\
        -o tests/data/import/liuhe-2023.docx
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SAMPLE = next(
    p
    for p in (
        ROOT / "src/deckgen/data/samples/liuhe-2023.yaml",
        ROOT / "content/liuhe-2023.yaml",
    )
    if p.is_file()
)
FULL = str.maketrans({"，": ",", "：": ":", "！": "!", "（": "(", "）": ")"})


def main() -> None:
    sample = YAML(typ="safe").load(SAMPLE.read_text(encoding="utf-8"))
    titles = {h["title"] for h in sample["review"]["highlights"]}
    titles |= {c["title"] for c in sample["plan"]["commitments"]}
    heads = {p["heading"] for h in sample["review"]["highlights"] for p in h["points"]}
    heads |= {p["heading"] for c in sample["plan"]["commitments"] for p in c["points"]}
    heads |= {p["heading"] for p in sample["closing"]["points"]}
    parts = {"回顾2022", "谋划2023", sample["closing"]["title"]}
    titles, heads = {t.translate(FULL) for t in titles}, {h.translate(FULL) for h in heads}
    lines = [x.strip() for x in (HERE / "liuhe-2023.txt").read_text("utf-8").splitlines()]
    out = []
    for n, line in enumerate(x for x in lines if x):
        if n == 0:
            out.append(f"# {line}")
        elif line in parts:
            out.append(f"## {line}")
        elif line in titles:
            out.append(f"### {line}")
        elif line in heads:
            out.append(f"#### {line}")
        elif line.startswith("▲"):
            out.append(f"- {line[1:]}")
        else:
            out.append(line)
    text = ""
    for prev, line in zip([""] + out, out, strict=False):
        both_items = prev.startswith("- ") and line.startswith("- ")
        text += ("\n" if both_items else "\n\n" if text else "") + line
    (HERE / "liuhe-2023.md").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
