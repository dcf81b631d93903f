"""Images on posts: alt text in both languages, versioned manifests, sign-off and approval binding."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from desktop.core.errors import InvalidText, NotFound, PermissionDenied, TandemError
from desktop.core.model import Lang, Origin

from .review_desk import Desk

ALT = {Lang.EN: "A bar chart of 2026 wait times", Lang.FR: "Un graphique des délais d'attente 2026"}


def picture(colour=(200, 10, 10), size=(60, 40), fmt="PNG", **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, fmt, **save)
    return out.getvalue()


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path)
    d.grant(bob="translator", carol="approver:approval", dana="approver:approval")
    yield d
    d.close()


def new_post(desk):
    return desk("alice").posts.create("Wait times are down.", "Les délais ont baissé.").post


def versions(desk, post_id, lang):
    return desk("alice").posts.history(post_id, lang)


def test_shared_image_needs_alt_in_both_languages_and_writes_nothing_otherwise(desk):
    post = new_post(desk)
    media = desk("alice").attachments
    before = (len(versions(desk, post.id, Lang.EN)), len(versions(desk, post.id, Lang.FR)))
    with pytest.raises(InvalidText, match="French alt text is required"):
        media.attach(post.id, picture(), alt={Lang.EN: ALT[Lang.EN]})
    with pytest.raises(InvalidText, match="English alt text is required"):
        media.attach(post.id, picture(), alt={Lang.EN: "   ", Lang.FR: ALT[Lang.FR]})
    assert media.list(post.id) == []
    assert (len(versions(desk, post.id, Lang.EN)), len(versions(desk, post.id, Lang.FR))) == before


def test_attach_shared_then_per_language(desk):
    post = new_post(desk)
    media = desk("alice").attachments
    shared = media.attach(post.id, picture(), alt=ALT)
    english = media.attach(post.id, picture((0, 0, 200)), lang=Lang.EN,
                           alt={Lang.EN: "Infographic with English words"})
    listed = media.list(post.id)
    assert [a.id for a in listed] == [shared.id, english.id] == [1, 2]
    assert listed[0].langs == (Lang.EN, Lang.FR) and listed[1].langs == (Lang.EN,)
    assert [i["alt"] for i in media.manifest(post.id, Lang.EN)] == [
        ALT[Lang.EN], "Infographic with English words"]
    assert [i["alt"] for i in media.manifest(post.id, Lang.FR)] == [ALT[Lang.FR]]
    # each change wrote a version with the same text: English twice, French once
    assert [v.text for v in versions(desk, post.id, Lang.EN)] == ["Wait times are down."] * 3
    assert len(versions(desk, post.id, Lang.FR)) == 2


def test_stored_bytes_are_the_sanitised_image(desk):
    exif = Image.Exif()
    exif[0x013B] = "Secret Author Name"
    post = new_post(desk)
    media = desk("alice").attachments
    attachment = media.attach(post.id, picture(fmt="JPEG", exif=exif), alt=ALT)
    stored = media.image(attachment.sha256)
    assert b"Secret Author Name" not in stored
    assert Image.open(io.BytesIO(stored)).format == "JPEG"


def test_hostile_file_is_refused_before_any_version(desk):
    post = new_post(desk)
    media = desk("alice").attachments
    with pytest.raises(TandemError, match="not a PNG, JPEG, WebP or GIF"):
        media.attach(post.id, b"<svg onload=alert(1)>", alt=ALT)
    assert len(versions(desk, post.id, Lang.EN)) == 1


def test_at_most_four_images_per_language(desk):
    post = new_post(desk)
    media = desk("alice").attachments
    for n in range(4):
        media.attach(post.id, picture((n, 0, 0)), alt=ALT)
    with pytest.raises(InvalidText, match="already has 4 images"):
        media.attach(post.id, picture((9, 9, 9)), lang=Lang.FR, alt={Lang.FR: "Encore une"})


def test_detach_numbers_and_ids_are_never_reused(desk):
    post = new_post(desk)
    media = desk("alice").attachments
    for n in range(3):
        media.attach(post.id, picture((n, 0, 0)), alt=ALT)
    gone = media.detach(post.id, 2)
    assert gone.id == 2 and [a.id for a in media.list(post.id)] == [1, 3]
    assert media.attach(post.id, picture((5, 5, 5)), alt=ALT).id == 4
    with pytest.raises(NotFound, match="no image 9"):
        media.detach(post.id, 9)


def approved_post(desk):
    post = new_post(desk)
    desk("alice").attachments.attach(post.id, picture(), alt=ALT)
    for lang in Lang:
        desk("bob").review.sign(post.id, lang)
    desk("carol").approvals.approve(post.id)
    assert desk.state(post.id) == "approved"
    return post


def test_replacing_an_image_withdraws_sign_offs_and_voids_the_approval(desk):
    post = approved_post(desk)
    official = {lang: desk("alice").review.official(post.id, lang) for lang in Lang}
    old_sha = desk("alice").attachments.list(post.id)[0].sha256
    desk("alice").attachments.replace(post.id, 1, picture((0, 200, 0)))
    assert desk.state(post.id) == "in_review"
    assert all(desk("alice").review.official(post.id, lang) is None for lang in Lang)
    assert desk("alice").approvals.history(post.id)[0].voided
    # what was signed keeps its images: the official version still binds the old bytes
    media = desk("alice").attachments
    assert media.manifest(post.id, Lang.EN, official[Lang.EN])[0]["sha256"] == old_sha
    assert media.manifest(post.id, Lang.EN)[0]["sha256"] != old_sha
    assert {"media.replace", "review.official_withdrawn"} <= set(desk.actions(post.id))


def test_changing_alt_text_is_an_edit_too(desk):
    post = approved_post(desk)
    desk("alice").attachments.set_alt(post.id, 1, Lang.FR, "Un diagramme à barres")
    assert desk.state(post.id) == "in_review"
    assert desk("alice").review.official(post.id, Lang.FR) is None
    assert desk("alice").review.official(post.id, Lang.EN) is not None  # English untouched
    history = [s["manifest"][0]["alt"] for s in desk("alice").store.media_states(post.id, Lang.FR)]
    assert history == [ALT[Lang.FR], "Un diagramme à barres"]


def test_machine_suggested_alt_text_needs_a_translator(desk):
    post = new_post(desk)
    desk("alice").attachments.attach(post.id, picture(), alt=ALT)
    desk("alice").attachments.set_alt(post.id, 1, Lang.FR, "Un graphique à barres (suggestion)",
                                      origin=Origin.MACHINE)
    with pytest.raises(PermissionDenied, match="machine"):
        desk("dana").review.sign(post.id, Lang.FR)   # an approver may sign people's text only
    desk("bob").review.sign(post.id, Lang.FR)        # a translator signs the suggestion off
    item = desk("alice").attachments.list(post.id)[0]
    assert item.alt[Lang.FR].origin is Origin.MACHINE


def test_alt_text_follows_text_rules(desk):
    post = new_post(desk)
    with pytest.raises(InvalidText, match="Bidirectional"):
        desk("alice").attachments.attach(post.id, picture(),
                                         alt={Lang.EN: "ok", Lang.FR: "abc\u202edef"})
    with pytest.raises(InvalidText, match="under 1000"):
        desk("alice").attachments.attach(post.id, picture(),
                                         alt={Lang.EN: "x" * 1001, Lang.FR: "ok"})
