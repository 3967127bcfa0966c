namespace Ticketing.Web.Tests;

/// <summary>The whole platform driven through a real browser, as organizer, buyer and gate staff.</summary>
public sealed class JourneyTests
{
    [Fact]
    public async Task Journey_organizerPublishesSeats_buyerPaysTwoSeatsWithSandboxCard_orderComplete()
    {
        await using var app = await BrowserPlatform.StartAsync();
        var title = $"Quartet {Guid.NewGuid():N}"[..16];
        var organizer = await app.NewPageAsync();
        await Ui.SignUpAsync(organizer, Ui.NewEmail("organizer"));
        await Ui.CreateSeatedEventAsync(organizer, title);
        await Screenshots.SaveAsync(organizer, "organizer-event");

        var buyer = await app.NewPageAsync();
        await Ui.SignUpAsync(buyer, Ui.NewEmail("buyer"));
        await buyer.GotoAsync("/");
        await Screenshots.SaveAsync(buyer, "home");
        await Ui.ReserveTwoSeatsAsync(buyer, title);
        await Assertions.Expect(buyer.GetByTestId("countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^1[45]:\d\d$"));
        await Assertions.Expect(buyer.Locator("table.lines tbody tr")).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(buyer, "checkout");

        await Ui.PayAsync(buyer, Ui.GoodCard);
        await Assertions.Expect(buyer.GetByTestId("order-complete")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Screenshots.SaveAsync(buyer, "order-complete");

        // The organizer's page now counts the two seats as taken, and a third party sees them gone.
        await organizer.ReloadAsync();
        await Assertions.Expect(organizer.GetByTestId("sales-table")).ToContainTextAsync("6");
        await Screenshots.SaveAsync(organizer, "organizer-dashboard");
        var visitor = await app.NewPageAsync(390, 844);
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("available-Stalls")).ToHaveTextAsync("6");
        await Assertions.Expect(visitor.Locator("input[data-ticket]")).ToHaveCountAsync(6);
        await Screenshots.SaveAsync(visitor, "event-phone");
    }

    [Fact]
    public async Task Checkout_declinedCard_showsDeclineAndKeepsOrderOpen()
    {
        await using var app = await BrowserPlatform.StartAsync();
        var title = $"Trio {Guid.NewGuid():N}"[..14];
        var organizer = await app.NewPageAsync();
        await Ui.SignUpAsync(organizer, Ui.NewEmail("organizer"));
        await Ui.CreateSeatedEventAsync(organizer, title);
        var buyer = await app.NewPageAsync();
        await Ui.SignUpAsync(buyer, Ui.NewEmail("buyer"));
        await Ui.ReserveTwoSeatsAsync(buyer, title);

        await Ui.PayAsync(buyer, "4000 0000 0000 0002");

        await Assertions.Expect(buyer.GetByTestId("payment-failed")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(buyer.GetByLabel("Card number")).ToBeVisibleAsync();
        await Assertions.Expect(buyer.GetByTestId("order-complete")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Journey_paidSeats_twoQrCodes_staffChecksInGreenThenRedAlreadyCheckedIn()
    {
        await using var app = await BrowserPlatform.StartAsync();
        var title = $"Recital {Guid.NewGuid():N}"[..17];
        var staffEmail = Ui.NewEmail("staff");
        var staff = await app.NewPageAsync(390, 844);
        await Ui.SignUpAsync(staff, staffEmail);
        var organizer = await app.NewPageAsync();
        await Ui.SignUpAsync(organizer, Ui.NewEmail("organizer"));
        await Ui.CreateSeatedEventAsync(organizer, title);
        await organizer.GetByLabel("Add staff by email").FillAsync(staffEmail);
        await organizer.GetByRole(AriaRole.Button, new() { Name = "Add staff" }).ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("staff-list")).ToContainTextAsync(staffEmail);

        var buyer = await app.NewPageAsync();
        await Ui.SignUpAsync(buyer, Ui.NewEmail("buyer"));
        await Ui.ReserveTwoSeatsAsync(buyer, title);
        await Ui.PayAsync(buyer, Ui.GoodCard);
        await Assertions.Expect(buyer.GetByTestId("order-complete")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(buyer.GetByTestId("pass-qr")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await buyer.GotoAsync("/passes");
        await Assertions.Expect(buyer.GetByTestId("pass")).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(buyer, "my-tickets");
        var code = await buyer.GetByTestId("pass-code").First.InnerTextAsync();

        await staff.GotoAsync("/gate");
        await staff.GetByLabel("Ticket code").FillAsync(code);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("gate-result")).ToHaveAttributeAsync("data-ok", "true");
        await Screenshots.SaveAsync(staff, "gate-admit");

        await staff.GetByLabel("Ticket code").FillAsync(code);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("gate-result")).ToHaveAttributeAsync("data-ok", "false");
        await Assertions.Expect(staff.GetByTestId("gate-result")).ToContainTextAsync("already checked in");
        await Screenshots.SaveAsync(staff, "gate-refuse");
    }
}
