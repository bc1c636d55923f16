"""The installed version of framing, one place for everyone who needs it."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("framing")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
