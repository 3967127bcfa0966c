using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Ticketing.BuildingBlocks.Messaging;

namespace Ticketing.BuildingBlocks.Persistence;

/// <summary>
/// Base of every service's DbContext: adds the outbox, inbox and dead-letter tables so
/// that a state change and the events it causes commit in one transaction.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    private bool _outboxWritten;
    private List<Action>? _afterCommit;

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<DeadLetterMessage> DeadLetterMessages => Set<DeadLetterMessage>();

    public bool IsPostgreSql => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Records an integration event; it is published after <c>SaveChanges</c> commits.</summary>
    public void Publish(Contracts.IntegrationEvent integrationEvent)
    {
        OutboxMessages.Add(OutboxMessage.From(integrationEvent));
        _outboxWritten = true;
    }

    /// <summary>Call after writing outbox rows without <see cref="Publish"/> (bulk inserts), so their commit wakes the relay.</summary>
    public void NoteOutboxWritten() => _outboxWritten = true;

    /// <summary>
    /// True once after events were recorded; <see cref="OutboxSignal"/> asks at commit time,
    /// so only commits that wrote outbox rows wake the relay.
    /// </summary>
    internal bool TakeOutboxWritten()
    {
        var written = _outboxWritten;
        _outboxWritten = false;
        return written;
    }

    /// <summary>
    /// Runs <paramref name="action"/> once the changes made so far commit (a metric of something
    /// that really happened); dropped if they roll back, so a retried transaction counts once.
    /// </summary>
    public void AfterCommit(Action action) => (_afterCommit ??= []).Add(action);

    /// <summary>Called by <see cref="OutboxSignal"/> at commit.</summary>
    internal void RunAfterCommit()
    {
        if (_afterCommit is not { Count: > 0 } actions)
        {
            return;
        }

        _afterCommit = null;
        foreach (var action in actions)
        {
            action();
        }
    }

    /// <summary>Called by <see cref="OutboxSignal"/> when the changes did not commit.</summary>
    internal void DiscardAfterCommit() => _afterCommit = null;

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessagingTables();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Timestamps are stored in UTC. SQLite hands them back with an unspecified kind,
        // which would serialise without a zone; this marks them UTC again on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
