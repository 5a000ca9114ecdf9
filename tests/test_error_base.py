"""Every error a user can fix is a WorkbenchError, so the command line and the pages each show it in one place:
one line, the message as the library wrote it, never a traceback."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import sqlite3
import types

import pytest

from claims.errors import InvalidInput, NotFound, WorkbenchError
from factcheck.cli import main

ROOMS = ("claims", "fetching", "db", "evidence", "pipelines", "factcheck")
# Errors that are not the user's to fix, each with where it is handled instead.
INTERNAL = {
    "claims.checkworthiness_model.ModelError": "pipelines.desk_model catches it and falls back to the rules",
}


def _room_modules() -> list[types.ModuleType]:
    modules = []
    for room in ROOMS:
        package = importlib.import_module(room)
        modules.append(package)
        for info in pkgutil.walk_packages(package.__path__, f"{room}."):
            if not info.name.endswith("__main__"):  # running it is running the command
                modules.append(importlib.import_module(info.name))
    return modules


def _exception_classes(modules) -> dict[str, type]:
    """Exception classes defined (not imported) in these modules, by dotted name."""
    return {f"{module.__name__}.{name}": value for module in modules for name, value in vars(module).items()
            if inspect.isclass(value) and issubclass(value, BaseException) and value.__module__ == module.__name__}


def _without_base(classes: dict[str, type]) -> list[str]:
    return sorted(name for name, cls in classes.items() if not issubclass(cls, WorkbenchError) and name not in INTERNAL)


def test_every_error_of_the_rooms_is_a_workbench_error():
    classes = _exception_classes(_room_modules())
    assert len(classes) >= 30  # the walk reaches the rooms' modules
    assert _without_base(classes) == []
    for name in INTERNAL:  # the list of exceptions cannot go stale
        assert name in classes and not issubclass(classes[name], WorkbenchError)


def test_the_check_finds_an_error_class_without_the_base():
    module = types.ModuleType("evidence.new_room")
    exec("class Refused(ValueError):\n    pass\nclass Fine(WorkbenchError):\n    pass\n",  # noqa: S102
         {"__name__": "evidence.new_room", "WorkbenchError": WorkbenchError}, module.__dict__)
    assert _without_base(_exception_classes([module])) == ["evidence.new_room.Refused"]


def test_errors_keep_their_builtin_kind_for_callers_that_catch_it():
    from db.accounts import AccountError
    from db.claims import ClaimNotFound
    from db.connection import NewerDatabase
    from evidence.permissions import PermissionDenied
    from evidence.report import ScopeNotFound
    from fetching.urls import InvalidURL

    assert issubclass(InvalidURL, ValueError) and issubclass(AccountError, ValueError)
    assert issubclass(InvalidInput, ValueError)
    assert issubclass(ClaimNotFound, NotFound) and issubclass(ScopeNotFound, NotFound)
    assert issubclass(NotFound, LookupError)
    assert issubclass(PermissionDenied, PermissionError) and issubclass(NewerDatabase, sqlite3.DatabaseError)


def test_a_setting_refused_by_the_library_is_a_workbench_error(db):
    from db.settings import set_setting

    with pytest.raises(WorkbenchError, match="the language is one of vi, en, not 'fr'"):
        set_setting(db, "language", "fr", changed_by="admin")


@pytest.mark.parametrize(("args", "message"), [
    (["kept-copy", "--article", "999"], "error: article 999 does not exist"),
    (["user", "set-role", "nobody-here", "editor", "--by", "admin"], "error: there is no account 'nobody-here'"),
])
def test_a_library_error_reaches_the_command_line_as_one_line(db, db_path, capsys, monkeypatch, args, message):
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert main([*args, "--db", str(db_path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err
