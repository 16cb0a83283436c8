"""``coffeechat serve``: the local web app."""

from __future__ import annotations

import typer

from coffeechat.cli._common import database_url, fail


def serve(
    host: str = typer.Option(
        None, "--host", help="Loopback address to listen on (default: COFFEECHAT_HOST, 127.0.0.1)."
    ),
    port: int = typer.Option(None, "--port", help="Port (default: COFFEECHAT_PORT, 8000)."),
    open_browser: bool = typer.Option(False, "--open", help="Open the app in your browser."),
) -> None:
    """Start the web app on this computer and print its address."""
    import gc
    import threading
    import webbrowser

    import uvicorn

    from coffeechat.config import get_settings
    from coffeechat.db import open_database
    from coffeechat.errors import CoffeechatError
    from coffeechat.web.app import create_app
    from coffeechat.web.security import check_bind_host

    settings = get_settings()
    host = host or settings.host
    port = port or settings.port
    try:
        check_bind_host(host)
        app = create_app(settings, open_database(database_url()))
    except CoffeechatError as error:
        fail(str(error))
    # Everything loaded so far lives as long as the server: keep it out of the
    # collector's way, so page times do not jump when a full collection runs.
    gc.freeze()
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{port}/"
    typer.echo(f"Coffeechat is running at {address}  (press Ctrl+C to stop)")
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(address,)).start()
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
