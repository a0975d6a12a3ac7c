"""The cascade tree: office IKU → the head's RHK → every employee's RHK, with flags."""

from __future__ import annotations

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.plans import skp_status
from kinerja_desktop.services.plans.cascade import GROUP_FLAGGED, cascade_tree

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))


def _owners(node):
    return {n.owner for n in node.walk() if n.kind == "rhk"}


def test_iku_roots_heads_and_staff_below(db):
    tree = cascade_tree(db, "NGL", 2026)
    iku = [r for r in tree.roots if r.kind == "iku"]
    assert [r.text.split()[0] for r in iku] == [f"IKU-0{n}" for n in range(1, 8)]
    first = iku[0]
    assert first.children[0].owner.startswith("Mardiana Tabiangsakti")  # the camat
    below = _owners(first.children[0])
    assert any(o.startswith("Irwan Rangkiangsari") for o in below)  # sekcam
    assert any(o.startswith("Yogi Bariangsati") for o in below)  # two levels down
    everyone = set().union(*(_owners(r) for r in tree.roots))
    ngl = {r.name for r in skp_status.list_skp(db, 2026, office_code="NGL") if r.rhk_count}
    assert ngl <= everyone


def test_missing_and_unapproved_skp_are_flagged(db):
    tree = cascade_tree(db, "NGL", 2026)
    flagged = next(r for r in tree.roots if r.uuid == GROUP_FLAGGED)
    assert [(n.owner.split(",")[0], n.flag) for n in flagged.children] == [
        ("Masrizal Bariangsati", "not_approved")
    ]
    draft = [n for r in tree.roots for n in r.walk() if n.kind == "rhk" and n.flag]
    assert draft and all(n.owner.startswith("Masrizal") for n in draft)
    empty = cascade_tree(db, "NGL", 2027)
    assert all(n.flag == "missing" for n in empty.flagged and empty.roots[-1].children)
    assert len(empty.flagged) == 17


def test_a_revised_atasan_keeps_the_staff_below(db):
    camat = next(r for r in skp_status.list_skp(db, 2026) if r.jabatan == "Camat Nanggalo")
    skp_status.start_revision(db, OPERATOR, camat.skp_uuid, "perubahan IKU")
    tree = cascade_tree(db, "NGL", 2026)
    first = tree.roots[0].children[0]
    assert first.flag == "not_approved"  # the camat's revision 2 is a draft
    assert any(o.startswith("Irwan Rangkiangsari") for o in _owners(first))
