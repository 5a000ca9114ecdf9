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


def imported_packages(path: Path, source: str | None = None) -> set[str]:
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def forbidden_imports(layer: str, path: Path, source: str | None = None) -> list[str]:
    """The rooms a file of `layer` imports but may not: any layer to its right, the pages, the app."""
    forbidden = set(LAYERS[LAYERS.index(layer) + 1:]) | set(UI) | {"app"}
    return sorted(imported_packages(path, source) & forbidden)


@pytest.mark.parametrize("layer", LAYERS)
def test_a_layer_imports_only_from_its_left(layer):
    offenders = {str(p.relative_to(PROJECT)): forbidden_imports(layer, p) for p in python_files(layer)}
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize(("layer", "line", "caught"), [
    ("db", "from pipelines.ingest import ingest_text", ["pipelines"]),
    ("db", "def later():\n    import factcheck.cli", ["factcheck"]),  # an import inside a function counts too
    ("claims", "from db.connection import writing", ["db"]),
    ("pipelines", "from app_pages import desk", ["app_pages"]),
    ("pipelines", "from evidence.review import save_review\nfrom db.claims import get_claim", []),
])
def test_the_room_rule_catches_an_import_it_forbids(layer, line, caught):
    assert forbidden_imports(layer, PROJECT / layer / "example.py", line) == caught


def module_imports() -> dict[str, set[str]]:
    """Every module of the rooms and the project modules it imports (inside functions too: a lazy import that
    closes a circle still ties the two modules together)."""
    modules = {".".join(p.relative_to(PROJECT).with_suffix("").parts).removesuffix(".__init__"): p
               for room in [*LAYERS, *UI] for p in python_files(room)}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets.add(node.module)
                targets.update(f"{node.module}.{alias.name}" for alias in node.names)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import one another round a circle (strongly connected, more than one)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(name: str) -> None:
        order[name] = low[name] = len(order)
        stack.append(name)
        for target in sorted(graph[name]):
            if target not in order:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in stack:
                low[name] = min(low[name], order[target])
        if low[name] == order[name]:
            group = []
            while (member := stack.pop()) != name:
                group.append(member)
            if group:
                circles.append(sorted([*group, name]))

    for name in sorted(graph):
        if name not in order:
            visit(name)
    return circles


def test_no_modules_import_each_other_round_a_circle():
    assert import_circles(module_imports()) == []


def test_the_circle_finder_finds_a_circle():
    graph = {"db.a": {"db.b"}, "db.b": {"db.c"}, "db.c": {"db.a"}, "db.d": {"db.a"}}
    assert import_circles(graph) == [["db.a", "db.b", "db.c"]]


def test_only_the_app_imports_streamlit():
    offenders = [str(p.relative_to(PROJECT)) for layer in LAYERS for p in python_files(layer)
                 if "streamlit" in imported_packages(p)]
    assert offenders == []


SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b|\.execute\(|\.query\(")


def test_pages_hold_no_sql():
    offenders = [str(p.relative_to(PROJECT)) for p in [PROJECT / "app.py", *python_files("app_pages")]
                 if SQL.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_pipelines_orchestrate_and_leave_sql_to_db():
    offenders = [str(p.relative_to(PROJECT)) for p in python_files("pipelines")
                 if SQL.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_every_command_is_documented_in_the_readme():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert len(commands) >= 10
    assert [name for name in commands if f"`factcheck {name}" not in readme] == []
