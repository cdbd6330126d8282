"""The identified zone: the only place identified text may be written (encrypted at rest)."""
import os

from vaultstore.keys import VaultKeyError
from vaultstore.store import Vault, VaultError, find_root, open_vault

DEFAULT_VAULT = os.environ.get("DEIDFLOW_VAULT", "vault")    # the CLIs' --vault default

__all__ = ["DEFAULT_VAULT", "Vault", "VaultError", "VaultKeyError", "find_root", "open_vault"]
