import type { EnvironmentPolicy } from '../model/schemas';
import type { EnvironmentState } from '../model/state';

/** The defaults of `policy:` in environment.yaml. */
export const DEFAULT_POLICY: Required<EnvironmentPolicy> = {
  certificateExpiryWarningDays: 30,
  requirePromotion: true,
};

/** An environment's policy settings, defaults filled in. */
export function policyOf(state: EnvironmentState): Required<EnvironmentPolicy> {
  return { ...DEFAULT_POLICY, ...state.environment?.policy };
}
