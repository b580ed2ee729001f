namespace ProcedureCatalog.Api.Procedures;

/// <summary>cấp thực hiện: who performs the procedure. <c>district</c> was abolished on 1 July 2025 and is kept for history.</summary>
public enum ProcedureLevel
{
    Central,
    Province,
    District,
    Commune,
}

/// <summary>TTHC phục vụ người dân, doanh nghiệp (external) or TTHC nội bộ (internal).</summary>
public enum ProcedureKind
{
    External,
    InternalBetweenAgencies,
    InternalWithinAgency,
}

/// <summary>mức độ trực tuyến: in person only, một phần, or toàn trình.</summary>
public enum OnlineLevel
{
    None,
    Partial,
    Full,
}

public enum ProcedureStatus
{
    Active,
    Abolished,
}

/// <summary>The unit of a processing time; reports convert to working days (hours ÷ 8, calendar days × 5/7).</summary>
public enum TimeUnit
{
    WorkingDays,
    CalendarDays,
    Hours,
}
