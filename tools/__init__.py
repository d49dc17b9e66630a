"""Tools for a TEI critical edition: validation, fidelity checks, builds and editorial assistants.

The package is a library first; `tools.cli` is a thin click layer over it.
"""
import sys

__version__ = "0.1.0"

# lxml imports rnc2rng (our converter of compact-syntax schemas) as it loads, when it is installed: 0.1-0.2 s
# of building parser tables in every command, for a lxml feature we do not use. Hide it from that one import;
# tools.core.rnc imports it when a .rnc schema is met.
if "lxml.etree" not in sys.modules and "rnc2rng" not in sys.modules:
    sys.modules["rnc2rng"] = None  # type: ignore[assignment]  # `import rnc2rng` raises ImportError meanwhile
    try:
        import lxml.etree  # noqa: F401
    finally:
        if sys.modules.get("rnc2rng", 0) is None:
            del sys.modules["rnc2rng"]
