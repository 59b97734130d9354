// The licence gate (`npm run licenses`): writes the CycloneDX SBOM of the production dependencies to sbom.cdx.json and
// exits 1 naming every shipped package whose licence licenses.allowed.json does not allow, or whose notice is not shipped.
// `-- --write-notices` rewrites public/licenses/THIRD-PARTY-NOTICES.txt (the licence texts that ship in dist/).

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SBOM_FILE = join(ROOT, 'sbom.cdx.json');
const POLICY_FILE = join(ROOT, 'licenses.allowed.json');
const NOTICES_FILE = join(ROOT, 'public', 'licenses', 'THIRD-PARTY-NOTICES.txt');
const BUG = 'https://github.com/npm/cli/issues/7909';

/** `npm sbom` read from package-lock.json (no node_modules needed), parsed; exits when npm fails. */
function npmSbom(extra) {
  // Under `npm run`, npm_execpath is the npm that runs us: call the same one.
  const npm = process.env.npm_execpath;
  const [cmd, pre] = npm && npm.endsWith('.js') ? [process.execPath, [npm]] : ['npm', []];
  const args = [...pre, 'sbom', '--sbom-format', 'cyclonedx', '--package-lock-only', ...extra];
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) {
    console.error(`licences: npm ${args.slice(pre.length).join(' ')} failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
    process.exit(1);
  }
  return JSON.parse(r.stdout);
}

/** Allowed SPDX ids; an expression passes when its AND parts are all allowed and, of an OR, at least one alternative. */
function licenceProblem(expression, allowed) {
  const tokens = expression.match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const fail = (why) => {
    throw new Error(why);
  };
  // Each returns the list of ids that are not allowed on its best branch (empty: allowed).
  const orExpr = () => {
    const alternatives = [andExpr()];
    while (peek()?.toUpperCase() === 'OR') {
      i++;
      alternatives.push(andExpr());
    }
    if (alternatives.length === 1 || alternatives.some((bad) => bad.length === 0))
      return alternatives.find((bad) => !bad.length) ?? alternatives[0];
    return [`none of ${alternatives.map((bad) => bad.join(' AND ')).join(' | ')}`];
  };
  const andExpr = () => {
    const out = [...withExpr()];
    while (peek()?.toUpperCase() === 'AND') {
      i++;
      out.push(...withExpr());
    }
    return out;
  };
  const withExpr = () => {
    const base = atom();
    if (peek()?.toUpperCase() !== 'WITH') return base;
    i++;
    const exception = tokens[i++] ?? fail('nothing after WITH');
    if (base.atom === undefined) fail('WITH after a parenthesis');
    const id = `${base.atom} WITH ${exception}`;
    return allowed.has(id) ? [] : [id];
  };
  const atom = () => {
    const t = tokens[i++] ?? fail('ends too early');
    if (t === '(') {
      const inner = orExpr();
      if (tokens[i++] !== ')') fail('unclosed parenthesis');
      return inner;
    }
    if (t === ')' || /^(AND|OR|WITH)$/i.test(t)) fail(`unexpected "${t}"`);
    const out = allowed.has(t) ? [] : [t];
    return Object.assign(out, { atom: t });
  };
  try {
    if (tokens.length === 0) return 'empty licence';
    const bad = orExpr();
    if (i < tokens.length) fail(`unexpected "${tokens[i]}"`);
    return bad.length ? `not allowed: ${bad.join(', ')}` : null;
  } catch (e) {
    return `not a readable SPDX expression (${e.message})`;
  }
}

/** The licence a CycloneDX component declares, as one SPDX expression (several entries all apply), or null. */
function declared(component) {
  const parts = (component.licenses ?? []).map((l) => l.expression ?? l.license?.id ?? l.license?.name).filter(Boolean);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' AND ');
}

const refOf = (name, version) => `${name}@${version}`;

/** Production packages of the lockfile (not dev-only), by name@version, with the folder each is installed in. */
function productionPackages() {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  const out = new Map();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || entry.dev || entry.link) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const ref = refOf(name, entry.version);
    if (!out.has(ref)) out.set(ref, { path, optional: !!(entry.optional || entry.devOptional) });
  }
  return out;
}

/**
 * The SBOM of the production tree. `npm sbom --omit=dev` drops a production package that a dev dependency also
 * reaches (npm/cli#7909: here svelte, valibot, workbox-*, @babel/runtime), so each production package of the lockfile
 * it lacks is taken from the full SBOM, marked as added, and the dependency graph is rebuilt from the full one.
 */
function productionSbom(prod) {
  const bom = npmSbom(['--omit=dev']);
  const full = npmSbom([]);
  const byRef = new Map(full.components.map((c) => [c['bom-ref'], c]));
  const have = new Set(bom.components.map((c) => c['bom-ref']));
  const added = [];
  const missing = [];
  for (const [ref, { optional }] of prod) {
    if (have.has(ref)) continue;
    const c = byRef.get(ref);
    if (!c) {
      missing.push(ref);
      continue;
    }
    const scope = optional ? 'optional' : 'required';
    const note = `in the production tree of package-lock.json; npm sbom --omit=dev left it out (${BUG})`;
    bom.components.push({ ...c, scope, properties: [...(c.properties ?? []), { name: 'shirube:added', value: note }] });
    have.add(ref);
    added.push(ref);
  }
  // Whatever the omit-dev run kept is in the production tree too, or the lockfile and npm disagree.
  const extra = bom.components.map((c) => c['bom-ref']).filter((ref) => !prod.has(ref));
  bom.components.sort((a, b) => (a['bom-ref'] < b['bom-ref'] ? -1 : 1));
  const root = bom.metadata.component['bom-ref'];
  bom.dependencies = full.dependencies
    .filter((d) => d.ref === root || have.has(d.ref))
    .map((d) => ({ ...d, dependsOn: (d.dependsOn ?? []).filter((r) => have.has(r)) }));
  return { bom, added, missing, extra };
}

/** The licence files of an installed package (LICENSE, LICENCE.md, COPYING…; not a font's LICENSE_FONT). */
function licenceTexts(dir) {
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((f) => /^(licen[cs]e|copying)([.-]|$)/i.test(f))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8').replace(/\r\n?/g, '\n').trim() }));
}

/** Every production package's own licence text, as shipped in dist/licenses/ (MIT and Apache-2.0 ask for it). */
function notices(bom, prod, licenceOf) {
  const out = [
    'Shirube — licences of the third-party packages in its production dependencies.',
    'Written by `npm run licenses -- --write-notices` from package-lock.json and node_modules; do not edit.',
    'The fonts\u2019 own licences (SIL Open Font License 1.1) are beside this file.',
    '',
  ];
  const problems = [];
  for (const c of bom.components) {
    const ref = c['bom-ref'];
    const dir = join(ROOT, prod.get(ref)?.path ?? '');
    const texts = licenceTexts(dir);
    if (texts === null) problems.push(`${ref}: not installed in ${relative(ROOT, dir)} (run npm ci) — its licence text cannot be read`);
    out.push('='.repeat(78), `${c.name} ${c.version} — ${licenceOf(c)}`, '='.repeat(78), '');
    if (texts?.length) for (const t of texts) out.push(`[${t.file}]`, t.text, '');
    else out.push(`(the package has no licence file; its licence is ${licenceOf(c)})`, '');
  }
  return { text: `${out.join('\n').trimEnd()}\n`, problems };
}

function main() {
  const writeNotices = process.argv.includes('--write-notices');
  const policy = JSON.parse(readFileSync(POLICY_FILE, 'utf8'));
  const allowed = new Set(policy.licenses);
  const reviewed = policy.packages ?? {};
  const failures = [];
  for (const id of allowed) {
    if (/\s|[()]/.test(id) && !/^\S+ WITH \S+$/.test(id)) failures.push(`licenses.allowed.json: "${id}" is not one SPDX id`);
  }

  const prod = productionPackages();
  const { bom, added, missing, extra } = productionSbom(prod);
  for (const ref of missing) failures.push(`${ref}: in the production tree of package-lock.json but in no npm sbom output`);
  for (const ref of extra) failures.push(`${ref}: in npm's production SBOM but dev-only in package-lock.json`);

  const licenceOf = (c) => reviewed[c['bom-ref']]?.license ?? declared(c) ?? '(none)';
  for (const c of bom.components) {
    const ref = c['bom-ref'];
    const review = reviewed[ref];
    const licence = declared(c);
    if (review) {
      if (typeof review.license !== 'string' || !review.source || !review.note) {
        failures.push(`${ref}: its reviewed entry needs "license", "source" and "note"`);
        continue;
      }
      const problem = licenceProblem(review.license, allowed);
      if (problem) failures.push(`${c.name} ${c.version}: reviewed licence ${review.license} — ${problem}`);
      c.properties = [...(c.properties ?? []), { name: 'shirube:reviewed-license', value: `${review.license}: ${review.source}` }];
      continue;
    }
    if (licence === null) {
      failures.push(`${c.name} ${c.version}: no licence in the SBOM — read it from the package and add a reviewed entry`);
      continue;
    }
    const problem = licenceProblem(licence, allowed);
    if (problem) failures.push(`${c.name} ${c.version}: licence ${licence} — ${problem}`);
  }
  const refs = new Set(bom.components.map((c) => c['bom-ref']));
  for (const ref of Object.keys(reviewed)) {
    if (!refs.has(ref))
      failures.push(`licenses.allowed.json: reviewed entry ${ref} matches no shipped package (remove it, or review the new version)`);
  }

  writeFileSync(SBOM_FILE, `${JSON.stringify(bom, null, 2)}\n`);

  const { text, problems } = notices(bom, prod, licenceOf);
  failures.push(...problems);
  if (writeNotices && problems.length === 0) {
    writeFileSync(NOTICES_FILE, text);
    console.log(`licences: wrote ${relative(ROOT, NOTICES_FILE)}`);
  } else if (!writeNotices && (!existsSync(NOTICES_FILE) || readFileSync(NOTICES_FILE, 'utf8') !== text)) {
    failures.push(`${relative(ROOT, NOTICES_FILE)} does not match the production packages: run npm run licenses -- --write-notices`);
  }

  console.log(`licences: ${bom.components.length} production packages in ${relative(ROOT, SBOM_FILE)}`);
  if (added.length) console.log(`licences: added what npm sbom --omit=dev left out (${BUG}): ${added.join(', ')}`);
  if (failures.length) {
    for (const f of failures) console.error(`licence gate: ${f}`);
    console.error(`licences: FAILED (${failures.length} problem${failures.length === 1 ? '' : 's'})`);
    process.exit(1);
  }
  console.log(`licences: all allowed (${[...allowed].join(', ')}; ${Object.keys(reviewed).length} reviewed)`);
}

main();
