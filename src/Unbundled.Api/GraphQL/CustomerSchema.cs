using System.Reflection;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Conversion;
using GraphQL.Utilities;

namespace Unbundled.Api.GraphQL;

/// <summary>The schema exactly as the seed wrote it (<c>schema.graphql</c>), bound to its two resolvers.</summary>
public static class CustomerSchema
{
    public static string Sdl { get; } = ReadSdl();

    public static ISchema Create(IServiceProvider services)
    {
        var schema = Schema.For(Sdl, Bind(services));

        // Field names stay as written (Customer, InviteCustomer); the default would camel-case them.
        schema.NameConverter = DefaultNameConverter.Instance;
        return schema;
    }

    private static Action<SchemaBuilder> Bind(IServiceProvider services) => builder =>
    {
        builder.ServiceProvider = services;
        builder.Types.For("Query").FieldFor("Customer").Resolver = new FuncFieldResolver<CustomerResult?>(context =>
            new ValueTask<CustomerResult?>(context.RequestServices!.GetRequiredService<CustomerQueries>()
                .Customer(context.GetArgument<string>("id"), context.CancellationToken)));
        builder.Types.For("Mutation").FieldFor("InviteCustomer").Resolver = new FuncFieldResolver<CustomerResult?>(async context =>
            await context.RequestServices!.GetRequiredService<InviteCustomerMutation>()
                .InviteCustomer(context.GetArgument<string?>("email"), context.CancellationToken));
    };

    private static string ReadSdl()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("schema.graphql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
