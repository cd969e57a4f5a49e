namespace Reelgate.Server.Features.Keys;

/// <summary>A field of a partial update: left out (keep the current value), or set, null included.</summary>
public readonly record struct Settable<T>(bool IsSet, T Value)
{
    public static Settable<T> Unset => default;

    public T Or(T current) => IsSet ? Value : current;
}
