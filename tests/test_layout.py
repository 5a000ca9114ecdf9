"""The project's shape: data flows one way, Streamlit stays in the UI, SQL in db/, every command is documented."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import PROJECT
from factcheck.cli import build_parser

# Each layer may import only from the layers to its left.
LAYERS = ["translations", "claims", "fetching", "db", "evidence", "pipelines", "factcheck"]
UI = ["app_pages"]


def python_files(folder: str) -> list[Path]:
    return sorted((PROJECT / folder).rglob("*.py"))


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("layer", LAYERS)
def test_a_layer_imports_only_from_its_left(layer):
    forbidden = set(LAYERS[LAYERS.index(layer) + 1:]) | set(UI) | {"app"}
    offenders = {str(p.relative_to(PROJECT)): sorted(imported_packages(p) & forbidden) for p in python_files(layer)}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_the_app_imports_streamlit():
    offenders = [str(p.relative_to(PROJECT)) for layer in LAYERS for p in python_files(layer)
                 if "streamlit" in imported_packages(p)]
    assert offenders == []


def test_pages_hold_no_sql():
    sql = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b|\.execute\(|\.query\(")
    offenders = [str(p.relative_to(PROJECT)) for p in [PROJECT / "app.py", *python_files("app_pages")]
                 if sql.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_every_command_is_documented_in_the_readme():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert len(commands) >= 10
    assert [name for name in commands if f"`factcheck {name}" not in readme] == []
