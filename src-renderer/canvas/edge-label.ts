// The label moved to src-shared so exports (SVG, Mermaid) show the same text as the canvas.
export * from '@shared/flow/edge-label';
