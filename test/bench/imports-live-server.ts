/**
 * The server bench:imports measures, in a process of its own so that its memory is its own: it
 * opens the database file it is given, listens on a free port, tells its parent the port and an
 * analyst's and an admin's session cookies, and samples its memory (process.memoryUsage) every 20 ms.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/db/open.ts';
import { makeDeps } from '../../server/deps.ts';
import { SESSION_COOKIE } from '../../server/http/request-context.ts';
import { testOptions } from '../helpers/app.ts';
import { TEST_PASSWORD_HASH } from '../helpers/passwords.ts';

const deps = makeDeps(openDb(process.argv[2]!), testOptions({ version: 'bench' }));
const analyst = deps.store.users.create(`bench-${process.pid}@example.com`, TEST_PASSWORD_HASH, 'analyst', deps.clock.now());
const cookie = `${SESSION_COOKIE}=${deps.auth.startSession(deps.store.users.find(analyst)!, false, { ip: '127.0.0.1', userAgent: 'bench' }, null).secret}`;
const admin = deps.store.users.create(`bench-admin-${process.pid}@example.com`, TEST_PASSWORD_HASH, 'admin', deps.clock.now());
const adminCookie = `${SESSION_COOKIE}=${deps.auth.startSession(deps.store.users.find(admin)!, false, { ip: '127.0.0.1', userAgent: 'bench' }, null).secret}`;

let peak = { rss: 0, heapUsed: 0 };
const sample = () => {
  const m = process.memoryUsage();
  peak = { rss: Math.max(peak.rss, m.rss), heapUsed: Math.max(peak.heapUsed, m.heapUsed) };
};
setInterval(sample, 20);

const server = http.createServer(createApp(deps));
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port, cookie, adminCookie }));
process.on('message', (m: string) => {
  sample();
  if (m === 'exit') process.exit(0);
  // Every question gets an answer, so the parent can wait for each.
  if (m === 'reset') peak = { rss: 0, heapUsed: 0 };
  process.send!(m === 'peak' ? peak : { ...process.memoryUsage() });
});
