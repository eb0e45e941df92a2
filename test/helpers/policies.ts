/** Methodology 1.0.0 as a stored version reads it (its parameters from the golden fixture, through storedPolicy). */
import { readFileSync } from 'node:fs';
import { storedPolicy, type Policy } from '../../server/domain/methodology.ts';

const golden = JSON.parse(readFileSync(new URL('../fixtures/golden/golden-1.0.0.json', import.meta.url), 'utf8')) as {
  policy: { version: string } & Record<string, unknown>;
};
const { version, ...parameters } = golden.policy;

/** The parameters methodology 1.0.0 stored, before root causes, campaigns and the incident cap. */
export const V1_PARAMETERS: Readonly<Record<string, unknown>> = parameters;
export const V1_POLICY: Policy = storedPolicy(parameters, version);
