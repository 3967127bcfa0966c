using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Ticketing.Server.Tests;

/// <summary>
/// The settings tables of docs/operations.md and the options classes name the same keys: a setting
/// added in code without a row, or a row for a setting the code no longer reads, fails here.
/// </summary>
public sealed partial class ConfigurationDocsTests
{
    /// <summary>Framework keys the tables describe but no options class of ours binds.</summary>
    private static readonly string[] FrameworkPrefixes = ["ConnectionStrings:", "Logging:", "OTEL_", "ASPNETCORE_"];

    [Fact]
    public void OperationsDoc_settingsTables_nameExactlyTheKeysOfTheOptionsClasses()
    {
        var inCode = OptionsKeys().ToHashSet(StringComparer.Ordinal);
        var inDocs = DocumentedKeys().Where(k => !FrameworkPrefixes.Any(k.StartsWith)).ToHashSet(StringComparer.Ordinal);

        var undocumented = inCode.Except(inDocs).Order().ToList();
        var unknown = inDocs.Except(inCode).Order().ToList();

        Assert.True(undocumented.Count == 0, "Not in docs/operations.md: " + string.Join(", ", undocumented));
        Assert.True(unknown.Count == 0, "Documented but bound by no options class: " + string.Join(", ", unknown));
    }

    [Fact]
    public void OptionsKeys_ofThePlatform_includeNestedAndListSettings()
    {
        var keys = OptionsKeys().ToList();

        Assert.Contains("Ordering:WaitingRoom:AdmitPerSecond", keys);
        Assert.Contains("Ticketing:Services", keys);
        Assert.Contains("Messaging:RabbitMq:Prefetch", keys);
    }

    private static IEnumerable<string> OptionsKeys()
    {
        var assemblies = new[]
        {
            typeof(BuildingBlocks.Hosting.PlatformOptions), typeof(Identity.IdentityOptions), typeof(Catalog.CatalogOptions),
            typeof(Ordering.OrderingOptions), typeof(Payments.PaymentsOptions), typeof(Expiration.ExpirationOptions),
            typeof(Notifications.Email.EmailOptions), typeof(Web.WebOptions),
        }.Select(t => t.Assembly).Distinct();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string section)
            {
                foreach (var key in KeysOf(type, section))
                {
                    yield return key;
                }
            }
        }
    }

    private static IEnumerable<string> KeysOf(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{prefix}:{property.Name}";
            var element = ElementOf(property.PropertyType);
            if (IsLeaf(property.PropertyType) || (element is not null && IsLeaf(element)))
            {
                yield return key;
            }
            else
            {
                foreach (var nested in KeysOf(element ?? property.PropertyType, element is null ? key : key + ":<n>"))
                {
                    yield return nested;
                }
            }
        }
    }

    private static Type? ElementOf(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetGenericArguments().LastOrDefault();

    private static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(Uri);
    }

    /// <summary>
    /// First cells of the settings tables: <c>`A:B:C`</c>, with siblings written
    /// <c>`A:B:C` / `D`</c> or <c>`A:B:C` / `:D`</c>; a trailing <c>:&lt;n&gt;</c> marks a list.
    /// </summary>
    private static IEnumerable<string> DocumentedKeys()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "operations.md"));
        var start = doc.IndexOf("## Configuration reference", StringComparison.Ordinal);
        var end = doc.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        foreach (var line in doc[start..end].Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)))
        {
            var names = KeyCell().Matches(line.Split('|')[1]).Select(m => m.Groups[1].Value).ToList();
            var first = names[0];
            if (!first.Contains(':'))
            {
                continue; // an environment variable of the host, not a configuration key
            }

            foreach (var name in names)
            {
                var key = name == first ? first : first[..first.LastIndexOf(':')] + ":" + name.TrimStart(':');
                yield return key.EndsWith(":<n>", StringComparison.Ordinal) ? key[..^4] : key;
            }
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex KeyCell();
}
