"""One Saxon (SaxonC-HE, XSLT 3.0) processor per process, each stylesheet compiled once.

saxonche reports runtime errors on the native stderr (fd 2), not in the exception, so `transform` captures
fd 2 around the call and puts Saxon's own text (error code, stylesheet line) into the ToolError. Paths are
always made absolute: the processor's cwd is fixed when it is created. Source documents reach Saxon only as
text parsed and checked by `xmlsafe`, never as a path (Saxon's parser would load DTDs and expand entities).
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from tools.core.errors import EXIT_INVALID, EXIT_USAGE, ToolError
from tools.core.params import check_params, declared_params  # noqa: F401  (where the builders have found them)

_processor = None

# SaxonC parses with the JDK's parser, whose secure-processing limits it sets low: 100 levels of nesting,
# 200 attributes (namespace declarations included) per element, names of 1,000 characters. Documents reach
# Saxon only after the safe parser (tools.core.xmlsafe: no DTD, no entities; libxml2's own limits of 256
# levels and 10 MB per text node) and the validator have accepted them, so Saxon's limits are lifted: a
# document the safe parser accepted is never refused by the XSLT processor.
_PARSER_LIMITS = ("jdk.xml.maxElementDepth", "jdk.xml.elementAttributeLimit", "jdk.xml.maxXMLNameLimit")


def processor():
    global _processor
    if _processor is None:
        from saxonche import PySaxonProcessor

        proc = PySaxonProcessor(license=False)
        for limit in _PARSER_LIMITS:
            proc.set_configuration_property(f"http://saxon.sf.net/feature/parserProperty?uri={limit}", "0")
        _processor = proc
    return _processor


@contextmanager
def _captured_stderr():
    """Capture native fd 2 into a temp file; yield a callable that returns what was written."""
    saved = os.dup(2)
    with tempfile.TemporaryFile() as tmp:
        os.dup2(tmp.fileno(), 2)
        try:
            yield lambda: (tmp.seek(0), tmp.read().decode("utf-8", "replace"))[1]
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def compile_stylesheet(path: str):
    """Compile an XSLT 3.0 stylesheet once per process (keyed by its real path, however the caller spells it)."""
    return _compile(str(Path(path).resolve()))


@lru_cache(maxsize=None)
def _compile(path: str):
    xslt = processor().new_xslt30_processor()
    with _captured_stderr() as err:
        try:
            exe = xslt.compile_stylesheet(stylesheet_file=path)
        except Exception as exc:  # PySaxonApiError: message carries "on line L column C of FILE"
            raise ToolError(f"{path}: error: cannot compile stylesheet: {exc} {err().strip()}".strip(), EXIT_INVALID)
    if exe is None:
        raise ToolError(f"{path}: error: cannot compile stylesheet: {err().strip()}", EXIT_INVALID)
    return exe


def load_source(source):
    """A TEI document as a Saxon document: `source` is a loaded `tools.core.document.Document` (or a path, read
    and parsed here). The tree was parsed and checked by `xmlsafe` (which refuses DTDs and entities, whatever
    the encoding) and is handed over as text without a DOCTYPE, so Saxon's own parser has nothing to fetch or
    expand. Parse once, transform as often as needed."""
    from lxml import etree

    from tools.core.document import Document, load

    doc = source if isinstance(source, Document) else load(source)
    text = etree.tostring(doc.root, encoding="unicode")
    with _captured_stderr() as err:
        try:
            node = processor().parse_xml(xml_text=text)
        except Exception as exc:  # PySaxonApiError; with the limits lifted, not expected for a parsed document
            node, why = None, f"{exc} {err()}"
        else:
            why = err()
    if node is None:
        # Saxon's line numbers are those of the serialized tree, not of the file: the message names none
        detail = " ".join(why.split())[:300]
        raise ToolError(f"{doc.shown}: error: the XSLT processor cannot read this document ({detail}); the safe "
                        "parser accepted it: please report it with the document", EXIT_INVALID)
    return node


def parse_text(xml_text: str):
    """A Saxon document from XML text the toolkit made or checked itself (never a user's file as such)."""
    return processor().parse_xml(xml_text=xml_text)


def transform_to_string(stylesheet: Path, source, params: dict[str, str] | None = None,
                        base_output: Path | None = None, *, node=None, nodes: dict | None = None) -> str:
    """Run `stylesheet` on the TEI document `source` (a Document or a path; or on `node`, its `load_source`
    result, when the caller already has it); return the principal result as a string.

    `nodes`: parameters whose values are Saxon documents (e.g. the project's shared registers, parsed by
    `parse_text`), set beside the string `params`.
    Saxon never sees the file itself, only what `load_source` gives it, even with --force. Secondary results
    (xsl:result-document) are written relative to `base_output`.
    """
    proc = processor()
    if node is None:
        node = load_source(source)
    shown = getattr(source, "shown", source)
    exe = compile_stylesheet(stylesheet)
    exe.clear_parameters()  # the executable is reused across calls: no parameter may leak from the last one
    for name, value in (params or {}).items():
        exe.set_parameter(name, proc.make_string_value(str(value)))
    for name, value in (nodes or {}).items():
        exe.set_parameter(name, value)
    if base_output is not None:
        exe.set_base_output_uri(Path(base_output).resolve().as_uri() + "/")
    with _captured_stderr() as err:
        try:
            out, why = exe.transform_to_string(xdm_node=node), ""
        except Exception as exc:
            out, why = None, f"{exc} {err().strip()}".strip()
        if out is None and not why:
            why = err().strip()
    if out is None:
        env = _environment(why)
        if env and base_output is not None:  # writing a page failed: the disk, not the document
            raise ToolError(f"{base_output}: error: cannot write the output: {env}", EXIT_USAGE)
        raise ToolError(f"{shown}: error: transformation by {Path(stylesheet).name} failed: {why}", EXIT_INVALID)
    return out


# what the JDK's messages say when the disk or the folder is at fault (Saxon keeps only the message)
_ENVIRONMENT_MESSAGES = {
    "No space left on device": "the disk is full: free some space and run again",
    "Disk quota exceeded": "the disk quota is exceeded: free some space and run again",
    "Read-only file system": "the file system is read-only: choose a writable place",
    "Permission denied": "permission denied: choose a folder you may write to",
}


def _environment(message: str) -> str | None:
    for text, cause in _ENVIRONMENT_MESSAGES.items():
        if text in message:
            return cause
    return None
