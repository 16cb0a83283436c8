"""The progress page: the figures of ``coffeechat stats`` and a chart of new contacts."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from coffeechat.network.stats import MonthCount, progress
from coffeechat.web.deps import Db, render

router = APIRouter(include_in_schema=False)

# The chart's drawing box, in SVG user units.
WIDTH, HEIGHT, BAR_GAP, LABEL_SPACE = 600, 180, 8, 22


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    month: MonthCount

    @property
    def label(self) -> str:
        year, month = self.month.month.split("-")
        return f"{int(month)}/{year[2:]}"


def _bars(months: tuple[MonthCount, ...]) -> list[Bar]:
    """One bar per month, scaled to the busiest month (drawn on the server; no script)."""
    if not months:
        return []
    most = max(m.count for m in months) or 1
    slot = WIDTH / len(months)
    room = HEIGHT - LABEL_SPACE - 14
    bars = []
    for index, month in enumerate(months):
        height = room * month.count / most
        bars.append(
            Bar(
                x=index * slot + BAR_GAP / 2,
                y=HEIGHT - LABEL_SPACE - height,
                width=slot - BAR_GAP,
                height=height,
                month=month,
            )
        )
    return bars


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request, work: Db) -> HTMLResponse:
    settings = request.app.state.settings
    figures = progress(
        work.session, owner=work.owner, thank_you_due_hours=settings.thank_you_due_hours
    )
    context = {
        "figures": figures,
        "bars": _bars(figures.new_contacts_per_month),
        "chart": {"width": WIDTH, "height": HEIGHT, "label_space": LABEL_SPACE},
    }
    return render(request, "stats/page.html", context, work=work)
