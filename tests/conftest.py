import pytest

from paths import SEED


@pytest.fixture
def seed_path():
    return SEED
