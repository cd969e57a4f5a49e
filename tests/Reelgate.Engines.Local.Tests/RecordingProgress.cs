namespace Reelgate.Engines.Local.Tests;

/// <summary>Records progress reports synchronously (Progress&lt;T&gt; would post them later).</summary>
internal sealed class RecordingProgress : IProgress<int>
{
    private readonly List<int> _values = [];

    public IReadOnlyList<int> Values
    {
        get
        {
            lock (_values)
            {
                return _values.ToList();
            }
        }
    }

    public int Latest
    {
        get
        {
            lock (_values)
            {
                return _values.Count == 0 ? -1 : _values[^1];
            }
        }
    }

    public void Report(int value)
    {
        lock (_values)
        {
            _values.Add(value);
        }
    }
}
