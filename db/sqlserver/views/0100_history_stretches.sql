-- Each history entry with the day its successor takes over (NULL: still in force). The value in force on
-- D is the entry with effective_from <= D < effective_until. Entries on the same day are ordered by when
-- they were recorded, so the earlier one gets an empty stretch and the one recorded last wins.
CREATE OR ALTER VIEW time_stretches AS
SELECT
    h.id AS entry_id,
    h.procedure_id,
    h.effective_from,
    LEAD(h.effective_from) OVER (PARTITION BY h.procedure_id ORDER BY h.effective_from, h.recorded_at, h.id) AS effective_until,
    h.amount,
    h.unit,
    h.decision_ref,
    h.recorded_at
FROM time_history h;
GO

CREATE OR ALTER VIEW cost_stretches AS
SELECT
    h.id AS entry_id,
    h.procedure_id,
    h.effective_from,
    LEAD(h.effective_from) OVER (PARTITION BY h.procedure_id ORDER BY h.effective_from, h.recorded_at, h.id) AS effective_until,
    h.fee_vnd,
    h.other_cost_vnd,
    h.applicant_hours,
    h.annual_filings,
    h.decision_ref,
    h.recorded_at
FROM cost_history h;
GO
