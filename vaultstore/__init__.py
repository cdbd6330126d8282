"""The identified zone: the only place identified text may be written (encrypted at rest)."""
from vaultstore.keys import VaultKeyError
from vaultstore.store import Vault, VaultError, find_root, open_vault

__all__ = ["Vault", "VaultError", "VaultKeyError", "find_root", "open_vault"]
