"""Start Writer (and Ghostwriter, when installed) on a page under Xvfb, as a person sees it.

    python benchmarks/startup.py [--runs 5] [--quick]

For each start: the time until the window is mapped on the X server, until its pixels stop
being black (the first visible paint, read from the server: Xvfb runs with a black root and no
window manager, so a mapped window shows black until it draws), and the memory of the whole
process tree (PSS, from /proc, 3 s after the start: Writer's and WebEngine's processes). One
warm-up start each (dictionaries, caches), then the median of `--runs`, alternating editors.
Goals (issue 18): first paint at most 1.2x Ghostwriter's, mapped at most Ghostwriter's + 0.1 s,
PSS at most 1.1x. Needs `Xvfb` (apt: xvfb) and python-xlib (the test extra).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = Path("content/blog/remote-teams/index.de.md")
SIZE = (1400, 900)


def start_xvfb() -> tuple[subprocess.Popen, str]:
    for number in range(90, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            display = f":{number}"
            command = ["Xvfb", display, "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-br", "-ac", "-noreset",
                       "-nolisten", "tcp"]  # black root, no access control, no reset between clients
            server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not Path(f"/tmp/.X11-unix/X{number}").exists():
                time.sleep(0.02)
            time.sleep(0.2)
            return server, display
    raise SystemExit("no free X display number")


def _tree(pid: int) -> list[int]:
    """A process and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(children.get(current, []))
    return out


def pss_mb(pid: int) -> float:
    total = 0
    for member in _tree(pid):
        try:
            for line in Path(f"/proc/{member}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def _visible_windows(display) -> list:
    from Xlib import X

    out = []
    for window in display.screen().root.query_tree().children:
        try:
            attributes = window.get_attributes()
            geometry = window.get_geometry()
        except Exception:  # noqa: BLE001 - a window gone meanwhile
            continue
        if attributes.map_state == X.IsViewable and geometry.width >= 300 and geometry.height >= 200:
            out.append((window, geometry))
    return out


def _painted(display, window, geometry) -> bool:
    """Whether at least 2% of a window's pixels are not black."""
    from Xlib import X

    try:
        image = window.get_image(0, 0, geometry.width, geometry.height, X.ZPixmap, 0xFFFFFFFF)
    except Exception:  # noqa: BLE001
        return False
    data = image.data
    step = 4 * 7  # every seventh pixel
    sample = data[::step]
    return sum(1 for b in sample if b) > 0.02 * len(sample)


def _close_windows(display) -> None:
    """Ask every mapped window to close (WM_DELETE_WINDOW, as a window manager does)."""
    from Xlib import X
    from Xlib.protocol import event

    protocols = display.intern_atom("WM_PROTOCOLS")
    delete = display.intern_atom("WM_DELETE_WINDOW")
    for window, _geometry in _visible_windows(display):
        message = event.ClientMessage(window=window, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0]))
        window.send_event(message, event_mask=X.NoEventMask)
    display.flush()


def measure(command: list[str], env: dict[str, str], display_name: str, settle: float = 3.0) -> dict[str, float]:
    from Xlib import display as xdisplay

    display = xdisplay.Display(display_name)
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    mapped = painted = float("nan")
    try:
        while time.perf_counter() - start < 30:
            windows = _visible_windows(display)
            now = time.perf_counter() - start
            if windows and mapped != mapped:
                mapped = now
            if windows and any(_painted(display, w, g) for w, g in windows):
                painted = time.perf_counter() - start
                break
            time.sleep(0.005)
        time.sleep(max(0.0, settle - (time.perf_counter() - start)))
        memory = pss_mb(process.pid)
        _close_windows(display)  # as a person closes them: no "it crashed last time" next start
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(10)
    finally:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(OSError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        display.close()
    return {"mapped": mapped, "paint": painted, "pss": memory}


def offscreen_fallback() -> None:
    """Without Xvfb there are no pixels to read: time `writer PAGE --screenshot` offscreen."""
    print("Xvfb is not installed (Debian: apt install xvfb): no X server to read the paint from; "
          "timing `writer PAGE --screenshot` under offscreen Qt instead")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(shutil.copytree(ROOT / "resources" / "sample-site", Path(tmp) / "site"))
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WRITER_DATA_DIR=str(Path(tmp) / "data"))
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "writer", str(site / PAGE), "--screenshot", str(Path(tmp) / "w.png")],
                       env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"Writer --screenshot (start, page, preview, picture): {time.perf_counter() - start:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one run of Writer only (the test suite's check)")
    args = parser.parse_args()
    if shutil.which("Xvfb") is None:
        offscreen_fallback()
        return
    runs = 1 if args.quick else args.runs
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(shutil.copytree(ROOT / "resources" / "sample-site", Path(tmp) / "site"))
        page = site / PAGE
        server, display = start_xvfb()
        try:
            home = Path(tmp) / "home"
            home.mkdir()
            env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", WRITER_DATA_DIR=str(Path(tmp) / "data"),
                       HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
            if os.geteuid() == 0:  # Chromium refuses to run as root with its sandbox (Ghostwriter's preview)
                env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
            env.pop("PYTHONDONTWRITEBYTECODE", None)  # compiled modules kept, as in an installed copy
            editors = {"Writer": [sys.executable, "-m", "writer", str(page)]}
            if shutil.which("ghostwriter") and not args.quick:
                editors["Ghostwriter"] = ["ghostwriter", str(page)]
            figures: dict[str, list[dict[str, float]]] = {name: [] for name in editors}
            for command in editors.values():  # warm-up: dictionaries made, caches filled
                measure(command, env, display)
            for _ in range(runs):
                for name, command in editors.items():
                    figures[name].append(measure(command, env, display))
        finally:
            server.terminate()
            server.wait()
    medians = {}
    for name, runs_of in figures.items():
        medians[name] = {key: statistics.median(run[key] for run in runs_of) for key in ("mapped", "paint", "pss")}
        m = medians[name]
        print(f"{name:<12} window mapped {m['mapped']:.2f} s, first visible paint {m['paint']:.2f} s, "
              f"PSS at 3 s {m['pss']:.0f} MB (median of {len(runs_of)})")
    if "Ghostwriter" in medians:
        w, g = medians["Writer"], medians["Ghostwriter"]
        print(f"Writer / Ghostwriter: paint {w['paint'] / g['paint']:.2f}x (goal <= 1.2), mapped "
              f"{w['mapped'] - g['mapped']:+.2f} s (goal <= +0.1), PSS {w['pss'] / g['pss']:.2f}x (goal <= 1.1)")


if __name__ == "__main__":
    main()
