/**
 * Issue 14 §4: malformed input answers 4xx with a problem document, never 500, and logs no stack
 * trace. Requests go over a socket to a listening app, because supertest cannot send most of them
 * (raw bytes in the path, an invalid or repeated Host, a body shorter than its Content-Length).
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../server/http/request-context.ts';
import { capturingLogger, expectNoWrite, expectProblem, HOST, NOW, ORIGIN, testApp } from '../../helpers/app.ts';
import { vendorBody } from '../../helpers/fixtures.ts';
import { TEST_PASSWORD, TEST_PASSWORD_HASH } from '../../helpers/passwords.ts';
import { listening, rawRequest, type RawRequest, type RawResponse } from '../../helpers/raw-http.ts';

const dir = mkdtempSync(join(tmpdir(), 'vs-malformed-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Vendorscope</title>');
writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');

/** The app with a web build and a capturing logger (`errors` holds what it logged as failures, with stacks). */
function served(over: Parameters<typeof testApp>[0] = {}) {
  const logger = capturingLogger();
  const t = testApp({ log: logger.log, staticDir: dir, ...over });
  return { ...t, ...logger };
}

let s: ReturnType<typeof served>;
let port: number;
let close: () => Promise<void>;
beforeAll(async () => {
  s = served();
  ({ port, close } = await listening(s.app));
});
afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  s.lines.length = 0;
  s.errors.length = 0;
});

const STACK = /\n\s+at |\.ts:\d+|node_modules/;

/** The refusal every malformed request gets: a 4xx problem document with a code, and no stack anywhere. */
function expectRefused(res: RawResponse, status: number, code: string, logged: { errors: string[]; lines: string[] }) {
  expect(res.status, res.raw.slice(0, 400)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: `urn:vendorscope:problem:${code}` });
  expect(res.body).not.toMatch(STACK);
  expect(logged.errors).toEqual([]);
  expect(logged.lines.join('\n')).not.toMatch(STACK);
}

const JSON_TYPE = ['Content-Type', 'application/json'] as const;
const OURS = ['Origin', ORIGIN] as const;
const signIn = (headers: RawRequest['headers'], body: string | Buffer = JSON.stringify({ email: 'x@example.com', password: 'wrong' })): RawRequest => ({
  method: 'POST',
  path: '/api/v1/session',
  headers: [OURS, ...(headers ?? [])],
  body,
});

/** Each of these answered 500 with a stack trace in the log (or, for what Node refuses itself, a bare 400/431). */
const CASES: { name: string; req: RawRequest; status: number; code: string; waitMs?: number }[] = [
  { name: 'a malformed percent-encoding in an API path', req: { path: '/api/v1/vendors/%E0%A4%A' }, status: 400, code: 'malformed-url' },
  { name: 'a lone % in an API path', req: { path: '/api/v1/vendors/%' }, status: 400, code: 'malformed-url' },
  { name: 'a malformed percent-encoding in a page path', req: { path: '/%E0%A4%A' }, status: 400, code: 'malformed-url' },
  { name: 'a malformed percent-encoding in a deep link', req: { path: '/vendors/%ZZ' }, status: 400, code: 'malformed-url' },
  { name: 'a malformed percent-encoding in an asset path', req: { path: '/assets/%ZZ' }, status: 400, code: 'malformed-url' },
  { name: 'an unknown charset', req: signIn([['Content-Type', 'application/json; charset=latin-9000']]), status: 415, code: 'unsupported-charset' },
  {
    name: 'a charset other than UTF-8',
    req: signIn([['Content-Type', 'application/json; charset=utf-16le']], Buffer.from('{}', 'utf16le')),
    status: 415,
    code: 'unsupported-charset',
  },
  { name: 'utf8 (body-parser knows only utf-8)', req: signIn([['Content-Type', 'application/json; charset=utf8']]), status: 415, code: 'unsupported-charset' },
  {
    name: 'a utf- charset iconv does not know',
    req: signIn([['Content-Type', 'application/json; charset=utf-9000']]),
    status: 415,
    code: 'unsupported-charset',
  },
  {
    name: 'gzip with a body that is not gzip',
    req: signIn([JSON_TYPE, ['Content-Encoding', 'gzip']], 'not gzip at all'),
    status: 400,
    code: 'malformed-request',
  },
  {
    name: 'gzip with a truncated body',
    req: signIn([JSON_TYPE, ['Content-Encoding', 'gzip']], gzipSync('{"email":"x@example.com"}').subarray(0, 12)),
    status: 400,
    code: 'malformed-request',
  },
  { name: 'br with a body that is not brotli', req: signIn([JSON_TYPE, ['Content-Encoding', 'br']], '{}'), status: 400, code: 'malformed-request' },
  { name: 'zstd', req: signIn([JSON_TYPE, ['Content-Encoding', 'zstd']], '{}'), status: 415, code: 'unsupported-content-encoding' },
  { name: 'an unknown Content-Encoding', req: signIn([JSON_TYPE, ['Content-Encoding', 'foo']], '{}'), status: 415, code: 'unsupported-content-encoding' },
  { name: 'two Content-Encodings', req: signIn([JSON_TYPE, ['Content-Encoding', 'gzip, foo']], '{}'), status: 415, code: 'unsupported-content-encoding' },
  { name: 'Host: [::1', req: { path: '/api/v1/health', headers: [['Host', '[::1']] }, status: 400, code: 'bad-host' },
  { name: 'Host: a b', req: { path: '/api/v1/health', headers: [['Host', 'a b']] }, status: 400, code: 'bad-host' },
  { name: 'an empty Host', req: { path: '/api/v1/health', headers: [['Host', '']] }, status: 400, code: 'bad-host' },
  { name: 'Host with a path', req: { path: '/api/v1/health', headers: [['Host', 'evil.example/x']] }, status: 400, code: 'bad-host' },
  { name: 'Host with user info', req: { path: '/api/v1/health', headers: [['Host', 'me@evil.example']] }, status: 400, code: 'bad-host' },
  { name: 'Host with a port out of range', req: { path: '/api/v1/health', headers: [['Host', 'vendorscope.test:99999']] }, status: 400, code: 'bad-host' },
  {
    name: 'two Host headers',
    req: {
      path: '/api/v1/health',
      headers: [
        ['Host', HOST],
        ['Host', 'evil.example'],
      ],
    },
    status: 400,
    code: 'bad-host',
  },
  { name: 'an invalid Host on a page', req: { path: '/', headers: [['Host', '[::1']] }, status: 400, code: 'bad-host' },
  {
    name: 'invalid UTF-8 in a JSON body',
    req: signIn([JSON_TYPE], Buffer.from([...Buffer.from('{"email":"'), 0xff, ...Buffer.from('@example.com","password":"x"}')])),
    status: 400,
    code: 'bad-encoding',
  },
  {
    name: 'a body shorter than its Content-Length',
    req: signIn([JSON_TYPE, ['Content-Length', '100']], '{}'),
    status: 400,
    code: 'malformed-request',
    waitMs: 200,
  },
  {
    name: 'a header line without a colon',
    req: { path: '/api/v1/health', headers: [['X-Fine', 'yes\r\nNo colon here']] },
    status: 400,
    code: 'malformed-request',
  },
  { name: 'a Content-Length that is not a number', req: signIn([JSON_TYPE, ['Content-Length', 'abc']], '{}'), status: 400, code: 'malformed-request' },
  // Found by the fuzz test below (GET //?q=%E0%A4%A with Range: bytes=5-1 answered 500).
  { name: 'an unsatisfiable Range on the page', req: { path: '/', headers: [['Range', 'bytes=5-1']] }, status: 416, code: 'range-not-satisfiable' },
  { name: 'a Range past the end of a deep link', req: { path: '/vendors/3', headers: [['Range', 'bytes=500-']] }, status: 416, code: 'range-not-satisfiable' },
  {
    name: 'a Range past the end of an asset',
    req: { path: '/assets/app-abc123.js', headers: [['Range', 'bytes=500-']] },
    status: 416,
    code: 'range-not-satisfiable',
  },
  { name: 'an If-Match the page does not meet', req: { path: '/', headers: [['If-Match', '"x"']] }, status: 412, code: 'precondition-failed' },
  {
    name: 'an If-Match an asset does not meet',
    req: { path: '/assets/app-abc123.js', headers: [['If-Match', '"x"']] },
    status: 412,
    code: 'precondition-failed',
  },
  {
    name: 'an If-Unmodified-Since before the page',
    req: { path: '/', headers: [['If-Unmodified-Since', 'Mon, 01 Jan 2001 00:00:00 GMT']] },
    status: 412,
    code: 'precondition-failed',
  },
  { name: 'headers over the size limit', req: { path: '/api/v1/health', headers: [['X-Big', 'a'.repeat(20_000)]] }, status: 431, code: 'headers-too-large' },
];

describe('a malformed request', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: 4xx problem, no stack logged', async (_name, c) => {
    expectRefused(await rawRequest(port, c.req, c.waitMs), c.status, c.code, s);
  });

  it('is access-logged and never cached when it is an API request', async () => {
    const res = await rawRequest(port, { path: '/api/v1/health', headers: [['Host', 'a b']] });
    expectRefused(res, 400, 'bad-host', s);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(s.lines.join('\n')).toMatch(/GET \/api\/v1\/health 400 /);
  });

  it('a fault of ours that a library reports with a 4xx status (no index.html to send) stays a logged 500', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'vs-no-build-'));
    try {
      const t = served({ staticDir: empty });
      const res = await t.anon().get('/vendors/3');
      expectProblem(res, 500, 'internal-error');
      expect(t.errors.join()).toContain('GET /vendors/3 failed');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('a Host header with a port, an IPv6 address or an IP is fine', async () => {
    for (const host of [`${HOST}:8080`, '[::1]:3000', '127.0.0.1', 'localhost']) {
      const res = await rawRequest(port, { path: '/api/v1/health', headers: [['Host', host]] });
      expect(res.status, host).toBe(200);
    }
  });

  it('an X-Forwarded-Proto a trusted proxy garbled does not break the app origin', async () => {
    const t = served({ trustProxy: true });
    const { port: p, close: c } = await listening(t.app);
    try {
      const res = await rawRequest(p, { path: '/api/v1/health', headers: [['X-Forwarded-Proto', 'a b']] });
      expect(res.status, res.raw).toBe(200);
      expect(t.errors).toEqual([]);
    } finally {
      await c();
    }
  });

  it('a gzip, deflate or br body that is what it says is read', async () => {
    for (const [encoding, body] of [
      ['gzip', gzipSync('{}')],
      ['br', brotliCompressSync('{}')],
    ] as const) {
      const res = await rawRequest(port, signIn([JSON_TYPE, ['Content-Encoding', encoding]], body));
      expectRefused(res, 400, 'validation-failed', s); // an empty object: read, then refused field by field
    }
  });
});

describe('a session cookie that does not decode', () => {
  for (const value of ['%E0%A4%A', '%', '%ZZ', '"%"']) {
    it(`(${SESSION_COOKIE}=${value}) is treated as absent: the health check answers, sign-in works`, async () => {
      const t = served();
      const bad = `${SESSION_COOKIE}=${value}`;
      expect((await t.anon().get('/api/v1/health').set('Cookie', bad)).status).toBe(200);
      expectProblem(await t.anon().get('/api/v1/vendors').set('Cookie', bad), 401, 'authentication-required');
      t.deps.store.users.create('viv@example.com', TEST_PASSWORD_HASH, 'analyst', NOW);
      const res = await t.anon().post('/api/v1/session').set('Cookie', bad).send({ email: 'viv@example.com', password: TEST_PASSWORD });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const fresh = (res.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
      expect((await t.anon().get('/api/v1/vendors').set('Cookie', fresh)).status).toBe(200);
      expect(t.errors).toEqual([]);
    });
  }
});

describe('invalid UTF-8 in a JSON body', () => {
  /** A vendor whose name holds these bytes, as they are. */
  const [before, after] = JSON.stringify(vendorBody({ name: 'NAME' })).split('NAME') as [string, string];
  const withBytes = (bytes: Uint8Array) => Buffer.concat([Buffer.from(before), bytes, Buffer.from(after)]);
  /** Posts the bytes as they are (superagent would turn a Buffer into JSON of its own). */
  const post = (t: ReturnType<typeof served>, body: Buffer, type = 'application/json') =>
    t.http
      .post('/api/v1/vendors')
      .set('Content-Type', type)
      .serialize((b: Buffer) => b as never)
      .send(body as never);
  const UTF8 = new TextDecoder('utf-8', { fatal: true });
  const invalid = (b: Uint8Array) => {
    try {
      UTF8.decode(b);
      return false;
    } catch {
      return true;
    }
  };

  it('is refused with bad-encoding and writes nothing, where express.json used to substitute U+FFFD', async () => {
    const t = served();
    const res = await expectNoWrite(t.db, () => post(t, withBytes(Uint8Array.of(0xff))));
    expectProblem(res, 400, 'bad-encoding');
  });

  it('any invalid sequence inside a string is refused (property)', async () => {
    const t = served();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 8 }).filter(invalid), async (bytes) => {
        const res = await expectNoWrite(t.db, () => post(t, withBytes(bytes)));
        expectProblem(res, 400, 'bad-encoding');
      }),
      { numRuns: 60 },
    );
  });

  it('valid UTF-8 is still read, whatever the case of the charset', async () => {
    const t = served();
    for (const [type, name] of [
      ['application/json; charset=UTF-8', 'Ærø Ltd 🚀'],
      ['application/json', 'Ærø Ltd 🚀 3'],
    ] as const) {
      const res = await post(t, withBytes(Buffer.from(name)), type);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.name).toBe(name);
    }
  });
});

describe('fuzzed requests', () => {
  const arb = {
    method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
    path: fc
      .tuple(
        fc.constantFrom(
          '/api/v1/health',
          '/api/v1/vendors',
          '/api/v1/vendors/1',
          '/api/v1/session',
          '/api/v1/import/vendors',
          '/api/v1/reviews/due.ics',
          '/api/v1/nothing',
          '/',
          '/vendors/3',
          '/assets/app-abc123.js',
          '/assets/',
          '*',
          'http://other.example/api/v1/health',
          'api/v1/health',
        ),
        fc.oneof(
          fc.constant(''),
          fc.constantFrom(
            '%',
            '/%',
            '/%E0%A4%A',
            '/%ZZ',
            '/%00',
            '/%C0%AF',
            '/..%2F..%2F',
            '/%2e%2e/',
            '//',
            '/;x',
            '/~',
            '/\xff\xfe',
            '/%F0%9F%9A%80',
            '/%ED%A0%80',
          ),
          fc.string({ unit: fc.constantFrom(...'abc%/.0123456789EFZ;~-_'.split('')), maxLength: 12 }).map((x) => `/${x}`),
        ),
        fc.oneof(
          fc.constant(''),
          fc.constantFrom(
            '?q=%E0%A4%A',
            '?q=%',
            '?q[a]=1',
            '?q[]=1&q[]=2',
            '?q=a&q=b',
            '?token=%',
            '?token=a&token=b',
            '?sort=__proto__',
            '?__proto__[x]=1',
            '?constructor=1',
            '?=&&=',
            `?q=${'x'.repeat(8000)}`,
            `?${'a=1&'.repeat(1500)}`,
          ),
        ),
      )
      .map(([a, b, c]) => a + b + c),
    header: fc.oneof(
      fc.constantFrom<[string, string]>(
        ['Cookie', `${SESSION_COOKIE}=%E0%A4%A`],
        ['Cookie', `${SESSION_COOKIE}=%`],
        ['Cookie', `${SESSION_COOKIE}="`],
        ['Cookie', `${SESSION_COOKIE}`],
        ['Cookie', '=;;=; ;'],
        ['Cookie', `${SESSION_COOKIE}=a; ${SESSION_COOKIE}=%ZZ`],
        ['Cookie', '__proto__=x; constructor=y'],
        ['Host', '[::1'],
        ['Host', 'a b'],
        ['Host', ''],
        ['Host', 'a/b'],
        ['Host', '%'],
        ['Host', 'vendorscope.test:0'],
        ['Host', 'vendorscope.test:'],
        ['Content-Type', 'application/json; charset=latin-9000'],
        ['Content-Type', 'application/json; charset=utf-16'],
        ['Content-Type', 'application/json; charset="utf-8"'],
        ['Content-Type', 'application/json; charset'],
        ['Content-Type', 'application/json;;;'],
        ['Content-Type', 'application/'],
        ['Content-Type', 'text/csv; charset=utf-7'],
        ['Content-Type', '*/*'],
        ['Content-Encoding', 'gzip'],
        ['Content-Encoding', 'br'],
        ['Content-Encoding', 'deflate'],
        ['Content-Encoding', 'zstd'],
        ['Content-Encoding', 'foo'],
        ['Content-Encoding', 'identity'],
        ['Content-Encoding', 'GZIP'],
        ['Origin', 'null'],
        ['Origin', ''],
        ['Origin', 'http://[::1'],
        ['Origin', '%'],
        ['Origin', 'javascript:alert(1)'],
        ['Origin', ORIGIN],
        ['Authorization', 'Basic ===='],
        ['Authorization', 'Basic !!!'],
        ['Authorization', `Basic ${Buffer.from('no colon').toString('base64')}`],
        ['Authorization', `Basic ${Buffer.from([0xff, 0x3a, 0xfe]).toString('base64')}`],
        ['Authorization', 'Bearer'],
        ['Authorization', 'Bearer %'],
        ['Authorization', 'Negotiate abc'],
        ['Authorization', ''],
        ['X-Forwarded-Proto', 'a b'],
        ['X-Forwarded-For', 'not-an-ip, ,'],
        ['X-Forwarded-Host', '[::1'],
        ['Sec-Fetch-Site', 'same-origin'],
        ['Transfer-Encoding', 'chunked'],
        ['Content-Length', '-1'],
        ['Content-Length', '5, 6'],
        ['Accept', 'application/json;q=abc'],
        ['If-None-Match', '"'],
        ['Range', 'bytes=5-1'],
        ['Range', 'bytes=abc'],
      ),
      fc
        .tuple(fc.constantFrom('Cookie', 'Origin', 'Authorization', 'Content-Type', 'Host', 'X-Anything'), fc.string({ maxLength: 20 }))
        .map(([k, v]) => [k, v.replace(/[\r\n]/g, '')] as [string, string]),
    ),
    body: fc.oneof(
      fc.constant(''),
      fc.constant('{}'),
      fc.constant(JSON.stringify(vendorBody({ name: 'Fuzzed' }))),
      fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
      fc.constant(gzipSync('{"name":')),
      fc.constant(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d])),
    ),
    contentLength: fc.constantFrom('auto', 'auto', 'auto', 'short', 'long', 'none'),
  };

  it('never answer 5xx, answer refusals with a problem document, and log no stack trace', async () => {
    const t = served({ trustProxy: true });
    const { port: p, close: c } = await listening(t.app);
    const signedIn = t.cookieFor('admin', 'fuzz@example.com');
    try {
      await fc.assert(
        fc.asyncProperty(
          arb.method,
          arb.path,
          fc.array(fc.oneof({ weight: 4, arbitrary: arb.header }, { weight: 1, arbitrary: fc.constant<[string, string]>(['Cookie', signedIn]) }), {
            maxLength: 4,
          }),
          arb.body,
          arb.contentLength,
          async (method, path, headers, body, cl) => {
            const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
            const explicit = headers.some(([k]) => /^(content-length|transfer-encoding)$/i.test(k));
            const length: [string, string][] =
              explicit || cl === 'auto'
                ? []
                : cl === 'none'
                  ? []
                  : [['Content-Length', String(cl === 'short' ? bytes.length + 7 : Math.max(0, bytes.length - 1))]];
            t.errors.length = 0;
            t.lines.length = 0;
            const res = await rawRequest(p, { method, path, headers: [...headers, ...length], body: bytes, contentLength: cl === 'auto' }, 150);
            const seen = `${method} ${path.slice(0, 200)} ${JSON.stringify(headers)} → ${res.raw.slice(0, 300)}`;
            expect(res.status, seen).toBeGreaterThanOrEqual(100);
            expect(res.status, seen).toBeLessThan(500);
            // Every refusal is a problem document, but for a missing asset (plain text, so no browser runs a page as a script).
            const missingAsset = res.status === 404 && path.startsWith('/assets/');
            if (res.status >= 400 && !missingAsset && method !== 'HEAD') {
              expect(res.headers['content-type'], seen).toMatch(/^application\/problem\+json/);
              expect(JSON.parse(res.body).code, seen).toMatch(/^[a-z-]+$/);
            }
            expect(res.body, seen).not.toMatch(STACK);
            expect(t.errors, seen).toEqual([]);
          },
        ),
        { numRuns: 500 },
      );
    } finally {
      await c();
    }
  }, 120_000);
});
