//! The runner of tests/corpus/payloads.sh (read that first): the `main.rs` of a scratch crate
//! whose `bindings.rs` is dts2rs's output for the examples' declarations and whose
//! `dispatch.rs` (written by payloads.mjs) maps each example's id to its `ExampleNNNN` type.
//!
//!   runner API_JSON EXAMPLES_TSV > results.tsv
//!
//! For every example of the manifest (id, label, name, JSON pointer into API_JSON) it reads the
//! value at the pointer (serde_json with `preserve_order`: keys keep their order, `4` and `4.0`
//! stay apart), deserializes its text into the type, serializes that back to a value and
//! prints one line: `id  status  rust-type  {difference}…` where status is `exact` (the same
//! text), `reformatted` (an equal value, other text: key order), `read` (deserializing failed)
//! or `written` (the value written back differs), and each difference is a JSON object
//! `{"kind", "path", "detail", "count"}`, one per kind (the first place it occurs).

#[allow(warnings, clippy::all)]
mod bindings;
#[allow(clippy::all)]
mod dispatch;

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use std::fmt::Write as _;

pub struct Verdict {
    status: &'static str,
    rust_type: &'static str,
    diffs: Vec<Diff>,
}

struct Diff {
    kind: String,
    path: String,
    detail: String,
    count: usize,
}

pub fn round_trip<T: DeserializeOwned + Serialize>(text: &str, original: &Value) -> Verdict {
    let rust_type = std::any::type_name::<T>();
    let de = &mut serde_json::Deserializer::from_str(text);
    let value: T = match serde_path_to_error::deserialize(de) {
        Ok(value) => value,
        Err(e) => {
            let message = e.inner().to_string();
            let message = match message.find(" at line ") {
                Some(at) => message[..at].to_string(),
                None => message,
            };
            let path = e.path().to_string();
            let detail = format!("{message} (the value there: {})", snippet(at_path(original, e.path())));
            return Verdict {
                status: "read",
                rust_type,
                diffs: vec![Diff { kind: normalize(&message), path, detail, count: 1 }],
            };
        }
    };
    let back = match serde_json::to_value(&value) {
        Ok(back) => back,
        Err(e) => {
            return Verdict {
                status: "written",
                rust_type,
                diffs: vec![Diff { kind: "serialize error".into(), path: String::new(), detail: e.to_string(), count: 1 }],
            }
        }
    };
    let mut diffs = Vec::new();
    if back == *original {
        if serde_json::to_string(&back).unwrap() == text {
            return Verdict { status: "exact", rust_type, diffs };
        }
        reformatted(original, &back, "", &mut diffs);
        return Verdict { status: "reformatted", rust_type, diffs };
    }
    compare(original, &back, "", &mut diffs);
    Verdict { status: "written", rust_type, diffs }
}

/// serde's message with the names and values in it taken out, so that failures group.
fn normalize(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(start) = rest.find('`') {
        out.push_str(&rest[..start]);
        match rest[start + 1..].find('`') {
            Some(end) => {
                out.push('X');
                rest = &rest[start + 1 + end + 1..];
            }
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    // `invalid type: string "12,"`: the value, not the kind of failure.
    if let Some(at) = out.find(" \"") {
        if let Some(end) = out[at + 2..].find('"') {
            out.replace_range(at + 1..at + 2 + end + 1, "X");
        }
    }
    if let Some(at) = out.find("expected one of ") {
        out.replace_range(at.., "expected one of …");
    }
    for (from, to) in [
        ("untagged enum ", "untagged enum X"),
        ("expected struct ", "expected struct X"),
        ("expected enum ", "expected enum X"),
    ] {
        if let Some(at) = out.find(from) {
            let tail_end = out[at + from.len()..].find([',', ';']).map_or(out.len(), |e| at + from.len() + e);
            out.replace_range(at..tail_end, to);
        }
    }
    out
}

fn at_path<'a>(value: &'a Value, path: &serde_path_to_error::Path) -> &'a Value {
    use serde_path_to_error::Segment;
    let mut v = value;
    for segment in path.iter() {
        let next = match segment {
            Segment::Seq { index } => v.get(*index),
            Segment::Map { key } => v.get(key),
            Segment::Enum { .. } | Segment::Unknown => None,
        };
        match next {
            Some(n) => v = n,
            None => break,
        }
    }
    v
}

fn snippet(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 100 {
        format!("{}…", s.chars().take(100).collect::<String>())
    } else {
        s
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn push(diffs: &mut Vec<Diff>, kind: String, path: &str, detail: String) {
    match diffs.iter_mut().find(|d| d.kind == kind) {
        Some(d) => d.count += 1,
        None => diffs.push(Diff { kind, path: path.to_string(), detail, count: 1 }),
    }
}

fn key_path(path: &str, key: &str) -> String {
    if key.chars().all(|c| c.is_alphanumeric() || c == '_') && !key.is_empty() {
        format!("{path}.{key}")
    } else {
        format!("{path}[{key:?}]")
    }
}

/// Every difference between the example and what was written back, by kind.
fn compare(original: &Value, back: &Value, path: &str, diffs: &mut Vec<Diff>) {
    match (original, back) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                let p = key_path(path, k);
                match b.get(k) {
                    Some(w) => compare(v, w, &p, diffs),
                    None if v.is_null() => push(diffs, "null written as an absent key".into(), &p, "null → (absent)".into()),
                    None => push(diffs, "key dropped".into(), &p, format!("{} {} → (absent)", kind_of(v), snippet(v))),
                }
            }
            for (k, w) in b {
                if !a.contains_key(k) {
                    push(diffs, "key added".into(), &key_path(path, k), format!("(absent) → {} {}", kind_of(w), snippet(w)));
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                push(diffs, "array length changed".into(), path, format!("{} → {} elements", a.len(), b.len()));
            }
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                compare(v, w, &format!("{path}[{i}]"), diffs);
            }
        }
        (Value::Number(a), Value::Number(b)) => {
            if a != b {
                let kind = if a.as_f64() == b.as_f64() {
                    format!("{} written as {}", kind_of(original), kind_of(back))
                } else {
                    "number changed".to_string()
                };
                push(diffs, kind, path, format!("{a} → {b}"));
            }
        }
        (a, b) if a == b => {}
        (a, b) if kind_of(a) == kind_of(b) => {
            push(diffs, format!("{} changed", kind_of(a)), path, format!("{} → {}", snippet(a), snippet(b)))
        }
        (a, b) => push(
            diffs,
            format!("{} written as {}", kind_of(a), kind_of(b)),
            path,
            format!("{} → {}", snippet(a), snippet(b)),
        ),
    }
}

/// Where an equal value was written as other text: objects whose keys changed order.
fn reformatted(original: &Value, back: &Value, path: &str, diffs: &mut Vec<Diff>) {
    match (original, back) {
        (Value::Object(a), Value::Object(b)) => {
            if !a.keys().eq(b.keys()) {
                let first = a.keys().zip(b.keys()).find(|(x, y)| x != y).map(|(x, y)| format!("`{x}` first, now `{y}`"));
                push(diffs, "key order changed".into(), path, first.unwrap_or_default());
            }
            for (k, v) in a {
                reformatted(v, &b[k], &key_path(path, k), diffs);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                reformatted(v, w, &format!("{path}[{i}]"), diffs);
            }
        }
        _ => {}
    }
}

fn main() {
    // Deeply nested types deserialize deeply: a debug build needs more than the main stack.
    let run = std::thread::Builder::new().stack_size(1 << 30).spawn(run).unwrap();
    if run.join().is_err() {
        std::process::exit(1);
    }
}

fn run() {
    let mut args = std::env::args().skip(1);
    let (api, manifest) = match (args.next(), args.next()) {
        (Some(api), Some(manifest)) => (api, manifest),
        _ => {
            eprintln!("usage: runner API_JSON EXAMPLES_TSV");
            std::process::exit(2);
        }
    };
    let api: Value = serde_json::from_str(&std::fs::read_to_string(&api).expect("read the description"))
        .expect("parse the description");
    let mut out = String::new();
    for line in std::fs::read_to_string(&manifest).expect("read the manifest").lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let (id, pointer) = (fields[0], fields[3]);
        let original = api.pointer(pointer).unwrap_or_else(|| panic!("example {id}: nothing at {pointer}"));
        let text = serde_json::to_string(original).unwrap();
        let verdict = dispatch::round_trip(id, &text, original);
        write!(out, "{id}\t{}\t{}", verdict.status, verdict.rust_type).unwrap();
        for d in &verdict.diffs {
            let d = serde_json::json!({ "kind": d.kind, "path": d.path, "detail": d.detail, "count": d.count });
            write!(out, "\t{d}").unwrap();
        }
        out.push('\n');
    }
    print!("{out}");
}
