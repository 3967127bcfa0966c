using RabbitMQ.Client;

namespace Ticketing.Testing;

/// <summary>Inspects and removes the broker objects a test created under its own prefix.</summary>
public static class RabbitMqAdmin
{
    public static async Task<IConnection> ConnectAsync() =>
        await new ConnectionFactory { Uri = new Uri(TestInfrastructure.RabbitMqUri) }.CreateConnectionAsync();

    /// <summary>Waits until <paramref name="queue"/> holds at least <paramref name="count"/> messages.</summary>
    public static async Task<uint> WaitForMessagesAsync(string queue, uint count, TimeSpan timeout)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var deadline = DateTime.UtcNow + timeout;
        uint seen;
        do
        {
            seen = await channel.MessageCountAsync(queue);
            if (seen >= count)
            {
                return seen;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        return seen;
    }

    public static async Task DeleteTopologyAsync(string prefix, IEnumerable<string> services)
    {
        try
        {
            await using var connection = await ConnectAsync();
            await using var channel = await connection.CreateChannelAsync();
            foreach (var service in services)
            {
                await channel.QueueDeleteAsync($"{prefix}.{service}", ifUnused: false, ifEmpty: false);
                await channel.QueueDeleteAsync($"{prefix}.{service}.dead-letter", ifUnused: false, ifEmpty: false);
            }

            await channel.ExchangeDeleteAsync($"{prefix}.events");
            await channel.ExchangeDeleteAsync($"{prefix}.dead-letter");
        }
        catch (Exception)
        {
            // Clean-up is best effort; a stray queue under a random prefix harms nothing.
        }
    }
}
