"""Time deckgen on the seed and on ten times its content: wall time and peak memory.

Run: ``make bench`` (or ``.venv/bin/python bench/run.py``). Writes ``bench/results.json``.
Each case runs the real command in a fresh process, a few times; the best wall time and
the largest peak resident memory are kept.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
DECKGEN = [sys.executable, "-m", "deckgen.cli"]
RUNS = 3


def tenfold(seed: Path, out: Path) -> Path:
    """The seed with ten times its highlights, commitments and closing points."""
    yaml = YAML(typ="safe")
    data = yaml.load(seed.read_text(encoding="utf-8"))
    for part, key in (("review", "highlights"), ("plan", "commitments"), ("closing", "points")):
        items = data[part][key]
        data[part][key] = [dict(item) for _ in range(10) for item in items]
    with out.open("w", encoding="utf-8") as f:
        yaml.dump(data, f)
    return out


def measure(args: list[str]) -> dict:
    """Best wall time and peak RSS (MiB) of ``args`` over RUNS fresh processes."""
    best, peak = float("inf"), 0.0
    for _ in range(RUNS):
        start = time.perf_counter()
        child = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        best = min(best, time.perf_counter() - start)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(args)}")
        peak = max(peak, usage.ru_maxrss / 1024)
    return {"seconds": round(best, 3), "peak_mib": round(peak, 1)}


def main() -> None:
    results: dict = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cases": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        big = tenfold(SEED, tmpdir / "liuhe-2023-x10.yaml")
        cases = {
            "help": [*DECKGEN, "--help"],
            "validate seed": [*DECKGEN, "validate", str(SEED)],
            "pptx seed": [*DECKGEN, "pptx", str(SEED), "-o", str(tmpdir / "seed.pptx")],
            "docx seed": [*DECKGEN, "docx", str(SEED), "-o", str(tmpdir / "seed.docx")],
            "pptx seed x10": [*DECKGEN, "pptx", str(big), "-o", str(tmpdir / "x10.pptx")],
            "docx seed x10": [*DECKGEN, "docx", str(big), "-o", str(tmpdir / "x10.docx")],
        }
        for name, args in cases.items():
            results["cases"][name] = measure(args)
            print(f"{name:16} {results['cases'][name]}")
    out = ROOT / "bench" / "results.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
