using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ticketing.Notifications.Tests;

/// <summary>
/// A minimal SMTP server on loopback that accepts every message and keeps its raw text,
/// so the SMTP delivery path is exercised over a real socket. It can offer AUTH PLAIN and keeps
/// what the client sent with it; it never offers STARTTLS.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly bool _offerAuth;
    private int _connections;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<string> Messages { get; } = [];

    public List<string> Authentications { get; } = [];

    public int Connections => Volatile.Read(ref _connections);

    public SmtpSink(bool offerAuth = false)
    {
        _offerAuth = offerAuth;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ready");
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Split(' ')[0].ToUpperInvariant();
            switch (command)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync(_offerAuth ? "250-sink\r\n250 AUTH PLAIN" : "250 sink");
                    break;
                case "AUTH":
                    lock (Authentications)
                    {
                        Authentications.Add(line);
                    }

                    await writer.WriteLineAsync("235 accepted");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with .");
                    var body = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } data && data != ".")
                    {
                        body.AppendLine(data);
                    }

                    lock (Messages)
                    {
                        Messages.Add(body.ToString());
                    }

                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
    }
}
