"""The desk's pipelines: work that runs the steps of `claims/`, `fetching/`, `db/` and `evidence/` in order
(ingesting articles, fetching pages and feeds, checking links, training, background jobs, matching a claim).

Import the submodules, e.g. `from pipelines.ingest import ingest_text`.
"""

__all__ = ["claimreview_feeds", "desk_model", "feeds", "ingest", "link_checks", "matching", "meaning_match",
           "publishing", "suggestions", "url_ingest", "vector_jobs", "worker"]
