"""Channel clients for publishing accounts, their secrets read from the OS keyring.

`ChannelFactory.open(account)` gives a Bluesky, Mastodon or X client (or a
`Handoff` for a webhook account) whose secret provider reads the keyring at
each request; no secret is kept here. Every factory in the process shares one
`bluesky.SessionCache` (``PROCESS_SESSIONS``) because Bluesky rate-limits
``createSession`` tightly, and each factory shares one HTTP connection pool
among the clients it opens.
"""

from __future__ import annotations

import json

import httpx

from desktop.core.model import Lang

from .accounts import PublishingAccount
from .bluesky import Bluesky, SessionCache
from .channel import DEFAULT_TIMEOUT, Channel, Closeable, Outgoing, RemoteAccount, RemotePost, utc_now
from .credentials import Credentials
from .mastodon import Mastodon
from .webhook import ApprovedPair, HandoffWebhook
from .x import X

#: The Bluesky sessions of this process (one ``createSession`` per account).
PROCESS_SESSIONS = SessionCache()


class Handoff(Closeable):
    """A hand-off webhook driven like a channel by the publish service.

    The entry's text is the JSON document `handoff_text` builds (both
    languages, their sign-offs, the idempotency key). Receivers drop repeats
    by ``Idempotency-Key``, so sending again *is* the reconciliation: ``find``
    always answers None. A hand-off cannot be retracted by Tandem.
    """

    network = "webhook"
    name = "Hand-off webhook"

    def __init__(self, webhook: HandoffWebhook, account: PublishingAccount,
                 credentials: Credentials) -> None:
        self._webhook = webhook
        self._account = account
        self._credentials = credentials

    def close(self) -> None:
        self._webhook.close()

    def check_auth(self) -> RemoteAccount:
        """The receiver has no sign-in to try: check that the signing key is in the keyring."""
        self._credentials.get(self._account)
        return RemoteAccount(self._webhook.base_url, self._account.handle)

    def publish(self, post: Outgoing) -> RemotePost:
        document = json.loads(post.text)
        pair = ApprovedPair(post_id=document["post_id"], idempotency_key=post.idempotency_key,
                            texts={Lang(k): v["text"] for k, v in document["versions"].items()},
                            signoffs=document["signoffs"])
        receipt = self._webhook.send(pair)
        return RemotePost(remote_id=receipt.remote_id or post.idempotency_key,
                          url=self._webhook.base_url, posted_at=utc_now())

    def find(self, post: Outgoing) -> RemotePost | None:
        return None


def handoff_text(post_id: int, texts: dict[Lang, str], signoffs: dict) -> str:
    """The text of a hand-off entry: what `Handoff.publish` turns into an `ApprovedPair`."""
    return json.dumps({"post_id": post_id,
                       "versions": {lang.value: {"text": texts[lang]} for lang in Lang},
                       "signoffs": signoffs}, ensure_ascii=False, sort_keys=True)


class ChannelFactory(Closeable):
    """Opens the client of each account; ``close()`` releases the shared connections."""

    def __init__(self, credentials: Credentials | None = None, *,
                 sessions: SessionCache = PROCESS_SESSIONS, http: httpx.Client | None = None,
                 timeout: httpx.Timeout = DEFAULT_TIMEOUT) -> None:
        self.credentials = credentials if credentials is not None else Credentials()
        self.sessions = sessions
        self._owns_http = http is None
        self._http = http if http is not None else httpx.Client(timeout=timeout)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def open(self, account: PublishingAccount) -> Channel | Handoff:
        """The client for ``account`` (it reads the account's secret when it needs it)."""
        secret = self.credentials.provider(account)
        if account.channel == "bluesky":
            return Bluesky(account.handle, secret, service_url=account.service_url,
                           sessions=self.sessions, http=self._http)
        if account.channel == "mastodon":
            return Mastodon(account.service_url, secret, http=self._http)
        if account.channel == "x":
            return X(secret, api_url=account.service_url, http=self._http)
        return Handoff(HandoffWebhook(account.service_url, secret, http=self._http), account,
                       self.credentials)


class Clients:
    """The channel clients of one run, opened once per account and closed together."""

    def __init__(self, factory: ChannelFactory):
        self._factory = factory
        self._open: dict[int, Channel | Handoff] = {}

    def get(self, account: PublishingAccount) -> Channel | Handoff:
        if account.id not in self._open:
            self._open[account.id] = self._factory.open(account)
        return self._open[account.id]

    def close(self) -> None:
        for client in self._open.values():
            client.close()
        self._open.clear()
