"""The toolkit's schemas, shipped inside the installed package as `tools.schema`.

vendor/tei_all.rng is the official TEI P5 all-schema (the fallback that judges any TEI document); the
Kazakh edition's own customization lives here too, beside it. pyproject.toml maps the folder into the
wheel; `tools.core.resources` finds it through importlib.resources. This file only makes the folder a
package for that purpose.
"""
