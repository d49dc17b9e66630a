"""Tools for a TEI critical edition: validation, fidelity checks, builds and editorial assistants.

The package is a library first; `tools.cli` is a thin click layer over it.
"""
__version__ = "0.1.0"
