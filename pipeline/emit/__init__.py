"""Emitters: turn cleaned items into output formats."""
