using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Ticketing.BuildingBlocks.Messaging;
using Ticketing.Contracts;

namespace Ticketing.Catalog.Tests.Api;

public sealed class TicketsApiTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private readonly TestPlatform _platform = fixture.Platform;

    [Fact]
    public async Task Create_signedIn_returns201WithSeedShape()
    {
        var (client, user) = await SignedInAsync();

        var response = await client.PostAsJsonAsync("/api/tickets", new { title = "Concert", price = 20.5m });

        var ticket = await response.ReadAsync<TicketBody>(HttpStatusCode.Created);
        Assert.Equal(("Concert", 20.5m, "USD", user.Id, 1), (ticket.Title, ticket.Price, ticket.Currency, ticket.UserId, ticket.Version));
        Assert.Null(ticket.OrderId);
        Assert.Null(ticket.EventId);
        Assert.Equal($"/api/tickets/{ticket.Id}", response.Headers.Location?.OriginalString);
        var fetched = await _platform.CreateClient().GetFromJsonAsync<TicketBody>($"/api/tickets/{ticket.Id}");
        Assert.Equal(ticket, fetched);
    }

    [Fact]
    public async Task Create_anonymous_returns401()
    {
        var response = await _platform.CreateClient().PostAsJsonAsync("/api/tickets", new { title = "Concert", price = 20 });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("", 10, "title")]
    [InlineData("Concert", 0, "price")]
    [InlineData("Concert", -3, "price")]
    [InlineData("Concert", 10.125, "price")]
    public async Task Create_invalidField_returns400NamingIt(string title, decimal price, string field)
    {
        var (client, _) = await SignedInAsync();

        var response = await client.PostAsJsonAsync("/api/tickets", new { title, price });

        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Create_missingFieldsAndBadCurrency_listsEveryField()
    {
        var (client, _) = await SignedInAsync();

        var response = await client.PostAsJsonAsync("/api/tickets", new { title = new string('x', 201), currency = "usd" });

        Assert.Equal(["currency", "price", "title"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task Get_unknownId_returns404()
    {
        var response = await _platform.CreateClient().GetAsync($"/api/tickets/{Guid.NewGuid()}");

        await response.DetailAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_byOwner_returns200WithVersionIncremented()
    {
        var (client, _) = await SignedInAsync();
        var ticket = await CreateAsync(client);

        var response = await client.PutAsJsonAsync($"/api/tickets/{ticket.Id}", new { title = "Opera", price = 35 });

        var updated = await response.ReadAsync<TicketBody>(HttpStatusCode.OK);
        Assert.Equal(("Opera", 35m, 2), (updated.Title, updated.Price, updated.Version));
    }

    [Fact]
    public async Task Update_byOtherUser_returns403AndKeepsTicket()
    {
        var (owner, _) = await SignedInAsync();
        var (other, _) = await SignedInAsync();
        var ticket = await CreateAsync(owner);

        var response = await other.PutAsJsonAsync($"/api/tickets/{ticket.Id}", new { title = "Mine now", price = 1 });

        await response.DetailAsync(HttpStatusCode.Forbidden);
        Assert.Equal(ticket, await owner.GetFromJsonAsync<TicketBody>($"/api/tickets/{ticket.Id}"));
    }

    [Fact]
    public async Task Update_anonymous_returns401()
    {
        var (owner, _) = await SignedInAsync();
        var ticket = await CreateAsync(owner);

        var response = await _platform.CreateClient().PutAsJsonAsync($"/api/tickets/{ticket.Id}", new { title = "x", price = 1 });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Update_unknownTicket_returns404()
    {
        var (client, _) = await SignedInAsync();

        var response = await client.PutAsJsonAsync($"/api/tickets/{Guid.NewGuid()}", new { title = "x", price = 1 });

        await response.DetailAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Update_whileReserved_returns409TicketIsReserved()
    {
        var (client, _) = await SignedInAsync();
        var ticket = await CreateAsync(client);
        await ReserveAsync(ticket.Id, Guid.NewGuid());

        var response = await client.PutAsJsonAsync($"/api/tickets/{ticket.Id}", new { title = "Opera", price = 35 });

        Assert.Equal("The ticket is reserved.", await response.DetailAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Update_staleVersion_returns409()
    {
        var (client, _) = await SignedInAsync();
        var ticket = await CreateAsync(client);
        await (await client.PutAsJsonAsync($"/api/tickets/{ticket.Id}", new { title = "First", price = 10, version = 1 })).ExpectAsync(HttpStatusCode.OK);

        var response = await client.PutAsJsonAsync($"/api/tickets/{ticket.Id}", new { title = "Second", price = 10, version = 1 });

        await response.DetailAsync(HttpStatusCode.Conflict);
        Assert.Equal("First", (await client.GetFromJsonAsync<TicketBody>($"/api/tickets/{ticket.Id}"))!.Title);
    }

    [Fact]
    public async Task Update_concurrentEditsFromSameVersion_exactlyOneWins()
    {
        var (client, _) = await SignedInAsync();
        var ticket = await CreateAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            client.PutAsJsonAsync($"/api/tickets/{ticket.Id}", new { title = $"Edit {i}", price = i, version = 1 })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(2, (await client.GetFromJsonAsync<TicketBody>($"/api/tickets/{ticket.Id}"))!.Version);
    }

    [Fact]
    public async Task Update_concurrentEditsWithoutVersion_noWriteIsLost()
    {
        var (client, _) = await SignedInAsync();
        var ticket = await CreateAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            client.PutAsJsonAsync($"/api/tickets/{ticket.Id}", new { title = $"Edit {i}", price = i })));

        // Each 200 must be its own version: two writers that read the same version cannot both succeed.
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var wins = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1 + wins, (await client.GetFromJsonAsync<TicketBody>($"/api/tickets/{ticket.Id}"))!.Version);
        var versions = await Task.WhenAll(responses.Where(r => r.IsSuccessStatusCode).Select(r => r.Content.ReadFromJsonAsync<TicketBody>()));
        Assert.Equal(wins, versions.Select(v => v!.Version).Distinct().Count());
    }

    [Fact]
    public async Task List_reservedTicket_isNotOnSale()
    {
        var (client, _) = await SignedInAsync();
        var reserved = await CreateAsync(client);
        var onSale = await CreateAsync(client);
        await ReserveAsync(reserved.Id, Guid.NewGuid());

        var listed = await _platform.CreateClient().GetFromJsonAsync<List<TicketBody>>("/api/tickets?pageSize=200");

        Assert.Contains(listed!, t => t.Id == onSale.Id);
        Assert.DoesNotContain(listed!, t => t.Id == reserved.Id);
        Assert.All(listed!, t => Assert.Equal(TicketStatuses.Available, t.Status));
    }

    [Fact]
    public async Task List_pages_newestFirstWithoutOverlap()
    {
        var (client, _) = await SignedInAsync();
        var created = new List<TicketBody>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await CreateAsync(client));
        }

        var anonymous = _platform.CreateClient();
        var first = (await anonymous.GetFromJsonAsync<List<TicketBody>>("/api/tickets?page=1&pageSize=2"))!;
        var second = (await anonymous.GetFromJsonAsync<List<TicketBody>>("/api/tickets?page=2&pageSize=2"))!;

        Assert.Equal(2, first.Count);
        Assert.Equal([created[2].Id, created[1].Id], first.Select(t => t.Id));
        Assert.Equal(created[0].Id, second[0].Id);
    }

    [Theory]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task List_badPaging_returns400(string query, string field)
    {
        var response = await _platform.CreateClient().GetAsync($"/api/tickets?{query}");

        Assert.Equal([field], await response.ErrorFieldsAsync());
    }

    private async Task<(HttpClient Client, TestUser User)> SignedInAsync()
    {
        var user = await _platform.SignUpAsync();
        return (_platform.CreateClientFor(user), user);
    }

    private static async Task<TicketBody> CreateAsync(HttpClient client) =>
        await (await client.PostAsJsonAsync("/api/tickets", new { title = "Concert", price = 20 })).ReadAsync<TicketBody>(HttpStatusCode.Created);

    private async Task ReserveAsync(Guid ticketId, Guid orderId)
    {
        var created = new OrderCreated(orderId, 1, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(15), 2000, "USD", [new OrderedTicket(ticketId, 2000)]);
        var dispatcher = _platform.Services.GetRequiredService<EventDispatcher>();
        Assert.Equal(DispatchOutcome.Handled, await dispatcher.DispatchAsync(CatalogModule.ServiceName, OutboxMessage.From(created).ToEnvelope(), CancellationToken.None));
    }
}
