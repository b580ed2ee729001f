using ProcedureCatalog.Api.Documents;
using ProcedureCatalog.Api.History;
using ProcedureCatalog.Api.Procedures;
using ProcedureCatalog.Api.SampleData;
using static ProcedureCatalog.Api.Generator.GeneratorVocabulary;

namespace ProcedureCatalog.Api.Generator;

internal sealed record SyntheticAgency(string Jurisdiction, string Name, bool IsCommune, bool IsDistrict);

/// <summary>
/// A national-size catalogue, in the sample catalogue's own shape, drawn from one seeded random sequence:
/// the same (size, seed) always gives the same rows in the same order, so that a benchmark or a bug can be
/// reproduced from two numbers. The proportions follow what the Resolution 66 plans describe: most procedures external, about 60 %
/// business-related, a baseline on 2024-12-31 for most, cuts published through 2025 and 2026, district-level
/// procedures abolished with the districts on 2025-07-01.
/// </summary>
internal sealed class SyntheticCatalogue
{
    /// <summary>The program's baseline date; most procedures have an entry in force on it.</summary>
    public static readonly DateOnly Baseline = new(2024, 12, 31);

    /// <summary>Districts were abolished on this date; their procedures mostly went with them.</summary>
    public static readonly DateOnly DistrictsAbolished = new(2025, 7, 1);

    /// <summary>A fixed clock, so that timestamps are part of what the seed reproduces.</summary>
    public static readonly DateTime GeneratedAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly decimal[] WorkingDays = [1, 2, 3, 5, 5, 7, 7, 10, 10, 12, 15, 15, 20, 25, 30, 45, 60];
    private static readonly decimal[] CalendarDays = [7, 10, 15, 20, 30, 45, 60, 90];
    private static readonly decimal[] Hours = [4, 8, 12, 24, 48, 72];
    private static readonly decimal[] ApplicantHours = [0.5m, 1, 1.5m, 2, 3, 4, 6, 8, 12, 16, 24, 40];
    private static readonly long[] Fees = [10_000, 20_000, 30_000, 50_000, 100_000, 150_000, 200_000, 300_000, 500_000, 1_000_000, 2_000_000, 5_000_000];

    /// <summary>What a change multiplies the previous value by: mostly cuts, sometimes nothing, now and then an increase.</summary>
    private static readonly decimal[] ChangeFactors = [0.4m, 0.5m, 0.6m, 0.6m, 0.7m, 0.7m, 0.7m, 0.8m, 0.8m, 0.9m, 1m, 1.2m];

    private readonly Random random;
    private readonly int procedureCount;

    public SyntheticCatalogue(int procedureCount, int seed)
    {
        this.procedureCount = procedureCount;
        random = new Random(seed);
        Jurisdictions = [Central, .. Provinces];
        Agencies = DrawAgencies();
        Tariffs = DrawTariffs();
    }

    public IReadOnlyList<JurisdictionName> Jurisdictions { get; }

    public IReadOnlyList<SyntheticAgency> Agencies { get; }

    /// <summary>The hourly tariff of the baseline year for every jurisdiction (and the next year's), in đồng.</summary>
    public IReadOnlyList<(string Jurisdiction, int Year, long HourlyTariffVnd)> Tariffs { get; }

    /// <summary>The procedures, jurisdiction after jurisdiction, as a catalogue is loaded; the count is split evenly.</summary>
    public IEnumerable<SampleCatalogue.SampleProcedure> Procedures()
    {
        var byJurisdiction = Agencies.GroupBy(agency => agency.Jurisdiction).ToDictionary(group => group.Key, group => new AgenciesOf(
            group.Where(agency => agency is { IsCommune: false, IsDistrict: false }).ToArray(),
            group.Where(agency => agency.IsDistrict).ToArray(),
            group.Where(agency => agency.IsCommune).ToArray()));
        for (var index = 0; index < Jurisdictions.Count; index++)
        {
            var jurisdiction = Jurisdictions[index];
            var count = procedureCount / Jurisdictions.Count + (index < procedureCount % Jurisdictions.Count ? 1 : 0);
            var agencies = byJurisdiction[jurisdiction.Code];
            var number = random.Next(1_000, 5_000);
            for (var ordinal = 0; ordinal < count; ordinal++)
            {
                number += random.Next(1, 25);
                yield return Procedure(jurisdiction, $"{1 + number / 1_000_000}.{number % 1_000_000:D6}", agencies);
            }
        }
    }

    private List<(string, int, long)> DrawTariffs()
    {
        var tariffs = new List<(string, int, long)>();
        foreach (var jurisdiction in Jurisdictions)
        {
            var baseline = 28_000 + 500L * random.Next(0, 55);
            tariffs.Add((jurisdiction.Code, Baseline.Year, baseline));
            tariffs.Add((jurisdiction.Code, Baseline.Year + 1, baseline / 100 * 106));
        }

        return tariffs;
    }

    private List<SyntheticAgency> DrawAgencies()
    {
        var agencies = Ministries.Select(name => new SyntheticAgency(Central.Code, name, false, false)).ToList();
        foreach (var province in Provinces)
        {
            // "Tỉnh Điện Biên" → "Sở Tài chính tỉnh Điện Biên"
            var suffix = char.ToLowerInvariant(province.Name[0]) + province.Name[1..];
            agencies.AddRange(Departments.Select(name => new SyntheticAgency(province.Code, $"{name} {suffix}", false, false)));
            var places = new HashSet<string>(StringComparer.Ordinal);
            while (places.Count < 46)
            {
                places.Add($"{Pick(PlaceSyllables)} {Pick(PlaceSyllables)}");
            }

            var ordered = places.ToArray();
            agencies.AddRange(ordered.Take(6).Select(place => new SyntheticAgency(province.Code, $"UBND huyện {place}", false, true)));
            agencies.AddRange(ordered.Skip(6).Select(place => new SyntheticAgency(province.Code, $"UBND {(Chance(0.75) ? "xã" : "phường")} {place}", true, false)));
        }

        return agencies;
    }

    private sealed record AgenciesOf(SyntheticAgency[] Departments, SyntheticAgency[] Districts, SyntheticAgency[] Communes);

    private SampleCatalogue.SampleProcedure Procedure(JurisdictionName jurisdiction, string code, AgenciesOf agencies)
    {
        var field = Pick(GeneratorVocabulary.Fields);
        var name = string.Join(' ', new[] { Pick(Actions), Pick(field.Objects), Pick(Qualifiers) }.Where(part => part.Length > 0));
        var level = jurisdiction == Central ? ProcedureLevel.Central
            : Weighted((ProcedureLevel.Province, 50), (ProcedureLevel.Commune, 32), (ProcedureLevel.District, 18));
        var agency = level switch
        {
            ProcedureLevel.Commune => Pick(agencies.Communes),
            ProcedureLevel.District => Pick(agencies.Districts),
            _ => Pick(agencies.Departments),
        };
        var kind = Weighted((ProcedureKind.External, 80), (ProcedureKind.InternalBetweenAgencies, 10), (ProcedureKind.InternalWithinAgency, 10));
        var businessRelated = Chance(kind == ProcedureKind.External ? 0.7 : 0.2);
        var onlineLevel = Weighted((OnlineLevel.None, 15), (OnlineLevel.Partial, 45), (OnlineLevel.Full, 40));
        var abolishedOn = level == ProcedureLevel.District
            ? Chance(0.8) ? DistrictsAbolished : null
            : Chance(0.06) ? Day(new DateOnly(2024, 6, 1), new DateOnly(2026, 6, 30)) : (DateOnly?)null;
        var decision = jurisdiction == Central ? $"QĐ-{Pick(CentralIssuers)}" : "QĐ-UBND";

        return new SampleCatalogue.SampleProcedure(
            jurisdiction.Code, code, name, level, kind, businessRelated, onlineLevel,
            FullOnlineEligible: onlineLevel == OnlineLevel.Full || Chance(0.6),
            BoundaryFree: Chance(0.65),
            field.Name, agency.Name, abolishedOn is null ? ProcedureStatus.Active : ProcedureStatus.Abolished, abolishedOn,
            LastReviewedOn: Chance(0.85) ? Day(new DateOnly(2023, 6, 1), new DateOnly(2026, 10, 31)) : null,
            LegalBasis: Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(LegalDocuments)).Distinct()
                .Select(law => new LegalBasisEntry(law.Number, law.Title, law.IssuedOn, law.Issuer)).ToList(),
            Documents: Enumerable.Range(0, 3 + random.Next(0, 6) + random.Next(0, 6)).Select(position => Document(position)).ToList(),
            TimeHistory: TimeHistory(decision),
            CostHistory: Chance(kind == ProcedureKind.External ? 0.95 : 0.5) ? CostHistory(decision) : []);
    }

    private DocumentInput Document(int position)
    {
        var providedOnce = Chance(0.35);
        return new DocumentInput(
            Pick(DocumentNames),
            Chance(0.4) ? $"Mẫu số {position + 1:D2}" : null,
            Originals: Chance(0.7) ? 1 : 0,
            Copies: random.Next(0, 3),
            CaseNote: Chance(0.15) ? Pick(CaseNotes) : null,
            providedOnce,
            DataSource: providedOnce ? Pick(DataSources) : null);
    }

    private List<TimeEntryInput> TimeHistory(string decision)
    {
        var (unit, amounts) = Weighted(((TimeUnit.WorkingDays, WorkingDays), 75), ((TimeUnit.CalendarDays, CalendarDays), 15), ((TimeUnit.Hours, Hours), 10));
        var amount = Pick(amounts);
        var entries = new List<TimeEntryInput>();
        foreach (var effectiveFrom in ChangeDates())
        {
            if (entries.Count > 0)
            {
                amount = Math.Max(1, Math.Round(amount * Pick(ChangeFactors), MidpointRounding.AwayFromZero));
                if (unit != TimeUnit.WorkingDays && Chance(0.05))
                {
                    // A change that also restates the time in working days (the unit the plans count in).
                    (unit, amount) = (TimeUnit.WorkingDays, Math.Max(1, Math.Round(unit == TimeUnit.Hours ? amount / 8 : amount * 5 / 7)));
                }
            }

            entries.Add(new TimeEntryInput(effectiveFrom, amount, unit, DecisionRef(decision)));
        }

        return entries;
    }

    private List<CostEntryInput> CostHistory(string decision)
    {
        var fee = Chance(0.45) ? 0 : Pick(Fees);
        var other = Chance(0.2) ? 0 : 10_000L * random.Next(1, 300);
        var hours = Pick(ApplicantHours);
        long? filings = Chance(0.65) ? (long)Math.Round(Math.Pow(10, 1 + 4 * random.NextDouble())) : null;
        var entries = new List<CostEntryInput>();
        foreach (var effectiveFrom in ChangeDates())
        {
            if (entries.Count > 0)
            {
                fee = (long)Math.Round(fee * Pick(ChangeFactors) / 1_000, MidpointRounding.AwayFromZero) * 1_000;
                other = (long)Math.Round(other * Pick(ChangeFactors) / 1_000, MidpointRounding.AwayFromZero) * 1_000;
                hours = Math.Round(hours * Pick(ChangeFactors) * 2, MidpointRounding.AwayFromZero) / 2;
            }

            entries.Add(new CostEntryInput(effectiveFrom, fee, other, hours, filings, DecisionRef(decision)));
        }

        return entries;
    }

    /// <summary>
    /// One to four effective dates in order. Most histories start before the baseline (so they have one);
    /// some procedures are new in 2025 or 2026. Changes fall in 2024 (before the baseline) or, mostly, in
    /// the 2025 and 2026 cuts; now and then a correction is published on the same day as the entry it fixes.
    /// </summary>
    private List<DateOnly> ChangeDates()
    {
        var first = Chance(0.9)
            ? Day(new DateOnly(2018, 1, 1), new DateOnly(2024, 11, 30))
            : Day(new DateOnly(2025, 1, 15), new DateOnly(2026, 9, 30));
        var dates = new List<DateOnly> { first };
        var changes = Weighted((0, 30), (1, 35), (2, 25), (3, 10));
        for (var change = 0; change < changes; change++)
        {
            var previous = dates[^1];
            if (Chance(0.01))
            {
                dates.Add(previous);
                continue;
            }

            var (from, until) = Weighted(
                ((new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), 15),
                ((new DateOnly(2025, 3, 1), new DateOnly(2025, 12, 20)), 55),
                ((new DateOnly(2026, 1, 15), new DateOnly(2026, 11, 30)), 30));
            from = from > previous ? from : previous.AddDays(1);
            if (from > new DateOnly(2026, 11, 30))
            {
                break;
            }

            dates.Add(Day(from, until > from ? until : from.AddDays(30)));
        }

        return dates;
    }

    private string DecisionRef(string decision) => $"{random.Next(100, 4_000)}/{decision}";

    private DateOnly Day(DateOnly from, DateOnly until) => from.AddDays(random.Next(0, until.DayNumber - from.DayNumber + 1));

    private bool Chance(double probability) => random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private T Weighted<T>(params (T Value, int Weight)[] choices)
    {
        var draw = random.Next(choices.Sum(choice => choice.Weight));
        foreach (var (value, weight) in choices)
        {
            if (draw < weight)
            {
                return value;
            }

            draw -= weight;
        }

        throw new InvalidOperationException("Unreachable: the draw is below the total weight.");
    }
}
