"""How Writer starts helper processes (the index's pool, the dictionary maker) from a window.

`fork` of a big process holds the interpreter lock while the kernel copies its page tables:
about 0.1 s for a window holding a 20,000-page index, and the window cannot draw meanwhile
(measured). On Linux and macOS a small fork server, started while the window is still small,
forks them instead; Windows (and the frozen app, where the server cannot be started the
usual way) starts them fresh (`spawn`).
"""

from __future__ import annotations

import sys

PRELOAD = ["writer.core.hugo.index", "writer.core.spell.checker"]  # imported once, in the server


def method() -> str:
    if sys.platform == "win32" or getattr(sys, "frozen", False):
        return "spawn"
    return "forkserver"


def start_server() -> None:
    """Start the fork server now, while this process is small (call once, early; no-op on
    Windows). Failing here is harmless: the first pool starts it, or reading falls back."""
    if method() != "forkserver":
        return
    import multiprocessing
    from multiprocessing import forkserver

    try:
        multiprocessing.set_forkserver_preload(PRELOAD)
        forkserver.ensure_running()
    except (OSError, ValueError, RuntimeError):
        pass
