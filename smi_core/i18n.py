"""Translations per call, from the gettext catalogs in ``locales/``, through Babel.

No global ``gettext.install``: one process serves several languages at once,
so every caller names its locale. Catalogs are read from the compiled ``.mo``
file when it is up to date, else compiled in memory from the ``.po`` file.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"
DEFAULT_LOCALE = "nl"
#: Languages with catalogs. Residents may choose any of these for the pages they read.
SUPPORTED_LOCALES: tuple[str, ...] = ("nl", "en", "pl", "tr", "uk", "ar")
#: Languages of the staff pages (complete catalogs of every message).
STAFF_LOCALES: tuple[str, ...] = ("nl", "en")
RTL_LOCALES = frozenset({"ar"})
#: Regional variants used for formatting dates and numbers.
_FORMAT_LOCALES = {"en": "en_GB"}


class UnsupportedLocale(ValueError):
    """A locale was asked for that has no catalog."""

    def __init__(self, locale: str) -> None:
        super().__init__(f"unsupported locale {locale!r}; supported: {', '.join(SUPPORTED_LOCALES)}")
        self.locale = locale


def normalise_locale(locale: str | None) -> str:
    """``"en-GB"`` and ``"en_US"`` become ``"en"``; None becomes the default."""
    if not locale:
        return DEFAULT_LOCALE
    language = locale.replace("-", "_").split("_")[0].lower()
    if language not in SUPPORTED_LOCALES:
        raise UnsupportedLocale(locale)
    return language


def catalog_paths(locale: str) -> tuple[Path, Path]:
    """The ``.po`` and ``.mo`` files of a locale."""
    folder = LOCALES_DIR / locale / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


@lru_cache(maxsize=16)
def translations(locale: str) -> Translations:
    """The catalog of a supported locale; raises if its files are absent."""
    locale = normalise_locale(locale)
    po_path, mo_path = catalog_paths(locale)
    if mo_path.exists() and (not po_path.exists() or mo_path.stat().st_mtime >= po_path.stat().st_mtime):
        with mo_path.open("rb") as fh:
            return Translations(fp=fh, domain=DOMAIN)
    if not po_path.exists():
        raise FileNotFoundError(f"no catalog for locale {locale!r} at {po_path}")
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=locale, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


def gettext(locale: str, message: str, /, **values: object) -> str:
    """Translate ``message`` into ``locale`` and fill in its ``%(name)s`` fields."""
    text = translations(locale).gettext(message)
    return text % values if values else text


def ngettext(locale: str, singular: str, plural: str, n: int, /, **values: object) -> str:
    """Translate with a plural form; ``n`` is available as ``%(n)s``."""
    text = translations(locale).ngettext(singular, plural, n)
    return text % {"n": n, **values}


@lru_cache(maxsize=16)
def babel_locale(locale: str) -> Locale:
    """The Babel locale used to format dates, numbers and lists in ``locale``."""
    language = normalise_locale(locale)
    return Locale.parse(_FORMAT_LOCALES.get(language, language))


@lru_cache(maxsize=4096)
def long_date(value: date, locale: str) -> str:
    """A date written out for residents, e.g. ``1 december 2026``."""
    return format_date(value, format="long", locale=babel_locale(locale))


def join_list(items: Iterable[str], locale: str) -> str:
    """``a, b and c`` in the locale's words."""
    return _join_list(tuple(items), locale)


@lru_cache(maxsize=1024)
def _join_list(items: tuple[str, ...], locale: str) -> str:
    return format_list(list(items), locale=babel_locale(locale))


def text_direction(locale: str) -> str:
    """``rtl`` for right-to-left languages, else ``ltr``."""
    return "rtl" if normalise_locale(locale) in RTL_LOCALES else "ltr"


def language_name(locale: str) -> str:
    """The language's own name for itself, e.g. ``Nederlands``."""
    name = Locale.parse(locale).get_display_name(locale) or locale
    return name[:1].upper() + name[1:]
