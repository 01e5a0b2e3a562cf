"""``mtclean run``: clean a whole corpus into a folder (see :mod:`pipeline.batch`)."""
from __future__ import annotations

import click


def register(main, friendly, build_config) -> None:
    @main.command()
    @click.argument("inputs", nargs=-1, required=True)
    @click.option("-o", "--output", "outdir", required=True, metavar="OUTDIR",
                  help="Folder for items.jsonl, rejects.jsonl and report.json.")
    @click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
                  help="Worker processes (default: all cores).")
    @click.option("-q", "--quiet", is_flag=True, help="No progress and no summary.")
    @click.option("--sync-every", type=click.FloatRange(min=0), default=0.5,
                  show_default=True, metavar="SECONDS",
                  help="How often finished items are made durable (fsync) and journalled "
                       "for resuming.")
    @click.option("--disable", multiple=True, metavar="ID",
                  help="Switch off a rule or check by id (repeatable).")
    @click.option("--glossary", "glossaries", multiple=True, metavar="FILE",
                  help="Use this glossary instead of the shipped one (repeatable).")
    @click.option("--add-glossary", "added", multiple=True, metavar="FILE",
                  help="Layer this glossary over the shipped one (or over --glossary files).")
    @click.option("--no-glossary", is_flag=True, help="Do not apply any glossary.")
    @friendly
    def run(inputs, outdir, jobs, quiet, sync_every, disable, glossaries, added,
            no_glossary):
        """Clean a corpus: folders, text/Markdown files, NAME.zh/NAME.en pairs, JSON Lines
        files, - for JSON Lines on standard input.

        Items go to OUTDIR/items.jsonl in input order, everything that cannot be
        cleaned to OUTDIR/rejects.jsonl with its source and reason, and the counts to
        OUTDIR/report.json. Run the same command again after an interruption (even
        kill -9) and it carries on where it stopped, with the same final bytes.

        \b
        Examples:
          mtclean run corpus/ news.jsonl -o out/ --jobs 2
          cat news.jsonl | mtclean run - -o out/ --quiet
          mtclean run corpus -o out --add-glossary glossaries/projects/lnfund.tsv
        """
        from ..batch import run_batch
        from ..batch.progress import Progress, estimate_total
        from ..batch.report import death_note, summary

        import math

        if not math.isfinite(sync_every):  # (FloatRange lets nan and inf through)
            raise click.BadParameter(f"{sync_every} is not a number of seconds",
                                     param_hint="'--sync-every'")
        config = build_config(disable, glossaries, no_glossary, added)
        progress = None if quiet else Progress(estimate_total(inputs)
                                               if _isatty() else None)
        try:
            result = run_batch(inputs, outdir, jobs=jobs, config=config, progress=progress,
                               sync_every=sync_every)
        finally:
            if progress is not None:
                progress.close()
        deaths = death_note(result.report)
        if not (progress is not None and progress.gone) and (deaths or not quiet):
            try:
                click.echo(deaths if quiet else summary(result.report), err=True)
            except (OSError, ValueError, AttributeError):
                pass  # (the output is whole: a summary nobody can read changes nothing)
        from ..batch import pool_abandoned

        if pool_abandoned():  # (a dead worker's pool: its threads may never end)
            _flush_and_exit(0)


def _flush_and_exit(code: int) -> None:
    import os
    import sys

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    os._exit(code)


def _isatty() -> bool:
    import sys

    try:
        return sys.stderr is not None and sys.stderr.isatty()
    except (OSError, ValueError):
        return False
