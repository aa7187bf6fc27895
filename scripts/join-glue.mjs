// Puts the page module's wasm-bindgen glue into opeka.js, so that a page
// loads one script, not two in a row (opeka.js, then the glue it imports):
// one request less before the wasm is asked for, and one gzip stream, which
// compresses the pair better (docs/size.md, "Stop 11").
//
// The glue (`--target web`) ends in wasm-bindgen's loader, which also
// serves callers the page never has: `initSync`, the deprecated call forms
// and their warnings, a default wasm URL, a polyfill for browsers too old
// for opeka.js itself. Here it is replaced by the one
// call opeka.js makes, `init({ module_or_path: url })`, which keeps the
// fallback for servers that do not send wasm as `application/wasm`
// (`instantiateStreaming` refuses those). The glue's exports become local
// declarations, and opeka.js's import of them becomes `init`.
//
// Usage: node scripts/join-glue.mjs GLUE.js OUT.js PART.js... (the parts in
// order, the last being crates/embed/js/opeka.js). Fails when the glue or
// the import does not read as expected, so that another wasm-bindgen
// breaks the build rather than the page.
import { readFileSync, writeFileSync } from 'node:fs';

const [glueFile, outFile, ...parts] = process.argv.slice(2);
if (!glueFile || !outFile || parts.length === 0) {
  console.error('usage: node scripts/join-glue.mjs GLUE.js OUT.js PART.js...');
  process.exit(2);
}
const fail = (message) => {
  console.error(`join-glue: ${message}`);
  process.exit(1);
};

let glue = readFileSync(glueFile, 'utf8');
const loaderStart = glue.indexOf('async function __wbg_load(');
const tail = 'export { initSync, __wbg_init as default };';
if (loaderStart < 0 || !glue.trimEnd().endsWith(tail)) fail(`${glueFile} does not end in wasm-bindgen's loader as expected`);
if (!glue.includes('function __wbg_get_imports()') || !glue.includes('function __wbg_finalize_init(instance, module)')) {
  fail(`${glueFile} has no __wbg_get_imports or __wbg_finalize_init`);
}
glue = glue.slice(0, loaderStart).replace(/^export (class|function) /gm, '$1 ');
// `TextEncoder.encodeInto` is in every browser that can run opeka.js at all
// (it uses `??=`, which came later), so its polyfill goes.
const polyfill = /\nif \(!\('encodeInto' in cachedTextEncoder\)\) \{\n[\s\S]*?\n\}\n/;
if (!polyfill.test(glue)) fail(`${glueFile} has no encodeInto polyfill where expected`);
glue = glue.replace(polyfill, '\n');
// `using widget = …` is never written: opeka.js frees a widget when its
// element leaves the page.
const dispose = /^if \(Symbol\.dispose\) OpekaWidget\.prototype\[Symbol\.dispose\] = OpekaWidget\.prototype\.free;$/m;
if (!dispose.test(glue)) fail(`${glueFile} has no Symbol.dispose line where expected`);
glue = glue.replace(dispose, '');
if (/^export /m.test(glue)) fail(`${glueFile} exports something this script does not know`);
glue += `
let __wbg_init_promise;
function __wbg_init({ module_or_path: url }) {
  const imports = __wbg_get_imports();
  __wbg_init_promise ??= WebAssembly.instantiateStreaming(fetch(url), imports)
    .catch(() => fetch(url).then((response) => response.arrayBuffer()).then((bytes) => WebAssembly.instantiate(bytes, imports)))
    .then(({ instance, module }) => __wbg_finalize_init(instance, module));
  return __wbg_init_promise;
}
`;

const importLine = /^import init, \{ ([\w, ]+) \} from '\.\/opeka_bindings\.js';$/m;
const last = readFileSync(parts.at(-1), 'utf8');
if (!importLine.test(last)) fail(`${parts.at(-1)} does not import from ./opeka_bindings.js as expected`);
// The shared parts' exports are for the Leptos component, which imports
// them as snippets; here only opeka.js calls them, so they are declared,
// not exported: terser then inlines `extras` at its one call rather than
// keeping a second copy for an importer there is none of.
const shared = parts.slice(0, -1).map((file) => readFileSync(file, 'utf8').replace(/^export /gm, ''));
const joined = [glue, ...shared, last.replace(importLine, 'const init = __wbg_init;')];
writeFileSync(outFile, joined.join('\n'));
