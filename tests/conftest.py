import os

import pytest
from hypothesis import settings

from paths import SEED

# Property tests draw the same examples on every run, so the suite never flakes; set
# MTCLEAN_HYPOTHESIS=explore to search with fresh random examples (and keep what fails
# in the local example database) when hunting for new bugs.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("MTCLEAN_HYPOTHESIS") == "explore"
                      else "repeatable")


@pytest.fixture
def seed_path():
    return SEED
