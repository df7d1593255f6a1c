import type { Rule } from '../src/check/types';
import type { PlatformDecl } from '../src/model/schemas';
import { GOVERNANCE_KINDS } from '../src/model/governance-kinds';

const DEFAULT_APPROVAL: PlatformDecl['approval'] = { stages: ['prod'], changes: [...GOVERNANCE_KINDS] };

/**
 * A change to what is trusted or enforced (trusted CAs, stage, promotion source, policy switches, the
 * rule pack, suppressions, installed contracts, network rules) in a stage that config/platform.yaml
 * names (default: prod) needs a platform owner's approval on record (`tak plan --approved-by`, filled
 * from the code host's reviews). Who approves and what needs it are read from the base, so that a pull
 * request cannot appoint its own approvers; the stage counts at either side, so that switching prod to
 * test is itself such a change.
 */
const governanceApproved: Rule = (state, { base, changes, approvedBy = [] }) => {
  const platform = (base?.catalog.platform ?? state.catalog.platform)?.decl;
  const approval = platform?.approval ?? DEFAULT_APPROVAL;
  const stages = [base?.environment?.stage, state.environment?.stage];
  if (!stages.some((s) => s !== undefined && approval.stages.includes(s))) return [];
  const needing = (changes?.governance ?? []).filter((c) => approval.changes.includes(c.kind));
  const owners = platform?.owners ?? [];
  const approvers = new Set(approvedBy.map((a) => a.toLowerCase()));
  if (needing.length === 0 || owners.some((o) => approvers.has(o.toLowerCase()))) return [];
  const whose = owners.length > 0 ? `a platform owner (${owners.join(' or ')})` : 'a platform owner, and config/platform.yaml declares none';
  return needing.map((c) => ({
    message: `${c.text}: a governance change in ${state.name} needs the approval of ${whose}, on record with tak plan --approved-by`,
    location: c.location ?? state.location,
    entity: `${state.name}|${c.kind}`,
  }));
};

export default governanceApproved;
