"""The schema as ordered, named migrations: each runs once, in order, inside its own transaction.

Never edit a migration that has shipped; add a new one at the end. A database made by any earlier version
upgrades in place without losing a row (tests/test_db_upgrade.py opens one made by the first).
"""
from __future__ import annotations

import sqlite3

import sqlite_utils
from sqlite_utils.migrations import Migrations

from claims.folding import fold
from db.transactions import writing

__all__ = ["MIGRATIONS", "migrate", "schema_version"]

MIGRATIONS = Migrations("factcheck")


def _run(db: sqlite_utils.Database, sql: str) -> None:
    """Run several statements without executescript, which would commit the migration's transaction."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        db.execute(statement)


@MIGRATIONS(name="0001_articles_claims_history")
def _articles_claims_history(db: sqlite_utils.Database) -> None:
    _run(db, """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        url TEXT,
        language TEXT NOT NULL,
        published TEXT,
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        source_name TEXT,
        added_by TEXT,
        added_at TEXT NOT NULL
    );
    CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        original_text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        score REAL NOT NULL DEFAULT 0,
        checkworthy INTEGER NOT NULL DEFAULT 0,
        types TEXT NOT NULL DEFAULT '[]',
        reasons TEXT NOT NULL DEFAULT '[]',
        speaker TEXT,
        origin TEXT NOT NULL DEFAULT 'engine',
        status TEXT NOT NULL DEFAULT 'new',
        assignee TEXT,
        verdict TEXT,
        rating TEXT,
        rationale TEXT,
        first_published_at TEXT,
        published_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT
    );
    CREATE INDEX claims_article ON claims(article_id, start);
    CREATE INDEX claims_queue ON claims(checkworthy, score DESC);
    CREATE INDEX claims_status ON claims(status);
    CREATE TABLE quantities (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value REAL NOT NULL,
        high REAL,
        unit TEXT,
        qualifier TEXT NOT NULL DEFAULT 'exact'
    );
    CREATE INDEX quantities_claim ON quantities(claim_id);
    CREATE TABLE claim_dates (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        value TEXT NOT NULL
    );
    CREATE INDEX claim_dates_claim ON claim_dates(claim_id);
    CREATE TABLE reviewers (
        name TEXT PRIMARY KEY,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL
    );
    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        field TEXT,
        before TEXT,
        after TEXT,
        reviewer TEXT,
        at TEXT NOT NULL
    );
    CREATE INDEX history_claim ON history(claim_id, id);
    CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
    BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
    BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
    """)


@MIGRATIONS(name="0002_sources_and_rating_scale")
def _sources_and_rating_scale(db: sqlite_utils.Database) -> None:
    _run(db, """
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        title TEXT,
        publisher TEXT,
        published TEXT,
        accessed TEXT,
        archive_url TEXT,
        added_by TEXT,
        added_at TEXT NOT NULL
    );
    CREATE TABLE claim_sources (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES sources(id),
        stance TEXT NOT NULL CHECK (stance IN ('supports', 'refutes', 'context')),
        excerpt TEXT,
        position INTEGER NOT NULL DEFAULT 0,
        added_by TEXT,
        added_at TEXT NOT NULL
    );
    CREATE INDEX claim_sources_claim ON claim_sources(claim_id, position);
    CREATE TABLE rating_scale (
        label TEXT PRIMARY KEY,
        position INTEGER NOT NULL UNIQUE,
        value INTEGER,
        description TEXT
    );
    """)
    defaults = [
        ("True", 1, 6, "The claim is accurate."),
        ("Mostly true", 2, 5, "Accurate but needs clarification or additional information."),
        ("Half true", 3, 4, "Partially accurate; leaves out important details or takes things out of context."),
        ("Mostly false", 4, 3, "Contains an element of truth but ignores facts that would change the impression."),
        ("False", 5, 2, "The claim is not accurate."),
        ("Unverifiable", 6, None, "The available evidence can neither confirm nor refute the claim."),
    ]
    for label, position, value, description in defaults:
        db.execute("INSERT INTO rating_scale (label, position, value, description) VALUES (?, ?, ?, ?)",
                   [label, position, value, description])


@MIGRATIONS(name="0003_past_checks_and_duplicates")
def _past_checks_and_duplicates(db: sqlite_utils.Database) -> None:
    _run(db, """
    ALTER TABLE claims ADD COLUMN canonical_id INTEGER REFERENCES claims(id) ON DELETE SET NULL;
    CREATE INDEX claims_canonical ON claims(canonical_id);
    CREATE TABLE known_claims (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        folded TEXT NOT NULL,
        verdict TEXT,
        url TEXT,
        published TEXT,
        imported_at TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE known_claims_fts USING fts5(
        folded, content='known_claims', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TABLE claim_matches (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        other_kind TEXT NOT NULL CHECK (other_kind IN ('claim', 'known')),
        other_id TEXT NOT NULL,
        score REAL NOT NULL,
        relation TEXT NOT NULL CHECK (relation IN ('duplicate', 'related')),
        decision TEXT NOT NULL DEFAULT 'suggested' CHECK (decision IN ('suggested', 'confirmed', 'rejected')),
        decided_by TEXT,
        decided_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (claim_id, other_kind, other_id)
    );
    CREATE INDEX claim_matches_other ON claim_matches(other_kind, other_id);
    """)


@MIGRATIONS(name="0004_folded_claim_search")
def _folded_claim_search(db: sqlite_utils.Database) -> None:
    """Full-text search over a folded copy: unicode61 strips tone marks but keeps đ, so fold first.

    Existing claims are folded before the index and its triggers exist, then the index is built from them: the
    update trigger's 'delete' of a row the index never held corrupts an external-content FTS5 table ("database
    disk image is malformed"), which broke upgrading any database that already had claims.
    """
    db.execute("ALTER TABLE claims ADD COLUMN folded TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT id, text FROM claims").fetchall()
    for claim_id, text in rows:
        db.execute("UPDATE claims SET folded = ? WHERE id = ?", [fold(text), claim_id])
    _run(db, """
    CREATE VIRTUAL TABLE claims_fts USING fts5(
        folded, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, folded) VALUES (new.id, new.folded);
    END;
    CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
    END;
    CREATE TRIGGER claims_fts_update AFTER UPDATE OF folded ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
        INSERT INTO claims_fts(rowid, folded) VALUES (new.id, new.folded);
    END;
    INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
    """)



@MIGRATIONS(name="0005_review_queue_index")
def _review_queue_index(db: sqlite_utils.Database) -> None:
    """The queue counts and pages by check-worthiness and status, ordered by score: one index serves all three
    (at 100,000 claims its counts drop from about 0.3 s to 0.02 s)."""
    db.execute("CREATE INDEX claims_review ON claims(checkworthy, status, score DESC)")


@MIGRATIONS(name="0006_text_vectors")
def _text_vectors(db: sqlite_utils.Database) -> None:
    """Sentence vectors of stored texts for the semantic rerank, keyed by a digest of the model and the text.

    Filled lazily, the first time a text is a candidate (never by an import); a text's vector is computed once.
    Keyed by content, an edited claim or re-imported fact-check simply gets a new row and is never stale.
    """
    db.execute("CREATE TABLE text_vectors (digest TEXT PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID")


@MIGRATIONS(name="0007_article_suggestions")
def _article_suggestions(db: sqlite_utils.Database) -> None:
    """When an article's match suggestions were stored. NULL means not yet: an ingest stopped between storing the
    article and its suggestions; ingesting the same text again stores them then. Articles from before this
    migration had theirs stored when they were ingested."""
    db.execute("ALTER TABLE articles ADD COLUMN suggested_at TEXT")
    db.execute("UPDATE articles SET suggested_at = added_at")


@MIGRATIONS(name="0008_accounts_and_desk_settings")
def _accounts_and_desk_settings(db: sqlite_utils.Database) -> None:
    """Who acts: accounts with a role, sign-in attempts (for throttling), and the desk's settings.

    History keeps the name it always had (`history.reviewer`); from now on that name is the signed-in account's
    `name`. Names recorded before accounts existed stay as they are and can be linked to an account
    (`reviewers.account_id`). `claims.drafted_by` is who drafted the current verdict: by default someone else
    must publish it.
    """
    _run(db, """
    CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('reviewer', 'editor', 'admin')),
        password_hash TEXT,
        oidc_subject TEXT UNIQUE,
        disabled_at TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT,
        password_changed_at TEXT,
        last_sign_in_at TEXT
    );
    CREATE TABLE sign_in_attempts (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL COLLATE NOCASE,
        succeeded INTEGER NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX sign_in_attempts_login ON sign_in_attempts(login, id);
    ALTER TABLE reviewers ADD COLUMN account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL;
    ALTER TABLE claims ADD COLUMN drafted_by TEXT;
    CREATE TABLE desk_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        changed_by TEXT,
        changed_at TEXT NOT NULL
    );
    """)


@MIGRATIONS(name="0009_checkworthiness_learning")
def _checkworthiness_learning(db: sqlite_utils.Database) -> None:
    """The desk's check-worthiness model and the labelled sentences it learns from.

    Decisions made in the app (a claim dismissed, restored, added by hand, taken into review, given a verdict)
    are read from `claims` and `history` when training; `checkworthiness_labels` holds the sentences a desk
    brings from elsewhere (`factcheck train-checkworthiness`). A model is stored as plain parameters (never a
    pickle) with its format version and held-back figures; at most one is active, none means the built-in scorer.
    `claims.rule_score` keeps the built-in score so a model change can rescore without re-reading the rules'
    verdict; `claims.scored_by` names the model that gave `score` (NULL: built-in).
    """
    _run(db, """
    CREATE TABLE checkworthiness_labels (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        check_worthy INTEGER NOT NULL CHECK (check_worthy IN (0, 1)),
        language TEXT,
        origin TEXT NOT NULL DEFAULT 'file',
        added_by TEXT,
        added_at TEXT NOT NULL
    );
    CREATE TABLE checkworthiness_models (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        format_version INTEGER NOT NULL,
        parameters BLOB NOT NULL,
        threshold REAL NOT NULL,
        labels INTEGER NOT NULL,
        positives INTEGER NOT NULL,
        held_back_precision REAL,
        held_back_recall REAL,
        held_back_f1 REAL,
        trained_by TEXT,
        trained_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX checkworthiness_models_one_active ON checkworthiness_models(active) WHERE active = 1;
    ALTER TABLE claims ADD COLUMN rule_score REAL;
    ALTER TABLE claims ADD COLUMN scored_by INTEGER REFERENCES checkworthiness_models(id) ON DELETE SET NULL;
    UPDATE claims SET rule_score = score;
    """)


@MIGRATIONS(name="0010_multilingual_meaning")
def _multilingual_meaning(db: sqlite_utils.Database) -> None:
    """Vectors by meaning for every stored claim and past fact-check, in any language, and their background jobs.

    `meaning_vectors.id` is the key in the approximate nearest-neighbour index; (model, kind, ref) names what the
    vector is of, `digest` the exact text it was computed from (an edited claim's old vector is replaced).
    `text_vectors` (0006) stays as the cache of vectors of texts that are not stored (queries).
    `vector_jobs` records a background computation and its progress, so the app can show it.
    """
    _run(db, """
    ALTER TABLE known_claims ADD COLUMN language TEXT;
    CREATE TABLE meaning_vectors (
        id INTEGER PRIMARY KEY,
        model TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('claim', 'known')),
        ref TEXT NOT NULL,
        digest TEXT NOT NULL,
        language TEXT,
        vector BLOB NOT NULL,
        UNIQUE (model, kind, ref)
    );
    CREATE TABLE vector_jobs (
        id INTEGER PRIMARY KEY,
        model TEXT NOT NULL,
        total INTEGER NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT,
        error TEXT
    );
    """)


@MIGRATIONS(name="0011_web_captures_and_feeds")
def _web_captures_and_feeds(db: sqlite_utils.Database) -> None:
    """Pages fetched from the web: a kept copy of each (HTML and main text), link checks, and watched feeds.

    A capture is never changed once stored; a re-fetch is a new capture or a link check. Articles and sources point
    at the capture they were made from.
    """
    _run(db, """
    CREATE TABLE page_captures (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        final_url TEXT NOT NULL,
        http_status INTEGER NOT NULL,
        content_type TEXT,
        html TEXT NOT NULL,
        text TEXT NOT NULL,
        title TEXT,
        author TEXT,
        site_name TEXT,
        published TEXT,
        content_hash TEXT NOT NULL,
        fetched_by TEXT,
        fetched_at TEXT NOT NULL
    );
    CREATE INDEX page_captures_url ON page_captures(url, id);
    ALTER TABLE articles ADD COLUMN capture_id INTEGER REFERENCES page_captures(id);
    ALTER TABLE sources ADD COLUMN capture_id INTEGER REFERENCES page_captures(id);
    CREATE TABLE link_checks (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        outcome TEXT NOT NULL CHECK (outcome IN ('unchanged', 'changed', 'gone', 'error')),
        http_status INTEGER,
        content_hash TEXT,
        detail TEXT,
        checked_at TEXT NOT NULL
    );
    CREATE INDEX link_checks_source ON link_checks(source_id, id);
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        added_by TEXT,
        added_at TEXT NOT NULL,
        checked_at TEXT,
        last_error TEXT
    );
    CREATE TABLE feed_items (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        url TEXT,
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        outcome TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        UNIQUE (feed_id, item_key)
    );
    """)


@MIGRATIONS(name="0012_checkworthiness_model_sources")
def _checkworthiness_model_sources(db: sqlite_utils.Database) -> None:
    """What a desk's model learned from: sentences from labels files and decisions made in the app, and how its
    held-back figures were measured (shown on the Desk page)."""
    _run(db, """
    ALTER TABLE checkworthiness_models ADD COLUMN from_file INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE checkworthiness_models ADD COLUMN from_desk INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE checkworthiness_models ADD COLUMN held_back TEXT;
    """)



@MIGRATIONS(name="0013_drop_text_vectors")
def _drop_text_vectors(db: sqlite_utils.Database) -> None:
    """`text_vectors` (0006), the English model's cache of query vectors, is neither read nor written since the
    English-only search was replaced: a query's vector is computed once per search and never kept."""
    db.execute("DROP TABLE IF EXISTS text_vectors")


@MIGRATIONS(name="0014_drop_past_checks_full_text_index")
def _drop_past_checks_full_text_index(db: sqlite_utils.Database) -> None:
    """`known_claims_fts` (0003) is never searched: matching finds past fact-checks through the in-memory word
    index, which replaced it for speed. Keeping it cost a quarter of a bulk import's CPU and a third of its size."""
    db.execute("DROP TABLE IF EXISTS known_claims_fts")

@MIGRATIONS(name="0016_hardening")
def _hardening(db: sqlite_utils.Database) -> None:
    """Feed items that failed wait before they are tried again: how many times in a row each failed, and when it
    may be tried next."""
    columns = db["feed_items"].columns_dict
    if "attempts" not in columns:
        db.execute("ALTER TABLE feed_items ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0")
    if "retry_after" not in columns:
        db.execute("ALTER TABLE feed_items ADD COLUMN retry_after TEXT")


@MIGRATIONS(name="0017_speaker_roles")
def _speaker_roles(db: sqlite_utils.Database) -> None:
    """`claims.speaker_role`: the speaker's title as the article wrote it beside the name ("Người phát ngôn Điện
    Kremlin" beside "Dmitry Peskov"). Added only when missing, since another migration may add the same column."""
    if "speaker_role" not in db["claims"].columns_dict:
        db.execute("ALTER TABLE claims ADD COLUMN speaker_role TEXT")


@MIGRATIONS(name="0018_checkworthiness_holdout")
def _checkworthiness_holdout(db: sqlite_utils.Database) -> None:
    """A model is judged against the rules on the desk's newest decisions: the rules' figures on the same held-back
    sentences are kept beside the model's, with how many there were. A labelled text is stored once (the latest
    label wins): copies left by earlier trainings go, the newest of each text stays."""
    columns = {c.name for c in db["checkworthiness_models"].columns}
    for name, kind in (("held_back_sentences", "INTEGER"), ("rules_precision", "REAL"), ("rules_recall", "REAL"),
                       ("rules_f1", "REAL")):
        if name not in columns:
            db.execute(f"ALTER TABLE checkworthiness_models ADD COLUMN {name} {kind}")
    _run(db, """
    DELETE FROM checkworthiness_labels
     WHERE id NOT IN (SELECT max(id) FROM checkworthiness_labels GROUP BY text);
    CREATE UNIQUE INDEX IF NOT EXISTS checkworthiness_labels_text ON checkworthiness_labels(text);
    """)


@MIGRATIONS(name="0019_duplicate_decisions")
def _duplicate_decisions(db: sqlite_utils.Database) -> None:
    """Why the engine paired two claims, in words ("different figure: 52 người ≠ 48 người"), kept with the
    suggestion; and the difference a reviewer confirmed when linking such a pair as the same claim anyway."""
    columns = {c.name for c in db["claim_matches"].columns}
    if "why" not in columns:
        db.execute("ALTER TABLE claim_matches ADD COLUMN why TEXT")
    if "decision_note" not in columns:
        db.execute("ALTER TABLE claim_matches ADD COLUMN decision_note TEXT")


@MIGRATIONS(name="0020_team_day")
def _team_day(db: sqlite_utils.Database) -> None:
    """A desk's working day: sign-in sessions kept server-side (the browser holds only an opaque token), notes on
    claims with the accounts they mention, when each account last looked at its inbox, saved queue filters, and the
    indexes the inbox reads by (assignee, drafter)."""
    _run(db, """
    CREATE TABLE IF NOT EXISTS sign_in_sessions (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        grant_hash TEXT UNIQUE,
        grant_expires_at TEXT,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT,
        revoked_because TEXT
    );
    CREATE INDEX IF NOT EXISTS sign_in_sessions_account ON sign_in_sessions(account_id, revoked_at);
    CREATE TABLE IF NOT EXISTS claim_notes (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        author TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS claim_notes_claim ON claim_notes(claim_id, id);
    CREATE TABLE IF NOT EXISTS note_mentions (
        note_id INTEGER NOT NULL REFERENCES claim_notes(id) ON DELETE CASCADE,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        PRIMARY KEY (account_id, note_id)
    );
    CREATE TABLE IF NOT EXISTS inbox_visits (
        account_id INTEGER PRIMARY KEY REFERENCES accounts(id),
        seen_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS saved_filters (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        name TEXT NOT NULL,
        filter TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (account_id, name)
    );
    CREATE INDEX IF NOT EXISTS claims_assignee ON claims(assignee, status);
    CREATE INDEX IF NOT EXISTS claims_drafted_by ON claims(drafted_by, status);
    CREATE INDEX IF NOT EXISTS claims_status_updated ON claims(status, updated_at);
    """)


@MIGRATIONS(name="0021_interface_language")
def _interface_language(db: sqlite_utils.Database) -> None:
    """Each account's interface language (NULL: the desk's), and the rating scale's names and definitions in each
    language. A verdict keeps the label it was given (`claims.rating`); the names are how a label is shown and
    published in a language, so renaming a step on the scale never changes an old verdict."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(accounts)")}
    if "language" not in columns:
        db.execute("ALTER TABLE accounts ADD COLUMN language TEXT")
    _run(db, """
    CREATE TABLE IF NOT EXISTS rating_names (
        label TEXT NOT NULL,
        language TEXT NOT NULL,
        name TEXT NOT NULL,
        definition TEXT,
        PRIMARY KEY (label, language)
    );
    """)
    # A Vietnamese desk's scale for the six labels the workbench starts with; a desk that renamed its scale keeps
    # its own labels, shown as they are until an editor names them.
    vietnamese = {
        "True": ("Đúng", "Thông tin chính xác."),
        "Mostly true": ("Đúng phần lớn", "Thông tin chính xác nhưng cần làm rõ hoặc bổ sung thêm."),
        "Half true": ("Nửa đúng nửa sai", "Chỉ đúng một phần: bỏ qua chi tiết quan trọng hoặc đặt sai bối cảnh."),
        "Mostly false": ("Sai phần lớn", "Có yếu tố đúng nhưng bỏ qua những sự thật làm thay đổi cách hiểu."),
        "False": ("Sai", "Thông tin không chính xác."),
        "Unverifiable": ("Chưa kiểm chứng được", "Bằng chứng hiện có chưa đủ để xác nhận hay bác bỏ thông tin."),
    }
    for label, description in db.execute("SELECT label, description FROM rating_scale").fetchall():
        db.execute("INSERT OR IGNORE INTO rating_names (label, language, name, definition) VALUES (?, 'en', ?, ?)",
                   [label, label, description])
        if label in vietnamese:
            db.execute("INSERT OR IGNORE INTO rating_names (label, language, name, definition) VALUES (?, 'vi', ?, ?)",
                       [label, *vietnamese[label]])


@MIGRATIONS(name="0022_desk_statistics")
def _desk_statistics(db: sqlite_utils.Database) -> None:
    """Speakers an editor merged or split by hand (`speaker_aliases`: a spelling, folded, and the speaker it names),
    and the speaker's role as written beside the claim (added here if the reading of attributions has not)."""
    if "speaker_role" not in {c.name for c in db["claims"].columns}:
        db.execute("ALTER TABLE claims ADD COLUMN speaker_role TEXT")
    _run(db, """
    CREATE TABLE IF NOT EXISTS speaker_aliases (
        alias TEXT PRIMARY KEY,
        speaker TEXT NOT NULL,
        decided_by TEXT,
        decided_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS claims_speaker ON claims(speaker);
    """)


@MIGRATIONS(name="0023_claimreview_archive")
def _claimreview_archive(db: sqlite_utils.Database) -> None:
    """Past fact-checks read from schema.org ClaimReview keep who published them (`publisher`, `publisher_url`)
    and who made the claim (`claimant`); `language` (0010) is filled from the review when it says. Each column is
    added only when missing, so that another change adding the same column does not break the upgrade."""
    have = {column[1] for column in db.execute("PRAGMA table_info(known_claims)")}
    for column in ("publisher", "publisher_url", "claimant"):
        if column not in have:
            db.execute(f"ALTER TABLE known_claims ADD COLUMN {column} TEXT")


@MIGRATIONS(name="0024_scale")
def _scale(db: sqlite_utils.Database) -> None:
    """Articles whose match suggestions a bulk ingest left for the worker, found without reading every article."""
    db.execute("CREATE INDEX IF NOT EXISTS articles_pending_suggestions ON articles(id) WHERE suggested_at IS NULL")


def migrate(db: sqlite_utils.Database, *, stop_before: str | None = None) -> None:
    """Apply every pending migration (or those before `stop_before`, to make an old-version database)."""
    if MIGRATIONS.applied(db) and not MIGRATIONS.pending(db):
        return
    # Several processes may open a new database at once: the write lock makes the second wait, then find
    # nothing pending, instead of failing on "table already exists".
    with writing(db):
        MIGRATIONS.apply(db, stop_before=stop_before)


def schema_version(db: sqlite_utils.Database) -> list[str]:
    """The names of the migrations applied to `db`, oldest first."""
    return [m.name for m in MIGRATIONS.applied(db)]
