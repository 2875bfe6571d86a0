"""Tests of pure code: no database, no app, milliseconds each (`pytest tests/unit`)."""

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/unit/" in str(item.path):
            item.add_marker(pytest.mark.no_graph)
