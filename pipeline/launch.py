"""The ``mtclean`` command's entry point. Ctrl-C and SIGTERM are held back from here
until the command itself starts (see ``cli.friendly``), so that an interrupt during
start-up (a second or more of imports, then the parsing of the options) ends like one
during the work, with one line and exit code 130, not a traceback or click's "Aborted!"."""
from __future__ import annotations

from .interrupts import hold


def main() -> None:
    hold()
    from .cli import main as cli

    try:
        cli(prog_name="mtclean")
    finally:
        # the command has ended: an interrupt now could only kill the process while
        # Python shuts down (with the default handler back), exit status -2
        hold()
