/**
 * Terraform's `kubernetes` state backend (state in a Secret of the cluster). cdktf 0.21 no longer
 * ships a class for it, so this is the small equivalent of its LocalBackend.
 */
import { TerraformBackend, TerraformRemoteState, type DataTerraformRemoteStateConfig } from 'cdktf';
import type { Construct } from 'constructs';

export interface KubernetesBackendConfig {
  secretSuffix: string;
  namespace?: string;
  configContext?: string;
}

export class KubernetesBackend extends TerraformBackend {
  constructor(
    scope: Construct,
    private readonly props: KubernetesBackendConfig,
  ) {
    super(scope, 'backend', 'kubernetes');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return attributes(this.props);
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return attributes(this.props);
  }

  getRemoteStateDataSource(scope: Construct, name: string, _fromStack: string): TerraformRemoteState {
    return new DataTerraformRemoteStateKubernetes(scope, name, { ...this.props, workspace: '${terraform.workspace}' });
  }
}

export class DataTerraformRemoteStateKubernetes extends TerraformRemoteState {
  constructor(scope: Construct, id: string, config: DataTerraformRemoteStateConfig & KubernetesBackendConfig) {
    super(scope, id, 'kubernetes', config);
  }
}

function attributes(props: KubernetesBackendConfig): Record<string, unknown> {
  return {
    secret_suffix: props.secretSuffix,
    ...(props.namespace !== undefined && { namespace: props.namespace }),
    ...(props.configContext !== undefined && { config_context: props.configContext }),
  };
}
