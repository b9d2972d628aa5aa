// The summary moved to src-shared so exports (SVG) draw the same rows as the canvas.
export * from '@shared/flow/node-summary';
