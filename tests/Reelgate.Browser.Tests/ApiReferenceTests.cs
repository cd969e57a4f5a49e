using Microsoft.Playwright;
using Reelgate.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Reelgate.Browser.Tests;

/// <summary>The Scalar reference at /scalar/v1: the product page's own cURL and Python come first, with this server's URL.</summary>
public sealed class ApiReferenceTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Api_reference_shows_the_seed_curl_first_when_the_submit_operation_opens()
    {
        var token = TestContext.Current.CancellationToken;
        var baseUrl = fixture.Server.BaseAddress.ToString().TrimEnd('/');
        var document = await fixture.Api.GetJsonAsync("/openapi/v1.json", null, token);
        var submit = document["paths"]!["/v1/videos/generations"]!["post"]!["x-codeSamples"]!.AsArray();
        submit.Select(s => s!["label"]!.GetValue<string>()).ShouldBe(["cURL", "Python"]);
        submit[0]!["source"]!.GetValue<string>().ShouldStartWith(
            $"curl {baseUrl}/v1/videos/generations \\\n  -H \"Authorization: Bearer $EMPIRIOLABS_API_KEY\"");
        submit[1]!["source"]!.GetValue<string>().ShouldContain($"f\"{baseUrl}/v1/jobs/{{job['job_id']}}\"");
        var poll = document["paths"]!["/v1/jobs/{job_id}"]!["get"]!["x-codeSamples"]!.AsArray();
        poll[0]!["source"]!.GetValue<string>().ShouldBe(
            $"curl {baseUrl}/v1/jobs/JOB_ID \\\n  -H \"Authorization: Bearer $EMPIRIOLABS_API_KEY\"");

        await using var session = await BrowserSession.OpenAsync(fixture);
        var page = session.Page;
        // The reference renders from script after the document is parsed; the visible cURL is what says it is done.
        await page.GotoAsync(
            "/scalar/v1#tag/generationsapi/POST/v1/videos/generations",
            new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Expect(page.GetByText($"curl {baseUrl}/v1/videos/generations").First).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Screenshots.SaveAsync(page, "api-reference-" + Viewport.Desktop.Name);
        session.ForeignRequests.ShouldBeEmpty();
    }
}
