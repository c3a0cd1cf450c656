"""The Wmo and youth-care access routes as code: their legal terms, and (to come) the catalogue,
the preliminary check of a melding and the conversion of several indications into one traject."""
