"""The back office's *Berichten* page: the outbox, the inbox with its import, and the
messages per client, provider or assignment."""
