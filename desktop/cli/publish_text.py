"""The English text `tandem publish` prints for the publish service's results.

The results (`desktop.publishing.reports`) carry data and action codes
(``retry``, ``retract en``, ``resume``); this module turns them into the
lines and the `tandem …` commands a person reads in a terminal.
"""

from __future__ import annotations

from desktop.core.model import LANG_NAMES as CORE_LANG_NAMES
from desktop.core.workflow import describe_state
from desktop.publishing.accounts import CHANNEL_NAMES
from desktop.publishing.reports import Plan, PublishingStatus, ResumeReport, ScheduledPost

from .hints import cli_text

#: A post's language: one of the two, or both in one combined or hand-off post.
LANG_NAMES: dict[str, str] = {**{lang.value: name for lang, name in CORE_LANG_NAMES.items()},
                              "both": "English and French"}


def plan_text(plan: Plan) -> str:
    """The dry run: every problem, or the posts in sending order with their counts."""
    lines = [f"Post {plan.post_id}: " + ("ready to publish; would send, in this order:"
                                         if plan.ok else "cannot be published:")]
    lines += [f"  - {cli_text(p)}" for p in plan.problems]
    for n, post in enumerate(plan.posts if plan.ok else (), 1):
        who = plan.signed_in_as.get(post.account.name, post.account.handle)
        used = f" ({post.count.used}/{post.count.limit} {post.count.unit.value})" \
            if post.count else ""
        lines.append(f"  {n}. {LANG_NAMES[post.lang]} to {post.account.name} "
                     f"({CHANNEL_NAMES[post.account.channel]}, as {who}){used}:")
        lines += [f"       {line}" for line in post.text.splitlines() or [""]]
    return "\n".join(lines)


def action_command(post_id: int, action: str) -> str:
    """The command for one of `PublishingStatus.actions`."""
    if action == "resume":
        return "`tandem publish --resume`"
    if action == "retry":
        return f"`tandem publish retry {post_id}`"
    return f"`tandem publish retract {post_id} --lang {action.split()[1]}`"


def status_text(status: PublishingStatus) -> str:
    """State, schedule, each entry of the latest publication, gaps, lone languages, next step."""
    lines = [f"Post {status.post_id} ({status.title}): {describe_state(status.state)}"]
    if status.schedule:
        lines[0] += (f", due {status.schedule.due_at.astimezone():%Y-%m-%d %H:%M %Z} "
                     f"(given as {status.schedule.given_as})")
    publication = status.publication
    if publication is not None:
        lines.append(f"  publication {publication.id} ({publication.state.value}), started "
                     f"by {publication.started_by} at {publication.started_at[:19]}Z")
        for e in publication.entries:
            where = f" {e.remote_url}" if e.remote_url and e.out else ""
            when = f" at {e.sent_at[:23]}Z" if e.sent_at and e.out else ""
            error = f" — {cli_text(e.last_error)}" if e.last_error and not e.out else ""
            lines.append(f"  {LANG_NAMES[e.lang]:<18} {e.account_name:<20} "
                         f"{e.state.value:<9}{when}{where}{error}")
        for channel, gap in publication.gaps().items():
            lines.append(f"  gap between the languages on {CHANNEL_NAMES[channel]}: "
                         f"{gap:.3f} s")
        for channel, lang in status.alone.items():
            lines.append(f"  {LANG_NAMES[lang.value]} is out alone on {CHANNEL_NAMES[channel]}")
    if status.actions:
        lines.append("  next: " + " or ".join(action_command(status.post_id, a)
                                              for a in status.actions))
    return "\n".join(lines)


def resume_text(report: ResumeReport) -> str:
    """What `resume_all` finished, and everything that needs the user."""
    lines = []
    for title, items in (("Finished after an interruption", report.finished),
                         ("Published in one language only", report.half_published),
                         ("Fate unknown (checked again on the next resume)", report.unresolved),
                         ("Not published: nothing went out and the post is approved again "
                          "(publish it again if still wanted)", report.not_published)):
        if items:
            lines.append(f"{title}:")
            lines += ["  " + line for s in items for line in status_text(s).splitlines()]
    lines += [f"Could not resume {error}" for error in report.errors]
    if report.busy:
        lines.append("Being published by another Tandem process: post(s) "
                     + ", ".join(map(str, report.busy)))
    if report.missed:
        lines.append("Scheduled times missed while Tandem was closed (publish them now or "
                     "reschedule):")
        lines += [f"  post {m.post_id} ({m.title}): due {m.due_at.astimezone():%Y-%m-%d %H:%M %Z}"
                  for m in report.missed]
    return "\n".join(lines) or "Nothing to resume: every publication is complete."


def scheduled_text(item: ScheduledPost) -> str:
    return (f"Post {item.post_id} is scheduled for {item.due_at.astimezone():%Y-%m-%d %H:%M %Z}"
            f" ({item.due_at:%H:%M} UTC). Tandem publishes it then if it is running; "
            "otherwise it asks when it next starts.")
