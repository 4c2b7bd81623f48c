using Unbundled.Domain.Commands;
using Unbundled.Contracts;
using Unbundled.Terraform.Tests.Drifted;
using Unbundled.Terraform.Tests.Infrastructure;

namespace Unbundled.Terraform.Tests;

/// <summary>The drift check caught in the act: the code changes, terraform does not, and the check says what terraform lacks.</summary>
public sealed class When_the_code_drifts_from_terraform
{
    private const string FailedTopic = CodeTopology.Prefix + "Unbundled-Domain-Events-CustomerInviteFailed";

    [Fact]
    public async Task Should_report_the_topic_subscription_and_grant_a_new_event_handler_needs()
    {
        var configuration = await TerraformConfiguration.Load();
        var drifted = DriftedSystem.With(EndpointNames.Projector, projector => projector.RegisterHandler<CustomerInviteFailedHandler>());

        var differences = Drift.Between(configuration, drifted);

        Assert.Equal(
        [
            $"topic {FailedTopic}: the code needs it (see `topology`), but terraform does not have it.",
            $"subscription {FailedTopic} -> {CodeTopology.Prefix}Unbundled-Projector (raw): the code needs it (see `topology`), but terraform does not have it.",
            $"grant of task role \"projector\" (Unbundled.Projector): sns:Subscribe on arn:{{partition}}:sns:{{region}}:{{account}}:{FailedTopic}: the code needs it (see `topology`), but terraform does not have it.",
            $"grant of function role \"projector\" (Unbundled.Projector): sns:Subscribe on arn:{{partition}}:sns:{{region}}:{{account}}:{FailedTopic}: the code needs it (see `topology`), but terraform does not have it.",
        ], differences);
    }

    [Fact]
    public async Task Should_report_the_grants_a_new_send_and_its_replies_need()
    {
        var configuration = await TerraformConfiguration.Load();
        var drifted = DriftedSystem.With(EndpointNames.Projector, projector => projector.Sends<InviteCustomer>());

        var differences = Drift.Between(configuration, drifted);

        // The Projector now sends to Customers, and Customers replies to the Projector's queue (it makes no requests, so
        // its replies come to its shared queue, not an instance queue).
        Assert.Contains(
            $"grant of task role \"projector\" (Unbundled.Projector): sqs:SendMessage on arn:{{partition}}:sqs:{{region}}:{{account}}:{CodeTopology.Prefix}Unbundled-Customers: the code needs it (see `topology`), but terraform does not have it.",
            differences);
        Assert.Contains(
            $"grant of task role \"customers\" (Unbundled.Customers): sqs:SendMessage on arn:{{partition}}:sqs:{{region}}:{{account}}:{CodeTopology.Prefix}Unbundled-Projector: the code needs it (see `topology`), but terraform does not have it.",
            differences);
        Assert.All(differences, difference => Assert.Matches("^grant of (task|function) role \"(projector|customers)\" .*: the code needs it", difference));
    }

    [Fact]
    public async Task Should_report_a_grant_nothing_uses()
    {
        var configuration = await TerraformConfiguration.Load();
        var topology = CodeTopology.Current;
        var customers = topology.Endpoint(EndpointNames.Customers);
        // As if the outbox stopped marking records dispatched together: BatchWriteItem would be a grant nothing uses.
        var drifted = topology with
        {
            Endpoints = [.. topology.Endpoints.Select(endpoint => endpoint != customers ? endpoint : endpoint with
            {
                Persistence = endpoint.Persistence with { Grants = [.. endpoint.Persistence.Grants.Where(grant => grant.Action != "dynamodb:BatchWriteItem")] },
            })],
        };

        var differences = Drift.Between(configuration, drifted);

        Assert.Equal(
            [
                $"grant of task role \"customers\" (Unbundled.Customers): dynamodb:BatchWriteItem on arn:{{partition}}:dynamodb:{{region}}:{{account}}:table/{CodeTopology.Prefix}unbundled: terraform has it, but nothing in the code needs it.",
                $"grant of function role \"customers\" (Unbundled.Customers): dynamodb:BatchWriteItem on arn:{{partition}}:dynamodb:{{region}}:{{account}}:table/{CodeTopology.Prefix}unbundled: terraform has it, but nothing in the code needs it.",
            ],
            differences);
    }
}
