namespace Ticketing.Catalog.Domain;

/// <summary>Labels for a block of reserved seating: "Floor A-1", "Floor A-2", ... one per ticket row.</summary>
internal static class SeatPlan
{
    public static IEnumerable<string> Labels(string? section, IEnumerable<string> rows, int seatsPerRow)
    {
        var prefix = string.IsNullOrWhiteSpace(section) ? "" : section.Trim() + " ";
        foreach (var row in rows)
        {
            for (var seat = 1; seat <= seatsPerRow; seat++)
            {
                yield return $"{prefix}{row.Trim()}-{seat}";
            }
        }
    }
}
