"""The Sociale Hypotheek's stored data (the package is being split by area; callers use `models.<name>`)."""

from .applications import *  # noqa: F403
