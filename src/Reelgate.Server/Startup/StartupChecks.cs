using Microsoft.Extensions.Options;
using Reelgate.Core.Catalog;
using Reelgate.Core.Engines;
using Reelgate.Engines.Local.Encoding;
using Reelgate.Imaging;
using Reelgate.Server.Auth;
using Reelgate.Server.Configuration;
using Reelgate.Server.Features.Files;
using Reelgate.Storage.Migrations;

namespace Reelgate.Server.Startup;

/// <summary>
/// What must hold before the server takes a request: settings valid, data folder writable, ffmpeg present
/// (when this process renders), the schema migrated, the URL-signing secret loaded, an admin key there.
/// A problem stops the start with one line saying what to install or change.
/// </summary>
public static class StartupChecks
{
    /// <summary>Null when the server may start, else the one line to print.</summary>
    public static async Task<string?> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ReelgateOptions server;
        WorkerOptions workers;
        try
        {
            server = services.GetRequiredService<IOptions<ReelgateOptions>>().Value;
            workers = services.GetRequiredService<IOptions<WorkerOptions>>().Value;
            _ = services.GetRequiredService<IOptions<FfmpegOptions>>().Value;
            _ = services.GetRequiredService<IOptions<ImagingOptions>>().Value;
            _ = services.GetRequiredService<IOptions<LimitsOptions>>().Value;
            _ = services.GetRequiredService<IOptions<KeyLimitDefaultsOptions>>().Value;
            _ = services.GetRequiredService<IOptions<Operations.HealthOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            return "bad setting: " + string.Join("; ", e.Failures);
        }

        var dataProblem = CheckWritable(server.DataPath());
        if (dataProblem is not null)
        {
            return dataProblem;
        }

        if (workers.Count > 0)
        {
            var ffmpegProblem = await services.GetRequiredService<FfmpegTools>().FindProblemAsync(cancellationToken);
            if (ffmpegProblem is not null)
            {
                return ffmpegProblem;
            }
        }

        var router = services.GetRequiredService<EngineRouter>();
        var engineProblem = CheckEngines(router) ?? CheckCards(router, services.GetRequiredService<ModelCatalog>());
        if (engineProblem is not null)
        {
            return engineProblem;
        }

        var storageProblem = await StorageRegistration.CheckAsync(services, cancellationToken);
        if (storageProblem is not null)
        {
            return storageProblem;
        }

        await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<UrlSigner>().LoadAsync(cancellationToken);
        var createdKey = await services.GetRequiredService<AdminKeyBootstrapper>().EnsureAdminKeyAsync(cancellationToken);
        if (createdKey is not null)
        {
            await Console.Out.WriteLineAsync($"""

                Reelgate created an admin key. It is shown this once; keep it:

                    {createdKey}

                Try it:  curl -H "Authorization: Bearer {createdKey}" http://127.0.0.1:8080/v1/balance

                """);
        }

        var credentialProblem = await ProviderCredentialCheck.RunAsync(services, cancellationToken);
        if (credentialProblem is not null)
        {
            return credentialProblem;
        }

        CleanWorkFolder(server.DataPath("work"), services.GetRequiredService<TimeProvider>().GetUtcNow());
        return null;
    }

    /// <summary>Every engine the deployment names must exist: an upstream engine exists only when its key is set.</summary>
    private static string? CheckEngines(EngineRouter router)
    {
        var missing = router.Enabled.Where(name => router.Find(name) is null).ToList();
        return missing.Count == 0
            ? null
            : $"Reelgate:Engines names {string.Join(", ", missing)} but no such engine is available: an upstream engine needs its key " +
              "(REELGATE_PIXVERSE_API_KEY, REELGATE_EMPIRIOLABS_API_KEY, REELGATE_FAL_KEY or REELGATE_REPLICATE_API_TOKEN), " +
              "'openai-video' its GPU servers " +
              "(Reelgate:Upstreams:OpenAiVideo:BaseUrls); the built-in engine is 'local'";
    }

    /// <summary>
    /// Every card must give its enabled engines what they need (an engine with needs says so by <see cref="ICardRequirements"/>).
    /// </summary>
    private static string? CheckCards(EngineRouter router, ModelCatalog catalog)
    {
        var problems = catalog.Models
            .SelectMany(card => router.CandidatesFor(card).OfType<ICardRequirements>().SelectMany(engine => engine.ProblemsWith(card)))
            .ToList();
        return problems.Count == 0 ? null : "Reelgate:Catalog:Path: " + string.Join("; ", problems);
    }

    private static string? CheckWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the data folder '{directory}' is not writable ({e.Message}): set REELGATE_DATA_DIR to a folder this user can write";
        }
    }

    /// <summary>
    /// Work folders left by a process that died mid-render (their jobs are redone from the start anyway).
    /// Only old ones: another process on this data folder may be rendering into a fresh one.
    /// </summary>
    private static void CleanWorkFolder(string work, DateTimeOffset now)
    {
        if (!Directory.Exists(work))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(work))
        {
            if (Directory.GetLastWriteTimeUtc(folder) < now.UtcDateTime.AddHours(-1))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another process may be using it; it is only scratch space.
                }
            }
        }
    }
}
