using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Storage;

namespace Timing.Municipalities;

/// <summary>What an import did: new codes, changed names, codes already known with the same name.</summary>
public sealed record ImportResult(int Added, int Renamed, int Unchanged);

/// <summary>Stores the CBS municipality list in the database. Running it twice changes nothing the second time.</summary>
public static class MunicipalityImport
{
    public static async Task<ImportResult> ImportAsync(TimingDbContext db, IReadOnlyList<Municipality> list, CancellationToken cancellationToken)
    {
        var existing = await db.MunicipalityNames.ToDictionaryAsync(m => m.Code, cancellationToken);
        int added = 0, renamed = 0, unchanged = 0;
        foreach (var municipality in list)
        {
            if (!existing.TryGetValue(municipality.Code.Value, out var row))
            {
                db.MunicipalityNames.Add(new MunicipalityName { Code = municipality.Code.Value, Name = municipality.Name });
                added++;
            }
            else if (row.Name != municipality.Name)
            {
                row.Name = municipality.Name;
                renamed++;
            }
            else
            {
                unchanged++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(added, renamed, unchanged);
    }

    /// <summary>The imported names as a directory.</summary>
    public static async Task<MunicipalityDirectory> LoadAsync(TimingDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.MunicipalityNames.AsNoTracking().ToListAsync(cancellationToken);
        return new MunicipalityDirectory(rows.Select(r => new Municipality(MunicipalityCode.Parse(r.Code), r.Name)));
    }
}
