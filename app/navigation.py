"""The service navigation: which pages each role reaches, in the order they are shown.

Worked out once per set of roles (and the address the app is served under) and written out
by base.html: building it with GOV.UK Frontend's macro on every page cost about a millisecond
of each page's CPU, the largest part of a small page's rendering."""

from __future__ import annotations

from functools import lru_cache

from flask import request, url_for

_FAMILY_WORK = frozenset({"practitioner", "coordinator", "analyst"})

# (who sees it, endpoint, link text)
PAGES: tuple[tuple[frozenset[str], str, str], ...] = (
    (_FAMILY_WORK, "search.people", "Find a person"),
    (frozenset({"practitioner"}), "me.my_children", "My children"),
    (frozenset({"practitioner"}), "audit.my_family_viewers", "Who viewed my families"),
    (frozenset({"coordinator", "analyst"}), "gaps.dashboard", "Gaps"),
    (frozenset({"coordinator", "analyst"}), "analysis.index", "Connections"),
    (frozenset({"coordinator"}), "families.family_list", "Families"),
    (frozenset({"coordinator"}), "plans.children_on_plans", "Children on plans"),
    (frozenset({"coordinator"}), "audit.break_glass_review", "Break-glass review"),
    (frozenset({"coordinator"}), "audit.console_queries", "Console queries"),
    (frozenset({"coordinator"}), "records.duplicate_list", "Duplicates"),
    (frozenset({"coordinator", "admin"}), "imports.index", "Imports"),
    (frozenset({"coordinator", "admin"}), "directory.index", "Directory"),
    (frozenset({"admin"}), "admin.user_list", "Users"),
    (frozenset({"admin"}), "audit.audit_log", "Audit trail"),
)


def items(roles: frozenset[str]) -> list[dict]:
    """The links for a user with these roles, the one for the page being shown marked."""
    return [{"href": href, "text": text, "current": endpoint == request.endpoint}
            for endpoint, href, text in _links(roles, request.script_root)]


@lru_cache(maxsize=64)
def _links(roles: frozenset[str], script_root: str) -> tuple[tuple[str, str, str], ...]:
    # script_root is part of the key: the addresses differ if the app moves under a prefix.
    return tuple((endpoint, url_for(endpoint), text) for who, endpoint, text in PAGES
                 if who & roles)
