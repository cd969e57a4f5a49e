using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Configuration;

/// <summary>The start warns, in the log, when the server listens beyond loopback and REELGATE_PUBLIC_URL is not set.</summary>
public sealed class PublicUrlWarningTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080", null, true)]
    [InlineData("http://127.0.0.1:8080", null, false)]
    [InlineData("http://0.0.0.0:8080", "https://videos.example.com", false)]
    public async Task Start_warns_when_listening_beyond_loopback_without_a_public_URL(string urls, string? publicUrl, bool warned)
    {
        var settings = new Dictionary<string, string?> { ["urls"] = urls };
        if (publicUrl is not null)
        {
            settings["Reelgate:PublicUrl"] = publicUrl;
        }

        await using var app = new LoggedApp(settings);
        using var client = app.CreateClient();

        var warnings = app.Lines.Where(line => line.Contains("REELGATE_PUBLIC_URL is not set", StringComparison.Ordinal)).ToList();
        warnings.Count.ShouldBe(warned ? 1 : 0, string.Join('\n', app.Lines));
        if (warned)
        {
            warnings[0].ShouldStartWith("Warning ");
            warnings[0].ShouldContain(urls);
        }
    }

    private sealed class LoggedApp(IReadOnlyDictionary<string, string?> settings) : ReelgateApp
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        protected override int Workers => 0;

        protected override IReadOnlyDictionary<string, string?> Settings => settings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
#pragma warning disable CA2000 // the logging system owns and disposes its providers
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingProvider(_lines)));
#pragma warning restore CA2000
        }
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(lines);

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel,
                EventId eventId,
                TState state,
                Exception? exception,
                Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {formatter(state, exception)}");
        }
    }
}
