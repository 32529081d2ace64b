namespace LowCode.Runtime.Calendars;

/// <summary>
/// A make-up working day (调休): a date normally off — usually a Saturday or Sunday — on which people
/// work the hours of <see cref="WorksAs"/>, Monday's unless said otherwise.
/// </summary>
public sealed record WorkingDay(DateOnly Date, string? Name = null, DayOfWeek WorksAs = DayOfWeek.Monday);
