using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ticketing.Payments.Payments;

/// <summary>Runs <see cref="PendingPayments"/> every <see cref="ReconciliationOptions.Interval"/>.</summary>
internal sealed class PaymentReconciler(
    IServiceScopeFactory scopes, IOptions<PaymentsOptions> options, TimeProvider time, ILogger<PaymentReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Reconciliation.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PendingPayments>().ReconcileAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting; the next tick tries again.
                logger.LogWarning(ex, "Reconciling pending payments failed");
            }
        }
    }
}
