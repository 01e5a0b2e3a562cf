"""Every registered rule and check is documented in the README and exercised by a test."""

import pytest

from pipeline import registry, runner  # noqa: F401  (importing runner registers all rules)

from paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
TEST_SOURCES = "\n".join(p.read_text(encoding="utf-8")
                         for p in (ROOT / "tests").rglob("test_*.py"))
IDS = sorted(set(registry.RULES) | set(registry.CHECKS) | set(registry.STRUCTURAL))


@pytest.mark.parametrize("ident", IDS)
def test_documented_in_readme(ident):
    assert f"`{ident}`" in README, f"{ident} is missing from the README's rule table"


@pytest.mark.parametrize("ident", sorted(set(registry.RULES) | set(registry.CHECKS)))
def test_has_docstring_example(ident):
    spec = registry.RULES.get(ident) or registry.CHECKS[ident]
    assert spec.doc.strip() and ">>>" in spec.doc, f"{ident} needs a docstring with an example"


def _tested(ident: str) -> bool:
    spec = registry.RULES.get(ident) or registry.CHECKS.get(ident)
    names = {ident}
    if spec is not None:
        names.add(spec.fn.__name__)
    return any(n in TEST_SOURCES for n in names)


@pytest.mark.parametrize("ident", IDS)
def test_has_a_test(ident):
    assert _tested(ident), f"no test mentions {ident}"


def _commands():
    from click import Group

    from pipeline.cli import main

    def walk(group, prefix):
        for name, command in sorted(group.commands.items()):
            yield f"{prefix} {name}", command
            if isinstance(command, Group):
                yield from walk(command, f"{prefix} {name}")

    return list(walk(main, "mtclean"))


@pytest.mark.parametrize("name, command", _commands(), ids=lambda x: getattr(x, "name", x))
def test_every_command_has_an_example_and_is_in_the_readme(name, command):
    assert "Example" in (command.help or ""), f"{name}: no example in its --help"
    assert name in README, f"{name} is missing from the README"
