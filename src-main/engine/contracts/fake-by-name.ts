import { en, Faker } from '@faker-js/faker';

/**
 * Plausible values for schema fields by what their name suggests (email, id, amount…),
 * shared by the protobuf and Avro generators. Callers clamp to the field's type.
 */

/** The day generated dates lead up to. */
const REF_DATE = Date.UTC(2026, 0, 1);

/** One faker for every payload: generation is synchronous, so seeding it per payload is safe. */
const shared = new Faker({ locale: [en] });

/** The faker seeded for one payload, so the same sequence number gives the same payload. */
export function seededFaker(seq: number): Faker {
  shared.seed(seq);
  // Dates relative to a fixed day, not to now, so a payload never changes between runs.
  shared.setDefaultRefDate(REF_DATE);
  return shared;
}

const STATUSES = ['new', 'paid', 'shipped', 'delivered', 'cancelled'];

/** A string that fits a field called `name`. */
export function fakeString(faker: Faker, name: string): string {
  const n = name.toLowerCase();
  if (n.includes('email')) return faker.internet.email();
  if (n === 'id' || n.endsWith('_id') || n.endsWith('id') || n.includes('uuid')) return faker.string.uuid();
  if (n.includes('firstname') || n.includes('first_name')) return faker.person.firstName();
  if (n.includes('lastname') || n.includes('last_name')) return faker.person.lastName();
  if (n.includes('product') || n.includes('item') || n === 'title') return faker.commerce.productName();
  if (n.includes('name') || n === 'customer' || n === 'user') return faker.person.fullName();
  if (n.includes('phone')) return faker.phone.number();
  if (n.includes('street') || n.includes('address')) return faker.location.streetAddress();
  if (n.includes('city')) return faker.location.city();
  if (n.includes('country')) return faker.location.countryCode();
  if (n.includes('zip') || n.includes('postal')) return faker.location.zipCode();
  if (n.includes('currency')) return faker.finance.currencyCode();
  if (n.includes('url') || n.includes('link')) return faker.internet.url();
  if (n.includes('sku')) return faker.string.alphanumeric({ length: 8, casing: 'upper' });
  if (n.includes('status') || n.includes('state')) return faker.helpers.arrayElement(STATUSES);
  if (isTimeName(name)) return faker.date.recent().toISOString();
  if (n.includes('description') || n.includes('comment') || n.includes('note')) return faker.lorem.sentence();
  return faker.lorem.word();
}

/** A number that fits a field called `name`, inside [min, max]. */
export function fakeNumber(faker: Faker, name: string, integer: boolean, min: number, max: number): number {
  const n = name.toLowerCase();
  let lo = 0;
  let hi = 1000;
  if (/amount|price|total|cost|balance|sum/.test(n)) [lo, hi] = [1, 5000];
  else if (/quantity|qty|count/.test(n)) [lo, hi] = [1, 20];
  else if (n.includes('age')) [lo, hi] = [18, 90];
  else if (/(^|_)id$|id$/.test(n)) [lo, hi] = [1, 1_000_000];
  else if (isTimeName(name)) [lo, hi] = [REF_DATE - 30 * 86_400_000, REF_DATE];
  lo = Math.max(lo, min);
  hi = Math.min(hi, max);
  if (lo > hi) [lo, hi] = [min, max];
  return integer
    ? faker.number.int({ min: lo, max: hi })
    : faker.number.float({ min: lo, max: hi, fractionDigits: 2 });
}

/** `createdAt`, `created_at`, `timestamp`, `date`: a point in time. */
function isTimeName(name: string): boolean {
  return /(At|_at)$/.test(name) || /date|time/i.test(name);
}
