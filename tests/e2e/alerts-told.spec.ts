import { amAlert, amPayload } from '../integration/signals-helpers';
import { expect, signIn, test } from './fixtures';

/** An Alertmanager incident shows what each alert told (instance, description), signed by Alertmanager, not by the key. */
test('an Alertmanager incident shows each alert’s instance and description, signed “Alertmanager”', async ({ page, server }) => {
  const key = await server.createIngestKey();
  const res = await fetch(`${server.url}/api/v1/alerts/alertmanager`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(
      amPayload('{}:{alertname="DiskFull"}', [
        amAlert('d1', 'firing', {
          labels: { alertname: 'DiskFull', severity: 'warning', instance: 'db-7:9100' },
          summary: 'Disk on db-7 is 97 % full',
          description: 'The /var/lib/postgresql volume fills at 2 GB an hour.',
        }),
      ]),
    ),
  });
  expect(res.status).toBe(200);
  const { incidents } = (await res.json()) as { incidents: { number: number }[] };
  await signIn(page.context(), server, 'engineer');
  await page.goto(`${server.url}/incidents/${incidents[0]!.number}`);
  const told = page.getByTestId('alerts-told');
  await expect(told).toContainText('Disk on db-7 is 97 % full');
  await expect(told).toContainText('db-7:9100');
  await expect(told).toContainText('The /var/lib/postgresql volume fills at 2 GB an hour.');
  const authors = page.getByTestId('timeline-entry').locator('span.font-medium');
  await expect(authors.first()).toHaveText('Alertmanager');
  await expect(page.getByTestId('timeline')).not.toContainText('ingest key');
});
