"""Review evidence and verdicts (sources, the workflow) and the reports built from them.

Import the submodules: evidence.review, evidence.sources, evidence.report, evidence.markdown,
evidence.claimreview, evidence.csv_export.
"""
