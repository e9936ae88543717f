"""Shared fixtures live in named modules under ``tests/fixtures/``; register them here."""

pytest_plugins = ["fixtures.postgres", "fixtures.engine", "fixtures.ui_server", "fixtures.ui_results"]
