/** /admin/webhooks and /admin/deliveries: admin only, secrets shown once, targets checked when saved. */
import { describe, expect, it } from 'vitest';
import { expectNoWrite, expectProblem, failingPaths, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';
import { incidentAdded } from '../../helpers/changes.ts';
import { DEFAULT_ALERTS } from '../../../server/deps.ts';
import { webhookEvent } from '../../../server/domain/webhook.ts';

const target = { name: 'SIEM', url: 'https://siem.example.com/vendorscope', format: 'json' };

describe('webhooks API', () => {
  it('creates a target with a generated secret shown once, lists and reads it without the secret', async () => {
    const { http } = testApp();
    const created = await http.post('/api/v1/admin/webhooks').send(target).expect(201);
    expect(created.body).toMatchObject({ ...target, kinds: null, tiers: null, minSeverity: null, enabled: true, version: 1 });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const listed = await http.get('/api/v1/admin/webhooks').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    const one = await http.get(`/api/v1/admin/webhooks/${created.body.id}`).expect(200);
    expect(one.body.secret).toBeUndefined();
    expect(one.headers.etag).toBe('"v1"');
  });

  it('keeps a given secret, changes a target against its version, deletes it', async () => {
    const { http, db } = testApp();
    const created = (
      await http
        .post('/api/v1/admin/webhooks')
        .send({ ...target, secret: 'a secret of our own, long enough' })
        .expect(201)
    ).body;
    expect(created.secret).toBe('a secret of our own, long enough');
    const patched = await http
      .patch(`/api/v1/admin/webhooks/${created.id}`)
      .set('If-Match', '"v1"')
      .send({ format: 'slack', kinds: ['incident-added'], enabled: false })
      .expect(200);
    expect(patched.body).toMatchObject({ format: 'slack', kinds: ['incident-added'], enabled: false, version: 2 });
    const stale = await expectNoWrite(db, () => http.patch(`/api/v1/admin/webhooks/${created.id}`).set('If-Match', '"v1"').send({ enabled: true }));
    expectProblem(stale, 412, 'edit-conflict');
    await http.delete(`/api/v1/admin/webhooks/${created.id}`).expect(204);
    expectProblem(await http.get(`/api/v1/admin/webhooks/${created.id}`), 404, 'webhook-not-found');
  });

  it.each([
    ['a non-http scheme', 'ftp://files.example.com/x'],
    ['a file URL', 'file:///etc/passwd'],
    ['a link-local address', 'http://169.254.10.1/hook'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['the Alibaba metadata address', 'http://100.100.100.200/'],
    ['the AWS IPv6 metadata address', 'http://[fd00:ec2::254]/'],
    ['an IPv6 link-local address', 'http://[fe80::1]/'],
    ['an IPv4-mapped metadata address', 'http://[::ffff:169.254.169.254]/'],
    ['Google’s metadata host', 'http://metadata.google.internal/computeMetadata/v1/'],
    ['a loopback address not allow-listed', 'http://127.0.0.1:8080/hook'],
    ['a private address not allow-listed', 'http://10.1.2.3/hook'],
    ['something that is no URL', 'not a url'],
  ])('refuses %s with 400 on body.url, writing nothing', async (_what, url) => {
    const { http, db } = testApp();
    const res = await expectNoWrite(db, () => http.post('/api/v1/admin/webhooks').send({ ...target, url }));
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toEqual(['body.url']);
  });

  it('accepts a private or loopback target that WEBHOOK_ALLOW lists, never a metadata one', async () => {
    const { http } = testApp({ alerts: { ...DEFAULT_ALERTS, webhookAllow: '127.0.0.1,10.0.0.0/8,169.254.169.254' } });
    await http
      .post('/api/v1/admin/webhooks')
      .send({ ...target, url: 'http://127.0.0.1:8080/hook' })
      .expect(201);
    await http
      .post('/api/v1/admin/webhooks')
      .send({ ...target, url: 'http://10.9.8.7/hook' })
      .expect(201);
    expectProblem(await http.post('/api/v1/admin/webhooks').send({ ...target, url: 'http://169.254.169.254/' }), 400, 'validation-failed');
    expectProblem(await http.post('/api/v1/admin/webhooks').send({ ...target, url: 'http://192.168.1.1/' }), 400, 'validation-failed');
  });

  it.each([
    ['a short secret', { ...target, secret: 'short' }, 'body.secret'],
    ['an unknown format', { ...target, format: 'xml' }, 'body.format'],
    ['an unknown kind', { ...target, kinds: ['nope'] }, 'body.kinds.0'],
    ['an empty patch', null, 'body'],
  ])('refuses %s with 400, writing nothing', async (_what, body, path) => {
    const { http, db } = testApp();
    const id = (await http.post('/api/v1/admin/webhooks').send(target)).body.id;
    const res = await expectNoWrite(db, () =>
      body === null ? http.patch(`/api/v1/admin/webhooks/${id}`).send({}) : http.post('/api/v1/admin/webhooks').send(body),
    );
    expectProblem(res, 400, 'validation-failed');
    expect(failingPaths(res)).toContain(path);
  });

  it('documents the WebhookEvent body in the OpenAPI document, with the target and delivery shapes', async () => {
    const { http } = testApp();
    const doc = (await http.get('/api/v1/openapi.json').expect(200)).body;
    for (const id of ['WebhookEvent', 'Webhook', 'CreatedWebhook', 'Delivery', 'WatchRule', 'Notification'])
      expect(Object.keys(doc.components.schemas)).toContain(id);
    expect(doc.components.schemas.WebhookEvent.required).toEqual(expect.arrayContaining(['schema', 'deliveryId', 'sentAt', 'change', 'vendor', 'link']));
    const example = await http.get('/api/v1/admin/webhooks/schema/event').expect(200);
    expect(webhookEvent.parse(example.body).schema).toBe('vendorscope.change/1');
  });

  it('is for admins only', async () => {
    const { as, db } = testApp();
    const analyst = as('analyst');
    expectProblem(await analyst.get('/api/v1/admin/webhooks'), 403, 'forbidden');
    expectProblem(await expectNoWrite(db, () => analyst.post('/api/v1/admin/webhooks').send(target)), 403, 'forbidden');
    expectProblem(await analyst.get('/api/v1/admin/deliveries'), 403, 'forbidden');
  });
});

describe('delivery log API', () => {
  it('lists deliveries by channel with status and attempts, never a secret; retries only a failed one', async () => {
    const { http, deps, db } = testApp();
    const vendor = (await http.post('/api/v1/vendors').send(vendorBody())).body;
    const hook = (await http.post('/api/v1/admin/webhooks').send(target)).body;
    const [c] = deps.changes.record([incidentAdded(vendor, 'critical')]);
    const log = await http.get('/api/v1/admin/deliveries?channel=webhook').expect(200);
    expect(log.body.items).toMatchObject([
      { channel: 'webhook', key: `webhook-${hook.id}-change-${c!.id}`, recipient: 'SIEM', status: 'pending', attempts: 0, lastError: null, changeIds: [c!.id] },
    ]);
    expect(JSON.stringify(log.body)).not.toContain(hook.secret);
    expect((await http.get('/api/v1/admin/deliveries?channel=email').expect(200)).body.items).toEqual([]);
    const id = log.body.items[0].id;
    expectProblem(await expectNoWrite(db, () => http.post(`/api/v1/admin/deliveries/${id}/retry`)), 409, 'conflict');
    deps.store.deliveries.markFailed(id, 'answered 500', null);
    const retried = await http.post(`/api/v1/admin/deliveries/${id}/retry`).expect(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 1, lastError: 'answered 500' });
    expectProblem(await http.post('/api/v1/admin/deliveries/999/retry'), 404, 'delivery-not-found');
    const bad = await expectNoWrite(db, () => http.get('/api/v1/admin/deliveries?channel=pigeon&status=lost'));
    expectProblem(bad, 400, 'validation-failed');
    expect(failingPaths(bad).sort()).toEqual(['query.channel', 'query.status']);
  });
});
