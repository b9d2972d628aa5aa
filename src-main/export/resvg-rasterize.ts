import { Resvg } from '@resvg/resvg-js';

/**
 * Renders SVG text to PNG bytes at a pixel ratio, headlessly (no browser): resvg with the
 * system's fonts, sans-serif falling back to DejaVu Sans where no other is installed.
 */
export async function rasterizeWithResvg(svg: string, scale: number): Promise<Uint8Array> {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: true,
      sansSerifFamily: 'DejaVu Sans',
      monospaceFamily: 'DejaVu Sans Mono',
      defaultFontFamily: 'DejaVu Sans',
    },
  });
  return new Uint8Array(resvg.render().asPng());
}
