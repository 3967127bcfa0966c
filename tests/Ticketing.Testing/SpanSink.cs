using System.Collections;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Ticketing.Testing;

/// <summary>
/// Spans the platform exported, kept in memory for assertions. The tracer listens process-wide,
/// so it may also see other tests' platforms: select by trace id.
/// </summary>
public sealed class SpanSink : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];
    private readonly Lock _lock = new();

    /// <summary>Adds a tracer provider with the in-memory exporter to <paramref name="platform"/>.</summary>
    public static SpanSink On(TestPlatform platform)
    {
        var sink = new SpanSink();
        platform.WithServices(services => services.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(sink)));
        return sink;
    }

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_lock)
        {
            return [.. _spans];
        }
    }

    public int Count => Snapshot().Count;

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        lock (_lock)
        {
            _spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _spans.Clear();
        }
    }

    public bool Contains(Activity item) => Snapshot().Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);

    public bool Remove(Activity item)
    {
        lock (_lock)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
