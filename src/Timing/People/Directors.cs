using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Storage;

namespace Timing.People;

/// <summary>Creating organisations and their people, with the checks that keep e-mail addresses unique and valid.</summary>
public static class Directors
{
    /// <summary>Normalises an e-mail address or throws with a message that says what is wrong.</summary>
    public static string NormaliseEmail(string? email)
    {
        var trimmed = (email ?? "").Trim();
        if (trimmed.Length is 0 or > 254 || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{trimmed}' is not an e-mail address (expected name@example.nl).");
        }
        return trimmed.ToLowerInvariant();
    }

    /// <summary>The longest organisation name, in characters.</summary>
    public const int MaxOrganisationName = 200;

    /// <summary>
    /// Adds a director, creating the organisation when no organisation of that name exists. An address may have
    /// accounts at several organisations, one at each.
    /// </summary>
    public static async Task<Person> AddDirectorAsync(TimingDbContext db, string email, string organisationName, string name, Language language, Instant now, CancellationToken cancellationToken)
    {
        var address = NormaliseEmail(email);
        var organisation = organisationName.Trim();
        if (organisation.Length is 0 or > MaxOrganisationName)
        {
            throw new ArgumentException($"De naam van de organisatie is leeg of langer dan {MaxOrganisationName} tekens / the organisation name is empty or longer than {MaxOrganisationName} characters.");
        }
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Name == organisation, cancellationToken)
            ?? db.Organisations.Add(new Organisation { Name = organisation, Created = now }).Entity;
        if (org.Id != 0 && await db.People.AnyAsync(p => p.Email == address && p.OrganisationId == org.Id, cancellationToken))
        {
            throw new ArgumentException($"{address} heeft al een account bij '{organisation}' / {address} already has an account at '{organisation}'.");
        }
        var person = new Person { Email = address, Name = name.Trim(), Language = language, Role = Roles.Director, Created = now, Accepted = now, Organisation = org };
        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }

    /// <summary>The organisation of operators who have no account yet: it follows no municipality.</summary>
    public const string OperatorsOrganisation = "Timing-beheer";

    /// <summary>
    /// Makes a person an operator of the instance (the background-job dashboard). Existing accounts of the address
    /// keep their organisations and roles, and each becomes an operator; an unknown address gets a member account in
    /// the operators' own organisation. Returns the first person and whether the account was new.
    /// </summary>
    public static async Task<(Person Person, bool Created)> AddOperatorAsync(TimingDbContext db, string email, Instant now, CancellationToken cancellationToken)
    {
        var address = NormaliseEmail(email);
        var people = await db.People.Where(p => p.Email == address).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var created = people.Count == 0;
        if (created)
        {
            var org = await db.Organisations.FirstOrDefaultAsync(o => o.Name == OperatorsOrganisation, cancellationToken)
                ?? db.Organisations.Add(new Organisation { Name = OperatorsOrganisation, Created = now }).Entity;
            people.Add(db.People.Add(new Person { Email = address, Role = Roles.Member, Created = now, Accepted = now, Organisation = org, NudgeMode = NudgeMode.None }).Entity);
        }
        people.ForEach(p => p.IsOperator = true);
        await db.SaveChangesAsync(cancellationToken);
        return (people[0], created);
    }
}
