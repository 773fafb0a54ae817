"""An exhibit's link: a web page visitors take home with a QR code, never opened by the kiosk.

A link is checked as strictly as a museum would want before it prints it on a wall: https only,
no user name or password before the host (`user@host` disguises where a link leads), a host name
with a dot, no spaces or control characters, and at most `MAX_LENGTH` characters as the QR code
holds it. Letters outside ASCII (a Chinese page title, an accented host) are allowed: the QR code
holds the link with them percent-encoded (IDNA for the host), the form every phone reads.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from kiosk.content.fields import Strict
from kiosk.content.i18n import ANY_LANGUAGE, LanguageKey, Text, normal_tag

MAX_LENGTH = 300
"""Characters of a link as the QR code holds it: beyond this the code grows too dense to scan
comfortably from arm's length."""
_SAFE = "/:@!$&'()*+,;=%-._~?#[]"
"""Characters kept as they are when a link is encoded for the QR code (RFC 3986's reserved and
unreserved characters, and '%' of what is already encoded)."""
_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
_EXAMPLE = "https://en.wikipedia.org/wiki/Dalian"


def _problem(kind: str, message: str, hint: str, **values: Any) -> PydanticCustomError:
    return PydanticCustomError(f"link_{kind}", message, {"hint": hint, **values})


def _ascii_host(host: str) -> str | None:
    """The host as DNS spells it (IDNA for letters outside ASCII), or None when it cannot be one."""
    try:
        spelled = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None
    labels = spelled.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    return spelled


def encoded(url: str) -> str:
    """The link as a QR code holds it: host in IDNA, everything else outside ASCII percent-encoded.
    `url` is a link `check_url` accepted."""
    parts = urlsplit(url)
    host = _ascii_host(parts.hostname or "") or (parts.hostname or "")
    port = f":{parts.port}" if parts.port is not None else ""
    rest = url[len(f"{parts.scheme}://{parts.netloc}"):]
    return f"https://{host}{port}{quote(rest, safe=_SAFE)}"


def host_of(url: str) -> str:
    """The host name visitors see under the code, as written (e.g. zh.wikipedia.org)."""
    return (urlsplit(url).hostname or "").lower()


def check_url(value: Any) -> str:
    """A link as staff wrote it, checked; a plain error with a hint when it may not be shown."""
    if not isinstance(value, str) or not value.strip():
        raise _problem("type", "expected a web address like {example}, got {got}",
                       "write the whole address, starting with https://",
                       example=_EXAMPLE, got=repr(value) if value is not None else "nothing")
    url = value.strip()
    if any(character.isspace() for character in url):
        raise _problem("space", "the link {shown} contains a space",
                       "write a space in a web address as %20, or copy the address from the browser's "
                       "address bar", shown=_shown(url))
    if any(unicodedata.category(character) in ("Cc", "Cf") for character in url):
        raise _problem("control", "the link {shown} contains an invisible control character",
                       "type the address again, or copy it from the browser's address bar", shown=_shown(url))
    scheme, colon, _ = url.partition(":")
    scheme = scheme.lower() if colon and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme) else ""
    if scheme == "http":
        raise _problem("http", "the link {shown} starts with http://, which is not encrypted",
                       "use https://; phones warn about plain http pages, and most sites answer on both",
                       shown=_shown(url))
    if scheme and scheme != "https":
        raise _problem("scheme", "a link must be a web page starting with https://, not '{scheme}:'",
                       f"links open on the visitor's phone; write a page address such as {_EXAMPLE}",
                       scheme=scheme)
    if not scheme or not url[len(scheme) + 1:].startswith("//"):
        raise _problem("no_scheme", "the link {shown} does not start with https://",
                       "write the whole address, e.g. https://" + url.split("://")[-1].lstrip("/"),
                       shown=_shown(url))
    return _checked_https(url)


def _checked_https(url: str) -> str:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        raise _problem("malformed", "the link {shown} is not a web address",
                       f"write an address such as {_EXAMPLE}", shown=_shown(url)) from None
    if "@" in parts.netloc:
        raise _problem("userinfo", "the link {shown} has a name before '@' in front of the host",
                       "remove everything between https:// and '@': such links hide where they lead",
                       shown=_shown(url))
    host = parts.hostname or ""
    if not host or _ascii_host(host) is None:
        raise _problem("host", "the link {shown} has no valid host name",
                       "the host is the name after https://, with a dot, such as en.wikipedia.org",
                       shown=_shown(url))
    length = len(encoded(url))
    if length > MAX_LENGTH:
        raise _problem("long", "the link is {length} characters long; a QR code may hold at most {most}",
                       "use a shorter address for the same page; letters outside ASCII count as 9 each "
                       "once encoded", length=length, most=MAX_LENGTH)
    return url


def _shown(url: str) -> str:
    return f"'{url}'" if len(url) <= 60 else f"'{url[:57]}...'"


def _one_link_for_all_languages(value: Any) -> Any:
    return {ANY_LANGUAGE: value} if isinstance(value, str) else value


WebAddress = Annotated[str, BeforeValidator(check_url)]
"""One https link, checked by `check_url`."""

UrlPerLanguage = Annotated[
    dict[LanguageKey, WebAddress],
    BeforeValidator(_one_link_for_all_languages),
    WithJsonSchema(
        {
            "description": "One https address, or one per language: {en: https://..., zh: https://...}.",
            "anyOf": [
                {"type": "string", "pattern": "^https://", "maxLength": MAX_LENGTH},
                {
                    "type": "object",
                    "additionalProperties": {"type": "string", "pattern": "^https://"},
                    "minProperties": 1,
                },
            ],
        }
    ),
]


class Link(Strict):
    """A web page about the exhibit, offered as a QR code for visitors' phones."""

    url: UrlPerLanguage = Field(
        description="The page: https only, e.g. https://en.wikipedia.org/wiki/Dalian, or one page per "
        "language, {en: https://..., zh: https://...}. The kiosk never opens it.",
    )
    label: Text | None = Field(
        None, description="What the page is, shown under the code, e.g. 'Dalian on Wikipedia'."
    )


def _link_from_url(value: Any) -> Any:
    """`link: https://...` and `link: {en: https://..., zh: https://...}` are the page alone."""
    if isinstance(value, str):
        return {"url": value}
    tags = isinstance(value, dict) and all(
        key == ANY_LANGUAGE or (isinstance(key, str) and normal_tag(key)) for key in value
    )
    if tags and value and not {"url", "label"} & set(value):
        return {"url": value}
    return value


LinkField = Annotated[Link, BeforeValidator(_link_from_url, json_schema_input_type=str | Link)]
"""A link: an address alone, or `url` with a `label`."""
