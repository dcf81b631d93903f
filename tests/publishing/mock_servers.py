"""Stateful stand-ins for a Mastodon instance and api.x.com on respx routes, for the
publish service's tests (test_service_http.py) and the CLI's (tests/cli/test_publish_cli.py)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from itertools import count

import httpx
import respx


class MastodonServer:
    """One instance's statuses API: remembers statuses (and Idempotency-Keys, for an hour as
    Mastodon does), deletes them, and answers each POST from a script of failures first."""

    def __init__(self, router: respx.Router, base: str, token: str):
        self.base = base
        self.token = token
        self.statuses: list[dict] = []
        self.keys: dict[str, dict] = {}
        self.script: list = []
        self.posts = router.post(f"{base}/api/v1/statuses").mock(side_effect=self._post)
        router.get(f"{base}/api/v1/accounts/verify_credentials").mock(side_effect=self._me)
        router.get(f"{base}/api/v2/instance").respond(json={"configuration": {"statuses": {
            "max_characters": 1000, "characters_reserved_per_url": 23}}})
        router.get(f"{base}/api/v1/accounts/1/statuses").mock(
            side_effect=lambda request: httpx.Response(200, json=self.statuses[::-1]))
        router.get(url__regex=rf"{base}/api/v1/statuses/\d+/source").mock(side_effect=self._source)
        self.deletes = router.delete(url__regex=rf"{base}/api/v1/statuses/\d+$").mock(
            side_effect=self._delete)

    def _authorised(self, request: httpx.Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {self.token}"

    def _me(self, request: httpx.Request) -> httpx.Response:
        if not self._authorised(request):
            return httpx.Response(401, json={"error": "The access token is invalid"})
        return httpx.Response(200, json={"id": "1", "username": "gc"})

    def _post(self, request: httpx.Request) -> httpx.Response:
        step = self.script.pop(0) if self.script else "ok"
        if isinstance(step, Exception):
            raise step
        if isinstance(step, httpx.Response):
            return step
        key = request.headers["Idempotency-Key"]
        if key not in self.keys:
            n = len(self.statuses) + 1
            self.keys[key] = {
                "id": str(n), "created_at": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
                "url": f"{self.base}/@gc/{n}", "uri": f"{self.base}/statuses/{n}",
                "text": json.loads(request.content)["status"]}
            self.statuses.append(self.keys[key])
        if step == "garbled":
            return httpx.Response(200, text="<html>Bad gateway cache page</html>")
        return httpx.Response(200, json=self.keys[key])

    def _delete(self, request: httpx.Request) -> httpx.Response:
        status_id = request.url.path.split("/")[-1]
        gone = [s for s in self.statuses if s["id"] == status_id]
        self.statuses = [s for s in self.statuses if s["id"] != status_id]
        return httpx.Response(200, json=gone[0]) if gone else httpx.Response(
            404, json={"error": "Record not found"})

    def _source(self, request: httpx.Request) -> httpx.Response:
        status_id = request.url.path.split("/")[-2]
        text = next(s["text"] for s in self.statuses if s["id"] == status_id)
        return httpx.Response(200, json={"id": status_id, "text": text})


class XServer:
    """api.x.com for two users told apart by their tokens; the timeline can lag."""

    def __init__(self, router: respx.Router, tokens: dict[str, str]):
        self.users = {f"Bearer {token}": str(n) for n, token in enumerate(tokens.values(), 1)}
        self.tweets: dict[str, list[dict]] = {uid: [] for uid in self.users.values()}
        self.script: list = []
        self.lagging = 0  # timeline reads that do not show the newest tweet yet
        self.ids = count(1000)
        router.get("https://api.x.com/2/users/me").mock(side_effect=self._me)
        self.posts = router.post("https://api.x.com/2/tweets").mock(side_effect=self._post)
        router.get(url__regex=r"https://api\.x\.com/2/users/\d+/tweets").mock(
            side_effect=self._timeline)

    def _me(self, request):
        uid = self.users.get(request.headers["Authorization"])
        if uid is None:
            return httpx.Response(401, json={"title": "Unauthorized", "status": 401})
        return httpx.Response(200, json={"data": {"id": uid, "username": f"gc{uid}"}})

    def _post(self, request):
        step = self.script.pop(0) if self.script else "ok"
        if isinstance(step, httpx.Response):
            return step
        uid = self.users[request.headers["Authorization"]]
        text = json.loads(request.content)["text"]
        if any(t["text"] == text for t in self.tweets[uid]):
            return httpx.Response(403, json={"detail": "You are not allowed to create a Tweet "
                                                       "with duplicate content."})
        tweet = {"id": str(next(self.ids)), "text": text,
                 "created_at": datetime.now(UTC).isoformat().replace("+00:00", "Z")}
        self.tweets[uid].append(tweet)
        if step == "timeout":
            raise httpx.ReadTimeout("timed out")
        return httpx.Response(201, json={"data": tweet})

    def _timeline(self, request):
        uid = request.url.path.split("/")[3]
        tweets = self.tweets[uid][::-1]
        if self.lagging:
            self.lagging -= 1
            tweets = tweets[1:]
        return httpx.Response(200, json={"data": tweets, "meta": {"result_count": len(tweets)}})
