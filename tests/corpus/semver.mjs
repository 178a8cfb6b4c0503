// Compares cargo-semver-checks' findings with `dts2rs diff`'s API-breaking changes on one pair
// of generated crates (tests/corpus/semver.sh, which documents the method).
//
//   node tests/corpus/semver.mjs CSC_OUTPUT OURS_JSON OLD_CRATE NEW_CRATE
//
// A finding of cargo-semver-checks is one line under a lint's "Failed in:" (duplicates, the
// same declaration reached through several paths, counted once). It names the item either by
// its full path (`struct openai_resources::resources::a::X, previously in file …`) or by its
// name and the file it is declared in (`field X.f in …/a.rs:12`). A change of ours names its
// module and item; its file is the generated file of the longest prefix of the module that has
// one. A finding and a change agree when they name the same item (same path, or same name in
// the same file) and, when both name a member (field, variant, method), the same member; a
// `mod` finding agrees with every change inside the module.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [cscPath, oursPath, oldCrate, newCrate] = process.argv.slice(2);
const PREFIX = 'openai_resources::resources::';

// cargo-semver-checks: lint → finding lines.
const findings = [];
{
  let lint = null;
  let inList = false;
  const seen = new Set();
  for (const line of readFileSync(cscPath, 'utf8').split('\n')) {
    const header = line.match(/^--- failure (\S+): /);
    if (header) {
      lint = header[1];
      inList = false;
    } else if (line === 'Failed in:') {
      inList = true;
    } else if (inList && line.startsWith('  ')) {
      const text = line.trim().replaceAll(`${oldCrate}/`, 'old/').replaceAll(`${newCrate}/`, 'new/');
      if (!seen.has(`${lint} ${text}`)) {
        seen.add(`${lint} ${text}`);
        const key = cscKey(text);
        // A method of the item's own impl (`as_str`) is none of our members: the item agrees.
        if (lint === 'inherent_method_missing') delete key.member;
        findings.push({ lint, text, ...key });
      }
    } else {
      inList = false;
    }
  }
}

/** What a finding names: `{ module, item }` (full path) or `{ file, item }`, and `member`. */
function cscKey(text) {
  const file = (text.match(/ in (?:file )?((?:old|new)\/src\/resources\/\S+?):\d+/) || [])[1];
  const path = (p) => {
    const parts = p.replace(PREFIX, '').split('::');
    return { module: parts.slice(0, -1).join('::'), item: parts.at(-1) };
  };
  let m;
  if ((m = text.match(/^(?:enum|struct|trait|mod) (\S+), previously/))) return { ...path(m[1]), file, isMod: text.startsWith('mod ') };
  if ((m = text.match(/^trait method (\S+)::(\w+) in file/))) return { ...path(m[1]), file, member: m[2] };
  if ((m = text.match(/^field (\w+)\.(\w+) in /))) return { file, item: m[1], member: m[2] };
  if ((m = text.match(/^field (\w+) of struct (\w+),/))) return { file, item: m[2], member: m[1] };
  if ((m = text.match(/^method (\w+) of trait (\w+),/))) return { file, item: m[2], member: m[1] };
  if ((m = text.match(/^variant (\w+)::?(\w+)/))) return { file, item: m[1], member: m[2] };
  if ((m = text.match(/^type (\w+) no longer/))) return { file, item: m[1] };
  if ((m = text.match(/^enum (\w+) in /))) return { file, item: m[1] };
  if ((m = text.match(/^(\w+)::(\w+)(?:, previously| now takes)/))) return { file, item: m[1], member: m[2] };
  if ((m = text.match(/^(openai_resources::\S+) in /))) return { ...path(m[1]), file };
  return { file, item: null };
}

/** The generated file of a module in a crate: the longest prefix of it that has one. */
function fileOf(crate, module) {
  const parts = module ? module.split('::') : [];
  for (let n = parts.length; n > 0; n--) {
    const rel = `src/resources/${parts.slice(0, n).join('/')}`;
    if (existsSync(join(crate, `${rel}.rs`))) return `${crate === oldCrate ? 'old' : 'new'}/${rel}.rs`;
    if (existsSync(join(crate, `${rel}/mod.rs`))) return `${crate === oldCrate ? 'old' : 'new'}/${rel}/mod.rs`;
  }
  return `${crate === oldCrate ? 'old' : 'new'}/src/resources/mod.rs`;
}

const filesOf = (module) =>
  [fileOf(oldCrate, module), fileOf(newCrate, module)].map((f) => f.replace(/^(old|new)\//, ''));
const ours = JSON.parse(readFileSync(oursPath, 'utf8')).changes.map((c) => ({
  ...c,
  member: c.member && c.member.replace(/^r#/, ''),
  files: filesOf(c.module),
  // A re-export or an alias names the items it reaches (`now re-exports `a::X` (was `b::X`)`,
  // `changed from a struct to a type alias of `a::X``): cargo-semver-checks reports those
  // items' own changes at the re-exporting path, under their own names and files.
  targets: ['reexport_target_changed', 'item_kind_changed', 'alias_target_changed'].includes(c.kind)
    ? [...c.message.matchAll(/`([\w:]+)`/g)].map(([, p]) => {
        const parts = p.split('::');
        const module = parts.slice(0, -1).join('::');
        return { module, item: parts.at(-1), files: filesOf(module) };
      })
    : [],
}));

// A change to an item that is a type alias on either side (`pub type X = a::Y;`, a place whose
// enum became shared) is reported under the alias; cargo-semver-checks reports the target.
const sources = new Map();
function aliasTargets(c) {
  const targets = [];
  for (const [crate, file] of [[oldCrate, c.files[0]], [newCrate, c.files[1]]]) {
    const path = join(crate, file);
    if (!sources.has(path)) sources.set(path, existsSync(path) ? readFileSync(path, 'utf8') : '');
    const alias = new RegExp(`pub type ${c.item.replace(/^r#/, '')} = ([\\w:]+);`, 'g');
    for (const [, target] of sources.get(path).matchAll(alias)) {
      // Relative to the alias's own module (`super::` climbs one module).
      const ups = (target.match(/super::/g) || []).length;
      const here = c.module ? c.module.split('::') : [];
      const parts = [...here.slice(0, here.length - ups), ...target.replace(/^(super::)+/, '').split('::')];
      const module = parts.slice(0, -1).join('::');
      targets.push({ module, item: parts.at(-1), files: filesOf(module) });
    }
  }
  return targets;
}
// A change at a path a glob keeps (`pub use webhooks::*` in `webhooks`) is to the item the glob
// reaches, declared in the glob target's file.
function globTargets(c) {
  const parts = c.module ? c.module.split('::') : [];
  const targets = [];
  for (let k = parts.length; k >= 0; k--) {
    const prefix = parts.slice(0, k);
    const path = join(newCrate, filesOf(prefix.join('::'))[1]);
    if (!sources.has(path)) sources.set(path, existsSync(path) ? readFileSync(path, 'utf8') : '');
    for (const [, m] of sources.get(path).matchAll(/^pub use (\w+)::\*;$/gm)) {
      const module = [...prefix, m, ...parts.slice(k)].join('::');
      targets.push({ module, item: c.item, files: filesOf(module) });
    }
  }
  return targets;
}
for (const c of ours) c.targets.push(...aliasTargets(c), ...globTargets(c));

function agree(f, c) {
  return agreeAt(f, c) || c.targets.some((t) => agreeAt(f, { ...t, member: c.member }));
}

function agreeAt(f, c) {
  if (f.isMod) return c.module === `${f.module}::${f.item}` || c.module.startsWith(`${f.module}::${f.item}::`) || (c.module === f.module && c.item === f.item);
  if (f.item !== c.item) return false;
  // A path may be a re-export's; the file is the declaration's.
  const inFile = f.file && c.files.includes(f.file.replace(/^(old|new)\//, ''));
  if (f.module !== c.module && !inFile) return false;
  return !(f.member && c.member) || f.member === c.member;
}

const api = ours.filter((c) => c.api_breaking);
for (const f of findings) {
  f.ours = api.filter((c) => agree(f, c));
  f.oursNotApi = f.ours.length ? [] : ours.filter((c) => !c.api_breaking && agree(f, c));
}
for (const c of api) c.csc = findings.filter((f) => agree(f, c));

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const count = (xs, key) => xs.reduce((m, x) => m.set(key(x), (m.get(key(x)) || 0) + 1), new Map());

console.log(`cargo-semver-checks: ${findings.length} finding(s); dts2rs diff: ${api.length} API-breaking change(s) of ${ours.length}`);
console.log('\ncargo-semver-checks lint                         found  ours agree  ours: kinds that agree');
for (const [lint, n] of [...count(findings, (f) => f.lint)].sort()) {
  const of = findings.filter((f) => f.lint === lint);
  const kinds = [...count(of.flatMap((f) => [...new Set(f.ours.map((c) => c.kind))]), (k) => k)]
    .map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`${pad(lint, 48)} ${lpad(n, 6)} ${lpad(of.filter((f) => f.ours.length).length, 11)}  ${kinds}`);
}
console.log('\ndts2rs diff kind (API-breaking)                changes   csc agree  csc: lints that agree');
for (const [kind, n] of [...count(api, (c) => c.kind)].sort()) {
  const of = api.filter((c) => c.kind === kind);
  const lints = [...count(of.flatMap((c) => [...new Set(c.csc.map((f) => f.lint))]), (l) => l)]
    .map(([l, n]) => `${l} ${n}`).join(', ');
  console.log(`${pad(kind, 48)} ${lpad(n, 6)} ${lpad(of.filter((c) => c.csc.length).length, 11)}  ${lints}`);
}

const cscOnly = findings.filter((f) => !f.ours.length);
console.log(`\ndisagreements: cargo-semver-checks only (${cscOnly.length}), by lint`);
for (const f of cscOnly) {
  const why = f.oursNotApi.length
    ? `  [ours: ${[...new Set(f.oursNotApi.map((c) => `${c.kind}${c.wire_breaking ? ' (wire)' : ' (compatible)'}`))].join(', ')}]`
    : '  [ours: nothing]';
  console.log(`  ${f.lint}: ${f.text}${why}`);
}
const oursOnly = api.filter((c) => !c.csc.length);
console.log(`\ndisagreements: dts2rs diff only (${oursOnly.length}), by kind`);
for (const c of [...oursOnly].sort((a, b) => a.kind.localeCompare(b.kind))) {
  console.log(`  ${c.kind}: ${c.module || '(root)'} ${c.item_kind} ${c.item}: ${c.message}`);
}
