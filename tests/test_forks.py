"""``deckgen build`` writes its deck and briefing at once, the briefing in a forked process:
what each returns and raises comes back to the parent, whose warnings, --strict and errors
are as when they were written one after the other."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from deckgen import forks
from deckgen.cli import app
from deckgen.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "liuhe-2023.yaml"
at_once = pytest.mark.skipif(not forks.CAN_FORK, reason="no fork here: written in turn")


def _raise(message: str):
    raise InputError(message, file="x.yaml", line=3, column=5, field="review.title")


@at_once
def test_each_call_runs_in_its_own_process_and_returns_in_order():
    pids = forks.run_all([os.getpid, os.getpid, lambda: "three"])
    assert pids[0] == os.getpid() and pids[1] != os.getpid() and pids[2] == "three"


@at_once
def test_a_childs_error_comes_back_whole():
    with pytest.raises(InputError) as caught:
        forks.run_all([lambda: 1, lambda: _raise("not a title")])
    assert str(caught.value) == "x.yaml:3:5: review.title: not a title"
    assert "in the process writing beside" in caught.value.__notes__[0]


@at_once
def test_the_earliest_error_wins_and_every_child_is_waited_for():
    with pytest.raises(InputError, match="first"):
        forks.run_all([lambda: _raise("first"), lambda: _raise("second"), lambda: 3])
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind


@at_once
def test_a_child_that_dies_is_an_error():
    with pytest.raises(RuntimeError, match="without a result"):
        forks.run_all([lambda: 1, lambda: os._exit(3)])


def test_without_fork_the_calls_run_in_turn(monkeypatch):
    monkeypatch.setattr(forks, "CAN_FORK", False)
    assert forks.run_all([os.getpid, os.getpid]) == [os.getpid()] * 2


def test_the_briefings_warnings_come_back_once_and_strict_counts_them(tmp_path):
    """A content with no targets, plan or closing: the briefing's plan (made in the child)
    warns of each missing part; the parent tells each once, and --strict exits 1."""
    content = tmp_path / "c.yaml"
    text = SEED.read_text(encoding="utf-8")
    content.write_text(text.split("\ntargets:")[0] + "\n", encoding="utf-8")
    out = tmp_path / "o"
    result = CliRunner().invoke(app, ["build", str(content), "-o", str(out), "--strict"])
    warned = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warned == [
        "warning: the content has no 'targets' part",
        "warning: the content has no 'plan' part",
        "warning: the content has no 'closing' part",
    ], result.output
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["c.docx", "c.pptx"]


def test_a_process_with_threads_is_not_forked():
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert forks.run_all([os.getpid, os.getpid]) == [os.getpid()] * 2
    finally:
        stop.set()
        other.join()


@at_once
def test_calls_dealt_among_at_most_so_many_processes_come_back_in_order():
    values = forks.run_all([lambda i=i: (i, os.getpid()) for i in range(7)], processes=2)
    assert [i for i, _ in values] == list(range(7))
    assert len({pid for _, pid in values}) == 2  # the parent's share and one child's
    assert {pid for i, pid in values if i % 2 == 0} == {os.getpid()}


def test_dealt_by_cost_two_kinds_listed_in_turn_are_shared_alike():
    """Decks (costly) and briefings listed in turn: each share gets some of each."""
    costs = [120, 50] * 5
    shares = forks.deal(costs, 2)
    assert sorted(i for share in shares for i in share) == list(range(10))
    totals = [sum(costs[i] for i in share) for share in shares]
    assert max(totals) - min(totals) <= 120
    assert all(share == sorted(share) for share in shares)
    assert forks.deal([1.0], 4) == [[0]]


def _gone(pid: int) -> bool:
    """The process ended (a zombie not yet reaped counts as ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "\nState:\tZ" in status or "\nState:\tX" in status


@at_once
def test_a_child_ends_when_its_parent_is_killed(tmp_path):
    """Killed outright (nothing of the parent runs), its child does not go on writing."""
    import signal
    import subprocess
    import sys
    import time

    mark = tmp_path / "child.pid"
    code = (
        "import os, time\nfrom deckgen import forks\n"
        f"def child():\n    open({str(mark)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(60)\n"
        "forks.run_all([lambda: time.sleep(60), child])\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code])
    try:
        deadline = time.monotonic() + 30
        while not (mark.exists() and mark.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        child = int(mark.read_text())
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while not _gone(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _gone(child)
    finally:
        parent.kill()
