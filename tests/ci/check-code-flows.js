// Checks that each SARIF result carries its finding's whole flow: the same
// steps (file, line, column, message) as the JSON report, matched by
// fingerprint, and that every reported finding is a result.
// Usage: node check-code-flows.js REPORT.sarif REPORT.json
const fs = require('fs');
const [sarifPath, jsonPath] = process.argv.slice(2);
const sarif = JSON.parse(fs.readFileSync(sarifPath, 'utf8'));
const report = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
let failures = 0;
const fail = (message) => { console.log('FAIL ' + message); failures++; };

const results = new Map();
for (const r of sarif.runs[0].results)
  results.set(r.partialFingerprints['pdflowFingerprint/v1'], r);

let withFlows = 0;
for (const f of report.findings) {
  const r = results.get(f.fingerprint);
  if (!r) { fail(`no SARIF result for ${f.file}:${f.line} [${f.rule}] ${f.fingerprint}`); continue; }
  const steps = f.notes.filter((n) => n.step);
  const flow = r.codeFlows ? r.codeFlows[0].threadFlows[0].locations : [];
  const got = flow.map((l) => {
    const p = l.location.physicalLocation;
    return [p.artifactLocation.uri, p.region.startLine, p.region.startColumn, l.location.message.text];
  });
  const want = steps.map((n) => [n.file, n.line, n.column, n.message]);
  if (JSON.stringify(got) !== JSON.stringify(want))
    fail(`${f.file}:${f.line} [${f.rule}]: code flow ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  if (steps.length > 0) withFlows++;
}
if (results.size !== report.findings.length + report.suppressed.length)
  fail(`${results.size} results for ${report.findings.length} findings and ${report.suppressed.length} suppressed`);
if (withFlows === 0) fail('no finding has a flow: the check checked nothing');
if (failures === 0)
  console.log(`ok   ${report.findings.length} results, ${withFlows} with their whole code flow`);
process.exit(failures ? 1 : 0);
