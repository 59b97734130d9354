// The scenario-pack runner (spec/scenario-pack.md): `npm run scenarios -- <pack.json> [more…]`, headless in Node.

import { readFileSync } from 'node:fs';
import { RULESET } from '../src/domain/ruleset';
import { checkPackShape, runScenario } from '../src/domain/scenario-pack';

const files = process.argv.slice(2);
let passed = 0;
let failed = 0;
let packsValid = true;

if (files.length === 0) {
  console.error('usage: npm run scenarios -- <pack.json> [more packs…]');
  packsValid = false;
}

for (const file of files) {
  let pack: unknown;
  try {
    pack = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`ERROR ${file}: cannot read pack: ${(e as Error).message}`);
    packsValid = false;
    continue;
  }
  const shape = checkPackShape(pack);
  if (shape.length) {
    for (const p of shape) console.log(`ERROR ${file}: ${p.where}: ${p.message}`);
    packsValid = false;
    continue;
  }
  const { ruleset, scenarios } = pack as { ruleset?: unknown; scenarios: unknown[] };
  if (ruleset !== undefined && ruleset !== RULESET)
    console.log(`WARN ${file}: written for ruleset ${String(ruleset)}; this build applies ${RULESET}`);
  scenarios.forEach((raw, i) => {
    const r = runScenario(raw, i);
    if (r.status === 'pass') {
      passed++;
      console.log(`PASS ${r.id}`);
    } else if (r.status === 'fail') {
      failed++;
      console.log(`FAIL ${r.id}: ${r.differences.join('; ')}`);
    } else {
      failed++;
      console.log(`FAIL ${r.id}: invalid scenario: ${r.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`);
    }
  });
}

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && packsValid ? 0 : 1;
