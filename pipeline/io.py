"""Output files that are never half-written: write to a temporary file, then rename."""
from __future__ import annotations

import io
import os
import re
import shutil
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator, Sequence

from .errors import OutputError
from .interrupts import held_signals


def _mode_for(target: Path) -> int:
    """The permissions the output gets: those of the file it replaces, else what a new
    file gets under the process's umask (as ``open`` would make it)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)  # read by setting it; set back at once
        os.umask(mask)
        return 0o666 & ~mask


def _is_input(target: Path, inputs: Sequence[str]) -> str | None:
    """The input that ``target`` is, or lies in (a folder named as input), if any."""
    real = Path(os.path.realpath(target))
    for name in inputs:
        if name in ("-", ""):
            continue
        source = Path(os.path.realpath(name))
        if real == source or (source.is_dir() and real.is_relative_to(source)):
            return name
    return None


def _output_target(target: Path) -> tuple[Path, Path]:
    """The file an output replaces and its folder, or OutputError for a path that cannot
    take one: no folder, a folder, or a pipe or device (replaced in one step, it would
    become a plain file: ``-o /dev/null`` run as root would replace the system's)."""
    if target.is_symlink():
        # a link to a file is written through: the file it names is replaced, and the
        # link stays (replacing the link would leave that file as it was)
        target = Path(os.path.realpath(target))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.exists():
        raise OutputError("output folder does not exist", path=str(folder),
                          hint="create it first, or choose another output path")
    if not folder.is_dir():
        raise OutputError("is a file, not a folder, so the output cannot go in it",
                          path=str(folder))
    if target.is_dir():
        raise OutputError("output path is a folder; give a file name", path=str(target))
    if target.exists() and not target.is_file():
        raise OutputError("output path is a pipe or a device, not a file: the output "
                          "replaces a file in one step", path=str(target),
                          hint="write to standard output (no -o, or -o -) and redirect it")
    return target, folder


@contextmanager
def atomic_output(path: str | None, inputs: Sequence[str] = ()) -> Iterator[BinaryIO]:
    """Yield a binary stream; on success it replaces ``path`` in one step.

    ``None`` or ``-`` means standard output, written only once the body succeeds. On any
    error the target is untouched and the temporary file is removed; an ``OSError`` while
    writing becomes an :class:`~pipeline.errors.OutputError`. A ``path`` that is one of
    ``inputs``, or inside an input folder, is refused before anything is written: it
    would replace the input (or be read as input next time).
    """
    if path in (None, "-"):
        # held until the end, so a failure part-way prints nothing rather than a part
        buffer = io.BytesIO()
        yield buffer
        sys.stdout.buffer.write(buffer.getvalue())
        sys.stdout.buffer.flush()
        return
    try:
        target, folder = _output_target(Path(path))
    except OSError as exc:  # a folder on the way that cannot be entered
        raise OutputError(f"cannot write here: {exc.strerror or exc}", path=str(path),
                          hint="check the folder's permissions, or choose another output "
                               "path") from None
    source = _is_input(target, inputs)
    if source is not None:
        raise OutputError("the output would replace this input" if Path(
            os.path.realpath(source)) == Path(os.path.realpath(target)) else
            f"the output is inside the input folder {source!r}, so it would be read as "
            "input", path=str(path), hint="write the output somewhere else")
    _remove_stale_temps(target, folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                   dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}",
                          path=str(target)) from None
    try:
        os.fchmod(fd, _mode_for(target))  # mkstemp's 0600 would outlive the rename
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            # the body only writes (inputs are read before or through MtcleanError),
            # so an OSError here is a full disk, a quota, or a target that vanished
            raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(target),
                              hint="check free space and permissions; nothing was "
                                   "written") from None
        raise


def _remove_stale_temps(target: Path, folder: Path) -> None:
    """Remove the temporary files that writes of ``target`` killed with ``kill -9`` left
    (``.NAME.PID.XXXX.tmp``, the process ``PID`` gone); a live writer's stays."""
    prefix = f".{target.name}."
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        pid, _, rest = name[len(prefix):].partition(".")
        if not _TEMP_REST.fullmatch(rest) or not _writer_gone(pid):
            continue
        try:
            os.unlink(os.path.join(folder, name))
        except OSError:
            pass


_TEMP_REST = re.compile(r"[a-z0-9_]+\.tmp")  # mkstemp's random part, then the suffix


def _writer_gone(pid: str) -> bool:
    """Has the process named in a temporary file's or folder's name (``pid``, its
    digits) ended?"""
    return pid.isascii() and pid.isdigit() and not _alive(int(pid))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # (another user's process: alive)
        return True
    return True


STAGE_PREFIX = ".mtclean-files."


def _remove_stale_stages(folder: str) -> None:
    """Remove the staging folders a killed write left in ``folder`` (their files were
    never moved in: the output is whole without them). A live writer's stays: its
    name holds its process id (``.mtclean-files.PID.XXXX``)."""
    try:
        names = [n for n in os.listdir(folder) if n.startswith(STAGE_PREFIX)]
    except OSError:
        return
    for name in names:
        pid = name[len(STAGE_PREFIX):].partition(".")[0]
        if pid.isascii() and pid.isdigit() and not _writer_gone(pid):
            continue  # (a name without a pid is an older version's: stale)
        shutil.rmtree(os.path.join(folder, name), ignore_errors=True)


def write_files(folder: str, files: Sequence[tuple[str, bytes]],
                inputs: Sequence[str] = ()) -> None:
    """Write ``(relative name, bytes)`` files under ``folder``, all or none: they are
    written to a staging folder inside ``folder`` first and moved into place only when
    every one is written, so an error (a name the file system refuses, a full disk)
    leaves ``folder`` as it was. A file that would replace an input is refused first."""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot make the output folder: {exc.strerror or exc}",
                          path=folder) from None
    for name, _ in files:
        target = Path(folder, name)
        source = _is_input(target, inputs)
        if source is not None:
            raise OutputError("the output would replace this input", path=str(target),
                              hint="restore into another folder")
        if target.is_dir():
            raise OutputError("a folder is in the way of this file", path=str(target),
                              hint="restore into an empty folder")
        if target.exists() and not target.is_file():
            raise OutputError("a pipe or a device is in the way of this file",
                              path=str(target), hint="restore into an empty folder")
        for parent in Path(name).parents:  # (checked before any file is moved in)
            place = Path(folder, parent)
            if str(parent) != "." and place.exists() and not place.is_dir():
                raise OutputError("a file is in the way of this folder", path=str(place),
                                  hint="restore into an empty folder")
    _remove_stale_stages(folder)
    try:
        stage = tempfile.mkdtemp(prefix=f"{STAGE_PREFIX}{os.getpid()}.", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}", path=folder) from None
    try:
        for name, data in files:
            path = os.path.join(stage, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as out:
                out.write(data)
        for name, _ in files:  # every folder first: a move is the last step
            os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
        # an interrupt during the moves waits for their end (kill -9 cannot wait: the
        # staging folder it leaves is removed by the next write here)
        with held_signals():
            for name, _ in files:
                os.replace(os.path.join(stage, name), os.path.join(folder, name))
    except OSError as exc:
        where = exc.filename if isinstance(exc.filename, str) else folder
        raise OutputError(f"cannot write: {exc.strerror or exc}",
                          path=where.replace(stage, folder),
                          hint="nothing was written to the folder") from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
