/**
 * @module Terraform resource types whose destruction loses data or takes much else down with it.
 *
 * Deleting or replacing one of these is `critical` in `infra-destroy`; any other resource is
 * `high`. Globs (`*`) match type names. Catalogs add types with `rules.settings.infra-destroy.statefulTypes`.
 * Grouped by what is lost; docs/rules.md shows the same table.
 */
export const STATEFUL_RESOURCE_TYPES: readonly { types: readonly string[]; loses: string }[] = [
  {
    loses: 'databases and their data',
    types: [
      'aws_db_instance', 'aws_rds_cluster', 'aws_rds_cluster_instance', 'aws_rds_global_cluster',
      'aws_dynamodb_table', 'aws_dynamodb_global_table', 'aws_docdb_cluster', 'aws_neptune_cluster',
      'aws_redshift_cluster', 'aws_redshiftserverless_namespace', 'aws_keyspaces_table', 'aws_timestreamwrite_*',
      'aws_qldb_ledger', 'aws_memorydb_cluster', 'aws_elasticache_*', 'aws_opensearch_domain', 'aws_elasticsearch_domain',
      'google_sql_database_instance', 'google_sql_database', 'google_spanner_instance', 'google_spanner_database',
      'google_bigtable_instance', 'google_bigtable_table', 'google_firestore_database', 'google_alloydb_*',
      'google_bigquery_dataset', 'google_bigquery_table', 'google_redis_instance', 'google_memcache_instance',
      'azurerm_*database*', 'azurerm_*sql_server', 'azurerm_postgresql_*server', 'azurerm_mysql_*server',
      'azurerm_cosmosdb_*', 'azurerm_redis_cache', 'azurerm_synapse_workspace',
      'mongodbatlas_cluster', 'mongodbatlas_advanced_cluster', 'digitalocean_database_cluster',
      'postgresql_database', 'postgresql_schema', 'mysql_database', 'snowflake_database', 'snowflake_schema', 'snowflake_table',
    ],
  },
  {
    loses: 'stored objects, files and volumes',
    types: [
      'aws_s3_bucket', 'aws_s3_directory_bucket', 'aws_ebs_volume', 'aws_efs_file_system', 'aws_fsx_*_file_system',
      'aws_backup_vault', 'aws_glacier_vault', 'aws_ecr_repository',
      'google_storage_bucket', 'google_compute_disk', 'google_compute_region_disk', 'google_filestore_instance',
      'google_artifact_registry_repository',
      'azurerm_storage_account', 'azurerm_storage_container', 'azurerm_storage_share', 'azurerm_managed_disk',
      'azurerm_data_lake_*', 'digitalocean_volume', 'digitalocean_spaces_bucket',
    ],
  },
  {
    loses: 'messages in flight',
    types: ['aws_sqs_queue', 'aws_kinesis_stream', 'aws_msk_cluster', 'aws_mq_broker', 'google_pubsub_subscription', 'azurerm_servicebus_namespace', 'azurerm_eventhub_namespace'],
  },
  {
    loses: 'keys, secrets and identities (data encrypted with a deleted key is unreadable)',
    types: [
      'aws_kms_key', 'aws_secretsmanager_secret', 'aws_cognito_user_pool',
      'google_kms_key_ring', 'google_kms_crypto_key', 'google_secret_manager_secret',
      'azurerm_key_vault', 'azurerm_key_vault_key', 'azurerm_key_vault_secret', 'vault_mount',
    ],
  },
  {
    loses: 'DNS zones (every record in them)',
    types: ['aws_route53_zone', 'google_dns_managed_zone', 'azurerm_dns_zone', 'azurerm_private_dns_zone', 'cloudflare_zone'],
  },
  {
    loses: 'clusters and namespaces (every workload and volume in them)',
    types: [
      'aws_eks_cluster', 'google_container_cluster', 'azurerm_kubernetes_cluster', 'digitalocean_kubernetes_cluster',
      'kubernetes_namespace', 'kubernetes_namespace_v1', 'kubernetes_persistent_volume', 'kubernetes_persistent_volume_v1',
      'kubernetes_persistent_volume_claim', 'kubernetes_persistent_volume_claim_v1', 'kubernetes_stateful_set', 'kubernetes_stateful_set_v1',
    ],
  },
];

/** Every built-in stateful type glob, flattened. */
export const STATEFUL_TYPE_GLOBS: readonly string[] = STATEFUL_RESOURCE_TYPES.flatMap((group) => group.types);
