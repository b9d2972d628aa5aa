export interface PayloadView {
  mode: 'json' | 'text' | 'base64' | 'empty';
  text: string;
}

/** A payload for reading: pretty JSON when it parses, else the raw text, else base64. */
export function payloadView(payloadText: string | null, payloadBase64: string | null): PayloadView {
  if (payloadText !== null) {
    if (payloadText === '') return { mode: 'empty', text: '' };
    try {
      return { mode: 'json', text: JSON.stringify(JSON.parse(payloadText), null, 2) };
    } catch {
      return { mode: 'text', text: payloadText };
    }
  }
  if (payloadBase64 !== null) return { mode: 'base64', text: payloadBase64 };
  return { mode: 'empty', text: '' };
}

/** `14:03:07.125` in local time; the list is about one run, so the date adds nothing. */
export function clockTime(ts: number): string {
  const d = new Date(ts);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** 512 → `512 B`, 2048 → `2.0 KB`. */
export function byteSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
