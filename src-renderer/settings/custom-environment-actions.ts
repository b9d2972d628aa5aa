import type { ConnectionCheck, CustomEnvironment, SecretRef } from '@shared/run/custom-environment';
import { secretRefsOf } from '@shared/run/custom-environment';
import { api } from '../app/api-holder';
import {
  environmentFromForm,
  PENDING_KEYCHAIN_ID,
  type EnvForm,
  type EnvFormErrors,
  type SecretInput,
} from './env-form';
import { useSettingsStore } from './settings-store';

type Built =
  { ok: true; environment: CustomEnvironment; form: EnvForm } | { ok: false; errors: EnvFormErrors };

/** Stores a typed keychain password (replacing the entry it had) and forgets the typed value. */
async function storeTyped(input: SecretInput): Promise<SecretInput> {
  if (input.source !== 'keychain' || !input.typed) return input;
  const { id } = await api()['secrets.set']({
    ...(input.keychainId ? { id: input.keychainId } : {}),
    value: input.typed,
  });
  return { ...input, keychainId: id, typed: '' };
}

/**
 * Checks the form, then stores any keychain password typed into it, and returns the
 * environment with real keychain ids (and the form without the typed values).
 */
export async function buildEnvironment(form: EnvForm): Promise<Built> {
  const checked = environmentFromForm(form);
  if (!checked.ok) return checked;
  const stored: EnvForm = {
    ...form,
    kafkaPassword: form.kafkaOn && form.kafkaSasl ? await storeTyped(form.kafkaPassword) : form.kafkaPassword,
    amqpPassword:
      form.amqpOn && form.amqpPasswordOn ? await storeTyped(form.amqpPassword) : form.amqpPassword,
  };
  const built = environmentFromForm(stored);
  if (!built.ok) return built;
  const refs = secretRefsOf(built.environment).map((r) => r.ref);
  if (refs.some((r) => r.from === 'keychain' && r.id === PENDING_KEYCHAIN_ID))
    throw new Error('a keychain password was not stored');
  return { ok: true, environment: built.environment, form: stored };
}

/** Saves the environment (a new id for a new one) and refreshes the picker's list. */
export async function saveCustomEnvironment(
  env: CustomEnvironment,
  isNew: boolean,
): Promise<CustomEnvironment> {
  const { id, ...rest } = env;
  const { environment } = await api()['environments.save']({ environment: isNew ? rest : { ...rest, id } });
  await refreshCustoms();
  const active = useSettingsStore.getState().environment;
  if (active.kind === 'custom' && active.id === environment.id)
    useSettingsStore.getState().setEnvironment(environment);
  return environment;
}

/** Deletes the environment and the keychain entries only it used. */
export async function deleteCustomEnvironment(env: CustomEnvironment): Promise<void> {
  await api()['environments.delete']({ id: env.id });
  const deleteSecret = api()['secrets.delete'];
  // Best effort: a secret left behind is ciphertext nobody references.
  for (const ref of keychainRefs(env)) await deleteSecret({ id: ref.id }).catch(() => undefined);
  await refreshCustoms();
  const active = useSettingsStore.getState().environment;
  if (active.kind === 'custom' && active.id === env.id)
    useSettingsStore.getState().setEnvironment({ kind: 'embedded' });
}

/** Tests an environment as the form has it, without saving it. */
export async function testCustomEnvironment(
  env: CustomEnvironment,
  grpcAddress: string,
): Promise<{ results: ConnectionCheck[]; error?: string }> {
  return api()['environment.test']({
    environment: env,
    ...(grpcAddress.trim() ? { grpcAddress: grpcAddress.trim() } : {}),
  });
}

async function refreshCustoms(): Promise<void> {
  const { environments } = await api()['environments.list']({});
  useSettingsStore.getState().setCustoms(environments);
}

function keychainRefs(env: CustomEnvironment): Array<Extract<SecretRef, { from: 'keychain' }>> {
  return secretRefsOf(env)
    .map((r) => r.ref)
    .filter((r): r is Extract<SecretRef, { from: 'keychain' }> => r.from === 'keychain');
}
