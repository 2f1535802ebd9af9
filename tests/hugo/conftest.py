from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))



def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/hugo/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.hugo)
