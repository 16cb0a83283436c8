"""The web app: ``create_app(settings)`` builds FastAPI with pages, the JSON API and safety."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.exceptions import HTTPException

from coffeechat import __version__
from coffeechat.config import Settings, get_settings
from coffeechat.db import Database, open_from_settings
from coffeechat.errors import Conflict, Invalid, NotFound
from coffeechat.web import text
from coffeechat.web.deps import CsrfRefused, render
from coffeechat.web.forms import FIELD_OF
from coffeechat.web.security import SecurityMiddleware

HERE = Path(__file__).parent


def _templates() -> Jinja2Templates:
    environment = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(markdown=text.markdown, local=text.local_time, label=text.label)
    environment.globals.update(warmth_class=text.warmth_class, mailto=text.mailto)
    return Jinja2Templates(env=environment)


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    """The whole web app over ``database`` (opened from ``settings`` when not given)."""
    from coffeechat.web import api, pages

    settings = settings or get_settings()
    app = FastAPI(
        title="Coffeechat API",
        version=__version__,
        description=(
            "Your informational interviews, people and organizations, as JSON. Reads need "
            "nothing; every write needs the X-CSRF-Token header with the token from "
            "GET /api/v1/session (and the cookie that response sets). Bad input answers 422 "
            "with the field's path in `loc`."
        ),
        openapi_tags=[
            {"name": "session", "description": "The CSRF token for writes."},
            {"name": "people", "description": "People in your network."},
            {"name": "organizations", "description": "Organizations and who works there."},
            {"name": "interviews", "description": "Interviews, their stages and readiness."},
            {"name": "questions", "description": "Planned questions and the linter."},
            {"name": "research", "description": "Facts read from pages and pasted text."},
            {"name": "agenda", "description": "What is due and overdue."},
        ],
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.database = database or open_from_settings(settings)
    app.state.templates = _templates()
    app.add_middleware(SecurityMiddleware)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/ping", include_in_schema=False)
    def ping() -> PlainTextResponse:
        """A constant answer: the baseline the benchmark compares pages with."""
        return PlainTextResponse("ok")

    app.include_router(api.router)
    app.include_router(pages.router)
    _error_handlers(app)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    def not_found(request: Request, error: NotFound) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": str(error)}, status_code=404)
        return render(request, "errors/not_found.html", {"message": str(error)}, 404)

    @app.exception_handler(HTTPException)
    def http_error(request: Request, error: HTTPException) -> Response:
        if _is_api(request) or error.status_code != 404:
            return JSONResponse(
                {"detail": error.detail}, status_code=error.status_code, headers=error.headers
            )
        return render(request, "errors/not_found.html", {"message": None}, 404)

    @app.exception_handler(RequestValidationError)
    def bad_request(request: Request, error: RequestValidationError) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": _jsonable(error.errors())}, status_code=422)
        # A page address with a malformed id names nothing that exists.
        return render(request, "errors/not_found.html", {"message": None}, 404)

    @app.exception_handler(Invalid)
    def invalid(request: Request, error: Invalid) -> Response:
        # A person's contacts are lists in the API ("emails"); services name one ("email").
        people = request.url.path.startswith("/api/v1/people")
        field = FIELD_OF.get(error.field, error.field) if people else error.field
        detail = [{"loc": ["body", field], "msg": error.message, "type": "value_error"}]
        return JSONResponse({"detail": detail}, status_code=422)

    @app.exception_handler(Conflict)
    def conflict(request: Request, error: Conflict) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": str(error)}, status_code=409)
        return render(request, "errors/problem.html", {"message": str(error)}, 409)

    @app.exception_handler(Exception)
    def crashed(request: Request, error: Exception) -> Response:
        # Nothing was saved: the unit of work rolls back on any error.
        if _is_api(request):
            return JSONResponse({"detail": "Something went wrong; nothing was saved."}, 500)
        return render(request, "errors/server_error.html", {}, 500)

    @app.exception_handler(CsrfRefused)
    def csrf(request: Request, error: CsrfRefused) -> Response:
        message = "This form has expired or came from another site. Reload the page and try again."
        if _is_api(request):
            return JSONResponse({"detail": message}, status_code=403)
        return render(request, "errors/forbidden.html", {"message": message}, 403)


def _jsonable(errors: object) -> object:
    """Validation errors without the raw exception objects pydantic may attach."""
    if isinstance(errors, list | tuple):
        return [_jsonable(e) for e in errors]
    if isinstance(errors, dict):
        return {k: _jsonable(v) for k, v in errors.items() if k != "ctx"}
    if isinstance(errors, str | int | float | bool) or errors is None:
        return errors
    return str(errors)
