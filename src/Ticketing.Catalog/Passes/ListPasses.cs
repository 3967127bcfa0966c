using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Ticketing.BuildingBlocks.Auth;
using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Catalog.Passes;

internal static class ListPasses
{
    /// <summary>The caller's passes, newest first; a pass they transferred away is no longer theirs and not listed.</summary>
    public static async Task<Results<Ok<List<PassResponse>>, ValidationProblem>> ListAsync(
        ClaimsPrincipal user, CatalogDbContext db, CancellationToken cancellationToken, int? page = null, int? pageSize = null)
    {
        var validation = new Validation();
        var paging = Paging.Check(validation, page, pageSize);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var me = user.GetUserId();
        var passes = await db.Passes.AsNoTracking()
            .Where(p => p.HolderId == me)
            .OrderByDescending(p => p.IssuedAt).ThenByDescending(p => p.Id)
            .Skip(paging.Skip).Take(paging.Take)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(await PassViews.ForAsync(db, passes, cancellationToken));
    }

    public static async Task<Results<Ok<PassResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var pass = await HeldPass.FindAsync(db, id, user, cancellationToken);
        return pass is null
            ? HeldPass.NotFound(id)
            : TypedResults.Ok((await PassViews.ForAsync(db, [pass], cancellationToken))[0]);
    }
}

internal static class HeldPass
{
    /// <summary>The pass if the caller holds it. Someone else's is reported exactly like a missing one.</summary>
    public static Task<Domain.Pass?> FindAsync(CatalogDbContext db, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken, bool tracked = false)
    {
        var me = user.GetUserId();
        var passes = tracked ? db.Passes : db.Passes.AsNoTracking();
        return passes.FirstOrDefaultAsync(p => p.Id == id && p.HolderId == me, cancellationToken);
    }

    public static ProblemHttpResult NotFound(Guid id) => Problems.NotFound($"Pass {id} does not exist or is not yours.");
}
