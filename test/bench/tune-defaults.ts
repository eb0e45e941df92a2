/**
 * `npm run tune:backtest`: how the default methodology's decay was chosen, the rule and the figures
 * (test/helpers/decay-tuning.ts says how). Prints; asserts nothing. docs/METHODOLOGY.md carries the
 * same table, generated.
 */
import { DEFAULT_POLICY } from '../../server/scoring/policy.ts';
import { decayTuning } from '../helpers/decay-tuning.ts';
import { demoFacts } from '../helpers/methodology-doc.ts';

const { chosen, text } = decayTuning(demoFacts(), DEFAULT_POLICY);
console.log(text);
console.log(
  chosen === DEFAULT_POLICY.decay.name
    ? `\nThe shipped default uses ${chosen}.`
    : `\nThe shipped default uses ${DEFAULT_POLICY.decay.name}: change server/scoring/policy.ts to ${chosen}.`,
);
