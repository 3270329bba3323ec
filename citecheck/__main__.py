"""``python -m citecheck``."""

import sys

from citecheck.launcher import main

sys.exit(main())
