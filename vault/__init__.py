"""The identified zone: the only place identified text may be written."""
from vault.store import Vault

__all__ = ["Vault"]
