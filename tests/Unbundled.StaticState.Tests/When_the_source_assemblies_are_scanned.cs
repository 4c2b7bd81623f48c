using Xunit;

namespace Unbundled.StaticState.Tests;

/// <summary>
/// No process-wide mutable state in <c>src/</c>: what endpoints of one process share lives in their process scope
/// (docs/process-scope.md). A static that can hold state fails this test unless it is listed here with the reason it
/// is not shared state.
/// </summary>
public sealed class When_the_source_assemblies_are_scanned
{
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["Unbundled.Api.Security.MutationsNeedACaller.Instance"] = "A stateless validation rule: one instance serves every request.",
        ["Unbundled.Api.Security.MutationsNeedACaller.Visitor"] = "The rule's visitor, stateless: it reads only the validation context it is given.",
        ["Unbundled.Api.Http.OnlyQueriesOverGet.Instance"] = "A stateless validation rule: one instance serves every request.",
        ["Unbundled.Api.Http.OnlyQueriesOverGet.Visitor"] = "The rule's visitor, stateless: it reads only the validation context it is given.",
        ["Unbundled.Api.Http.ValidationRulesByMethod.Post"] = "An immutable record of rule lists built once; never changed.",
        ["Unbundled.Api.Http.ValidationRulesByMethod.PostWithoutCaller"] = "An immutable record of rule lists built once; never changed.",
        ["Unbundled.Api.Http.ValidationRulesByMethod.Get"] = "An immutable record of rule lists built once; never changed.",
        ["Unbundled.LocalAws.RepositoryLayout.RootDirectory"] = "A fact found once: the clone the process runs from, the same for every endpoint and never written after.",
        ["Unbundled.Messaging.Transport.DispatchProperties.None"] = "The empty dispatch properties; init-only, so never changed.",
        ["Unbundled.Messaging.Telemetry.MessagingDiagnostics.Source"] = "An ActivitySource is process-wide by design: listeners subscribe by its name.",
        ["Unbundled.Messaging.Pipeline.HandlerRegistry.InvokeMethod"] = "Reflection metadata (a MethodInfo), immutable.",
        ["Unbundled.Messaging.AmazonSqs.Sns.SnsXml.ReaderSettings"] = "XML reader settings set once in the initializer and only read after.",
        ["Unbundled.Messaging.AmazonSqs.Receiving.SqsMessageReader.TransportOnlyHeaders"] = "A constant list of two header names, only read.",
        ["Unbundled.Aws.AwsEndpoints.FromEnvironment"] = "Reads the environment variables when asked; holds nothing but the reader.",
        ["Unbundled.Messaging.AmazonSqs.Configuration.AwsEnvironment.CredentialsResolver"] = "The AWS SDK's default credential chain, process-wide by design (the SDK caches and refreshes what the environment gives).",
        ["Unbundled.Messaging.AmazonSqs.Administration.SqsSubscriptionManager.RawDelivery"] = "A constant attribute map set in the initializer and only read.",
        ["Unbundled.Messaging.Embedded.MessageFile.HeaderFormat"] = "Serializer options, frozen by System.Text.Json at first use.",
        ["Unbundled.Messaging.Embedded.MessageFile.Separator"] = "The constant bytes between headers and body, only read.",
        ["Unbundled.Persistence.DynamoDB.Topology.DynamoDbTopology.PortCalls"] = "A constant lookup set in the initializer and only read.",
        ["Unbundled.Persistence.Sqlite.BatchedWrites+Savepoint.Begin"] = "A constant statement (an immutable record).",
        ["Unbundled.Persistence.Sqlite.BatchedWrites+Savepoint.RollBack"] = "A constant statement (an immutable record).",
        ["Unbundled.Persistence.Sqlite.BatchedWrites+Savepoint.Release"] = "A constant statement (an immutable record).",
        ["Unbundled.Shell.AwsShell.LocalRegion"] = "The SDK's region object, immutable.",
        ["Unbundled.Shell.AwsShell.LocalCredentials"] = "The stand-ins' fixed credentials, immutable.",
        ["Unbundled.Lambda.Runtime.RuntimeApiClient.Json"] = "The application/json content type, set on each response sent to the Runtime API and never changed.",
        ["Unbundled.Messaging.Metrics.MetricsReporter.Streams"] = "A constant list of the metric streams' names, only read.",
        ["Unbundled.Messaging.CustomChecks.CheckResult.Pass"] = "The passing result, an immutable value.",
        ["Unbundled.Shell.Topology.TopologyJson.Options"] = "Serializer options, frozen by System.Text.Json at first use.",
    };

    [Fact]
    public void Should_find_every_assembly_of_src()
    {
        Assert.True(SourceAssemblies.All().Count >= 12, string.Join(", ", SourceAssemblies.All().Select(a => a.GetName().Name)));
    }

    [Fact]
    public void Should_find_no_static_field_that_holds_state_but_those_allowed()
    {
        var found = SourceAssemblies.All().SelectMany(StaticFields.ThatHoldState).ToList();

        var unexpected = found.Where(field => !Allowed.ContainsKey(field)).ToList();
        Assert.True(unexpected.Count == 0, "Static fields that can hold process-wide state:\n" + string.Join("\n", unexpected));
    }

    [Fact]
    public void Should_allow_only_fields_that_exist()
    {
        var found = SourceAssemblies.All().SelectMany(StaticFields.ThatHoldState).ToHashSet(StringComparer.Ordinal);

        var stale = Allowed.Keys.Where(field => !found.Contains(field)).ToList();
        Assert.True(stale.Count == 0, "Allowed but gone (remove them from the list):\n" + string.Join("\n", stale));
    }
}
