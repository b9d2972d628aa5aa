import { environmentSchema, type Environment } from '@shared/run/environment';
import { api, errorText } from '../app/api-holder';
import { showNotice } from '../app/notice-store';
import { useSettingsStore } from './settings-store';

/** Reads the saved environment and the user-defined ones at start. */
export async function loadSettings(): Promise<void> {
  const [{ environment }, { environments }] = await Promise.all([
    api()['settings.get']({}),
    api()['environments.list']({}),
  ]);
  useSettingsStore.getState().setCustoms(environments);
  useSettingsStore.getState().setEnvironment(environment);
}

/** Makes a saved custom environment the active one. */
export async function selectEnvironment(id: string): Promise<void> {
  try {
    const { environment } = await api()['environment.select']({ id });
    useSettingsStore.getState().setEnvironment(environment);
  } catch (err) {
    showNotice(`Could not choose the environment: ${errorText(err)}`, { tone: 'error', ms: 8000 });
  }
}

/** Shows the environment at once and saves it in the engine's settings. */
export async function chooseEnvironment(environment: Environment): Promise<void> {
  useSettingsStore.getState().setEnvironment(environment);
  try {
    const saved = await api()['settings.setEnvironment']({ environment });
    useSettingsStore.getState().setEnvironment(saved.environment);
  } catch (err) {
    showNotice(`Could not save the environment: ${errorText(err)}`, { tone: 'error', ms: 8000 });
  }
}

/** Builds local-broker settings from the two text fields, or the first error per field. */
export function parseLocalFields(
  brokersText: string,
  amqpUrl: string,
): { ok: true; environment: Environment } | { ok: false; errors: { brokers?: string; amqp?: string } } {
  const kafkaBrokers = brokersText
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const res = environmentSchema.safeParse({ kind: 'local', kafkaBrokers, amqpUrl: amqpUrl.trim() });
  if (res.success) return { ok: true, environment: res.data };
  const errors: { brokers?: string; amqp?: string } = {};
  for (const issue of res.error.issues) {
    if (issue.path[0] === 'kafkaBrokers') errors.brokers ??= `Kafka brokers: ${issue.message}`;
    if (issue.path[0] === 'amqpUrl') errors.amqp ??= `AMQP URL: ${issue.message}`;
  }
  return { ok: false, errors };
}
