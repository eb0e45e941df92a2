// A worker thread does not inherit the tsx loader of the thread that starts it: register it here,
// then load the TypeScript worker named in workerData.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
