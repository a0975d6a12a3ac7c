"""The one generator of the demo data set: offices and people, IKU, SKP and evaluations, in
memory as plain dicts (see :mod:`kinerja_desktop.services.demo.build` for the rules it keeps)."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from kinerja_desktop.domain.enums import (
    Acting,
    Aspect,
    CoreValue,
    EmploymentType,
    EvaluationStatus,
    Gender,
    OfficeKind,
    OrgPredikat,
    Polarity,
    RhkKind,
    SplitRule,
)
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.predikat import predikat as predikat_of
from kinerja_desktop.domain.ranks import pangkat_label
from kinerja_desktop.domain.scoring import (
    mean_capaian,
    round2,
)
from kinerja_desktop.services.common.database import DEMO_KEY, HOME_OFFICE_KEY
from kinerja_desktop.services.demo import data, evaluation_data, plan_data
from kinerja_desktop.services.demo.judgement import assess
from kinerja_desktop.services.demo.logo import demo_logo_png
from kinerja_desktop.services.demo.rows import (
    ACTOR,
    APPROVED,
    DRAFT,
    REOPEN_REASON,
    RETURNED,
    RULES_VERSION,
    SUBMITTED,
    VERSION,
    YEAR,
    DemoData,
    Person,
    Ref,
    Row,
    at,
    iki,
    measured,
    office_ref,
    period_target,
    realise,
    register_extras,
    uid,
)
from kinerja_desktop.services.demo.scope import Scope, Shared, kelas_jabatan, org_predikat


class Generator:
    """One run over a scope (the Nanggalo demo by default; one kecamatan of the city)."""

    def __init__(self, scope: Scope | None = None, shared: Shared | None = None) -> None:
        self.scope = scope = scope or Scope()
        shared = shared or Shared()
        self.rng = random.Random(scope.seed)
        self.rows: dict[str, list[Row]] = defaultdict(list)
        self.people: list[Person] = []
        self.nips, self.names, self.external = shared.nips, shared.names, shared.external
        self.iku: dict[tuple[str, str], Row] = {}
        self.iku_real: dict[tuple[str, str, str], Decimal] = {}
        self.org: dict[tuple[str, str], OrgPredikat] = {}
        self.year, self.quarters, self.with_skp = YEAR, scope.periods(YEAR), list[Person]()

    def row(
        self, table: str, key: str, office: str, when: datetime, values: Row, version: int = 1
    ) -> Row:
        record = {"uuid": uid(key), "version": version, "updated_at": when, "updated_by": ACTOR}
        self.rows[table].append(record | {"origin_office": office, "deleted_at": None} | values)
        return self.rows[table][-1]

    # -- offices and people ---------------------------------------------------------------------

    def offices(self) -> None:
        for o in self.scope.offices:
            parent = office_ref(o.parent) if o.parent else None
            values = {"code": o.code, "name": o.name, "kind": o.kind, "parent_id": parent}
            values |= {"address": f"{o.street}, {data.CITY}", "postal_code": o.postal_code}
            values |= {"city": data.CITY, "phone": f"(0751) 555-{o.postal_code[-4:]}"}
            lines = ("letterhead_1", "letterhead_2", "letterhead_3")
            values |= dict(zip(lines, o.letterhead, strict=True))
            values |= {"email": o.email, "logo": demo_logo_png()}
            self.row("offices", f"office:{o.code}", o.code, at(date(YEAR, 1, 2), 1), values)
        if self.external:  # made by an earlier run of the same database
            return
        for key, name, prefix, suffix, grade, jabatan, instansi, sex, born in data.EXTERNAL_PENILAI:
            nip = self.nip(data.PNS, Gender.MALE if sex == "M" else Gender.FEMALE, (born, born))
            values = {"name": f"{prefix} {name}, {suffix}", "nip": nip, "grade": grade}
            values |= {"jabatan": jabatan, "instansi": instansi, "acting": Acting.NONE}
            when, table = at(date(YEAR, 1, 2), 1, 30), "external_penilai"
            self.external[key] = self.row(table, f"external:{key}", self.scope.home, when, values)

    def nip(self, etype: EmploymentType, gender: Gender, years: tuple[int, int]) -> str:
        """A valid, unused NIP (PNS) or NI PPPK for someone born in ``years``."""
        rng = self.rng
        while True:
            birth = date(rng.randint(*years), rng.randint(1, 12), rng.randint(1, 28))
            if etype == EmploymentType.PNS:  # TMT CPNS year and month
                tmt = min(birth.year + rng.randint(22, 28), 2023)
                middle = f"{tmt:04d}{rng.choice((1, 2, 3, 4, 12)):02d}"
            else:  # appointment year + a two-digit code
                middle = f"{rng.choice((2021, 2022, 2023, 2024))}{rng.choice(('21', '24'))}"
            digit = "1" if gender == Gender.MALE else "2"
            nip = f"{birth:%Y%m%d}{middle}{digit}{rng.randint(1, 12):03d}"
            if nip not in self.nips:
                self.nips.add(nip)
                return nip

    def person(self, office: data.DemoOffice, role: data.Role, local: dict[str, Person]) -> Person:
        rng = self.rng
        gender = Gender(role.gender) if role.gender else rng.choice((Gender.MALE, Gender.FEMALE))
        pool = data.MALE_NAMES if gender == Gender.MALE else data.FEMALE_NAMES
        name = self.draw_name(pool)
        while name in self.names:
            name = self.draw_name(pool)
        self.names.add(name)
        nip = self.nip(role.etype, gender, data.BIRTH_YEARS[role.seniority])
        start = date(max(int(nip[8:12]) + 1, rng.randint(2018, 2025)), rng.choice((1, 3, 7)), 2)
        factor = rng.choice((1.25, 1.18, 1.1, 1.05, 1.02, 1, 0.98, 0.95, 0.84))
        grade, suffix = rng.choice(role.grades), rng.choice(role.suffixes)
        index = self.scope.index_base + len(self.people)
        p = Person(office, role, nip, name, suffix, gender, grade, index, start, factor)
        if role.atasan and role.atasan.startswith("!"):
            p.external = self.external[role.atasan[1:]]["uuid"]
        elif role.atasan:
            p.atasan = self.people[0] if role.atasan == "^camat" else local[role.atasan]
        if office.code == data.ACTING_HEAD[0] and role.head:
            p.acting, p.grade, p.start = Acting.PLT, data.ACTING_HEAD[1], date(2025, 11, 3)
        if (office.code, role.key) == (data.MUTASI_2025.to, data.MUTASI_2025.role):
            p.start = data.MUTASI_2025.moved
        if pending := data.SKP_PENDING.get((office.code, role.key)):
            p.skp_status, p.skp_reason = EvaluationStatus(pending[0]), pending[1]
            p.start = date(YEAR, 8, 3)
        local[role.key] = p
        self.people.append(p)
        return p

    def draw_name(self, pool: tuple[str, ...]) -> str:
        rng = self.rng
        if self.scope.long_names:
            return f"{rng.choice(pool)} {rng.choice(pool)} {rng.choice(data.SURNAMES)}"
        return f"{rng.choice(pool)} {rng.choice(data.SURNAMES)}"

    def staff(self) -> None:
        for office in self.scope.offices:
            local: dict[str, Person] = {}
            for role in self.scope.roster(office):
                self.employee(self.person(office, role, local))
            for gone in data.INACTIVE:
                if gone.office == office.code:
                    p = self.person(office, gone.role, local)
                    p.active, p.skp_status = False, None
                    self.employee(p, gone)

    def employee(self, p: Person, gone: data.Inactive | None = None) -> None:
        code, mutasi = p.office.code, data.MUTASI_2025
        moved = (code, p.role.key) == (mutasi.to, mutasi.role)
        created = at(max(p.start, date(YEAR, 1, 5)), 2, p.index)
        changed = at(gone.left, 9) if gone else at(mutasi.moved, 3) if moved else created
        birth = date(int(p.nip[:4]), int(p.nip[4:6]), int(p.nip[6:8]))
        values = {"nip": p.nip, "name": p.name, "title_prefix": p.role.prefix, "gender": p.gender}
        values |= {"title_suffix": p.suffix, "birth_date": birth, "active": p.active}
        values |= {"employment_type": p.role.etype, "phone": ""}
        values |= {"leave_reason": gone and gone.reason, "leave_date": gone and gone.left}
        values |= {"email": f"{p.name.split()[0].lower()}.{p.index:03d}@demo.invalid"}
        person_extra, post_extra = register_extras(p)
        values |= person_extra
        self.row("employees", f"employee:{p.nip}", code, changed, values, 2 if gone or moved else 1)
        base = {"employee_id": Ref("employees", p.uuid), "jabatan": p.jabatan}
        base |= {"job_kind": p.role.job_kind, "functional_level": p.role.level, "grade": p.grade}
        base |= {"is_head": p.role.head, "acting": p.acting, "external_penilai_id": None}
        base |= post_extra  # a mutasi keeps the TMT golongan: both assignments carry it
        base["kelas_jabatan"] = kelas_jabatan(p.grade, head=p.role.head)
        if moved:  # the history stays with the office the employee left
            where = (mutasi.origin, p.role.atasan)
            old = next(q for q in self.people if (q.office.code, q.role.key) == where)
            end = mutasi.moved - timedelta(days=1)
            values = base | {"office_id": office_ref(mutasi.origin), "start_date": mutasi.start}
            values |= {"end_date": end, "atasan_id": Ref("employees", old.uuid)}
            values |= {"note": mutasi.note}
            key = f"assignment:{p.nip}:{mutasi.start}"
            self.row("assignments", key, mutasi.origin, at(end, 9), values, 2)
        note = gone.note if gone else data.ACTING_HEAD[2] if p.acting == Acting.PLT else ""
        note = data.ARRIVED_NOTE if p.start.year == YEAR else note
        external = Ref("external_penilai", p.external) if p.external else None
        values = base | {"office_id": office_ref(code), "start_date": p.start, "note": note}
        values |= {"end_date": gone and gone.left, "external_penilai_id": external}
        values |= {"atasan_id": Ref("employees", p.atasan.uuid) if p.atasan else None}
        key = f"assignment:{p.nip}:{p.start}"
        self.row("assignments", key, code, changed, values, 2 if gone else 1)

    # -- organisation: IKU, org predikat, periods -----------------------------------------------

    def indicators(self) -> None:
        pattern = evaluation_data.CAPAIAN_PATTERN
        year, evaluated = self.year, self.quarters if self.year < YEAR else self.quarters[:3]
        for oi, o in enumerate(self.scope.offices):
            for ii, iku in enumerate(plan_data.IKU.get(o.kind, ())):
                key, when = f"indicator:{o.code}:{year}:{iku.code}", at(date(year, 1, 8), 3, ii)
                target, hi = Decimal(iku.target), Decimal(iku.target_hi or 0) or None
                values = {"office_id": office_ref(o.code), "year": year, "code": iku.code}
                values |= {"name": iku.name, "definition": iku.name, "formula": iku.formula}
                values |= {"unit": iku.unit, "polarity": iku.polarity, "data_source": iku.source}
                values |= {"cap": Decimal(iku.cap) if iku.cap else None, "weight": None}
                values |= {"periodicity": self.scope.frequency, "split_rule": iku.split}
                values |= {"annual_target": target, "annual_target_hi": hi, "sort_order": ii + 1}
                row = self.row("indicators", key, o.code, when, values)
                self.iku[(o.code, iku.code)] = row
                ref = Ref("indicators", row["uuid"])
                for q, period in enumerate(self.quarters):
                    goal = period_target(target, iku.split, q, len(self.quarters))
                    values = {
                        "indicator_id": ref,
                        "period": period,
                        "target": goal,
                        "target_hi": hi,
                    }
                    self.row("indicator_targets", f"{key}:target:{period}", o.code, when, values)
                    if period not in evaluated:
                        continue
                    factor = pattern[(oi * 5 + ii * 7 + q * 3) % len(pattern)] / 100
                    value = realise(goal, hi, row, factor)
                    self.iku_real[(o.code, iku.code, period)] = value
                    note = evaluation_data.REALISATION_NOTES[ii % 3].format(period=period)
                    values = {"indicator_id": ref, "period": period, "value": value, "note": note}
                    when_real = at(Period.parse(period).end + timedelta(days=4), 3, ii)
                    table, key_real = "indicator_realisations", f"{key}:realisation:{period}"
                    self.row(table, key_real, o.code, when_real, values)

    def org_assessments(self) -> None:
        for o in self.scope.offices:
            if o.kind not in plan_data.IKU:
                continue
            for q, period in enumerate(self.quarters[: 4 if self.year < YEAR else 2]):
                self.org[(o.code, period)] = pred = org_predikat(o.code, self.year, q)
                scores = []
                for iku in plan_data.IKU[o.kind]:
                    row = self.iku[(o.code, iku.code)]
                    target = period_target(row["annual_target"], iku.split, q, len(self.quarters))
                    value = self.iku_real[(o.code, iku.code, period)]
                    hi = row["annual_target_hi"]
                    if (score := measured(value, target, iku.polarity, hi)) is not None:
                        scores.append((score, None))
                mean = round2(mean_capaian(scores) or 0)
                by, owner = f"Camat {self.scope.district}", self.scope.home
                if o.kind == OfficeKind.PUSKESMAS:  # set by the Dinas, recorded at the puskesmas
                    by, owner = "Kepala Dinas Kesehatan Kota Padang (dicatat puskesmas)", o.code
                note = f"Ditetapkan oleh {by}; rata-rata capaian IKU {mean}%."
                values = {"office_id": office_ref(o.code), "period": period, "predikat": pred}
                when = at(Period.parse(period).end + timedelta(days=12), 3)
                key = f"org_assessment:{o.code}:{period}"
                self.row("org_assessments", key, owner, when, values | {"note": note})

    def period_settings(self, years: tuple[int, ...] = (YEAR,)) -> None:
        """Each year's quarters and the year; the first quarter of the demo year is locked, and
        every period of an earlier year (the city's history)."""
        for year in years:
            for text in (*self.scope.periods(year), str(year)):
                locked = text == self.scope.periods(YEAR)[0] or year < YEAR
                values = {"period": text, "deadline": Period.parse(text).default_deadline()}
                values |= {"locked": locked, "lock_reason": data.LOCK_REASON if locked else ""}
                when = at(date(year, 1, 3), 1)
                if locked:  # locked later
                    when = at(Period.parse(text).default_deadline() + timedelta(days=3), 1)
                key, home = f"period:{text}", self.scope.home
                self.row("period_settings", key, home, when, values, 2 if locked else 1)

    # -- SKP ------------------------------------------------------------------------------------

    def skp(self, p: Person) -> None:
        year, p.utama, p.ikis = self.year, [], []
        office, base = p.office.code, f"{p.nip}:{year}:1"
        created = at(max(date(year, 1, 12), p.start + timedelta(days=2)), 2, p.index)
        status = (p.skp_status or DRAFT) if year == YEAR else APPROVED
        approved = at(date(year, 1, 26), 3, p.index) if status == APPROVED else None
        changed = approved or (created + timedelta(days=7) if status != DRAFT else created)
        texts = plan_data.LAMPIRAN[p.office.kind]
        lampiran = dict(zip(("resources", "accountability", "consequences"), texts, strict=True))
        values = {"employee_id": Ref("employees", p.uuid), "year": year, "revision": 1}
        values |= {"status": status, "status_reason": p.skp_reason, "approved_at": approved}
        values |= {"snapshot": self.identity(p) if approved else None} | lampiran
        skp = self.row("skp", f"skp:{base}", office, changed, values, VERSION[status])
        p.skp_uuid = skp["uuid"]
        self.with_skp.append(p)
        if p.role.head:  # a head's RHK serve the office IKU
            items = [
                (t.format(short=p.office.short), RhkKind.UTAMA, codes, None, None)
                for t, codes in plan_data.HEAD_RHK[p.office.kind]
            ]
        else:  # the others intervene an RHK of their atasan
            parents = p.atasan.utama if p.atasan else []
            items = [
                (spec[0], RhkKind.UTAMA, (), spec, parents[n % len(parents)] if parents else None)
                for n, spec in enumerate(plan_data.TRACKS[p.role.track])
            ]
        if self.rng.random() < 0.35:
            extra = self.rng.choice(plan_data.TAMBAHAN)
            items.append((extra[0], RhkKind.TAMBAHAN, (), extra, None))
        for n, (text, kind, codes, spec, parent) in enumerate(items, start=1):
            indicator = Ref("indicators", self.iku[(office, codes[0])]["uuid"]) if codes else None
            values = {"skp_id": Ref("skp", p.skp_uuid), "kind": kind, "text": text}
            values |= {"parent_rhk_id": parent and Ref("rhk", parent), "sort_order": n}
            rhk = self.row(
                "rhk", f"rhk:{base}:{n}", office, created, values | {"indicator_id": indicator}
            )
            if kind == RhkKind.UTAMA:
                p.utama.append(rhk["uuid"])
            count = 1 if kind == RhkKind.TAMBAHAN else 3 if n == 1 else 2
            for mi, spec_values in enumerate(self.iki_specs(p, codes, spec)[:count], start=1):
                values = {k: v for k, v in spec_values.items() if k != "iku"}
                values |= {"rhk_id": Ref("rhk", rhk["uuid"]), "sort_order": mi, "weight": None}
                row = self.row("skp_indicators", f"iki:{base}:{n}:{mi}", office, created, values)
                p.ikis.append(row | {"kind": kind, "iku": spec_values["iku"], "n": n, "m": mi})
        for cv in CoreValue:
            values = {"skp_id": Ref("skp", p.skp_uuid), "core_value": cv}
            key = f"expectation:{base}:{cv.value}"
            values |= {"text": plan_data.EXPECTATIONS[cv]}
            self.row("skp_expectations", key, office, created, values)

    def iki_specs(self, p: Person, codes: tuple[str, ...], spec: Any) -> list[Row]:
        """The individual indicators of an RHK; a head's mirror the office IKU."""
        if codes:
            out = []
            for code in codes:
                row = self.iku[(p.office.code, code)]
                aspect = Aspect.WAKTU if row["polarity"] == Polarity.LOWER else Aspect.KUALITAS
                if row["split_rule"] == SplitRule.CUMULATIVE:
                    aspect = Aspect.KUANTITAS
                values = (aspect, row["name"], row["unit"], row["polarity"], row["annual_target"])
                values += (row["split_rule"], row["cap"])
                out.append(iki(values, iku=code, target_hi=row["annual_target_hi"]))
            return out
        _, text, unit, qty = spec
        kualitas = plan_data.IKI_KUALITAS
        waktu = (
            plan_data.IKI_WAKTU_LAYANAN
            if p.role.track in plan_data.SERVICE_TRACKS
            else plan_data.IKI_WAKTU
        )
        kuantitas = (Aspect.KUANTITAS, text, unit, Polarity.HIGHER, qty, SplitRule.CUMULATIVE)
        return [
            iki((*kuantitas, None)),
            iki(kualitas, text=kualitas[1].format(unit=unit)),
            iki(waktu),
        ]

    # -- evaluations ----------------------------------------------------------------------------

    def identity(self, p: Person) -> Row:
        """The employee, penilai and atasan penilai as printed (part of a snapshot)."""

        def ext(row_uuid: str) -> Row:
            r = next(r for r in self.external.values() if r["uuid"] == row_uuid)
            card = {"uuid": r["uuid"], "nama": r["name"], "nip": r["nip"], "golongan": r["grade"]}
            card |= {"pangkat": pangkat_label(r["grade"]), "jabatan": r["jabatan"]}
            card |= {"unit": r["instansi"], "unit_code": "", "acting": r["acting"].value}
            return card | {"external": True}

        boss = p.atasan
        penilai = boss.card() if boss else ext(p.external or "")
        above = None
        if boss is not None:
            above = boss.atasan.card() if boss.atasan else boss.external and ext(boss.external)
        elif p.external == self.external["kadinkes"]["uuid"]:
            above = ext(self.external["sekda"]["uuid"])
        return {"pegawai": p.card(), "penilai": penilai, "atasan_penilai": above}

    def evaluations(self) -> None:
        rng = self.rng
        if self.year < YEAR:  # history: every quarter approved
            ends = [Period.parse(period).end for period in self.quarters]
            for p in self.with_skp:
                since = max(p.start, p.atasan.start) if p.atasan else p.start
                for q in range(4):
                    if ends[q] >= since:  # while both held their posts
                        self.evaluation(p, q, APPROVED)
            return
        eligible = [p for p in self.people if p.skp_status == APPROVED]
        picked = rng.sample([p for p in eligible if not p.role.head], 9)
        q2 = dict.fromkeys(picked[:5], SUBMITTED) | dict.fromkeys(picked[5:8], RETURNED)
        camat_waits = False  # the demo penilai (the camat) gets one Triwulan III to approve
        for p in eligible:
            self.evaluation(p, 0, APPROVED)
            self.evaluation(p, 1, q2.get(p, APPROVED))
            if p is picked[8]:  # reopened by an admin: revision 2 is a draft again
                self.evaluation(p, 1, DRAFT, revision=2)
            if q3 := rng.choice((None, None, DRAFT, DRAFT, SUBMITTED)):
                # A draft and a submission draw the same random numbers, so this swap leaves
                # every other record of the demo as it was.
                if q3 == DRAFT and not camat_waits and p.atasan is self.people[0]:
                    q3, camat_waits = SUBMITTED, True
                self.evaluation(p, 2, q3)

    def evaluation(self, p: Person, q: int, status: EvaluationStatus, revision: int = 1) -> None:
        rng, office, period = self.rng, p.office.code, self.quarters[q]
        end, key = Period.parse(period).end, f"{p.nip}:{period}:{revision}"
        created = at(end + timedelta(days=2 if revision == 1 else 20), 1, p.index)
        submitted = at(end + timedelta(days=4), 2, p.index)
        decided = at(end + timedelta(days=6 + p.index % 3), 3, p.index)
        factor = p.factor + rng.uniform(-0.08, 0.08)
        results, scores = [], []
        for spec in p.ikis:
            target = period_target(spec["target"], spec["split_rule"], q, len(self.quarters))
            if spec["iku"]:
                value = self.iku_real[(office, spec["iku"], period)]
            else:
                value = realise(target, spec["target_hi"], spec, factor + rng.uniform(-0.05, 0.05))
            score = measured(value, target, spec["polarity"], spec["target_hi"])
            if score is not None:
                scores.append((spec, value, score))
            shown = "" if score is None else str(round2(score))
            result = {"skp_indicator": spec["uuid"], "target": str(target)}
            results.append(result | {"realisasi": str(value), "capaian": shown})
        assessment = None
        if status in (APPROVED, RETURNED):
            org = self.org.get((office, period))
            assessment = assess(self.rng, p, org, status, scores, decided)
        approved = status == APPROVED
        values = {"employee_id": Ref("employees", p.uuid), "skp_id": Ref("skp", p.skp_uuid)}
        values |= {"period": period, "revision": revision, "status": status}
        values |= {"submitted_at": None if status == DRAFT else submitted, "predikat": None}
        values |= {"approved_at": decided if approved else None, "snapshot": None}
        values |= {"rules_version": RULES_VERSION if approved else ""}
        values["status_reason"] = REOPEN_REASON if revision > 1 else ""
        if approved and assessment:
            hasil, perilaku = assessment["rating_hasil"], assessment["rating_perilaku"]
            values["predikat"] = grade = predikat_of(hasil, perilaku)
            org = self.org.get((office, period))
            snapshot = self.identity(p) | {"period": period, "revision": revision}
            snapshot |= {"org_predikat": org and org.value, "results": results}
            snapshot |= {"rating_hasil": hasil.value, "rating_perilaku": perilaku.value}
            snapshot |= {"predikat": grade.value, "rules_version": RULES_VERSION}
            values["snapshot"] = snapshot
        changed = {DRAFT: created, SUBMITTED: submitted}.get(status, decided)
        row = self.row("evaluations", f"evaluation:{key}", office, changed, values, VERSION[status])
        ref = Ref("evaluations", row["uuid"])
        for spec, value, _ in scores:
            note = evaluation_data.REALISATION_NOTES[(spec["n"] + spec["m"]) % 3].format(
                period=period
            )
            values = {"evaluation_id": ref, "skp_indicator_id": Ref("skp_indicators", spec["uuid"])}
            values |= {"value": value, "note": note}
            key_r = f"realisation:{key}:{spec['n']}:{spec['m']}"
            self.row("realisations", key_r, office, created, values)
        if assessment is not None:
            owner = p.atasan.office.code if p.atasan else office
            values = assessment | {"evaluation_id": ref}
            self.row("assessments", f"assessment:{key}", owner, decided, values)

    def work_of(self, year: int) -> None:
        """The plans and evaluations of ``year``, for the people there by then."""
        self.year, self.quarters, self.with_skp = year, self.scope.periods(year), []
        self.iku, self.iku_real, self.org = {}, {}, {}
        self.indicators()
        self.org_assessments()
        for p in self.people:  # atasan come first, so their RHK exist for the parent links
            if p.skp_status is not None and p.start.year <= year:
                self.skp(p)
        self.evaluations()

    def take(self) -> dict[str, list[Row]]:
        """The rows made so far, handed over and forgotten (the city writes year by year)."""
        rows, self.rows = dict(self.rows), defaultdict(list)
        return rows

    def run(self) -> DemoData:
        self.offices()
        self.period_settings()
        self.staff()
        self.work_of(YEAR)
        settings = {HOME_OFFICE_KEY: "NGL", DEMO_KEY: True}
        settings |= {"evaluation_frequency": self.scope.frequency.value, "city": data.CITY}
        return DemoData(dict(self.rows), settings)


def generate() -> DemoData:
    """The full demo data set in memory (deterministic: the same on every call), with the
    rencana aksi, evidence and annual evaluation of :mod:`~.plan_work`."""
    from kinerja_desktop.services.demo.plan_work import add_plan_work

    return add_plan_work(Generator().run())
