"""Sign-in throttling holds under parallel attempts, and a disabled account answers like a wrong password.

Each thread signs in through `authenticate`, the call the sign-in form makes, on its own connection as each browser
session has its own."""
from __future__ import annotations

import threading

import pytest

from db.accounts import FREE_FAILURES, REFUSED, SignInRefused, add_account, authenticate, disable_account
from db.connection import open_database

PASSWORD = "correct horse battery"


@pytest.fixture
def lan(db, production_password_hashing):
    # At the real cost: a check takes as long as it does for a desk, so parallel attempts overlap as they would.
    add_account(db, "lan", role="editor", password=PASSWORD, name="Lan")
    add_account(db, "admin", role="admin", password=PASSWORD, name="Admin")
    return "lan"


def _attempts(db, login: str) -> list[int]:
    return [r[0] for r in db.execute("SELECT succeeded FROM sign_in_attempts WHERE login = ? ORDER BY id", [login])]


def test_forty_parallel_attempts_check_no_more_passwords_than_the_policy_allows(db, db_path, lan) -> None:
    passwords = [f"wrong guess number {i}" for i in range(39)] + [PASSWORD]
    start = threading.Barrier(len(passwords))
    answers: list[str] = []

    def attempt(password: str) -> None:
        connection = open_database(db_path)
        try:
            start.wait()
            authenticate(connection, lan, password)
            answers.append("signed in")
        except SignInRefused as refused:
            answers.append(str(refused))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(p,)) for p in passwords]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert len(answers) == 40
    checked = [a for a in answers if not a.startswith("too many wrong passwords")]
    assert len(checked) <= FREE_FAILURES, checked  # the rest waited without their password being looked at
    assert len(_attempts(db, lan)) == 40  # every attempt recorded


def test_a_disabled_account_gets_the_wrong_password_answer_and_a_recorded_failure(db, lan) -> None:
    disable_account(db, lan, changed_by="Admin")
    with pytest.raises(SignInRefused) as right:
        authenticate(db, lan, PASSWORD)
    with pytest.raises(SignInRefused) as wrong:
        authenticate(db, lan, "not the password at all")
    assert str(right.value) == str(wrong.value) == REFUSED
    assert _attempts(db, lan) == [0, 0]
    assert db.execute("SELECT last_sign_in_at FROM accounts WHERE login = 'lan'").fetchone()[0] is None
