"""One model per message kind (301 to 320) for both sets; ``domain`` says which set.

iWmo and iJw share every structure except two iJw additions: ``gezagsdrager_bekend`` in the client
of a 315/316 and ``woonplaatsbeginsel`` in the answer of a 319/320; the product categories and the
reasons to end care come from each set's own list. A message checks that its contents belong to
its set, that Afzender and Ontvanger are a municipality and a provider the right way round, and that
its classes carry RetourCodes exactly when it is a retour.

The iWmo retour schemas (WMO302 … WMO320) are not available here. The iWmo retours are built with
the structure of the iJw retours, in the iWmo namespaces (``…/iwmo/3_2/wmo302/schema``), which is
what the standard's shared design of the two sets implies; nothing could check them against a
schema.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self

from pydantic import model_validator

from smi_core.istandaarden.client import (
    StartClient,
    StopClient,
    ToewijzingClient,
    VerzoekOmToewijzingClient,
    VerzoekOmWijzigingClient,
)
from smi_core.istandaarden.codes import CATEGORIE, REDEN_BEEINDIGING, Domain, MessageKind, Partij
from smi_core.istandaarden.common import Node, Product, derived
from smi_core.istandaarden.header import Header, RetourHeader
from smi_core.istandaarden.paths import ROOT, child_path, walk
from smi_core.istandaarden.products import Antwoord, Berichtklasse, StopProduct


class Message(Node):
    """A message of either set. ``kind`` is fixed per class; ``body_field`` names its one part under
    the header (``client``, or ``antwoord`` for a 319/320).

    The derived properties (body, parties, identification) are cached on the frozen message, as
    the checks ask them again and again; a copy (``model_copy``) works them out anew."""

    kind: ClassVar[MessageKind]
    body_field: ClassVar[str] = "client"

    domain: Domain
    header: Header

    @derived
    def body(self) -> Berichtklasse | None:
        """The part under the header: the client, or the answer of a 319/320 (None in an empty retour)."""
        value = getattr(self, self.body_field)
        return value if isinstance(value, Berichtklasse) else None

    @derived
    def body_path(self) -> str:
        return child_path(ROOT, self.body_field)

    @derived
    def bericht_code(self) -> str:
        return self.kind.bericht_code(self.domain)

    @derived
    def identification(self) -> str:
        return self.header.bericht_identificatie.identificatie

    @derived
    def municipality(self) -> str:
        """The municipality's CBS code (Afzender of a 301/319 and its retour, else Ontvanger)."""
        return self.header.afzender if self.kind.heen.sender is Partij.GEMEENTE else self.header.ontvanger

    @derived
    def provider(self) -> str:
        """The provider's AGB code."""
        return self.header.ontvanger if self.kind.heen.sender is Partij.GEMEENTE else self.header.afzender

    @derived
    def sender(self) -> str:
        """The code of the party that sent this message (for a retour: the heen message's receiver)."""
        return self.municipality if self.kind.sender is Partij.GEMEENTE else self.provider

    @derived
    def bsn(self) -> str | None:
        """The client's Bsn (None for a 319/320 or a retour without client)."""
        value = getattr(self.body, "bsn", None)
        return value if isinstance(value, str) else None

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        copy = super().model_copy(update=update, deep=deep)
        for name in _CACHED:
            copy.__dict__.pop(name, None)
        return copy

    @model_validator(mode="before")
    @classmethod
    def _reasons_of_the_set(cls, data: Any) -> Any:
        """Read a plain RedenBeeindiging code in the set's own list (``31`` differs between the sets)."""
        if not isinstance(data, dict) or "domain" not in data or not isinstance(data.get("client"), dict):
            return data
        client = data["client"]
        products = client.get("stop_producten")
        if not isinstance(products, list | tuple):
            return data
        reasons = REDEN_BEEINDIGING[Domain(data["domain"])]
        fixed = [
            {**item, "reden_beeindiging": reasons(item["reden_beeindiging"])}
            if isinstance(item, dict)
            and type(item.get("reden_beeindiging")) is str
            and item["reden_beeindiging"] in reasons.codes()
            else item
            for item in products
        ]
        return {**data, "client": {**client, "stop_producten": fixed}}

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        self._check_parties()
        self._check_retour_codes()
        self._check_set()
        return self

    def _check_parties(self) -> None:
        if len(self.municipality) != 4 or len(self.provider) != 8:
            raise ValueError(
                f"a {self.kind.value} goes from the {self.kind.sender.value}: Afzender and Ontvanger are"
                " a municipality's 4-digit code and a provider's 8-digit code, that way round"
            )
        if not self.kind.is_retour and isinstance(self.header, RetourHeader):
            raise ValueError("a heen message has a heen header, not a retour header")

    def _check_retour_codes(self) -> None:
        body = self.body
        if body is None:
            return
        classes = [node for _, node in walk(body, self.body_path) if isinstance(node, Berichtklasse)]
        if self.kind.is_retour and not all(node.retour_codes for node in classes):
            raise ValueError("in a retour every message class carries its RetourCodes")
        if not self.kind.is_retour and any(node.retour_codes for node in classes):
            raise ValueError("a heen message carries no RetourCodes")

    def _check_set(self) -> None:
        body = self.body
        if body is None:
            return
        for _, node in walk(body, self.body_path):
            if isinstance(node, Product) and type(node.categorie) is not CATEGORIE[self.domain]:
                raise ValueError(f"product category {node.categorie.value} is not one of {self.domain.label}")
            if (
                isinstance(node, StopProduct)
                and type(node.reden_beeindiging) is not REDEN_BEEINDIGING[self.domain]
            ):
                raise ValueError(
                    f"RedenBeeindiging {node.reden_beeindiging.value} is not one of {self.domain.label}"
                )
            if self.domain is Domain.WMO and getattr(node, "gezagsdrager_bekend", None) is not None:
                raise ValueError("GezagsdragerBekend is iJw only")
            if (
                self.domain is Domain.WMO
                and isinstance(node, Antwoord)
                and node.woonplaatsbeginsel is not None
            ):
                raise ValueError("Woonplaatsbeginsel is iJw only")


#: The cached properties of a message (dropped from a copy).
_CACHED = tuple(name for name, value in vars(Message).items() if isinstance(value, derived))


class HeenMessage(Message):
    """A message that starts an exchange (301, 305, 307, 315, 317, 319)."""


class RetourMessage(Message):
    """A retour (302, 306, 308, 316, 318, 320): the verdict on a heen message (IV028).

    Without RetourCodes anywhere the heen message was accepted; with header RetourCodes only it was
    rejected as a whole; with its classes copied, each class says 0200 (fine), 0233 (not checked)
    or the rule it broke.
    """

    header: RetourHeader

    @property
    def accepted(self) -> bool:
        """Whether the heen message was accepted: no RetourCodes other than 0200."""
        return self.all_retour_codes() <= {"0200"}

    def all_retour_codes(self) -> set[str]:
        """Every RetourCode in the retour: the header's and those of each copied class."""
        codes = {code.value for code in self.header.retour_codes}
        body = self.body
        if body is not None:
            for _, node in walk(body, self.body_path):
                if isinstance(node, Berichtklasse):
                    codes.update(code.value for code in node.retour_codes)
        return codes


class ToewijzingBericht(HeenMessage):
    """301 Toewijzing: the municipality orders the provider to deliver (also changes and ends)."""

    kind: ClassVar[MessageKind] = MessageKind.TOEWIJZING
    client: ToewijzingClient


class ToewijzingRetour(RetourMessage):
    """302: the provider's verdict on a 301."""

    kind: ClassVar[MessageKind] = MessageKind.TOEWIJZING_RETOUR
    client: ToewijzingClient | None = None


class StartZorgBericht(HeenMessage):
    """305 Start zorg: the provider reports that care actually started."""

    kind: ClassVar[MessageKind] = MessageKind.START_ZORG
    client: StartClient


class StartZorgRetour(RetourMessage):
    """306: the municipality's verdict on a 305."""

    kind: ClassVar[MessageKind] = MessageKind.START_ZORG_RETOUR
    client: StartClient | None = None


class StopZorgBericht(HeenMessage):
    """307 Stop zorg: the provider reports that care ended (temporarily or for good)."""

    kind: ClassVar[MessageKind] = MessageKind.STOP_ZORG
    client: StopClient


class StopZorgRetour(RetourMessage):
    """308: the municipality's verdict on a 307."""

    kind: ClassVar[MessageKind] = MessageKind.STOP_ZORG_RETOUR
    client: StopClient | None = None


class VerzoekOmToewijzingBericht(HeenMessage):
    """315 Verzoek om toewijzing (VOT): the provider asks for a 301, judged per product."""

    kind: ClassVar[MessageKind] = MessageKind.VERZOEK_OM_TOEWIJZING
    client: VerzoekOmToewijzingClient


class VerzoekOmToewijzingRetour(RetourMessage):
    """316: the municipality's verdict on a 315."""

    kind: ClassVar[MessageKind] = MessageKind.VERZOEK_OM_TOEWIJZING_RETOUR
    client: VerzoekOmToewijzingClient | None = None


class VerzoekOmWijzigingBericht(HeenMessage):
    """317 Verzoek om wijziging (VOW): the provider asks for the whole wished package, judged as a whole."""

    kind: ClassVar[MessageKind] = MessageKind.VERZOEK_OM_WIJZIGING
    client: VerzoekOmWijzigingClient


class VerzoekOmWijzigingRetour(RetourMessage):
    """318: the municipality's verdict on a 317."""

    kind: ClassVar[MessageKind] = MessageKind.VERZOEK_OM_WIJZIGING_RETOUR
    client: VerzoekOmWijzigingClient | None = None


class AntwoordBericht(HeenMessage):
    """319 Antwoordbericht: the municipality refuses a 315/317 or puts it *in onderzoek*."""

    kind: ClassVar[MessageKind] = MessageKind.ANTWOORD
    body_field: ClassVar[str] = "antwoord"
    antwoord: Antwoord


class AntwoordRetour(RetourMessage):
    """320: the provider's verdict on a 319."""

    kind: ClassVar[MessageKind] = MessageKind.ANTWOORD_RETOUR
    body_field: ClassVar[str] = "antwoord"
    antwoord: Antwoord | None = None


#: The model of each message kind.
MESSAGE_TYPES: dict[MessageKind, type[Message]] = {
    model.kind: model
    for model in (
        ToewijzingBericht,
        ToewijzingRetour,
        StartZorgBericht,
        StartZorgRetour,
        StopZorgBericht,
        StopZorgRetour,
        VerzoekOmToewijzingBericht,
        VerzoekOmToewijzingRetour,
        VerzoekOmWijzigingBericht,
        VerzoekOmWijzigingRetour,
        AntwoordBericht,
        AntwoordRetour,
    )
}

__all__ = [
    "MESSAGE_TYPES",
    "AntwoordBericht",
    "AntwoordRetour",
    "HeenMessage",
    "Message",
    "RetourMessage",
    "StartZorgBericht",
    "StartZorgRetour",
    "StopZorgBericht",
    "StopZorgRetour",
    "ToewijzingBericht",
    "ToewijzingRetour",
    "VerzoekOmToewijzingBericht",
    "VerzoekOmToewijzingRetour",
    "VerzoekOmWijzigingBericht",
    "VerzoekOmWijzigingRetour",
]
