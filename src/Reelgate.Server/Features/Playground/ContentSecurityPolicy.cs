using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Reelgate.Server.Features.Playground;

/// <summary>
/// The Content-Security-Policy of every HTML page. The web pages load only their own scripts and styles; videos come
/// from this server (or the S3 origin that serves outputs); images also from any http(s) URL (the playground previews
/// the image URL a user typed, which the server fetches itself on submit). The Scalar reference at /scalar needs one
/// inline module script (its configuration), allowed by its SHA-256 hash computed from the page as served, and inline
/// styles (it injects its own style sheets). No page may be framed.
/// </summary>
public sealed partial class ContentSecurityPolicy(RequestDelegate next, string pagesPolicy, string referencePolicyPrefix)
{
    public const string ReferencePrefix = "/scalar";

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsReferencePage(context.Request.Path))
        {
            await ServeReferenceAsync(context);
            return;
        }

        context.Response.OnStarting(() =>
        {
            if (IsHtml(context.Response.ContentType))
            {
                context.Response.Headers.ContentSecurityPolicy = pagesPolicy;
            }

            return Task.CompletedTask;
        });
        await next(context);
    }

    /// <summary>The policies, from the settings that say where outputs are served from.</summary>
    public static (string Pages, string ReferencePrefix) Build(IConfiguration configuration)
    {
        var media = string.Join("", OutputOrigins(configuration).Select(origin => " " + origin));
        var pages = "default-src 'self'; script-src 'self'; style-src 'self'; " +
                    $"img-src 'self' data: blob: http: https:; media-src 'self' blob:{media}; connect-src 'self'; font-src 'self'; " +
                    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        var reference = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
                        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; " +
                        "script-src 'self'";
        return (pages, reference);
    }

    /// <summary>The hashes of the inline scripts of a page, in CSP's form ('sha256-...').</summary>
    public static IEnumerable<string> InlineScriptHashes(string html) =>
        InlineScript().Matches(html)
            .Select(m => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["body"].Value)))}'");

    private async Task ServeReferenceAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (IsHtml(context.Response.ContentType))
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var hashes = InlineScriptHashes(html).Distinct(StringComparer.Ordinal).ToList();
            context.Response.Headers.ContentSecurityPolicy = referencePolicyPrefix + string.Concat(hashes.Select(h => " " + h));
        }

        if (buffer.Length > 0)
        {
            context.Response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    private static bool IsReferencePage(PathString path) =>
        path.StartsWithSegments(ReferencePrefix, StringComparison.OrdinalIgnoreCase) && !Path.HasExtension(path.Value);

    private static bool IsHtml(string? contentType) =>
        contentType is not null && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where output and upload URLs point when a blob store serves them directly (S3 presigned URLs).</summary>
    private static IEnumerable<string> OutputOrigins(IConfiguration configuration)
    {
        var s3 = configuration.GetSection("Reelgate:S3");
        var url = s3["PublicUrl"] is { Length: > 0 } publicUrl ? publicUrl : s3["ServiceUrl"];
        if (string.IsNullOrWhiteSpace(s3["Bucket"]) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            yield break;
        }

        yield return uri.GetLeftPart(UriPartial.Authority);
        if (string.Equals(s3["ForcePathStyle"], "false", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{uri.Scheme}://{s3["Bucket"]}.{uri.Authority}";
        }
    }

    [GeneratedRegex(
        @"<script\b(?![^>]*\bsrc\s*=)[^>]*>(?<body>.*?)</script>",
        RegexOptions.Singleline | RegexOptions.IgnoreCase,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex InlineScript();
}
