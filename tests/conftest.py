"""Shared test settings."""

import os

import matplotlib
from hypothesis import settings

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")

settings.register_profile("greenchain", deadline=None, max_examples=60)
settings.load_profile("greenchain")
