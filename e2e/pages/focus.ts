import type { Locator, Page } from '@playwright/test';

/*
 * The e2e code is type-checked without the DOM library (it runs in Node), so the little
 * of the page these probes read is typed here by hand.
 */
interface ProbeElement {
  id: string;
  textContent: string | null;
}
interface ProbeGlobals {
  document: { activeElement: ProbeElement | null; querySelector(s: string): ProbeElement | null };
  getComputedStyle(el: ProbeElement): { outlineStyle: string; color: string; backgroundColor: string };
}

/** What has keyboard focus, and the colours a region is drawn in. */
export class FocusPage {
  constructor(private readonly page: Page) {}

  /** The labels of the form fields in `root`, in document (and so Tab) order. */
  fieldLabels(root: Locator): Promise<string[]> {
    return root.locator('label.fb-field__label').allTextContents();
  }

  /** The label of the focused field and the outline style drawn around it. */
  focused(): Promise<{ label: string | null; outline: string }> {
    return this.page.evaluate(() => {
      const g = globalThis as unknown as ProbeGlobals;
      const el = g.document.activeElement;
      if (!el) return { label: null, outline: 'none' };
      const label = el.id ? (g.document.querySelector(`label[for="${el.id}"]`)?.textContent ?? null) : null;
      return { label, outline: g.getComputedStyle(el).outlineStyle };
    });
  }

  /** Text and background colours of a region, as relative luminance (0 black … 1 white). */
  async luminance(region: Locator): Promise<{ text: number; background: number }> {
    const [color, background] = await region.evaluate((el) => {
      const style = (globalThis as unknown as ProbeGlobals).getComputedStyle(el as unknown as ProbeElement);
      return [style.color, style.backgroundColor];
    });
    return { text: relativeLuminance(color), background: relativeLuminance(background) };
  }
}

/** WCAG relative luminance of a CSS `rgb(…)` colour. */
function relativeLuminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
