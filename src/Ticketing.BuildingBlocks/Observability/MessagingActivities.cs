using System.Diagnostics;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.BuildingBlocks.Observability;

/// <summary>Consumer spans: one per handler run, a child of the context the event carries.</summary>
internal static class MessagingActivities
{
    /// <summary>Null (and no allocation) unless a tracer listens to <see cref="TicketingTelemetry.MessagingSourceName"/>.</summary>
    public static Activity? StartProcess(EventSubscription subscription, MessageEnvelope envelope, string system)
    {
        var source = TicketingTelemetry.Messaging;
        if (!source.HasListeners())
        {
            return null;
        }

        TraceContext.TryParse(envelope.TraceContext, out var parent);
        var activity = source.StartActivity(subscription.SpanName, ActivityKind.Consumer, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", system);
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", subscription.Service);
            activity.SetTag("messaging.message.id", envelope.EventId.ToString());
            activity.SetTag("ticketing.service", subscription.Service);
            activity.SetTag("ticketing.handler", subscription.HandlerName);
            activity.SetTag("ticketing.event_type", envelope.EventType);
        }

        return activity;
    }

    public static void Fail(Activity? activity, Exception error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.AddException(error);
    }
}
