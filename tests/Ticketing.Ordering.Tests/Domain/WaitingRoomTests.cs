using System.Security.Cryptography;
using Ticketing.Ordering.WaitingRooms;

namespace Ticketing.Ordering.Tests.Domain;

public sealed class WaitingRoomTests
{
    private static readonly DateTime Opens = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static WaitingRoom Room(double perSecond = 10, int minutes = 10) => new()
    {
        EventId = Guid.NewGuid(), OpensAt = Opens, ClosesAt = Opens.AddMinutes(minutes), NextAdmitAt = Opens,
        AdmitPerSecond = perSecond, Secret = RandomNumberGenerator.GetBytes(32),
    };

    [Fact]
    public void Admit_placesTakenAtOnce_areSpacedByTheRate()
    {
        var room = Room(perSecond: 10);

        var admitted = Enumerable.Range(0, 1001).Select(_ => room.Admit(Opens)).ToList();

        Assert.Equal(Opens, admitted[0]);
        Assert.Equal(Opens.AddSeconds(0.9), admitted[9], TimeSpan.FromMilliseconds(1));
        Assert.Equal(Opens.AddSeconds(100), admitted[1000], TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void Admit_rushMinutesAfterTheOpening_keepsTheRateFromTheRush()
    {
        var room = Room(perSecond: 10);
        var rush = Opens.AddMinutes(5);

        var first = room.Admit(rush);
        var hundredth = Enumerable.Range(0, 99).Select(_ => room.Admit(rush)).ToList()[^1];

        Assert.Equal(rush, first);
        Assert.Equal(rush.AddSeconds(9.9), hundredth, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void Admit_lineDrainedOrLongerThanTheRoom_admitsOnJoiningButNeverAfterTheClosing()
    {
        var room = Room(perSecond: 10, minutes: 1);
        room.Admit(Opens);

        Assert.Equal(Opens.AddSeconds(30), room.Admit(Opens.AddSeconds(30)));
        Assert.Equal(room.ClosesAt, Enumerable.Range(0, 1000).Select(_ => room.Admit(Opens.AddSeconds(30))).ToList()[^1]);
    }

    [Fact]
    public void NumberInLine_followsTheTimeLeftAtTheRate()
    {
        var room = Room(perSecond: 10);
        var admitAt = Opens.AddSeconds(5);

        Assert.Equal(50, room.NumberInLine(admitAt, Opens));
        Assert.Equal(1, room.NumberInLine(admitAt, admitAt.AddMilliseconds(-1)));
        Assert.Equal(0, room.NumberInLine(admitAt, admitAt));
    }

    [Fact]
    public void Token_signedAndParsed_carriesItsClaimsAndOnlyItsOwnSecretVerifiesIt()
    {
        var room = Room();
        var token = new QueueToken(room.EventId, Guid.NewGuid(), 42, Opens.AddMilliseconds(4100), room.ClosesAt);

        var text = token.Sign(room.Secret);

        Assert.Equal(token, QueueToken.Parse(text));
        Assert.True(QueueToken.IsSignedBy(text, room.Secret));
        Assert.False(QueueToken.IsSignedBy(text, Room().Secret));
    }

    [Theory]
    [InlineData(2, "41")]
    [InlineData(2, "042")]
    [InlineData(3, "0")]
    public void Token_anyClaimChanged_failsTheSignature(int part, string value)
    {
        var room = Room();
        var parts = new QueueToken(room.EventId, Guid.NewGuid(), 42, Opens.AddSeconds(4), room.ClosesAt).Sign(room.Secret).Split('.');
        parts[part] = value;

        Assert.False(QueueToken.IsSignedBy(string.Join('.', parts), room.Secret));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b.c.d.e.f")]
    [InlineData("0c7f3a0e3b1f4e1c9a1b2c3d4e5f6a7b.0c7f3a0e3b1f4e1c9a1b2c3d4e5f6a7b.-1.0.0.x")]
    [InlineData("0c7f3a0e3b1f4e1c9a1b2c3d4e5f6a7b.0c7f3a0e3b1f4e1c9a1b2c3d4e5f6a7b.1.99999999999999999999.0.x")]
    public void Parse_notAQueueToken_returnsNull(string text) => Assert.Null(QueueToken.Parse(text));
}
