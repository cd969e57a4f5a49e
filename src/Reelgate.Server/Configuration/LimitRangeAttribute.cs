using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Reelgate.Server.Configuration;

/// <summary>
/// A whole-number limit from 0 (which turns it off, or gives no default) to <see cref="Maximum"/>; its error names the
/// setting's full key ("Reelgate:Limits:EventStreamsPerKey must be a whole number from 0 (off) to 100000").
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LimitRangeAttribute(string section, long maximum) : ValidationAttribute
{
    /// <summary>The options' section, the key's first part.</summary>
    public string Section { get; } = section;

    public long Maximum { get; } = maximum;

    /// <summary>What 0 means, said in the error: "off" for a limit, "none" for a default.</summary>
    public string ZeroMeans { get; set; } = "off";

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        if (number >= 0 && number <= Maximum)
        {
            return ValidationResult.Success;
        }

        var key = $"{Section}:{validationContext.MemberName}";
        var message = $"{key} must be a whole number from 0 ({ZeroMeans}) to {Maximum.ToString(CultureInfo.InvariantCulture)}";
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }
}
