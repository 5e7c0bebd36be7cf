"""Every write of the monitor (the package is being split by subject; callers use `services.<name>`)."""

from .responses import *  # noqa: F403
