"""`factcheck user …`: the desk's accounts (add, list, set-role, disable, enable, reset-password, link, first-admin)."""
from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from factcheck.errors import UserError
from translations import _, format_datetime

__all__ = ["add_parsers"]


def _password(prompt: str) -> str:
    """From the terminal without echo (asked twice), else the first line of standard input; never an argument."""
    if sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if getpass.getpass(_("Again: ")) != first:
            raise UserError(_("the two passwords differ"))
        return first
    line = sys.stdin.readline()
    if not line:
        raise UserError(_("give the password on standard input (one line)"))
    return line.rstrip("\r\n")


def cmd_add(args: argparse.Namespace, db: Any) -> int:
    from db.accounts import add_account

    account = add_account(db, args.login, role=args.role, name=args.name,
                          password=_password(_("Password for {login}: ").format(login=args.login)),
                          created_by=args.by)
    print(_("added {login} ({role}), shown in the history as {name}").format(
        login=account.login, role=account.role.value, name=account.name))
    return 0


def cmd_list(args: argparse.Namespace, db: Any) -> int:
    from db.accounts import list_accounts

    accounts = list_accounts(db)
    if args.json:
        sys.stdout.write(json.dumps([{"login": a.login, "name": a.name, "role": a.role.value, "disabled": a.disabled,
                                      "created_at": a.created_at, "last_sign_in_at": a.last_sign_in_at}
                                     for a in accounts], ensure_ascii=False) + "\n")
        return 0
    if not accounts:
        print(_("no accounts yet: make the first admin with  factcheck user add LOGIN --role admin"))
    for a in accounts:
        if a.disabled:
            state = _("disabled")
        elif a.last_sign_in_at:
            state = _("last signed in {when}").format(when=format_datetime(a.last_sign_in_at))
        else:
            state = _("never signed in")
        print(f"{a.login}\t{a.role.value}\t{a.name}\t{state}")
    return 0


def cmd_set_role(args: argparse.Namespace, db: Any) -> int:
    from db.accounts import set_role

    account = set_role(db, args.login, args.role, changed_by=args.by)
    print(_("{login} is now {role}").format(login=account.login, role=account.role.value))
    return 0


def cmd_disable(args: argparse.Namespace, db: Any) -> int:
    from db.accounts import disable_account, enable_account

    call = enable_account if args.enable else disable_account
    account = call(db, args.login, changed_by=args.by)
    print((_("{login} is disabled") if account.disabled else _("{login} is enabled")).format(login=account.login))
    return 0


def cmd_reset_password(args: argparse.Namespace, db: Any) -> int:
    from db.accounts import reset_password

    account = reset_password(db, args.login,
                             _password(_("New password for {login}: ").format(login=args.login)),
                             changed_by=args.by)
    print(_("new password set for {login}").format(login=account.login))
    return 0


def cmd_link(args: argparse.Namespace, db: Any) -> int:
    from db.accounts import link_reviewer

    link_reviewer(db, args.name, args.login, changed_by=args.by)
    print(_("the history's {name} is now linked to the account {login}").format(name=repr(args.name),
                                                                                 login=args.login))
    return 0


def cmd_first_admin(args: argparse.Namespace, db: Any) -> int:
    """For `make run` on the sample database: an admin with a random password, printed once; else nothing."""
    from db.accounts import add_account, count_accounts, random_password

    if count_accounts(db):
        print(_("accounts exist already: sign in with yours (factcheck user list shows them)"))
        return 0
    password = random_password()
    add_account(db, args.login, role="admin", password=password, name=args.name or args.login)
    print(_("Created the first admin account.\n  login:    {login}\n  password: {password}\nThis password is shown"
            " once and stored only as a hash: sign in, then make your desk's accounts on the Desk page (or with "
            " factcheck user add).").format(login=args.login, password=password))
    return 0


def add_parsers(sub: Any, db_option: argparse.ArgumentParser) -> None:
    user = sub.add_parser("user", help="the desk's accounts: add, list, set-role, disable, reset-password, link")
    users = user.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    by = argparse.ArgumentParser(add_help=False)
    by.add_argument("--by", help="who makes the change (recorded in the history)")

    p = users.add_parser("add", parents=[db_option, by], help="a new account; the password is read from stdin or asked")
    p.add_argument("login")
    p.add_argument("--role", required=True, choices=["reviewer", "editor", "admin"])
    p.add_argument("--name", help="the name the history and reports show (default: the login)")
    p.set_defaults(handler=cmd_add, needs_db=True)

    p = users.add_parser("list", parents=[db_option], help="logins, names and roles (never passwords)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_list, needs_db=True)

    p = users.add_parser("set-role", parents=[db_option, by], help="change an account's role")
    p.add_argument("login")
    p.add_argument("role", choices=["reviewer", "editor", "admin"])
    p.set_defaults(handler=cmd_set_role, needs_db=True)

    p = users.add_parser("disable", parents=[db_option, by], help="stop an account signing in (--enable undoes it)")
    p.add_argument("login")
    p.add_argument("--enable", action="store_true")
    p.set_defaults(handler=cmd_disable, needs_db=True)

    p = users.add_parser("reset-password", parents=[db_option, by], help="a new password, from stdin or asked")
    p.add_argument("login")
    p.set_defaults(handler=cmd_reset_password, needs_db=True)

    p = users.add_parser("link", parents=[db_option, by],
                         help="link a name already in the history (from before accounts) to an account")
    p.add_argument("name")
    p.add_argument("login")
    p.set_defaults(handler=cmd_link, needs_db=True)

    p = users.add_parser("first-admin", parents=[db_option],
                         help="on a database with no accounts: an admin with a random password, printed once")
    p.add_argument("--login", default="admin")
    p.add_argument("--name")
    p.set_defaults(handler=cmd_first_admin, needs_db=True)
