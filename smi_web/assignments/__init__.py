"""The care provider's *Toewijzingen* page: the assignments to its organisation, its start, stop and
change request for one of them, its request for a new assignment, and the messages it sent."""
