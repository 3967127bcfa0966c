using System.Diagnostics;
using OpenTelemetry;

namespace Ticketing.BuildingBlocks.Observability;

/// <summary>
/// Drops database spans that belong to no request or handler: relay polls, timer sweeps and
/// retention jobs query every few seconds and would each be a one-span trace that says nothing.
/// </summary>
internal sealed class DetachedDatabaseSpans : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.Parent is null && data.ParentSpanId == default && IsDatabase(data.Source.Name))
        {
            data.IsAllDataRequested = false;
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }

    private static bool IsDatabase(string source) =>
        source == "Npgsql" || source.StartsWith("OpenTelemetry.Instrumentation.EntityFrameworkCore", StringComparison.Ordinal);
}
