// Validates Frictionless data packages against their CSV files with the reference JavaScript implementation
// (datapackage 1.1.10 over tableschema 1.12.6): the descriptor against the tabular-data-package profile, then every
// row of every resource (types, formats, required, patterns, enums, primary key uniqueness), collecting every error.
// Usage: node validate-datapackages.js DIR...   (each DIR holds a datapackage.json whose resources are local files)
// Prints one JSON object { "packages": N, "rows": N, "errors": ["dir: message", ...] } and exits 0.
'use strict';
const path = require('path');
const { Package } = require('datapackage');

async function validate(dir, report) {
  const dataPackage = await Package.load(path.join(dir, 'datapackage.json'), dir);
  report.packages++;
  if (!dataPackage.valid) {
    for (const error of dataPackage.errors) report.errors.push(`${dir}: descriptor: ${error.message}`);
    return;
  }
  for (const resource of dataPackage.resources) {
    if (!resource.tabular) {
      report.errors.push(`${dir}: ${resource.name} is not a tabular resource`);
      continue;
    }
    const rows = await resource.read({ forceCast: true, keyed: false });
    for (const row of rows) {
      if (row instanceof Error) {
        const details = (row.errors || []).map(e => e.message).join('; ');
        report.errors.push(`${dir}: ${resource.name}: ${row.message}${details ? ' ' + details : ''}`);
      } else {
        report.rows++;
      }
    }
  }
}

(async () => {
  const report = { packages: 0, rows: 0, errors: [] };
  for (const dir of process.argv.slice(2)) {
    try {
      await validate(dir, report);
    } catch (error) {
      report.errors.push(`${dir}: ${error.message}${(error.errors || []).map(e => ' ' + e.message).join(';')}`);
    }
  }
  process.stdout.write(JSON.stringify(report) + '\n');
})();
