"""Every CLI option and every record field is documented (README and docs/schema.md)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

import pytest

from dateline import model
from dateline.cli import build_parser

REPO = Path(__file__).resolve().parents[1]


def _options() -> list[str]:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return [
        option
        for command in subparsers.choices.values()
        for action in command._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    ]


@pytest.mark.parametrize("option", _options())
def test_cli_option_is_in_readme(option: str) -> None:
    assert f"`{option}" in (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "record", [model.Article, model.Actor, model.Quote, model.Place, model.DateMention, model.Event]
)
def test_record_fields_are_in_schema_doc(record: type) -> None:
    schema = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    for field in dataclasses.fields(record):
        assert f"`{field.name}`" in schema, f"{record.__name__}.{field.name}"
