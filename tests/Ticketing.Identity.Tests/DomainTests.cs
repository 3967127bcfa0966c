using Ticketing.BuildingBlocks.Auth;
using Ticketing.Identity.Users;

namespace Ticketing.Identity.Tests;

public sealed class DomainTests
{
    private static readonly DateTime Now = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void RecordFailedSignIn_reachingLimit_locksForDuration()
    {
        var user = User.Create("a@example.test", "hash", Now);

        user.RecordFailedSignIn(Now, 3, TimeSpan.FromMinutes(15));
        user.RecordFailedSignIn(Now, 3, TimeSpan.FromMinutes(15));
        Assert.False(user.IsLockedOut(Now));
        user.RecordFailedSignIn(Now, 3, TimeSpan.FromMinutes(15));

        Assert.True(user.IsLockedOut(Now.AddMinutes(14)));
        Assert.False(user.IsLockedOut(Now.AddMinutes(15)));
    }

    [Fact]
    public void RecordFailedSignIn_afterLockExpired_startsFreshCount()
    {
        var user = User.Create("a@example.test", "hash", Now);
        for (var i = 0; i < 3; i++)
        {
            user.RecordFailedSignIn(Now, 3, TimeSpan.FromMinutes(15));
        }

        user.RecordFailedSignIn(Now.AddMinutes(20), 3, TimeSpan.FromMinutes(15));

        Assert.False(user.IsLockedOut(Now.AddMinutes(20)));
        Assert.Equal(1, user.FailedSignIns);
    }

    [Fact]
    public void RecordSuccessfulSignIn_clearsFailures()
    {
        var user = User.Create("a@example.test", "hash", Now);
        user.RecordFailedSignIn(Now, 3, TimeSpan.FromMinutes(15));

        user.RecordSuccessfulSignIn();

        Assert.Equal(0, user.FailedSignIns);
    }

    [Theory]
    [InlineData("  Bob.Smith@Example.COM\t", "bob.smith@example.com")]
    [InlineData("ALICE@EXAMPLE.TEST", "alice@example.test")]
    public void Normalise_trimsAndLowerCases(string input, string expected) =>
        Assert.Equal(expected, EmailAddress.Normalise(input));

    [Theory]
    [InlineData("bob@example.com", true)]
    [InlineData(" bob@example.com ", true)]
    [InlineData("bob@", false)]
    [InlineData("bob@example", false)]
    [InlineData("Bob <bob@example.com>", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_acceptsOnlyBareAddresses(string? email, bool expected) =>
        Assert.Equal(expected, EmailAddress.IsValid(email));

    [Fact]
    public void IsValid_over254Characters_isRejected() =>
        Assert.False(EmailAddress.IsValid(new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".test"));

    [Theory]
    [InlineData("http://127.0.0.1:8080/.well-known/openid-configuration", false)]
    [InlineData("http://localhost/.well-known/openid-configuration", false)]
    [InlineData("http://identity:8080/.well-known/openid-configuration", false)]
    [InlineData("http://identity.ticketing.svc.cluster.local/.well-known/openid-configuration", false)]
    [InlineData("http://auth.example.com/realms/ticketing", true)]
    [InlineData("http://10.0.0.7/.well-known/openid-configuration", true)]
    public void RequiresHttps_onlyLoopbackAndClusterHostsMayUseHttp(string address, bool expected) =>
        Assert.Equal(expected, new AuthOptions().RequiresHttps(address));
}
