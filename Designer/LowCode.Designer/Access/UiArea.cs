namespace LowCode.Designer.Access;

/// <summary>The parts of the product a person reaches from the navigation; roles decide which (the host says how).</summary>
public enum UiArea
{
    /// <summary>Catalog of ticket types and my tickets: everyone signed in.</summary>
    Portal,
    /// <summary>Tickets to work on: agents, managers, administrators.</summary>
    Workspace,
    /// <summary>Figures for managers and administrators.</summary>
    Dashboards,
    /// <summary>Ticket types: analysts and administrators.</summary>
    Designer,
    /// <summary>Users and settings: administrators.</summary>
    Administration,
}
