"""The package type-checks: mypy over ``pipeline/`` with the settings in pyproject.toml
(third-party packages without type information are taken as they are)."""
from mypy import api

from paths import ROOT


def test_the_package_type_checks():
    report, errors, status = api.run(["--config-file", str(ROOT / "pyproject.toml"),
                                      str(ROOT / "pipeline")])
    assert status == 0, report + errors
