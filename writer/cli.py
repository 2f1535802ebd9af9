"""The `writer` command line: subcommands for scripts, the window when none is given."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from writer.core.errors import ConfigError, WriterError
from writer.core.frontmatter.values import split_key

SUBCOMMANDS = ("pages", "check", "render", "roundtrip", "set", "translate", "new", "move")


class UsageError(Exception):
    """Unusable arguments or unreadable input: exit status 2 with one line on stderr."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="writer", description="Markdown authoring for Hugo sites")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pages", help="list the content index")
    p.add_argument("site")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("check", help="list problems of a site or a page")
    p.add_argument("target")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("render", help="print the preview HTML of pages")
    p.add_argument("pages", nargs="+")
    p.add_argument("--site")
    p = sub.add_parser("roundtrip", help="list files whose bytes would change on open+save")
    p.add_argument("site")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("set", help="set front matter fields with a minimal diff")
    p.add_argument("page")
    p.add_argument("assignments", nargs="+", metavar="KEY=VALUE")
    p = sub.add_parser("new", help="create a page bundle in a section from the archetype")
    p.add_argument("section", help="a section folder, or its name when run inside a site")
    p.add_argument("title")
    p.add_argument("--lang")
    p = sub.add_parser("move", help="move a page or bundle (all languages) and rewrite refs to it")
    p.add_argument("page")
    p.add_argument("newpath", help="the new path from the content root, e.g. blog/new-slug")
    p.add_argument("--dry-run", action="store_true", help="print every file that would change")
    p = sub.add_parser("translate", help="create translated copies of a page")
    p.add_argument("page")
    p.add_argument("--to", required=True, metavar="LANG[,LANG...]")
    p.add_argument("--draft", action="store_true", help="mark the copies as drafts")
    for name, command in sub.choices.items():
        if name != "roundtrip":
            command.add_argument("--no-cache", action="store_true",
                                 help="read every page again instead of the index cache in Writer's data folder")
    return parser


def _build_index(site, args: argparse.Namespace):  # -> ContentIndex
    """The site's index, through the persistent cache unless `--no-cache` (or a plain folder)."""
    import gc

    from writer.core.hugo.index import ContentIndex
    from writer.core.hugo.index_cache import IndexCache
    from writer.core.hugo.site import config_files

    workers = "fork" if sys.platform.startswith("linux") else "spawn"  # one thread runs here
    if getattr(args, "no_cache", True) or site.plain:
        index = ContentIndex.build(site, workers=workers)
    else:
        index = ContentIndex.build(site, IndexCache.for_site(site.root, config_files(site.root)), workers=workers)
    gc.freeze()  # the index lives to the end: later collections need not walk it
    return index


def _open_site(path: str, args: argparse.Namespace):  # -> tuple[Site, ContentIndex]
    from writer.core.hugo.site import Site

    if not Path(path).exists():
        raise UsageError(f"{path}: no such file or folder")
    site = Site.open(path)
    if site.plain:
        print(
            f"writer: {site.root}: no Hugo configuration found; "
            "showing it as a plain folder of Markdown files",
            file=sys.stderr,
        )
    return site, _build_index(site, args)


def cmd_pages(args: argparse.Namespace) -> int:
    site, index = _open_site(args.site, args)
    for problem in index.problems:
        print(f"writer: {problem}", file=sys.stderr)
    rows = []
    groups: dict[str, dict[str, str]] = {}  # translation key -> language -> path, sorted once a group
    for page in index.pages:
        group = groups.get(page.translation_key)
        if group is None:
            group = groups[page.translation_key] = {
                lang: p.path for lang, p in sorted({**index.translations(page), page.lang: page}.items())}
        translations = {lang: path for lang, path in group.items() if lang != page.lang}
        rows.append(
            {
                "path": page.path,
                "lang": page.lang,
                "kind": page.kind,
                "bundle": page.bundle,
                "title": page.title,
                "draft": page.draft,
                "permalink": page.permalink,
                "translations": translations,
            }
        )
    if args.json:
        data = {
            "root": str(site.root),
            "default_language": site.default_language,
            "languages": site.language_codes,
            "pages": rows,
        }
        print(json.dumps(data, ensure_ascii=False))  # one line: the C encoder (indent is 10x slower)
    else:
        for row in rows:
            mark = " (draft)" if row["draft"] else ""
            print(f"{row['lang']:<4} {row['kind']:<8} {row['permalink']:<40} {row['path']}{mark}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from writer.core.check import Checker, Problem, has_errors

    target = Path(args.target)
    try:
        site, index = _open_site(args.target, args)
    except ConfigError as exc:
        problems = [Problem(str(exc.path), exc.line, exc.column, "error", "config", exc.message)]
    else:
        checker = Checker(site, index)
        problems = checker.check_file(target) if target.is_file() else checker.check_site()
    if args.json:
        print(json.dumps({"problems": [p.to_json() for p in problems]}, ensure_ascii=False))
    else:
        for problem in problems:
            print(problem)
        errors = sum(p.severity == "error" for p in problems)
        print(f"{errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    return 1 if has_errors(problems) else 0


def cmd_roundtrip(args: argparse.Namespace) -> int:
    from writer.core.document import Page
    from writer.core.textio import read_bytes

    site, index = _open_site(args.site, args)
    changed: list[str] = []
    unreadable: list[dict[str, Any]] = []
    for info in index.pages:
        file = site.root / info.path
        try:
            original = read_bytes(file)
            page = Page.from_bytes(original, file)
        except WriterError as exc:
            unreadable.append({"path": info.path, "message": exc.message})
            continue
        if page.to_bytes() != original:
            changed.append(info.path)
    if args.json:
        data = {"checked": len(index.pages), "changed": changed, "unreadable": unreadable}
        print(json.dumps(data, ensure_ascii=False))  # one line: the C encoder (indent is 10x slower)
    else:
        for path in changed:
            print(path)
        for item in unreadable:
            print(f"writer: {item['path']}: {item['message']} (skipped)", file=sys.stderr)
        print(f"{len(index.pages)} file(s) checked, {len(changed)} would change", file=sys.stderr)
    return 1 if changed else 0


def _shown(text: str) -> str:
    """An argument as it can be printed (bytes that were not UTF-8 show as \\xNN)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def parse_assignment(text: str) -> tuple[str, str]:
    """KEY=VALUE -> (key, the value's text); the value is typed against the page (`cmd_set`)."""
    if any("\udc80" <= ch <= "\udcff" for ch in text):
        raise UsageError(f"{_shown(text)}: the argument is not UTF-8 text")
    if "=" not in text:
        raise UsageError(f"{text}: expected KEY=VALUE")
    key, raw = text.split("=", 1)
    if not key.strip():
        raise UsageError(f"{text}: the field name is empty")
    try:
        split_key(key)
    except WriterError as exc:
        raise UsageError(f"{text}: {exc.message}") from None
    return key.strip(), raw


def cmd_set(args: argparse.Namespace) -> int:
    from writer.core.document import Page
    from writer.core.errors import FrontMatterError
    from writer.core.frontmatter.typed import value_for

    assignments = [parse_assignment(a) for a in args.assignments]
    page = Page.load(args.page)
    if page.error is not None:
        raise UsageError(str(page.error))
    changed = False
    for key, raw in assignments:
        try:
            found, current = page.front_matter.find(key)
            changed = page.set(key, value_for(raw, found, current, key)) or changed
        except FrontMatterError as exc:  # nothing is written: the file keeps every byte
            raise FrontMatterError(exc.message, page.path, exc.line, exc.column) from None
    if changed:
        page.save()
    return 0


class _SiteModels:
    """The sites of the pages `writer render` is given, each opened (configuration and index) once
    per command, not once per page."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.site = Path(args.site) if args.site else None
        self.args = args
        self.models: dict[Path, Any] = {}  # site root -> SiteModel

    def for_page(self, page: Path):  # -> SiteModel
        from writer.core.hugo.render_context import SiteModel
        from writer.core.hugo.site import Site

        if self.site is None:
            known = next((m for m in self.models.values() if m.index.page_for_file(page) is not None), None)
            if known is not None:
                return known
        site = Site.open(self.site or page)
        if site.root not in self.models:
            self.models[site.root] = SiteModel.from_index(_build_index(site, self.args))
        return self.models[site.root]


def _render_all(paths: list[Path], render: Callable[[Path], str]) -> list[str]:
    """Each page's HTML, in order. On Linux a long list is shared with forked children, forked
    before anything is imported or opened: each process opens the sites it needs (a child
    inheriting a big heap would copy it page by page as it touched it). The pages' numbers wait
    in a pipe; whichever process is free takes the next one, so a process slowed by the rest of
    the machine takes fewer. A child that fails leaves its pages to this process, which then
    meets the same error."""
    workers = min(os.cpu_count() or 1, 4, len(paths) // 8)
    if workers < 2 or not hasattr(os, "fork") or sys.platform == "darwin":
        return [render(path) for path in paths]
    import marshal

    numbers_out, numbers_in = os.pipe()
    os.write(numbers_in, b"".join(n.to_bytes(4, "little") for n in range(len(paths))))  # < 64 KB
    os.close(numbers_in)

    def take() -> int | None:
        data = os.read(numbers_out, 4)  # four bytes: one atomic read from a shared pipe
        return int.from_bytes(data, "little") if len(data) == 4 else None

    children = []
    for _ in range(workers - 1):
        results_out, results_in = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: render what it takes, hand it over, leave without any clean-up
            os.close(results_out)
            try:
                done = {}
                while (number := take()) is not None:
                    done[number] = render(paths[number])
                with os.fdopen(results_in, "wb") as pipe:
                    pipe.write(marshal.dumps(done))
            except BaseException:  # noqa: BLE001 - the parent renders those pages itself
                os._exit(1)
            os._exit(0)
        os.close(results_in)
        children.append((pid, results_out))
    html: dict[int, str] = {}
    while (number := take()) is not None:
        html[number] = render(paths[number])
    os.close(numbers_out)
    for pid, results_out in children:
        with os.fdopen(results_out, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        if status == 0 and data:
            parts = marshal.loads(data)
            if isinstance(parts, dict):
                html.update(parts)
    return [html[n] if n in html else render(paths[n]) for n in range(len(paths))]


def cmd_render(args: argparse.Namespace) -> int:
    # A short command that keeps every page's HTML to the end: the cyclic collector's passes over
    # the freshly imported modules and the index would find nothing to free, so it pauses.
    collecting = gc.isenabled()
    gc.disable()
    models = _SiteModels(args)

    def render(path: Path) -> str:
        from writer.core.document import Page

        return models.for_page(path).render_body(Page.load(path).body, path)

    try:
        html = _render_all([Path(page).resolve() for page in args.pages], render)
    finally:
        if collecting:
            gc.enable()
    for number, (page, text) in enumerate(zip(args.pages, html, strict=True)):
        if len(args.pages) > 1:
            print(f"<!-- {page} -->")
        print(text)
        if number < len(args.pages) - 1:
            print()
    return 0


def _open_page(arg: str, args: argparse.Namespace):  # -> tuple[Site, ContentIndex, PageInfo]
    """The site, its index and the index entry of a page given on the command line."""
    page = Path(arg)
    if not page.is_file():
        raise UsageError(f"{arg}: no such page")
    site, index = _open_site(arg, args)
    info = index.page_for_file(page)
    if info is None:
        raise UsageError(f"{arg}: not a content page of the site at {site.root}")
    return site, index, info


def cmd_translate(args: argparse.Namespace) -> int:
    from writer.core.hugo.translate import apply_translation, plan_translations

    site, index, info = _open_page(args.page, args)
    langs = args.to.split(",") if args.to.strip() else []
    plans = plan_translations(index, info, langs, draft=args.draft)
    for plan in plans:  # every plan is checked before anything is written
        print(site.rel(apply_translation(plan, site.root)))
    return 0


def _new_section(arg: str, args: argparse.Namespace):  # -> tuple[Site, ContentIndex, str]
    """The site and the section (from the content root) that `writer new` was given: a folder, a
    path to a folder that does not exist yet (refused later with its near matches), or a name."""
    from writer.core.hugo.site import Site

    if not arg.strip():
        raise UsageError("no section given: name a section folder (or the content folder itself)")
    path = Path(arg)
    if ".." in arg.replace("\\", "/").split("/") and not path.is_dir():
        raise UsageError(f"{arg}: '..' is not allowed in a section that does not exist")
    if path.is_absolute() and not path.parent.is_dir():
        raise UsageError(f"{arg}: no such folder")
    as_path = path.is_dir() or path.is_absolute() or "/" in arg or "\\" in arg
    anchor = path.absolute() if as_path else Path.cwd()
    while not anchor.exists():
        anchor = anchor.parent
    site = Site.open(anchor)
    if site.plain:
        raise UsageError(f"{arg}: not inside a Hugo site (no hugo.toml or config.toml found)")
    index = _build_index(site, args)
    if not as_path:
        return site, index, arg
    content = [site.root / lang.content_dir for lang in site.languages]
    target = Path(os.path.normpath(path.absolute()))
    owner = next((c for c in content if target.resolve().is_relative_to(c.resolve())), None)
    if owner is not None:
        return site, index, target.resolve().relative_to(owner.resolve()).as_posix()
    if path.is_dir() or path.is_absolute():
        raise UsageError(f"{arg}: not a folder inside the site's content")
    return site, index, arg  # "blog/2026": a path from the content root


def cmd_new(args: argparse.Namespace) -> int:
    from writer.core.hugo.newpage import apply_new_page, plan_new_page

    site, index, section = _new_section(args.section, args)
    plan = plan_new_page(index, section, args.title, args.lang)
    for warning in plan.warnings:
        print(f"writer: archetype: {warning}", file=sys.stderr)
    print(site.rel(apply_new_page(plan, site.root)))
    return 0


def _bundle_page(arg: str) -> str:
    """A bundle folder named for `writer move` stands for its index file (any language: all move)."""
    folder = Path(arg)
    if not folder.is_dir():
        return arg
    found = sorted(p for p in folder.iterdir() if p.is_file() and p.name.split(".")[0] in ("index", "_index")
                   and p.suffix.lower() in (".md", ".markdown"))
    if not found:
        raise UsageError(f"{arg}: a folder without an index.md or _index.md, not a page bundle")
    return str(found[0])


def cmd_move(args: argparse.Namespace) -> int:
    from writer.core.hugo.move import apply_move, plan_move

    site, index, info = _open_page(_bundle_page(args.page), args)
    plan = plan_move(index, info, args.newpath)
    for name in plan.changed_files(site.root):
        print(name)
    if not args.dry_run:
        apply_move(plan, site.root)
    return 0


COMMANDS = {
    "pages": cmd_pages,
    "check": cmd_check,
    "render": cmd_render,
    "roundtrip": cmd_roundtrip,
    "set": cmd_set,
    "translate": cmd_translate,
    "new": cmd_new,
    "move": cmd_move,
}


def run_gui(argv: Sequence[str]) -> int:
    try:
        from writer.ui.app import run
    except ImportError as exc:
        print(f"writer: the window cannot start: {exc}", file=sys.stderr)
        return 2
    return run(list(argv))


def main(argv: Sequence[str] | None = None) -> int:
    from_command_line = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in SUBCOMMANDS:
        if argv and argv[0] in ("-h", "--help"):
            _parser().print_help()
            return 0
        return run_gui(argv)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        code = COMMANDS[args.command](args)
    except (UsageError, WriterError) as exc:
        print(f"writer: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    if args.command in ("pages", "check", "render", "roundtrip") and from_command_line:
        # Everything is printed and nothing was written: leave without tearing down the
        # interpreter (freeing every module and page object takes longer than some of the work).
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # the reader went away (`| head`): nothing more to say
            pass
        os._exit(code)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
