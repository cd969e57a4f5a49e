// The bare endpoint the control-plane benchmark compares Reelgate with: the same Kestrel settings as
// src/Reelgate.Server/Program.cs (no Server header, 64 MiB body limit, the same host defaults and GC),
// answering POST /v1/videos/generations with 202 and GET /v1/jobs/{id} with 200, both with a job's JSON
// captured from the real server, and doing nothing else: no auth, no parsing, no database.
// With --slim it is the fastest answer Kestrel gives instead (issue 21's machine limit): CreateSlimBuilder,
// no logging, and the POST body parsed as JSON, as any real submit must at least do.
// Usage: Reelgate.Bench.Bare <job.json> [--slim] (listens on ASPNETCORE_URLS).
using System.Text;
using System.Text.Json;

var slim = args.Length == 2 && args[1] == "--slim";
if (args.Length is < 1 or > 2 || (args.Length == 2 && !slim) || !File.Exists(args[0]))
{
    await Console.Error.WriteLineAsync("usage: Reelgate.Bench.Bare <job.json> [--slim]");
    return 2;
}

var body = await File.ReadAllBytesAsync(args[0]);
string location;
using (var job = JsonDocument.Parse(body))
{
    location = $"/v1/jobs/{job.RootElement.GetProperty("job_id").GetString()}";
}

var builder = slim ? WebApplication.CreateSlimBuilder(args) : WebApplication.CreateBuilder(args);
if (slim)
{
    builder.Logging.ClearProviders();
}

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
});
var app = builder.Build();

app.MapPost("/v1/videos/generations", async (HttpContext http) =>
{
    if (slim)
    {
        using var request = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
    }

    await WriteJobAsync(http, StatusCodes.Status202Accepted);
});
app.MapGet("/v1/jobs/{job_id}", (HttpContext http) => WriteJobAsync(http, StatusCodes.Status200OK));
app.MapGet("/ready", () => Results.Text("ok", "text/plain", Encoding.UTF8));

await app.RunAsync();
return 0;

Task WriteJobAsync(HttpContext http, int status)
{
    http.Response.StatusCode = status;
    http.Response.ContentType = "application/json; charset=utf-8";
    http.Response.ContentLength = body.Length;
    if (status == StatusCodes.Status202Accepted)
    {
        http.Response.Headers.Location = location;
    }

    return http.Response.Body.WriteAsync(body, http.RequestAborted).AsTask();
}
