import sys

from resalign.cli import main

sys.exit(main())
