"""Prefect defaults for an offline research machine, applied before Prefect is imported."""
import os

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",        # no telemetry leaves the machine
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",   # a busy 2-core box starts slowly
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",      # results would be a second copy of outputs
}


def apply_defaults() -> None:
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)


def shared_server() -> bool:
    """True when runs report to a Prefect server (PREFECT_API_URL), not a private ephemeral one."""
    from prefect.settings import get_current_settings
    return bool(get_current_settings().api.url)
