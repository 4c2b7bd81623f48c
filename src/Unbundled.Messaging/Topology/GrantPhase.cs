namespace Unbundled.Messaging.Topology;

/// <summary>When an action is called: whenever the endpoint runs, or only when its installers run (off where terraform deploys).</summary>
public enum GrantPhase
{
    Runtime,
    Installers,
}
