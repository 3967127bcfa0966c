using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Tests.Probe;

namespace Ticketing.BuildingBlocks.Tests;

public sealed class DeadLetterTests
{
    [Fact]
    public async Task Handler_alwaysThrowingOnRabbitMq_isRetriedThenDeadLettered()
    {
        await using var environment = new ProbeEnvironment(TestProvider.PostgreSql, rabbitMq: true);
        using var host = await environment.BuildAsync();
        await host.StartAsync();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            db.Publish(new ProbeHappened("fail-rabbit"));
            db.Publish(new ProbeHappened("fine-rabbit"));
            await db.SaveChangesAsync();
        }

        var deadLettered = await RabbitMqAdmin.WaitForMessagesAsync($"{environment.Prefix}.probe.dead-letter", 1, TimeSpan.FromSeconds(15));
        Assert.Equal(1u, deadLettered);
        // Three attempts of its own; one more when the consumer first tried it in one run with the
        // other message (the run fails together, then each goes alone), as the in-process transport does.
        Assert.InRange(host.Services.GetRequiredService<ProbeAttempts>().Of("fail-rabbit"), 3, 4);
        // The poisoned message does not block the ones behind it.
        Assert.True(await Eventually.TrueAsync(async () => await ProbeEnvironment.CountOfAsync(host, "fine-rabbit") == 1));
        await host.StopAsync();
    }

    [Fact]
    public async Task Handler_databaseUnreachableLongerThanItsAttempts_waitsAndAppliesTheEventOnce()
    {
        await using var environment = new ProbeEnvironment(TestProvider.Sqlite, rabbitMq: false);
        using var host = await environment.BuildAsync();
        await host.StartAsync();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            db.Publish(new ProbeHappened("outage-6"));
            await db.SaveChangesAsync();
        }

        // Six failures, twice the three attempts a failing handler gets, yet no dead letter.
        Assert.True(await Eventually.TrueAsync(async () => await ProbeEnvironment.CountOfAsync(host, "outage-6") == 1));
        Assert.Equal(7, host.Services.GetRequiredService<ProbeAttempts>().Of("outage-6"));
        Assert.Equal(0, await ProbeEnvironment.QueryAsync(host, db => db.DeadLetterMessages.CountAsync()));
        await host.StopAsync();
    }

    [Fact]
    public async Task Handler_alwaysThrowingInProcess_isRetriedThenStoredAsDeadLetter()
    {
        await using var environment = new ProbeEnvironment(TestProvider.Sqlite, rabbitMq: false);
        using var host = await environment.BuildAsync();
        await host.StartAsync();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            db.Publish(new ProbeHappened("fail-local"));
            await db.SaveChangesAsync();
        }

        Assert.True(await Eventually.TrueAsync(() =>
            ProbeEnvironment.QueryAsync(host, db => db.DeadLetterMessages.AnyAsync(m => m.EventType == nameof(ProbeHappened)))));
        Assert.Equal(3, host.Services.GetRequiredService<ProbeAttempts>().Of("fail-local"));
        Assert.Equal(0, await ProbeEnvironment.QueryAsync(host, db => db.OutboxMessages.CountAsync(m => m.PublishedAt == null)));
        await host.StopAsync();
    }
}
