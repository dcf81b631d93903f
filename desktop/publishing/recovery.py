"""After an interruption or a partial publication: resume, retry, retract.

`Recovery.resume_all` (the app calls it at start-up, in a worker; ``tandem
publish --resume``) reconciles every interrupted publication with the
networks and finishes its pairs. One that had nothing out and began more than
``late_after`` ago is not posted late: it is withdrawn and reported, and the
post is approved again. The report also lists half-published posts and missed
schedules, so none goes unnoticed. A half-published post is either retried
(what is missing is sent) or its lone language is retracted. A publication
whose post another process has claimed (`desktop.publishing.claims`) is left
to it (``busy``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from desktop.core.clock import parse_iso
from desktop.core.errors import TandemError, TransitionError
from desktop.core.messages import Message
from desktop.core.model import LANG_NAMES, Lang, PostState
from desktop.core.workflow import Event, WorkflowService, describe_state

from .accounts import CHANNEL_NAMES, AccountService
from .channel import Channel
from .claims import PostClaim
from .delivery import Delivery
from .factory import Clients
from .outbox import Entry, EntryState, Outbox, Publication, PublicationState
from .preflight import Planner
from .reports import PreflightFailed, PublishingStatus, ResumeReport, busy
from .schedule import Schedules
from .store import PublishingStore

#: An interrupted publication with nothing out, older than this, is not resumed silently.
DEFAULT_LATE_AFTER = timedelta(minutes=15)


class Recovery:
    """Finishes, retries or retracts publications that did not complete in one run."""

    def __init__(self, store: PublishingStore, outbox: Outbox, accounts: AccountService,
                 planner: Planner, delivery: Delivery, schedules: Schedules,
                 workflow: WorkflowService, clock: Callable[[], datetime],
                 late_after: timedelta, claim: PostClaim) -> None:
        self.store = store
        self.outbox = outbox
        self.accounts = accounts
        self.planner = planner
        self.delivery = delivery
        self.schedules = schedules
        self.workflow = workflow
        self.clock = clock
        self.late_after = late_after
        self.claim = claim

    def resume_all(self, clients: Clients) -> ResumeReport:
        """Finish every interrupted publication and report what needs the user.

        The app calls this at start-up in a worker thread (``tandem publish
        --resume`` from the command line). Publications another live process is
        driving (its post claimed, or its lease held) are left alone (``busy``).
        """
        report = ResumeReport()
        for publication in self.outbox.in_state(PublicationState.PUBLISHING):
            with self.claim(publication.post_id) as claimed:
                if not claimed:
                    report.busy.append(publication.post_id)
                    continue
                self._resume(self.outbox.publication(publication.id), clients, report)
        reported = {s.post_id for s in report.half_published}
        report.half_published += [self.schedules.status(post_id) for post_id in
                                  self.store.post_ids_in_state(PostState.HALF_PUBLISHED)
                                  if post_id not in reported]
        report.missed = self.schedules.missed()
        return report

    def _resume(self, publication: Publication, clients: Clients, report: ResumeReport) -> None:
        """Finish one interrupted publication (read again under its post's claim)."""
        if publication.state is not PublicationState.PUBLISHING:
            return  # another process finished it since the list was read
        now = self.clock()
        if not self.outbox.claim(publication, now):
            report.busy.append(publication.post_id)
            return
        late = (not any(e.out for e in publication.entries)
                and parse_iso(publication.started_at) < now - self.late_after)
        try:
            if late:
                self._withdraw_late(publication, clients)
            else:
                self.delivery.send_all(publication, clients)
            settled = self.delivery.settle(publication.id)
        except TandemError as exc:
            report.errors.append(f"post {publication.post_id}: {exc}")
            return
        finally:
            self.outbox.release(publication.id)
        status = self.schedules.status(publication.post_id)
        bucket = {PublicationState.PUBLISHING: report.unresolved,
                  PublicationState.HALF_PUBLISHED: report.half_published,
                  PublicationState.PUBLISHED: report.finished}.get(settled.state,
                                                                   report.not_published)
        bucket.append(status)

    def _withdraw_late(self, publication: Publication, clients: Clients) -> None:
        """Nothing of it is out and it is too old to post silently: make sure, then give up."""
        for entry in publication.entries:
            if entry.uncertain:
                self.delivery.reconcile(entry, clients, Message(
                    "delivery.interrupted_too_long",
                    "Not sent: publishing was interrupted too long ago."))
        publication = self.outbox.publication(publication.id)
        if any(e.out for e in publication.entries):
            self.delivery.send_all(publication, clients)  # one went out after all: finish the pair
            return
        for entry in publication.entries:
            if entry.state is EntryState.PENDING and not entry.uncertain \
                    or entry.state is EntryState.FAILED:
                self.outbox.withdraw(entry, Message(
                    "delivery.not_posted_late", "Not posted late: publishing was interrupted "
                    f"more than {self.late_after} ago.",
                    minutes=int(self.late_after.total_seconds() // 60)))

    def retry(self, post_id: int, clients: Clients) -> PublishingStatus:
        """Send what is missing of a half-published (or interrupted) post."""
        post = self.store.get_post(post_id)
        if post.state not in (PostState.HALF_PUBLISHED, PostState.PUBLISHING):
            raise TransitionError(f"Post {post_id} is {describe_state(post.state)}: only a post "
                                  "published in one language only (or whose publishing was "
                                  "interrupted) can be retried.", msg="publish.retry_state",
                                  post=post_id, state=post.state.value)
        publication = self.outbox.latest(post_id)
        assert publication is not None, "a half-published or publishing post has a publication"
        problems = self.planner.retry_problems(post_id, publication, clients)
        if problems:
            raise PreflightFailed(post_id, problems)
        if not self.outbox.claim(publication, self.clock()):
            raise busy(post_id, publication.lease_owner)
        try:
            with self.store.transaction():
                if post.state is PostState.HALF_PUBLISHED:
                    self.workflow.move(post_id, Event.PUBLISH, PostState.PUBLISHING,
                                       {"publication_id": publication.id, "retry": True})
                    self.store.set_publication_state(publication.id,
                                                     PublicationState.PUBLISHING.value,
                                                     finished=False)
                for entry in publication.entries:
                    if entry.state is EntryState.FAILED:
                        self.outbox.reopen(entry)
        except BaseException:
            self.outbox.release(publication.id)
            raise
        self.delivery.drive(self.outbox.publication(publication.id), clients)
        return self.schedules.status(post_id)

    def retract(self, post_id: int, lang: Lang, clients: Clients) -> PublishingStatus:
        """Delete ``lang`` where it is out alone (the other choice for a half pair).

        Posts of that channel not yet out are withdrawn. Once no language stands
        alone anywhere, whatever is still unsent is withdrawn too, and the post
        is ``published`` (where both languages are out) or ``approved`` again.
        """
        post = self.store.get_post(post_id)
        if post.state is not PostState.HALF_PUBLISHED:
            raise TransitionError(f"Post {post_id} is {describe_state(post.state)}: only a post "
                                  "published in one language only has a language to retract.",
                                  msg="publish.retract_state", post=post_id,
                                  state=post.state.value)
        publication = self.outbox.latest(post_id)
        assert publication is not None, "a half-published post has a publication"
        alone = publication.lone()
        channels = [c for c, out in alone.items() if out is lang]
        if not channels:
            where = "; ".join(f"{LANG_NAMES[out]} on {CHANNEL_NAMES[c]}"
                              for c, out in alone.items())
            raise TandemError(f"The {LANG_NAMES[lang]} of post {post_id} is not out alone "
                              f"anywhere (out alone: {where or 'nothing'}).",
                              msg="publish.not_alone", post=post_id, lang=lang.value)
        if not self.outbox.claim(publication, self.clock()):
            raise busy(post_id, publication.lease_owner)
        try:
            groups = publication.groups()
            for channel in channels:
                for entry in groups[channel]:
                    self._retract_entry(entry, lang, clients)
            publication = self.outbox.publication(publication.id)
            if not publication.lone():
                self._finish_retraction(publication)
        finally:
            self.outbox.release(publication.id)
        return self.schedules.status(post_id)

    def _retract_entry(self, entry: Entry, lang: Lang, clients: Clients) -> None:
        if entry.out:
            client = clients.get(self.accounts.get_by_id(entry.account_id))
            if not isinstance(client, Channel):
                raise TandemError(f"The {entry.describe()} is a hand-off: Tandem cannot retract "
                                  "it; ask the receiving system.", msg="publish.handoff_retract",
                                  lang=entry.lang, account=entry.account_name)
            assert entry.remote_id is not None, "a post that is out has its remote id"
            client.delete(entry.remote_id)
            self.outbox.retracted(entry)
        elif entry.state in (EntryState.FAILED, EntryState.PENDING):
            self.outbox.withdraw(entry, Message(
                "delivery.pair_retracted",
                f"Withdrawn: the {LANG_NAMES[lang]} post it pairs with was retracted.",
                lang=lang.value))

    def _finish_retraction(self, publication: Publication) -> None:
        for entry in publication.entries:
            if entry.state in (EntryState.FAILED, EntryState.PENDING):
                self.outbox.withdraw(entry, Message(
                    "delivery.lone_retracted", "Withdrawn when the lone language was retracted."))
        publication = self.outbox.publication(publication.id)
        outcome = publication.outcome()
        with self.store.transaction():
            self.outbox.settle(publication, outcome)
            self.workflow.move(
                publication.post_id, Event.RETRACT,
                PostState.PUBLISHED if outcome is PublicationState.PUBLISHED else PostState.APPROVED,
                {"publication_id": publication.id})
