"""The Wmo and youth-care access routes as code: their legal terms (``terms``), the municipality's
catalogue of products and contracts (``catalogue``), a resident's melding and its preliminary check
(``melding``), the conversion of several indications into one traject (``conversion``): the
client's running begeleiding indications read from the 301s (``indications``) and the 301s a
conversion sends (``conversion_messages``); and the letters a resident gets: the beschikking and
the DAT letter (``letters``: ``BeschikkingLetter``, ``DatLetter``)."""
