using System.CommandLine.Parsing;
using System.Globalization;

namespace Reelgate.Cli.Commands;

/// <summary>Parsers for numeric options that say what is allowed, in one line, instead of the parser's type names.</summary>
public static class ValueParsers
{
    public static Func<ArgumentResult, int?> WholeNumber(string name, int min, int max) => result =>
    {
        var text = Token(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{name} must be a whole number from {min} to {max}, not '{text}'");
        return null;
    };

    public static Func<ArgumentResult, double?> Seconds(string name) => result =>
    {
        var text = Token(result);
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0
            && double.IsFinite(value))
        {
            return value;
        }

        result.AddError($"{name} must be a number of seconds more than 0, not '{text}'");
        return null;
    };

    /// <summary>USD as a decimal, parsed exactly (never through a float), at most 6 decimals.</summary>
    public static Func<ArgumentResult, decimal?> Usd(string name, bool allowZero) => result =>
    {
        var text = Token(result);
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && (allowZero || value > 0) && decimal.Round(value, 6) == value)
        {
            return value;
        }

        result.AddError($"{name} must be {(allowZero ? "zero or more" : "more than zero")} USD with at most 6 decimals, such as 10.00, " +
            $"not '{text}'");
        return null;
    };

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
}
