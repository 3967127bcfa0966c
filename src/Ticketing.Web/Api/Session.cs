namespace Ticketing.Web.Api;

/// <summary>The signed-in user of this request, asked of the identity API once per request.</summary>
public sealed class Session(ApiClient api)
{
    private Task<UserDto?>? _user;

    public Task<UserDto?> GetUserAsync() => _user ??= LoadAsync();

    private async Task<UserDto?> LoadAsync()
    {
        if (api.Token is null)
        {
            return null;
        }

        var result = await api.GetAsync<CurrentUserBody>("/api/users/currentuser");
        return result.Value?.CurrentUser;
    }
}
