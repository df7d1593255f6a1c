// The files that compiled code reads next to itself and tsc does not copy: the report's stylesheet
// and script (src/site/assets), and the generated precheck (src/model/precheck.generated.js). Part of
// `npm run build`.
const { cpSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
cpSync(path.join(root, 'src', 'site', 'assets'), path.join(root, 'build', 'src', 'site', 'assets'), { recursive: true });
cpSync(path.join(root, 'src', 'model', 'precheck.generated.js'), path.join(root, 'build', 'src', 'model', 'precheck.generated.js'));
