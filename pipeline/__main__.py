"""``python -m pipeline`` runs the ``mtclean`` command."""
from .cli import main

main(prog_name="mtclean")
