"""Problems and errors as values.

A `Problem` is one located finding (path:line:col: severity: message). `ToolError` is raised by the
library for anything the CLI must report and exit on; it carries a problem list and an exit code, so
that one place (the CLI) decides how to print and how to exit.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    severity: str  # "error" | "warning"
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"

    def as_dict(self) -> dict:
        return asdict(self)


EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 3  # a bug of the tools, never a verdict on the document


@dataclass
class ToolError(Exception):
    """An error the user must see: a message (already located where possible) and an exit code."""

    message: str
    exit_code: int = EXIT_USAGE
    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return self.message
