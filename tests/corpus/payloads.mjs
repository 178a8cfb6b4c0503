// Helper of tests/corpus/payloads.sh (read that first). Two commands:
//
//   node payloads.mjs extract API_JSON WORK
//     lists every JSON response example of the OpenAPI description API_JSON and writes, under
//     WORK: examples.tsv (the manifest the Rust runner reads), in/ex/examples.d.ts (one
//     `export type ExampleNNNN = operations[op]["responses"][code]["content"]["application/json"]`
//     per example, for dts2rs), ts/check.ts (one `const eNNNN: <same type> = <example>;` per
//     line, for tsc) and runner/src/dispatch.rs (each example's id to its round trip through
//     `ExampleNNNN`, for the Rust runner tests/corpus/payloads.rs). The first two import
//     `operations` and `components` from WORK/octokit/types.d.ts.
//   node payloads.mjs report WORK
//     joins WORK/results.tsv (the runner's verdicts) with WORK/tsc.txt (tsc's errors, mapped
//     to examples by line) and prints the summary; exits 1 when an example tsc accepts fails
//     and is not a known failure (tests/corpus/payloads-known.tsv, each with its reason), or
//     when a known failure passes, unless PAYLOADS_REPORT_ONLY=1. With PAYLOADS_SAMPLE=N,
//     extract takes every Nth example and every known failure.
//
// The examples are read from the description itself: an operation's
// `responses.<code>.content["application/json"].examples.<name>` (`value`, or a `$ref` to
// `components/examples`), and those of `components/responses` (shared by the operations whose
// response is a `$ref` to them), typed as `components["responses"][name]["content"][…]`.
import fs from "node:fs";
import path from "node:path";

const [cmd, ...args] = process.argv.slice(2);
if (cmd === "extract") extract(...args);
else if (cmd === "report") report(...args);
else {
  console.error("usage: node payloads.mjs extract API_JSON WORK | report WORK");
  process.exit(2);
}

function extract(apiJson, work) {
  const api = JSON.parse(fs.readFileSync(apiJson, "utf8"));
  const resolve = (e) => {
    if (!e.$ref) return e;
    const m = /^#\/components\/examples\/(.+)$/.exec(e.$ref);
    if (!m) throw new Error(`unexpected example $ref ${e.$ref}`);
    const target = api.components.examples[decodeURIComponent(m[1])];
    if (!target) throw new Error(`dangling example $ref ${e.$ref}`);
    return target;
  };
  const examples = [];
  const collect = (label, jsonPointer, tsType, media) => {
    if (!media) return;
    if (media.example !== undefined) {
      examples.push({ label, name: "example", pointer: `${jsonPointer}/example`, tsType, value: media.example });
    }
    for (const [name, e] of Object.entries(media.examples ?? {})) {
      const target = resolve(e);
      if (!("value" in target)) throw new Error(`${label}: example ${name} has no value`);
      // The runner re-reads the value from the description's text (JSON.parse turns 4.0 into 4):
      // the pointer says where.
      const pointer = e.$ref ? e.$ref.slice(1) + "/value" : `${jsonPointer}/examples/${esc(name)}/value`;
      examples.push({ label, name, pointer, tsType, value: target.value });
    }
  };
  const esc = (s) => s.replace(/~/g, "~0").replace(/\//g, "~1");
  for (const [p, item] of Object.entries(api.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== "object" || !op.operationId) continue;
      for (const [code, response] of Object.entries(op.responses ?? {})) {
        if (response.$ref) continue; // a components/responses entry: below, once
        const media = response.content?.["application/json"];
        const tsType = `operations[${q(op.operationId)}]["responses"][${q(code)}]["content"]["application/json"]`;
        collect(`${op.operationId} ${code}`, `/paths/${esc(p)}/${method}/responses/${code}/content/application~1json`, tsType, media);
      }
    }
  }
  for (const [name, response] of Object.entries(api.components.responses ?? {})) {
    const media = response.content?.["application/json"];
    const tsType = `components["responses"][${q(name)}]["content"]["application/json"]`;
    collect(`components/responses/${name}`, `/components/responses/${esc(name)}/content/application~1json`, tsType, media);
  }

  // A sample (PAYLOADS_SAMPLE=N: every Nth example, every known failure, so that the list
  // of known failures is checked on every run, and every pinned example, a failure fixed
  // once) for CI; the whole set otherwise.
  const every = Number(process.env.PAYLOADS_SAMPLE || 1);
  if (!(every >= 1)) throw new Error(`PAYLOADS_SAMPLE must be a number >= 1, not ${process.env.PAYLOADS_SAMPLE}`);
  const known = knownFailures();
  const pinned = labelled("payloads-pinned.tsv");
  for (const key of pinned.keys()) {
    if (!examples.some((e) => `${e.label}\t${e.name}` === key)) {
      throw new Error(`payloads-pinned.tsv names no example of the description: ${key}`);
    }
  }
  const kept = (e) => known.has(`${e.label}\t${e.name}`) || pinned.has(`${e.label}\t${e.name}`);
  const sampled = examples.filter((e, i) => i % every === 0 || kept(e));
  if (every > 1) console.log(`payloads: a sample of ${sampled.length} of ${examples.length} examples (every ${every}th, the known failures and the pinned examples)`);
  examples.splice(0, examples.length, ...sampled);

  fs.mkdirSync(path.join(work, "in/ex"), { recursive: true });
  fs.mkdirSync(path.join(work, "ts"), { recursive: true });
  const id = (i) => String(i + 1).padStart(4, "0");
  const header = 'import type { operations, components } from "../octokit/types";\n';
  fs.writeFileSync(
    path.join(work, "in/ex/examples.d.ts"),
    header + examples.map((e, i) => `export type Example${id(i)} = ${e.tsType};\n`).join(""),
  );
  // Line i + 2 of check.ts is example i + 1 (line 1 is the import).
  fs.writeFileSync(
    path.join(work, "ts/check.ts"),
    header + examples.map((e, i) => `export const e${id(i)}: ${e.tsType} = ${JSON.stringify(e.value)};\n`).join(""),
  );
  fs.writeFileSync(
    path.join(work, "ts/tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          target: "es2022",
          module: "esnext",
          moduleResolution: "bundler",
        },
        files: ["check.ts"],
      },
      null,
      2,
    ) + "\n",
  );
  fs.mkdirSync(path.join(work, "runner/src"), { recursive: true });
  fs.writeFileSync(
    path.join(work, "runner/src/dispatch.rs"),
    "// @generated by tests/corpus/payloads.mjs: each example's id to the round trip through its type.\n" +
      "pub fn round_trip(id: &str, text: &str, original: &serde_json::Value) -> super::Verdict {\n    match id {\n" +
      examples.map((e, i) => `        "${id(i)}" => super::round_trip::<crate::bindings::examples::Example${id(i)}>(text, original),\n`).join("") +
      '        _ => panic!("no example {id}"),\n    }\n}\n',
  );
  fs.writeFileSync(
    path.join(work, "examples.tsv"),
    examples.map((e, i) => [id(i), e.label, e.name, e.pointer].join("\t") + "\n").join(""),
  );
  console.log(`payloads: ${examples.length} examples`);
}

function q(s) {
  return JSON.stringify(String(s));
}

function report(work) {
  const manifest = new Map();
  for (const line of lines(path.join(work, "examples.tsv"))) {
    const [id, label, name] = line.split("\t");
    manifest.set(id, { label, name });
  }
  // tsc --pretty false: `check.ts(LINE,COL): error TSnnnn: message`, continuation lines indented.
  const tsc = new Map();
  let last = null;
  for (const line of lines(path.join(work, "tsc.txt"))) {
    const m = /^check\.ts\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    if (m) {
      const id = String(Number(m[1]) - 1).padStart(4, "0");
      if (!manifest.has(id)) throw new Error(`tsc error outside the examples: ${line}`);
      last = { code: m[3], message: m[4], detail: [] };
      if (!tsc.has(id)) tsc.set(id, last);
      else last = null;
    } else if (/^\S/.test(line)) {
      throw new Error(`unexpected tsc output: ${line}`);
    } else if (last && last.detail.length < 3) {
      last.detail.push(line.trim());
    }
  }
  const results = new Map();
  for (const line of lines(path.join(work, "results.tsv"))) {
    const [id, status, rustType, ...rest] = line.split("\t");
    // `payloads::bindings::external::octokit::types::components::schemas::X` → `components::schemas::X`
    const short = rustType.replace(/payloads::bindings::external::octokit::types::/g, "").replace(/alloc::(vec|string|collections::btree::map)::/g, "");
    results.set(id, { status, rustType: short, diffs: rest.map((r) => JSON.parse(r)) });
  }
  const ids = [...manifest.keys()];
  const missing = ids.filter((id) => !results.has(id));
  if (missing.length) throw new Error(`no verdict for examples ${missing.slice(0, 5).join(", ")}…`);

  const count = (f) => ids.filter(f).length;
  const st = (id) => results.get(id).status;
  const failed = ids.filter((id) => st(id) !== "exact" && st(id) !== "reformatted");
  const accepted = (id) => !tsc.has(id);
  const value = ids.filter((id) => results.get(id).rustType === "serde_json::value::Value");
  const rows = [
    ["examples", ids.length, count(accepted), count((id) => !accepted(id))],
    ["exact", count((id) => st(id) === "exact"), count((id) => st(id) === "exact" && accepted(id)), count((id) => st(id) === "exact" && !accepted(id))],
    ["reformatted", count((id) => st(id) === "reformatted"), count((id) => st(id) === "reformatted" && accepted(id)), count((id) => st(id) === "reformatted" && !accepted(id))],
    ["failed", failed.length, count((id) => failed.includes(id) && accepted(id)), count((id) => failed.includes(id) && !accepted(id))],
    ["  read failed", count((id) => st(id) === "read"), count((id) => st(id) === "read" && accepted(id)), count((id) => st(id) === "read" && !accepted(id))],
    ["  written back differently", count((id) => st(id) === "written"), count((id) => st(id) === "written" && accepted(id)), count((id) => st(id) === "written" && !accepted(id))],
  ];
  console.log("\npayloads: every JSON response example read into its generated type and written back\n");
  console.log(table(["", "all", "tsc accepts", "tsc rejects"], rows));
  console.log(`\n(${value.length} of the ${ids.length} examples are typed serde_json::Value by dts2rs: their round trip proves nothing.)`);

  // Classes: a read failure has one (serde's message with names and values taken out); a
  // write-back difference has one per kind of difference it shows (an example can be in several).
  const classes = new Map();
  for (const id of failed) {
    const r = results.get(id);
    const kinds = new Map();
    for (const d of r.diffs) if (!kinds.has(d.kind)) kinds.set(d.kind, d);
    for (const [kind, d] of kinds) {
      const key = `${r.status === "read" ? "read" : "write"}: ${kind}`;
      if (!classes.has(key)) classes.set(key, { dts2rs: [], ts: [], first: null });
      const c = classes.get(key);
      (accepted(id) ? c.dts2rs : c.ts).push(id);
      if (!c.first || (accepted(id) && !accepted(c.first.id))) c.first = { id, d };
    }
  }
  const sorted = [...classes].sort((a, b) => b[1].dts2rs.length - a[1].dts2rs.length || b[1].ts.length - a[1].ts.length || (a[0] < b[0] ? -1 : 1));
  console.log("\nfailure classes (examples; one example can show several write-back classes)\n");
  console.log(table(["class", "dts2rs bug", "TS rejects the payload"], sorted.map(([k, c]) => [k, c.dts2rs.length, c.ts.length])));
  console.log("\none example of each class (a dts2rs bug when there is one):");
  for (const [k, c] of sorted) {
    const { id, d } = c.first;
    const m = manifest.get(id);
    console.log(`\n* ${k}\n  Example${id}: ${m.label} (example "${m.name}"), Rust type ${results.get(id).rustType}`);
    console.log(`  at ${d.path || "(root)"}: ${d.detail}`);
    if (tsc.has(id)) console.log(`  tsc: ${tsc.get(id).code} ${tsc.get(id).message} ${tsc.get(id).detail.join(" ")}`.slice(0, 400));
    else console.log("  tsc: accepts the payload");
  }
  const known = knownFailures();
  const key = (id) => `${manifest.get(id).label}\t${manifest.get(id).name}`;
  const bugs = failed.filter((id) => accepted(id) && !known.has(key(id)));
  const expected = failed.filter((id) => accepted(id) && known.has(key(id)));
  // A known failure that passes now, or is no longer an example at all, is a stale line.
  const stale = [...known.keys()].filter((k) => !expected.some((id) => key(id) === k));
  console.log(`\npayloads: ${bugs.length} example(s) that tsc accepts fail the round trip, besides ${expected.length} known (tests/corpus/payloads-known.tsv)`);
  for (const id of bugs) console.log(`  Example${id}: ${manifest.get(id).label} (example "${manifest.get(id).name}")`);
  for (const k of stale) console.log(`payloads: the known failure "${k.replace("\t", '", example "')}" does not fail any more: remove its line`);
  const lists = path.join(work, "failures.txt");
  fs.writeFileSync(
    lists,
    failed
      .map((id) => {
        const m = manifest.get(id);
        const r = results.get(id);
        const t = tsc.get(id);
        return [id, accepted(id) ? "dts2rs-bug" : "ts-rejects", m.label, m.name, r.status, r.rustType, JSON.stringify(r.diffs), t ? `${t.code} ${t.message}` : ""].join("\t") + "\n";
      })
      .join(""),
  );
  console.log(`payloads: every failure, with tsc's verdict: ${lists}`);
  if ((bugs.length || stale.length) && process.env.PAYLOADS_REPORT_ONLY !== "1") process.exit(1);
}

// tests/corpus/payloads-known.tsv: `label TAB name` → reason.
function knownFailures() {
  return labelled("payloads-known.tsv");
}

// A list of examples beside this script, one `label TAB name TAB reason` per line (`#`
// comments): `label TAB name` → reason.
function labelled(fileName) {
  const file = new URL(fileName, import.meta.url);
  const out = new Map();
  for (const line of lines(file)) {
    if (line.startsWith("#")) continue;
    const [label, name, reason] = line.split("\t");
    if (!reason) throw new Error(`${fileName}: a line needs label, name and reason: ${line}`);
    out.set(`${label}\t${name}`, reason);
  }
  return out;
}

function lines(file) {
  return fs.readFileSync(file, "utf8").split("\n").filter((l) => l.length);
}

function table(head, rows) {
  const all = [head, ...rows].map((r) => r.map(String));
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ")).join("\n");
}
