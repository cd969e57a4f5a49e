namespace Reelgate.Server.Configuration;

/// <summary>What a process of a deployment does (Reelgate:Role, REELGATE_ROLE), so API and rendering scale apart.</summary>
public enum NodeRole
{
    /// <summary>Serves the API and renders (the default; a single-node deployment).</summary>
    Both,

    /// <summary>Serves the API only: no worker slots, whatever REELGATE_WORKERS says.</summary>
    Api,

    /// <summary>Renders only: claims jobs from the shared database; answers the health routes but not the API.</summary>
    Worker,
}
