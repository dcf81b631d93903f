"""The Qt-free preview: facets, parts, overflow, link cards, images with alt badges."""

from __future__ import annotations

from desktop.core.threads import join
from desktop.publishing.preview import preview, to_html

IMAGE = {"sha256": "ab" * 32, "width": 1200, "height": 800, "alt": "A chart <of> wait times"}


def kinds(part):
    return [(s.kind, s.text) for s in part.segments]


def test_facets_are_marked():
    text = "Read https://canada.ca/flu now #FluSeason @gc.bsky.social"
    view = preview("bluesky", "en", text)
    [part] = view.parts
    assert ("link", "https://canada.ca/flu") in kinds(part)
    assert ("tag", "#FluSeason") in kinds(part)
    assert ("mention", "@gc.bsky.social") in kinds(part)
    assert "".join(s.text for s in part.segments) == text
    assert part.link_card == "https://canada.ca/flu" and view.problems == ()


def test_over_the_limit_is_shown_as_overflow_where_the_network_stops():
    text = "é" * 290 + " " + "more words here"
    view = preview("bluesky", "fr", text)
    [part] = view.parts
    overflow = [s for s in part.segments if s.kind == "overflow"]
    assert overflow and overflow[0].text == text[300:]
    assert any("too long for Bluesky" in p for p in view.problems)


def test_thread_parts_in_order_with_images_on_the_first_and_no_card_then():
    text = join(["One https://canada.ca 1/2", "Two https://example.org https://canada.ca/x 2/2"])
    for network, card in (("mastodon", "https://example.org"), ("x", "https://canada.ca/x")):
        view = preview(network, "en", text, [IMAGE])
        assert [p.number for p in view.parts] == [1, 2] and view.parts[0].total == 2
        assert view.parts[0].images[0].has_alt and view.parts[1].images == ()
        assert view.parts[0].link_card is None          # images win over the card
        assert view.parts[1].link_card == card


def test_missing_alt_is_a_problem_and_html_is_escaped():
    view = preview("x", "en", "Hi", [IMAGE, {**IMAGE, "alt": ""}])
    assert "An image has no alt text." in view.problems
    rendered = to_html(view, alt_label="TXT", no_alt_label="sans texte")
    assert "A chart &lt;of&gt; wait times" in rendered and "<of>" not in rendered
    assert "TXT" in rendered and "sans texte" in rendered
