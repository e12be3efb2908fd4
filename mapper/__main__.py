"""Allow ``python -m mapper``."""

import sys

from mapper._cli import main

sys.exit(main())
