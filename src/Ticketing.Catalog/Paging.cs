using Ticketing.BuildingBlocks.Web;

namespace Ticketing.Catalog;

/// <summary><c>?page</c> (from 1) and <c>?pageSize</c> (default 50, at most 200) of list endpoints.</summary>
internal readonly record struct Paging(int Skip, int Take)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;
    public const int MaxPage = 1_000_000;

    public static Paging Check(Validation validation, int? page, int? pageSize)
    {
        var p = page ?? 1;
        var size = pageSize ?? DefaultSize;
        validation.Require(p is >= 1 and <= MaxPage, "page", $"The page must be between 1 and {MaxPage}.");
        validation.Require(size is >= 1 and <= MaxSize, "pageSize", $"The page size must be between 1 and {MaxSize}.");
        return validation.IsValid ? new Paging((p - 1) * size, size) : default;
    }
}
