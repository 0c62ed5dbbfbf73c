"""Allow ``python -m fzgap``."""

from fzgap.cli import entry

entry()
