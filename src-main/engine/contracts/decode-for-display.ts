import type { MessageDetail } from '@shared/api/contract';
import { parseFlowValue } from '@shared/flow/parse';
import type { Store } from '../../store/store';
import type { CompiledContract } from './contract-types';
import { describePayload } from './describe-payload';
import { compileFlowContracts } from './flow-contracts';

const CACHED_RUNS = 8;

/**
 * Adds the readable form of a message's payload for the message view: decoded with the
 * contract its destination had in the run that recorded it (the run's own copy of the flow,
 * so later edits do not change how old messages read), or a hex dump when it is binary.
 * Contracts are compiled once per run and kept for the last few runs looked at.
 */
export function createPayloadDecoder(store: Store): (detail: MessageDetail) => MessageDetail {
  const byRun = new Map<string, Map<string, CompiledContract>>();
  const contractsOf = (runId: string): Map<string, CompiledContract> => {
    let found = byRun.get(runId);
    if (found) return found;
    found = new Map();
    const text = store.getRunFlow(runId);
    const parsed = text ? parseFlowValue(JSON.parse(text)) : null;
    if (parsed?.ok) {
      const compiled = compileFlowContracts(parsed.flow);
      for (const node of parsed.flow.nodes) {
        const contract = compiled.byNode.get(node.id);
        const cfg = node.config as { topic?: string; queue?: string; exchange?: string };
        const name = cfg.topic ?? cfg.queue ?? cfg.exchange;
        if (contract && name) found.set(name, contract);
      }
    }
    byRun.set(runId, found);
    if (byRun.size > CACHED_RUNS) byRun.delete(byRun.keys().next().value as string);
    return found;
  };
  return (detail) => {
    const contract = contractsOf(detail.runId).get(detail.destination);
    const binary = detail.payloadText === null;
    if (!contract && !binary) return detail;
    const payload =
      detail.payloadBase64 !== null
        ? Buffer.from(detail.payloadBase64, 'base64')
        : Buffer.from(detail.payloadText ?? '', 'utf8');
    const d = describePayload(payload, contract);
    if (d.format === 'json' || d.format === 'text') return detail;
    return {
      ...detail,
      decoded: { format: d.format, text: d.text, schemaId: d.schemaId, problem: d.problem },
    };
  };
}
