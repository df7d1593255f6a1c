import type { EnvironmentPolicy } from '../model/schemas';
import type { EnvironmentState } from '../model/state';

/** The defaults of `policy:` in environment.yaml that do not depend on the stage. */
export const DEFAULT_POLICY = {
  certificateExpiryWarningDays: 30,
  requirePromotion: true,
};

/** An environment's policy settings, defaults filled in (https is required by default in prod only). */
export function policyOf(state: EnvironmentState): Required<EnvironmentPolicy> {
  const requireHttps = state.environment?.stage === 'prod';
  return { ...DEFAULT_POLICY, requireHttps, ...state.environment?.policy };
}
