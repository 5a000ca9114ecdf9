"""Fetching from the web: address rules, pages and their text, feeds. No database and no claims logic here."""
