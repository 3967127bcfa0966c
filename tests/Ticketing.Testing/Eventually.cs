namespace Ticketing.Testing;

/// <summary>Waiting for what asynchronous messaging does eventually.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds or the timeout passes; returns its last answer.</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }
}
