"""The publish service's rules on a real store, with an in-memory network (fake_network.py)
scripted to fail: preflight, half pairs, retries and backoff, retract, bilingual accounts,
scheduling and resuming. The real networks' answers are in test_service_http.py (Mastodon,
X and the webhook, with respx) and test_publish_pds.py (Bluesky, a real PDS)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.app.publishing import publish_service
from desktop.cli.hints import cli_text
from desktop.cli.publish_text import plan_text, resume_text, status_text
from desktop.core.audit import verify_chain
from desktop.core.errors import PermissionDenied, TandemError, TransitionError
from desktop.core.model import Lang, PostState
from desktop.publishing.channel import (
    AuthExpired,
    AuthInvalid,
    BadResponse,
    Conflict,
    RateLimited,
    Rejected,
    Transient,
)
from desktop.publishing.outbox import EntryState
from desktop.publishing.service import (
    COMBINED_SEPARATOR,
    PreflightFailed,
    PublishService,
    RetryPolicy,
)

from .fake_network import FakeClock, FakeFactory, FakeWorld
from .publish_desk import PublishDesk

EN = "Flu shots are free at every pharmacy from November 1. https://canada.ca/flu"
FR = "Le vaccin antigrippal est gratuit en pharmacie dès le 1er novembre. https://canada.ca/grippe"
RETRY = RetryPolicy(attempts=3, base_delay=1.0, max_wait=30.0)


@pytest.fixture
def world() -> FakeWorld:
    return FakeWorld(clock=FakeClock())


@pytest.fixture
def desk(tmp_path):
    desk = PublishDesk(tmp_path / "publish.sqlite3")
    yield desk
    desk.close()


def service(desk: PublishDesk, world: FakeWorld, session=None, **options) -> PublishService:
    return publish_service(session or desk.alice, channels=FakeFactory(world),
                          retry=options.pop("retry", RETRY), clock=world.clock.now,
                          sleep=world.clock.sleep, **options)


def account(desk: PublishDesk, name: str, lang: str, channel: str = "bluesky", *,
            order: str | None = None, combine: bool = False) -> None:
    """An account row (the fake network needs no secret, so none goes to the keyring)."""
    desk.alice.store.add_account({
        "name": name, "channel": channel, "lang": lang, "service_url": "https://net.example",
        "handle": f"{name}.example", "lang_order": (order or "en-first") if lang == "both" else None,
        "combine_when_fits": int(combine), "secret_service": "Tandem",
        "secret_key": f"{channel}:{name}", "source": "user", "created_by": "alice"})


@pytest.fixture
def post(desk) -> int:
    """An approved post targeting a Bluesky English/French pair."""
    account(desk, "bsky-en", "en")
    account(desk, "bsky-fr", "fr")
    post_id = desk.approved(EN, FR)
    desk.targets(post_id, "bsky-en", "bsky-fr")
    return post_id


def publishing_actions(desk, post_id) -> list[str]:
    return [e.action for e in desk.alice.store.audit_entries(post_id)
            if e.action.startswith("publish.")]


# -- preflight ----------------------------------------------------------------------------
def test_preflight_lists_every_reason_and_records_nothing(desk, world):
    account(desk, "x-en", "en", "x")
    account(desk, "x-fr", "fr", "x")
    account(desk, "bsky-en", "en")
    post_id = desk.alice.posts.create(en="Short English.", fr="F" * 300, title="t").post.id
    desk.signed(post_id)  # in approval: not approved yet
    desk.targets(post_id, "x-en", "x-fr")
    world.auth_errors["x-en"] = AuthInvalid("X answered 401: Unauthorized", network="x")
    with service(desk, world) as publisher:
        with pytest.raises(PreflightFailed) as caught:
            publisher.publish(post_id)
        problems = caught.value.problems
    assert any("is in approval: only approved posts are published" in p for p in problems)
    assert any("approval chain is not complete (waiting for Approval)" in p for p in problems)
    assert "nothing was sent" in str(caught.value)
    assert desk.alice.store.publications(post_id) == []
    assert publishing_actions(desk, post_id) == []
    assert world.posts == []


def test_preflight_checks_credentials_and_each_networks_limit(desk, world):
    account(desk, "x-en", "en", "x")
    account(desk, "x-fr", "fr", "x")
    account(desk, "bsky-en", "en")
    account(desk, "bsky-fr", "fr")
    post_id = desk.approved("Short English.", "É" * 290 + " #fin")  # fits Bluesky, not X
    desk.targets(post_id, "x-en", "x-fr", "bsky-en", "bsky-fr")
    world.auth_errors["bsky-en"] = AuthInvalid("Bluesky refused the app password", network="bluesky")
    with service(desk, world) as publisher:
        plan = publisher.preflight(post_id)
    assert not plan.ok
    assert plan.problems == (
        "bsky-en (Bluesky): Bluesky refused the app password",
        "x-fr (X): the French text is too long (295/280 weighted characters)",
    )
    assert world.posts == [] and desk.alice.store.publications(post_id) == []


def test_targets_must_cover_both_languages(desk, world):
    account(desk, "bsky-en", "en")
    post_id = desk.approved(EN, FR)
    desk.alice.store.set_post_targets(post_id, [1])  # bypassing the account service's check
    with service(desk, world) as publisher:
        plan = publisher.preflight(post_id)
    assert any("bsky-en posts English only and no French Bluesky accounts" in p
               for p in plan.problems)


def test_a_text_altered_under_its_hash_is_refused(desk, world, post):
    store = desk.alice.store
    store._execute("DROP TRIGGER versions_no_update")
    store._execute("UPDATE versions SET text = 'Free beer!' WHERE lang = 'en'")
    with service(desk, world) as publisher:
        plan = publisher.preflight(post)
    assert any("no longer matches the sha256 it was signed off with" in p for p in plan.problems)
    assert world.posts == []


def test_dry_run_shows_what_would_be_sent_in_order_and_records_nothing(desk, world, post):
    before = len(desk.alice.store.audit_entries())
    with service(desk, world) as publisher:
        plan = publisher.preflight(post)
    assert plan.ok
    assert [(p.account.name, p.lang, p.text) for p in plan.posts] == [
        ("bsky-en", "en", EN), ("bsky-fr", "fr", FR)]
    assert plan.signed_in_as == {"bsky-en": "@bsky-en.example", "bsky-fr": "@bsky-fr.example"}
    assert "1. English to bsky-en (Bluesky, as @bsky-en.example)" in plan_text(plan)
    assert len(desk.alice.store.audit_entries()) == before and world.posts == []


def test_only_a_publisher_may_publish(desk, world, post):
    with service(desk, world, session=desk.bob) as publisher:
        with pytest.raises(PermissionDenied, match="publisher"):
            publisher.publish(post)
        assert "bob does not hold the publisher role" in publisher.preflight(post).problems[0]
    assert "denied.publish" in [e.action for e in desk.alice.store.audit_entries(post)]
    assert world.posts == []


# -- the pair -------------------------------------------------------------------------------
def test_publishes_the_pair_back_to_back_and_records_it(desk, world, post):
    with service(desk, world) as publisher:
        status = publisher.publish(post)
    assert status.state is PostState.PUBLISHED
    assert [(p.account, p.text, p.langs) for p in world.posts] == [
        ("bsky-en", EN, ("en",)), ("bsky-fr", FR, ("fr",))]
    entries = status.publication.entries
    assert [e.state for e in entries] == [EntryState.CONFIRMED] * 2
    assert all(e.remote_id and e.remote_url and e.sent_at and e.posted_at for e in entries)
    assert status.publication.gaps() == {"bluesky": 0.0}  # the fake clock does not move
    assert publishing_actions(desk, post) == [
        "publish.intent", "publish.sent", "publish.sent", "publish.confirmed",
        "publish.confirmed", "publish.settled"]
    assert [c.to_state for c in desk.alice.workflow.history(post)][-2:] == [
        PostState.PUBLISHING, PostState.PUBLISHED]
    assert not verify_chain(desk.alice.store.audit_entries())
    record = desk.alice.records.collect(post)["posts"][0]["publications"]
    assert [(r["account"], r["lang"], r["state"], r["url"]) for r in record] == [
        (e.account_name, e.lang, "confirmed", e.remote_url) for e in entries]
    assert record[1]["gap_seconds"] == 0.0


def test_publishing_twice_is_refused(desk, world, post):
    with service(desk, world) as publisher:
        publisher.publish(post)
        with pytest.raises(TransitionError, match="already published") as caught:
            publisher.publish(post)
    assert caught.value.message.code == "publish.already_published"
    assert len(world.posts) == 2


def test_a_post_another_process_is_publishing_is_refused_as_busy(desk, world, post):
    """On SQLite there are no claims: a second window that clicks Publish after the first
    one moved the post on meets a refusal (someone else acted first), not a preflight
    problem list."""
    desk.alice.store.set_post_state(post, PostState.PUBLISHING)
    with service(desk, world) as publisher, pytest.raises(TransitionError) as caught:
        publisher.publish(post)
    assert caught.value.message.code == "publish.busy"
    assert world.posts == []


def test_a_refused_first_language_sends_nothing(desk, world, post):
    world.publish_script["bsky-en"] = [("before", Rejected("Bluesky answered 400: bad", network="bluesky"))]
    with service(desk, world) as publisher:
        status = publisher.publish(post)
    assert status.state is PostState.APPROVED and world.posts == []
    en, fr = status.publication.entries
    assert (en.state, en.last_error) == (EntryState.FAILED, "Bluesky answered 400: bad")
    assert fr.state is EntryState.FAILED and fr.attempts == 0
    assert fr.last_error.startswith("Not sent: the English on bsky-en failed first")
    assert ("bsky-fr", "publish") not in world.calls


# -- half pairs, retries and backoff -----------------------------------------------------------
def test_a_half_pair_is_flagged_and_a_retry_completes_it_without_a_duplicate(desk, world, post):
    world.publish_script["bsky-fr"] = [
        ("before", Rejected("Bluesky answered 413: too large", network="bluesky"))]
    with service(desk, world) as publisher:
        half = publisher.publish(post)
        assert half.state is PostState.HALF_PUBLISHED
        assert half.alone == {"bluesky": Lang.EN}
        assert half.actions == ("retry", "retract en")
        assert "English is out alone on Bluesky" in status_text(half)
        assert "`tandem publish retry" in status_text(half)
        done = publisher.retry(post)
    assert done.state is PostState.PUBLISHED
    assert world.texts("bsky-en") == [EN] and world.texts("bsky-fr") == [FR]
    assert [e.state for e in done.publication.entries] == [EntryState.CONFIRMED] * 2
    assert "publish.retry" in publishing_actions(desk, post)


def test_rate_limits_are_waited_out_until_their_reset(desk, world, post):
    reset = world.clock.now() + timedelta(seconds=7)
    world.publish_script["bsky-fr"] = [
        ("before", RateLimited("Bluesky answered 429", network="bluesky", retry_at=reset))]
    with service(desk, world) as publisher:
        status = publisher.publish(post)
    assert status.state is PostState.PUBLISHED
    assert world.clock.sleeps == [7.0]
    assert world.texts("bsky-fr") == [FR]


def test_a_rate_limit_lifting_later_than_max_wait_fails_for_now(desk, world, post):
    reset = world.clock.now() + timedelta(hours=3)
    world.publish_script["bsky-fr"] = [
        ("before", RateLimited("X answered 429", network="x", retry_at=reset))]
    with service(desk, world) as publisher:
        status = publisher.publish(post)
    assert status.state is PostState.HALF_PUBLISHED and world.clock.sleeps == []
    fr = status.publication.entries[1]
    assert "the limit lifts at" in fr.last_error and fr.attempts == 1


def test_a_timeout_after_the_server_posted_is_found_not_repeated(desk, world, post):
    world.publish_script["bsky-fr"] = [
        ("after", Transient("Bluesky did not answer in time (ReadTimeout).", network="bluesky"))]
    with service(desk, world) as publisher:
        status = publisher.publish(post)
    assert status.state is PostState.PUBLISHED
    assert world.texts("bsky-fr") == [FR]  # exactly once
    assert world.calls.count(("bsky-fr", "publish")) == 1
    assert world.calls.count(("bsky-fr", "find")) == 1
    assert world.clock.sleeps == [1.0]
    sent = [e for e in desk.alice.store.audit_entries(post) if e.action == "publish.sent"]
    assert [e.details["found"] for e in sent] == [False, True]


def test_server_errors_are_retried_with_backoff_then_the_pair_is_half(desk, world, post):
    error = Transient("Bluesky answered 503: Service Unavailable", network="bluesky")
    world.publish_script["bsky-fr"] = [("before", error)] * 3
    with service(desk, world) as publisher:
        status = publisher.publish(post)
    assert world.clock.sleeps == [1.0, 2.0]
    # find before each repeat and once more at the end: a 503 may have posted.
    assert world.calls.count(("bsky-fr", "publish")) == 3
    assert world.calls.count(("bsky-fr", "find")) == 3
    assert status.state is PostState.HALF_PUBLISHED
    assert status.publication.entries[1].last_error == str(error)


def test_a_garbled_answer_is_reconciled_with_find(desk, world, post):
    world.publish_script["bsky-en"] = [
        ("after", BadResponse("Bluesky's answer lacks uri.", network="bluesky"))]
    with service(desk, world) as publisher:
        status = publisher.publish(post)
    assert status.state is PostState.PUBLISHED and world.texts("bsky-en") == [EN]


def test_an_expired_token_is_refreshed_once_then_fails_with_what_to_do(desk, world, post):
    expired = AuthExpired("X answered 401: Unauthorized (the access token has expired or was "
                          "revoked)", network="x")
    world.publish_script["bsky-fr"] = [("before", expired), ("before", expired)]
    with service(desk, world) as publisher:
        status = publisher.publish(post)
    assert world.clock.sleeps == [0.0]  # refreshed at once, not backed off
    fr = status.publication.entries[1]
    assert fr.state is EntryState.FAILED and fr.attempts == 2
    assert "tandem accounts secret bsky-fr" in cli_text(fr.last_error)  # the CLI names the fix
    assert fr.last_error.code == "delivery.credentials" and "tandem" not in fr.last_error
    world.publish_script["bsky-fr"] = [("before", expired)]
    with service(desk, world) as publisher:
        assert publisher.retry(post).state is PostState.PUBLISHED  # one refresh is enough


def test_x_duplicate_answers_are_checked_with_find(desk, world, post):
    world.publish_script["bsky-fr"] = [
        ("after", Conflict("X answered 403: duplicate content", network="x", code="duplicate"))]
    with service(desk, world) as publisher:
        assert publisher.publish(post).state is PostState.PUBLISHED
    assert world.texts("bsky-fr") == [FR]


def test_an_unknown_fate_keeps_the_post_publishing_until_resume_can_tell(desk, world, post):
    down = Transient("Could not reach Bluesky: connection refused", network="bluesky")
    world.publish_script["bsky-en"] = [("after", down)]
    world.find_script["bsky-en"] = [down] * 3
    with service(desk, world) as publisher:
        status = publisher.publish(post)
        assert status.state is PostState.PUBLISHING
        assert status.actions == ("resume",)
        assert [e.state for e in status.publication.entries] == [EntryState.PENDING] * 2
        assert "Unknown whether it went out" in status.publication.entries[0].last_error
        assert ("bsky-fr", "publish") not in world.calls  # nothing more until it is known
        report = publisher.resume_all()
    assert [s.post_id for s in report.finished] == [post]
    assert report.finished[0].state is PostState.PUBLISHED
    assert world.texts("bsky-en") == [EN] and world.texts("bsky-fr") == [FR]


def test_a_publication_being_sent_is_left_alone_by_other_runs(desk, world, post):
    seen = []

    def meanwhile(account: str) -> None:
        if account == "bsky-en":  # another window, mid-publish
            with service(desk, world) as other:
                seen.append(other.resume_all())
                with pytest.raises(TransitionError, match="being published by another Tandem"):
                    other.publish(post)
                with pytest.raises(TandemError, match="being published by another Tandem"):
                    other.retry(post)

    world.on_publish = meanwhile
    with service(desk, world) as publisher:
        assert publisher.publish(post).state is PostState.PUBLISHED
    assert seen[0].busy == [post] and not seen[0].finished
    assert world.texts("bsky-en") == [EN] and world.texts("bsky-fr") == [FR]


# -- retract ----------------------------------------------------------------------------------
def test_retracting_the_lone_language_leaves_nothing_alone(desk, world, post):
    world.publish_script["bsky-fr"] = [("before", Rejected("no", network="bluesky"))]
    with service(desk, world) as publisher:
        publisher.publish(post)
        with pytest.raises(TandemError, match="French of post .* is not out alone anywhere "
                                              r"\(out alone: English on Bluesky\)"):
            publisher.retract(post, "fr")
        status = publisher.retract(post, "en")
        assert status.state is PostState.APPROVED and world.posts == []
        assert [e.state for e in status.publication.entries] == [EntryState.RETRACTED] * 2
        assert status.publication.state.value == "retracted"
        again = publisher.publish(post)  # a fresh publication, fresh keys
    assert again.state is PostState.PUBLISHED and again.earlier == 1
    assert world.texts("bsky-en") == [EN] and world.texts("bsky-fr") == [FR]
    actions = publishing_actions(desk, post)
    assert "publish.retracted" in actions and "publish.withdrawn" in actions


def test_retract_keeps_the_channels_where_both_languages_are_out(desk, world, post):
    account(desk, "masto", "both", "mastodon", order="fr-first")
    desk.targets(post, "bsky-en", "bsky-fr", "masto")
    world.publish_script["masto"] = [(None, None), ("before", Rejected("no", network="mastodon"))]
    with service(desk, world) as publisher:
        half = publisher.publish(post)
        assert half.alone == {"mastodon": Lang.FR}
        done = publisher.retract(post, "fr")
    assert done.state is PostState.PUBLISHED
    assert world.texts("masto") == [] and len(world.texts("bsky-en")) == 1
    assert done.publication.state.value == "published"


def test_only_a_half_published_post_can_be_retried_or_retracted(desk, world, post):
    with service(desk, world) as publisher:
        with pytest.raises(TransitionError, match="is approved: only a post published in one"):
            publisher.retry(post)
        with pytest.raises(TransitionError, match="has a language to retract"):
            publisher.retract(post, "en")


# -- bilingual accounts and several channels ---------------------------------------------------
def test_a_bilingual_account_posts_twice_in_its_order(desk, world):
    account(desk, "masto", "both", "mastodon", order="fr-first")
    post_id = desk.approved(EN, FR)
    desk.targets(post_id, "masto")
    with service(desk, world) as publisher:
        assert publisher.publish(post_id).state is PostState.PUBLISHED
    assert [(p.text, p.langs) for p in world.posts] == [(FR, ("fr",)), (EN, ("en",))]


def test_a_bilingual_account_combines_both_when_they_fit(desk, world):
    account(desk, "masto", "both", "mastodon", order="fr-first", combine=True)
    post_id = desk.approved(EN, FR)
    desk.targets(post_id, "masto")
    with service(desk, world) as publisher:
        status = publisher.publish(post_id)
    assert [(p.text, p.langs) for p in world.posts] == [(FR + COMBINED_SEPARATOR + EN, ("fr", "en"))]
    (entry,) = status.publication.entries
    assert entry.lang == "both" and entry.en_version_id and entry.fr_version_id


def test_combining_falls_back_to_two_posts_when_it_does_not_fit(desk, world):
    account(desk, "x-both", "both", "x", combine=True)
    en, fr = EN + " Bring your health card." * 4, FR + " Apportez votre carte santé." * 4
    post_id = desk.approved(en, fr)  # each fits X's 280, together they do not
    desk.targets(post_id, "x-both")
    with service(desk, world) as publisher:
        publisher.publish(post_id)
    assert [p.text for p in world.posts] == [en, fr]


def test_channels_go_one_after_the_other_with_a_gap_each(desk, world, post):
    account(desk, "masto-en", "en", "mastodon")
    account(desk, "masto-fr", "fr", "mastodon")
    desk.targets(post, "masto-fr", "bsky-fr", "masto-en", "bsky-en")
    with service(desk, world) as publisher:
        status = publisher.publish(post)
    assert [p.account for p in world.posts] == ["bsky-en", "bsky-fr", "masto-en", "masto-fr"]
    assert set(status.publication.gaps()) == {"bluesky", "mastodon"}


# -- scheduling -------------------------------------------------------------------------------
def test_a_scheduled_post_goes_out_when_due_and_not_before(desk, world, post):
    clock = world.clock
    with service(desk, world) as publisher:
        item = publisher.schedule(post, clock.now() + timedelta(hours=2))
        assert desk.alice.store.get_post(post).state is PostState.SCHEDULED
        assert publisher.due() == [] and publisher.publish_due() == []
        clock.time += timedelta(hours=2, seconds=30)
        assert [d.post_id for d in publisher.due()] == [post] and publisher.missed() == []
        (result,) = publisher.publish_due()
    assert result.error is None and result.status.state is PostState.PUBLISHED
    assert len(world.posts) == 2
    assert item.given_as.endswith("+00:00")
    assert "publish.schedule" in publishing_actions(desk, post)


def test_a_time_missed_while_closed_is_asked_about_not_posted(desk, world, post):
    clock = world.clock
    with service(desk, world) as publisher:
        publisher.schedule(post, clock.now() + timedelta(minutes=10))
        clock.time += timedelta(hours=5)
        assert [m.post_id for m in publisher.missed()] == [post]
        assert publisher.due() == [] and publisher.publish_due() == []
        assert [m.post_id for m in publisher.resume_all().missed] == [post]
        assert world.posts == []
        assert publisher.publish(post).state is PostState.PUBLISHED  # the user said yes
        assert publisher.missed() == []


def test_scheduling_needs_a_future_time_and_can_be_moved_or_cancelled(desk, world, post):
    clock = world.clock
    with service(desk, world) as publisher:
        with pytest.raises(TandemError, match="not in the future"):
            publisher.schedule(post, clock.now() - timedelta(minutes=1))
        publisher.schedule(post, clock.now() + timedelta(hours=1))
        moved = publisher.schedule(post, clock.now() + timedelta(hours=3))
        assert [s.schedule_id for s in publisher.scheduled()] == [moved.schedule_id]
        status = publisher.unschedule(post)
    assert status.state is PostState.APPROVED and status.schedule is None


def test_a_due_post_failing_its_preflight_is_unscheduled_with_the_reasons(desk, world, post):
    clock = world.clock
    with service(desk, world) as publisher:
        publisher.schedule(post, clock.now() + timedelta(minutes=1))
        world.auth_errors["bsky-fr"] = AuthInvalid("revoked", network="bluesky")
        clock.time += timedelta(minutes=2)
        (result,) = publisher.publish_due()
        assert result.status is None and "bsky-fr (Bluesky): revoked" in result.error
        assert desk.alice.store.get_post(post).state is PostState.APPROVED
        assert publisher.publish_due() == []
    failed = [e for e in desk.alice.store.audit_entries(post)
              if e.action == "publish.schedule_failed"]
    assert failed[0].details["problems"] == ["bsky-fr (Bluesky): revoked"]


def test_an_edit_while_scheduled_drops_the_schedule(desk, world, post):
    with service(desk, world) as publisher:
        publisher.schedule(post, world.clock.now() + timedelta(minutes=5))
        desk.alice.posts.edit(post, Lang.EN, EN + " Updated.")
        world.clock.time += timedelta(minutes=6)
        assert publisher.due() == [] and publisher.publish_due() == []
    assert world.posts == []


# -- resume -------------------------------------------------------------------------------------
def test_resume_does_not_post_late_what_never_went_out(desk, world, post):
    world.publish_script["bsky-en"] = [("before", KeyboardInterrupt())]
    with service(desk, world) as publisher, pytest.raises(KeyboardInterrupt):  # the process dies mid-publish
        publisher.publish(post)
    world.clock.time += timedelta(hours=1)
    with service(desk, world) as publisher:
        report = publisher.resume_all()
    assert [s.post_id for s in report.not_published] == [post] and report.attention
    assert desk.alice.store.get_post(post).state is PostState.APPROVED
    assert world.posts == [] and world.calls.count(("bsky-en", "find")) == 1
    assert "Not posted late" in report.not_published[0].publication.entries[1].last_error


def test_resume_reports_every_half_published_post(desk, world, post):
    world.publish_script["bsky-fr"] = [("before", Rejected("no", network="bluesky"))]
    with service(desk, world) as publisher:
        publisher.publish(post)
        report = publisher.resume_all()
    assert [s.post_id for s in report.half_published] == [post]
    assert "Published in one language only" in resume_text(report)
