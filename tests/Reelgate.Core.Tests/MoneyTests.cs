using Reelgate.Core.Pricing;

namespace Reelgate.Core.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("1.50", 1_500_000)]
    [InlineData("0.40", 400_000)]
    [InlineData("3", 3_000_000)]
    [InlineData("0.000001", 1)]
    [InlineData("-0.40", -400_000)]
    public void Parse_reads_decimal_strings_exactly(string text, long micros)
    {
        Money.TryParse(text, out var money).ShouldBeTrue();
        money.Micros.ShouldBe(micros);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1e3")]
    [InlineData("1.0000001")]
    [InlineData("+1")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1,50")]
    [InlineData("NaN")]
    [InlineData("99999999999999999999")]
    public void Parse_refuses_anything_but_plain_decimals(string text) =>
        Money.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData(1_500_000, "1.50")]
    [InlineData(-400_000, "-0.40")]
    [InlineData(3_000_000, "3.00")]
    [InlineData(1, "0.000001")]
    [InlineData(0, "0.00")]
    public void ToString_shows_two_decimals_or_more_when_they_carry_value(long micros, string text) =>
        new Money(micros).ToString().ShouldBe(text);
}
