"""Link targets that stand in for a real one: example.com, localhost, 192.168.0.1, '#'.

The domains and reserved suffixes are the lexicons 'placeholder-domains' and
'placeholder-suffixes' (rules/links.yaml); the address ranges are fixed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newslint.urls import ip_address, is_subdomain_of, web_url

# Targets that go nowhere: a link written before its destination was known.
EMPTY_TARGETS = ("", "#", "javascript:void(0)", "javascript:void(0);", "javascript:;", "about:blank")


class PlaceholderTargets:
    def __init__(self, lexicons: Mapping[str, Any]):
        self.domains = tuple(domain.lower().strip(".") for domain in lexicons.get("placeholder-domains", ()))
        self.suffixes = tuple(suffix.lower().strip(".") for suffix in lexicons.get("placeholder-suffixes", ()))

    def reason(self, target: str) -> str | None:
        """Why the target is a placeholder, or None when it is not one."""
        stripped = target.strip()
        if stripped.lower() in EMPTY_TARGETS:
            return f"the link goes nowhere ('{stripped}')" if stripped else "the link has no target"
        url = web_url(stripped)
        if url is None:
            return None
        host = url.host
        address = ip_address(host)
        if address is not None:
            if address.is_loopback or address.is_unspecified:
                return f"{host} is this machine, not a source"
            if address.is_private or address.is_link_local or address.is_reserved:
                return f"{host} is a private address, unreachable for readers"
            return None
        if host == "localhost":
            return "localhost is this machine, not a source"
        domain = next((domain for domain in self.domains if is_subdomain_of(host, domain)), None)
        if domain is not None:
            return f"{domain} is a placeholder domain"
        suffix = next((suffix for suffix in self.suffixes if is_subdomain_of(host, suffix)), None)
        if suffix is not None:
            return f"'.{suffix}' is reserved for examples, tests or private networks"
        return None
