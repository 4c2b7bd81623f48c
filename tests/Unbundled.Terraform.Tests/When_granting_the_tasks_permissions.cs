using System.Text.Json.Nodes;
using Unbundled.Messaging.Topology;
using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>The task roles: each endpoint may do what it does, on its own resources, and no more.</summary>
public sealed class When_granting_the_tasks_permissions
{
    private static readonly string[] QueueManagement = ["sqs:CreateQueue", "sqs:DeleteQueue", "sqs:SetQueueAttributes", "sqs:TagQueue"];

    [Fact]
    public async Task Every_policy_is_a_policy_document_the_checks_can_read()
    {
        var configuration = await TerraformConfiguration.Load();

        var policies =
            from type in new[] { "aws_iam_role_policy", "aws_iam_policy", "aws_sqs_queue_policy", "aws_sns_topic_policy" }
            from policy in configuration.Resources(type)
            from reference in Policies.References(configuration, policy.Text("policy"))
            select reference;
        var trustPolicies = configuration.Resources("aws_iam_role").Select(role => role.Text("assume_role_policy"));

        Assert.All(policies.Concat(trustPolicies), policy =>
            Assert.Contains(configuration.DataSources("aws_iam_policy_document"), document => document.Name == Policies.DocumentName(policy)));
    }

    [Fact]
    public async Task No_statement_grants_or_denies_a_wildcard_action()
    {
        var configuration = await TerraformConfiguration.Load();

        var statements = Policies.Statements(configuration).ToList();

        Assert.NotEmpty(statements);
        Assert.All(statements, entry =>
        {
            Assert.Null(entry.Statement["not_actions"]);
            Assert.NotEmpty(Policies.Actions(entry.Statement));
            Assert.All(Policies.Actions(entry.Statement), action => Assert.DoesNotContain("*", action));
        });
    }

    [Fact]
    public async Task Only_ListQueues_is_granted_on_every_resource_since_AWS_cannot_scope_it()
    {
        var configuration = await TerraformConfiguration.Load();

        var unscoped = Policies.Statements(configuration).Where(entry => Policies.Resources(entry.Statement).Contains("*")).ToList();

        // The code calls exactly one action on "*", for the endpoints whose topology says so.
        var unscopedInCode = CodeTopology.Current.Endpoints.SelectMany(endpoint => endpoint.Grants).Where(grant => grant.Resource == "*" && grant.Phase == GrantPhase.Runtime);
        // Once for the API task, once for the API function: the same call of the same code.
        Assert.Equal(["api_function", "api_task"], unscoped.Select(entry => entry.Document.Name).Order());
        var statement = unscoped[0].Statement;
        Assert.Equal(["sqs:ListQueues"], unscopedInCode.Select(grant => grant.Action).Distinct());
        Assert.Equal(["sqs:ListQueues"], Policies.Actions(statement));
        Assert.All(Policies.Statements(configuration), entry => Assert.Null(entry.Statement["not_resources"]));
    }

    [Fact]
    public async Task Each_deployable_has_its_own_task_role_and_policy()
    {
        var configuration = await TerraformConfiguration.Load();

        var roles = configuration.Instances(configuration.Resource("aws_iam_role", "task")).Select(role => role.Key);
        var rolePolicy = configuration.Resource("aws_iam_role_policy", "task");
        var taskDefinitions = configuration.Resource("aws_ecs_task_definition", "service");

        Assert.Equal(configuration.StringMap("endpoint_queues").Keys.Order(), roles.Order());
        Assert.Equal(roles.Order(), configuration.Instances(rolePolicy).Select(policy => policy.Key).Order());
        Assert.Equal(roles.Order(), configuration.Instances(taskDefinitions).Select(task => task.Key).Order());
        Assert.Equal("${aws_iam_role.task[each.key].arn}", taskDefinitions.Text("task_role_arn"));
        Assert.Equal("${aws_iam_role.task[each.key].id}", rolePolicy.Text("role"));
        var documents = Policies.References(configuration, rolePolicy.Text("policy")).Select(Policies.DocumentName).ToList();
        Assert.Equal(roles.Count(), documents.Distinct().Count());
    }

    [Fact]
    public async Task Only_the_api_may_create_or_delete_queues_and_only_its_own_instance_queues()
    {
        var configuration = await TerraformConfiguration.Load();
        var values = new TerraformValues(configuration);
        var instancePattern = CodeTopology.Current.Arns.Queue(Assert.Single(CodeTopology.Current.Queues, queue => queue.InstanceSpecific && !queue.Fifo).Name);

        var managing = Policies.Statements(configuration)
            .Where(entry => Policies.Allows(entry.Statement) && Policies.Actions(entry.Statement).Intersect(QueueManagement).Any())
            .ToList();

        Assert.Equal(["api_function", "api_task"], managing.Select(entry => entry.Document.Name).Order());
        Assert.All(managing, entry => Assert.Equal([instancePattern], Policies.Resources(entry.Statement).SelectMany(resource => values.Resolve(resource))));
        Assert.StartsWith("arn:${local.partition}:sqs:${var.region}:${local.account_id}:", Hcl.Text(configuration.Locals["api_instance_queue_arns"]));
    }

    [Fact]
    public async Task The_api_instances_may_not_remove_the_delay_queue_they_share()
    {
        var configuration = await TerraformConfiguration.Load();

        var denials = configuration.DataSource("aws_iam_policy_document", "api_task").Blocks("statement").Where(statement => !Policies.Allows(statement));

        var denial = Assert.Single(denials);
        Assert.Equal(["${aws_sqs_queue.delay[\"api\"].arn}"], Policies.Resources(denial));
        Assert.Contains("sqs:DeleteQueue", Policies.Actions(denial));
    }

    [Fact]
    public async Task A_denial_only_narrows_what_the_same_role_allows()
    {
        var configuration = await TerraformConfiguration.Load();
        var values = new TerraformValues(configuration);

        foreach (var role in configuration.StringMap("endpoint_queues").Keys)
        {
            var policy = new RolePolicy(configuration, values, role);
            var allowed = policy.Allowed;
            foreach (var (statement, eachKey) in policy.Statements.Where(entry => !Policies.Allows(entry.Statement)))
            {
                var denied = from action in Policies.Actions(statement) from resource in Policies.Resources(statement).SelectMany(r => values.Resolve(r, eachKey)) select (action, resource);
                Assert.All(denied, grant => Assert.Contains(allowed, allow => allow.Action == grant.action && ArnLike(allow.Resource, grant.resource)));
            }
        }
    }

    [Fact]
    public async Task No_endpoint_may_update_or_delete_items_in_place()
    {
        var configuration = await TerraformConfiguration.Load();

        var statements = Policies.Statements(configuration).Where(entry => Policies.Allows(entry.Statement)).ToList();

        Assert.Contains(statements, entry => Policies.Actions(entry.Statement).Contains("dynamodb:PutItem"));
        Assert.All(["dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:TransactWriteItems"], action =>
            Assert.Empty(DocumentsGranting(statements, action)));
    }

    [Fact]
    public async Task Every_table_grant_is_on_the_one_table()
    {
        var configuration = await TerraformConfiguration.Load();

        var tableStatements = Policies.Statements(configuration)
            .Where(entry => Policies.Actions(entry.Statement).Any(action => action.StartsWith("dynamodb:", StringComparison.Ordinal)))
            .ToList();

        Assert.NotEmpty(tableStatements);
        Assert.All(tableStatements, entry => Assert.Equal(["${aws_dynamodb_table.unbundled.arn}"], Policies.Resources(entry.Statement)));
    }

    [Fact]
    public async Task Only_ECS_tasks_of_this_account_may_assume_the_roles()
    {
        var configuration = await TerraformConfiguration.Load();

        // The functions' roles are Lambda's to assume (When_deploying_as_lambda_functions).
        Assert.All(configuration.Resources("aws_iam_role").Where(role => role.Name != "function"), role => Assert.Equal("${data.aws_iam_policy_document.ecs_tasks_assume.json}", role.Text("assume_role_policy")));
        var statement = Assert.Single(configuration.DataSource("aws_iam_policy_document", "ecs_tasks_assume").Blocks("statement"));
        Assert.Equal(["sts:AssumeRole"], Policies.Actions(statement));
        var principal = Assert.Single(Hcl.Blocks(statement, "principals"));
        Assert.Equal(["ecs-tasks.amazonaws.com"], Hcl.Strings(principal["identifiers"]));
        Assert.Contains(Hcl.Blocks(statement, "condition"), condition =>
            Hcl.Text(condition["variable"]) == "aws:SourceAccount" && Hcl.Strings(condition["values"]).SequenceEqual(["${local.account_id}"]));
    }

    /// <summary>IAM's ArnLike: a trailing <c>*</c> matches any rest.</summary>
    private static bool ArnLike(string pattern, string arn) =>
        pattern == arn || (pattern.EndsWith('*') && arn.StartsWith(pattern[..^1], StringComparison.Ordinal));

    private static IEnumerable<string> DocumentsGranting(IEnumerable<(HclBlock Document, JsonObject Statement)> statements, string action) =>
        statements.Where(entry => Policies.Actions(entry.Statement).Contains(action)).Select(entry => entry.Document.Name).Distinct();
}
