"""``python -m pipeline`` runs the ``mtclean`` command."""
from .launch import main

main()
