// Fails when the built wasm bundle carries core's float printer.
//
// `{}` or `to_string` of an f32/f64 anywhere in a bundle crate links
// Grisu and Dragon (about 10 KB gzip); the bundle prints numbers with
// opeka_feed::locale's exact printers instead (docs/size.md). Clippy's
// disallowed-methods (clippy.toml) catches `to_string`, but not a float
// inside format!, so the artifact itself is checked: Grisu's table of
// cached powers of ten starts with 0xe61acf033d1a45df (10^-348), stored
// little-endian in the data section of any module that can print a float.
//
// Usage: node scripts/check-bundle.mjs dist/opeka/opeka_bg.wasm
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/check-bundle.mjs FILE.wasm');
  process.exit(2);
}
const bytes = readFileSync(file);
const grisu = Buffer.from('df451a3d03cf1ae6', 'hex');
if (bytes.indexOf(grisu) >= 0) {
  console.error(`${file}: core's float printer is linked in (a float formatted with {} or to_string in a bundle crate); ` +
    'print numbers with opeka_feed::locale::write_fixed / write_shortest instead');
  process.exit(1);
}
console.log(`${file}: no float printer linked (${bytes.length} bytes)`);
