// Gives the wasm's imports and exports short names, in the module and in
// the wasm-bindgen glue that links them, so neither file carries
// wasm-bindgen's long names.
//
// wasm-bindgen names each import after the JS method and a 16-digit hash
// (`__wbg_createElement_…`); every name is written twice, in the wasm's
// import section and as a key of the glue's import object, and terser cannot
// shorten object keys or `wasm.…` property reads. The hashes do not
// compress: the names were about 3.9 KB of the gzipped download
// (docs/size.md).
//
// `memory` keeps its name: the glue's init returns the module's exports,
// and pages and tests read `memory` from them.
//
// Usage: node scripts/minify-names.mjs MODULE.wasm GLUE.js (both rewritten
// in place). Fails, leaving both as they were, when the glue does not
// provide exactly the module's imports or reads an export the module does
// not have, so a wasm-bindgen that writes its glue differently breaks the
// build rather than the page.
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmFile, glueFile] = process.argv.slice(2);
if (!wasmFile || !glueFile) {
  console.error('usage: node scripts/minify-names.mjs MODULE.wasm GLUE.js');
  process.exit(2);
}
const fail = (message) => {
  console.error(`minify-names: ${message}`);
  process.exit(1);
};

/** a … z, A … Z, then two letters: the n-th short name. */
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const shortName = (n) => (n < LETTERS.length ? LETTERS[n] : LETTERS[Math.floor(n / LETTERS.length) - 1] + LETTERS[n % LETTERS.length]);

const bytes = readFileSync(wasmFile);
let at = 0;
const leb = () => {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return value;
  }
};
const name = () => {
  const length = leb();
  at += length;
  return bytes.toString('utf8', at - length, at);
};
const encodeLeb = (value) => {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
};
const encodeName = (text) => {
  const utf8 = Buffer.from(text, 'utf8');
  return Buffer.concat([encodeLeb(utf8.length), utf8]);
};

// Section 2 lists imports as (module, name, description); section 7 lists
// exports as (name, kind, index). Both are rebuilt with the new names, every
// other section is copied as it is.
const importNames = new Map();
const exportNames = new Map();
let module;
const parts = [bytes.subarray(0, 8)];
at = 8;
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const start = at;
  const end = start + size;
  if (id !== 2 && id !== 7) {
    parts.push(bytes.subarray(start - 1 - encodeLeb(size).length, end));
    at = end;
    continue;
  }
  const count = leb();
  const entries = [encodeLeb(count)];
  for (let i = 0; i < count; i++) {
    if (id === 2) {
      const [from, old] = [name(), name()];
      if (module !== undefined && from !== module) fail(`${wasmFile} imports from ${module} and ${from}`);
      module = from;
      const descStart = at;
      // The import's type: a function's or a tag's type index; a table's
      // element type and limits; a memory's limits; a global's type and mutability.
      const kind = bytes[at++];
      if (kind === 0) leb();
      else if (kind === 1 || kind === 2) {
        if (kind === 1) at++;
        const flags = bytes[at++];
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) at += 2;
      else if (kind === 4) {
        at++;
        leb();
      } else fail(`${wasmFile}: import kind ${kind}`);
      if (importNames.has(old)) fail(`${wasmFile} imports ${old} twice`);
      importNames.set(old, shortName(importNames.size));
      entries.push(encodeName('a'), encodeName(importNames.get(old)), bytes.subarray(descStart, at));
    } else {
      const old = name();
      const kind = bytes[at++];
      const index = leb();
      const renamed = kind === 2 && old === 'memory' ? old : shortName(exportNames.size);
      exportNames.set(old, renamed);
      entries.push(encodeName(renamed), Buffer.from([kind]), encodeLeb(index));
    }
  }
  if (at !== end) fail(`${wasmFile}: section ${id} does not end where its size says`);
  const body = Buffer.concat(entries);
  parts.push(Buffer.from([id]), encodeLeb(body.length), body);
}
if (module === undefined) fail(`${wasmFile} has no imports`);

let glue = readFileSync(glueFile, 'utf8');

// The import object: `name: function(` keys inside __wbg_get_imports, and
// the module key it is returned under.
const start = glue.indexOf('function __wbg_get_imports() {');
const moduleKey = `${JSON.stringify(module)}: import0`;
const end = glue.indexOf(moduleKey, start);
if (start < 0 || end < 0) fail(`${glueFile}: no __wbg_get_imports with the key ${moduleKey}`);
const seen = new Set();
const importObject = glue.slice(start, end).replace(/^(\s+)([\w$]+): function\(/gm, (_, indent, old) => {
  const short = importNames.get(old);
  if (short === undefined) fail(`${glueFile} provides ${old}, which the module does not import`);
  if (seen.has(old)) fail(`${glueFile} provides ${old} twice`);
  seen.add(old);
  return `${indent}${short}: function(`;
});
for (const old of importNames.keys()) {
  if (!seen.has(old)) fail(`the module imports ${old}, ${glueFile} does not provide it`);
}
glue = glue.slice(0, start) + importObject + '"a": import0' + glue.slice(end + moduleKey.length);

// Every read of an export goes through `wasm.name` (wasm = instance.exports).
glue = glue.replace(/\bwasm\.([\w$]+)/g, (_, old) => {
  const short = exportNames.get(old);
  if (short === undefined) fail(`${glueFile} reads wasm.${old}, which the module does not export`);
  return `wasm.${short}`;
});
if (glue.includes('.exports.')) fail(`${glueFile} reads the exports other than through wasm.…`);

writeFileSync(wasmFile, Buffer.concat(parts));
writeFileSync(glueFile, glue);
console.log(`${wasmFile}: ${importNames.size} imports and ${exportNames.size} exports renamed`);
