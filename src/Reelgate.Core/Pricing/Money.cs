using System.Globalization;

namespace Reelgate.Core.Pricing;

/// <summary>An exact amount of US dollars, held as integer micro-dollars. Never a float.</summary>
public readonly record struct Money(long Micros) : IComparable<Money>
{
    public const long MicrosPerDollar = 1_000_000;

    /// <summary>The largest amount an operator may give or hold: a billion dollars keeps every sum far from overflow.</summary>
    public static readonly Money Max = new(1_000_000_000L * MicrosPerDollar);

    public static Money Zero => default;

    public bool IsNegative => Micros < 0;

    public static Money FromDollars(decimal dollars) => new(decimal.ToInt64(decimal.Round(dollars * MicrosPerDollar)));

    /// <summary>Reads "1.50", "3", "0.000001". Refuses signs, exponents, more than six decimals and huge amounts.</summary>
    public static bool TryParse(string? text, out Money money)
    {
        money = Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 24)
        {
            return false;
        }

        var negative = text[0] == '-';
        var body = negative ? text[1..] : text;
        if (body.Length == 0 || !body.All(c => char.IsAsciiDigit(c) || c == '.') || body.Count(c => c == '.') > 1
            || body[0] == '.' || body[^1] == '.')
        {
            return false;
        }

        var dot = body.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && body.Length - dot - 1 > 6)
        {
            return false;
        }

        if (!decimal.TryParse(body, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dollars))
        {
            return false;
        }

        if (dollars > Max.Micros / MicrosPerDollar)
        {
            return false;
        }

        var parsed = FromDollars(dollars);

        money = negative ? new Money(-parsed.Micros) : parsed;
        return true;
    }

    public static Money Parse(string text) =>
        TryParse(text, out var money) ? money : throw new FormatException($"'{text}' is not an amount of money");

    /// <summary>"1.50", "-0.40", "0.000001": at least two decimals, more only when they carry value.</summary>
    public override string ToString() =>
        (Micros / (decimal)MicrosPerDollar).ToString("0.00####", CultureInfo.InvariantCulture);

    public int CompareTo(Money other) => Micros.CompareTo(other.Micros);

    public static Money operator +(Money left, Money right) => new(checked(left.Micros + right.Micros));

    public static Money operator -(Money left, Money right) => new(checked(left.Micros - right.Micros));

    public static Money operator -(Money value) => new(-value.Micros);

    public static bool operator <(Money left, Money right) => left.Micros < right.Micros;

    public static bool operator >(Money left, Money right) => left.Micros > right.Micros;

    public static bool operator <=(Money left, Money right) => left.Micros <= right.Micros;

    public static bool operator >=(Money left, Money right) => left.Micros >= right.Micros;
}
