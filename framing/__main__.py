"""``python -m framing``: the same command line as the ``framing`` script."""

from .cli import main

raise SystemExit(main())
