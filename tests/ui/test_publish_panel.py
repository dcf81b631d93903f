"""Publishing from the window, and the settings dialog.

The publish service runs for real: through the real channel factory and the
real keyring (the test Secret Service), against Mastodon instances played by
respx (tests/publishing/mock_servers.py), so a refusal can be scripted to make
a post half-published. tests/ui/test_scenario_ui.py publishes to the real
local Bluesky PDS. Confirmations are answered by replacing ``QMessageBox.exec``
(every question is recorded, with whether Cancel was its default).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
import respx
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core.model import Lang, PostState
from desktop.core.policy import parse as parse_policy
from desktop.publishing.credentials import CredentialRef, Credentials
from desktop.publishing.factory import ChannelFactory
from desktop.app.publishing import publish_service
from desktop.publishing.service import RetryPolicy
from desktop.ui.publishing.dialogs import MissedScheduleDialog
from desktop.ui.publishing.targets import PostTargetsDialog
from tests.publishing.keyring_env import secret_service  # noqa: F401 (fixture)
from tests.publishing.mock_servers import MastodonServer
from tests.publishing.publish_desk import PublishDesk, session_as

from .helpers import settle
from .test_review_queue import featured_window

pytestmark = pytest.mark.usefixtures("secret_service")

EN = "Tax season opens today: file online at https://canada.ca/taxes"
FR = "La saison des impôts s'ouvre aujourd'hui : produisez en ligne à https://canada.ca/impots"
TOKENS = {"en": "masto-en-TOKEN-ui-7f1c", "fr": "masto-fr-TOKEN-ui-93ab"}
NO_WAIT = RetryPolicy(attempts=1, base_delay=0.0, max_wait=0.0)


@pytest.fixture
def desk(tmp_path):
    desk = PublishDesk(tmp_path / "publish-ui.sqlite3")
    yield desk
    desk.close()


@pytest.fixture
def mastodon(desk):
    """An approved post (alice publishes) to an English and a French Mastodon account."""
    with respx.mock(assert_all_called=False) as router:
        servers = {lang: MastodonServer(router, f"https://{lang}.social.test", TOKENS[lang])
                   for lang in ("en", "fr")}
        for lang, server in servers.items():
            desk.account("mastodon", f"masto-{lang}", lang, TOKENS[lang],
                         service_url=server.base, handle="gc")
        post_id = desk.approved(EN, FR, title="Tax season")
        desk.targets(post_id, "masto-en", "masto-fr")
        yield post_id, servers


def factory(clock=None):
    """Publish services with the real channels, no backoff waits, and an optional clock."""
    def make(session):
        options = {"clock": clock} if clock is not None else {}
        return publish_service(session, channels=ChannelFactory(), retry=NO_WAIT, **options)
    return make


@pytest.fixture
def answers(monkeypatch):
    """Answer every confirmation (Yes unless ``reply[0]`` says otherwise) and record it."""
    asked: list[tuple[str, bool]] = []
    reply = [QMessageBox.StandardButton.Yes]

    def fake_exec(box):
        cancel = box.button(QMessageBox.StandardButton.Cancel)
        asked.append((box.text(), box.defaultButton() is cancel))
        return reply[0]

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return asked, reply


def publisher_window(qtbot, make_window, desk, **options):
    window, features = featured_window(qtbot, make_window, desk.alice,
                                       publish_service=options.pop("publish_service", factory()),
                                       **options)
    wait(window, features)
    return window, features


def wait(window, features) -> None:
    for _ in range(3):
        features.publishing.wait_idle()
        settle(window)


def preflight(qtbot, window, features):
    publishing = features.publishing
    qtbot.waitUntil(publishing.publish_action.isEnabled, timeout=10_000)
    publishing.publish_action.trigger()
    qtbot.waitUntil(lambda: publishing.preflight_dialog is not None, timeout=30_000)
    return publishing.preflight_dialog


def test_preflight_blocks_and_cancel_sends_nothing(qtbot, desk, mastodon, make_window, answers):
    post_id, servers = mastodon
    asked, reply = answers
    window, features = publisher_window(qtbot, make_window, desk)
    assert window.current_post_id() == post_id
    assert features.publishing.publish_action in window.post_menu.actions()
    dialog = preflight(qtbot, window, features)
    assert dialog.ready and dialog.publish_button.isEnabled()
    assert dialog.texts[Lang.EN].toPlainText() == EN
    assert dialog.texts[Lang.FR].toPlainText() == FR
    assert [dialog.targets_tree.topLevelItem(i).text(2)
            for i in range(dialog.targets_tree.topLevelItemCount())] == ["masto-en", "masto-fr"]
    assert dialog.targets_tree.topLevelItem(0).text(4) == "@gc@en.social.test", "signed in as"
    reply[0] = QMessageBox.StandardButton.Cancel
    dialog.publish_button.click()
    wait(window, features)
    assert asked == [("Publish English and French now? This cannot be undone.", True)]
    assert servers["en"].statuses == servers["fr"].statuses == []
    assert desk.alice.posts.view(post_id).post.state is PostState.APPROVED
    dialog.close()

    # A post that is not approved: the action is off; the dry run lists why anyway.
    draft = desk.alice.posts.create(en="Draft", fr="Ébauche", title="Not yet").post.id
    window.open_post(draft)
    wait(window, features)
    assert not features.publishing.publish_action.isEnabled()
    features.publishing._set_busy(False)
    features.publishing.view = None
    features.publishing.publish_action.setEnabled(True)  # as if it were still approved
    dialog = preflight(qtbot, window, features)
    assert not dialog.ready and not dialog.publish_button.isEnabled()
    assert "only approved posts are published" in dialog.problems_label.text()
    assert "nothing will be sent" in dialog.problems_label.text()


def test_half_published_is_flagged_and_retried(qtbot, desk, mastodon, make_window, answers):
    post_id, servers = mastodon
    asked, _reply = answers
    servers["fr"].script = [httpx.Response(422, json={"error": "Validation failed: Text is "
                                                               "invalid"})]
    window, features = publisher_window(qtbot, make_window, desk)
    dialog = preflight(qtbot, window, features)
    dialog.publish_button.click()
    wait(window, features)
    assert desk.alice.posts.view(post_id).post.state is PostState.HALF_PUBLISHED
    assert "Published in one language only" in dialog.message_bar.text()
    # Flagged everywhere: the red banner, the list, the panel.
    banner = features.publishing.banner
    assert banner.isVisible() and banner.kind == "warning"
    assert "English alone on Mastodon" in banner.text()
    assert banner.retract_buttons[Lang.EN].isVisible()
    assert not banner.retract_buttons[Lang.FR].isVisible()
    model = window.post_list.model
    row = model.row_of(post_id)
    index = model.index(row, 1)
    assert model.data(index) == "\u26a0 Partly published"
    assert model.data(index, Qt.ItemDataRole.ForegroundRole).name() == "#9b1c1c"
    assert features.publishing.panel.state_label.text().startswith("⚠ Published in one "
                                                                  "language only")
    assert "Text is invalid" in features.publishing.panel.publication_label.text()
    assert features.status_line.text().startswith("State: Partly published")

    banner.retry_button.click()
    wait(window, features)
    assert asked[-1] == ("Send the missing language now? This cannot be undone.", True)
    assert desk.alice.posts.view(post_id).post.state is PostState.PUBLISHED
    assert len(servers["en"].statuses) == len(servers["fr"].statuses) == 1, "nothing twice"
    assert not banner.isVisible()
    assert "Both languages are out now." in window.message_bar.text()
    links = features.publishing.panel.publication_label.text()
    for server in servers.values():
        assert f'href="{server.statuses[0]["url"]}"' in links
    assert "Gap between the languages on Mastodon" in links


def test_retracting_the_lone_language(qtbot, desk, mastodon, make_window, answers):
    post_id, servers = mastodon
    asked, _reply = answers
    servers["fr"].script = [httpx.Response(422, json={"error": "Validation failed"})]
    window, features = publisher_window(qtbot, make_window, desk)
    preflight(qtbot, window, features).publish_button.click()
    wait(window, features)
    banner = features.publishing.banner
    banner.retract_buttons[Lang.EN].click()
    wait(window, features)
    assert asked[-1][0].startswith("Delete the published English post")
    assert servers["en"].deletes.call_count == 1 and servers["en"].statuses == []
    assert desk.alice.posts.view(post_id).post.state is PostState.APPROVED
    assert not banner.isVisible()
    assert "approved again" in window.message_bar.text()


def test_schedule_then_unschedule(qtbot, desk, mastodon, make_window, answers):
    post_id, servers = mastodon
    asked, _reply = answers
    window, features = publisher_window(qtbot, make_window, desk)
    dialog = preflight(qtbot, window, features)
    dialog.schedule_edit.setDateTime(QDateTime.currentDateTime().addSecs(2 * 3600))
    dialog.schedule_button.click()
    wait(window, features)
    assert asked[-1][0].startswith("Publish English and French at ")
    assert desk.alice.posts.view(post_id).post.state is PostState.SCHEDULED
    assert "Scheduled for" in dialog.message_bar.text()
    panel = features.publishing.panel
    assert panel.schedule_label.text().startswith("Scheduled for ")
    assert panel.unschedule_button.isEnabled()
    panel.unschedule_button.click()
    wait(window, features)
    assert desk.alice.posts.view(post_id).post.state is PostState.APPROVED
    assert servers["en"].statuses == servers["fr"].statuses == []


def test_the_timer_publishes_due_posts(qtbot, desk, mastodon, make_window):
    post_id, servers = mastodon
    due = datetime.now(UTC) + timedelta(hours=1)
    with publish_service(desk.alice, channels=ChannelFactory()) as service:
        service.schedule(post_id, due)
    later = factory(clock=lambda: due + timedelta(seconds=30))
    window, features = publisher_window(qtbot, make_window, desk, publish_service=later)
    features.publishing._on_due_timer_timeout()
    wait(window, features)
    assert desk.alice.posts.view(post_id).post.state is PostState.PUBLISHED
    assert len(servers["en"].statuses) == len(servers["fr"].statuses) == 1
    assert "Scheduled posts published: 1." in window.message_bar.text()


@pytest.mark.parametrize("choice", ["leave", "publish", "reschedule"])
def test_a_missed_schedule_is_asked_about_never_posted_late(qtbot, desk, mastodon, make_window,
                                                            monkeypatch, choice):
    post_id, servers = mastodon
    yesterday = datetime.now(UTC) - timedelta(days=1)
    with publish_service(desk.alice, channels=ChannelFactory(),
                        clock=lambda: yesterday) as service:
        service.schedule(post_id, yesterday + timedelta(hours=1))  # passed while closed
    asked = []

    def fake_exec(dialog):
        asked.append(dialog.label.text())
        dialog.time_edit.setDateTime(QDateTime.currentDateTime().addSecs(3 * 3600))
        {"leave": dialog.leave_button, "publish": dialog.publish_button,
         "reschedule": dialog.reschedule_button}[choice].click()
        return dialog.result()

    monkeypatch.setattr(MissedScheduleDialog, "exec", fake_exec)
    window, features = publisher_window(qtbot, make_window, desk)
    features.start()
    wait(window, features)
    assert len(asked) == 1 and "while Tandem was closed" in asked[0]
    assert "It was not published" in asked[0]
    state = desk.alice.posts.view(post_id).post.state
    published = len(servers["en"].statuses) + len(servers["fr"].statuses)
    if choice == "publish":
        assert state is PostState.PUBLISHED and published == 2
    else:
        assert state is PostState.SCHEDULED and published == 0
    with publish_service(desk.alice, channels=ChannelFactory()) as service:
        missed = service.missed()
    assert len(missed) == (1 if choice == "leave" else 0)
    assert features.publishing.due_timer.isActive(), "the timer runs after the start-up check"


# -- settings ----------------------------------------------------------------------------------
def test_accounts_added_with_the_secret_in_the_keyring_only(qtbot, desk, make_window, tmp_path):
    window, features = featured_window(qtbot, make_window, desk.alice)
    features.settings.action.trigger()
    dialog = features.settings.dialog
    qtbot.waitUntil(lambda: dialog._view is not None, timeout=10_000)
    secret = "app-pass-UI-51d2-9q"
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("mastodon"))
    dialog.name_edit.setText("gc-masto-en")
    dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("en"))
    dialog.service_edit.setText("https://en.social.test")
    dialog.handle_edit.setText("gc")
    dialog.new_secret_edit.setText(secret)
    dialog.add_button.click()
    assert dialog.new_secret_edit.text() == "", "the secret field is cleared at once"
    window.backend.wait_idle()
    qtbot.waitUntil(lambda: dialog.accounts_tree.topLevelItemCount() == 1, timeout=10_000)
    row = dialog.accounts_tree.topLevelItem(0)
    assert [row.text(c) for c in range(6)] == ["Mastodon", "gc-masto-en", "English", "gc",
                                               "Yes", "Added by alice"]
    account = desk.alice.store.find_account("gc-masto-en")
    assert Credentials().get(_ref(account)).reveal() == secret
    stored = b"".join(p.read_bytes() for p in desk.db.parent.iterdir()
                      if p.name.startswith(desk.db.name))
    assert secret.encode() not in stored, "never in the database"
    assert secret not in "".join(dialog.accounts_tree.topLevelItem(0).text(c) for c in range(6))

    # An empty secret is refused before anything is written.
    dialog.name_edit.setText("gc-masto-fr")
    dialog.handle_edit.setText("gc")
    dialog.add_button.click()
    assert "empty" in dialog.message_bar.text()
    window.backend.wait_idle()
    assert desk.alice.store.find_account("gc-masto-fr") is None

    dialog.accounts_tree.setCurrentItem(dialog.accounts_tree.topLevelItem(0))
    dialog.remove_button.click()
    window.backend.wait_idle()
    qtbot.waitUntil(lambda: dialog.accounts_tree.topLevelItemCount() == 0, timeout=10_000)
    assert "removed" in dialog.message_bar.text()
    assert not Credentials().has(_ref(account))


def _ref(row: dict) -> CredentialRef:
    return CredentialRef(row["secret_service"], row["secret_key"])


POLICY = """
[publishing]
default_targets = ["gc-en", "gc-fr"]

[[publishing.accounts]]
name = "gc-en"
channel = "bluesky"
lang = "en"
handle = "gc-en.bsky.social"

[[publishing.accounts]]
name = "gc-fr"
channel = "bluesky"
lang = "fr"
handle = "gc-fr.bsky.social"

[translation]
allow_online_install = false
"""


def test_settings_locked_by_the_it_policy_are_shown_locked(qtbot, make_window, tmp_path):
    policy = parse_policy(POLICY, tmp_path / "policy.toml")
    session = session_as(tmp_path / "policy.sqlite3", "alice", policy)
    try:
        window, features = featured_window(qtbot, make_window, session)
        features.settings.open()
        dialog = features.settings.dialog
        qtbot.waitUntil(lambda: dialog._view is not None, timeout=10_000)
        rows = [[dialog.accounts_tree.topLevelItem(i).text(c) for c in range(6)]
                for i in range(dialog.accounts_tree.topLevelItemCount())]
        assert [r[1] for r in rows] == ["gc-en", "gc-fr"]
        assert {r[5] for r in rows} == {"Set by your IT policy"}
        assert {r[4] for r in rows} <= {"No", "Unknown (keyring unavailable)"}
        dialog.accounts_tree.setCurrentItem(dialog.accounts_tree.topLevelItem(0))
        assert not dialog.remove_button.isEnabled()
        assert dialog.secret_button.isEnabled(), "a provisioned account still needs its secret"
        assert not dialog.defaults_chooser.isEnabled() and not dialog.defaults_button.isEnabled()
        assert not dialog.defaults_lock.isHidden()
        assert dialog.defaults_chooser.checked_names() == ["gc-en", "gc-fr"]
        locked = [[dialog.policy_tree.topLevelItem(i).text(c) for c in range(3)]
                  for i in range(dialog.policy_tree.topLevelItemCount())]
        assert locked == [["Downloading language packages", "No", "Set by your IT policy"],
                          ["Publishing accounts", "gc-en, gc-fr", "Set by your IT policy"],
                          ["Default targets", "gc-en, gc-fr", "Set by your IT policy"]]
        assert all(dialog.policy_tree.topLevelItem(i).isDisabled()
                   for i in range(dialog.policy_tree.topLevelItemCount()))
        assert not dialog.policy_tree.topLevelItem(0).icon(2).isNull(), "a lock"
        assert "set by your IT policy" in dialog.policy_label.text().replace("&", "")
    finally:
        window.shutdown()
        session.close()


def test_post_targets_are_chosen_per_post(qtbot, desk, mastodon, make_window):
    post_id, _servers = mastodon
    window, features = publisher_window(qtbot, make_window, desk)
    panel = features.publishing.panel
    assert panel.targets_heading.text() == "Targets (chosen for this post)"
    assert "masto-en — Mastodon, English (gc)" in panel.targets_label.text()
    features.publishing.choose_targets()
    dialog = window.findChild(PostTargetsDialog)
    qtbot.waitUntil(lambda: dialog.chooser.count() == 2, timeout=10_000)
    assert dialog.chooser.checked_names() == ["masto-en", "masto-fr"]
    dialog.chooser.item(1).setCheckState(Qt.CheckState.Unchecked)  # French only: refused
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    window.backend.wait_idle()
    qtbot.waitUntil(lambda: dialog.message_bar.isVisible(), timeout=5000)
    assert "never publishes one language without the other" in dialog.message_bar.text()
    dialog.defaults_button.click()
    window.backend.wait_idle()
    wait(window, features)
    assert panel.targets_heading.text() == "Targets (none)"
    assert "no default targets" in panel.targets_label.text()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_publishing_dialogs_are_named_and_translated(qtbot, desk, mastodon, make_window,
                                                     languages, lang):
    from PySide6.QtWidgets import QWidget

    from .test_i18n_a11y import is_interactive, qt_internal, ts_messages

    post_id, _servers = mastodon
    window, features = publisher_window(qtbot, make_window, desk)
    dialog = preflight(qtbot, window, features)
    with publish_service(desk.alice, channels=ChannelFactory()) as service:
        missed = service.schedule(post_id, datetime.now(UTC) + timedelta(hours=1))
    asking = MissedScheduleDialog(missed, window)
    languages.set_language(lang)
    settle(window)
    english = {source for _, source, translation in ts_messages()
               if translation.text != source and len(source) > 3}
    for root in (dialog, asking):
        for widget in root.findChildren(QWidget):
            if is_interactive(widget) and not qt_internal(widget):
                assert widget.accessibleName().strip(), (type(widget).__name__,
                                                         widget.objectName())
            texts = [getattr(widget, "text", lambda: "")(), widget.accessibleName()]
            if lang == "fr":
                assert not [t for t in texts if isinstance(t, str) and t in english], texts
    if lang == "fr":
        assert dialog.publish_button.text() == "&Publier maintenant…"
        assert asking.leave_button.text() == "&Laisser planifiée"
    asking.deleteLater()
