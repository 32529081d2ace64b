namespace LowCode.Runtime.Calendars;

/// <summary>A whole day off on the calendar's wall clock, e.g. 2026-10-01 National Day.</summary>
public sealed record Holiday(DateOnly Date, string Name);
