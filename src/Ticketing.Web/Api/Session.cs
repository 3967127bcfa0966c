namespace Ticketing.Web.Api;

/// <summary>The signed-in user of this request, asked of the identity API once per request.</summary>
public sealed class Session(IdentityApi identity)
{
    private Task<UserDto?>? _user;

    public Task<UserDto?> GetUserAsync() => _user ??= identity.CurrentUserAsync();
}
