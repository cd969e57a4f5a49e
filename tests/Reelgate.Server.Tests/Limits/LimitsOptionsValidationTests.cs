using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reelgate.Server.Configuration;

namespace Reelgate.Server.Tests.Limits;

public sealed class LimitsOptionsValidationTests
{
    [Theory]
    [InlineData("Reelgate:Limits:EventStreamsPerKey", "-1",
        "Reelgate:Limits:EventStreamsPerKey must be a whole number from 0 (off) to 100000")]
    [InlineData("Reelgate:Limits:AnonymousRequestsPerMinute", "10000001",
        "Reelgate:Limits:AnonymousRequestsPerMinute must be a whole number from 0 (off) to 10000000")]
    public void Limits_fail_naming_the_key_and_range_when_a_limit_is_out_of_range(string key, string value, string message)
    {
        var failure = Should.Throw<OptionsValidationException>(() => Validate<LimitsOptions>(LimitsOptions.Section, key, value));

        failure.Failures.ShouldContain(f => f.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Reelgate:Limits:Defaults:JobsInFlight", "-1",
        "Reelgate:Limits:Defaults:JobsInFlight must be a whole number from 0 (none) to 100000")]
    [InlineData("Reelgate:Limits:Defaults:UploadBytes", "1099511627777",
        "Reelgate:Limits:Defaults:UploadBytes must be a whole number from 0 (none) to 1099511627776")]
    public void Key_limit_defaults_fail_naming_the_key_and_range_when_a_default_is_out_of_range(string key, string value, string message)
    {
        var failure = Should.Throw<OptionsValidationException>(
            () => Validate<KeyLimitDefaultsOptions>(KeyLimitDefaultsOptions.Section, key, value));

        failure.Failures.ShouldContain(f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Limits_pass_when_every_limit_is_zero_or_at_its_maximum()
    {
        var limits = Validate<LimitsOptions>(LimitsOptions.Section, "Reelgate:Limits:EventStreamsPerKey", "100000");
        var defaults = Validate<KeyLimitDefaultsOptions>(KeyLimitDefaultsOptions.Section, "Reelgate:Limits:Defaults:JobsInFlight", "0");

        (limits.EventStreamsPerKey, defaults.JobsInFlight).ShouldBe((100_000, 0));
    }

    private static T Validate<T>(string section, string key, string value)
        where T : class
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();
        var services = new ServiceCollection();
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<T>>().Value;
    }
}
