using Ticketing.BuildingBlocks.Persistence;

namespace Ticketing.BuildingBlocks.Tests;

public sealed class PriorityGateTests
{
    [Fact]
    public async Task Release_withWaitersInBothQueues_handsTheGateToTheFirstQueueBeforeTheRest()
    {
        var gate = new PriorityGate();
        Assert.True(await gate.EnterAsync(first: false, TimeSpan.FromSeconds(5), CancellationToken.None));
        var order = new List<string>();
        var newWork = Take(gate, first: false, "new", order);
        var finishing = Take(gate, first: true, "finishing", order);

        gate.Release();
        await Task.WhenAll(newWork, finishing).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(["finishing", "new"], order);
    }

    [Fact]
    public async Task EnterAsync_timeoutWhileHeld_returnsFalseAndLeavesTheQueue()
    {
        var gate = new PriorityGate();
        await gate.EnterAsync(first: false, TimeSpan.FromSeconds(5), CancellationToken.None);

        var timedOut = await gate.EnterAsync(first: true, TimeSpan.FromMilliseconds(50), CancellationToken.None);
        gate.Release();
        var next = await gate.EnterAsync(first: false, TimeSpan.FromMilliseconds(50), CancellationToken.None);

        Assert.False(timedOut);
        Assert.True(next);
    }

    [Fact]
    public async Task EnterAsync_cancelledWhileWaiting_throwsAndDoesNotTakeTheGateLater()
    {
        var gate = new PriorityGate();
        await gate.EnterAsync(first: false, TimeSpan.FromSeconds(5), CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync(first: false, TimeSpan.FromSeconds(5), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        gate.Release();
        Assert.True(await gate.EnterAsync(first: false, TimeSpan.FromMilliseconds(50), CancellationToken.None));
    }

    private static async Task Take(PriorityGate gate, bool first, string name, List<string> order)
    {
        await gate.EnterAsync(first, TimeSpan.FromSeconds(5), CancellationToken.None);
        lock (order)
        {
            order.Add(name);
        }

        gate.Release();
    }
}
