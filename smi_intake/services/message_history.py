"""The message store as the core's ``MessageHistory``, read for a batch of messages at once.

The level-3 checks ask the store three questions (was this identification used, who holds this
ToewijzingNummer, what is this client's state). ``StoreHistory`` asks each for the whole batch in
one query when it is made, and answers the checks from memory: a client's state is folded from the
small facts stored beside each message (``client_state.facts_of``), not from whole messages. A
message accepted while the batch is worked through is added with ``add``, so the later messages of
the batch see it, as they would in the store.

What was read is as fresh as the moment the batch began: a message about the same client that
another app server stores in the same second is not seen, as it would not be by a check whose
transaction began before the other one committed. A repeated identification is still refused by
the store's unique key (``IdentificationTaken``).
"""

from __future__ import annotations

from collections.abc import Sequence

from smi_core.istandaarden.client_state import ClientState, facts_of
from smi_core.istandaarden.codes import Domain, MessageKind
from smi_core.istandaarden.messages import MESSAGE_TYPES, Message, ToewijzingBericht
from smi_intake.db.messages import ClientFacts, MessageStore


class StoreHistory:
    """What the store says about ``messages``, each given with its client's BSN (for a 319: the
    client of the request it answers; None when there is none).

    The store keeps a ToewijzingNummer's holder only as the keyed hash of the BSN, so
    ``assignment_holder`` answers with the BSN of a client of the batch whose hash it is, and with
    ``ANOTHER_CLIENT`` for anyone else."""

    ANOTHER_CLIENT = "another client"

    def __init__(self, store: MessageStore, messages: Sequence[tuple[Message, str | None]]) -> None:
        self._store = store
        self._used: set[tuple[Domain, str, MessageKind, str]] = set()
        self._facts: dict[tuple[Domain, str], list[ClientFacts]] = {}
        self._holders: dict[tuple[Domain, str, int], str] = {}
        self._bsn_of_hash: dict[str, str] = {}
        for domain in {message.domain for message, _ in messages}:
            batch = [(message, bsn) for message, bsn in messages if message.domain is domain]
            self._read(store, domain, batch)

    def _read(self, store: MessageStore, domain: Domain, batch: list[tuple[Message, str | None]]) -> None:
        keys = {(message.sender, message.kind.value, message.identification) for message, _ in batch}
        for sender, kind, identification in store.identifications_used(domain.value, keys):
            self._used.add((domain, sender, MessageKind(kind), identification))
        bsns = {bsn for _, bsn in batch if bsn is not None}
        hashes = {store.hash_of(bsn): bsn for bsn in bsns}
        self._bsn_of_hash.update(hashes)
        for bsn, found in store.client_facts(domain.value, hashes).items():
            self._facts[(domain, bsn)] = found
        numbers: dict[str, set[int]] = {}
        for message, _ in batch:
            if isinstance(message, ToewijzingBericht):
                numbers.setdefault(message.municipality, set()).update(
                    product.toewijzing_nummer for product in message.client.toegewezen_producten
                )
        for municipality, wanted in numbers.items():
            for number, holder in store.assignment_holders(domain.value, municipality, wanted).items():
                self._holders[(domain, municipality, number)] = holder

    def add(self, message: Message, bsn: str | None) -> None:
        """A message of the batch was stored as counting (accepted or to send): later ones see it."""
        self._used.add((message.domain, message.sender, message.kind, message.identification))
        if bsn is None or message.kind.is_retour:
            return
        receiver = message.provider if message.sender == message.municipality else message.municipality
        stored = ClientFacts(message.sender, receiver, message.kind.value, facts_of(message))
        self._facts.setdefault((message.domain, bsn), []).append(stored)
        if isinstance(message, ToewijzingBericht):
            holder = self._store.hash_of(bsn)
            self._bsn_of_hash[holder] = bsn
            for product in message.client.toegewezen_producten:
                key = (message.domain, message.municipality, product.toewijzing_nummer)
                self._holders.setdefault(key, holder)

    # -- the core's MessageHistory ------------------------------------------------------------------

    def identification_used(
        self, domain: Domain, sender: str, kind: MessageKind, identification: str
    ) -> bool:
        return (domain, sender, kind, identification) in self._used

    def client_state(self, domain: Domain, municipality: str, provider: str, bsn: str) -> ClientState:
        state = ClientState()
        parties = ((municipality, provider), (provider, municipality))
        for stored in self._facts.get((domain, bsn), ()):
            if (stored.sender, stored.receiver) not in parties:
                continue
            if stored.facts is not None:
                state.apply_facts(stored.facts)
            else:  # stored before messages kept their facts
                state.apply(MESSAGE_TYPES[MessageKind(stored.kind)].model_validate(stored.parsed))
        return state

    def assignment_holder(self, domain: Domain, municipality: str, number: int) -> str | None:
        holder = self._holders.get((domain, municipality, number))
        if holder is None:
            return None
        return self._bsn_of_hash.get(holder, self.ANOTHER_CLIENT)
