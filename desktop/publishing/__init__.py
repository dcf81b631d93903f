"""Publishing: accounts and their secrets, the network channels (Bluesky, Mastodon, X)
and the hand-off webhook.

No Qt here: these modules run under the CLI, the UI and tests alike.
"""
