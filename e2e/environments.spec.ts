import { expect, test } from './fixtures/app';
import { requireLocalBrokers } from './fixtures/brokers';
import { EnvironmentEditorPage } from './pages/environments';

// The server of each test inherits this process's environment: the password lives only there.
const PASSWORD_VARIABLE = 'FLOWBENCH_E2E_RABBIT_PASSWORD';
process.env[PASSWORD_VARIABLE] = 'guest';

test.beforeAll(async () => {
  await requireLocalBrokers();
});

test('a custom environment on the local brokers, its RabbitMQ password from a variable: tested, chosen, and the sample flow runs on it', async ({
  workbench,
}, testInfo) => {
  const { toolbar, canvas, page } = workbench;
  const editor = new EnvironmentEditorPage(page);

  await editor.openNew();
  await editor.fill({ Name: 'Local by variable', 'Kafka brokers': '127.0.0.1:9092' });
  await editor.fill({ 'AMQP URL': 'amqp://127.0.0.1:5672', 'AMQP user': 'guest' });
  await editor.check('Password');
  // Browser mode has no keychain: the option is there, disabled, and says why.
  await expect(editor.secret('AMQP password').getByRole('option', { name: 'OS keychain' })).toBeDisabled();
  await expect(editor.secret('AMQP password')).toContainText('Browser mode cannot keep secrets');
  await editor.passwordFromVariable('AMQP password', PASSWORD_VARIABLE);
  await expect(editor.secret('AMQP password')).toContainText(`from $${PASSWORD_VARIABLE}`);

  await editor.testConnection();
  await expect(editor.result('kafka')).toContainText(/ok, \d+ ms/);
  await expect(editor.result('amqp')).toContainText(/ok, \d+ ms/);
  await workbench.screenshot(testInfo, '01-tested');

  // A URL with a password in it is refused, pointing at the password field.
  await editor.fill({ 'AMQP URL': 'amqp://guest:guest@127.0.0.1:5672' });
  await editor.testConnection();
  await expect(editor.dialog.getByRole('alert')).toContainText('AMQP URL: must not contain a password');
  await editor.fill({ 'AMQP URL': 'amqp://127.0.0.1:5672' });

  await editor.save();
  await expect(toolbar.environment().locator('option:checked')).toHaveText('Local by variable');
  await expect(page.getByRole('button', { name: 'Edit environment Local by variable' })).toBeVisible();

  await toolbar.run();
  await toolbar.waitForRunState('running');
  for (const [id, counter] of [
    ['billing-consumer', 'received'],
    ['worker-consumer', 'received'],
  ] as const) {
    await expect
      .poll(() => canvas.counter(id, counter), { message: `${id} ${counter}`, timeout: 60_000 })
      .toBeGreaterThan(0);
  }
  await workbench.screenshot(testInfo, '02-running-on-custom');
  await toolbar.stop();
  await toolbar.waitForRunState('stopped', 'idle');

  // Reopened with the keyboard: the password shows where it comes from, never a value.
  await page.getByRole('button', { name: 'Edit environment Local by variable' }).focus();
  await page.keyboard.press('Enter');
  await expect(editor.dialog).toBeVisible();
  await expect(editor.secret('AMQP password')).toContainText(`from $${PASSWORD_VARIABLE}`);
  await page.keyboard.press('Escape');
  await expect(editor.dialog).toBeHidden();
});
