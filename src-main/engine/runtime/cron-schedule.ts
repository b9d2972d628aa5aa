/**
 * Five-field cron (minute hour day-of-month month day-of-week) for timer nodes: `*`, lists,
 * ranges and steps (`*\/5`, `1-10/2`), day names and month names. As in cron, when both day
 * fields are restricted a day matches if either does. Times are local.
 */

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'day of week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
] as const;

export interface CronSchedule {
  /** The first matching minute strictly after `after` (epoch ms), or null within 5 years. */
  next(after: number): number | null;
}

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5)
    throw new Error(`cron needs five fields (minute hour day month weekday), got ${parts.length}`);
  const sets = parts.map((p, i) => parseField(p, FIELDS[i]));
  // Sunday is 0 or 7.
  if (sets[4].has(7)) sets[4].add(0);
  const [minutes, hours, days, months, weekdays] = sets;
  const dayRestricted = parts[2] !== '*' && parts[2] !== '?';
  const weekdayRestricted = parts[4] !== '*' && parts[4] !== '?';
  const dayMatches = (d: Date): boolean => {
    const dom = days.has(d.getDate());
    const dow = weekdays.has(d.getDay());
    if (dayRestricted && weekdayRestricted) return dom || dow;
    return dom && dow;
  };
  return {
    next(after: number): number | null {
      const t = new Date(after);
      t.setSeconds(0, 0);
      t.setMinutes(t.getMinutes() + 1);
      const limit = after + 5 * 366 * 24 * 3600 * 1000;
      while (t.getTime() <= limit) {
        if (!months.has(t.getMonth() + 1)) {
          t.setMonth(t.getMonth() + 1, 1);
          t.setHours(0, 0, 0, 0);
        } else if (!dayMatches(t)) {
          t.setDate(t.getDate() + 1);
          t.setHours(0, 0, 0, 0);
        } else if (!hours.has(t.getHours())) {
          t.setHours(t.getHours() + 1, 0, 0, 0);
        } else if (!minutes.has(t.getMinutes())) {
          t.setMinutes(t.getMinutes() + 1, 0, 0);
        } else {
          return t.getTime();
        }
      }
      return null;
    },
  };
}

function parseField(text: string, field: (typeof FIELDS)[number]): Set<number> {
  const values = new Set<number>();
  const value = (s: string): number => {
    const names = 'names' in field ? (field.names as readonly string[]) : [];
    const named = names.indexOf(s.toUpperCase());
    const n = named >= 0 ? named + ('names' in field && field.name === 'month' ? 1 : 0) : Number(s);
    if (!Number.isInteger(n) || n < field.min || n > field.max)
      throw new Error(`${field.name}: "${s}" is not between ${field.min} and ${field.max}`);
    return n;
  };
  for (const item of text.split(',')) {
    const [range, stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      throw new Error(`${field.name}: step "${stepText}" must be a whole number ≥ 1`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') {
      lo = field.min;
      hi = field.max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = value(a);
      hi = value(b);
      if (hi < lo) throw new Error(`${field.name}: range "${range}" runs backwards`);
    } else {
      lo = value(range);
      hi = stepText === undefined ? lo : field.max;
    }
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return values;
}
