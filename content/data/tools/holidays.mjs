// Writes content/data/holidays.csv (date,kind,name) from the npm package chinese-days@1.5.7 (MIT,
// github.com/vsme/chinese-days), file dist/chinese-days.json, for every date from 2023-01-01 on.
//   kind=holiday: a date in the package's `holidays` map = every day off of a 国务院 holiday period
//                 (statutory days, 调休 days off and the weekend days inside the period);
//   kind=workday: a date in its `workdays` map = a 调休 make-up working day (always a Sat/Sun; checked).
//   name: the package's Chinese holiday name (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆节).
// Regenerate (from the repository root):
//   cd /tmp && npm pack chinese-days@1.5.7 && mkdir -p chinese-days && tar xzf chinese-days-1.5.7.tgz -C chinese-days
//   node content/data/tools/holidays.mjs /tmp/chinese-days/package
// With no argument the script runs `npm pack chinese-days@1.5.7` itself in a temporary directory.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '1.5.7', FIRST_YEAR = 2023;
let pkg = process.argv[2];
if (!pkg) {
  const tmp = mkdtempSync(join(tmpdir(), 'chinese-days-'));
  execSync(`npm pack chinese-days@${VERSION} && tar xzf chinese-days-${VERSION}.tgz`, { cwd: tmp, stdio: 'inherit' });
  pkg = join(tmp, 'package');
}
const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
if (version !== VERSION) throw new Error(`expected chinese-days ${VERSION}, got ${version}`);
const data = JSON.parse(readFileSync(join(pkg, 'dist', 'chinese-days.json'), 'utf8'));

// Values look like "National Day,国庆节,3" (English, Chinese, statutory days); keep the Chinese name.
const rows = [];
for (const [kind, map] of [['holiday', data.holidays], ['workday', data.workdays]])
  for (const [date, desc] of Object.entries(map))
    if (+date.slice(0, 4) >= FIRST_YEAR) rows.push({ date, kind, name: desc.split(',')[1] });
rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

// Checks: no date twice, make-up workdays on weekends, every year FIRST_YEAR..last has both kinds.
const dow = (d) => new Date(d + 'T00:00:00Z').getUTCDay();
if (new Set(rows.map((r) => r.date)).size !== rows.length) throw new Error('a date is both holiday and workday');
for (const r of rows) if (r.kind === 'workday' && dow(r.date) % 6 !== 0) throw new Error(`workday ${r.date} not on a weekend`);
const lastYear = +rows.at(-1).date.slice(0, 4);
for (let y = FIRST_YEAR; y <= lastYear; y++)
  for (const k of ['holiday', 'workday'])
    if (!rows.some((r) => r.kind === k && r.date.startsWith(y))) throw new Error(`no ${k} in ${y}`);
// Spot check against the 2024 arrangement (国办发明电〔2023〕7号).
const kindOf = Object.fromEntries(rows.map((r) => [r.date, r.kind]));
for (let d = 1; d <= 7; d++) if (kindOf[`2024-10-0${d}`] !== 'holiday') throw new Error('2024 National Day');
for (let d = 10; d <= 17; d++) if (kindOf[`2024-02-${d}`] !== 'holiday') throw new Error('2024 Spring Festival');
for (const d of ['2024-09-29', '2024-10-12', '2024-02-04', '2024-02-18'])
  if (kindOf[d] !== 'workday') throw new Error(`2024 make-up workday ${d}`);

const q = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s); // RFC 4180
const out = ['date,kind,name', ...rows.map((r) => [r.date, r.kind, r.name].map(q).join(','))];
const dest = join(dirname(fileURLToPath(import.meta.url)), '..', 'holidays.csv');
writeFileSync(dest, out.join('\n') + '\n', 'utf8'); // UTF-8, no BOM, \n
for (let y = FIRST_YEAR; y <= lastYear; y++)
  console.log(y, ['holiday', 'workday'].map((k) => `${k}: ${rows.filter((r) => r.kind === k && r.date.startsWith(y)).length}`).join(', '));
console.log(`years: ${FIRST_YEAR}-${lastYear}; wrote ${rows.length} rows to ${dest}`);
