"""``coffeechat import``: bring a network in from the files people really have."""

from __future__ import annotations

import typer

app = typer.Typer(no_args_is_help=True)
