################################################################################
# DynamoDB
#
# One table for the read model, the email claims and the outbox, in the layout of NServiceBus.Persistence.DynamoDB
# (docs/wire-format.md §7.1): string keys PK (hash) and SK (range), on-demand billing, and TTL on ExpiresAt (epoch seconds), which
# removes dispatched outbox records once their deduplication window (7 days by default) has passed.
################################################################################

resource "aws_dynamodb_table" "unbundled" {
  name         = local.table_name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "PK"
  range_key    = "SK"

  attribute {
    name = "PK"
    type = "S"
  }

  attribute {
    name = "SK"
    type = "S"
  }

  ttl {
    attribute_name = "ExpiresAt"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  # The AWS managed key (aws/dynamodb): encryption the account can see and audit in KMS, with no grant for the tasks to hold.
  server_side_encryption {
    enabled = true
  }
}
