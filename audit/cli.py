"""`deidflow audit verify|report` and `deidflow review`.

Nothing printed here holds identified text, except review's span context,
which comes from the vault and so only reaches someone holding the key.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from audit import report, review, verify
from audit.log import AuditLog
from vaultstore import DEFAULT_VAULT, Vault, VaultError, VaultKeyError, open_vault

DEFAULT_OUTPUT = "transcripts_out"


def register(subparsers) -> None:
    audit_p = subparsers.add_parser("audit", help="verify the redaction log and outputs; write the batch report")
    commands = audit_p.add_subparsers(dest="audit_command", required=True)

    v = commands.add_parser("verify", help="check the hash chain, output hashes, and re-scan outputs for leaks")
    v.add_argument("--output", type=Path, default=Path(DEFAULT_OUTPUT))
    v.add_argument("--vault", type=Path, default=Path(DEFAULT_VAULT))
    v.add_argument("--key-file", type=Path)
    v.add_argument("--no-leak-scan", action="store_true", help="skip the re-scan (for someone without the key)")
    v.set_defaults(func=cmd_verify)

    r = commands.add_parser("report", help="write <output>/audit/report.html and report.md for a batch")
    r.add_argument("--output", type=Path, default=Path(DEFAULT_OUTPUT))
    r.add_argument("--batch", help="batch id (default: the last batch)")
    r.set_defaults(func=cmd_report)

    rv = subparsers.add_parser("review", help="list and decide the spans flagged for review in one interview")
    rv.add_argument("--id", required=True, dest="interview_id")
    rv.add_argument("--output", type=Path, default=Path(DEFAULT_OUTPUT))
    rv.add_argument("--vault", type=Path, default=Path(DEFAULT_VAULT))
    rv.add_argument("--key-file", type=Path)
    rv.add_argument("--study", help="study file the interview was processed with (for the re-render)")
    rv.add_argument("--reviewer", help="who decides (required for --accept, --reject, --add)")
    action = rv.add_mutually_exclusive_group(required=True)
    action.add_argument("--list", action="store_true")
    action.add_argument("--accept", type=int, metavar="N", help="redact review item N")
    action.add_argument("--reject", type=int, metavar="N", help="keep review item N as spoken")
    action.add_argument("--add", type=review.Span.parse, metavar="SEG:START:END:TYPE",
                        help="redact a span the recognizers missed (offsets in the raw segment text)")
    rv.set_defaults(func=cmd_review)


def cmd_verify(args) -> int:
    try:
        vault = None if args.no_leak_scan else open_vault(args.vault, args.key_file)
    except VaultKeyError as exc:
        print(f"audit verify: {exc}", file=sys.stderr)
        return 2
    findings = verify.verify(args.output, vault)
    for finding in findings:
        print(f"FAIL {finding}")
    if findings:
        print(f"audit verify: {len(findings)} problem(s)", file=sys.stderr)
        return 1
    scanned = "outputs re-scanned for every crosswalk original" if vault else "leak scan skipped"
    print(f"OK chain head {AuditLog(args.output).head()}; every output matches its logged hash; {scanned}")
    return 0


def cmd_report(args) -> int:
    try:
        built = report.build(args.output, args.batch)
    except KeyError as exc:
        print(f"audit report: {exc.args[0]}", file=sys.stderr)
        return 1
    md, page = report.write(built, args.output)
    print(f"wrote {md} and {page} (batch {built.batch_id}, chain head {built.head})")
    return 0


def cmd_review(args) -> int:
    try:
        items = review.review_items(args.output, args.interview_id)
        if args.list:
            return _list(args, items)
        if not args.reviewer:
            print("review: --reviewer NAME is required to record a decision", file=sys.stderr)
            return 2
        vault = open_vault(args.vault, args.key_file)
        span, decision = _chosen(args, items)
        review.decide(vault, args.output, args.interview_id, span, decision, args.reviewer)
    except (VaultKeyError, VaultError, FileNotFoundError, ValueError, IndexError) as exc:
        print(f"review: {exc}", file=sys.stderr)
        return 2
    head = _rerender(args)
    print(f"recorded {decision} on segment {span.segment} [{span.start}:{span.end}] {span.entity_type}; "
          f"outputs re-rendered; chain head {head}")
    return 0


def _chosen(args, items: list[dict]) -> tuple[review.Span, str]:
    if args.add is not None:
        return args.add, "add"
    number, decision = (args.accept, "accept") if args.accept is not None else (args.reject, "reject")
    if not 0 <= number < len(items):
        raise IndexError(f"no review item {number}; there are {len(items)} (see --list)")
    item = items[number]
    return review.Span(item["segment"], item["start"], item["end"], item["entity_type"]), decision


def _list(args, items: list[dict]) -> int:
    try:
        vault: Vault | None = open_vault(args.vault, args.key_file)
    except VaultKeyError:
        vault = None
        print("(no vault key: spans listed without their context)", file=sys.stderr)
    decided = {(d["segment"], d["start"], d["end"]): d["decision"]
               for d in (review.decisions(vault, args.interview_id) if vault else [])}
    for number, item in enumerate(items):
        span = review.Span(item["segment"], item["start"], item["end"], item["entity_type"])
        status = decided.get((span.segment, span.start, span.end), "open")
        line = (f"{number}: segment {span.segment} [{span.start}:{span.end}] {span.entity_type} "
                f"score {item.get('score', 0):.2f} {status}")
        print(line + (f"  {review.context(vault, args.interview_id, span)}" if vault else ""))
    if not items:
        print("no spans flagged for review")
    return 0


def _rerender(args) -> str:
    """Re-apply redaction with the decisions, then log the hashes of the files that rewrote."""
    from deidflow.pipeline import rerender   # the lead's module; imported late so audit stands alone
    before = _stats(args.output)
    rerender(args.interview_id, args.output, args.vault, args.study)
    changed = [p for p in verify.output_files(args.output) if _stat(p) != before.get(p)]
    return AuditLog(args.output).record_batch(f"review-{args.interview_id}-{time.strftime('%Y%m%dT%H%M%S')}",
                                              changed)


def _stat(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return st.st_ino, st.st_mtime_ns, st.st_size


def _stats(output_dir: Path) -> dict[Path, tuple[int, int, int]]:
    return {p: _stat(p) for p in verify.output_files(output_dir)}

