import { describe, expect, it } from 'vitest';
import { parseCron } from './cron-schedule';

const at = (s: string): number => new Date(s).getTime();
const iso = (t: number | null): string => {
  if (t === null) return 'never';
  const d = new Date(t);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

describe('parseCron', () => {
  it('fires every five minutes on the five-minute marks', () => {
    const c = parseCron('*/5 * * * *');
    expect(iso(c.next(at('2026-03-01T10:02:30')))).toBe('2026-03-01 10:05');
    expect(iso(c.next(at('2026-03-01T10:05:00')))).toBe('2026-03-01 10:10');
  });

  it('rolls over hours, days, months and years', () => {
    expect(iso(parseCron('0 0 1 1 *').next(at('2026-06-15T12:00:00')))).toBe('2027-01-01 00:00');
    expect(iso(parseCron('30 9 * * *').next(at('2026-03-01T09:30:00')))).toBe('2026-03-02 09:30');
  });

  it('matches either day field when both are restricted, as cron does', () => {
    // 2026-03-01 is a Sunday; the 13th is a Friday.
    const c = parseCron('0 12 13 * FRI');
    expect(iso(c.next(at('2026-03-01T00:00:00')))).toBe('2026-03-06 12:00');
    expect(iso(c.next(at('2026-03-06T12:00:00')))).toBe('2026-03-13 12:00');
  });

  it('takes ranges, lists, steps, names and Sunday as 7', () => {
    expect(iso(parseCron('0 8-18/5 * * MON-FRI').next(at('2026-03-02T09:00:00')))).toBe('2026-03-02 13:00');
    expect(iso(parseCron('15,45 * * * *').next(at('2026-03-02T09:20:00')))).toBe('2026-03-02 09:45');
    expect(iso(parseCron('0 0 * * 7').next(at('2026-03-02T00:00:00')))).toBe('2026-03-08 00:00');
    expect(iso(parseCron('0 0 1 FEB *').next(at('2026-03-02T00:00:00')))).toBe('2027-02-01 00:00');
  });

  it('never fires on a date that does not exist', () => {
    expect(parseCron('0 0 30 2 *').next(at('2026-01-01T00:00:00'))).toBeNull();
  });

  it('says which field is wrong', () => {
    expect(() => parseCron('* * *')).toThrow('five fields');
    expect(() => parseCron('61 * * * *')).toThrow('minute: "61" is not between 0 and 59');
    expect(() => parseCron('* 5-2 * * *')).toThrow('hour: range "5-2" runs backwards');
    expect(() => parseCron('*/0 * * * *')).toThrow('step "0"');
  });
});
