"""Issue 10 finding 7: an XLIFF import never overwrites silently.

On the main of issue 10 an empty or whitespace-only <target> became the new
French version (reported as success; the post dropped back to draft), and a
file exported before a later edit of the French replaced the newer version.
"""

from __future__ import annotations

import pytest

from desktop.app.xliff import export_post, import_into
from desktop.core.errors import InvalidText, TransitionError
from desktop.core.model import Lang
from tests.core.review_desk import Desk


@pytest.fixture
def desk(tmp_path):
    d = Desk(tmp_path, qa=lambda en, fr: [])
    d.grant(bob="translator")
    yield d
    d.close()


@pytest.mark.parametrize("target", [b"<target></target>", b"<target>   </target>",
                                    b"<target>\n\t </target>", b"<target/>"])
def test_an_empty_target_is_refused_and_changes_nothing(desk, target):
    post = desk("alice").posts.create(en="Flu shots are free", fr="Vaccins gratuits").post
    data = export_post(desk("bob").posts, post.id)
    start, end = data.index(b"<target"), data.index(b"</target>") + len(b"</target>")
    emptied = data[:start] + target + data[end:]
    with pytest.raises(InvalidText, match="its French translation is empty"):
        import_into(desk("bob").posts, emptied)
    assert [v.text for v in desk("alice").posts.history(post.id, Lang.FR)] == ["Vaccins gratuits"]
    assert desk.state(post.id) == "in_review"


def test_a_stale_file_does_not_replace_a_newer_translation(desk):
    post = desk("alice").posts.create(en="Flu shots are free", fr="Vaccins gratuits").post
    data = export_post(desk("bob").posts, post.id)  # exported with French v1
    desk("bob").posts.edit(post.id, Lang.FR, "Les vaccins antigrippaux sont gratuits")  # v2
    translated = data.replace(b"Vaccins gratuits", b"Vaccins offerts")
    with pytest.raises(TransitionError, match=r"French text of post \d+ changed since this file "
                                              r"was exported \(the file was made from v1; it is "
                                              r"now v2\)"):
        import_into(desk("bob").posts, translated)
    assert desk("alice").posts.view(post.id).fr.text == "Les vaccins antigrippaux sont gratuits"
