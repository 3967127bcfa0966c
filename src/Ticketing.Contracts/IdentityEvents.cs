namespace Ticketing.Contracts;

/// <summary>A new account; services that write to users (Notifications) keep its address.</summary>
public sealed record UserRegistered(Guid UserId, string Email) : IntegrationEvent;
