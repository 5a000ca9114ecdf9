"""Exposure: the app listens on 127.0.0.1 by default, however it is started, and keeps Streamlit's protections on."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import time
import tomllib
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
CONFIG = PROJECT / ".streamlit" / "config.toml"
STREAMLIT = PROJECT / ".venv" / "bin" / "streamlit"


def test_make_run_binds_the_app_to_127_0_0_1_by_default():
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^HOST \?= 127\.0\.0\.1$", makefile, re.MULTILINE)
    dry = subprocess.run(["make", "-n", "run"], capture_output=True, text=True, cwd=PROJECT, timeout=60)
    launch = [line for line in dry.stdout.splitlines() if "streamlit run" in line]
    assert launch and "--server.address 127.0.0.1" in launch[0], dry.stdout


def test_the_streamlit_config_binds_to_127_0_0_1_and_keeps_xsrf_and_cors_protection():
    server = tomllib.loads(CONFIG.read_text(encoding="utf-8")).get("server", {})
    assert server.get("address") in ("127.0.0.1", "localhost")
    assert server.get("enableXsrfProtection", True) is True
    assert server.get("enableCORS", True) is True


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a listening TCP socket on `port`, read from /proc (IPv4 and IPv6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A = LISTEN
                found.add(address)
    return found


@pytest.mark.parametrize("entry", ["app.py", "serve.py"])  # serve.py: the app with its session-cookie addresses
def test_streamlit_run_without_options_listens_on_loopback_only(tmp_path, entry):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "FACTCHECK_DB": str(tmp_path / "exposure.db")}
    # Only the port is given: the address comes from the project's config, as for anyone typing `streamlit run`.
    server = subprocess.Popen([str(STREAMLIT), "run", entry, "--server.port", str(port)], cwd=PROJECT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _listening_addresses(port):
            assert server.poll() is None, "streamlit exited early"
            time.sleep(0.1)
        addresses = _listening_addresses(port)
        assert addresses, "streamlit never listened"
        # 0100007F is 127.0.0.1 in /proc's byte order; all-zero addresses would mean every interface.
        assert addresses <= {"0100007F", "00000000000000000000000001000000"}, addresses
    finally:
        server.terminate()
        server.wait(timeout=30)
