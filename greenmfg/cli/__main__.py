import sys

from greenmfg.cli import main

sys.exit(main())
