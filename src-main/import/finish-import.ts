import type { ImportReport, ImportResult } from '@shared/api/import-requests';
import { describeProblem } from '@shared/flow/problems';
import { parseFlowValue, serializeFlow } from '@shared/flow/parse';
import type { FlowBuilder } from './flow-builder';
import { layoutFlow } from './layout-flow';

/**
 * Lays the built flow out and checks it as a file would be checked on open: the text an
 * import hands back always parses. A flow with nothing mapped is an error, with the reasons.
 */
export async function finishImport(
  b: FlowBuilder,
  name: string,
  about: Pick<ImportReport, 'format' | 'source'>,
): Promise<ImportResult> {
  const report: ImportReport = { ...about, mapped: b.mapped, skipped: b.skipped };
  if (b.nodes.length === 0) {
    const why = b.skipped.length > 0 ? `: ${b.skipped.join('; ')}` : '';
    return { ok: false, error: { message: `nothing in the document could be mapped to a flow${why}` } };
  }
  const flow = await layoutFlow(b.build(name));
  const parsed = parseFlowValue(JSON.parse(serializeFlow(flow)));
  if (!parsed.ok) {
    // A mapping bug, not the user's document: say what broke.
    return {
      ok: false,
      error: {
        message: `the imported flow is invalid: ${parsed.problems.map((p) => describeProblem(p)).join('; ')}`,
      },
    };
  }
  return { ok: true, text: serializeFlow(parsed.flow), report };
}
