"""--jobs: lint files in worker processes, results back in the order of the files.

Workers are forked from the main process after every config, rule set and fact file
has been loaded, so they start warm and nothing is pickled but paths and results. Each
worker reads the cache itself (its own SQLite connection); the main process alone writes
it and applies --diff-base and --baseline. Where fork is not available (Windows, macOS
defaults) or the run is small, files are linted here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from newslint.runner import FileResult, Session

MIN_FILES_PER_JOB = 8  # below this a pool costs more than it saves (the pre-commit case)
# Files go to workers in chunks: each chunk costs the main process a round of pickling and
# thread hand-offs (chunks of 4 took 2.3 s of its CPU over 10,000 articles, chunks of 128
# 0.7 s), but the last chunk is a tail that one worker finishes alone. So: about 16 chunks
# per worker, at most 128 files each.
CHUNKS_PER_JOB = 16
MAX_CHUNK = 128
_session: Session | None = None  # the forked workers' copy of the main process's session


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lint_files(session: Session, files: list[Path], jobs: int) -> Iterator[FileResult]:
    """One result per file, in the order of ``files``.

    Workers answer cached files too: reading, hashing and rendering a cached file's
    findings is most of a re-run, and it spreads over the cores like linting does.
    """
    jobs = min(jobs, len(files) // MIN_FILES_PER_JOB)
    if jobs > 1:
        import multiprocessing  # here: a run of a few files (pre-commit) does not pay for importing it

        if "fork" not in multiprocessing.get_all_start_methods():
            jobs = 1
    if jobs <= 1:
        for path in files:
            yield session.lint_path(path)
        return
    global _session
    _session = session
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        chunk = max(1, min(MAX_CHUNK, len(files) // (jobs * CHUNKS_PER_JOB)))
        for path, result in zip(files, pool.imap(_lint_in_worker, files, chunksize=chunk)):
            session.store(result)
            yield session.finish(path, result)


def _lint_in_worker(path: Path) -> FileResult:
    return _session.compact(_session.lint_file(path))
