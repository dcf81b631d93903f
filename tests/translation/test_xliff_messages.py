"""XLIFF (issue 13): files resegmented by CAT tools come back; messages say what happened."""

from __future__ import annotations

import re

import pytest

from desktop.app.xliff import export_post, import_into
from desktop.core.errors import InvalidText, TransitionError
from desktop.core.model import Lang, sha256_text
from tests.core.review_desk import Desk
from translation.formats.xliff import XLIFF, XliffPair

SOURCE = "Flu shots are free. Book today at your pharmacy.  Bring your card!"


def exported(target: str | None = None) -> bytes:
    return XLIFF.dump([XliffPair(12, Lang.EN, 31, sha256_text(SOURCE), SOURCE, target, None)])


def resegmented(segments: list[tuple[str, str]], ignorable_spaces: bool = False) -> bytes:
    """What memoQ/Trados/OmegaT write after splitting the exported segment into sentences."""
    body = ""
    for i, (source, target) in enumerate(segments, 1):
        body += f'<segment id="s1.{i}"><source>{source}</source><target>{target}</target></segment>'
        if ignorable_spaces and i < len(segments):
            body += "<ignorable><source> </source></ignorable>"
    data = exported().decode()
    data = re.sub(r'<segment id="s1".*?</segment>', body, data, flags=re.S)
    return data.encode()


SENTENCES = [("Flu shots are free.", "Les vaccins sont gratuits."),
             ("Book today at your pharmacy.", "Prenez rendez-vous à votre pharmacie."),
             ("Bring your card!", "Apportez votre carte!")]


# The defect: a file resegmented by a CAT tool was refused as "source text was changed".
def test_a_file_split_into_sentences_without_the_spaces_is_joined_back():
    got = XLIFF.read(resegmented(SENTENCES)).rejoined(SOURCE)
    assert got.source_text == SOURCE
    assert got.target_text == ("Les vaccins sont gratuits. Prenez rendez-vous à votre pharmacie.  "
                               "Apportez votre carte!")
    assert got.segments == 3


def test_a_file_split_with_ignorable_spaces_still_reads():
    got = XLIFF.read(resegmented(SENTENCES, ignorable_spaces=True)).rejoined(SOURCE)
    assert got.target_text.endswith("pharmacie.  Apportez votre carte!")


def test_a_split_file_whose_source_was_edited_says_which_segment():
    edited = [SENTENCES[0], ("Book today at any pharmacy.", "x"), SENTENCES[2]]
    with pytest.raises(InvalidText, match=r"split the text into 3 segments.*segment 2 .*Book today at any pharmacy"):
        XLIFF.read(resegmented(edited)).rejoined(SOURCE)


def test_merged_segments_are_reported_too():
    merged = [("Flu shots are free. Book today at your pharmacy.", "Gratuit. Réservez."), SENTENCES[2]]
    got = XLIFF.read(resegmented(merged)).rejoined(SOURCE)
    assert got.segments == 2 and got.target_text == "Gratuit. Réservez.  Apportez votre carte!"


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path, qa=lambda en, fr: [])
    d.grant(bob="translator")
    yield d
    d.close()


# The defect: a forged fingerprint got "translates version 1; it is now v1".
def test_a_forged_fingerprint_is_named_as_such(desk):
    post = desk("alice").posts.create(en="Flu shots are free").post
    data = export_post(desk("bob").posts, post.id)
    real = XLIFF.read(data).source_sha256
    forged_text = "Flu shots are free!"
    forged = (data.replace(real.encode(), sha256_text(forged_text).encode())
              .replace(b">Flu shots are free<", b">Flu shots are free!<")
              .replace(b"</source>", b"</source><target>Les vaccins sont gratuits!</target>"))
    with pytest.raises(TransitionError) as caught:
        import_into(desk("bob").posts, forged)
    message = str(caught.value)
    assert "fingerprint (sha256) does not match the English v1" in message
    assert "it is now v1" not in message


def test_a_stale_file_names_both_version_numbers(desk):
    post = desk("alice").posts.create(en="Flu shots are free").post
    data = export_post(desk("bob").posts, post.id)
    desk("alice").posts.edit(post.id, Lang.EN, "Flu shots are free this fall")
    with pytest.raises(TransitionError, match=r"the file translates v1; it is now v2"):
        import_into(desk("bob").posts, data.replace(b"</source>", b"</source><target>x</target>"))


def test_an_import_of_a_split_file_says_so_in_the_audit(desk):
    post = desk("alice").posts.create(en="Flu shots are free. Book today.").post
    data = export_post(desk("bob").posts, post.id).decode()
    data = re.sub(r'<segment id="s1".*?</segment>',
                  '<segment id="a"><source>Flu shots are free.</source><target>Gratuit.</target></segment>'
                  '<segment id="b"><source>Book today.</source><target>Réservez.</target></segment>',
                  data, flags=re.S)
    result = import_into(desk("bob").posts, data.encode(), tool="memoQ")
    assert result.version.text == "Gratuit. Réservez."
    entry = desk("alice").store.audit_entries(post.id)[-1]
    assert "2 segments" in entry.details["comment"]
