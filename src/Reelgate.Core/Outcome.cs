using System.Diagnostics.CodeAnalysis;

namespace Reelgate.Core;

/// <summary>A value, or the failure that stopped it. Core returns these instead of throwing.</summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static Outcome<T> Success(T value) => new(value, null);

    public static Outcome<T> Fail(Failure failure) => new(default, failure);

#pragma warning disable CA2225 // the named factories above are the alternative
    public static implicit operator Outcome<T>(T value) => Success(value);

    public static implicit operator Outcome<T>(Failure failure) => Fail(failure);
#pragma warning restore CA2225
}
