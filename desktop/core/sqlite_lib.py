"""The store's one import of sqlite-utils, without its optional numpy/pandas support.

sqlite-utils imports numpy (and pandas) at import time only to accept their
scalar types as column values; Tandem never stores them, and numpy alone
doubled the start-up of every `tandem` command that opens the store
(`bench/cli_startup.py`). When neither is loaded yet, they are hidden while
sqlite-utils imports and left importable for everything after it.
"""

from __future__ import annotations

import sys

_OPTIONAL = ("numpy", "pandas")

_hidden = [name for name in _OPTIONAL if name not in sys.modules]
for _name in _hidden:
    sys.modules[_name] = None  # type: ignore[assignment]  # makes `import numpy` raise ImportError
try:
    import sqlite_utils
finally:
    for _name in _hidden:
        del sys.modules[_name]

__all__ = ["sqlite_utils"]
