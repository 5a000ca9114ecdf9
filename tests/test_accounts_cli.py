"""`factcheck user …` and the publishing rules in the library: accounts made from the command line, passwords
only from stdin or a prompt and never shown, roles enforced by save_review, old history names linked."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_support import factcheck

from db.accounts import AccountError, add_account, authenticate, link_reviewer, set_role
from db.connection import open_database
from db.settings import set_setting
from evidence.review import ReviewError, save_review
from pipelines.ingest import ingest_text

PROJECT = Path(__file__).resolve().parent.parent
SECRET = "a long enough secret"


def test_user_add_reads_the_password_from_stdin_and_list_never_shows_it(db_path):
    done = factcheck("user", "add", "lan", "--role", "editor", "--name", "Nguyễn Lan", "--db", db_path,
                      stdin=SECRET + "\n")
    assert done.returncode == 0, done.stderr
    assert SECRET not in done.stdout + done.stderr
    listed = factcheck("user", "list", "--json", "--db", db_path)
    assert json.loads(listed.stdout) == [{"login": "lan", "name": "Nguyễn Lan", "role": "editor",
                                          "disabled": False, "created_at": json.loads(listed.stdout)[0]["created_at"],
                                          "last_sign_in_at": None}]
    assert SECRET not in listed.stdout
    assert SECRET.encode() not in db_path.read_bytes()
    assert authenticate(open_database(db_path), "lan", SECRET).name == "Nguyễn Lan"


@pytest.mark.parametrize(("args", "stdin", "words"), [
    (["add", "lan", "--role", "editor"], "short\n", ["at least 10"]),
    (["add", "lan", "--role", "editor"], "", ["standard input"]),
    (["set-role", "nobody", "editor"], "", ["no account"]),
    (["disable", "nobody"], "", ["no account"]),
])
def test_bad_user_commands_get_one_line(db_path, args, stdin, words):
    done = factcheck("user", *args, "--db", db_path, stdin=stdin)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert all(w in done.stderr for w in words), done.stderr


def test_first_admin_prints_a_password_once_and_only_on_a_desk_without_accounts(db_path):
    first = factcheck("user", "first-admin", "--db", db_path)
    password = next(line.split()[-1] for line in first.stdout.splitlines() if "password:" in line)
    assert authenticate(open_database(db_path), "admin", password).role.value == "admin"
    again = factcheck("user", "first-admin", "--db", db_path)
    assert password not in again.stdout and "accounts exist already" in again.stdout


def test_the_last_admin_cannot_be_demoted_or_disabled(db):
    add_account(db, "boss", role="admin", password=SECRET)
    with pytest.raises(AccountError, match="last admin"):
        set_role(db, "boss", "editor", changed_by="boss")


@pytest.fixture
def drafted(db):
    add_account(db, "lan", role="reviewer", password=SECRET, name="Lan")
    add_account(db, "minh", role="editor", password=SECRET, name="Minh")
    add_account(db, "hoa", role="editor", password=SECRET, name="Hoa")
    stored = ingest_text(db, "Bộ Y tế cho biết hơn 1,7 triệu người đã được tiêm chủng trong tháng 3.")
    claim_id = stored.claim_ids[0]
    save_review(db, claim_id, expected_version=1, reviewer="Lan", rating="False", rationale="Fewer.",
                status="drafted")
    return claim_id


def test_a_reviewer_cannot_publish_even_through_the_library(db, drafted):
    with pytest.raises(ReviewError, match="Lan may not publish.*editor"):
        save_review(db, drafted, expected_version=2, reviewer="Lan", status="published")


def test_an_editor_publishes_a_colleagues_draft_but_not_their_own(db, drafted):
    published = save_review(db, drafted, expected_version=2, reviewer="Minh", status="published")
    assert published.status == "published" and published.drafted_by == "Lan"
    reopened = save_review(db, drafted, expected_version=3, reviewer="Minh", status="in_review")
    redrafted = save_review(db, drafted, expected_version=reopened.version, reviewer="Minh", status="drafted")
    with pytest.raises(ReviewError, match="another editor must publish"):
        save_review(db, drafted, expected_version=redrafted.version, reviewer="Minh", status="published")
    set_setting(db, "allow_self_publish", True, changed_by="Hoa")
    assert save_review(db, drafted, expected_version=redrafted.version, reviewer="Minh",
                       status="published").status == "published"


def test_a_reviewer_cannot_correct_a_published_verdict(db, drafted):
    save_review(db, drafted, expected_version=2, reviewer="Minh", status="published")
    with pytest.raises(ReviewError, match="correct a published verdict"):
        save_review(db, drafted, expected_version=3, reviewer="Lan", rating="True", rationale="More.")


def test_an_old_database_keeps_its_history_names_and_links_them_to_accounts(tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(PROJECT / "tests" / "fixtures" / "schema_v1.db", old)
    db = open_database(old)
    names = {r[0] for r in db.execute("SELECT DISTINCT reviewer FROM history WHERE reviewer IS NOT NULL")}
    assert names
    name = sorted(names)[0]
    account = add_account(db, "linked", role="editor", password=SECRET, name="Linked Person")
    link_reviewer(db, name, "linked", changed_by="Linked Person")
    assert db.execute("SELECT account_id FROM reviewers WHERE name = ?", [name]).fetchone()[0] == account.id
    assert {r[0] for r in db.execute("SELECT DISTINCT reviewer FROM history WHERE reviewer IS NOT NULL")} >= names
    with pytest.raises(AccountError, match="appears in the history"):
        link_reviewer(db, "Never Seen", "linked", changed_by=None)


def test_the_workbench_hashes_passwords_at_argon2s_recommended_cost():
    # The tests hash at the lightest cost (conftest); the workbench itself keeps the library's recommended one.
    from argon2 import PasswordHasher
    from argon2.profiles import RFC_9106_LOW_MEMORY

    import conftest

    production = conftest.PRODUCTION_HASHER
    assert production is not None and production.type.name == "ID"
    assert (production.time_cost, production.memory_cost) == (PasswordHasher().time_cost,
                                                              PasswordHasher().memory_cost)
    assert production.memory_cost >= RFC_9106_LOW_MEMORY.memory_cost
    assert production.hash("a long enough secret").startswith("$argon2id$")
