"""`deidflow vault init|cat|purge`."""
from __future__ import annotations

import sys
from pathlib import Path

from vaultstore import DEFAULT_VAULT, keys
from vaultstore.purge import purge
from vaultstore.store import Vault, VaultError, find_root, open_vault

def register(subparsers) -> None:
    vault_p = subparsers.add_parser("vault", help="the encrypted store of identified material")
    commands = vault_p.add_subparsers(dest="vault_command", required=True)

    init = commands.add_parser("init", help="create the vault (and a random key file, if --key-file does not exist)")
    init.add_argument("--vault", type=Path, default=Path(DEFAULT_VAULT))
    init.add_argument("--key-file", type=Path, help="key file outside the vault; created 0600 if missing")
    init.set_defaults(func=cmd_init)

    cat = commands.add_parser("cat", help="print a decrypted vault file (for the key holder)")
    cat.add_argument("path", type=Path, help="<vault>/<id>/transcript.raw.json or its .enc form")
    cat.add_argument("--key-file", type=Path)
    cat.set_defaults(func=cmd_cat)

    rm = commands.add_parser("purge", help="remove a withdrawn participant's identified material")
    rm.add_argument("--id", required=True, dest="interview_id")
    rm.add_argument("--vault", type=Path, default=Path(DEFAULT_VAULT))
    rm.add_argument("--key-file", type=Path)
    rm.add_argument("--output", type=Path, help="output folder whose audit log records the purge")
    rm.set_defaults(func=cmd_purge)


def cmd_init(args) -> int:
    created_key = None
    existed = (args.vault / keys.HEADER).exists()
    try:
        if args.key_file and not args.key_file.expanduser().exists():
            if existed:
                raise keys.VaultKeyError(f"{args.key_file} does not exist, and a new key cannot open "
                                         f"the existing vault at {args.vault}")
            if args.key_file.expanduser().resolve().is_relative_to(args.vault.resolve()):
                raise keys.VaultKeyError("the key file must live outside the vault")
            created_key = keys.new_key_file(args.key_file)
        open_vault(args.vault, args.key_file)
    except keys.VaultKeyError as exc:
        print(f"vault init: {exc}", file=sys.stderr)
        return 2
    print(f"vault at {args.vault} {'already existed; the key opens it' if existed else 'created'}")
    if created_key:
        print(f"new key file {created_key} (0600). Keep it off shared drives and back it up; then\n"
              f"  export {keys.ENV_KEY_FILE}={created_key.resolve()}")
    return 0


def cmd_cat(args) -> int:
    try:
        vault = Vault(find_root(args.path), args.key_file)
        sys.stdout.buffer.write(vault.read_bytes(vault.logical_name(args.path)))
    except (keys.VaultKeyError, VaultError, FileNotFoundError) as exc:
        print(f"vault cat: {exc}", file=sys.stderr)
        return 2
    sys.stdout.flush()
    return 0


def cmd_purge(args) -> int:
    try:
        result = purge(open_vault(args.vault, args.key_file), args.interview_id)
    except (keys.VaultKeyError, ValueError) as exc:
        print(f"vault purge: {exc}", file=sys.stderr)
        return 2
    if args.output:
        from audit import AuditLog      # audit depends on vault, not the other way round
        AuditLog(args.output).record_purge(result.interview_id, result.files_removed,
                                           result.crosswalk_entries_removed)
    print(f"purged {result.interview_id}: {result.files_removed} vault file(s), "
          f"{result.crosswalk_entries_removed} crosswalk entr(y/ies)"
          + ("" if args.output else "; pass --output to record it in the audit log"))
    return 0
