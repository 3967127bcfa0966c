using System.Text.RegularExpressions;

namespace Ticketing.Web.Tests;

/// <summary>Steps a person takes in the browser, shared by the journeys.</summary>
public static partial class Ui
{
    public const string GoodCard = "4242 4242 4242 4242";

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.test";

    public static async Task SignUpAsync(IPage page, string email, string password = "correct-horse-battery")
    {
        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("current-user")).ToHaveTextAsync(email);
    }

    /// <summary>Creates, stocks (rows A and B, four seats each) and publishes an event; returns its id.</summary>
    public static async Task<string> CreateSeatedEventAsync(IPage page, string title, int waitingRoomMinutes = 0)
    {
        await page.GotoAsync("/organizer");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Venue").FillAsync("Town Hall");
        await page.GetByLabel("Description").FillAsync("An evening of chamber music.");
        await page.Locator("#waitingRoomMinutes").FillAsync(waitingRoomMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        await page.WaitForURLAsync(OrganizerEventUrl());
        var id = OrganizerEventUrl().Match(page.Url).Groups[1].Value;

        await page.Locator("#seat-tier").FillAsync("Stalls");
        await page.Locator("#seat-price").FillAsync("25");
        await page.Locator("#rows").FillAsync("A, B");
        await page.Locator("#seatsPerRow").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate seats" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Seats added.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("event-status")).ToHaveTextAsync("published");
        return id;
    }

    /// <summary>
    /// Opens the event from the home page, picks the first two free seats and reserves them. Ordering
    /// learns a just-published event's tickets from events, so for a moment it may answer "unknown
    /// ticket": the buyer then sees the problem banner and tries again, as a person would.
    /// </summary>
    public static async Task ReserveTwoSeatsAsync(IPage page, string title)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        var eventUrl = page.Url;
        for (var attempt = 1; ; attempt++)
        {
            var seats = page.Locator("input[data-ticket]:not([disabled])");
            await seats.Nth(0).CheckAsync();
            await seats.Nth(1).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Reserve selected seats" }).ClickAsync();
            var problem = page.GetByTestId("problem");
            var ordered = page.GetByRole(AriaRole.Heading, new() { Name = "Your order" });
            await Assertions.Expect(ordered.Or(problem).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            if (OrderUrl().IsMatch(page.Url) || attempt == 10 || !await problem.IsVisibleAsync())
            {
                break;
            }

            await Task.Delay(500);
            await page.GotoAsync(eventUrl);
        }

        await page.WaitForURLAsync(OrderUrl());
    }

    public static async Task PayAsync(IPage page, string card)
    {
        await page.GetByLabel("Card number").FillAsync(card);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay now" }).ClickAsync();
    }

    [GeneratedRegex(@"/organizer/events/([0-9a-f-]{36})$")]
    public static partial Regex OrganizerEventUrl();

    [GeneratedRegex(@"/orders/[0-9a-f-]{36}$")]
    public static partial Regex OrderUrl();
}
