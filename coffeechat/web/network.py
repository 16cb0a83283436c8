"""The network page: a picture of who you know, where, and who introduced whom."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from coffeechat.meetings.monthly import MonthTally, monthly_progress
from coffeechat.network.directory import warmth_scores
from coffeechat.network.picture import network_picture
from coffeechat.web.deps import Db, render

router = APIRouter(include_in_schema=False)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, work: Db) -> HTMLResponse:
    picture = network_picture(
        work.session,
        owner=work.owner,
        warmth_of=lambda ids: warmth_scores(work.session, owner=work.owner, person_ids=ids),
    )
    tallies = monthly_progress(work.session, owner=work.owner)
    chart, peak = bars(tallies)
    context = {"picture": picture, "chart": chart, "peak": peak, "slot": SLOT}
    return render(request, "network/page.html", context, work=work)


@dataclass(frozen=True)
class Bar:
    label: str
    x: float
    conversations_y: float
    conversations_h: float
    referrals_y: float
    referrals_h: float
    tally: MonthTally


CHART_HEIGHT = 160
CHART_TOP = 12
SLOT = 56


def bars(tallies: list[MonthTally]) -> tuple[list[Bar], int]:
    """Two bars a month, scaled to the busiest month; and the tallest count, for the axis."""
    peak = max([1] + [max(t.conversations, t.referrals) for t in tallies])
    scale = (CHART_HEIGHT - CHART_TOP) / peak
    result = []
    for index, tally in enumerate(tallies):
        c_h, r_h = tally.conversations * scale, tally.referrals * scale
        month = datetime.strptime(tally.month, "%Y-%m")
        result.append(
            Bar(
                label=month.strftime("%b"),
                x=index * SLOT + 8,
                conversations_y=CHART_HEIGHT - c_h,
                conversations_h=c_h,
                referrals_y=CHART_HEIGHT - r_h,
                referrals_h=r_h,
                tally=tally,
            )
        )
    return result, peak
