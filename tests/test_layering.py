"""The package's rooms: the core never imports a language pack or a target; every command is documented."""
from __future__ import annotations

import re
import subprocess
import sys

from click.testing import CliRunner

from conftest import ROOT
from tools.cli import cli


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return {m for m in out.split() if m.startswith("tools")}


def test_core_imports_no_language_pack_and_no_target():
    mods = _modules_after("import tools.core.validate, tools.core.check, tools.core.saxon, tools.core.scaffold, "
                          "tools.core.project, tools.core.outputs, tools.core.document, tools.core.packs")
    assert not {m for m in mods if m.startswith(("tools.lang", "tools.targets"))}, mods


def test_targets_import_no_language_pack():
    mods = _modules_after("import tools.targets.html")
    assert not {m for m in mods if m.startswith("tools.lang")}, mods


def test_language_pack_commands_come_through_the_entry_point():
    result = CliRunner().invoke(cli, ["suggest", "--help"])
    assert result.exit_code == 0 and "ocr" in result.output
    result = CliRunner().invoke(cli, ["tag", "--help"])
    assert result.exit_code == 0 and "dates" in result.output


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, (*prefix, name))
        else:
            yield (*prefix, name), cmd


def test_every_command_has_help_and_is_in_the_readme():
    CliRunner().invoke(cli, ["suggest", "--help"])  # the packs' commands are added when the CLI runs
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path, cmd in _commands(cli):
        result = CliRunner().invoke(cli, [*path, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output, path
        assert (cmd.help or "").strip(), path
        assert re.search(r"tools (--project \S+ )?" + re.escape(" ".join(path)) + r"\b", readme), path
