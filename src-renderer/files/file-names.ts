/** The last part of a path, for either separator (the engine may run on Windows). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** A file name for Save As: the current file's name, else the flow name made file-safe. */
export function suggestedFileName(filePath: string | null, flowName: string): string {
  if (filePath) return baseName(filePath);
  const slug = flowName
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'flow'}.flow.json`;
}

/** Ends the name in `.flow.json` (the only files the workspace holds): `a` and `a.json` → `a.flow.json`. */
export function withFlowExtension(name: string): string {
  const stem = name
    .trim()
    .replace(/\.flow\.json$/i, '')
    .replace(/\.json$/i, '');
  return `${stem}.flow.json`;
}

/** `<file name or flow name> — Flowbench`, with a leading `● ` while there are unsaved changes. */
export function windowTitle(filePath: string | null, flowName: string, dirty: boolean): string {
  const label = filePath ? baseName(filePath) : flowName || 'Untitled flow';
  return `${dirty ? '● ' : ''}${label} — Flowbench`;
}
