"""How Writer starts helper processes (the index's pool, the dictionary maker) from a window.

Always fresh (`spawn`): a forked copy of a window would carry Qt's threads and state. A fork
server (`forkserver`) would fork them from a small process instead of the window (whose fork
holds the interpreter lock while the kernel copies its page tables: about 0.1 s for a
process holding a 20,000-page index), but its pool never started beside Qt WebEngine (measured:
no worker process ever appeared), so Writer does not use it.
"""

from __future__ import annotations

METHOD = "spawn"
