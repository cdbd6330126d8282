"""Flows and tasks: one task per stage per file, paths in and paths out.

Nothing identified crosses Prefect: parameters and results are paths, ids and
hashes; task results are not persisted; log lines name files, never text.
"""
from __future__ import annotations

import contextvars
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact

from deidflow import pipeline, prefect_env
from deidflow.pipeline import Job, Outcome, RunConfig
from transcription import files_at_once as lanes_for

TASK_OPTS = dict(persist_result=False, cache_policy=None, log_prints=False)


def _transient(task, task_run, state) -> bool:
    """Retry only what a second try can fix (a busy disk or vault lock), never bad input."""
    try:
        state.result()
    except pipeline.StageError as exc:
        return exc.transient
    except Exception:
        return False
    return False


@task(name="plan", **TASK_OPTS)
def plan_task(path: str, cfg: dict) -> dict:
    return pipeline.plan(Path(path), RunConfig(**cfg)).to_dict()


@task(name="transcribe", retries=1, retry_condition_fn=_transient, **TASK_OPTS)
def transcribe_task(job: dict, cfg: dict) -> str:
    return pipeline.transcribe_job(Job(**job), RunConfig(**cfg))


@task(name="diarize", retries=1, retry_condition_fn=_transient, **TASK_OPTS)
def diarize_task(job: dict, cfg: dict) -> str:
    return pipeline.diarize_job(Job(**job), RunConfig(**cfg))


@task(name="deidentify", retries=1, retry_condition_fn=_transient, **TASK_OPTS)
def deidentify_task(job: dict, cfg: dict) -> str:
    return pipeline.deidentify_job(Job(**job), RunConfig(**cfg))


@task(name="export", retries=1, retry_condition_fn=_transient, **TASK_OPTS)
def export_task(transcript_path: str, cfg: dict) -> list[str]:
    return pipeline.export_job(transcript_path, RunConfig(**cfg))


@flow(name="process-interview", persist_result=False, log_prints=False)
def process_interview(path: str, output_dir: str = "transcripts_out", vault_dir: str = "vault",
                      engine: str = "faster-whisper", model: str | None = None,
                      study: str | None = None, formats: list[str] | None = None) -> dict:
    """One recording or transcript, end to end. Raises StageError (safe message) on failure."""
    cfg = RunConfig(output_dir, vault_dir, engine, model, study, formats)
    pipeline.preload(cfg)
    return _stages(path, cfg.to_dict()).to_dict()


ASR_TAGS = ["asr"]


def _transcribe_task():
    """Tagged `asr` where a shared server can hold a cluster-wide limit on that tag. A local run's
    private SQLite server holds none, and asking it for a slot costs seconds per file."""
    return transcribe_task.with_options(tags=ASR_TAGS) if prefect_env.shared_server() else transcribe_task


def _stages(path: str, cfg: dict) -> Outcome:
    logger = get_run_logger()
    started = time.monotonic()
    job = plan_task(path, cfg)
    if job["skip"]:
        logger.info("%s: skipped (%s)", Path(path).name, job["skip"])
        return Outcome(Path(path).name, job["interview_id"], "skipped", job["skip"], job["source"]["duration_s"])
    _transcribe_task()(job, cfg)
    diarize_task(job, cfg)
    transcript = deidentify_task(job, cfg)
    export_task(transcript, cfg)
    logger.info("%s: done as %s", Path(path).name, job["interview_id"])
    return Outcome(Path(path).name, job["interview_id"], "done", None, job["source"]["duration_s"],
                   time.monotonic() - started)


@flow(name="process-interviews", persist_result=False, log_prints=False)
def process_interviews(input_dir: str = "audio_in", output_dir: str = "transcripts_out",
                       vault_dir: str = "vault", engine: str = "faster-whisper", model: str | None = None,
                       study: str | None = None, formats: list[str] | None = None,
                       fan_out: bool = False, deployment: str = "process-interview/process-interview",
                       files_at_once: int | None = None) -> dict:
    """A folder of recordings. A failing file is reported and the others go on.

    files_at_once: recordings processed side by side in this process (default: by core count).
    """
    logger = get_run_logger()
    cfg = RunConfig(output_dir, vault_dir, engine, model, study, formats)
    paths, rejected = pipeline.batch_inputs(Path(input_dir))
    for r in rejected:
        logger.warning("%s: %s", r.path.name, r.reason)
    params = dict(output_dir=output_dir, vault_dir=vault_dir, engine=engine, model=model,
                  study=study, formats=formats)
    if fan_out:
        outcomes = _fan_out(paths, params, deployment)
    else:
        lanes = lanes_for(engine, len(paths), files_at_once)
        outcomes = _in_process(paths, RunConfig(**params, files_at_once=lanes))
    for o in outcomes:
        if o.status == "failed":
            logger.error("%s: %s", o.file, o.reason)
    return _finish(outcomes, rejected, cfg)


def _in_process(paths: list[Path], cfg: RunConfig) -> list[Outcome]:
    """Stage tasks straight under the batch run (a sub-flow per file would cost a second each),
    in cfg.files_at_once lanes: while one file is diarized or de-identified, another is
    transcribed, so no core waits on a single file's stages."""
    if paths:
        pipeline.preload(cfg)

    def one(path: Path) -> Outcome:
        try:
            return _stages(str(path), cfg.to_dict())
        except pipeline.StageError as exc:
            return Outcome(path.name, None, "failed", str(exc))

    with ThreadPoolExecutor(max(1, cfg.files_at_once), thread_name_prefix="deidflow-lane") as lanes:
        # each lane runs in a copy of this flow run's context, as Prefect's own task runner does
        futures = [lanes.submit(contextvars.copy_context().run, one, p) for p in paths]
        return [f.result() for f in futures]


def _fan_out(paths: list[Path], params: dict, deployment: str) -> list[Outcome]:
    """One flow run per recording, so every worker polling the pool shares the batch."""
    from prefect.deployments import run_deployment
    from prefect.flow_runs import wait_for_flow_run

    runs = [(p, run_deployment(deployment, parameters={"path": str(p.resolve()), **params}, timeout=0))
            for p in paths]
    return [outcome_of(p, wait_for_flow_run(r.id, timeout=None).state) for p, r in runs]


def outcome_of(path: Path, state) -> Outcome:
    try:
        result = state.result(raise_on_failure=False)
    except Exception:   # a remote run's result is not persisted (by design): only its state is known
        result = None
    if state.is_completed():
        return Outcome(**result) if isinstance(result, dict) else Outcome(path.name, None, "done")
    reason = str(result) if isinstance(result, pipeline.StageError) else (state.message or "failed")
    return Outcome(path.name, None, "failed", reason)


def _finish(outcomes: list[Outcome], rejected, cfg: RunConfig) -> dict:
    summary = pipeline.close_batch(outcomes, rejected, cfg)
    rows = [f"| {o.file} | {o.status} | {o.reason or ''} |" for o in outcomes]
    rows += [f"| {r.path.name} | failed | {r.reason} |" for r in rejected]
    create_markdown_artifact("| file | status | reason |\n|---|---|---|\n" + "\n".join(rows),
                             key="deidflow-batch", description="deidflow batch outcome")
    return summary
