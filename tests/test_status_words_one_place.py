"""Statuses are worded in one place: no module but claims/workflow.py keeps its own map of status words."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from claims.workflow import Status

PROJECT = Path(__file__).resolve().parent.parent


# Dict literals keyed by three or more status words: a second label (or wording) map of statuses. The files are
# parsed in a fresh interpreter: late in a long run of the suite, CPython 3.11.7's AST builder has now and then
# raised "SystemError: AST constructor recursion depth mismatch" in this process.
_FIND_MAPS = """
import ast, json, sys
words = set(json.loads(sys.argv[1]))
found = {}
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as source:
        tree = ast.parse(source.read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            worded = [k for k, v in zip(node.keys, node.values)
                      if isinstance(k, ast.Constant) and k.value in words
                      and ((isinstance(v, ast.Call) and getattr(v.func, "id", None) in ("_", "N_"))
                           or (isinstance(v, ast.Constant) and isinstance(v.value, str) and v.value[:1].isupper()))]
            if len(worded) >= 3:
                found.setdefault(path, []).append(node.lineno)
print(json.dumps(found))
"""


def _status_maps(paths: list[Path]) -> dict[str, list[int]]:
    """{file: lines} of the dict literals in `paths` that word three or more statuses."""
    words = json.dumps(sorted(s.value for s in Status))
    run = subprocess.run([sys.executable, "-c", _FIND_MAPS, words, *map(str, paths)], capture_output=True,
                         text=True, check=True)
    return json.loads(run.stdout)


def test_statuses_are_worded_in_one_place_only():
    rooms = ("app.py", "app_pages", "claims", "fetching", "db", "evidence", "pipelines", "factcheck")
    paths = [path for room in rooms
             for path in ([PROJECT / room] if room.endswith(".py") else sorted((PROJECT / room).rglob("*.py")))]
    maps = {str(Path(p).relative_to(PROJECT)): lines for p, lines in _status_maps(paths).items()}
    assert maps == {}, "statuses are worded by claims/workflow.py's Status.label; use it"


def test_the_check_finds_a_second_status_map(tmp_path):
    page = tmp_path / "page.py"
    page.write_text('WORDS = {"new": _("Fresh"), "in_review": _("Checking"), "published": _("Out")}\n')
    assert _status_maps([page]) == {str(page): [1]}
