"""Allow ``python -m fzgap``."""

from fzgap.analyze.cli import main

raise SystemExit(main())
