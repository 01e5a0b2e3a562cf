"""The benchmark's options that a developer reaches for while hunting hot spots."""
import sys

from paths import ROOT, SHARED_DATA

sys.path.insert(0, str(ROOT))
from bench.bench_pipeline import main  # noqa: E402


def test_profile_prints_where_the_time_goes(capsys):
    main(["--data", str(SHARED_DATA), "--items", "40", "--profile", "12"])
    out = capsys.readouterr().out
    assert out.startswith("corpus: 40 items, ")
    # sorted by own time, then by cumulative time, the stages' own functions named
    assert out.index("Ordered by: internal time") < out.index("Ordered by: cumulative time")
    assert "clean_sources" in out and "runner.py" in out
    # the loading is done before profiling: langdetect's profiles are not in it
    assert "add_profile" not in out


def test_the_alignment_benchmark_times_both_stages(capsys, tmp_path):
    """It broke unseen when align_blocks took a second argument: run it on a few items."""
    from bench import bench_align, bench_pipeline

    corpus = tmp_path / "c.jsonl"
    bench_pipeline.main(["--data", str(SHARED_DATA), "--items", "60", "--corpus-only",
                         str(corpus)])
    bench_align.main([str(corpus), "--repeat", "1"])
    out = capsys.readouterr().out
    assert "block alignment" in out and "sentence alignment" in out
