/**
 * The kinds of change to what is trusted or enforced (governance changes), as `tak plan` reports them.
 * A module of its own, free of the schema library, so that the rules can name them without loading it.
 */
export const GOVERNANCE_KINDS = ['trusted-ca', 'stage', 'promotion-source', 'policy', 'pack', 'suppression', 'installed-contract', 'network'] as const;
