"""The composition layer: opens a session and wires core, translation and publishing together.

Everything above (`desktop.ui`, `desktop.cli`) starts here; everything below
(`desktop.core`, `translation`, `desktop.publishing`) never imports it.
"""
