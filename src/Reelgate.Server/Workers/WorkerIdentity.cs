using System.Security.Cryptography;

namespace Reelgate.Server.Workers;

/// <summary>This process's name in job leases: host, process id and a random part (a restarted process is a new owner).</summary>
public sealed class WorkerIdentity
{
    public string ProcessId { get; } =
        $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    public string ForSlot(int slot) => $"{ProcessId}/{slot}";
}
