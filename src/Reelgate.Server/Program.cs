using Reelgate.Server.Auth;
using Reelgate.Server.Configuration;
using Reelgate.Server.Errors;
using Reelgate.Server.Features.Billing;
using Reelgate.Server.Features.Files;
using Reelgate.Server.Features.Generations;
using Reelgate.Server.Features.Jobs;
using Reelgate.Server.Features.Keys;
using Reelgate.Server.Features.Models;
using Reelgate.Server.Features.OpenAiVideos;
using Reelgate.Server.Features.Playground;
using Reelgate.Server.Features.Pricing;
using Reelgate.Server.Features.SigningKeys;
using Reelgate.Server.Features.Uploads;
using Reelgate.Server.Startup;
using Reelgate.Server.Webhooks;
using Scalar.AspNetCore;

// Settings are read once at start (nothing here reloads them), so no watcher: the default one watches the whole content
// root, in which the data folder usually sits, and woke on every SQLite write (4% of the server's CPU under submits).
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
builder.Configuration.AddReelgateAliases();
builder.Configuration.AddQuietLogDefaults();
var (role, roleProblem) = NodeRoleConfiguration.Apply(builder.Configuration);
if (roleProblem is not null)
{
    await Console.Error.WriteLineAsync("reelgate: cannot start: " + roleProblem);
    return 1;
}

if (ProxyConfiguration.Read(builder.Configuration).Error is { } proxyProblem)
{
    await Console.Error.WriteLineAsync("reelgate: cannot start: " + proxyProblem);
    return 1;
}

if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls(EnvironmentAliases.DefaultUrl);
}

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
});

var (catalog, catalogErrors) = CatalogConfiguration.Build(builder.Configuration);
if (catalog is null)
{
    await Console.Error.WriteLineAsync("reelgate: cannot start: " + string.Join("; ", catalogErrors));
    return 1;
}

builder.Services.AddReelgate(builder.Configuration, catalog);
builder.AddReelgateOperations();
var app = builder.Build();

app.UseTrustedProxies();
app.UseRequestIds();
app.UseContentSecurityPolicy();
app.UseApiErrors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

// A worker-only node renders and answers health checks; the public API is served by the other roles.
if (role != NodeRole.Worker)
{
    var v1 = app.MapGroup("/v1").RequireAuthorization().ProducesAuthErrors();
    v1.MapGenerations();
    v1.MapOpenAiVideos();
    v1.MapJobs();
    v1.MapModels();
    v1.MapPricing();
    v1.MapBilling();
    v1.MapKeys();
    v1.MapSigningKeys();
    v1.MapUploads();
    v1.MapDeliveries();
    app.MapFiles();
    app.MapOpenApi("/openapi/{documentName}.json");
    app.MapScalarApiReference(
        "/scalar", options => options.DisableDefaultFonts().HideDeveloperTools().DisableAgent().DisableMcp().DisableTelemetry());
    app.UsePlayground();
}

app.MapHealth();

var problem = await StartupChecks.RunAsync(app.Services, app.Lifetime.ApplicationStopping);
if (problem is not null)
{
    await Console.Error.WriteLineAsync("reelgate: cannot start: " + problem);
    return 1;
}

ProxyConfiguration.WarnWithoutPublicUrl(app);
await app.RunAsync();
return 0;

/// <summary>The entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
