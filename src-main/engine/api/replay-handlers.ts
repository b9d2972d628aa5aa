import type { EngineHandlers } from '../engine-types';
import type { RunController } from '../runtime/run-controller';
import { redriveRecorded } from '../replay/replay-redrive';
import { ReplayService, type ReplayDeps } from '../replay/replay-service';

type ReplayRequestName =
  | 'replay.preview'
  | 'replay.start'
  | 'replay.cancel'
  | 'replay.get'
  | 'replay.list'
  | 'replay.links'
  | 'replay.redrive';

/** The replay requests (issue 6) and the service behind them; `close` cancels replays going. */
export function createReplayHandlers(
  deps: Omit<ReplayDeps, 'run'>,
  controller: RunController,
): { handlers: Pick<EngineHandlers, ReplayRequestName>; close(): Promise<void> } {
  const run: ReplayDeps['run'] = () => (controller.currentRunId ? controller.currentOrLast() : null);
  const service = new ReplayService({ ...deps, run });
  return {
    handlers: {
      'replay.preview': async ({ plan, limit }) => service.preview(plan, limit),
      'replay.start': async ({ plan }) => service.start(plan),
      'replay.cancel': async ({ replayId }) => service.cancel(replayId),
      'replay.get': async ({ replayId }) => service.get(replayId),
      'replay.list': async ({ limit }) => deps.store.replays.list(limit),
      'replay.links': async ({ messageId }) => deps.store.replays.links(messageId),
      'replay.redrive': async ({ nodeId }) =>
        redriveRecorded({ ...deps, run }, service, nodeId, (id, hooks) => controller.redrive(id, hooks)),
    },
    close: () => service.close(),
  };
}
