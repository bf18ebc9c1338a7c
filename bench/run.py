"""deckgen against pandoc, and against itself at 1×, 10× and 100× the seed, in one run.

Run: ``make bench`` (or ``.venv/bin/python bench/run.py [--rounds N] [--scales 1,10,100]
[--checks N]``). Prints a table and writes it to ``bench/RESULTS.md``, and the figures to
``bench/results.json``. Every case is the real command in a fresh process; peak memory is
the child's ``ru_maxrss``.

* **build vs pandoc**: ``deckgen build`` of the seed (deck and briefing, one process) and
  pandoc making a .pptx and a .docx of the same content (a Markdown rendering of the loaded
  content, :func:`markdown`), run alternately ``--rounds`` times; the ratio is the median
  of the ratios of each pair, so that a machine busier in one round than the next weighs on
  both sides alike.
* **scale**: ``deckgen build`` of the seed with its highlights, commitments and closing
  points repeated 1, 10 and 100 times: wall time and peak memory.
* **start**: ``deckgen --help`` and ``deckgen validate`` of the seed (median wall time).
* **check**: ``deckgen check`` of ``--checks`` files, all in one call vs one call a file.
* **rebuild**: the seed built again in a process that built it (``deckgen watch``).
* **floor**: Python starting and importing what the process writing the deck cannot do
  without (typer for the command line, pydantic for the content model, python-pptx): no
  ``deckgen build`` can take less.

deckgen's own modules are compiled to bytecode first, as installing it does: the checkout a
developer runs from (with ``PYTHONDONTWRITEBYTECODE`` set, as here) would otherwise compile
every module anew in every run.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
DECKGEN = [sys.executable, "-m", "deckgen.cli"]
REPEATED = (("review", "highlights"), ("plan", "commitments"), ("closing", "points"))


def run(args: list[str], ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of ``args`` in a fresh process, whose exit code
    must be one of ``ok``."""
    start = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read() if child.stderr else b""
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in ok:
        raise SystemExit(f"failed: {' '.join(args)}\n{stderr.decode(errors='replace')}")
    return seconds, usage.ru_maxrss / 1024


def times(args: list[str], rounds: int) -> float:
    """The median wall time of ``args`` over ``rounds`` fresh processes."""
    return statistics.median(run(args)[0] for _ in range(rounds))


def scaled(factor: int, out: Path) -> Path:
    """The seed with its highlights, commitments and closing points each ``factor`` times."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    data = yaml.load(SEED.read_text(encoding="utf-8"))
    for part, key in REPEATED:
        data[part][key] = [dict(item) for _ in range(factor) for item in data[part][key]]
    with out.open("w", encoding="utf-8") as f:
        yaml.dump(data, f)
    return out


def markdown(content_path: Path) -> str:
    """The loaded content as Markdown: each titled thing a heading (one level deeper than its
    parent's), its other texts paragraphs, a list of texts a bulleted list."""
    from deckgen import api

    data = api.load(content_path).model_dump(mode="json", exclude_none=True, exclude={"unplaced"})
    lines: list[str] = []

    def walk(value: object, level: int) -> None:
        if isinstance(value, dict):
            name = next((value[k] for k in ("title", "heading", "label") if k in value), None)
            if isinstance(name, str):
                lines.extend([f"{'#' * min(level, 6)} {name}", ""])
            for item in value.values():
                if item is not name:
                    walk(item, level + 1)
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            lines.extend([*(f"- {item}" for item in value), ""])
        elif isinstance(value, list):
            for item in value:
                walk(item, level)
        elif isinstance(value, str):
            lines.extend([value, ""])

    for part in data.values():
        walk(part, 1)
    return "\n".join(lines)


REBUILD = """
import statistics, sys, time
from deckgen import api
api.build(sys.argv[1], out_dir=sys.argv[2])
spent = []
for _ in range(int(sys.argv[3])):
    start = time.perf_counter()
    api.build(sys.argv[1], out_dir=sys.argv[2])
    spent.append(time.perf_counter() - start)
print(statistics.median(spent))
"""
"""The seed built again in the process that built it (as ``deckgen watch`` rebuilds after
an edit): the median of ``rounds`` rebuilds."""


def rebuild(tmp: Path, rounds: int) -> float:
    """The median time of a rebuild of the seed in a warm process."""
    args = [sys.executable, "-c", REBUILD, str(SEED), str(tmp / "rebuild"), str(rounds)]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True)
    return round(float(done.stdout.strip().splitlines()[-1]), 3)


def build_vs_pandoc(tmp: Path, rounds: int) -> dict:
    """deckgen build of the seed vs pandoc's .pptx + .docx, alternated, pairwise."""
    md = tmp / "seed.md"
    md.write_text(markdown(SEED), encoding="utf-8")
    deckgen = [*DECKGEN, "build", str(SEED), "-o", str(tmp / "build")]
    pandoc = [["pandoc", str(md), "-o", str(tmp / f"pandoc{s}")] for s in (".pptx", ".docx")]
    ours, theirs = [], []
    for i in range(rounds):
        for side in (0, 1) if i % 2 == 0 else (1, 0):
            if side == 0:
                ours.append(run(deckgen)[0])
            else:
                theirs.append(sum(run(args)[0] for args in pandoc))
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    return {
        "deckgen_build_s": round(statistics.median(ours), 3),
        "pandoc_pptx_docx_s": round(statistics.median(theirs), 3),
        "ratio_median": round(statistics.median(ratios), 2),
        "rounds": rounds,
    }


LIFTED = """
import sys
from deckgen import load, yaml_read
load.MAX_CONTENT_BYTES = 64 * 2**20  # the bytes read: allocated
for name in ("MAX_ITEMS", "MAX_NODES", "MAX_TOTAL_TEXT"):
    setattr(yaml_read, name, 10**9)
from deckgen.cli import main
sys.argv[0] = "deckgen"
main()
"""
"""``deckgen`` with the limits on a content file's size lifted (:mod:`deckgen.limits` refuses
more than 100 items in a list or 100,000 characters in a file: about ten times the seed)."""


def scale(tmp: Path, factors: list[int]) -> dict:
    """deckgen build at each factor of the seed's content: wall time, peak memory; every
    factor with the limits lifted alike (:data:`LIFTED`), so that they compare."""
    out: dict = {}
    for factor in factors:
        content = SEED if factor == 1 else scaled(factor, tmp / f"liuhe-2023-x{factor}.yaml")
        build = [sys.executable, "-c", LIFTED, "build", str(content), "-o", str(tmp / f"x{factor}")]
        seconds, mib = run(build)
        out[f"x{factor}"] = {"seconds": round(seconds, 3), "peak_mib": round(mib, 1)}
    base = out.get("x1", {}).get("seconds")
    for figures in out.values():
        if base:
            figures["time_ratio_to_x1"] = round(figures["seconds"] / base, 2)
    return out


def checks(tmp: Path, count: int) -> dict:
    """``deckgen check`` of ``count`` files (the seed's deck and briefing, copied under
    different names, half each) in one call, vs one call a file."""
    built = tmp / "build"
    if not built.exists():
        run([*DECKGEN, "build", str(SEED), "-o", str(built)])
    files = []
    for i in range(count):
        suffix = (".pptx", ".docx")[i % 2]
        files.append(tmp / "checks" / f"seed-{i}{suffix}")
        files[-1].parent.mkdir(exist_ok=True)
        shutil.copy(built / f"liuhe-2023{suffix}", files[-1])
    ok = (0, 1)  # check's 1: findings, not a failure
    one_by_one = sum(run([*DECKGEN, "check", str(f)], ok)[0] for f in files)
    try:
        batched = run([*DECKGEN, "check", *map(str, files)], ok)[0]
    except SystemExit as err:  # a deckgen whose check takes one file
        return {"files": count, "one_by_one_s": round(one_by_one, 3), "batched": str(err)[:200]}
    return {
        "files": count,
        "one_by_one_s": round(one_by_one, 3),
        "batched_s": round(batched, 3),
        "speedup": round(one_by_one / batched, 2),
    }


def table(results: dict) -> str:
    """The results as the lines printed and kept in RESULTS.md."""
    v, s, st = results["build_vs_pandoc"], results["scale"], results["start"]
    lines = [
        f"machine: {results['machine']}, python {results['python']}, "
        f"{results['cpus']} CPUs, load average {results['load']}",
        "",
        f"build seed   deckgen {v['deckgen_build_s']:.3f} s | pandoc pptx+docx "
        f"{v['pandoc_pptx_docx_s']:.3f} s | ratio (pairwise median of {v['rounds']}) "
        f"{v['ratio_median']:.2f}x",
    ]
    if "rebuild_s" in results:
        again = results["rebuild_s"]
        lines.append(
            f"rebuild      {again:.3f} s in a warm process, as deckgen watch rebuilds"
            f" ({again / v['pandoc_pptx_docx_s']:.2f}x pandoc)"
        )
    for key, f in s.items():
        lines.append(
            f"build {key:6} {f['seconds']:8.3f} s  ({f.get('time_ratio_to_x1', '-')}x of x1)"
            f"  peak {f['peak_mib']:.1f} MiB  (content limits lifted)"
        )
    lines.append(f"--help       {st['help_s']:.3f} s   validate {st['validate_s']:.3f} s")
    if "floor_s" in results:
        floor = results["floor_s"]
        lines.append(
            f"floor        {floor:.3f} s: python importing typer, pydantic, python-pptx"
            f" ({floor / v['pandoc_pptx_docx_s']:.2f}x pandoc)"
        )
    c = results.get("check")
    if c and "batched_s" in c:
        lines.append(
            f"check {c['files']} files  one by one {c['one_by_one_s']:.3f} s | batched "
            f"{c['batched_s']:.3f} s | {c['speedup']:.2f}x faster"
        )
    elif c:
        lines.append(f"check {c['files']} files  one by one {c['one_by_one_s']:.3f} s | {c}")
    return "\n".join(lines)


FLOOR = "import typer, pydantic, pptx"
"""What the process writing a deck imports of others' (the briefing's, python-docx, is
imported in the process writing it, at the same time)."""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="alternated pairs vs pandoc")
    parser.add_argument("--scales", default="1,10,100", help="factors of the seed's content")
    parser.add_argument("--checks", type=int, default=10, help="files checked (0: none)")
    args = parser.parse_args(argv)
    if shutil.which("pandoc") is None:
        raise SystemExit("pandoc is needed: apt-get install pandoc")
    results: dict = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }
    compileall.compile_dir(ROOT / "src" / "deckgen", quiet=1)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        results["floor_s"] = round(times([sys.executable, "-c", FLOOR], args.rounds), 3)
        results["build_vs_pandoc"] = build_vs_pandoc(tmp, args.rounds)
        results["rebuild_s"] = rebuild(tmp, args.rounds)
        results["scale"] = scale(tmp, [int(x) for x in args.scales.split(",")])
        results["start"] = {
            "help_s": round(times([*DECKGEN, "--help"], args.rounds), 3),
            "validate_s": round(times([*DECKGEN, "validate", str(SEED)], args.rounds), 3),
        }
        if args.checks:
            results["check"] = checks(tmp, args.checks)
    text = table(results)
    print(text)
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    (ROOT / "bench" / "RESULTS.md").write_text(
        f"# bench/run.py, last output\n\n```\n{text}\n```\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
