-- The day of the month a jurisdiction's monthly report is made as of (domain brief, section 7: the plans
-- require a report "định kỳ ngày 22 hằng tháng"); 1 to 28, so that every month has it. The quarterly and
-- yearly reports are as of the report day of the period's last month.
ALTER TABLE jurisdictions ADD
    report_day INT NOT NULL CONSTRAINT df_jurisdictions_report_day DEFAULT 22
        CONSTRAINT ck_jurisdictions_report_day CHECK (report_day BETWEEN 1 AND 28);
