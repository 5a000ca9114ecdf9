"""The `factcheck` command: a thin layer over the workbench library (see ../shared/CLI.md for its contract)."""
