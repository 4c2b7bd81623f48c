using Unbundled.Messaging.Topology;

namespace Unbundled.Messaging.AmazonSqs.Topology;

/// <summary>Collects the grants of one endpoint: each component's actions on one resource.</summary>
internal sealed class GrantList
{
    private readonly List<Grant> grants = [];

    public IReadOnlyList<Grant> Grants => grants;

    public GrantList Add(GrantPhase phase, string by, IEnumerable<string> actions, string resource)
    {
        grants.AddRange(actions.Select(action => new Grant(action, resource, phase, by)));
        return this;
    }
}
