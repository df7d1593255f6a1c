/**
 * `tak init`: the files of a new catalog repository, as plain data (path -> text). The result
 * validates with 0 errors, and `tak codeowners` gives every file in it an owner.
 */
import { stringify } from 'yaml';
import { version } from '../cli/version';

export interface ScaffoldOptions {
  /** The platform team's handle (`@org/team`), owner of every platform-level file. */
  owner: string;
  /** How package.json names the tak-gitops package (a git URL with a tag, or a registry version). */
  packageSpec?: string;
}

const STAGES = [
  { name: 'test', platform: 'NTJP-TEST' },
  { name: 'qa', platform: 'NTJP-QA', promotesFrom: 'test' },
  { name: 'prod', platform: 'NTJP-PROD', promotesFrom: 'qa' },
] as const;

const WORKFLOW = `# On every pull request: validate (annotations through code scanning), plan against the target
# branch with the approvals given so far, and check CODEOWNERS. See tak-gitops' docs/governance.md.
name: tak pull request
on:
  pull_request:
  pull_request_review:
    types: [submitted, dismissed]
permissions:
  contents: read
  pull-requests: write
  security-events: write
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with: { fetch-depth: 0 }
      - uses: actions/setup-node@v4
        with: { node-version: 20, cache: npm }
      - run: npm ci
      - id: approvals
        env: { GH_TOKEN: "\${{ github.token }}" }
        run: echo "handles=$(node_modules/tak-gitops/scripts/approvals.sh "\${{ github.repository }}" "\${{ github.event.pull_request.number }}")" >> "$GITHUB_OUTPUT"
      - run: npx tak validate --format sarif > validate.sarif || true
      - run: npx tak plan --base "origin/\${{ github.base_ref }}" --format markdown --approved-by "\${{ steps.approvals.outputs.handles }}" > comment.md
      - run: npx tak codeowners --check
      - if: always()
        uses: github/codeql-action/upload-sarif@v3
        with: { sarif_file: validate.sarif, category: tak-validate }
      - if: always()
        uses: marocchino/sticky-pull-request-comment@v2
        with: { header: tak-plan, path: comment.md }
`;

export function scaffold(options: ScaffoldOptions): Map<string, string> {
  const files = new Map<string, string>();
  const yaml = (comment: string, value: unknown) => `# ${comment}\n${stringify(value)}`;
  files.set('config/platform.yaml', yaml('The platform team: owner of every platform-level file, and whose approval governance changes in prod need.', { owners: [options.owner], approval: { stages: ['prod'] } }));
  files.set('config/trusted-cas.yaml', yaml('CAs whose function certificates the platform accepts, per environment (public PEM files under config/cas/).', { cas: [] }));
  files.set('config/logical-addresses/catalog.yaml', yaml('The logical-address catalog: every address a routing or authorization names, with its description.', { logicalAddresses: [] }));
  for (const s of STAGES) {
    files.set(`environments/${s.name}/environment.yaml`, stringify({ name: s.name, platform: s.platform, stage: s.name, ...('promotesFrom' in s ? { promotesFrom: s.promotesFrom } : {}), installedContracts: [] }));
  }
  const spec = options.packageSpec ?? `git+https://example.invalid/tak-gitops.git#v${version}`;
  files.set('package.json', `${JSON.stringify({ private: true, scripts: { check: 'tak validate' }, devDependencies: { 'tak-gitops': spec } }, null, 2)}\n`);
  files.set('.gitignore', 'node_modules/\n.tak/\ncdktf.out/\ndist/\n');
  files.set('.github/workflows/pull-request.yml', WORKFLOW);
  return files;
}
