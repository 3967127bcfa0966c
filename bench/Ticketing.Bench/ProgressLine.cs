namespace Ticketing.Bench;

/// <summary>
/// A status line redrawn in place on a terminal; when stderr is a file or a pipe it prints a
/// plain line every few seconds instead, so logs stay readable.
/// </summary>
internal sealed class ProgressLine : IAsyncDisposable
{
    private readonly Func<string> _render;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly bool _inPlace = !Console.IsErrorRedirected;

    private ProgressLine(string stage, Func<string> render)
    {
        var started = DateTime.UtcNow;
        _render = () => $"[{stage} {(DateTime.UtcNow - started).TotalSeconds,6:F1}s] {render()}";
        _loop = LoopAsync();
    }

    public static ProgressLine Start(string stage, Func<string> render) => new(stage, render);

    public static void Log(string message) => Console.Error.WriteLine(message);

    private async Task LoopAsync()
    {
        var interval = TimeSpan.FromMilliseconds(_inPlace ? 250 : 3000);
        try
        {
            while (true)
            {
                await Task.Delay(interval, _stop.Token);
                Draw();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Draw()
    {
        var text = _render();
        Console.Error.Write(_inPlace ? $"\r{text,-110}" : text + Environment.NewLine);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Draw();
        if (_inPlace)
        {
            Console.Error.WriteLine();
        }

        _stop.Dispose();
    }
}
