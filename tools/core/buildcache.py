"""What a build keeps between runs so that it does again only what changed: content-addressed entries.

    cache = BuildCache(Path("build/.tools-cache/html"))
    with cache.locked():                          # one build at a time on a cache (tools serve and tools build)
        key = digest(toolkit_digest(), project_bytes, params, document_bytes)
        if cache.has(key): ...                    # its files are reused: linked into the new output
        staging = cache.staging()                 # a fresh folder to write an entry into
        cache.commit(staging, key)                # renamed into place whole (a crash leaves no half entry)
        link_tree(cache.path(key) / "site", tmp)  # hard links (copies across file systems)
        cache.keep(used_keys)                     # forget every other entry

An entry is a folder named by the hash of everything its files were made from (the document's bytes, the
toolkit's stylesheets and assets, the project file, the parameters …): a changed input gives another key,
so an entry is never updated in place, and files linked from it into an output are never written again.
The cache sits beside the output (`OUTDIR/.tools-cache/`), which `tools build` owns; deleting it only costs
the next build its speed.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import marshal
import os
import shutil
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from tools.core import resources


def digest(*parts) -> str:
    """A hex SHA-256 of the parts (bytes as they are; anything else through its JSON form, keys sorted)."""
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else json.dumps(part, sort_keys=True, ensure_ascii=False,
                                                                 default=str).encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


def data_digest(value) -> str:
    """A hex SHA-256 of plain data (dicts, lists, strings, numbers: what the contributions are made of), by
    its marshal form: ten times faster than JSON on the large structures of a corpus, and as deterministic
    (dicts in insertion order, which the builders keep deterministic)."""
    return hashlib.sha256(marshal.dumps(value)).hexdigest()


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "-"


@lru_cache(maxsize=None)
def toolkit_digest() -> str:
    """A hash of what the toolkit makes its outputs with: every file of the stylesheets' folder (XSLT,
    assets, labels, rules), the Python modules of the core and the builders (which validate, transform
    and write) and the bundled language packs (their data decide the search keys, the other script's text and
    the hyphenation). Conservative: any change of the toolkit rebuilds everything once. Computed once per
    process."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for root in (resources.xslt(), package / "core", package / "targets", package / "lang"):
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(str(path.relative_to(root)).encode() + b"\0")
                h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


class BuildCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._staged: list[Path] = []

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def has(self, key: str) -> bool:
        return (self.path(key) / "meta.json").is_file()

    def meta(self, key: str) -> dict | None:
        try:
            return json.loads((self.path(key) / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def staging(self) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        made = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.folder))
        self._staged.append(made)
        return made

    def discard_staging(self) -> None:
        """Remove the staging folders of this run that were not committed (a build that failed)."""
        for made in self._staged:
            if made.exists():
                shutil.rmtree(made, ignore_errors=True)
        self._staged.clear()

    def commit(self, staging: Path, key: str, meta: dict) -> Path:
        """Make `staging` the entry `key` (with its meta.json written last); an entry already there wins."""
        (staging / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        final = self.path(key)
        final.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.replace(staging, final)
        except OSError:  # the same entry made meanwhile (a non-empty folder is not replaced): keep that one
            shutil.rmtree(staging, ignore_errors=True)
        return final

    # single files, by the hash of their bytes (the pages of the corpus, the search shards): one flat folder,
    # since every folder a build makes or removes costs a file system more than the files in it
    def blob(self, data: bytes) -> str:
        name = hashlib.sha256(data).hexdigest()
        path = self.folder / "blobs" / name
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{name}.{os.getpid()}")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        return name

    def blob_path(self, name: str) -> Path:
        return self.folder / "blobs" / name

    def has_blob(self, name: str) -> bool:
        return (self.folder / "blobs" / name).is_file()

    def index(self, name: str) -> dict:
        """A small JSON index kept in the cache (e.g. unit key -> {file: blob}); {} when absent or unreadable."""
        try:
            return json.loads((self.folder / f"{name}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def save_index(self, name: str, value: dict) -> None:
        path = self.folder / f"{name}.json"
        tmp = path.with_name(f".{name}.json.{os.getpid()}")
        tmp.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)

    def keep(self, keys, blobs=()) -> None:
        """Remove every entry but `keys`, every blob but `blobs` (and staging folders left by a killed build)."""
        keys, blobs = set(keys), set(blobs)
        if not self.folder.is_dir():
            return
        for sub in self.folder.iterdir():
            if sub.name.startswith(".staging-"):
                shutil.rmtree(sub, ignore_errors=True)
            elif sub.name == "blobs":
                for entry in os.scandir(sub):
                    if entry.name not in blobs:
                        os.unlink(entry.path)
            elif sub.is_dir() and len(sub.name) == 2:
                for entry in sub.iterdir():
                    if entry.name not in keys:
                        shutil.rmtree(entry, ignore_errors=True)

    @contextmanager
    def locked(self):
        """Hold the cache's lock (a second build on the same output waits for the first)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / ".lock", "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)


def link_all(files: dict[str, str], target: Path) -> None:
    """Hard-link each source file (a path) to target/relative path (copies where links cannot be made),
    making each folder once."""
    made: set[str] = set()
    root = str(target)
    for rel, source in sorted(files.items()):
        folder = os.path.dirname(rel)
        if folder and folder not in made:
            os.makedirs(os.path.join(root, folder), exist_ok=True)
            made.add(folder)
        dest = os.path.join(root, rel)
        try:
            os.link(source, dest)
        except OSError:
            link_file(Path(source), Path(dest))


def link_tree(source: Path, target: Path) -> int:
    """Hard-link every file under `source` to the same place under `target` (copy where links cannot be
    made); return how many files."""
    n = 0
    for dirpath, _dirs, files in os.walk(source):
        rel = os.path.relpath(dirpath, source)
        dest = target if rel == "." else target / rel
        dest.mkdir(parents=True, exist_ok=True)
        for name in files:
            link_file(Path(dirpath) / name, dest / name)
            n += 1
    return n


def link_file(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except FileExistsError:
        os.unlink(target)
        link_file(source, target)
    except OSError:
        shutil.copyfile(source, target)
