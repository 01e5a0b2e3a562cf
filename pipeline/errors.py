"""The errors mtclean raises for problems a person can fix.

Every error names where the problem is (file, line or item) and says what to do.
Exceptions that are not :class:`MtcleanError` are bugs.
"""
from __future__ import annotations


class MtcleanError(Exception):
    """Base class: a problem with input or configuration, not a bug."""

    hint = ""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 item: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.item = item
        if hint is not None:
            self.hint = hint

    @property
    def where(self) -> str:
        parts = []
        if self.path is not None:
            parts.append(str(self.path) + (f":{self.line}" if self.line is not None else ""))
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.item is not None:
            parts.append(f"item {self.item!r}")
        return " ".join(parts)

    def __str__(self) -> str:
        where = self.where
        text = f"{where}: {self.message}" if where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(MtcleanError):
    """An input file or item cannot be read or understood."""


class DecodeError(InputError):
    """Bytes that are not text in any supported encoding (binary, mixed, corrupt)."""

    hint = "convert the file to UTF-8 text, or check that it is not binary"


JSONL_HINT = 'each line must be one JSON object, such as {"id": "a1", "zh": "...", "en": "..."}'


def read_error(exc: OSError, path: str) -> InputError:
    """The :class:`InputError` for an ``OSError`` raised while reading ``path``.

    >>> print(read_error(FileNotFoundError(2, "No such file"), "a.txt"))
    a.txt: no such file (check the path and the current folder)
    """
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file", path=path,
                          hint="check the path and the current folder")
    if isinstance(exc, IsADirectoryError):
        return InputError("is a folder, not a file", path=path, hint="give a file here")
    if isinstance(exc, PermissionError):
        return InputError("permission denied: cannot read the file", path=path,
                          hint="check the file's permissions and owner")
    return InputError(f"cannot read: {exc.strerror or exc}", path=path,
                      hint="check the disk or network share, then run again")


class ConfigError(MtcleanError):
    """A bad option, rule id or configuration value."""


class GlossaryError(MtcleanError):
    """A glossary file that cannot be loaded."""


class OutputError(MtcleanError):
    """An output path that cannot be written."""

    hint = "choose a writable location"
