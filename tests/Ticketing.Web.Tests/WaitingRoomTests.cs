namespace Ticketing.Web.Tests;

/// <summary>An on-sale behind a waiting room, as two buyers in their browsers go through it.</summary>
public sealed class WaitingRoomTests
{
    [Fact]
    public async Task WaitingRoom_firstInLineBuysAndSecondSeesTheirNumberWithoutForms()
    {
        // One admission per 100 s: the first place is let in at once, the second surely not yet.
        await using var app = await BrowserPlatform.StartAsync(p => p.With("Ordering:WaitingRoom:AdmitPerSecond", "0.01"));
        var title = $"Premiere {Guid.NewGuid():N}"[..18];
        var organizer = await app.NewPageAsync();
        await Ui.SignUpAsync(organizer, Ui.NewEmail("organizer"));
        var eventId = await Ui.CreateSeatedEventAsync(organizer, title, waitingRoomMinutes: 30);
        var first = await app.NewPageAsync();
        await Ui.SignUpAsync(first, Ui.NewEmail("first"));
        var second = await app.NewPageAsync();
        await Ui.SignUpAsync(second, Ui.NewEmail("second"));

        await first.GotoAsync($"/events/{eventId}");
        await Assertions.Expect(first.GetByRole(AriaRole.Button, new() { Name = "Reserve selected seats" })).ToHaveCountAsync(0);
        await first.GetByRole(AriaRole.Button, new() { Name = "Take my place in line" }).ClickAsync();
        await Assertions.Expect(first.GetByTestId("queue-admitted")).ToBeVisibleAsync();
        await second.GotoAsync($"/events/{eventId}");
        await second.GetByRole(AriaRole.Button, new() { Name = "Take my place in line" }).ClickAsync();

        await Assertions.Expect(second.GetByTestId("queue-place")).ToContainTextAsync("You are number 1 in line");
        await Assertions.Expect(second.GetByRole(AriaRole.Button, new() { Name = "Reserve selected seats" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(second, "waiting-room");
        var seats = first.Locator("input[data-ticket]:not([disabled])");
        await seats.Nth(0).CheckAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Reserve selected seats" }).ClickAsync();
        await first.WaitForURLAsync(Ui.OrderUrl());
    }
}
