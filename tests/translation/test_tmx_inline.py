"""TMX units that differ only in inline formatting stay distinct, and the formatting comes back on export (issue 13)."""

from __future__ import annotations

from translation.formats import TMX

BOLD = 'Apply <bpt i="1">&lt;b&gt;</bpt>now<ept i="1">&lt;/b&gt;</ept>'
BOLD_FR = 'Faites une demande <bpt i="1">&lt;b&gt;</bpt>maintenant<ept i="1">&lt;/b&gt;</ept>'


def tu(en: str, fr: str) -> str:
    return f'<tu><tuv xml:lang="en"><seg>{en}</seg></tuv><tuv xml:lang="fr"><seg>{fr}</seg></tuv></tu>'


def tmx(*units: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-CA"/>'
            f'<body>{"".join(units)}</body></tmx>').encode()


# The defect: two units that differ only in inline formatting merged into one.
def test_units_differing_only_in_inline_formatting_stay_distinct_through_a_round_trip():
    plain, bold = TMX.load(tmx(tu("Apply now", "Faites une demande maintenant"), tu(BOLD, BOLD_FR))).records
    assert (plain.source, plain.target) == (bold.source, bold.target) == ("Apply now", "Faites une demande maintenant")
    assert plain != bold
    again = TMX.load(TMX.dump([plain, bold])).records
    assert again == [plain, bold]
    exported = TMX.dump([bold]).decode()
    assert '<bpt i="1">&lt;b&gt;</bpt>now<ept i="1">&lt;/b&gt;</ept>' in exported


def test_a_unit_without_inline_codes_carries_no_markup():
    [plain] = TMX.load(tmx(tu("Apply now", "Faites une demande maintenant"))).records
    assert plain.meta == ""


def test_markup_that_no_longer_matches_the_text_is_not_written():
    from dataclasses import replace

    [bold] = TMX.load(tmx(tu(BOLD, BOLD_FR))).records
    edited = replace(bold, source="Apply today")
    exported = TMX.dump([edited]).decode()
    assert "<seg>Apply today</seg>" in exported and "maintenant<ept" in exported
