namespace Reelgate.EndToEnd.Tests;

/// <summary>
/// The cURL and Python snippets exactly as the product page prints them (a copy of shared/seed is in
/// Seed/product-page.txt), read from the page itself, with only the base URL and key swapped.
/// </summary>
public static class SeedText
{
    public static string Page { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seed", "product-page.txt"));

    public static string CurlSubmit => Between("cURL: submit the job", "cURL: poll for the result");

    public static string CurlPoll => Between("cURL: poll for the result", "Python");

    public static string Curl(string snippet, string hostedBase, string baseUrl, string key) =>
        snippet.Replace(hostedBase, baseUrl, StringComparison.Ordinal)
            .Replace("$EMPIRIOLABS_API_KEY", key, StringComparison.Ordinal)
            .Replace("curl ", "curl -sf ", StringComparison.Ordinal);

    public static string Python(string hostedBase, string baseUrl, string key) =>
        Between("\nPython\n", "Full Pixverse v5.6 API reference")
            .Replace(hostedBase, baseUrl, StringComparison.Ordinal)
            .Replace("YOUR_EMPIRIOLABS_API_KEY", key, StringComparison.Ordinal);

    private static string Between(string start, string end)
    {
        var from = Page.IndexOf(start, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0, $"the seed page has no '{start.Trim()}'");
        from += start.Length;
        var to = Page.IndexOf(end, from, StringComparison.Ordinal);
        return Page[from..to].Trim('\n') + "\n";
    }
}
