"""The toolkit's XSLT 3.0 stylesheets, shipped inside the installed package as `tools.xslt`.

The folder stays at the repository's top level (xslt/common, xslt/html, xslt/print); pyproject.toml maps it
into the wheel, and `tools.core.resources` finds it through importlib.resources, in a wheel as in an editable
install. This file only makes the folder a package for that purpose.
"""
