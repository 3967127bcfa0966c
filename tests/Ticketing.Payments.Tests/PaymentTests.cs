using Ticketing.Payments.Domain;

namespace Ticketing.Payments.Tests;

public sealed class PaymentTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private static Payment NewPayment() => Payment.Start(Guid.NewGuid(), Guid.NewGuid(), "sandbox", 4_500, "EUR", 1, Now);

    [Fact]
    public void Succeed_pending_becomesSucceededAndBumpsVersion()
    {
        var payment = NewPayment();

        Assert.True(payment.Succeed(Now));
        Assert.Equal(PaymentStatuses.Succeeded, payment.Status);
        Assert.Equal(2, payment.Version);
    }

    [Fact]
    public void Succeed_afterDecline_succeeds()
    {
        var payment = NewPayment();
        payment.Fail("card_declined", Now);

        Assert.True(payment.Succeed(Now));
        Assert.Null(payment.FailureCode);
    }

    [Fact]
    public void Fail_succeeded_isRefusedAndKeepsTheMoneyRecorded()
    {
        var payment = NewPayment();
        payment.Succeed(Now);

        Assert.False(payment.Fail("late_decline", Now));
        Assert.Equal(PaymentStatuses.Succeeded, payment.Status);
    }

    [Fact]
    public void Succeed_refunded_isRefused()
    {
        var payment = NewPayment();
        payment.Refund("re_1", Now);

        Assert.False(payment.Succeed(Now));
        Assert.Equal(PaymentStatuses.Refunded, payment.Status);
    }

    [Fact]
    public void Refund_twice_secondIsNoOp()
    {
        var payment = NewPayment();
        payment.Succeed(Now);

        Assert.True(payment.Refund("re_1", Now));
        Assert.False(payment.Refund("re_2", Now));
        Assert.Equal("re_1", payment.RefundId);
    }

    [Fact]
    public void AttachProvider_secondId_keepsFirst()
    {
        var payment = NewPayment();

        payment.AttachProvider("pi_1", "pi_1_secret");
        payment.AttachProvider("pi_2", null);

        Assert.Equal("pi_1", payment.ProviderPaymentId);
        Assert.Equal("pi_1_secret", payment.ClientSecret);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(100, 0)]
    public void Start_nonPositiveAmountOrAttempt_throws(long amount, int attempt)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Payment.Start(Guid.NewGuid(), Guid.NewGuid(), "sandbox", amount, "EUR", attempt, Now));
    }
}
