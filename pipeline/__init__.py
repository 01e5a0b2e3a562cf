"""mtclean: turn machine-translated Chinese press releases into clean bilingual news items.

The library API in a few names::

    from pipeline import clean_text, clean_file, restore_sources
    item = clean_text(open("page.txt").read(), "page")
    item.to_dict()            # the JSON record
    restore_sources(item)     # the decoded input, rebuilt from the record
"""
from .restore import restore_sources
from .runner import Config, clean_file, clean_text

__version__ = "0.1.0"
__all__ = ["Config", "clean_file", "clean_text", "restore_sources", "__version__"]
