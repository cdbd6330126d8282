"""`audit report`: one batch, for the IRB file, as Markdown and self-contained HTML.

Built from the redaction log and the de-identified transcripts only, so it
needs no key and holds no identifiers.
"""
from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.log import AUDIT_DIR, AuditLog
from deidflow import atomic


@dataclass
class InterviewSummary:
    interview_id: str
    audio_s: float | None
    processing_s: float | None
    counts: Counter = field(default_factory=Counter)       # entity type -> redactions
    decisions: Counter = field(default_factory=Counter)    # reviewer_accept ... -> count
    open_review: int = 0


@dataclass
class Report:
    batch_id: str
    closed_at: str | None
    head: str
    files: dict[str, str]
    interviews: list[InterviewSummary]
    versions: dict[str, set]

    def totals(self) -> Counter:
        return sum((i.counts for i in self.interviews), Counter())


def build(output_dir: Path, batch_id: str | None = None) -> Report:
    """The batch closed by the batch entry `batch_id` (default: the last); entries since the batch before it."""
    output_dir = Path(output_dir)
    entries = AuditLog(output_dir).entries()
    batches = [i for i, e in enumerate(entries) if e["kind"] == "batch"]
    if batch_id is not None:
        chosen = [i for i in batches if entries[i]["batch_id"] == batch_id]
        if not chosen:
            raise KeyError(f"no batch {batch_id} in the log")
        end = chosen[-1]
    else:
        end = batches[-1] if batches else len(entries)
    begin = max([i for i in batches if i < end], default=-1) + 1
    closing = entries[end] if end < len(entries) else {}
    span = entries[begin:end]

    # an interview re-rendered within the batch counts once: its last run
    last_run = {e["interview_id"]: e.get("run") for e in span if e["kind"] in ("redaction", "interview")}
    summaries: dict[str, InterviewSummary] = {}
    versions: dict[str, set] = {}
    for e in span:
        if e["kind"] not in ("redaction", "interview") or e.get("run") != last_run[e["interview_id"]]:
            continue
        summary = summaries.setdefault(e["interview_id"], _summary(output_dir, e["interview_id"], closing))
        if e["kind"] == "redaction":
            summary.counts[e["entity_type"]] += 1
        for name, version in {**e.get("versions", {}), "config_hash": e.get("config_hash")}.items():
            versions.setdefault(name, set()).add(str(version))
    decided = _decided(entries)
    for summary in summaries.values():
        summary.decisions = Counter(d for (iid, *_), d in decided.items() if iid == summary.interview_id)
        summary.open_review = _open_review(output_dir, summary.interview_id, decided)
    return Report(closing.get("batch_id", "(not closed yet)"), closing.get("time"),
                  closing.get("hash", AuditLog(output_dir).head()), closing.get("files", {}),
                  sorted(summaries.values(), key=lambda s: s.interview_id), versions)


def _summary(output_dir: Path, interview_id: str, closing: dict[str, Any]) -> InterviewSummary:
    transcript = _transcript(output_dir, interview_id)
    audio = transcript.get("source", {}).get("duration_s") if transcript else None
    return InterviewSummary(interview_id, audio, closing.get("durations", {}).get(interview_id))


def _transcript(output_dir: Path, interview_id: str) -> dict[str, Any] | None:
    path = output_dir / interview_id / "transcript.json"
    return json.loads(path.read_text()) if path.exists() else None


def _decided(entries: list[dict[str, Any]]) -> dict[tuple, str]:
    """(interview, segment, start, end) -> the latest reviewer decision on that span."""
    return {(e["interview_id"], e["segment"], e["start"], e["end"]): e["decision"]
            for e in entries if e["kind"] == "decision"}


def _open_review(output_dir: Path, interview_id: str, decided: dict[tuple, str]) -> int:
    transcript = _transcript(output_dir, interview_id) or {}
    return sum(1 for r in transcript.get("review", [])
               if (interview_id, r["segment"], r["start"], r["end"]) not in decided)


def write(report: Report, output_dir: Path) -> tuple[Path, Path]:
    folder = Path(output_dir) / AUDIT_DIR
    return (atomic.write_text(folder / "report.md", markdown(report)),
            atomic.write_text(folder / "report.html", to_html(report)))


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _rows(report: Report) -> tuple[list[str], list[list[str]]]:
    """The per-interview table, shared by both renderings."""
    types = sorted(report.totals())
    head = ["interview", "audio s", "processing s", *types, "reviewer decisions", "open review items"]
    rows = [[s.interview_id, _seconds(s.audio_s), _seconds(s.processing_s), *[str(s.counts[t]) for t in types],
             ", ".join(f"{k} {v}" for k, v in sorted(s.decisions.items())) or "none", str(s.open_review)]
            for s in report.interviews]
    return head, rows


def markdown(report: Report) -> str:
    head, rows = _rows(report)
    lines = [f"# De-identification audit: batch {report.batch_id}", "",
             f"- closed: {report.closed_at or 'not yet'}", f"- chain head: `{report.head}`",
             f"- open review items: {sum(s.open_review for s in report.interviews)}", "",
             "## Redactions per interview", "", "| " + " | ".join(head) + " |",
             "|" + "---|" * len(head), *("| " + " | ".join(r) + " |" for r in rows), "",
             "## Redactions by entity type", "",
             *(f"- {t}: {n}" for t, n in sorted(report.totals().items())), "",
             "## Versions", "", *(f"- {k}: {', '.join(sorted(v))}" for k, v in sorted(report.versions.items())),
             "", "## Files (sha256)", "", *(f"- `{sha}` {name}" for name, sha in sorted(report.files.items())), ""]
    return "\n".join(lines)


def bar_chart(counts: Counter) -> str:
    """Horizontal bars as inline SVG: no script, no network."""
    if not counts:
        return "<p>No redactions.</p>"
    top, bar_h, label_w, width = max(counts.values()), 22, 170, 360
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + width + 50}" '
             f'height="{bar_h * len(counts) + 4}" role="img" aria-label="redactions by entity type">']
    for i, (kind, n) in enumerate(sorted(counts.items(), key=lambda kv: -kv[1])):
        y, w = i * bar_h + 2, max(1, round(width * n / top))
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">{html.escape(kind)}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h - 6}" fill="#4a78a8"/>'
                     f'<text x="{label_w + w + 4}" y="{y + 15}" font-size="12">{n}</text>')
    return "".join(parts) + "</svg>"


def to_html(report: Report) -> str:
    e = html.escape
    head, rows = _rows(report)
    table = lambda h, rs: ("<table><tr>" + "".join(f"<th>{e(c)}</th>" for c in h) + "</tr>"
                           + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rs)
                           + "</table>")
    return "".join([
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>Audit report {e(report.batch_id)}</title><style>body{{font-family:sans-serif;margin:2em}}"
        "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:3px 8px;text-align:left}"
        "code{font-size:90%}</style></head><body>",
        f"<h1>De-identification audit: batch {e(report.batch_id)}</h1>",
        f"<p>Closed: {e(report.closed_at or 'not yet')}<br>Chain head: <code>{e(report.head)}</code><br>"
        f"Open review items: {sum(s.open_review for s in report.interviews)}</p>",
        "<h2>Redactions by entity type</h2>", bar_chart(report.totals()),
        "<h2>Redactions per interview</h2>", table(head, rows),
        "<h2>Versions</h2>", table(["component", "version"],
                                   [[k, ", ".join(sorted(v))] for k, v in sorted(report.versions.items())]),
        "<h2>Files</h2>", table(["file", "sha256"], sorted(report.files.items())),
        "</body></html>\n"])
