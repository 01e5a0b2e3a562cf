"""Hold Ctrl-C (SIGINT) and SIGTERM back while something must not be cut in half.

Some code turns an interrupt into another error, or drops it: langdetect loads its
language profiles under a bare ``except:`` that makes a KeyboardInterrupt a format
error (and leaves the detector with some languages only), and Python prints and
ignores an exception raised while an object is collected during an import. Inside
:func:`held_signals` the two signals wait; they arrive, as usual, right after it.
:func:`hold` and :func:`release` block them at the level of the process, from the
command's first line until its work begins.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

HELD = frozenset({signal.SIGINT, signal.SIGTERM})


@contextmanager
def noted_signals(noted: list[int], again: bool) -> Iterator[None]:
    """SIGINT and SIGTERM that come during the body are appended to ``noted`` instead of
    acting; after it the handlers there were come back and, with ``again``, the signals
    noted are raised to them (Ctrl-C: KeyboardInterrupt). Only the main thread handles
    signals: elsewhere the body runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {sig: signal.signal(sig, lambda signum, frame: noted.append(signum))
           for sig in HELD}
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
        if again:
            for signum in dict.fromkeys(noted):
                signal.raise_signal(signum)


def held_signals():
    """A body that no interrupt cuts in half: one that comes waits until it ends."""
    return noted_signals([], again=True)


def _can_block() -> bool:
    return threading.current_thread() is threading.main_thread() and \
        hasattr(signal, "pthread_sigmask")


def hold() -> None:
    """Block SIGINT and SIGTERM until :func:`release`: for the command's start-up, while
    the process has one thread (a blocked signal goes to a thread that takes it)."""
    if _can_block():
        signal.pthread_sigmask(signal.SIG_BLOCK, HELD)


def release() -> None:
    """Let SIGINT and SIGTERM through again; one that came meanwhile arrives now."""
    if _can_block():
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD)
