using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Unbundled.Api.GraphQL;
using Unbundled.Api.Tests.Infrastructure;
using Unbundled.Testing;

namespace Unbundled.Api.Tests.Schema;

/// <summary>
/// The schema the running server executes, as <c>/graphql/schema</c> prints it, against the committed
/// <c>Snapshots/schema.graphql</c>: a change to the SDL file, the bindings or the naming shows in the diff. On a mismatch
/// the served schema is written to <c>Snapshots/schema.received.graphql</c>; if the change is intended, move it over the
/// snapshot.
/// </summary>
public sealed class CustomerSchemaTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    private static readonly string Snapshot = RepositoryRoot.Combine("tests", "Unbundled.Api.Tests", "Snapshots", "schema.graphql");
    private static readonly string Received = RepositoryRoot.Combine("tests", "Unbundled.Api.Tests", "Snapshots", "schema.received.graphql");

    [Fact]
    public async Task The_served_schema_matches_the_snapshot()
    {
        var served = Normalize(await system.Http.GetStringAsync("/graphql/schema"));
        var expected = Normalize(await File.ReadAllTextAsync(Snapshot));

        if (served != expected)
        {
            await File.WriteAllTextAsync(Received, served);
            Assert.Fail($"The schema changed. Compare {Received} with {Snapshot}; if the change is intended, move it over the snapshot.");
        }

        File.Delete(Received);
    }

    [Fact]
    public void The_field_names_stay_as_the_seed_wrote_them()
    {
        var schema = CustomerSchema.Create(new ServiceCollection().BuildServiceProvider());
        schema.Initialize();

        Assert.Equal(["Customer"], schema.Query.Fields.Select(field => field.Name));
        Assert.Equal(["InviteCustomer"], schema.Mutation!.Fields.Select(field => field.Name));
        var customer = Assert.IsAssignableFrom<IObjectGraphType>(schema.AllTypes["Customer"]);
        Assert.Equal(["id", "email", "invited"], customer.Fields.Select(field => field.Name));
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";
}
