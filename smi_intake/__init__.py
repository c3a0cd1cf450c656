"""SMI Intake application layer: settings, persistence and services around ``smi_core``."""
