"""Tandem's domain: posts, versions, store, audit and the rules between them.

Nothing in this package imports Qt; the UI and the CLI call the same services.
"""
