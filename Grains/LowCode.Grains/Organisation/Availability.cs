namespace LowCode.Grains.Organisation;

/// <summary>Whether an agent takes new work right now, and if not, why.</summary>
public enum Availability
{
    Available,
    /// <summary>Set off duty (signed off, sick, on a break).</summary>
    OffDuty,
    /// <summary>Outside the working hours of their shift calendar.</summary>
    OutsideShift,
    /// <summary>Inside an out-of-office period; new work goes to the delegate.</summary>
    OutOfOffice,
}
