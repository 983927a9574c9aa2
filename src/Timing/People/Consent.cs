using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Timing.Storage;

namespace Timing.People;

/// <summary>
/// Whether Timing may mail an address: only after its person accepted, and never while the address is on the
/// instance's opt-out list. The list is kept per address, not per person row, so an unsubscribe outlives removing
/// the person and holds against every organisation.
/// </summary>
public static class Consent
{
    /// <summary>The stored form of an address on the opt-out list: SHA-256 of the trimmed, lower-case address.</summary>
    public static string AddressHash(string email) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()))).ToLowerInvariant();

    public static Task<bool> IsOptedOutAsync(TimingDbContext db, string email, CancellationToken cancellationToken)
    {
        var hash = AddressHash(email);
        return db.MailOptOuts.AnyAsync(o => o.AddressHash == hash, cancellationToken);
    }

    /// <summary>The addresses among these that opted out, as given.</summary>
    public static async Task<HashSet<string>> OptedOutAsync(TimingDbContext db, IEnumerable<string> emails, CancellationToken cancellationToken)
    {
        var byHash = emails.Distinct(StringComparer.Ordinal).ToDictionary(AddressHash, e => e, StringComparer.Ordinal);
        var hashes = byHash.Keys.ToList();
        var found = await db.MailOptOuts.AsNoTracking().Where(o => hashes.Contains(o.AddressHash)).Select(o => o.AddressHash).ToListAsync(cancellationToken);
        return found.Select(h => byHash[h]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether reminders and digests may go to this person, given the opted-out addresses.</summary>
    public static bool MayMail(Person person, IReadOnlySet<string> optedOut) => person.Accepted is not null && !optedOut.Contains(person.Email);

    /// <summary>Puts an address on the opt-out list and retracts what is still waiting for it, in every organisation. Safe to run twice.</summary>
    public static async Task OptOutAsync(TimingDbContext db, string email, Instant now, CancellationToken cancellationToken)
    {
        if (!await IsOptedOutAsync(db, email, cancellationToken))
        {
            db.MailOptOuts.Add(new MailOptOut { AddressHash = AddressHash(email), At = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // the same address opted out at the same time: once is enough
            }
        }
        var ids = await db.People.Where(p => p.Email == email).Select(p => p.Id).ToListAsync(cancellationToken);
        await db.Nudges.Where(n => ids.Contains(n.PersonId) && n.State == NudgeStates.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, NudgeStates.Retracted), cancellationToken);
    }

    /// <summary>The person agrees to mail, themselves: accepts an invitation or undoes an opt-out while signed in.</summary>
    public static async Task OptInAsync(TimingDbContext db, Person person, Instant now, CancellationToken cancellationToken)
    {
        var hash = AddressHash(person.Email);
        await db.MailOptOuts.Where(o => o.AddressHash == hash).ExecuteDeleteAsync(cancellationToken);
        person.Accepted ??= now;
        await db.SaveChangesAsync(cancellationToken);
    }
}
