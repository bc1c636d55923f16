"""The one exception type the library raises for bad input."""


class FramingError(ValueError):
    """Input the library cannot work with: binary data, an unreadable file, a malformed record.

    Subclasses ``ValueError`` so that callers who already catch that keep working.
    """
