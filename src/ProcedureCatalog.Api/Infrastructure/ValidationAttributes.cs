using System.ComponentModel.DataAnnotations;

namespace ProcedureCatalog.Api.Infrastructure;

/// <summary>A date a catalogue can plausibly hold: 1945 (the first legal documents in force) to 2100.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlausibleDateAttribute : ValidationAttribute
{
    public static readonly DateOnly Earliest = new(1945, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public PlausibleDateAttribute()
        : base("{0} must be a date from 1945-01-01 to 2100-12-31.")
    {
    }

    public override bool IsValid(object? value) => value is not DateOnly date || (date >= Earliest && date <= Latest);

    public const string YearRule = "year must be from 1945 to 2100.";

    /// <summary>A program, tariff or report year within the same span as the dates.</summary>
    public static bool IsPlausibleYear(int year) => year >= Earliest.Year && year <= Latest.Year;
}

/// <summary>Amounts are kept to the hundredth; more digits would be silently lost, so they are refused.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class HundredthsAttribute : ValidationAttribute
{
    public HundredthsAttribute()
        : base("{0} may have at most 2 decimal places.")
    {
    }

    public override bool IsValid(object? value) => value is not decimal amount || decimal.Round(amount, 2) == amount;
}
