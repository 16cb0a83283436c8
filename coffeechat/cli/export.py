"""``coffeechat export``: take everything out again, in open formats."""

from __future__ import annotations

import typer

app = typer.Typer(no_args_is_help=True)
