namespace Ticketing.Web.Tests;

public sealed class FormTests
{
    [Fact]
    public async Task Checkout_holdExpires_showsExpiryMessageAndNoPayButton()
    {
        await using var app = await BrowserPlatform.StartAsync(p => p.With("Ordering:HoldDuration", "00:00:15"));
        var title = $"Matinee {Guid.NewGuid():N}"[..17];
        var organizer = await app.NewPageAsync();
        await Ui.SignUpAsync(organizer, Ui.NewEmail("organizer"));
        await Ui.CreateSeatedEventAsync(organizer, title);
        var buyer = await app.NewPageAsync();
        await Ui.SignUpAsync(buyer, Ui.NewEmail("buyer"));
        await Ui.ReserveTwoSeatsAsync(buyer, title);
        await Assertions.Expect(buyer.GetByLabel("Card number")).ToBeVisibleAsync();

        // No reload here: the countdown and the state poll bring the page up to date on their own.
        // The hold is long enough for a loaded machine to show the pay form first.
        await Assertions.Expect(buyer.GetByTestId("order-expired")).ToBeVisibleAsync(new() { Timeout = 45_000 });
        await Assertions.Expect(buyer.GetByLabel("Card number")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(buyer, "hold-expired");
    }

    [Fact]
    public async Task Forms_invalidInput_errorsRenderNextToFields()
    {
        await using var app = await BrowserPlatform.StartAsync();
        var page = await app.NewPageAsync();

        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync("not-an-email");
        await page.GetByLabel("Password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("8");
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync("not-an-email");
        await Screenshots.SaveAsync(page, "signup-errors");

        await Ui.SignUpAsync(page, Ui.NewEmail("organizer"));
        await page.GotoAsync("/organizer");
        await page.GetByLabel("Venue").FillAsync("Somewhere");
        await page.GetByLabel("Currency").FillAsync("ZZZ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#title-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#currency-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#venue-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Venue")).ToHaveValueAsync("Somewhere");
    }

    [Fact]
    public async Task SignIn_wrongPassword_showsMessage_thenSignsInAndOut()
    {
        await using var app = await BrowserPlatform.StartAsync();
        var page = await app.NewPageAsync();
        var email = Ui.NewEmail("user");
        await Ui.SignUpAsync(page, email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await page.GotoAsync("/orders");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("wrong-password-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToBeVisibleAsync();
        await page.GetByLabel("Password").FillAsync("correct-horse-battery");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/orders$"));
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync(email);
    }
}
