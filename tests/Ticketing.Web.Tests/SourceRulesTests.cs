using System.Text.RegularExpressions;

namespace Ticketing.Web.Tests;

/// <summary>
/// The typed clients of <c>src/Ticketing.Web/Api</c> own every API path and status word; pages and
/// components call their methods. These read the sources, so a raw path slipping back fails here.
/// </summary>
public sealed partial class SourceRulesTests
{
    private static readonly string WebRoot = Path.Combine(RepositoryRoot.Path, "src", "Ticketing.Web");

    private static readonly string ApiFolder = Path.Combine(WebRoot, "Api") + Path.DirectorySeparatorChar;

    [Fact]
    public void Sources_outsideTheApiFolder_containNoApiPath()
    {
        var offenders = SourcesOutsideApi().Where(f => File.ReadAllText(f).Contains("/api/", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.True(offenders.Count == 0, "API paths belong to the typed clients in src/Ticketing.Web/Api: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Sources_outsideTheApiFolder_compareNoStatusLiteral()
    {
        var offenders = SourcesOutsideApi()
            .SelectMany(f => StatusComparison().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Use the status constants or DTO properties of src/Ticketing.Web/Api: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Sources_webProject_areFound()
    {
        // Guards the two rules above against passing because they scanned nothing.
        Assert.Contains(SourcesOutsideApi(), f => f.EndsWith("EventPage.razor", StringComparison.Ordinal));
        Assert.Contains(Directory.EnumerateFiles(ApiFolder, "*.cs"), f => File.ReadAllText(f).Contains("/api/", StringComparison.Ordinal));
    }

    private static List<string> SourcesOutsideApi() =>
        Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.StartsWith(ApiFolder, StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

    // A status, failure code or provider compared or matched as a literal: Status == "created", Status: "failed", FailureCode: "...".
    [GeneratedRegex("""(Status|FailureCode|Provider)\s*(==|!=|:|is)\s*"[^"]*"|"(created|complete|cancelled|pending|failed|succeeded|draft|published|available|checked-in|revoked)"\s*(=>|or\b|when\b)""")]
    private static partial Regex StatusComparison();
}
