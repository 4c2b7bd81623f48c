using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Unbundled.Api.GraphQL;
using Unbundled.Testing;

namespace Unbundled.Api.Tests.Schema;

/// <summary>
/// The executable schema, printed, against <c>Snapshots/schema.graphql</c>: every change to the API shows in the diff. On a
/// mismatch the printed schema is written to <c>Snapshots/schema.received.graphql</c>; if the change is intended, move it
/// over the snapshot.
/// </summary>
public sealed class CustomerSchemaTests
{
    private static readonly string Snapshot = RepositoryRoot.Combine("tests", "Unbundled.Api.Tests", "Snapshots", "schema.graphql");
    private static readonly string Received = RepositoryRoot.Combine("tests", "Unbundled.Api.Tests", "Snapshots", "schema.received.graphql");

    [Fact]
    public void The_printed_schema_matches_the_snapshot()
    {
        var printed = Normalize(CreateSchema().Print());
        var expected = File.Exists(Snapshot) ? Normalize(File.ReadAllText(Snapshot)) : "";

        if (printed != expected)
        {
            File.WriteAllText(Received, printed);
            Assert.Fail($"The schema changed. Compare {Received} with {Snapshot}; if the change is intended, move it over the snapshot.");
        }

        File.Delete(Received);
    }

    [Fact]
    public void The_field_names_stay_as_the_seed_wrote_them()
    {
        var schema = CreateSchema();

        Assert.Equal(["Customer"], schema.Query.Fields.Select(field => field.Name));
        Assert.Equal(["InviteCustomer"], schema.Mutation!.Fields.Select(field => field.Name));
        var customer = Assert.IsAssignableFrom<IObjectGraphType>(schema.AllTypes["Customer"]);
        Assert.Equal(["id", "email", "invited"], customer.Fields.Select(field => field.Name));
    }

    private static ISchema CreateSchema()
    {
        var schema = CustomerSchema.Create(new ServiceCollection().BuildServiceProvider());
        schema.Initialize();
        return schema;
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";
}
