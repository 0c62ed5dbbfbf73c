"""Allow ``python -m fzgap``."""

from fzgap.cli import main

raise SystemExit(main())
