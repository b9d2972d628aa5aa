import { randomUUID } from 'node:crypto';
import type { RunDeletion } from '@shared/api/runs-requests';

/** What deletes one run wholly (in steps behind its mark): the archive's thread, or the store inline. */
export interface RunDeleter {
  /** False when the run is unknown or running; `onProgress` (0-1) when the deleter can tell. */
  deleteRun(runId: string, onProgress?: (fraction: number) => void): boolean | Promise<boolean>;
}

/**
 * Deletion jobs: runs go one after the other, with a turn of the event loop in between so a
 * cancel (and every other request) gets in. What cancel means: the run in hand is already
 * marked (hidden) and partly emptied, and finishing it is the only state without partial data,
 * so it is finished; the runs not started yet are kept whole. Each run is wholly kept or
 * wholly gone; never half a run.
 */
export class RunDeletions {
  private readonly jobs = new Map<string, RunDeletion & { cancel: boolean }>();

  constructor(
    private readonly archive: RunDeleter,
    private readonly report: (progress: RunDeletion) => void,
    /** Waits until recorded rows of finished runs are written, so none land after the delete. */
    private readonly settled: () => Promise<void>,
  ) {}

  start(runIds: string[]): RunDeletion {
    const ids = [...new Set(runIds)];
    const job = {
      jobId: randomUUID(),
      total: ids.length,
      done: 0,
      deleted: 0,
      state: 'running' as const,
      cancel: false,
    };
    this.jobs.set(job.jobId, job);
    void this.run(job, ids);
    return view(job);
  }

  cancel(jobId: string): RunDeletion | null {
    const job = this.jobs.get(jobId);
    if (!job) return null;
    job.cancel = true;
    return view(job);
  }

  /** Resolves when no job is running (tests and shutdown). */
  async idle(): Promise<void> {
    while ([...this.jobs.values()].some((j) => j.state === 'running')) await turn();
  }

  private async run(job: RunDeletion & { cancel: boolean }, runIds: string[]): Promise<void> {
    try {
      await this.settled();
      for (const id of runIds) {
        await turn();
        if (job.cancel) break;
        const inHand = (fraction: number): void => {
          job.current = fraction;
          this.report(view(job));
        };
        if (await this.archive.deleteRun(id, inHand)) job.deleted++;
        job.done++;
        delete job.current;
        this.report(view(job));
      }
      job.state = job.cancel && job.done < job.total ? 'cancelled' : 'done';
    } catch (err) {
      job.state = 'failed';
      job.error = err instanceof Error ? err.message : String(err);
    }
    this.report(view(job));
    // Finished jobs are kept only briefly: their last state was pushed already.
    setTimeout(() => this.jobs.delete(job.jobId), 60_000).unref();
  }
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function view(job: RunDeletion & { cancel: boolean }): RunDeletion {
  const { cancel: _cancel, ...rest } = job;
  return { ...rest };
}
