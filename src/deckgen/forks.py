"""Calls run at once, each but the first in a forked child process: ``deckgen build`` plans
and writes its briefing beside its deck on a second core, sharing what the parent loaded
(the content, the theme, the font metrics) without reading or importing it again.

A child's return value, or its exception (its traceback kept as a note), comes back pickled
through a pipe. A child dies with its parent's run: SIGINT, SIGTERM and SIGHUP end it at
once, it is killed when its parent ends (however it ends), and a parent that stops early
(an error, a signal) ends and waits for its children before it goes on, so that nothing is
written after the parent has cleaned up. Where there is
no ``fork`` (Windows), where forking a running process is unsafe (macOS), or in a process
running other threads (a program calling :func:`deckgen.api.build` from one: a lock another
thread holds would stay held in the child), the calls run one after the other.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from typing import Any

CAN_FORK = hasattr(os, "fork") and sys.platform.startswith("linux")
_ENDING = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP} if CAN_FORK else set()
"""The signals that end a run (blocked while a child is forked, so that a parent never
stops between making a child and knowing it)."""


def run_all(
    calls: Sequence[Callable[[], Any]],
    at_once: bool = True,
    processes: int | None = None,
    costs: Sequence[float] | None = None,
) -> list[Any]:
    """What each call returns, in order; the first exception raised (by the earliest call
    that raised) is raised once every call has ended. ``processes``: at most so many run at
    once, the calls dealt among them (:func:`deal`, by ``costs`` if given), each process
    running its share one after the other."""
    if not (at_once and CAN_FORK and len(calls) > 1) or threading.active_count() > 1:
        return [call() for call in calls]  # a process with threads is not forked safely
    ways = len(calls) if processes is None else max(1, min(processes, len(calls)))
    if ways < len(calls):
        shares = deal(costs or [1.0] * len(calls), ways)
        done = run_all([functools.partial(_each, [calls[i] for i in share]) for share in shares])
        in_order: list[Any] = [None] * len(calls)
        for share, values in zip(shares, done, strict=True):
            for i, value in zip(share, values, strict=True):
                in_order[i] = value
        return in_order
    children: list[tuple[int, int]] = []
    try:
        for call in calls[1:]:
            signal.pthread_sigmask(signal.SIG_BLOCK, _ENDING)  # no child left unknown
            try:
                children.append(_fork(call))
            finally:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, _ENDING)
        results: list[tuple[bool, Any]] = []
        try:
            results.append((True, calls[0]()))
        except Exception as err:
            results.append((False, err))
        while children:
            results.append(_result(*children[0]))
            children.pop(0)
    finally:
        for pid, fd in children:  # the parent stopped early: its children stop too
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.close(fd)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
    for ok, value in results:
        if not ok:
            raise value
    return [value for _, value in results]


def deal(costs: Sequence[float], ways: int) -> list[list[int]]:
    """The indexes of ``costs`` dealt into ``ways`` shares of about equal cost, each in
    order: the costliest first, each to the share with the least so far (so that two kinds
    of file listed in turn, decks and briefings, do not all go the same way)."""
    shares: list[list[int]] = [[] for _ in range(max(1, ways))]
    totals = [0.0] * len(shares)
    for i in sorted(range(len(costs)), key=lambda i: -costs[i]):
        least = totals.index(min(totals))
        shares[least].append(i)
        totals[least] += costs[i]
    return [sorted(share) for share in shares if share]


def _each(calls: Sequence[Callable[[], Any]]) -> list[Any]:
    return [call() for call in calls]


def _fork(call: Callable[[], Any]) -> tuple[int, int]:
    """(pid, read end of its pipe) of a child running ``call``."""
    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: never returns into the parent's code
        code = 0
        try:
            os.close(read)
            for kind in _ENDING:
                signal.signal(kind, signal.SIG_DFL)
            _die_with(parent)
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _ENDING)
            payload = _outcome(call)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(payload)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _die_with(parent: int) -> None:
    """End this child when its parent ends, however it ends (a SIGKILL, a SIGTERM the parent
    does not handle): Linux's parent-death signal; a parent already gone ends it now."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)


def _outcome(call: Callable[[], Any]) -> bytes:
    """``call``'s result, or its exception, pickled; an exception that cannot be pickled
    comes back as a RuntimeError naming it."""
    try:
        return pickle.dumps((True, call()))
    except Exception as err:
        err.add_note("in the process writing beside:\n" + traceback.format_exc().rstrip())
        try:
            return pickle.dumps((False, err))
        except Exception:
            return pickle.dumps((False, RuntimeError(f"{type(err).__name__}: {err}")))


def _result(pid: int, read: int) -> tuple[bool, Any]:
    """What the child ``pid`` sent, once it has ended."""
    with os.fdopen(read, "rb", closefd=False) as pipe:
        payload = pipe.read()
    os.close(read)
    _, status = os.waitpid(pid, 0)
    if not payload:
        code = os.waitstatus_to_exitcode(status)
        return False, RuntimeError(f"the process writing beside ended without a result ({code})")
    return pickle.loads(payload)
