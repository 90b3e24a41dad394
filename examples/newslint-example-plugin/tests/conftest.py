"""The tests need the plugin installed: newslint finds it through its entry point."""

from __future__ import annotations

import pytest

from newslint.testing import registry


def pytest_sessionstart(session):
    if "example" not in registry().plugins.names():
        pytest.exit("newslint does not see the example plugin; install it first: "
                    "pip install -e examples/newslint-example-plugin", returncode=4)
