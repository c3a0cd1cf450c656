"""Services: what pages call. Each takes a unit of work and returns domain records."""
