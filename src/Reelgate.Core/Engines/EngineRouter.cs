using Reelgate.Core.Catalog;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;

namespace Reelgate.Core.Engines;

/// <summary>
/// Picks the engines for a job: those the deployment enables, in the deployment's order, that the
/// model's catalog card says can serve it. The first is the engine a request is checked against.
/// </summary>
public sealed class EngineRouter
{
    private readonly Dictionary<string, IVideoEngine> _byName;
    private readonly IReadOnlyList<string> _preferred;

    public EngineRouter(IEnumerable<IVideoEngine> engines, IReadOnlyList<string> preferred)
    {
        _byName = engines.ToDictionary(e => e.Name, StringComparer.Ordinal);
        _preferred = preferred;
    }

    public IReadOnlyList<string> Enabled => _preferred;

    public IReadOnlyList<IVideoEngine> CandidatesFor(ModelCard model) =>
        _preferred
            .Where(name => model.Engines.Contains(name, StringComparer.Ordinal))
            .Select(name => _byName.GetValueOrDefault(name))
            .OfType<IVideoEngine>()
            .ToList();

    public IVideoEngine? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// The engines that may run a job, in order: the candidates for its model that can honour the request. A job
    /// moves down this list only while no engine has accepted it (see the worker's fallback).
    /// </summary>
    public IReadOnlyList<IVideoEngine> FallbackOrderFor(ModelCard model, GenerationSpec spec) =>
        CandidatesFor(model).Where(engine => engine.CheckSupport(spec) is null).ToList();

    /// <summary>
    /// Null when an engine for the model can run the request (the first that can is the one the job goes to); when
    /// none can, why the first cannot, naming the param.
    /// </summary>
    public Failure? CheckSupport(ModelCard model, GenerationSpec spec)
    {
        var candidates = CandidatesFor(model);
        if (candidates.Count == 0)
        {
            return Failure.Invalid("model", "model_unavailable",
                $"no engine enabled on this server serves {model.Id} (enabled: {string.Join(", ", _preferred)}; "
                + $"the model needs one of {string.Join(", ", model.Engines)})");
        }

        Failure? first = null;
        foreach (var engine in candidates)
        {
            if (engine.CheckSupport(spec) is not { } failure)
            {
                return null;
            }

            first ??= failure;
        }

        return first;
    }
}
