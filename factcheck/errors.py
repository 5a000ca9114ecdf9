"""The one error the command line shows as a plain message: what was wrong, with which input."""


class UserError(Exception):
    """Raised by a command for bad input; cli.main prints it to stderr and exits 1, without a traceback."""
