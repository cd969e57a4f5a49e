using System.Globalization;

namespace Reelgate.Server.Configuration;

/// <summary>Reads Reelgate:Role (REELGATE_ROLE) at start and applies it to the settings that follow from it.</summary>
public static class NodeRoleConfiguration
{
    public const string Key = "Reelgate:Role";

    /// <summary>The role, or the one line that stops the start. An API-only role turns the worker slots off.</summary>
    public static (NodeRole Role, string? Problem) Apply(ConfigurationManager configuration)
    {
        var text = configuration[Key];
        NodeRole role;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "both":
                role = NodeRole.Both;
                break;
            case "api":
                role = NodeRole.Api;
                configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(WorkerOptions.Section + ":Count", "0")]);
                break;
            case "worker":
                role = NodeRole.Worker;
                break;
            default:
                return (NodeRole.Both, $"bad setting: {Key} (REELGATE_ROLE) is '{text}'; use both, api or worker");
        }

        var workers = configuration[WorkerOptions.Section + ":Count"];
        if (role == NodeRole.Worker
            && int.TryParse(workers, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count == 0)
        {
            return (role, $"bad setting: {Key} is worker but REELGATE_WORKERS (Reelgate:Workers:Count) is 0: " +
                "a worker node needs at least one slot");
        }

        return (role, null);
    }
}
