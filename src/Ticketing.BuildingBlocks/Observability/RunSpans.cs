using System.Diagnostics;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.BuildingBlocks.Observability;

/// <summary>
/// The consumer spans of a run of events handled in one transaction. A span ends when the run
/// commits, not when its handler returns: until then nothing the handler wrote is visible, and a
/// reader that takes a finished span as "handled" (a trace viewer, a test) would otherwise see
/// work that can still roll back. Between handlers the ambient activity is restored, so the next
/// event's span is not a child of the previous one.
/// </summary>
internal sealed class RunSpans
{
    private readonly List<Activity> _started = [];
    private readonly Activity? _ambient = Activity.Current;

    public void Start(EventSubscription subscription, MessageEnvelope envelope, string system)
    {
        if (MessagingActivities.StartProcess(subscription, envelope, system) is { } activity)
        {
            _started.Add(activity);
        }
    }

    public void Suspend() => Activity.Current = _ambient;

    /// <summary>Ends every span; a failed run marks them failed, as their events are handled again one by one.</summary>
    public void End(Exception? error)
    {
        foreach (var activity in _started)
        {
            if (error is not null)
            {
                MessagingActivities.Fail(activity, error);
            }

            activity.Stop();
        }

        _started.Clear();
        Activity.Current = _ambient;
    }
}
