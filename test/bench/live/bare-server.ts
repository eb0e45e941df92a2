/**
 * The bench's yardstick: a bare Express server, in a process of its own like the API server,
 * serving the body in the file it is given (GET /same) and an 11-byte body (GET /small).
 */
import express from 'express';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

const body = readFileSync(process.argv[2]!);
const app = express();
app.get('/same', (_req, res) => {
  res.type('application/json').send(body);
});
app.get('/small', (_req, res) => {
  res.type('text/plain').send('hello world');
});
const server = app.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
process.on('message', (m: string) => {
  if (m === 'exit') process.exit(0);
});
