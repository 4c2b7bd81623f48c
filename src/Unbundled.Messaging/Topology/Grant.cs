namespace Unbundled.Messaging.Topology;

/// <summary>One AWS API action an endpoint calls on one resource (an ARN, an ARN pattern, or <c>*</c>), and which component calls it.</summary>
public sealed record Grant(string Action, string Resource, GrantPhase Phase, string By);
