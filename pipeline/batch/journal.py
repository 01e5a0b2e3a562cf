"""The resume journal: which entries of a run are safely in the partial output files.

A run writes ``items.jsonl.partial`` and ``rejects.jsonl.partial`` and, after their bytes
are flushed, appends one journal line per entry::

    INDEX HASH ITEMS_END REJECTS_END CHARS EDITS CHECKS REASON

(the byte offsets just after the entry's line, the entry's input size, and its counts for
the report). On restart the journal's consistent prefix is kept (a torn last line, or
offsets beyond the files' ends, are dropped) and the partial files are truncated to the
last journalled offsets, so a crash between writing a line and journalling it leaves no
trace. Entries are then matched by position and content hash: the first mismatch (a
changed, added or removed input item) truncates everything from that position on, and
the run carries on from there. Memory stays flat: the journal is read as a stream.
"""
from __future__ import annotations

import fcntl
import functools
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator
from urllib.parse import quote, unquote

from ..errors import OutputError

HEADER = b"mtclean-journal 1\n"
ITEMS, REJECTS, JOURNAL, REPORT = "items.jsonl", "rejects.jsonl", ".journal", "report.json"
PARTIAL = ".partial"
LOCK = ".lock"
LOCK_WAIT = 2.0  # seconds


@dataclass(frozen=True)
class JournalEntry:
    index: int
    hash: str
    items_end: int
    rejects_end: int
    chars: int
    edits: str = "-"  # rule=n,rule=n
    checks: str = "-"  # check/severity=n,...
    reason: str = "-"  # the reject reason's kind, quoted

    def to_line(self) -> bytes:
        return (f"{self.index} {self.hash} {self.items_end} {self.rejects_end} {self.chars} "
                f"{self.edits} {self.checks} {self.reason}\n").encode("ascii")

    @classmethod
    def parse(cls, line: bytes) -> "JournalEntry | None":
        if not line.endswith(b"\n"):
            return None  # torn by a crash
        parts = line.decode("ascii", "replace").split()
        if len(parts) != 8:
            return None
        try:
            return cls(int(parts[0]), parts[1], int(parts[2]), int(parts[3]), int(parts[4]),
                       parts[5], parts[6], parts[7])
        except ValueError:
            return None


def encode_counts(counts: dict[str, int]) -> str:
    """Counts as one journal field; a key is quoted (a rule id of a record edited by
    hand may hold anything: spaces, commas, Chinese).

    >>> encode_counts({"repair.nbsp": 2, "manual fix, 修正": 1})
    'manual%20fix%2C%20%E4%BF%AE%E6%AD%A3=1,repair.nbsp=2'
    >>> list(decode_counts(_))
    [('manual fix, 修正', 1), ('repair.nbsp', 2)]
    """
    return ",".join(f"{quote(str(k), safe='./')}={v}"
                    for k, v in sorted(counts.items(), key=lambda kv: str(kv[0]))) or "-"


def decode_counts(field: str) -> Iterator[tuple[str, int]]:
    if field == "-":
        return
    for part in field.split(","):
        key, _, n = part.rpartition("=")
        yield unquote(key), int(n)


def encode_reason(reason: str | None) -> str:
    return quote(reason, safe="") if reason else "-"


def decode_reason(field: str) -> str | None:
    return None if field == "-" else unquote(field)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _writing(method):
    """A method of :class:`RunFiles` whose failure to write (a full disk, a lost
    network share) is a clear error naming the folder: what is journalled stays, and
    the same command resumes from there."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(self.dir),
                              hint="free some space or fix the folder, then run the same "
                                   "command again: it resumes where it stopped") from None

    return wrapper


class RunFiles:
    """The output folder of one run: lock, partial files, journal, final names."""

    def __init__(self, outdir: str):
        self.dir = Path(outdir)
        try:
            if self.dir.exists() and not self.dir.is_dir():
                raise OutputError("output path exists and is not a folder", path=outdir)
            self.dir.mkdir(parents=True, exist_ok=True)
            self._lock = open(self.dir / LOCK, "ab")
        except OSError as exc:
            raise OutputError(f"cannot write to the output folder: {exc.strerror or exc}",
                              path=outdir) from None
        deadline = time.monotonic() + LOCK_WAIT
        while True:  # wait a moment: the workers of a killed run may still be exiting
            try:
                fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() > deadline:
                    self._lock.close()
                    raise OutputError("another `mtclean run` is writing to this folder",
                                      path=outdir,
                                      hint="wait for it to end, or write to another "
                                           "folder") from None
                time.sleep(0.05)
        self.lock_fd = self._lock.fileno()
        for name in (ITEMS, REJECTS, REPORT, JOURNAL, ITEMS + PARTIAL, REJECTS + PARTIAL):
            path = self.dir / name
            if path.exists() and not path.is_file():  # (a pipe would hang the run, and a
                # device or pipe replaced by a file would be lost)
                self._lock.close()
                raise OutputError("is a pipe, a device or a folder, not a file the run can "
                                  "replace", path=str(path),
                                  hint="remove it, or write to another folder")
        # a temporary file of a run killed while it replaced report.json (this run
        # holds the lock: no other run's file is there)
        for stale in self.dir.glob(f".{REPORT}.*.tmp"):
            try:
                stale.unlink()
            except OSError:
                pass
        self.items_path = self.dir / (ITEMS + PARTIAL)
        self.rejects_path = self.dir / (REJECTS + PARTIAL)
        self.journal_path = self.dir / JOURNAL
        self.items: IO[bytes] | None = None
        self.rejects: IO[bytes] | None = None
        self.journal: IO[bytes] | None = None
        self.items_end = self.rejects_end = 0
        self._reader: IO[bytes] | None = None
        self._pending: list[bytes] = []
        self.resumed = 0

    # --- recovery and matching -------------------------------------------------------------

    @_writing
    def recover(self) -> None:
        """Keep the journal's consistent prefix and cut the partial files to match it."""
        items_size, rejects_size = _size(self.items_path), _size(self.rejects_path)
        keep, items_end, rejects_end = 0, 0, 0
        try:
            with open(self.journal_path, "rb") as f:
                if f.readline() == HEADER:
                    keep = len(HEADER)
                    expected = 0
                    for line in f:
                        e = JournalEntry.parse(line)
                        if (e is None or e.index != expected or e.items_end < items_end
                                or e.rejects_end < rejects_end or e.items_end > items_size
                                or e.rejects_end > rejects_size):
                            break
                        keep += len(line)
                        items_end, rejects_end = e.items_end, e.rejects_end
                        expected += 1
        except FileNotFoundError:
            pass
        self._truncate(self.journal_path, keep, header=True)
        self._truncate(self.items_path, items_end)
        self._truncate(self.rejects_path, rejects_end)
        self._reader = open(self.journal_path, "rb")
        self._reader.seek(len(HEADER))
        self._journal_pos = len(HEADER)

    @staticmethod
    def _truncate(path: Path, size: int, header: bool = False) -> None:
        with open(path, "ab") as f:
            f.truncate(size)
            if header and size == 0:
                f.write(HEADER)

    def matches(self, index: int, digest: str) -> bool:
        """Is entry ``index`` already done, with this content hash? The first ``False``
        cuts the journal and the partial files back to the end of entry ``index - 1``."""
        if self._reader is None:
            return False
        line = self._reader.readline()
        e = JournalEntry.parse(line) if line else None
        if e is not None and e.index == index and e.hash == digest:
            self._journal_pos += len(line)
            self.items_end, self.rejects_end = e.items_end, e.rejects_end
            self.resumed += 1
            return True
        self.stop_matching()
        return False

    @_writing
    def stop_matching(self) -> None:
        """Drop every journalled entry after the last match and open files for appending."""
        if self._reader is None:
            return
        self._reader.close()
        self._reader = None
        self._truncate(self.journal_path, self._journal_pos)
        self._truncate(self.items_path, self.items_end)
        self._truncate(self.rejects_path, self.rejects_end)
        self.items = open(self.items_path, "ab")
        self.rejects = open(self.rejects_path, "ab")
        self.journal = open(self.journal_path, "ab")

    # --- writing ----------------------------------------------------------------------------

    @_writing
    def write(self, is_item: bool, line: bytes, entry_fields) -> None:
        """Write one output line; its journal line follows at the next :meth:`commit`."""
        assert self.items is not None and self.rejects is not None  # see stop_matching
        if is_item:
            self.items.write(line)
            self.items_end += len(line)
        else:
            self.rejects.write(line)
            self.rejects_end += len(line)
        index, digest, chars, edits, checks, reason = entry_fields
        self._pending.append(JournalEntry(index, digest, self.items_end, self.rejects_end, chars,
                                   edits, checks, reason).to_line())

    @_writing
    def commit(self, durable: bool = True) -> None:
        """Make the written lines safe, then journal them (in that order)."""
        if not self._pending:
            return
        assert self.items is not None and self.rejects is not None and self.journal is not None
        for f in (self.items, self.rejects):
            f.flush()
            if durable:
                os.fsync(f.fileno())
        self.journal.write(b"".join(self._pending))
        self.journal.flush()
        if durable:
            os.fsync(self.journal.fileno())
        self._pending.clear()

    def entries(self) -> Iterator[JournalEntry]:
        """Every journalled entry, streamed (for the report)."""
        with open(self.journal_path, "rb") as f:
            f.readline()
            for line in f:
                e = JournalEntry.parse(line)
                if e is not None:
                    yield e

    @_writing
    def finish(self, report: bytes) -> None:
        """Publish the outputs: report first, then rejects, then items, then forget the
        journal. A crash in between leaves a state that the next run redoes correctly."""
        self.commit()
        for f in (self.items, self.rejects, self.journal):
            if f is not None:
                f.close()
        from ..io import atomic_output

        with atomic_output(str(self.dir / REPORT)) as out:
            out.write(report)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.dir / REPORT, 0o666 & ~umask)  # like the other outputs
        os.replace(self.rejects_path, self.dir / REJECTS)
        os.replace(self.items_path, self.dir / ITEMS)
        _fsync_dir(self.dir)
        os.unlink(self.journal_path)

    def close(self) -> None:
        for f in (self.items, self.rejects, self.journal, self._reader):
            if f is not None and not f.closed:
                try:
                    f.close()
                except OSError:
                    pass
        self._lock.close()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
