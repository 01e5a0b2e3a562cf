"""Batch runs over a corpus: streaming, parallel, resumable, and accounted for.

:func:`run_batch` reads inputs as a stream (:func:`pipeline.readers.iter_inputs`), numbers
every entry, sends chunks of entries to worker processes, and writes the results strictly
in input order: cleaned items to ``items.jsonl``, everything else to ``rejects.jsonl``
with its source and reason. At most a few chunks per worker are in flight, so memory does
not grow with the corpus. The journal (:mod:`pipeline.batch.journal`) makes a killed run
resumable with byte-identical output; ``report.json`` sums it all up.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from contextlib import ExitStack
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Callable, Generator, Iterable, Iterator, Sequence

from ..errors import ConfigError, InputError, MtcleanError
from ..interrupts import noted_signals
from ..readers import expand_paths, iter_inputs
from ..runner import Config
from .journal import RunFiles
from .progress import Progress
from .report import build_report, dumps_report
from .work import (Done, config_fingerprint, died_entry, entry_hash, init_worker,
                   process_chunk, warm_up)

CHUNK_ITEMS = 32  # entries per task: large enough to amortise IPC, small enough to balance
CHUNK_CHARS = 200_000
WINDOW_PER_JOB = 4  # chunks in flight per worker
START_METHOD = None  # the platform's default; everything sent to workers also pickles
COMMIT_SECONDS = 0.5  # journal (and fsync) at most this often


@dataclass(frozen=True)
class BatchResult:
    report: dict
    outdir: str


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _inside(path: str, folder: Path) -> bool:
    """Is the file ``path`` (its links followed) in ``folder`` (a resolved path)?"""
    return Path(os.path.realpath(path)).is_relative_to(folder)


def check_inputs(paths: Sequence[str], outdir: str | None = None) -> None:
    """Fail early, before any output, on inputs that cannot be a corpus at all."""
    if not paths:
        raise InputError("no inputs given", hint="name files, folders, or - for stdin")
    if outdir is not None and not outdir.strip():
        raise ConfigError("the output folder is an empty name",
                          hint="give -o a folder, such as -o out")
    out = Path(outdir).resolve() if outdir else None
    try:
        if out is not None and out.exists() and not out.is_dir():
            out = None  # no folder: the run refuses it as such
    except OSError as exc:  # (a folder on the way that cannot be entered)
        raise ConfigError(f"cannot reach the output folder: {exc.strerror or exc}",
                          path=outdir, hint="check the permissions of the folders on its "
                                            "path, or choose another") from None
    for path in paths:
        if path == "-":
            continue
        p = Path(path)
        try:
            os.stat(p)
        except FileNotFoundError:
            raise InputError("no such file or folder", path=path) from None
        except OSError as exc:  # (a folder on the way that cannot be entered)
            raise InputError(f"cannot reach this input: {exc.strerror or exc}", path=path,
                             hint="check the permissions of the folders on its path") from None
        if p.is_dir():
            if out is not None and out.is_relative_to(p.resolve()):
                raise ConfigError("the output folder is inside this input folder, so its "
                                  "files would be read as input", path=path,
                                  hint="write the output somewhere else")
            found = expand_paths([path])  # raises for a folder without input files
            # (the walk follows links: one to the output folder would read the output)
            if out is not None and p.resolve().is_relative_to(out):
                raise ConfigError("this input folder is inside the output folder, which "
                                  "the run writes", path=path,
                                  hint="write the output somewhere else")
            for f in found if out is not None else (next(iter(found)),):
                if out is not None and _inside(f, out):
                    raise ConfigError("a link in this input folder leads into the output "
                                      f"folder ({f}), so its files would be read as input",
                                      path=path, hint="write the output somewhere else")
        elif out is not None and _inside(path, out):
            raise ConfigError("this input is in the output folder, which the run writes",
                              path=path, hint="copy it out of the output folder first")


def _chunks(entries: Iterator[tuple[int, object, str]]) -> Iterator[list]:
    chunk: list = []
    size = 0
    for index, entry, digest in entries:
        chunk.append((index, entry, digest))
        size += sum(len(s.text) for s in getattr(entry, "sources", ()))
        if len(chunk) >= CHUNK_ITEMS or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _results(chunks: Iterable[list], jobs: int, config: Config,
             close_fds: tuple[int, ...] = (), died: list | None = None
             ) -> Generator[tuple[list, list], None, None]:
    """(chunk, results) in input order; a bounded window of chunks in flight. Each time
    a worker dies, the number of entries cleaned again one by one is added to ``died``.

    Input that fits in one chunk is cleaned in this process: starting workers would
    cost more than it saves."""
    if died is None:
        died = []
    it = iter(chunks)
    head = list(islice(it, 2))
    if jobs <= 1 or len(head) < 2:
        init_worker(config)
        for chunk in chain(head, it):
            yield chunk, process_chunk([(i, e) for i, e, _ in chunk])
        return
    context = multiprocessing.get_context(START_METHOD)
    if context.get_start_method() == "fork":
        warm_up(config)  # once, shared by every forked worker
    else:
        close_fds = ()  # only forked workers inherit the run's descriptors
    signals = ExitStack()
    _STOPPED.clear()
    signals.callback(_STOPPED.clear)  # (after the handlers are back)
    # Ctrl-C and SIGTERM are noted, and the run stops at its next safe point
    # (_stop_point): raised anywhere, the interrupt could leave the pool's lock taken in
    # the middle of a submission, and stopping the pool would then wait for ever
    signals.enter_context(noted_signals(_STOPPED, again=False))

    def new_pool(workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                   initializer=init_worker,
                                   initargs=(config, close_fds, True, True))

    pool = new_pool(jobs)
    pending: deque = deque()
    finished = False

    def settle() -> tuple[list, list]:
        """The first chunk in flight and its results. A worker that died takes the
        chunks in flight with it, and any of them may hold the item that killed it
        (out of memory): they are cleaned again one item at a time, each in a process
        of its own, and an item that kills that process too is rejected, so one item
        cannot stop the run, nor every run after it."""
        nonlocal pool
        chunk0, fut = pending.popleft()
        try:
            return chunk0, _result(fut, pool)
        except Exception:
            # (a worker died, BrokenProcessPool; or an item's MemoryError escaped even its
            # reject line)
            pass
        # the chunks whose results came before the death keep them
        flight = [(chunk0, None)] + [(chunk, f if _done_well(f) else None)
                                      for chunk, f in pending]
        pending.clear()
        _abandon(pool)
        suspects = [chunk for chunk, f in flight if f is None]
        died.append(sum(len(chunk) for chunk in suspects))
        redone = iter(_one_by_one(suspects, new_pool, died))
        first = next(redone)
        for chunk, f in flight[1:]:
            if f is None:
                f = Future()
                f.set_result(next(redone))
            pending.append((chunk, f))
        pool = new_pool(jobs)
        return chunk0, first

    try:
        for chunk in _read_interruptibly(chain(head, it)):
            pending.append((chunk, _submit(pool, [(i, e) for i, e, _ in chunk])))
            if len(pending) >= jobs * WINDOW_PER_JOB:
                yield settle()
        while pending:
            yield settle()
        finished = True
    finally:
        try:
            if finished:
                pool.shutdown(wait=True)
            else:
                _abandon(pool)
        finally:
            signals.close()


POLL_SECONDS = 1.0
ATTEMPTS_ALONE = 2  # fresh workers an entry may kill before it is rejected
NOTICE_SECONDS = 3.0  # how long the pool gets to notice a dead worker itself


class _Stops(list):
    """The signals a run noted, to stop at its next safe point. While the run waits for
    its input (stdin that a producer keeps open, ``tail -f``), waiting is that point: a
    signal noted then stops it at once, rather than when more input comes."""

    reading = False

    def append(self, signum) -> None:
        super().append(signum)
        if self.reading:
            raise KeyboardInterrupt


_STOPPED = _Stops()


def _read_interruptibly(source: Iterator) -> Iterator:
    """The items of ``source``, each read where a noted signal stops the run."""
    while True:
        _stop_point()
        _STOPPED.reading = True
        try:
            item = next(source, _END)
        finally:
            _STOPPED.reading = False
        if item is _END:
            return
        yield item


_END = object()


def _stop_point() -> None:
    if _STOPPED:
        raise KeyboardInterrupt


def _result(fut, pool: ProcessPoolExecutor) -> list:
    """``fut.result()``, but a worker that died is noticed here too: killed while it
    wrote a result, it leaves half a message in the pool's pipe, and the pool's own
    thread then waits for the rest for ever instead of failing the futures. An
    interrupt is taken here too."""
    while True:
        _stop_point()
        try:
            return fut.result(timeout=POLL_SECONDS)
        except TimeoutError:
            processes = (getattr(pool, "_processes", None) or {}).values()
            if any(p.exitcode is not None for p in list(processes)):
                try:
                    return fut.result(timeout=NOTICE_SECONDS)
                except TimeoutError:
                    raise BrokenProcessPool("a worker process died") from None


def _done_well(fut: Future) -> bool:
    return fut.done() and not fut.cancelled() and fut.exception() is None


def _one_by_one(chunks: Sequence[list], new_pool: Callable, died: list) -> list[list]:
    """The results of ``chunks``, each entry cleaned alone in a one-worker pool. An entry
    whose worker dies twice, in two fresh workers, is rejected
    (:func:`~pipeline.batch.work.died_entry`): once is bad luck (a kill from outside,
    memory another process took), twice the entry's doing. A fresh worker must first
    show, on no entry at all, that workers can live: otherwise the fault is not the
    entry's and the run stops (``BrokenProcessPool``). Each death adds 0 to ``died``."""
    pool = None
    finished = False
    out = []
    try:
        for chunk in chunks:
            results = []
            for index, entry, _ in chunk:
                for _ in range(ATTEMPTS_ALONE):
                    if pool is None:
                        pool = _living_pool(new_pool)
                    fut = _submit(pool, [(index, entry)])
                    processes = list((getattr(pool, "_processes", None) or {}).values())
                    try:
                        results.extend(_result(fut, pool))
                        break
                    except BrokenProcessPool:
                        code, error = _exit_code(processes), None
                    except Exception as exc:  # (a MemoryError that escaped the worker)
                        code, error = None, exc
                    died.append(0)
                    _abandon(pool)
                    pool = None
                else:
                    results.append(died_entry(index, entry, code, error))
            out.append(results)
        finished = True
    finally:
        if pool is not None:
            if finished:
                pool.shutdown(wait=True)
            else:
                _abandon(pool)
    return out


def _submit(pool: ProcessPoolExecutor, chunk: list) -> Future:
    """The future of ``chunk``'s results. A pool that a dead worker broke refuses new
    work: the refusal becomes the future's, to be handled in its turn with the chunks
    already in flight."""
    try:
        return pool.submit(process_chunk, chunk)
    except BrokenProcessPool as exc:
        fut: Future = Future()
        fut.set_exception(exc)
        return fut


def _exit_code(processes: list) -> int | None:
    """The exit code of the worker that died. (The pool's own thread may be reaping it at
    the same moment, and the code reads as None until that thread has it: waited for.)"""
    deadline = time.monotonic() + 2.0
    while True:
        codes = [p.exitcode for p in processes]
        died = [c for c in codes if c not in (None, 0)]
        if died or time.monotonic() > deadline:
            return died[0] if died else None
        time.sleep(0.01)


def _living_pool(new_pool: Callable) -> ProcessPoolExecutor:
    """A one-worker pool whose worker cleaned nothing and lives (else BrokenProcessPool)."""
    pool = new_pool(1)
    try:
        _result(pool.submit(process_chunk, []), pool)
    except BaseException:
        _abandon(pool)
        raise
    return pool


_ABANDONED: list = []  # the pool the last run stopped half-way (see pool_abandoned)


def forget_abandoned() -> None:
    """Start afresh (a command starts): pools an earlier command stopped are not this
    one's."""
    _ABANDONED.clear()


def pool_abandoned() -> bool:
    """Whether the last run in this process stopped its pool half-way: a thread of the
    pool may then never end (one waits for the rest of a result a killed worker was
    writing, one for room in a pipe no worker reads), and the process must end without
    waiting for them (``os._exit``, once its files are closed)."""
    return bool(_ABANDONED)


def _abandon(pool: ProcessPoolExecutor) -> None:
    """Stop a pool whose run failed (a worker killed, an interrupt, an error while
    writing) without waiting for it: waiting hangs when a worker died while the others
    were still writing results to the pipe. The workers are killed; the items they had
    are not journalled, so a rerun does them again."""
    _ABANDONED.append(pool)
    call_queue = getattr(pool, "_call_queue", None)
    if call_queue is not None:  # its feeder thread is not waited for at exit
        call_queue.cancel_join_thread()
    # (the futures are not cancelled: the pool's thread fails them itself once it sees
    # the workers gone, and a cancelled one made it raise, with a traceback on stderr)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        try:
            process.kill()
        except (OSError, ValueError, AttributeError):
            pass
    pool.shutdown(wait=False)
    for process in processes:
        try:
            process.join(timeout=5)
        except (OSError, ValueError, AttributeError, AssertionError):
            pass


def run_batch(paths: Sequence[str], outdir: str, *, jobs: int | None = None,
              config: Config = Config(), progress: Callable | None = None,
              stdin=None, sync_every: float | None = None) -> BatchResult:
    """Clean every input item into ``outdir``; resume if a previous run was cut short.

    ``progress`` is called as ``progress(done_entries, chars)`` after each chunk;
    finished entries are made durable and journalled every ``sync_every`` seconds
    (default :data:`COMMIT_SECONDS`).
    """
    if sync_every is None:
        sync_every = COMMIT_SECONDS
    forget_abandoned()
    check_inputs(paths, outdir)
    jobs = jobs or default_jobs()
    start = time.perf_counter()
    files = RunFiles(outdir)
    processed = processed_chars = 0
    flow = None
    try:
        files.recover()
        fingerprint = config_fingerprint(config)

        def numbered() -> Iterator[tuple[int, object, str]]:
            matching = True
            for index, entry in enumerate(iter_inputs(paths, stdin=stdin)):
                digest = entry_hash(entry, fingerprint)
                if matching:
                    if files.matches(index, digest):
                        if progress:
                            progress(1, 0)
                        continue
                    matching = False
                yield index, entry, digest
            files.stop_matching()  # input ended: drop journalled entries beyond it

        last_commit = time.monotonic()
        # closed in the finally below, whatever stops the run: an interrupt, a failed
        # write; the workers are stopped then, not left to the interpreter's exit
        died: list[int] = []
        flow = _results(_chunks(numbered()), jobs, config, (files.lock_fd,), died)
        for chunk, results in flow:
            _stop_point()
            for (index, _, digest), done in zip(chunk, results):
                if done.index != index:  # pragma: no cover - would be a bug in ordering
                    raise RuntimeError(f"result {done.index} arrived for entry {index}")
                files.write(done.is_item, done.line,
                            (index, digest, done.chars, done.edits, done.checks, done.reason))
                processed += 1
                processed_chars += done.chars
            if progress:
                progress(len(chunk), sum(d.chars for d in results))
            now = time.monotonic()
            if now - last_commit >= sync_every:
                files.commit()
                last_commit = now
        files.stop_matching()  # nothing was left to process: open files for finishing
        files.commit()
        seconds = time.perf_counter() - start
        report = build_report(files.entries(), paths, config, timing={
            "seconds": round(seconds, 3), "jobs": jobs,
            "items_processed": processed, "items_resumed": files.resumed,
            "worker_deaths": len(died), "items_cleaned_alone": sum(died),
            "chars_processed": processed_chars,
            "chars_per_s": round(processed_chars / seconds) if seconds else None,
            "items_per_s": round(processed / seconds, 1) if seconds else None})
        files.finish(dumps_report(report))
    except BrokenProcessPool:
        raise MtcleanError("worker processes die even with no item to clean (out of "
                           "memory, or killed); the items finished so far are kept",
                           path=outdir, hint="run the same command again to resume") from None
    finally:
        if flow is not None:
            flow.close()
        files.close()
    return BatchResult(report, outdir)


__all__ = ["BatchResult", "Done", "Progress", "default_jobs", "run_batch"]
