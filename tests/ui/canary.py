"""Tripwires for the hostile-page tests: a localhost HTTP server that records every connection
and request, and an inotify watch that records every file opened in a folder (Linux)."""

from __future__ import annotations

import ctypes
import os
import struct
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


PNG = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)) + _chunk(
    b"IDAT", zlib.compress(b"\x00\xff\x00\x00\xff")) + _chunk(b"IEND", b"")


class Canary:
    """127.0.0.1 on a random port; `connections` counts TCP accepts (a preconnect sends no
    request), `requests` lists (method, path)."""

    def __init__(self) -> None:
        self.connections: list[tuple[str, int]] = []
        self.requests: list[tuple[str, str]] = []
        canary = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 2

            def do_GET(self) -> None:  # noqa: N802
                canary.requests.append((self.command, self.path))
                body, kind = (PNG, "image/png") if ".png" in self.path else (
                    b"<html><body><h1>attacker</h1></body></html>", "text/html")
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request, client_address) -> bool:
                canary.connections.append(client_address)
                return True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


_IN_ACCESS, _IN_OPEN = 0x1, 0x20
_EVENT = struct.Struct("iIII")


class OpenWatch:
    """Every open or read of a file in `folder` (or of the folder itself) from now on."""

    available = sys.platform.startswith("linux")

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        libc = ctypes.CDLL(None, use_errno=True)
        self.fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        if self.fd < 0 or libc.inotify_add_watch(self.fd, str(folder).encode(), _IN_OPEN | _IN_ACCESS) < 0:
            raise OSError(ctypes.get_errno(), "inotify")
        self.seen: list[str] = []

    def events(self) -> list[str]:
        """The names opened or read since the last call ("." for the folder itself)."""
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                break
            offset = 0
            while offset < len(data):
                _wd, _mask, _cookie, length = _EVENT.unpack_from(data, offset)
                name = data[offset + _EVENT.size : offset + _EVENT.size + length].rstrip(b"\0")
                self.seen.append(name.decode() or ".")
                offset += _EVENT.size + length
        seen, self.seen = self.seen, []
        return seen

    def close(self) -> None:
        os.close(self.fd)
