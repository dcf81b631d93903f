"""XLIFF 2.0: round trips keep ids, stale or altered sources are refused, hostile XML is refused."""

from __future__ import annotations

import pytest

from desktop.app.xliff import export_post, import_into
from desktop.core.errors import InvalidText, NotFound, PermissionDenied, TransitionError
from desktop.core.model import Lang, Origin, sha256_text
from tests.core.review_desk import Desk
from translation.formats.xliff import XLIFF, XliffPair

SOURCE = "Flu shots are free & <easy>\n  Line two, with spaces  "


def pair(**changes) -> XliffPair:
    fields = {"post_id": 12, "source_lang": Lang.EN, "source_version_id": 31,
              "source_sha256": sha256_text(SOURCE), "source_text": SOURCE,
              "target_text": "Les vaccins « gratuits »\nLigne deux", "target_version_id": 33}
    fields.update(changes)
    return XliffPair(**fields)


def test_round_trip_keeps_ids_texts_and_whitespace():
    original = pair()
    data = XLIFF.dump([original])
    assert b'<unit id="post12-v31">' in data and b'srcLang="en-CA"' in data
    assert b"&amp; &lt;easy&gt;" in data
    assert XLIFF.read(data) == original
    assert XLIFF.dump([XLIFF.read(data)]) == data
    untranslated = pair(target_text=None, target_version_id=None)
    assert XLIFF.read(XLIFF.dump([untranslated])) == untranslated
    french_source = pair(source_lang=Lang.FR)
    assert b'srcLang="fr-CA" trgLang="en-CA"' in XLIFF.dump([french_source])
    assert XLIFF.read(XLIFF.dump([french_source])).target_lang is Lang.EN


def _doc(unit_body: str, src="en-CA", trg="fr-CA", unit_id="post12-v31",
         sha=sha256_text("Hello")) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"
       xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="{src}" trgLang="{trg}">
 <file id="f1"><unit id="{unit_id}">
  <mda:metadata><mda:metaGroup category="tandem">
   <mda:meta type="post_id">12</mda:meta><mda:meta type="source_version_id">31</mda:meta>
   <mda:meta type="source_sha256">{sha}</mda:meta>
  </mda:metaGroup></mda:metadata>
  {unit_body}
 </unit></file>
</xliff>""".encode()


def test_segments_ignorables_and_inline_markers_are_flattened():
    data = _doc('<segment><source>Hel</source><target>Bon<mrk id="m1">jour</mrk></target></segment>'
                '<ignorable><source>lo</source></ignorable>')
    got = XLIFF.read(data)
    assert got.source_text == "Hello" and got.target_text == "Bonjourlo"
    assert XLIFF.read(_doc('<segment><source>Hello</source><target>Bon<cp hex="E9"/></target>'
                      '</segment>')).target_text == "Boné"
    assert XLIFF.read(_doc("<segment><source>Hello</source></segment>")).target_text is None


@pytest.mark.parametrize("data, message", [
    (_doc('<segment><source>Hello</source><target>A<ph id="1"/></target></segment>'),
     "inline code <ph>"),
    (_doc('<segment><source>Hello</source><target><cp hex="zz"/></target></segment>'),
     "not a code point"),
    (_doc("<segment><source>Hello world</source></segment>"), "source text was changed"),
    (_doc("<segment><source>Hello</source></segment>", src="de"), "srcLang: Language “de”"),
    (_doc("<segment><source>Hello</source></segment>", trg="en-US"), "same language"),
    (_doc("<segment><source>Hello</source></segment>", trg=""), "has no trgLang"),
    (_doc("<segment><source>Hello</source></segment>", unit_id="u1"), "was not made by Tandem"),
    (_doc("<segment><source>Hello</source></segment>", unit_id="post13-v31"),
     "metadata disagree"),
    (_doc("<segment><source>Hello</source></segment>", sha="abc"), "no source_sha256"),
    (_doc("<segment><target>Bonjour</target></segment>"), "has no <source>"),
    (_doc("<notes/>"), "no segments"),
    (_doc("<segment><source>Hello</source></segment>").replace(b"</file>", b"</file><file id='2'>"
                                                                b"<unit id='x'/></file>"),
     "this one has 2"),
    (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"/>', "XLIFF 1.2"),
    (b'<xliff version="2.0"/>', "not an XLIFF 2.0 document"),
    (b"<xliff", "not well-formed"),
    (b"\xff\xfe\x00garbage", "not well-formed"),
])
def test_malformed_files_are_refused_with_a_reason(data, message):
    with pytest.raises(InvalidText, match=message):
        XLIFF.read(data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0">&lol3;</xliff>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0">&secret;</xliff>"""

DTD_ONLY = b"""<?xml version="1.0"?>
<!DOCTYPE xliff SYSTEM "http://attacker.example/xliff.dtd">
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY, DTD_ONLY],
                         ids=["billion-laughs", "external-entity", "dtd"])
def test_hostile_xml_is_refused_before_expansion(data):
    with pytest.raises(InvalidText, match="DTD, entities or external references"):
        XLIFF.read(data)


def test_oversized_files_are_refused(monkeypatch):
    monkeypatch.setattr(XLIFF, "max_bytes", 100)
    with pytest.raises(InvalidText, match="larger than"):
        XLIFF.read(XLIFF.dump([pair()]))


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path, qa=lambda en, fr: [])
    d.grant(bob="translator")
    yield d
    d.close()


def test_export_then_import_records_a_new_human_version_needing_sign_off(desk):
    post = desk("alice").posts.create(en="Flu shots are free").post
    machine = desk.machine(post.id, Lang.FR, "Les vaccins sont gratuits")
    data = export_post(desk("bob").posts, post.id)
    exported = XLIFF.read(data)
    assert exported.unit_id == f"post{post.id}-v{desk('alice').posts.view(post.id).en.id}"
    assert exported.target_version_id == machine.id
    translated = data.replace(b"Les vaccins sont gratuits",
                              b"Les vaccins contre la grippe sont gratuits")
    result = import_into(desk("bob").posts, translated, tool="memoQ 11")
    version = result.version
    assert result.changed and version.author == "bob" and version.origin is Origin.HUMAN
    assert version.text == "Les vaccins contre la grippe sont gratuits"
    assert any(s.origin is Origin.MACHINE for s in version.spans)  # kept words stay machine
    entry = desk("alice").store.audit_entries(post.id)[-1]
    assert entry.action == "xliff.import" and entry.details["sha256"] == version.sha256
    assert entry.details["comment"] == "Translated in memoQ 11 (XLIFF 2.0 import)"
    assert desk("bob").review.item(post.id).fr.status.value == "pending"
    # re-exporting keeps the unit id (same source version)
    assert XLIFF.read(export_post(desk("bob").posts, post.id)).unit_id == exported.unit_id
    # importing the same translation again changes nothing
    again = import_into(desk("bob").posts, translated)
    assert not again.changed and again.version.id == version.id


def test_import_refused_when_the_source_changed_since_export(desk):
    post = desk("alice").posts.create(en="Flu shots are free", fr="Vaccins gratuits").post
    data = export_post(desk("bob").posts, post.id)
    desk("alice").posts.edit(post.id, Lang.EN, "Flu shots are free this fall")
    with pytest.raises(TransitionError, match=r"English text of post \d+ changed since this file "
                                              r"was exported .* it is now v2"):
        import_into(desk("bob").posts, data)
    assert len(desk("alice").posts.history(post.id, Lang.FR)) == 1


def test_import_needs_a_translation_and_a_writer(desk):
    post = desk("alice").posts.create(en="Hello").post
    data = export_post(desk("alice").posts, post.id)
    with pytest.raises(InvalidText, match="no translation"):
        import_into(desk("bob").posts, data)
    filled = data.replace(b"</source>", b"</source>\n        <target>Bonjour</target>")
    with pytest.raises(PermissionDenied, match="mallory cannot edit post"):
        import_into(desk("mallory").posts, filled)
    assert desk.actions(post.id)[-1] == "denied.post.edit"
    assert import_into(desk("bob").posts, filled).version.text == "Bonjour"


def test_export_needs_source_text(desk):
    post = desk("alice").posts.create(fr="Bonjour").post
    with pytest.raises(NotFound, match="no English text"):
        export_post(desk("alice").posts, post.id)
    assert XLIFF.read(export_post(desk("alice").posts, post.id, Lang.FR)).source_lang is Lang.FR
