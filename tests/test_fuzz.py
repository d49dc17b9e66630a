"""Seeded fuzzing of every command on mutated documents (issue 14).

Each case takes one of the test documents (the fixtures, and the edition in the long run), mutates it in one or
two ways chosen by its seed — elements and attributes deleted, duplicated, renamed or unwrapped, attribute
values and text replaced by hostile payloads, entities and DTDs injected, encodings changed, deep nesting,
crowds of attributes or namespace declarations, long texts, truncation, random bytes — and runs one command
on it through the CLI as a user would: validate, check, build html, build pdf, suggest ocr, tag dates, tag
names (with and without --apply and --force). Whatever the input, it must hold that
- the exit code is 0, 1 or 2 (3 is a bug of ours) and no traceback is printed;
- nothing is written outside the output folder (`--apply`: only the file and its .bak), and a secret file that
  a DTD points to never leaks;
- no command exits 0 on a document that is not well-formed; a build without --force exits 0 only when
  `validate` does; `--apply` writes only a document that still validates, with the previous one in .bak.

    pytest tests/test_fuzz.py                               # the default run: FUZZ_CASES=300, a few seconds
    FUZZ_CASES=5000 pytest -m "" tests/test_fuzz.py         # more cases (and the edition, and more PDFs)
    FUZZ_SEED=7 FUZZ_CASES=1000 pytest tests/test_fuzz.py   # another sequence
A failing case is named by its number: `pytest 'tests/test_fuzz.py::test_fuzz[123]'` replays it.
"""
from __future__ import annotations

import os
import random
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import EDITION, FIXTURES, ROOT

CASES = int(os.environ.get("FUZZ_CASES", "300"))
SEED = int(os.environ.get("FUZZ_SEED", "20261207"))
LONG = CASES > 1000  # the long run adds the edition itself and builds more PDFs
SECRET = "FUZZ-SECRET-MUST-NOT-LEAK"
TEI = "http://www.tei-c.org/ns/1.0"

_SCHEMA_URI = (ROOT / "schema").as_uri() + "/"
BASES = [FIXTURES / "valid" / "minimal.xml", FIXTURES / "mini-edition.xml", *sorted((FIXTURES / "foreign").glob("*.xml")),
         FIXTURES / "invalid" / "dangling-pointer.xml", FIXTURES / "invalid" / "from-after-to.xml"]
if LONG:
    BASES.append(EDITION)

PAYLOADS = [
    "", " ", "#", "#nowhere", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
    '"><script>alert(1)</script>', "'; alert(1); //", '";alert(1)//', "</script><script>alert(1)</script>",
    "{{7*7}}", "${7*7}", "#set text(fill: red)", "#eval(\"1\")", "]", "[", "\\", "*_`$@<", "\u202eevil\u202c",
    "\u200b", "\U0001f600", "a\u0301\u0301\u0301", "1921-13-45", "0000-00-00", "-99999", "9" * 40,
    "x" * 5000, "../../../../etc/passwd", "file:///etc/passwd", "http://127.0.0.1/", "%00", "&amp;", "&lt;",
    "қазақ", "Ленин", "\t\n", "NaN", "true", "null",
]
NAMES = ["p", "div", "hi", "note", "choice", "sic", "corr", "date", "persName", "placeName", "ref", "ptr",
         "app", "rdg", "lem", "lg", "l", "sp", "list", "item", "table", "row", "cell", "head", "text", "body",
         "TEI", "teiHeader", "script", "zzz", "html:div"]
ATTRS = ["xml:id", "ref", "reff", "target", "when", "from", "to", "notBefore", "notAfter", "cert", "resp", "type",
         "n", "rend", "xml:lang", "wit", "corresp", "url", "facs", "onclick", "href", "style"]


# ---------------------------------------------------------------- mutations

def _elements(root):
    return [e for e in root.iter() if isinstance(e.tag, str)]


def _tree_mutation(data: bytes, rnd: random.Random) -> bytes:
    """Parse, change the tree in one way, serialize (only for well-formed documents)."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    els = _elements(root)
    el = rnd.choice(els[1:] or els)
    parent = el.getparent()
    kind = rnd.randrange(13)
    if kind == 0 and parent is not None:                       # delete an element with its content
        tail = el.tail
        parent.remove(el)
        if tail:
            parent.text = (parent.text or "") + tail
    elif kind == 1 and parent is not None:                     # unwrap it (keep its content)
        i = parent.index(el)
        for k, child in enumerate(list(el)):
            parent.insert(i + 1 + k, child)
        parent.remove(el)
    elif kind == 2 and parent is not None:                     # duplicate it (ids twice)
        parent.insert(parent.index(el), etree.fromstring(etree.tostring(el)))
    elif kind == 3:                                            # rename it
        name = rnd.choice(NAMES)
        el.tag = f"{{http://www.w3.org/1999/xhtml}}{name[5:]}" if name.startswith("html:") else f"{{{TEI}}}{name}"
    elif kind == 4 and el.attrib:                              # delete an attribute
        del el.attrib[rnd.choice(list(el.attrib))]
    elif kind == 5 and el.attrib:                              # rename an attribute
        old = rnd.choice(list(el.attrib))
        value = el.attrib.pop(old)
        el.set(_attr(rnd.choice(ATTRS)), value)
    elif kind == 6:                                            # set an attribute to a payload
        el.set(_attr(rnd.choice(ATTRS)), rnd.choice(PAYLOADS))
    elif kind == 7:                                            # a payload as text
        target = rnd.choice(els)
        target.text = rnd.choice(PAYLOADS) + (target.text or "")
    elif kind == 8:                                            # deep nesting
        depth = rnd.choice([50, 120, 250, 300] if LONG else [50, 120, 250])
        inner = "<hi>" * depth + "deep" + "</hi>" * depth
        el.append(etree.fromstring(f'<wrap xmlns="{TEI}">{inner}</wrap>')[0])
    elif kind == 9:                                            # a crowd of attributes or namespace declarations
        n = rnd.choice([150, 250, 1000])
        if rnd.random() < 0.5:
            for k in range(n):
                el.set(f"a{k}", "1")
        else:
            nsmap = {f"p{k}": f"urn:fuzz:{k}" for k in range(n)}
            clone = etree.Element(el.tag, nsmap={**(el.nsmap or {}), **nsmap})
            clone.attrib.update(el.attrib)
            clone.text, clone.tail = el.text, el.tail
            clone.extend(list(el))
            if parent is not None:
                parent.replace(el, clone)
            else:
                root = clone
    elif kind == 10:                                           # a long text
        el.text = (el.text or "") + "сөз " * rnd.choice([1000, 20000])
    elif kind == 11 and parent is not None:                    # move it elsewhere
        other = rnd.choice(els)
        if el not in other.iterancestors() and other is not el:
            parent.remove(el)
            other.append(el)
    elif kind == 12:                                           # an xml-model that cannot be had, or a stylesheet PI
        pi = rnd.choice(['xml-model href="http://example.org/x.rng" schematypens="http://relaxng.org/ns/structure/1.0"',
                         'xml-model href="/etc/passwd" schematypens="http://relaxng.org/ns/structure/1.0"',
                         'xml-model href="missing.sch" schematypens="http://purl.oclc.org/dsdl/schematron"',
                         'xml-stylesheet href="evil.xsl" type="text/xsl"'])
        root.addprevious(etree.ProcessingInstruction(*pi.split(" ", 1)))
    return etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True)


def _attr(name: str) -> str:
    return "{http://www.w3.org/XML/1998/namespace}" + name[4:] if name.startswith("xml:") else name


def _byte_mutation(data: bytes, rnd: random.Random, secret: Path) -> bytes:
    kind = rnd.randrange(12)
    if kind == 0:                                              # truncated
        return data[:rnd.randrange(len(data) + 1)]
    if kind == 1:                                              # random bytes flipped or inserted
        b = bytearray(data)
        for _ in range(rnd.randint(1, 8)):
            k = rnd.randrange(len(b) + 1)
            if rnd.random() < 0.5 and k < len(b):
                b[k] = rnd.randrange(256)
            else:
                b[k:k] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 4)))
        return bytes(b)
    if kind == 2:                                              # entities: external, bombs, undeclared
        evil = rnd.choice([f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{secret.as_uri()}">]>',
                           '<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
                           f'<!DOCTYPE TEI SYSTEM "{secret.with_suffix(".dtd").as_uri()}">',
                           '<!DOCTYPE TEI>'])
        text = data.decode("utf-8", "replace")
        text = re.sub(r"(<TEI[\s>])", evil.replace("\\", "\\\\") + r"\n\1", text, count=1)
        return text.replace("</p>", rnd.choice(["&x;", "&b;", "&nbsp;", "&#0;", "&#x110000;", "&#xD800;"]) + "</p>", 1).encode()
    if kind == 3:                                              # another encoding, said or not
        text = data.decode("utf-8", "replace")
        choice = rnd.randrange(5)
        if choice == 0:
            return text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
        if choice == 1:
            return text.encode("utf-16-le")
        if choice == 2:
            return text.encode("cp1251", "replace")
        if choice == 3:
            return text.replace('encoding="UTF-8"', 'encoding="windows-1251"').encode("cp1251", "replace")
        return b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")
    if kind == 4:                                              # CDATA, comments, PIs in odd places
        frag = rnd.choice(["<![CDATA[<script>alert(1)</script>]]>", "<!-- -- -->", "<?php echo 1; ?>", "]]>",
                           "<!---->", "<?xml version='1.0'?>"])
        k = data.find(b"</p>")
        return data[:k] + frag.encode() + data[k:] if k >= 0 else data + frag.encode()
    if kind == 5:                                              # a duplicated attribute, by hand
        return re.sub(rb"<p( |>)", rb'<p n="1" n="2"\1', data, count=1)
    if kind == 6:                                              # nothing, whitespace, or not XML
        return rnd.choice([b"", b"   \n", b"\x00\x01\x02", b"%PDF-1.7\n", b"just text\n", b"\xff\xfe"])
    if kind == 7:                                              # control characters in text
        return data.replace(b"</p>", b"\x0b\x1b</p>", 1)
    if kind == 8:                                              # the document twice
        return data + data
    if kind == 9:                                              # an unclosed or misnested element
        return data.replace(b"</p>", b"</hi></p>", 1) if rnd.random() < 0.5 else data.replace(b"</p>", b"", 1)
    if kind == 10:                                             # a huge attribute value
        return data.replace(b"<p", b'<p rend="' + b"x" * rnd.choice([10_000, 200_000]) + b'"', 1)
    return data.replace(b"<TEI ", b'<TEI xmlns:xi="http://www.w3.org/2001/XInclude" ', 1).replace(
        b"</body>", f'<xi:include href="{secret.as_uri()}" parse="text"/></body>'.encode(), 1)


def mutate(data: bytes, rnd: random.Random, secret: Path) -> tuple[bytes, list[str]]:
    done = []
    for _ in range(rnd.choice([1, 1, 2])):
        if rnd.random() < 0.6:
            try:
                data = _tree_mutation(data, rnd)
                done.append("tree")
                continue
            except (etree.XMLSyntaxError, ValueError, TypeError):
                pass  # the document is no longer well-formed: only bytes from here
        data = _byte_mutation(data, rnd, secret)
        done.append("bytes")
    return data, done


# ---------------------------------------------------------------- oracles

def well_formed(data: bytes) -> bool:
    """An independent check (plain lxml, entities not loaded): could this be a document at all?"""
    try:
        # (collect_ids=False: an xml:id that is not a name breaks the xml:id rules, not well-formedness; --force
        # repairs it for a build)
        etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                               collect_ids=False))
        return True
    except (etree.XMLSyntaxError, ValueError):
        return False


def _snapshot(folder: Path, skip: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under `folder` but `skip`: a file by its size and time, a folder by its name only
    (its time changes when a file is added, and the file shows that)."""
    out = {}
    for p in folder.rglob("*"):
        if skip in p.parents or p == skip:
            continue
        st = p.lstat()
        out[p.relative_to(folder).as_posix()] = (0, 0) if p.is_dir() and not p.is_symlink() else (
            st.st_size, st.st_mtime_ns)
    return out


def _run(args, cwd: Path):
    from tools.cli import cli

    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=True)
    finally:
        os.chdir(old)
    return result


def _check_run(result, args):
    text = (result.stdout or "") + (result.stderr or "")
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, text[-2000:])
    assert "Traceback" not in text and "internal error" not in text, (args, text[-2000:])
    assert SECRET not in text, args


# ---------------------------------------------------------------- the cases

def _command(rnd: random.Random, case: int) -> list[str]:
    r = rnd.random()
    if r < 0.30:
        return ["validate"]
    if r < 0.45:
        return ["check"]
    if r < 0.55:
        return ["suggest", "ocr"] + (["--apply"] if rnd.random() < 0.5 else [])
    if r < 0.61:
        return ["tag", "dates"] + (["--apply"] if rnd.random() < 0.5 else [])
    if r < 0.66:
        return ["tag", "names", "--registers", EDITION] + (["--apply"] if rnd.random() < 0.5 else [])
    pdf_share = 0.05 if LONG else 0.01
    target = "pdf" if r > 1 - pdf_share else "html"
    return ["build", target] + (["--force"] if rnd.random() < (0.3 if target == "html" else 0.1) else [])


@pytest.mark.parametrize("case", range(CASES))
def test_fuzz(case, tmp_path):
    rnd = random.Random(SEED * 100_003 + case)
    base = rnd.choice(BASES)
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    secret.with_suffix(".dtd").write_text(f'<!ENTITY x SYSTEM "{secret.as_uri()}">')
    src = tmp_path / "src"
    src.mkdir()
    original = base.read_bytes().replace(b"../../../schema/", _SCHEMA_URI.encode()).replace(
        b"../../schema/", _SCHEMA_URI.encode()).replace(b"../schema/", _SCHEMA_URI.encode())
    data, how = mutate(original, rnd, secret)
    doc = src / "doc.xml"
    doc.write_bytes(data)
    out = tmp_path / "out"
    command = _command(rnd, case)
    args = [*command, doc] + (["-o", out] if command[0] == "build" else [])  # PATH last: --registers takes one
    before = _snapshot(tmp_path, out)

    result = _run(args, tmp_path)
    _check_run(result, (case, base.name, how, args))
    formed = well_formed(data)
    apply = "--apply" in command

    # nothing written outside -o (with --apply: the file itself and its backup)
    after = _snapshot(tmp_path, out)
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    allowed = {"src/doc.xml", "src/doc.xml.bak"} if apply else set()
    assert changed <= allowed, (case, args, changed)
    for f in out.rglob("*") if out.exists() else []:
        if f.is_file():
            assert SECRET.encode() not in f.read_bytes(), (case, f)

    if command[0] == "build":
        if result.exit_code == 0:
            assert formed, (case, how, "a build accepted a document that is not well-formed")
            if "--force" not in command:
                verdict = _run(["validate", doc], tmp_path)
                assert verdict.exit_code == 0, (case, how, "built without --force, but validate says", verdict.stdout)
        else:
            assert not (out / command[1]).exists() or not list((out / command[1]).iterdir()), case
    elif command[0] in ("validate", "check"):
        if result.exit_code == 0:
            assert formed, (case, how, f"{command[0]} exit 0 on a document that is not well-formed")
    elif apply:
        if result.exit_code == 0 and doc.read_bytes() != data:
            assert (src / "doc.xml.bak").read_bytes() == data, case
            assert _run(["validate", doc], tmp_path).exit_code == 0, (case, "--apply wrote an invalid document")
        elif result.exit_code != 0:
            assert doc.read_bytes() == data and not (src / "doc.xml.bak").exists(), case
    if result.exit_code == 0 and data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and command[0] != "build":
        assert formed, (case, how, f"{command} exit 0 on markup that is not well-formed")


# ---------------------------------------------------------------- what the fuzzer found, kept as regressions

@pytest.mark.parametrize("command", [["validate"], ["check"], ["build", "html"], ["tag", "dates"]])
def test_a_utf16_mark_on_bytes_that_are_not_utf16(tmp_path, command):
    """FUZZ_SEED=11 case 2573: a UTF-16 byte-order mark before a truncated UTF-16 text was an internal error."""
    (tmp_path / "src").mkdir()
    doc = tmp_path / "src" / "doc.xml"
    doc.write_bytes(b"\xff\xfe<\x00a\x00>")
    args = [*command, doc] + (["-o", tmp_path / "out"] if command[0] == "build" else [])
    result = _run(args, tmp_path)
    _check_run(result, args)
    if command[0] == "tag":  # the assistants read UTF-8 text only: any other encoding is a usage error
        assert result.exit_code == 2 and "UTF-8" in result.stderr
    else:
        assert result.exit_code == 1 and "byte-order mark" in result.stdout + result.stderr
