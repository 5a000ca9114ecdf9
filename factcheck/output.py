"""What the commands print for programs: one JSON object a line, UTF-8 as it is (the CLI contract)."""
from __future__ import annotations

import json
import sys
from typing import Any

__all__ = ["print_json"]


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
