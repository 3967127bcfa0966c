using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ticketing.Server.Tests;

/// <summary>
/// The mechanical part of "docs match the code": the API reference names exactly the routes the
/// OpenAPI document of the running platform has, and every relative link in the docs resolves.
/// </summary>
public sealed partial class DocsCheckTests
{
    [Fact]
    public async Task ApiReference_comparedWithOpenApiDocument_namesExactlyTheSameRoutes()
    {
        await using var platform = new TestPlatform();
        using var document = JsonDocument.Parse(await platform.CreateClient().GetStringAsync("/openapi/v1.json"));
        var inCode = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                inCode.Add(Route(operation.Name.ToUpperInvariant(), path.Name));
            }
        }

        var inDocs = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs", "api"), "*.md")
            .SelectMany(file => DocumentedRoute().Matches(File.ReadAllText(file)))
            .Select(m => Route(m.Groups[1].Value, m.Groups[2].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("POST /api/orders", inCode);
        Assert.Contains("GET /api/orders/{}", inDocs);
        var undocumented = inCode.Except(inDocs).Order().ToList();
        var unknown = inDocs.Except(inCode).Order().ToList();
        Assert.True(undocumented.Count == 0, "Not in docs/api: " + string.Join(", ", undocumented));
        Assert.True(unknown.Count == 0, "In docs/api but not in the OpenAPI document: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Docs_relativeLinks_pointAtFilesThatExist()
    {
        var root = RepositoryRoot.Path;
        var pages = Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(root, "*.md"))
            .Concat(Directory.GetFiles(Path.Combine(root, "bench"), "*.md"))
            .Concat(Directory.GetFiles(Path.Combine(root, "deploy"), "*.md", SearchOption.AllDirectories))
            // Installed packages (deploy/validate's npm tools) bring their own READMEs; they are not ours to check.
            .Where(page => !page.Split(Path.DirectorySeparatorChar).Contains("node_modules"));
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var page in pages)
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(page)))
            {
                var target = link.Groups[1].Value.Split('#')[0];
                if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                checkedLinks++;
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(target)));
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{Path.GetRelativePath(root, page)} -> {link.Groups[1].Value}");
                }
            }
        }

        Assert.True(checkedLinks > 20, $"only {checkedLinks} relative links found: is the pattern still right?");
        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
    }

    /// <summary>Method and path with parameter names dropped and no query: <c>GET /api/orders/{}</c>.</summary>
    private static string Route(string method, string path) => $"{method} {PathParameter().Replace(path.Split('?')[0].TrimEnd('/'), "{}")}";

    [GeneratedRegex(@"`(GET|POST|PUT|PATCH|DELETE) (/api/[^`\s]*)`")]
    private static partial Regex DocumentedRoute();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
