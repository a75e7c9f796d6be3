"""The ``dateline`` command line.

``dateline extract PATH|URL|- [--published YYYY-MM-DD] [--format json|jsonl|table]`` reads
one article, a directory of them or a JSON Lines file, and prints one record per article.
A single article prints as one JSON object; a batch prints JSON Lines, with a progress bar
on stderr. Bad items are reported on stderr, one line each, and the batch goes on.

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
from typing import TextIO

from dateline import __version__
from dateline.config import DEFAULT_MAX_BYTES, DEFAULT_MODEL, Settings
from dateline.errors import DatelineError, InputError
from dateline.ingest import JSONL_SUFFIXES, count_inputs, is_url
from dateline.model import ArticleRecord
from dateline.pipeline import Pipeline
from dateline.render import render_record

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
    return parser


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
    except DatelineError as error:  # a bad model or setting: nothing was processed
        print(f"dateline: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("dateline: interrupted", file=sys.stderr)
        return 130
    parser.error(f"unknown command {args.command!r}")
    return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
