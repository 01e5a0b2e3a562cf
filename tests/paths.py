"""Paths shared by the tests."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "000_928918768c0ec3d6.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"
