"""The ``dateline`` command line.

``dateline extract PATH|URL|- [--published YYYY-MM-DD] [--format json|jsonl|table]`` reads
one article, a directory of them or a JSON Lines file, and prints one record per article.
A single article prints as one JSON object; a batch prints JSON Lines, with a progress bar
on stderr. Bad items are reported on stderr, one line each, and the batch goes on.

``dateline ingest PATH...`` stores articles in a SQLite file (``--db``, ``DATELINE_DB``,
default ``dateline.db``); ``quotes``, ``actors``, ``actor``, ``events``, ``timeline``,
``network`` query it and ``export`` writes it out. ``actors merge``/``actors split`` correct
the canonical actors.

Exit status: 0 when every article was extracted, 1 when any item failed, 2 for a usage or
configuration error (nothing was processed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from dateline import __version__
from dateline.config import DEFAULT_MAX_BYTES, DEFAULT_MODEL, Settings
from dateline.errors import DatelineError, InputError
from dateline.ingest import JSONL_SUFFIXES, count_inputs, is_url
from dateline.model import ArticleRecord
from dateline.pipeline import Pipeline
from dateline.query.output import FORMATS, write_rows
from dateline.render import render_record
from dateline.store.export import EXPORT_FORMATS, EXPORT_WHAT
from dateline.store.migrations import default_db_path

__all__ = ["main"]

EXIT_OK, EXIT_FAILED_ITEMS, EXIT_USAGE = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; use YYYY-MM-DD") from exc


def _positive_int(value: str) -> int:
    if not value.isdigit() or int(value) <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``dateline`` command."""
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Who said what, who did what with whom, where and when — from news text.",
    )
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract = commands.add_parser(
        "extract",
        help="extract a structured record from articles",
        description="Extract actors, quotes, events, places and dates from articles.",
    )
    extract.add_argument(
        "inputs",
        nargs="+",
        metavar="PATH|URL|-",
        help="a text or HTML file, a directory, a .jsonl file, an http(s) URL, or - for stdin",
    )
    extract.add_argument(
        "--published",
        type=_date,
        help="publication date (YYYY-MM-DD) when the input does not carry one",
    )
    extract.add_argument(
        "--format",
        choices=("json", "jsonl", "table"),
        default="json",
        help="json: one object (JSON Lines for a batch); jsonl; table: readable summary",
    )
    extract.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    extract.add_argument(
        "--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default {DEFAULT_MODEL})"
    )
    extract.add_argument(
        "--language",
        action="append",
        metavar="CODE",
        help="accept articles in this language (ISO 639-1; repeatable; 'any' accepts all). "
        "Default: en",
    )
    extract.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=DEFAULT_MAX_BYTES,
        help=f"refuse inputs larger than this (default {DEFAULT_MAX_BYTES:,})",
    )
    extract.add_argument(
        "--max-chars",
        type=_positive_int,
        default=Settings().max_chars,
        help="refuse cleaned articles longer than this many characters (default 1,000,000)",
    )
    extract.add_argument(
        "--timeout", type=float, default=Settings().fetch_timeout, help="URL fetch timeout (s)"
    )
    extract.add_argument(
        "--allow-private-urls",
        action="store_true",
        help="allow fetching from loopback and private network addresses",
    )
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    _add_store_commands(commands)
    return parser


_QUERIES = ("quotes", "actor", "events", "timeline", "network")


def _add_db_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--db",
        type=Path,
        default=None,
        help="the SQLite store (default: $DATELINE_DB, else dateline.db)",
    )


def _add_query_options(command: argparse.ArgumentParser, *, dates: bool = True) -> None:
    _add_db_option(command)
    command.add_argument(
        "--format", choices=FORMATS, default="table", help="table (default), json, jsonl or csv"
    )
    if dates:
        command.add_argument("--since", type=_date, help="on or after this date (YYYY-MM-DD)")
        command.add_argument("--until", type=_date, help="on or before this date (YYYY-MM-DD)")


def _add_store_commands(commands: Any) -> None:
    """Add ingest, the query commands and export to the ``dateline`` parser."""
    ingest = commands.add_parser(
        "ingest",
        help="store articles in the SQLite database",
        description="Read, extract and store articles; inputs already stored are skipped.",
    )
    ingest.add_argument(
        "inputs", nargs="+", metavar="PATH|URL", help="files, folders, .jsonl, feeds, WARC, URLs"
    )
    _add_db_option(ingest)
    ingest.add_argument("--published", type=_date, help="publication date for undated inputs")
    ingest.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: one per core)"
    )
    ingest.add_argument("--fetch", action="store_true", help="fetch the links of feed entries")
    ingest.add_argument("--model", default=DEFAULT_MODEL, help="installed spaCy pipeline")
    ingest.add_argument("--language", action="append", metavar="CODE", help="accept this language")
    ingest.add_argument("--max-bytes", type=_positive_int, default=DEFAULT_MAX_BYTES)
    ingest.add_argument("--max-chars", type=_positive_int, default=Settings().max_chars)
    ingest.add_argument("--timeout", type=float, default=Settings().fetch_timeout)
    ingest.add_argument("--allow-private-urls", action="store_true")
    ingest.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    quotes = commands.add_parser("quotes", help="list stored quotes")
    quotes.add_argument("--speaker", help="part of the speaker's name")
    quotes.add_argument("--search", help="words the quote must contain (full-text)")
    quotes.add_argument("--kind", choices=("direct", "indirect", "mixed"))
    quotes.add_argument("--limit", type=_positive_int, help="at most this many rows")
    _add_query_options(quotes)

    actors = commands.add_parser("actors", help="list canonical actors, or correct them")
    actors.add_argument("--search", help="part of the actor's name")
    actors.add_argument("--limit", type=_positive_int, help="at most this many rows")
    _add_query_options(actors, dates=False)
    fixes = actors.add_subparsers(dest="fix", metavar="merge|split")
    merge = fixes.add_parser("merge", help="merge actor OTHER into actor KEEP")
    merge.add_argument("keep", metavar="KEEP")
    merge.add_argument("other", metavar="OTHER")
    split = fixes.add_parser("split", help="move the article actors named NAME to a new actor")
    split.add_argument("actor", metavar="ACTOR")
    split.add_argument("--name", required=True, help="the article name to split off")

    actor = commands.add_parser("actor", help="one actor's profile")
    actor.add_argument("name", metavar="NAME")
    _add_query_options(actor, dates=False)

    events = commands.add_parser("events", help="list stored events")
    events.add_argument("--type", help="PLOVER event type, e.g. CONSULT")
    events.add_argument("--actor", help="part of a source's or target's name")
    events.add_argument("--place", help="part of the place name")
    events.add_argument(
        "--status", choices=("happened", "planned", "hypothetical", "denied", "reported")
    )
    events.add_argument("--limit", type=_positive_int, help="at most this many rows")
    _add_query_options(events)

    timeline = commands.add_parser("timeline", help="an actor's dated events and quotes")
    timeline.add_argument("name", metavar="NAME")
    _add_query_options(timeline, dates=False)

    network = commands.add_parser("network", help="actor-actor edges with counts")
    _add_query_options(network)

    export = commands.add_parser("export", help="write the store out as files")
    _add_db_option(export)
    export.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    export.add_argument("--what", choices=EXPORT_WHAT, default="events")
    export.add_argument("--out", type=Path, required=True, help="the file to write")


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db is not None else default_db_path()


def _ingest(args: argparse.Namespace) -> int:
    from dateline.runner import ingest

    progress = None
    if not args.quiet:
        from tqdm import tqdm

        progress = tqdm(
            total=count_inputs(args.inputs), unit="article", file=sys.stderr, dynamic_ncols=True
        )
    done_before = 0

    def report(done: int, failed: int, added: int) -> None:
        nonlocal done_before
        if progress is not None:
            progress.update(done - done_before)
            progress.set_postfix(added=added, errors=failed, refresh=False)
        done_before = done

    try:
        summary = ingest(
            args.inputs,
            db=_db_path(args),
            settings=_settings(args),
            workers=args.workers,
            published=args.published,
            fetch=args.fetch,
            progress=report,
        )
    finally:
        if progress is not None:
            progress.close()
    rate = (summary.added + summary.duplicates) / summary.seconds if summary.seconds else 0.0
    reasons = ", ".join(f"{n} {r}" for r, n in sorted(summary.reasons.items()))
    print(
        f"dateline: run {summary.run_id}: {summary.added} added, {summary.duplicates} already "
        f"stored, {summary.skipped} skipped (done before), {summary.rejected} rejected"
        + (f" ({reasons})" if reasons else "")
        + f" in {summary.seconds:.1f}s ({rate:.1f} articles/s) -> {_db_path(args)}",
        file=sys.stderr,
    )
    return EXIT_FAILED_ITEMS if summary.rejected else EXIT_OK


def _store_command(args: argparse.Namespace) -> int:
    from dateline import query
    from dateline.store import merge_actors, open_database, split_actor, transaction
    from dateline.store.export import export

    path = _db_path(args)
    writes = args.command == "actors" and args.fix is not None
    conn = open_database(path, readonly=not writes)
    try:
        if args.command == "export":
            count = export(conn, what=args.what, fmt=args.format, out=args.out)
            print(f"dateline: wrote {count} {args.what} to {args.out}", file=sys.stderr)
            return EXIT_OK
        if writes:
            with transaction(conn):
                if args.fix == "merge":
                    moved = merge_actors(conn, args.keep, args.other)
                    print(f"dateline: merged {args.other} into {args.keep} ({moved} moved)")
                else:
                    new_id = split_actor(conn, args.actor, args.name)
                    print(f"dateline: {args.name!r} split from {args.actor} as {new_id}")
            return EXIT_OK
        columns: tuple[str, ...] | None = None
        rows: list[dict[str, Any]]
        if args.command == "quotes":
            rows = query.quotes(
                conn,
                speaker=args.speaker,
                search=args.search,
                since=args.since,
                until=args.until,
                kind=args.kind,
                limit=args.limit,
            )
            columns = ("date", "speaker", "kind", "text", "source")
        elif args.command == "actors":
            rows = query.list_actors(conn, search=args.search, limit=args.limit)
            columns = (
                "id",
                "name",
                "type",
                "mentions",
                "articles",
                "titles",
                "first_seen",
                "last_seen",
            )
        elif args.command == "events":
            rows = query.events(
                conn,
                type=args.type,
                actor=args.actor,
                place=args.place,
                status=args.status,
                since=args.since,
                until=args.until,
                limit=args.limit,
            )
            columns = ("date", "type", "status", "actors", "trigger", "recipients", "place")
        elif args.command == "timeline":
            rows = query.timeline(conn, args.name)
            columns = ("date", "what", "text", "source")
        elif args.command == "network":
            rows = query.network(conn, since=args.since, until=args.until)
        else:
            profile = query.actor_profile(conn, args.name)
            if args.format != "table":
                write_rows([profile], sys.stdout, fmt=args.format)
                return EXIT_OK
            _print_profile(profile)
            return EXIT_OK
        write_rows(rows, sys.stdout, fmt=args.format, columns=columns)
    finally:
        conn.close()
    return EXIT_OK


def _print_profile(profile: dict[str, Any]) -> None:
    head = profile["actor"]
    print(f"{head['name']} ({head['type']}, {head['id']})")
    print(f"names: {'; '.join(profile['names'])}")
    print("titles:")
    write_rows(profile["titles"], sys.stdout, columns=("date", "title", "source"))
    print("meets:")
    write_rows(profile["meets"], sys.stdout, columns=("name", "events"))
    print("quotes:")
    write_rows(profile["quotes"], sys.stdout, columns=("date", "kind", "text", "source"))
    print("events:")
    write_rows(
        profile["events"], sys.stdout, columns=("date", "type", "actors", "trigger", "recipients")
    )


def _settings(args: argparse.Namespace) -> Settings:
    languages: tuple[str, ...] = ("en",)
    if args.language:
        languages = () if "any" in args.language else tuple(c.lower() for c in args.language)
    return Settings(
        model=args.model,
        max_bytes=args.max_bytes,
        max_chars=args.max_chars,
        languages=languages,
        fetch_timeout=args.timeout,
        allow_private_urls=args.allow_private_urls,
    )


def _is_batch(inputs: Sequence[str]) -> bool:
    if len(inputs) > 1:
        return True
    target = inputs[0]
    if target == "-" or is_url(target):
        return False
    path = Path(target)
    return path.is_dir() or path.suffix.lower() in JSONL_SUFFIXES


def _write(record: ArticleRecord, *, fmt: str, batch: bool, out: TextIO) -> None:
    if fmt == "table":
        out.write(render_record(record) + "\n")
    elif fmt == "json" and not batch:
        json.dump(record.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")


def _extract(args: argparse.Namespace) -> int:
    pipeline = Pipeline(_settings(args))
    batch = _is_batch(args.inputs)
    pipeline.nlp  # noqa: B018 -- load the model up front so a bad --model fails before reading
    out: TextIO = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    failures: Counter[str] = Counter()
    done = 0
    progress = None
    if batch and not args.quiet:
        from tqdm import tqdm

        progress = tqdm(
            total=count_inputs(args.inputs), unit="article", file=sys.stderr, dynamic_ncols=True
        )
    try:
        for result in pipeline.run(args.inputs, published=args.published):
            if isinstance(result, DatelineError):
                reason = result.reason if isinstance(result, InputError) else "extraction"
                failures[reason] += 1
                message = f"dateline: skipped {result}"
                if progress is not None:
                    progress.write(message, file=sys.stderr)
                else:
                    print(message, file=sys.stderr)
            else:
                done += 1
                _write(result, fmt=args.format, batch=batch, out=out)
                out.flush()
            if progress is not None:
                progress.update(1)
                progress.set_postfix(ok=done, failed=sum(failures.values()), refresh=False)
    finally:
        if progress is not None:
            progress.close()
        if args.output:
            out.close()
    if batch or failures:
        summary = ", ".join(f"{n} {reason}" for reason, n in failures.most_common())
        print(
            f"dateline: {done} extracted, {sum(failures.values())} failed"
            + (f" ({summary})" if summary else ""),
            file=sys.stderr,
        )
    return EXIT_FAILED_ITEMS if failures else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``dateline`` command; return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "ingest":
            return _ingest(args)
        if args.command in _QUERIES or args.command in ("actors", "export"):
            return _store_command(args)
    except DatelineError as error:  # a bad model or setting: nothing was processed
        print(f"dateline: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `dateline quotes | head`: the reader has all it wants
        sys.stderr.close()
        return EXIT_OK
    parser.error(f"unknown command {args.command!r}")
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
