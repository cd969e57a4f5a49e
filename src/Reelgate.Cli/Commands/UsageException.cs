namespace Reelgate.Cli.Commands;

/// <summary>A mistake in what the user asked for, found before any request: exit code 2, one line.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
