"""`factcheck` run in this process, as a user's shell would run it: arguments, standard input, environment
variables in; exit code, standard output and standard error out. Much quicker than a new Python per call, so a
test that checks what a command prints runs in the quick loop; a test about a crash, a signal, processes side by
side or the installed entry point starts a real process instead."""
from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from factcheck.cli import main
from translations import current_language, use_language

__all__ = ["CliResult", "factcheck", "one_line_error"]


@dataclass(frozen=True)
class CliResult:
    """What a finished `factcheck` command left: its exit code and what it printed (bytes, and text decoded as
    UTF-8 the way a terminal shows it)."""

    returncode: int
    stdout_bytes: bytes
    stderr_bytes: bytes

    @property
    def stdout(self) -> str:
        return self.stdout_bytes.decode("utf-8", "replace")

    @property
    def stderr(self) -> str:
        return self.stderr_bytes.decode("utf-8", "replace")


@contextlib.contextmanager
def _environment(changes: Mapping[str, str | None]) -> Iterator[None]:
    before = {name: os.environ.get(name) for name in changes}
    for name, value in changes.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _stream(data: bytes = b"") -> io.TextIOWrapper:
    """A text stream over bytes, with the `.buffer` that commands writing bytes (reports, xlsx) use."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=None if data else "\n", write_through=True)


def factcheck(*args: str | Path, stdin: bytes | str = b"", env: Mapping[str, str | None] | None = None,
              db: Path | None = None) -> CliResult:
    """Run `factcheck ARGS…` in this process. `env` sets (or, with None, unsets) variables for the run only;
    `db` is $FACTCHECK_DB. The command closes its database itself; the interface language is put back after."""
    changes = dict(env or {})
    if db is not None:
        changes["FACTCHECK_DB"] = str(db)
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    out, err, given = _stream(), _stream(), _stream(data)
    language = current_language()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = given, out, err
    try:
        with _environment(changes):
            try:
                code = main([str(arg) for arg in args])
            except SystemExit as stop:  # argparse: --help, --version and usage errors
                code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
                if isinstance(stop.code, str):
                    print(stop.code, file=sys.stderr)
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        use_language(language)
    out.flush()
    err.flush()
    return CliResult(code or 0, out.buffer.getvalue(), err.buffer.getvalue())


def one_line_error(done: CliResult, *words: str) -> str:
    """The command failed (exit 1) with exactly one line on stderr, an `error:` naming every one of `words`, and
    no traceback; returns that line."""
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]
