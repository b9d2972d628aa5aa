import type { EngineHandlers } from '../engine/engine-types';
import { importDocument } from './import-document';

/** The engine's import requests (issue 7). */
export function importHandlers(): Pick<EngineHandlers, 'import.document'> {
  return {
    'import.document': async ({ text, fileName, format }) => importDocument(text, fileName, format),
  };
}
