"""Turning what a user typed into a full-text query that tolerates typos and accents.

The text reaches Neo4j as a parameter, but it is read as Lucene query syntax: every term is
reduced to letters and digits first, so that input cannot change the query's structure.
"""

from __future__ import annotations

import re
import unicodedata

MAX_TERMS = 5


def terms(text: str) -> list[str]:
    """Lower-case words without accents or punctuation: 'Zoë O'Brien' -> ['zoe', 'o', 'brien']."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [t for t in re.split(r"[^a-z0-9]+", folded) if t][:MAX_TERMS]


def fulltext_query(text: str) -> str | None:
    """Every term must match, exactly, as a prefix, or within one or two typos."""
    words = terms(text)
    if not words:
        return None

    def one(word: str) -> str:
        if len(word) <= 2:
            return f"{word}*"
        edits = 1 if len(word) <= 5 else 2
        return f"({word}^3 OR {word}* OR {word}~{edits})"

    return " AND ".join(one(word) for word in words)
