using Ticketing.BuildingBlocks.Hosting;

namespace Ticketing.Server;

/// <summary>Every module this binary can host, in start-up order.</summary>
public static class Modules
{
    public static IReadOnlyList<IServiceModule> All() =>
    [
        new Identity.IdentityModule(),
        new Catalog.CatalogModule(),
        new Ordering.OrderingModule(),
        new Payments.PaymentsModule(),
        new Expiration.ExpirationModule(),
        new Notifications.NotificationsModule(),
        new Web.WebModule(),
    ];
}
