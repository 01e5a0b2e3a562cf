"""Progress on stderr: a bar (items, items/s, ETA) on a terminal, a plain line every few
seconds otherwise (logs stay readable)."""
from __future__ import annotations

import os
import sys
import time
from typing import IO, Sequence

from ..errors import MtcleanError
from ..readers import JSONL_SUFFIXES, _pair_files, expand_paths

PLAIN_EVERY = 5.0  # seconds between plain progress lines


def estimate_total(paths: Sequence[str]) -> int | None:
    """Roughly how many entries the inputs hold (one per line of JSON Lines files, one
    per text file or pair); None when standard input is among them."""
    if "-" in paths:
        return None
    total = 0
    try:
        for group in _pair_files(list(expand_paths(paths))):
            if group[0].lower().endswith(JSONL_SUFFIXES):
                with open(group[0], "rb") as f:
                    total += sum(chunk.count(b"\n")
                                 for chunk in iter(lambda: f.read(1 << 20), b""))
            else:
                total += 1
    except (OSError, MtcleanError):  # the run reports a missing or unreadable input itself
        return None
    return total


class Progress:
    """Call with (entries, chars) after each chunk; :meth:`close` at the end."""

    def __init__(self, total: int | None, stream: IO[str] | None = None) -> None:
        # (sys.stderr is None when the process was started with it closed, 2>&-)
        self.stream = stream if stream is not None else sys.stderr
        self.count = 0
        self.start = self.last = time.monotonic()
        self.bar = None
        self.gone = self.stream is None  # where progress went is closed: a run goes on
        if not self.gone and _isatty(self.stream):
            stream = self.stream
            from tqdm import tqdm

            # a terminal that reports no size (a bare pty) gets 80 columns and 24 lines:
            # tqdm would draw no bar at all (none fits in 0 lines)
            sized = _columns(stream) > 0
            self.bar = tqdm(total=total, unit="item", file=stream, dynamic_ncols=sized,
                            ncols=None if sized else DEFAULT_SIZE[0],
                            nrows=None if sized else DEFAULT_SIZE[1], smoothing=0.1)
        self.total = total

    def __call__(self, entries: int, chars: int) -> None:
        self.count += entries
        if self.gone:
            return
        try:
            self._show(entries)
        except (OSError, ValueError):
            # stderr went away (a pipe to "head" closed, a terminal hung up): the run's
            # work goes on without progress, rather than stopping half done
            self.gone = True

    def _show(self, entries: int) -> None:
        if self.bar is not None:
            self.bar.update(entries)
            return
        now = time.monotonic()
        if now - self.last >= PLAIN_EVERY:
            self.last = now
            rate = self.count / (now - self.start)
            eta = ""
            if self.total and rate > 0:
                eta = f", ETA {max(self.total - self.count, 0) / rate:.0f} s"
            of = f"/{self.total}" if self.total else ""
            print(f"mtclean: {self.count}{of} items, {rate:.0f} items/s{eta}",
                  file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None and not self.gone:
            try:
                self.bar.close()
            except (OSError, ValueError):
                self.gone = True


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, OSError, ValueError):
        return False


DEFAULT_SIZE = (80, 24)  # columns, lines


def _columns(stream: IO[str]) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 0
