"""Output formats. Each registers through the ``newslint_formatters`` hook."""

from newslint.formatters.base import Formatter
from newslint.formatters.concise import ConciseFormatter
from newslint.formatters.github import GithubFormatter
from newslint.formatters.json import JsonFormatter
from newslint.formatters.sarif import SarifFormatter
from newslint.formatters.text import TextFormatter

BUILTIN_FORMATTERS = {cls.name: cls for cls in (TextFormatter, ConciseFormatter, JsonFormatter, SarifFormatter,
                                                GithubFormatter)}

__all__ = ["BUILTIN_FORMATTERS", "Formatter"]
