using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Configuration;

namespace Reelgate.Server.Features.Jobs;

/// <summary>
/// Recently polled jobs, so a poll of a job that did not change reads no database. The job change feed drops a
/// job's copy as soon as a change of it is announced (this node's at once, other nodes' by NOTIFY); while other
/// nodes' announcements may be missed (the listener is down) nothing is served from here; a copy older than
/// <see cref="JobCacheOptions.MaxAge"/> is never served. A miss costs one store read, as without the cache.
/// Ownership is not decided here: callers check the key as they would for a job read from the store.
/// </summary>
public sealed class JobReadCache
{
    /// <summary>What an entry costs besides its text: the job, its records, the dictionary and queue slots.</summary>
    private const int EntryOverheadBytes = 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string JobId, Entry Entry)> _arrivals = new();
    private readonly Lock _evicting = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxAge;
    private readonly long _maxBytes;
    private long _bytes;
    private int _queued;
    private volatile bool _suspended;

    public JobReadCache(IOptions<JobCacheOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _maxAge = options.Value.MaxAge;
        _maxBytes = options.Value.MaxMegabytes * 1024L * 1024L;
    }

    /// <summary>Jobs held (for tests and the benchmark's story).</summary>
    public int Count => _entries.Count;

    /// <summary>The job, from a copy when a fresh one is held, else read from the store (and kept).</summary>
    public async Task<Job?> GetAsync(string jobId, IJobStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (_maxAge <= TimeSpan.Zero || _suspended)
        {
            return await store.GetAsync(jobId, cancellationToken);
        }

        var now = _time.GetUtcNow();
        if (_entries.TryGetValue(jobId, out var held))
        {
            if (held.Job is null)
            {
                // Another poll is reading it: read too, and leave the keeping to that one.
                return await store.GetAsync(jobId, cancellationToken);
            }

            if (now - held.ReadAt < _maxAge)
            {
                held.Used = true;

                return held.Job;
            }

            Remove(jobId, held);
        }

        // A placeholder marks the read in flight: a change announced meanwhile removes it, and then the job read
        // (perhaps before that change) is not kept.
        var reading = new Entry(null, now, 0);
        if (!_entries.TryAdd(jobId, reading))
        {
            return await store.GetAsync(jobId, cancellationToken);
        }

        Job? job = null;
        try
        {
            job = await store.GetAsync(jobId, cancellationToken);
        }
        finally
        {
            if (job is null)
            {
                _entries.TryRemove(KeyValuePair.Create(jobId, reading));
            }
        }

        if (job is null)
        {
            return null;
        }

        var entry = new Entry(job, now, EstimateBytes(job));
        if (_entries.TryUpdate(jobId, entry, reading))
        {
            Interlocked.Add(ref _bytes, entry.Bytes);
            Interlocked.Increment(ref _queued);
            _arrivals.Enqueue((jobId, entry));
            EvictWhileOver();
        }

        return job;
    }

    /// <summary>The job changed: its copy (or a read in flight) is dropped.</summary>
    public void Forget(string jobId)
    {
        if (_entries.TryRemove(jobId, out var removed))
        {
            Interlocked.Add(ref _bytes, -removed.Bytes);
        }
    }

    /// <summary>Changes may now go unannounced (the listener is down or not yet up): drop everything, serve nothing.</summary>
    public void Suspend()
    {
        _suspended = true;
        Flush();
    }

    /// <summary>Every change is announced again: drop what was kept before (changes may have been missed), serve again.</summary>
    public void Resume()
    {
        Flush();
        _suspended = false;
    }

    private void Flush()
    {
        foreach (var (jobId, entry) in _entries)
        {
            Remove(jobId, entry);
        }
    }

    private void Remove(string jobId, Entry entry)
    {
        if (_entries.TryRemove(KeyValuePair.Create(jobId, entry)))
        {
            Interlocked.Add(ref _bytes, -entry.Bytes);
        }
    }

    /// <summary>
    /// First in, first out, with a second chance for a copy polled since it arrived. The queue also holds copies
    /// already dropped by changes; counting it bounds those too.
    /// </summary>
    private void EvictWhileOver()
    {
        if (!IsOver() || !_evicting.TryEnter())
        {
            return;
        }

        try
        {
            var passes = Volatile.Read(ref _queued) * 2;
            while (IsOver() && passes-- > 0 && _arrivals.TryDequeue(out var oldest))
            {
                Interlocked.Decrement(ref _queued);
                var current = _entries.TryGetValue(oldest.JobId, out var held) && ReferenceEquals(held, oldest.Entry);
                if (current && oldest.Entry.Used)
                {
                    oldest.Entry.Used = false;
                    Interlocked.Increment(ref _queued);
                    _arrivals.Enqueue(oldest);
                }
                else if (current)
                {
                    Remove(oldest.JobId, oldest.Entry);
                }
            }
        }
        finally
        {
            _evicting.Exit();
        }
    }

    private bool IsOver() =>
        Interlocked.Read(ref _bytes) > _maxBytes || Volatile.Read(ref _queued) > _maxBytes / EntryOverheadBytes;

    /// <summary>Strings dominate a job (a prompt, a data URI of an image, outputs' keys): two bytes a character.</summary>
    private static int EstimateBytes(Job job)
    {
        var spec = job.Request;
        long chars = spec.Prompt.Length + (spec.NegativePrompt?.Length ?? 0) + (spec.Image?.Length ?? 0) + (spec.ImageEnd?.Length ?? 0)
            + (spec.WebhookUrl?.Length ?? 0) + (job.Error?.Message.Length ?? 0) + (job.Result?.Thinking?.Length ?? 0);
        foreach (var (name, value) in spec.Metadata)
        {
            chars += name.Length + value.Length;
        }

        var records = job.Inputs.Count + (job.Result?.Outputs.Count ?? 0);
        return (int)Math.Min(int.MaxValue, EntryOverheadBytes + (2 * chars) + (256L * records));
    }

    /// <summary>A kept job (null: a read in flight) and when its read began.</summary>
    private sealed class Entry(Job? job, DateTimeOffset readAt, int bytes)
    {
        public Job? Job { get; } = job;

        public DateTimeOffset ReadAt { get; } = readAt;

        public int Bytes { get; } = bytes;

        public bool Used { get; set; }
    }
}
