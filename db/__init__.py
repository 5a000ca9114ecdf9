"""The store: the schema and its migrations, and every read and write of the desk's data (through sqlite-utils).

db/ holds SQL and the records it reads into; it runs no pipeline (pipelines/ does: ingest, feeds, link checks,
training, background jobs). Import the submodules, e.g. `from db.connection import open_database`.
"""

__all__ = [
    "accounts", "article_lookup", "articles", "backup", "candidates", "captures", "change_words",
    "checkworthiness_models", "claim_edits", "claims", "connection", "duplicates", "feeds", "fts", "history", "inbox",
    "known_claims", "link_checks", "lookups", "match_index", "matching", "meaning", "meaning_index", "migrations",
    "notes", "published_archive", "ratings", "rechecks", "records", "reports", "reviewers", "saved_filters", "search",
    "sessions", "settings", "sources", "speakers", "statistics", "suggestion_queue", "transactions", "transfer",
    "vectors",
]
