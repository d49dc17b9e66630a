"""`python -m tools` runs the same CLI as the `tools` console script."""
from tools.cli import main

main()
