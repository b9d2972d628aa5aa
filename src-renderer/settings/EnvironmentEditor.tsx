import { useState, type ReactElement } from 'react';
import type { CustomEnvironment } from '@shared/run/custom-environment';
import { appInfo, errorText } from '../app/api-holder';
import { Dialog } from '../app/Dialog';
import { ConnectionResults, type TestOutcome } from './ConnectionResults';
import {
  buildEnvironment,
  deleteCustomEnvironment,
  saveCustomEnvironment,
  testCustomEnvironment,
} from './custom-environment-actions';
import { formFromEnvironment, type EnvForm, type EnvFormErrors, type EnvFormField } from './env-form';
import { Check, Section, SelectField, TextField } from './EditorFields';
import { selectEnvironment } from './environment-actions';
import { SecretField } from './SecretField';

interface Props {
  /** The environment to edit; absent for a new one. */
  initial?: CustomEnvironment;
  onClose(): void;
}

/**
 * The editor of a user-defined environment: Kafka (brokers, TLS, SASL), RabbitMQ (URL,
 * user, password, CA) and gRPC TLS, each password a reference. Test connection tries the
 * form as it is; Save stores it and makes it the active environment.
 */
export function EnvironmentEditor({ initial, onClose }: Props): ReactElement {
  const [form, setForm] = useState<EnvForm>(() => formFromEnvironment(initial));
  const [errors, setErrors] = useState<EnvFormErrors>({});
  const [grpcAddress, setGrpcAddress] = useState('');
  const [outcome, setOutcome] = useState<TestOutcome>({ state: 'idle' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const keychainAvailable = appInfo().mode === 'desktop';
  const set = <K extends EnvFormField>(key: K, value: EnvForm[K]): void =>
    setForm((f) => ({ ...f, [key]: value }));

  /** Checks the form and stores typed keychain passwords; null (errors shown) when it is not valid. */
  const build = async (): Promise<CustomEnvironment | null> => {
    const built = await buildEnvironment(form);
    if (!built.ok) {
      setErrors(built.errors);
      return null;
    }
    setErrors({});
    setForm(built.form);
    return built.environment;
  };

  const act = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (err) {
      setFailure(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const test = (): Promise<void> =>
    act(async () => {
      const env = await build();
      if (!env) return;
      setOutcome({ state: 'testing' });
      const res = await testCustomEnvironment(env, grpcAddress);
      setOutcome({ state: 'done', ...res });
    });
  const save = (): Promise<void> =>
    act(async () => {
      const env = await build();
      if (!env) return;
      const saved = await saveCustomEnvironment(env, !initial);
      await selectEnvironment(saved.id);
      onClose();
    });
  const remove = (): Promise<void> =>
    act(async () => {
      if (!initial) return;
      await deleteCustomEnvironment(initial);
      onClose();
    });

  return (
    <Dialog
      title={initial ? `Environment “${initial.name}”` : 'New environment'}
      wide
      onCancel={onClose}
      actions={
        <>
          {initial && (
            <button
              type="button"
              className="fb-btn fb-btn--danger fb-env-editor__delete"
              disabled={busy}
              onClick={() => void remove()}
            >
              Delete
            </button>
          )}
          <button type="button" className="fb-btn" disabled={busy} onClick={() => void test()}>
            Test connection
          </button>
          <button type="button" className="fb-btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="fb-btn fb-btn--primary"
            disabled={busy}
            onClick={() => void save()}
          >
            Save
          </button>
        </>
      }
    >
      <form
        className="fb-env-editor"
        aria-label="Environment settings"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField
          label="Name"
          value={form.name}
          error={errors.name}
          autoFocus
          onChange={(v) => set('name', v)}
        />

        <Section title="Kafka" on={form.kafkaOn} onToggle={(on) => set('kafkaOn', on)}>
          <TextField
            label="Kafka brokers"
            hint="host:port, separated by commas."
            mono
            value={form.kafkaBrokers}
            error={errors.kafkaBrokers}
            onChange={(v) => set('kafkaBrokers', v)}
          />
          <Check label="TLS" checked={form.kafkaTls} onChange={(v) => set('kafkaTls', v)} />
          {form.kafkaTls && (
            <>
              <TextField
                label="Kafka CA file"
                hint="PEM file of the CA that signed the brokers' certificates; empty: the system's CAs."
                mono
                value={form.kafkaCaFile}
                error={errors.kafkaCaFile}
                onChange={(v) => set('kafkaCaFile', v)}
              />
              <Check
                label="Verify the brokers' certificates"
                checked={form.kafkaVerify}
                onChange={(v) => set('kafkaVerify', v)}
              />
            </>
          )}
          <SelectField
            label="SASL"
            value={form.kafkaSasl}
            options={[
              ['', 'None'],
              ['plain', 'PLAIN'],
              ['scram-sha-256', 'SCRAM-SHA-256'],
              ['scram-sha-512', 'SCRAM-SHA-512'],
            ]}
            onChange={(v) => set('kafkaSasl', v as EnvForm['kafkaSasl'])}
          />
          {form.kafkaSasl && (
            <>
              <TextField
                label="Kafka user"
                value={form.kafkaUser}
                error={errors.kafkaUser}
                onChange={(v) => set('kafkaUser', v)}
              />
              <SecretField
                label="Kafka password"
                value={form.kafkaPassword}
                keychainAvailable={keychainAvailable}
                error={errors.kafkaPassword}
                onChange={(v) => set('kafkaPassword', v)}
              />
            </>
          )}
        </Section>

        <Section title="RabbitMQ" on={form.amqpOn} onToggle={(on) => set('amqpOn', on)}>
          <TextField
            label="AMQP URL"
            hint="amqp:// or amqps:// (TLS), without a password."
            mono
            value={form.amqpUrl}
            error={errors.amqpUrl}
            onChange={(v) => set('amqpUrl', v)}
          />
          {form.amqpUrl.trim().startsWith('amqps://') && (
            <TextField
              label="AMQP CA file"
              hint="Empty: the system's CAs."
              mono
              value={form.amqpCaFile}
              error={errors.amqpCaFile}
              onChange={(v) => set('amqpCaFile', v)}
            />
          )}
          <TextField
            label="AMQP user"
            value={form.amqpUser}
            error={errors.amqpUser}
            onChange={(v) => set('amqpUser', v)}
          />
          <Check label="Password" checked={form.amqpPasswordOn} onChange={(v) => set('amqpPasswordOn', v)} />
          {form.amqpPasswordOn && (
            <SecretField
              label="AMQP password"
              value={form.amqpPassword}
              keychainAvailable={keychainAvailable}
              error={errors.amqpPassword}
              onChange={(v) => set('amqpPassword', v)}
            />
          )}
        </Section>

        <Section title="gRPC TLS" on={form.grpcOn} onToggle={(on) => set('grpcOn', on)}>
          <TextField
            label="gRPC CA file"
            mono
            value={form.grpcCaFile}
            error={errors.grpcCaFile}
            onChange={(v) => set('grpcCaFile', v)}
          />
          <TextField
            label="Client certificate file"
            mono
            value={form.grpcCertFile}
            error={errors.grpcCertFile}
            onChange={(v) => set('grpcCertFile', v)}
          />
          <TextField
            label="Client key file"
            mono
            value={form.grpcKeyFile}
            error={errors.grpcKeyFile}
            onChange={(v) => set('grpcKeyFile', v)}
          />
        </Section>
        <TextField
          label="gRPC address to test"
          hint="host:port; Test connection reaches it (over TLS when gRPC TLS is on). Not saved."
          mono
          value={grpcAddress}
          onChange={setGrpcAddress}
        />
        {/* Enter in a field saves, as in other dialogs. */}
        <button type="submit" hidden tabIndex={-1} />
      </form>
      {failure && (
        <p role="alert" className="fb-field__error">
          {failure}
        </p>
      )}
      <ConnectionResults outcome={outcome} />
    </Dialog>
  );
}
