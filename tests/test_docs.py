"""The command reference in the README and in docs/cli.md is what `--help` prints: it cannot drift.

When a command or an option changes, `make docs` regenerates both blocks (cog), and these tests pass again.
"""
from __future__ import annotations

import contextlib
import io
import re

import pytest
from cogapp import Cog

from conftest import PROJECT
from factcheck.cli import main
from factcheck.reference import command_help, commands, main_help

README = PROJECT / "README.md"
CLI_DOC = PROJECT / "docs" / "cli.md"
FIX = "run `make docs` to regenerate it from --help"


def generated_block(path) -> str:
    """The text cog wrote between `]]] -->` and `<!-- [[[end]]] -->` (the first generated block of the file)."""
    text = path.read_text(encoding="utf-8")
    found = re.search(r"\]\]\] -->\n(.*?)<!-- \[\[\[end\]\]\] -->", text, re.S)
    assert found, f"{path.name} has no generated block"
    return found.group(1)


def printed_help(argv: list[str], monkeypatch) -> str:
    """What the console script prints for `argv` in a terminal 100 columns wide."""
    monkeypatch.setenv("COLUMNS", "100")
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 0
    return out.getvalue()


def test_the_readme_holds_exactly_what_factcheck_help_prints(monkeypatch):
    block = generated_block(README)
    assert block == "```text\n" + printed_help(["--help"], monkeypatch) + "```\n", FIX


@pytest.mark.parametrize("document", [README, CLI_DOC], ids=lambda p: p.name)
def test_the_generated_blocks_are_up_to_date(document):
    """cog itself would change nothing: no command added, removed or reworded since the block was made."""
    status = Cog().main(["cog", "--check", "--verbosity=0", str(document)])
    assert status == 0, f"{document.name} is out of date: {FIX}"


def test_docs_cli_holds_every_commands_help(monkeypatch):
    block = generated_block(CLI_DOC)
    typed = [name for name, _ in commands()]
    assert {"extract", "ingest", "match", "report", "user add"} <= set(typed)
    for name in typed:
        shown = printed_help([*name.split(), "--help"], monkeypatch)
        assert f"## `factcheck {name}`\n\n```text\n{shown}```\n" in block, f"factcheck {name}: {FIX}"


def test_the_reference_does_not_depend_on_the_terminal_it_is_made_in(monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    narrow = main_help(), command_help("ingest")
    monkeypatch.delenv("COLUMNS")
    assert narrow == (main_help(), command_help("ingest"))
    assert max(len(line) for line in command_help("ingest").splitlines()) > 60


def test_the_readme_links_only_to_documents_that_exist():
    readme = README.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(((?:docs/)[^)#\s]+)", readme)
    assert any(t.endswith("measurements.md") for t in targets)
    assert [t for t in targets if not (PROJECT / t).exists()] == [], "the README links to a document that is not there"


def test_every_document_in_docs_is_linked_from_the_readme():
    """A document is linked from the README; a page of measurements from docs/measurements.md, the index."""
    readme = README.read_text(encoding="utf-8")
    index = (PROJECT / "docs" / "measurements.md").read_text(encoding="utf-8")
    unlinked = [p.relative_to(PROJECT).as_posix() for p in sorted((PROJECT / "docs").glob("*.md"))
                if f"({p.relative_to(PROJECT).as_posix()}" not in readme]
    unlinked += [p.relative_to(PROJECT).as_posix() for p in sorted((PROJECT / "docs" / "measurements").glob("*.md"))
                 if f"(measurements/{p.name}" not in index]
    assert unlinked == [], "link each document from the README's list (a measurements page from docs/measurements.md)"


def test_the_readme_stays_a_guide_a_newcomer_reads_in_minutes():
    assert len(README.read_bytes()) <= 20_000, "move detail into docs/ and link it"
