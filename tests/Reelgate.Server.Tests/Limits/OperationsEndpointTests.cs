using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Limits;

/// <summary>/metrics needs the admin key unless the operator opts out; /readyz answers from a cached check and never shows an exception's
/// text.</summary>
public sealed class OperationsEndpointTests(OperationsEndpointTests.ProbedApp app) : IClassFixture<OperationsEndpointTests.ProbedApp>
{
    public const string Secret = "Host=db.internal;Password=hunter2";

    /// <summary>The app with one more readiness check that counts its runs and throws with a secret in its message.</summary>
    public sealed class ProbedApp : ReelgateApp
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        protected override int Workers => 0;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddHealthChecks().AddCheck("leaky", () =>
            {
                Interlocked.Increment(ref _runs);
                throw new InvalidOperationException("cannot connect: " + Secret);
            }, tags: [Startup.OperationsRegistration.ReadyTag]));
        }
    }

    /// <summary>The app with Reelgate:Metrics:AllowAnonymous set.</summary>
    public sealed class OpenMetricsApp : ReelgateApp
    {
        protected override int Workers => 0;

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Reelgate:Metrics:AllowAnonymous"] = "true",
        };
    }

    [Fact]
    public async Task Metrics_need_an_admin_key_as_a_bearer_credential()
    {
        using var anonymous = app.ClientWith(null);
        using var key = await app.CreateKeyAsync();
        using var admin = app.Admin();

        (await Api.GetJsonAsync(anonymous, "/metrics")).ShouldBeError(
            HttpStatusCode.Unauthorized,
            "authentication_error",
            "missing_api_key");
        (await Api.GetJsonAsync(key.Client, "/metrics")).ShouldBeError(HttpStatusCode.Forbidden, "permission_error");
        using var scraped = await admin.GetAsync("/metrics", Api.Token);
        scraped.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await scraped.Content.ReadAsStringAsync(Api.Token);
        text.ShouldContain("# TYPE");

        // The runtime's own meter rides along: what the benchmark's warm-up watches, and an operator's GC view.
        text.ShouldContain("dotnet_jit_compilation_time_seconds_total");
        text.ShouldContain("dotnet_gc_collections_total");
    }

    [Fact]
    public async Task Metrics_answer_without_a_key_when_the_operator_opts_out()
    {
        await using var open = new OpenMetricsApp();
        using var anonymous = open.ClientWith(null);
        using var scraped = await anonymous.GetAsync("/metrics", Api.Token);
        scraped.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Readyz_answers_503_without_the_exceptions_text_and_from_its_cache_until_it_expires()
    {
        using var anonymous = app.ClientWith(null);
        var before = app.Runs;

        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await anonymous.GetAsync("/readyz", Api.Token);
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            answers.Add(await response.Content.ReadAsStringAsync(Api.Token));
        }

        app.Runs.ShouldBe(before + 1);
        answers.ShouldAllBe(body => !body.Contains("hunter2") && !body.Contains("db.internal") && !body.Contains("cannot connect"));
        answers[0].ShouldContain("the check failed; see the server log");

        app.Clock.Advance(TimeSpan.FromSeconds(6));
        using var fresh = await anonymous.GetAsync("/readyz", Api.Token);
        fresh.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        app.Runs.ShouldBe(before + 2);
    }
}
