/**
 * @module A Terraform plan (as `terraform show -json` prints it) that replaces the production database.
 */

const plan = {
  format_version: '1.2',
  terraform_version: '1.9.8',
  planned_values: { root_module: { resources: [] } },
  resource_changes: [
    {
      address: 'aws_db_instance.orders',
      mode: 'managed',
      type: 'aws_db_instance',
      name: 'orders',
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: {
        actions: ['delete', 'create'],
        before: { identifier: 'orders', engine: 'postgres', instance_class: 'db.r6g.large' },
        after: { identifier: 'orders-v2', engine: 'postgres', instance_class: 'db.r6g.xlarge' },
        after_unknown: { id: true, arn: true },
        before_sensitive: {},
        after_sensitive: {},
        replace_paths: [['identifier']],
      },
      action_reason: 'replace_because_cannot_update',
    },
  ],
  configuration: { root_module: {} },
  timestamp: '2026-03-02T10:00:00Z',
  applyable: true,
  complete: true,
  errored: false,
};

export const DEMO_PLAN = `${JSON.stringify(plan, null, 2)}\n`;
