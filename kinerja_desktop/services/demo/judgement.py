"""The penilai's judgement in a demo assessment: suggestion, ratings, decision, feedback."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from kinerja_desktop.domain.enums import CoreValue, EvaluationStatus, OrgPredikat, Rating, RhkKind
from kinerja_desktop.domain.scoring import (
    round2,
    suggest_rating,
    suggest_rating_for_head as head_rating,
)
from kinerja_desktop.services.demo import evaluation_data
from kinerja_desktop.services.demo.rows import APPROVED, RATINGS, Person, Ref, Row


def assess(
    rng: random.Random,
    p: Person,
    org: OrgPredikat | None,
    status: EvaluationStatus,
    scores: list[Any],
    decided: datetime,
) -> Row:
    """The assessment of ``p`` (``org``: the office's predikat of the period, if set)."""
    if p.role.head and org is not None:
        suggested = head_rating(org)
    else:
        kept = [(spec, score) for spec, _, score in scores if spec["kind"] == RhkKind.UTAMA]
        utama = [(score, spec["weight"]) for spec, score in kept]
        suggested = suggest_rating(utama) or Rating.AS_EXPECTED
    hasil, reason = suggested, ""
    if rng.random() < 0.12:  # the penilai departs from the suggestion, with a reason
        other = rng.choice((Rating.ABOVE, Rating.BELOW))
        hasil = Rating.AS_EXPECTED if suggested != Rating.AS_EXPECTED else other
        reason = rng.choice(evaluation_data.RATING_REASONS)
    perilaku = rng.choices(RATINGS, (30, 62, 8))[0]
    feedback = {}
    for spec, _, score in scores:
        shown = round2(score)
        band = 0 if shown >= 100 else 1 if shown >= 90 else 2 if shown >= 76 else 3
        feedback[spec["uuid"]] = evaluation_data.FEEDBACK[band]
    notes = {
        cv.value: evaluation_data.BEHAVIOUR_NOTES[cv][RATINGS.index(perilaku)] for cv in CoreValue
    }
    values = {"penilai_id": p.atasan and Ref("employees", p.atasan.uuid)}
    values |= {"external_penilai_id": p.external and Ref("external_penilai", p.external)}
    values |= {"rating_hasil": hasil, "rating_hasil_suggested": suggested}
    values |= {"rating_reason": reason, "rating_perilaku": perilaku, "decision": status}
    returned = "" if status == APPROVED else rng.choice(evaluation_data.RETURN_REASONS)
    values |= {"decision_reason": returned, "decided_at": decided, "feedback": feedback}
    return values | {"behaviour_notes": notes}
