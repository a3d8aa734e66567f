// Lints an OpenAPI document with Redocly CLI (ruleset "recommended", redocly.yaml) and Spectral CLI (ruleset
// "spectral:oas", .spectral.yaml), both run from this folder's node_modules, and reports their findings.
// Usage: node lint-openapi.js FILE
// Prints { "redocly": { "errors": [...], "warnings": N }, "spectral": { "errors": [...], "warnings": N } } and exits 0.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');

const file = path.resolve(process.argv[2]);
const bin = name => path.join(__dirname, 'node_modules', '.bin', name);
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

function run(command, args) {
  const result = spawnSync(command, args, { cwd: __dirname, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

function redocly() {
  const result = run(bin('redocly'), ['lint', file, '--config', path.join(__dirname, 'redocly.yaml'), '--format', 'json']);
  const start = result.stdout.indexOf('{');
  if (start < 0) return { errors: [`redocly gave no report (exit ${result.status}): ${result.stderr}`], warnings: 0 };
  const report = JSON.parse(result.stdout.slice(start));
  const problems = report.problems || [];
  return {
    errors: problems.filter(p => p.severity === 'error').map(p => `${p.ruleId}: ${p.message} at ${(p.location || []).map(l => l.pointer).join(', ')}`),
    warnings: problems.filter(p => p.severity !== 'error').length,
  };
}

function spectral() {
  const result = run(bin('spectral'), ['lint', file, '--ruleset', path.join(__dirname, '.spectral.yaml'), '--format', 'json', '--quiet']);
  const start = result.stdout.indexOf('[');
  if (start < 0) return { errors: [`spectral gave no report (exit ${result.status}): ${result.stderr}${result.stdout}`], warnings: 0 };
  const findings = JSON.parse(result.stdout.slice(start));
  return {
    errors: findings.filter(f => f.severity === 0).map(f => `${f.code}: ${f.message} at ${f.path.join('.')}`),
    warnings: findings.filter(f => f.severity !== 0).length,
  };
}

process.stdout.write(JSON.stringify({ redocly: redocly(), spectral: spectral() }) + '\n');
