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
// `mod` finding agrees with every change inside the module. Both sides are read as Rust resolves
// paths (globs, `pub use`, and `pub type X = path;`, which cargo-semver-checks sees through):
// a finding at a path a glob reaches is at the item's declared path, and a change at an alias
// or re-export also stands for what it reaches on either side, named as cargo-semver-checks
// names it (a missing variant by the new enum's name, in the old enum's file).
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
  if ((m = text.match(/^(?:enum|struct|union) (\S+) became /))) return { ...path(m[1]), file };
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

// The generated crates' module trees, for resolving paths as Rust does: an item declared in a
// module, else one a glob (`pub use m::*`) of the module reaches; `pub use` and `pub type X =
// path;` (no generic parameters: what cargo-semver-checks treats as another name of the item)
// followed to the struct, enum or trait they reach. Folder output only: a `pub mod m;` per file
// (`a/b.rs` or `a/b/mod.rs`), inline `pub mod m { … }` within one, 4 spaces per level.
function parseCrate(crate) {
  const modules = new Map();
  const mod = (path) => {
    const key = path.join('::');
    if (!modules.has(key)) modules.set(key, { path, items: new Map(), globs: [] });
    return modules.get(key);
  };
  const parseFile = (rel, path) => {
    if (!existsSync(join(crate, rel))) return;
    const stack = [];
    readFileSync(join(crate, rel), 'utf8').split('\n').forEach((line, i) => {
      const indent = line.length - line.trimStart().length;
      const text = line.trim();
      if (text === '}' && stack.length && stack.at(-1).indent === indent) return void stack.pop();
      if (!text.startsWith('pub ')) return;
      const here = [...path, ...stack.map((s) => s.name)];
      const at = { module: here, file: rel, line: i + 1 };
      let m;
      if ((m = text.match(/^pub mod (?:r#)?(\w+) \{$/))) {
        mod([...here, m[1]]);
        stack.push({ indent, name: m[1] });
      } else if ((m = text.match(/^pub mod (?:r#)?(\w+);$/))) {
        const child = [...here, m[1]];
        const dir = `src/resources/${child.join('/')}`;
        mod(child);
        parseFile(existsSync(join(crate, `${dir}.rs`)) ? `${dir}.rs` : `${dir}/mod.rs`, child);
      } else if ((m = text.match(/^pub use ([\w:]+)::\*;$/))) {
        mod(here).globs.push(m[1].split('::'));
      } else if ((m = text.match(/^pub use ([\w:]+?)(?: as (?:r#)?(\w+))?;$/))) {
        const target = m[1].split('::');
        const name = m[2] || target.at(-1).replace(/^r#/, '');
        mod(here).items.set(name, { kind: 'use', name, target, ...at });
      } else if ((m = text.match(/^pub type (?:r#)?(\w+) = ([\w:]+);$/))) {
        mod(here).items.set(m[1], { kind: 'alias', name: m[1], target: m[2].split('::'), ...at });
      } else if ((m = text.match(/^pub (?:type|enum|struct|trait) (?:r#)?(\w+)/))) {
        mod(here).items.set(m[1], { kind: 'decl', name: m[1], ...at });
      }
    });
  };
  mod([]);
  parseFile('src/resources/mod.rs', []);

  // What `name` is in module `path`: an entry, `{ kind: 'mod', path }`, or undefined.
  const lookup = (path, name, depth = 0) => {
    const m = modules.get(path.join('::'));
    if (!m || depth > 8) return undefined;
    if (m.items.has(name)) return m.items.get(name);
    if (modules.has([...path, name].join('::'))) return { kind: 'mod', path: [...path, name] };
    for (const glob of m.globs) {
      const target = resolve(path, glob, depth + 1);
      const found = target && target.kind === 'mod' && lookup(target.path, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  // A path as written in module `from` (`super::a::B`, `a::B`).
  const resolve = (from, segments, depth = 0) => {
    let at = from;
    let i = 0;
    for (; segments[i] === 'super' || segments[i] === 'self'; i++) if (segments[i] === 'super') at = at.slice(0, -1);
    let entry = { kind: 'mod', path: at };
    for (; i < segments.length && entry; i++) {
      while (entry && entry.kind === 'use' && depth < 16) entry = resolve(entry.module, entry.target, ++depth);
      if (!entry || entry.kind !== 'mod') return undefined;
      entry = lookup(entry.path, segments[i].replace(/^r#/, ''), depth);
    }
    return entry;
  };
  // Every entry from `entry` through re-exports and aliases to the declaration they reach.
  const chain = (entry) => {
    const out = [];
    while (entry && out.length < 16) {
      out.push(entry);
      if (entry.kind !== 'use' && entry.kind !== 'alias') break;
      entry = resolve(entry.module, entry.target);
    }
    return out.filter((e) => e.kind !== 'mod');
  };
  return { lookup, chain, split: (module) => (module ? module.split('::') : []) };
}
const trees = { old: parseCrate(oldCrate), new: parseCrate(newCrate) };

// A change to an item that is a type alias or a re-export on either side (`pub type X = a::Y;`,
// a place whose enum became shared, or that is defined once elsewhere) is reported under its
// own path; cargo-semver-checks reports what the path reaches, under that item's own name (the
// new enum's, for a variant missing) and file (the old declaration's). So the change also
// stands for every item along the path's chain of aliases and re-exports, on either side, and
// each of them with the files of both sides' declarations.
function aliasTargets(c) {
  const chains = ['old', 'new'].map((side) => {
    const tree = trees[side];
    return tree.chain(tree.lookup(tree.split(c.module), c.item.replace(/^r#/, '')));
  });
  const files = [...new Set(chains.map((ch) => ch.at(-1)).filter(Boolean).map((e) => e.file))];
  return chains.flat()
    .filter((e) => !(e.module.join('::') === c.module && e.name === c.item))
    .map((e) => ({ module: e.module.join('::'), item: e.name, files: [...new Set([...filesOf(e.module.join('::')), ...files])] }));
}
const sources = new Map();
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
  return atPaths(f).some((f) => agreeAt(f, c) || c.targets.some((t) => agreeAt(f, { ...t, member: c.member })));
}

// A finding's path, and the path of the declaration it names when a glob of one of the path's
// modules reaches it (`chat::completions::X` through `pub use completions::*` is the item
// declared as `chat::completions::completions::X`, where `dts2rs diff` reports it).
function atPaths(f) {
  if (f.paths) return f.paths;
  f.paths = [f];
  if (f.module !== undefined && f.item) {
    for (const tree of [trees.old, trees.new]) {
      const entry = tree.lookup(tree.split(f.module), f.item);
      const module = entry && entry.module && entry.module.join('::');
      if (module !== undefined && module !== f.module && !f.paths.some((p) => p.module === module)) {
        f.paths.push({ ...f, module });
      }
    }
  }
  return f.paths;
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
