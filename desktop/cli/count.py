"""`tandem count`: a text's length on X, Mastodon and Bluesky, against each limit.

Counts follow ``desktop.core.counting`` (the networks' own rules). The exit
status is 0 when every network would take the text, 1 when one would not
(too long, too many bytes, or a character it refuses), 2 when the text itself
is refused (``desktop.core.text``).
"""

from __future__ import annotations

import argparse

from desktop.core.counting import X_URL_WEIGHT, Count, MastodonLimits, Network, count_all
from desktop.core.model import LANG_NAMES, Lang
from desktop.core.text import check

from .context import CliContext, CommandGroups, read_text_arg

NETWORK_NAMES = {Network.X: "X", Network.MASTODON: "Mastodon", Network.BLUESKY: "Bluesky"}


def register(sub: CommandGroups) -> None:
    count = sub.add_parser(
        "count", parents=[sub.common],
        help="length of a text on each network, against its limit",
        description="Count TEXT the way X, Mastodon and Bluesky do, and show each "
                    "limit. Exit status 1 if any network would refuse it.")
    count.add_argument("text", metavar="TEXT",
                       help="the post text, counted exactly as given ('-' reads standard "
                            "input, a final newline included)")
    count.add_argument("--lang", required=True, choices=[lang.value for lang in Lang],
                       help="language of the text")
    defaults = MastodonLimits()
    count.add_argument("--mastodon-limit", type=_positive, default=defaults.max_characters,
                       metavar="N", help="the instance's max_characters "
                                         f"(default {defaults.max_characters})")
    count.add_argument("--mastodon-url-weight", type=_not_negative,
                       default=defaults.characters_reserved_per_url, metavar="N",
                       help="the instance's characters_reserved_per_url "
                            f"(default {defaults.characters_reserved_per_url})")
    count.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    text = check(read_text_arg(args.text), what="Text")
    counts = count_all(text, MastodonLimits(args.mastodon_limit, args.mastodon_url_weight))
    lang = Lang(args.lang)
    data = {"lang": lang.value, "ok": all(c.ok for c in counts),
            "counts": [_count_json(c) for c in counts]}
    lines = [f"{LANG_NAMES[lang]} ({lang.value})"] + [_count_line(c) for c in counts]
    ctx.out(data, "\n".join(lines))
    return 0 if data["ok"] else 1


def _count_json(count: Count) -> dict:
    return {"network": count.network.value, "used": count.used, "limit": count.limit,
            "remaining": count.remaining, "unit": count.unit.value, "over": count.over,
            "ok": count.ok, "detail": dict(count.detail), "problems": list(count.problems)}


def _count_line(count: Count) -> str:
    status = "over" if count.over else "ok" if count.ok else "refused"
    room = f"{count.remaining} left" if count.remaining >= 0 else f"{-count.remaining} too many"
    line = (f"  {NETWORK_NAMES[count.network]:<9} {count.used:>6} / {count.limit:<6} "
            f"{status:<8} {room}  ({_explain(count)})")
    return "\n".join([line] + [f"    {problem}" for problem in count.problems])


def _explain(count: Count) -> str:
    """The unit, then whatever makes the number differ from a plain character count."""
    detail = count.detail
    if count.network is Network.X:
        notes = [_plural(detail["links"], "link") + f" at {X_URL_WEIGHT}",
                 _plural(detail["emoji"], "emoji", "emoji") + " at 2",
                 _plural(detail["double_weight"], "other character") + " at 2"]
        counted = [detail["links"], detail["emoji"], detail["double_weight"]]
    elif count.network is Network.MASTODON:
        notes = [_plural(detail["links"], "link") + f" at {detail['url_weight']}",
                 _plural(detail["remote_mentions"], "remote mention") + " as @user"]
        counted = [detail["links"], detail["remote_mentions"]]
    else:
        notes, counted = [f"{detail['utf8_bytes']} of {detail['utf8_byte_limit']} bytes"], [1]
    return "; ".join([count.unit.value] + [note for note, n in zip(notes, counted, strict=True) if n])


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _positive(value: str) -> int:
    number = _not_negative(value)
    if number == 0:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _not_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return number
